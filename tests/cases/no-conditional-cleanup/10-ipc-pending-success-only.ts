// Source: https://github.com/krimlabs/eiphop/issues/2
// Bug: the IPC client removed an entry from pendingRequests only when the reply had a success status, so every failed request stayed in the pending table.
// expect: no-conditional-cleanup/cleanupSkippedOnSomePaths 28:7

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
    const reply = await this.send(id, action, payload);
    if (reply.status === 'success') {
      this.pendingRequests.delete(id);
      return reply.payload;
    }
    return Promise.reject(new Error(`${action} failed`));
  }
}
