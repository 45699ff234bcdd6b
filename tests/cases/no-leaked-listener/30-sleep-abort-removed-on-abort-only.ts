// Source: https://github.com/rocicorp/mono/pull/2410
// Bug: sleep() added an abort listener to the caller's signal and removed it only when the signal aborted, not when the sleep's own timeout fired, so every finished sleep in a polling loop left a listener on the signal.
// expect: no-leaked-listener/listenerNeverRemoved 17:5

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      reject(signal?.reason);
    };
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', onAbort);
  });
}

export async function waitUntil(check: () => Promise<boolean>, signal?: AbortSignal): Promise<void> {
  while (!(await check())) await sleep(1000, signal);
}
