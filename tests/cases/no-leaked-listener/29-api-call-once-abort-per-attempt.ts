// Source: https://github.com/ax-llm/ax/pull/645
// Bug: every attempt of apiCall() added a `{ once: true }` abort listener to the caller's long-lived signal and removed it only when that signal aborted, so success, errors and retries each left one listener behind (MaxListenersExceededWarning at 11).
// expect: no-leaked-listener/listenerNeverRemoved 17:5

export interface ApiCallOptions {
  url: string;
  body: unknown;
  retries: number;
  abortSignal?: AbortSignal;
}

export async function apiCall(options: ApiCallOptions): Promise<unknown> {
  let attempt = 0;
  while (true) {
    const controller = new AbortController();
    const onUserAbort = (): void => controller.abort(options.abortSignal?.reason);
    options.abortSignal?.addEventListener('abort', onUserAbort, { once: true });
    try {
      const response = await fetch(options.url, {
        method: 'POST',
        body: JSON.stringify(options.body),
        signal: controller.signal,
      });
      if (response.status >= 500 && attempt < options.retries) {
        attempt += 1;
        continue;
      }
      return await response.json();
    } catch (error) {
      if (attempt >= options.retries) throw error;
      attempt += 1;
    }
  }
}
