// Source: https://github.com/sindresorhus/ky/issues/8
// Bug: the client's timeout raced fetch() against an async IIFE that awaited delay(ms) and threw TimeoutError; the request was never aborted, so it continued after the timeout, and the delay's timer stayed armed after a fast response.
// expect: no-abandoned-race/timerNeverCleared 18:10
// expect: no-abandoned-race/signalNotPassed 18:10

export class TimeoutError extends Error {
  constructor(readonly url: string) {
    super(`Request to ${url} timed out`);
    this.name = 'TimeoutError';
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export function requestWithTimeout(url: string, init: RequestInit, timeoutMs: number): Promise<Response> {
  return Promise.race([
    fetch(url, init),
    (async () => {
      await delay(timeoutMs);
      throw new TimeoutError(url);
    })(),
  ]);
}
