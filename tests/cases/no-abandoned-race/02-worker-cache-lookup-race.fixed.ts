// Source: https://github.com/Helicone/helicone/issues/5771
// Bug: fixed twin: the timer id is captured and cleared in finally, and the cache read gets a signal aborted in finally.
// expect: none

declare function readCachedResponse(cacheKey: string, options?: { signal?: AbortSignal }): Promise<Response | null>;

export async function getCachedResponse(cacheKey: string): Promise<Response | null> {
  const controller = new AbortController();
  let timeoutId: ReturnType<typeof setTimeout> | undefined;
  try {
    return await Promise.race([
      readCachedResponse(cacheKey, { signal: controller.signal }),
      new Promise<null>((resolve) => {
        timeoutId = setTimeout(() => resolve(null), 2000);
      }),
    ]);
  } catch {
    return null;
  } finally {
    clearTimeout(timeoutId);
    controller.abort();
  }
}
