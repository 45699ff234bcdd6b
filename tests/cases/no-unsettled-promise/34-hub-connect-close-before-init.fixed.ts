// Source: https://github.com/agentuity/sdk/pull/1049
// Bug: fixed twin (the review's proposed fix): the `close` handler also rejects the connect promise when `init` has not arrived yet.
// expect: none

interface PendingRequest {
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
  timer: ReturnType<typeof setTimeout>;
}

export class HubClient {
  private ws: WebSocket | null = null;
  private readonly pending = new Map<string, PendingRequest>();
  sessionId = '';

  constructor(private readonly url: string) {}

  connect(): Promise<void> {
    return new Promise((resolve, reject) => {
      let initResolved = false;
      const ws = new WebSocket(this.url);
      this.ws = ws;
      ws.onmessage = (event: MessageEvent<string>) => {
        const msg = JSON.parse(event.data) as { type: string; id?: string; sessionId?: string; result?: unknown };
        if (msg.type === 'init') {
          this.sessionId = msg.sessionId ?? '';
          initResolved = true;
          resolve();
          return;
        }
        const entry = msg.id === undefined ? undefined : this.pending.get(msg.id);
        if (entry && msg.id !== undefined) {
          clearTimeout(entry.timer);
          this.pending.delete(msg.id);
          entry.resolve(msg.result);
        }
      };
      ws.onclose = () => {
        for (const [id, entry] of this.pending) {
          clearTimeout(entry.timer);
          entry.reject(new Error('WebSocket closed'));
          this.pending.delete(id);
        }
        this.ws = null;
        if (!initResolved) reject(new Error('WebSocket closed before init message'));
      };
    });
  }
}
