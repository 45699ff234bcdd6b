// Source: https://github.com/wheresrhys/fetch-mock/pull/953
// Bug: fixed twin: the listener is removed once the response is made (and is once-only).
// expect: none

export function mockFetch(url: string, init: RequestInit = {}): Promise<Response> {
  const signal = init.signal;
  return new Promise<Response>((resolve, reject) => {
    const abort = (): void => reject(new DOMException('The operation was aborted.', 'AbortError'));
    if (signal) {
      if (signal.aborted) abort();
      signal.addEventListener('abort', abort, { once: true });
    }
    queueMicrotask(() => {
      signal?.removeEventListener('abort', abort);
      resolve(new Response(`mocked ${url}`));
    });
  });
}
