// Source: https://github.com/cjoudrey/wobot/issues/7
// Bug: fixed twin: disconnect() removes the keepalive interval first.
// expect: none

interface Socket {
  write(data: string): void;
  end(): void;
}

export class Bot {
  private readonly keepalive: ReturnType<typeof setInterval>;

  constructor(private readonly socket: Socket) {
    this.keepalive = setInterval(() => this.socket.write(' '), 60_000);
  }

  say(text: string): void {
    this.socket.write(text);
  }

  disconnect(): void {
    clearInterval(this.keepalive);
    this.socket.write('</stream:stream>');
    this.socket.end();
  }
}
