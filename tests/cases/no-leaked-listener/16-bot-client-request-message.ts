// Source: https://github.com/Streamerbot/client/pull/16
// Bug: each request attached an anonymous 'message' listener to the client's socket and abandoned it, so a long-lived client collected one listener per request (11 message listeners on WebSocket).
// expect: no-leaked-listener/inlineListenerNeverRemoved 20:7
// expect: no-unsettled-promise/errorNotListened 20:7

interface Reply {
  id: string;
  result: unknown;
}

export class BotClient {
  private readonly socket: WebSocket;

  constructor(url: string) {
    this.socket = new WebSocket(url);
  }

  request(id: string, method: string): Promise<unknown> {
    return new Promise((resolve) => {
      this.socket.addEventListener('message', (event: MessageEvent<string>) => {
        const reply = JSON.parse(event.data) as Reply;
        if (reply.id === id) resolve(reply.result);
      });
      this.socket.send(JSON.stringify({ id, method }));
    });
  }
}
