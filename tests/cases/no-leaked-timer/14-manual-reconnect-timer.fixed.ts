// Source: https://github.com/socketio/socket.io-client/pull/576
// Bug: fixed twin: the one-line fix clears the pending reconnection timer before arming a new one.
// expect: none

export class Manager {
  attempts = 0;
  private reconnectionTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly openSocket: () => void, private readonly delayMs = 1000) {}

  reconnect(): void {
    this.attempts++;
    clearTimeout(this.reconnectionTimer);
    this.reconnectionTimer = setTimeout(() => {
      this.reconnectionTimer = undefined;
      this.openSocket();
    }, this.delayMs * this.attempts);
  }

  close(): void {
    clearTimeout(this.reconnectionTimer);
  }
}
