// Source: https://github.com/diegosouzapw/OmniRoute/pull/4107
// Bug: fixed (here with finally; the upstream fix added a periodic reaper for orphaned entries): the detail is removed on every exit, so client disconnects and upstream errors no longer orphan it.
// expect: none

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
    try {
      const response = await upstream(body);
      if (client.closed) {
        return;
      }
      client.write(await response.text());
    } finally {
      this.pendingById.delete(id);
    }
  }
}
