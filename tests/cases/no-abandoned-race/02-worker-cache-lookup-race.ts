// Source: https://github.com/Helicone/helicone/issues/5771
// Bug: the worker raced its cache read against a 2-second setTimeout that was never cleared, and the cache read kept running after the timeout won, leaving a pending timer and request per call.
// expect: no-abandoned-race/timerNeverCleared 10:18
// expect: no-abandoned-race/signalNotPassed 10:18

declare function readCachedResponse(cacheKey: string, options?: { signal?: AbortSignal }): Promise<Response | null>;

export async function getCachedResponse(cacheKey: string): Promise<Response | null> {
  try {
    return await Promise.race([
      readCachedResponse(cacheKey),
      new Promise<null>((resolve) => setTimeout(() => resolve(null), 2000)),
    ]);
  } catch {
    return null;
  }
}
