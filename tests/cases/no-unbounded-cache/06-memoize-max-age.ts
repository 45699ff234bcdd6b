// Source: https://github.com/sindresorhus/memoize/issues/14
// Bug: the memoizer checks maxAge when reading but never deletes expired results, so every key ever passed stays in the closure's Map long after it has expired.
// expect: no-unbounded-cache/mapNeverShrinks 11:9

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
    cache.set(key, { data, expiresAt: Date.now() + maxAge });
    return data;
  };
}
