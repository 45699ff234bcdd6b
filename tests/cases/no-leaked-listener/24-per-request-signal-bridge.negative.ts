// Source: https://github.com/samanhappy/mcphub/pull/1062
// Bug: negative: each request gets its own AbortSignal, bridged from the connection-wide one by a once-only listener that is removed when the request settles (the PR's fix).
// expect: none

export function isolateAbort(connectionSignal: AbortSignal): (url: string) => Promise<Response> {
  return async (url) => {
    const controller = new AbortController();
    const bridge = (): void => controller.abort(connectionSignal.reason);
    connectionSignal.addEventListener('abort', bridge, { once: true });
    try {
      return await fetch(url, { signal: controller.signal });
    } finally {
      connectionSignal.removeEventListener('abort', bridge);
    }
  };
}
