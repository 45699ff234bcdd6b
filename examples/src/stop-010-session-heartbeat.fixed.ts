// Stop 010, fixed: close() clears both timers, and touch() clears the idle timer
// it replaces, so a session holds at most one idle timer and nothing after close.
export interface ClientSocket {
  send(message: string): void;
  end(): void;
}

const HEARTBEAT_MS = 15_000;
const IDLE_MS = 60_000;

export class ClientSession {
  private readonly heartbeat: ReturnType<typeof setInterval>;
  private idleTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly socket: ClientSocket) {
    this.heartbeat = setInterval(() => this.socket.send('ping'), HEARTBEAT_MS);
    this.touch();
  }

  receive(message: string): void {
    this.touch();
    if (message === 'bye') this.close();
  }

  touch(): void {
    clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => this.close(), IDLE_MS);
  }

  close(): void {
    clearInterval(this.heartbeat);
    clearTimeout(this.idleTimer);
    this.socket.end();
  }
}
