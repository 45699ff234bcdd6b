// Source: https://github.com/cloudflare/capnweb/pull/168
// Bug: the session read loop raced every receive() against one session-long abort promise, so each resolved message stayed reachable from that promise's reactions until the session closed.
// expect: no-abandoned-race/raceInLoop 24:27

export interface Transport {
  receive(options: { signal: AbortSignal }): Promise<string>;
}

export class RpcSession {
  private readonly abortPromise: Promise<never>;
  private abortReject: (reason: unknown) => void = () => {};

  constructor(private readonly transport: Transport, private readonly onMessage: (msg: string) => void) {
    this.abortPromise = new Promise<never>((_, reject) => {
      this.abortReject = reject;
    });
  }

  async readLoop(idleMs: number): Promise<void> {
    for (;;) {
      const controller = new AbortController();
      let idle: ReturnType<typeof setTimeout> | undefined;
      try {
        const msg = await Promise.race([
          this.transport.receive({ signal: controller.signal }),
          this.abortPromise,
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
    this.abortReject(reason);
  }
}
