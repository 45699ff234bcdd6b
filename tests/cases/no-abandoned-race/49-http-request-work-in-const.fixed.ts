// Source: https://github.com/Kinto/kinto.js/pull/264
// Bug: fixed twin (idiomatic): the timer aborts a controller whose signal the request carries, and the timer is cleared whichever side wins.
// expect: none

export interface HttpResponse {
  status: number;
  json: unknown;
  headers: Headers;
}

export class Http {
  constructor(private readonly timeoutMs: number) {}

  request(url: string, options: RequestInit = {}): Promise<HttpResponse> {
    const controller = new AbortController();
    let timeoutId: ReturnType<typeof setTimeout> | undefined;
    const timeoutPromise = new Promise<never>((_, reject) => {
      timeoutId = setTimeout(() => {
        controller.abort();
        reject(new Error(`Request timeout after ${this.timeoutMs}ms`));
      }, this.timeoutMs);
    });
    const requestPromise = fetch(url, { ...options, signal: controller.signal }).then(async (res) => ({
      status: res.status,
      json: res.status === 204 ? null : await res.json(),
      headers: res.headers,
    }));
    return Promise.race([timeoutPromise, requestPromise]).finally(() => clearTimeout(timeoutId));
  }
}
