// Source: https://github.com/Nexus-Mods/discord-bot/pull/67
// Bug: fixed (discord-bot PR #67): a token is removed when it is used, with a five-minute fallback timer for link attempts that never finish.
// expect: none

import { randomBytes } from 'node:crypto';
import { setTimeout } from 'node:timers';

interface PendingLink {
  discordId: string;
  discordUsername: string;
  createdAt: number;
}

const TOKEN_TTL_MS = 5 * 60 * 1000;

class TempStore {
  private readonly tokens = new Map<string, PendingLink>();

  issue(discordId: string, discordUsername: string): string {
    const token = randomBytes(16).toString('hex');
    this.tokens.set(token, { discordId, discordUsername, createdAt: Date.now() });
    setTimeout(() => this.tokens.delete(token), TOKEN_TTL_MS).unref();
    return token;
  }

  take(token: string): PendingLink | undefined {
    const link = this.tokens.get(token);
    this.tokens.delete(token);
    return link;
  }
}

export const tempStore = new TempStore();
