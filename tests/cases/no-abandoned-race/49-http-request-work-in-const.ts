// Source: https://github.com/Kinto/kinto.js/pull/264
// Bug: request timeouts raced a stored timeout promise against the fetch promise; the timer handle was kept and cleared, but nothing could abort the request, so a timed-out request kept running in the background.
// expect: no-abandoned-race/signalNotPassed 24:12

export interface HttpResponse {
  status: number;
  json: unknown;
  headers: Headers;
}

export class Http {
  constructor(private readonly timeoutMs: number) {}

  request(url: string, options: RequestInit = {}): Promise<HttpResponse> {
    let timeoutId: ReturnType<typeof setTimeout> | undefined;
    const timeoutPromise = new Promise<never>((_, reject) => {
      timeoutId = setTimeout(() => reject(new Error(`Request timeout after ${this.timeoutMs}ms`)), this.timeoutMs);
    });
    const requestPromise = fetch(url, options).then(async (res) => ({
      status: res.status,
      json: res.status === 204 ? null : await res.json(),
      headers: res.headers,
    }));
    return Promise.race([timeoutPromise, requestPromise]).finally(() => clearTimeout(timeoutId));
  }
}
