// Source: https://github.com/karakeep-app/karakeep/pull/2390
// Bug: none: the per-IP limiter state lives in an LRUCache with max 50 000 (the bounded store this PR proposed), which evicts on its own.
// expect: none

import { LRUCache } from 'lru-cache';

interface RateWindow {
  count: number;
  resetAt: number;
}

const windows = new LRUCache<string, RateWindow>({ max: 50_000 });

export function hit(ip: string, limit: number, windowMs: number, now = Date.now()): boolean {
  const current = windows.get(ip);
  if (!current || current.resetAt <= now) {
    windows.set(ip, { count: 1, resetAt: now + windowMs });
    return true;
  }
  current.count += 1;
  return current.count <= limit;
}
