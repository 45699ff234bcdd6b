// Source: https://github.com/wevm/wagmi/pull/4727
// Bug: the fetch plugin armed an abort timeout and cleared it only after fetch resolved, so a request that failed (network error, DNS, CORS) left the timer pending until it fired.
// expect: no-conditional-cleanup/cleanupSkippedOnThrow 15:3

export interface FetchOptions {
  url: string;
  timeoutMs: number;
  init?: RequestInit;
}

export async function fetchJson(options: FetchOptions): Promise<unknown> {
  const controller = new AbortController();
  const timeoutId = setTimeout(() => controller.abort(), options.timeoutMs);
  const response = await fetch(options.url, { ...options.init, signal: controller.signal });
  clearTimeout(timeoutId);
  if (!response.ok) {
    throw new Error(`Request to ${options.url} failed with ${response.status}`);
  }
  return response.json();
}
