// Source: https://github.com/anywhichway/nano-memoize/issues/68
// Bug: fixed twin: each entry keeps its own expiry timer in a map, and clear() cancels all of them.
// expect: none

export interface Memoized<A extends string, R> {
  (arg: A): R;
  clear(): void;
}

export function memoize<A extends string, R>(fn: (arg: A) => R, maxAge: number): Memoized<A, R> {
  const cache = new Map<A, R>();
  const expiries = new Map<A, ReturnType<typeof setTimeout>>();
  const memoized = (arg: A): R => {
    if (cache.has(arg)) return cache.get(arg) as R;
    const result = fn(arg);
    cache.set(arg, result);
    expiries.set(
      arg,
      setTimeout(() => {
        cache.delete(arg);
        expiries.delete(arg);
      }, maxAge),
    );
    return result;
  };
  memoized.clear = (): void => {
    for (const timer of expiries.values()) clearTimeout(timer);
    expiries.clear();
    cache.clear();
  };
  return memoized;
}
