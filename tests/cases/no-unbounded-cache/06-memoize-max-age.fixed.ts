// Source: https://github.com/sindresorhus/memoize/issues/14
// Bug: fixed (memoize PR #19, via an expiring map): each stored result schedules its own removal once maxAge has passed.
// expect: none

import { setTimeout } from 'node:timers';

interface Entry<R> {
  data: R;
  expiresAt: number;
}

export function memoize<R>(fn: (key: string) => R, maxAge: number): (key: string) => R {
  const cache = new Map<string, Entry<R>>();
  return (key: string): R => {
    const hit = cache.get(key);
    if (hit && Date.now() < hit.expiresAt) return hit.data;
    const data = fn(key);
    const expiresAt = Date.now() + maxAge;
    cache.set(key, { data, expiresAt });
    setTimeout(() => {
      const current = cache.get(key);
      if (current && current.expiresAt <= Date.now()) cache.delete(key);
    }, maxAge).unref();
    return data;
  };
}
