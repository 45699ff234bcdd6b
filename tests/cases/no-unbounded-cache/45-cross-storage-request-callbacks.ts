// Source: https://github.com/zendesk/cross-storage/pull/27
// Bug: each request parks its callback in the client's `requests` dictionary; only the timeout deleted it, so every request answered in time left its callback in the dictionary for the life of the page.
// expect: no-unbounded-cache/objectNeverShrinks 20:20

export interface HubFrame {
  postMessage(message: string, targetOrigin: string): void;
}

interface HubResponse {
  id: string;
  error?: string;
  result?: unknown;
}

type RequestCallback = (error: string | undefined, result: unknown) => void;

export class CrossStorageClient {
  private count = 0;
  private readonly id = Math.random().toString(36).slice(2);
  private readonly requests: Record<string, RequestCallback> = {};

  constructor(
    private readonly hub: HubFrame,
    private readonly origin: string,
    private readonly timeoutMs = 5000,
  ) {}

  request(method: string, params: unknown): Promise<unknown> {
    const id = `${this.id}:${++this.count}`;
    return new Promise((resolve, reject) => {
      const timeout = setTimeout(() => {
        if (!this.requests[id]) return;
        delete this.requests[id];
        reject(new Error(`Timeout: could not perform ${method}`));
      }, this.timeoutMs);
      this.requests[id] = (error, result) => {
        clearTimeout(timeout);
        if (error) reject(new Error(error));
        else resolve(result);
      };
      this.hub.postMessage(JSON.stringify({ id, method: `cross-storage:${method}`, params }), this.origin);
    });
  }

  onMessage(data: string): void {
    const response = JSON.parse(data) as HubResponse;
    this.requests[response.id]?.(response.error, response.result);
  }
}
