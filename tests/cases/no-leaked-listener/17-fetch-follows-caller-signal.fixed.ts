// Source: https://github.com/nodejs/undici/pull/5318
// Bug: fixed twin: the listener is removed as soon as the request settles.
// expect: none

export async function fetchJson(url: string, init: { signal?: AbortSignal } = {}): Promise<unknown> {
  const controller = new AbortController();
  const follow = (): void => controller.abort(init.signal?.reason);
  init.signal?.addEventListener('abort', follow);
  try {
    const response = await fetch(url, { signal: controller.signal });
    return await response.json();
  } finally {
    init.signal?.removeEventListener('abort', follow);
  }
}
