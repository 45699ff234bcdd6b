// Source: https://github.com/krimlabs/eiphop/issues/2
// Bug: fixed: the entry is removed in finally, so error replies and transport failures clean up as well.
// expect: none

export interface Reply {
  status: 'success' | 'error';
  payload: unknown;
}

export type Send = (id: number, action: string, payload: unknown) => Promise<Reply>;

export class IpcClient {
  private seq = 0;
  private readonly pendingRequests = new Map<number, string>();

  constructor(private readonly send: Send) {}

  pendingActions(): string[] {
    return [...this.pendingRequests.values()];
  }

  async request(action: string, payload: unknown): Promise<unknown> {
    const id = this.seq;
    this.seq += 1;
    this.pendingRequests.set(id, action);
    try {
      const reply = await this.send(id, action, payload);
      if (reply.status === 'success') {
        return reply.payload;
      }
      throw new Error(`${action} failed`);
    } finally {
      this.pendingRequests.delete(id);
    }
  }
}
