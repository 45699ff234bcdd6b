// Source: https://github.com/rocicorp/mono/pull/2410
// Bug: fixed twin: the PR removes the abort listener when sleep's timeout fires as well as on abort.
// expect: none

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

export async function waitUntil(check: () => Promise<boolean>, signal?: AbortSignal): Promise<void> {
  while (!(await check())) await sleep(1000, signal);
}
