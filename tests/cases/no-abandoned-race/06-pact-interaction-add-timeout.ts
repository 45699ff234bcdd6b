// Source: https://github.com/pactflow/pact-msw-adapter/pull/123
// Bug: addTimeout() raced the wait for a matched response against a setTimeout that was not cleared when the response arrived, leaving an open handle that kept Jest from exiting.
// expect: no-abandoned-race/timerNeverCleared 12:10
// expect: no-abandoned-race/signalNotPassed 12:10

declare function waitForMatchedResponse(
  requestId: string,
  options?: { signal?: AbortSignal },
): Promise<Response>;

export function recordInteraction(requestId: string, timeout: number): Promise<Response> {
  return Promise.race([
    waitForMatchedResponse(requestId),
    new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error(`[pact-msw-adapter] ${requestId} timed out after ${timeout}ms`)), timeout),
    ),
  ]);
}
