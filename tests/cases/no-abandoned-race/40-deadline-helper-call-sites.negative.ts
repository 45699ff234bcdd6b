// Source: https://github.com/apmantza/pi-lens/issues/1109
// Bug: none: a shared withDeadline() clears its timer and aborts the work's signal on every outcome, and call sites pass that signal on.
// expect: none

export async function withDeadline<T>(work: (signal: AbortSignal) => Promise<T>, ms: number): Promise<T> {
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    return await Promise.race([
      work(controller.signal),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`deadline of ${ms}ms exceeded`)), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
    controller.abort();
  }
}

export const getStatus = (url: string) =>
  withDeadline((signal) => fetch(`${url}/status`, { signal }).then((r) => r.status), 2_000);
