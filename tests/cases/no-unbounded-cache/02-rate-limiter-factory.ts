// Source: https://github.com/SandeepVashishtha/Eventra/issues/9240
// Bug: createRateLimiter() keeps a Map of hit counters per IP inside the closure of the middleware it returns; expired windows are only overwritten when the same IP comes back, so one-off clients stay forever.
// expect: no-unbounded-cache/mapNeverShrinks 19:9

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
