// Source: https://github.com/mapbox/mapbox-sdk-js/pull/496
// Bug: fixed: the request is removed from requestsUnderway in finally, so resolved, rejected and aborted requests are all cleaned up.
// expect: none

export type Transport = (path: string, signal: AbortSignal) => Promise<unknown>;

export class MapiClient {
  private readonly requestsUnderway = new Map<string, AbortController>();

  constructor(private readonly transport: Transport) {}

  abortRequest(id: string): void {
    this.requestsUnderway.get(id)?.abort();
  }

  async send(id: string, path: string): Promise<unknown> {
    const controller = new AbortController();
    this.requestsUnderway.set(id, controller);
    try {
      const body = await this.transport(path, controller.signal);
      return body;
    } finally {
      this.requestsUnderway.delete(id);
    }
  }
}
