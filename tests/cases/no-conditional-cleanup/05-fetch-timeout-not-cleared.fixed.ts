// Source: https://github.com/wevm/wagmi/pull/4727
// Bug: fixed: the timeout is cleared in finally, so it is cancelled whether fetch resolves or rejects.
// expect: none

export interface FetchOptions {
  url: string;
  timeoutMs: number;
  init?: RequestInit;
}

export async function fetchJson(options: FetchOptions): Promise<unknown> {
  const controller = new AbortController();
  const timeoutId = setTimeout(() => controller.abort(), options.timeoutMs);
  let response: Response;
  try {
    response = await fetch(options.url, { ...options.init, signal: controller.signal });
  } finally {
    clearTimeout(timeoutId);
  }
  if (!response.ok) {
    throw new Error(`Request to ${options.url} failed with ${response.status}`);
  }
  return response.json();
}
