// Source: https://github.com/SandeepVashishtha/Eventra/issues/9240
// Bug: fixed (Eventra PR #9241): a background sweep, unref'd so it never keeps the process alive, deletes every counter whose window has expired.
// expect: no-leaked-timer/intervalNeverCleared 22:17

import { setInterval } from 'node:timers';

export interface Req {
  ip: string;
}
export interface Res {
  status(code: number): Res;
  end(): void;
}

interface Hit {
  count: number;
  resetAt: number;
}

export function createRateLimiter(windowMs: number, max: number) {
  const store = new Map<string, Hit>();
  const sweep = setInterval(() => {
    const now = Date.now();
    for (const [ip, hit] of store) {
      if (hit.resetAt <= now) store.delete(ip);
    }
  }, windowMs);
  sweep.unref();
  return function rateLimit(req: Req, res: Res, next: () => void): void {
    const now = Date.now();
    const hit = store.get(req.ip);
    if (!hit || hit.resetAt <= now) {
      store.set(req.ip, { count: 1, resetAt: now + windowMs });
      next();
      return;
    }
    hit.count += 1;
    if (hit.count > max) {
      res.status(429).end();
      return;
    }
    next();
  };
}
