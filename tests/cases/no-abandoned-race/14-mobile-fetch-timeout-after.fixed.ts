// Source: https://github.com/rationally-app/mobile-application/pull/569
// Bug: fixed twin: the timer aborts the request's AbortController before rejecting, and is cleared in finally when fetch wins.
// expect: none

export class NetworkError extends Error {}

export async function fetchWithValidator<T>(url: string, parse: (body: unknown) => T): Promise<T> {
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    const response = await Promise.race([
      fetch(url, { headers: { accept: 'application/json' }, signal: controller.signal }),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          controller.abort();
          reject(new NetworkError('Request timed out'));
        }, 30_000);
      }),
    ]);
    if (!response.ok) throw new NetworkError(`HTTP ${response.status}`);
    return parse(await response.json());
  } finally {
    clearTimeout(timer);
  }
}
