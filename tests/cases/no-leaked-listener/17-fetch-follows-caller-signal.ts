// Source: https://github.com/nodejs/undici/pull/5318
// Bug: fetch attached an 'abort' listener to the passed signal on every call and removed it only on garbage collection, so one signal reused across requests accumulated listeners.
// expect: no-leaked-listener/listenerNeverRemoved 8:3

export async function fetchJson(url: string, init: { signal?: AbortSignal } = {}): Promise<unknown> {
  const controller = new AbortController();
  const follow = (): void => controller.abort(init.signal?.reason);
  init.signal?.addEventListener('abort', follow);
  const response = await fetch(url, { signal: controller.signal });
  return response.json();
}
