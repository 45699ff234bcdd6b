// Source: https://github.com/Nexus-Mods/discord-bot/pull/67
// Bug: the account-link flow parks a Discord identity under a one-time token in the bot's long-lived temp store, but reading it never removes it, so the store only ever grows.
// expect: no-unbounded-cache/mapNeverShrinks 14:20

import { randomBytes } from 'node:crypto';

interface PendingLink {
  discordId: string;
  discordUsername: string;
  createdAt: number;
}

class TempStore {
  private readonly tokens = new Map<string, PendingLink>();

  issue(discordId: string, discordUsername: string): string {
    const token = randomBytes(16).toString('hex');
    this.tokens.set(token, { discordId, discordUsername, createdAt: Date.now() });
    return token;
  }

  take(token: string): PendingLink | undefined {
    return this.tokens.get(token);
  }
}

export const tempStore = new TempStore();
