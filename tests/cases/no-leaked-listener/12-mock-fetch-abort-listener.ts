// Source: https://github.com/wheresrhys/fetch-mock/pull/953
// Bug: the mocked fetch added an 'abort' listener to the request's signal and never cleaned it up, so a signal such as AbortSignal.timeout() fired into finished requests and kept them in memory.
// expect: no-leaked-listener/listenerNeverRemoved 11:7

export function mockFetch(url: string, init: RequestInit = {}): Promise<Response> {
  const signal = init.signal;
  return new Promise<Response>((resolve, reject) => {
    const abort = (): void => reject(new DOMException('The operation was aborted.', 'AbortError'));
    if (signal) {
      if (signal.aborted) abort();
      signal.addEventListener('abort', abort);
    }
    queueMicrotask(() => resolve(new Response(`mocked ${url}`)));
  });
}
