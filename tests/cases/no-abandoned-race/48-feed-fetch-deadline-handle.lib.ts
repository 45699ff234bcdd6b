// Source: https://github.com/jfroelich/rss-reader/issues/202
// Bug: module of case 48: a deadline helper that hands back its timer promise with a way to clear it.
// expect: none

export interface Deadline {
  readonly promise: Promise<never>;
  clear(): void;
}

export function deadline(ms: number, message: string): Deadline {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const promise = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms);
  });
  return { promise, clear: () => clearTimeout(timer) };
}
