// Source: https://github.com/pactflow/pact-msw-adapter/pull/123
// Bug: fixed twin: the timeout handle is cleared in .finally() on the race and the wait is aborted there too.
// expect: none

declare function waitForMatchedResponse(
  requestId: string,
  options?: { signal?: AbortSignal },
): Promise<Response>;

export function recordInteraction(requestId: string, timeout: number): Promise<Response> {
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  return Promise.race([
    waitForMatchedResponse(requestId, { signal: controller.signal }),
    new Promise<never>((_, reject) => {
      const message = `[pact-msw-adapter] ${requestId} timed out after ${timeout}ms`;
      timer = setTimeout(() => reject(new Error(message)), timeout);
    }),
  ]).finally(() => {
    clearTimeout(timer);
    controller.abort();
  });
}
