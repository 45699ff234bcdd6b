// Source: https://github.com/meilisearch/meilisearch-js/issues/1654
// Bug: the client timed requests out with Promise.race against a (cleared) setTimeout but never aborted fetch, so a timed-out request stayed open, using bandwidth and a connection slot.
// expect: no-abandoned-race/signalNotPassed 13:10

export interface HttpRequest {
  method: string;
  headers: Record<string, string>;
  body?: string;
}

export function fetchWithTimeout(url: string, request: HttpRequest, timeout: number): Promise<Response> {
  let timeoutId: ReturnType<typeof setTimeout> | undefined;
  return Promise.race([
    fetch(url, { method: request.method, headers: request.headers, body: request.body ?? null }),
    new Promise<never>((_, reject) => {
      timeoutId = setTimeout(() => reject(new Error('Error: Request Timed Out')), timeout);
    }),
  ]).finally(() => clearTimeout(timeoutId));
}
