// Source: https://github.com/mapbox/mapbox-sdk-js/pull/496
// Bug: the client removed a request from requestsUnderway only when it was aborted, so every request that resolved or failed normally stayed in the registry (issue 396; this PR proposes cleanup on every settle).
// expect: no-conditional-cleanup/cleanupSkippedOnSomePaths 24:9

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
    } catch (error) {
      if (controller.signal.aborted) {
        this.requestsUnderway.delete(id);
      }
      throw error;
    }
  }
}
