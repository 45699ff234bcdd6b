// Source: https://github.com/anywhichway/nano-memoize/issues/68
// Bug: every call with new arguments reassigned the one timeout variable, so clear() could only cancel the last expiry timer and the others held the process open.
// expect: no-leaked-timer/timerOverwritten 17:5

export interface Memoized<A extends string, R> {
  (arg: A): R;
  clear(): void;
}

export function memoize<A extends string, R>(fn: (arg: A) => R, maxAge: number): Memoized<A, R> {
  const cache = new Map<A, R>();
  let expiry: ReturnType<typeof setTimeout> | undefined;
  const memoized = (arg: A): R => {
    if (cache.has(arg)) return cache.get(arg) as R;
    const result = fn(arg);
    cache.set(arg, result);
    expiry = setTimeout(() => cache.delete(arg), maxAge);
    return result;
  };
  memoized.clear = (): void => {
    clearTimeout(expiry);
    cache.clear();
  };
  return memoized;
}
