// Source: https://github.com/meilisearch/meilisearch-js/issues/1654
// Bug: fixed twin: as the issue proposes, the timeout becomes an AbortSignal.timeout() on the request itself, so no separate timer or race is left.
// expect: none

export interface HttpRequest {
  method: string;
  headers: Record<string, string>;
  body?: string;
}

export function fetchWithTimeout(url: string, request: HttpRequest, timeout: number): Promise<Response> {
  return fetch(url, {
    method: request.method,
    headers: request.headers,
    body: request.body ?? null,
    signal: AbortSignal.timeout(timeout),
  });
}
