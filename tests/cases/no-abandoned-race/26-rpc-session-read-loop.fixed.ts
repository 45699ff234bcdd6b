// Source: https://github.com/cloudflare/capnweb/pull/168
// Bug: fixed twin: session abort is an AbortController whose signal is combined per read with AbortSignal.any(); no session-long promise is raced per message.
// expect: none

export interface Transport {
  receive(options: { signal: AbortSignal }): Promise<string>;
}

export class RpcSession {
  private readonly sessionAbort = new AbortController();

  constructor(private readonly transport: Transport, private readonly onMessage: (msg: string) => void) {}

  async readLoop(idleMs: number): Promise<void> {
    while (!this.sessionAbort.signal.aborted) {
      const controller = new AbortController();
      let idle: ReturnType<typeof setTimeout> | undefined;
      try {
        const msg = await Promise.race([
          this.transport.receive({ signal: AbortSignal.any([this.sessionAbort.signal, controller.signal]) }),
          new Promise<never>((_, reject) => {
            idle = setTimeout(() => reject(new Error('session idle')), idleMs);
          }),
        ]);
        this.onMessage(msg);
      } finally {
        clearTimeout(idle);
        controller.abort();
      }
    }
  }

  abort(reason: unknown): void {
    this.sessionAbort.abort(reason);
  }
}
