// Source: https://github.com/sindresorhus/p-forever/issues/7
// Bug: negative: a forever helper whose loop returns when the callback hands back the end symbol; that exit is inside the loop, so the loop can stop.
// expect: none

export const end = Symbol('pForever.end');

export async function pForever<T>(fn: (previous: T) => Promise<T | typeof end>, initial: T): Promise<void> {
  let previous = initial;
  while (true) {
    const value = await fn(previous);
    if (value === end) return;
    previous = value;
  }
}
