// Source: https://github.com/socketio/socket.io-client/pull/576
// Bug: calling reconnect() while a reconnection wait was pending started a second reconnection timer without cancelling the first, so two timers ran.
// expect: no-leaked-timer/timerOverwritten 13:5

export class Manager {
  attempts = 0;
  private reconnectionTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly openSocket: () => void, private readonly delayMs = 1000) {}

  reconnect(): void {
    this.attempts++;
    this.reconnectionTimer = setTimeout(() => {
      this.reconnectionTimer = undefined;
      this.openSocket();
    }, this.delayMs * this.attempts);
  }

  close(): void {
    clearTimeout(this.reconnectionTimer);
  }
}
