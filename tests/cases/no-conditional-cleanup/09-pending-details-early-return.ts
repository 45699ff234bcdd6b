// Source: https://github.com/diegosouzapw/OmniRoute/pull/4107
// Bug: pending-request details were removed only on clean finalization, so a request whose client disconnected mid-stream (or whose upstream call threw) left its detail, with request and response previews, in the module map forever.
// expect: no-conditional-cleanup/cleanupSkippedOnSomePaths 31:5

export interface PendingDetail {
  startedAt: number;
  requestPreview: string;
}

export interface ClientStream {
  readonly closed: boolean;
  write(chunk: string): void;
}

export type Upstream = (body: string) => Promise<Response>;

export class PendingRequestTracker {
  private readonly pendingById = new Map<string, PendingDetail>();

  get pendingCount(): number {
    return this.pendingById.size;
  }

  async proxy(id: string, body: string, upstream: Upstream, client: ClientStream): Promise<void> {
    this.pendingById.set(id, { startedAt: Date.now(), requestPreview: body.slice(0, 200) });
    const response = await upstream(body);
    if (client.closed) {
      return;
    }
    client.write(await response.text());
    this.pendingById.delete(id);
  }
}
