// Source: https://github.com/Streamerbot/client/pull/16
// Bug: fixed twin: the listener goes with a per-request controller, aborted on the reply or after a timeout.
// expect: none

interface Reply {
  id: string;
  result: unknown;
}

export class BotClient {
  private readonly socket: WebSocket;

  constructor(url: string) {
    this.socket = new WebSocket(url);
  }

  request(id: string, method: string, timeoutMs = 10_000): Promise<unknown> {
    return new Promise((resolve, reject) => {
      const done = new AbortController();
      const signal = AbortSignal.any([done.signal, AbortSignal.timeout(timeoutMs)]);
      signal.addEventListener('abort', () => reject(new Error(`request ${id} timed out`)), { once: true });
      this.socket.addEventListener(
        'message',
        (event: MessageEvent<string>) => {
          const reply = JSON.parse(event.data) as Reply;
          if (reply.id !== id) return;
          resolve(reply.result);
          done.abort();
        },
        { signal },
      );
      this.socket.send(JSON.stringify({ id, method }));
    });
  }
}
