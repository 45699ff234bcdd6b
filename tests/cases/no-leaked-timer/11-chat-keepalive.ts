// Source: https://github.com/cjoudrey/wobot/issues/7
// Bug: the bot's keepalive interval was not removed on disconnect, so it kept writing to a closed socket and held the bot alive.
// expect: no-leaked-timer/timerNotClearedOnTeardown 14:5

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
    this.socket.write('</stream:stream>');
    this.socket.end();
  }
}
