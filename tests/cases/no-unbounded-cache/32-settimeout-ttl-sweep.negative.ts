// Source: https://github.com/Nexus-Mods/discord-bot/pull/67
// Bug: none: each pending entry schedules its own deletion with setTimeout, a TTL sweep that bounds the map by arrival rate times TTL.
// expect: none

import { setTimeout } from 'node:timers';

const TTL_MS = 5 * 60 * 1000;

class PendingVerifications {
  private readonly codes = new Map<string, string>();

  start(userId: string, code: string): void {
    this.codes.set(userId, code);
    setTimeout(() => {
      if (this.codes.get(userId) === code) this.codes.delete(userId);
    }, TTL_MS).unref();
  }

  check(userId: string, code: string): boolean {
    return this.codes.get(userId) === code;
  }
}

export const pending = new PendingVerifications();
