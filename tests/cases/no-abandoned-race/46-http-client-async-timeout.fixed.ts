// Source: https://github.com/sindresorhus/ky/issues/8
// Bug: fixed twin: the timer aborts the request's controller (combined with the caller's signal) before it rejects, and it is cleared when the race settles; the request options are built before the call.
// expect: none

export class TimeoutError extends Error {
  constructor(readonly url: string) {
    super(`Request to ${url} timed out`);
    this.name = 'TimeoutError';
  }
}

export async function requestWithTimeout(url: string, init: RequestInit, timeoutMs: number): Promise<Response> {
  const controller = new AbortController();
  const requestInit: RequestInit = {
    ...init,
    signal: init.signal ? AbortSignal.any([init.signal, controller.signal]) : controller.signal,
  };
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    return await Promise.race([
      fetch(url, requestInit),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          controller.abort();
          reject(new TimeoutError(url));
        }, timeoutMs);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}
