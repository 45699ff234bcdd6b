// Stop 010 (a timer nobody can stop): every connected client gets a session
// that pings it every 15 s and drops it after 60 s without traffic.
// Leak: close() never clears the heartbeat interval, so each closed session keeps
// pinging a dead socket and stays in memory with everything it holds; and touch()
// re-arms the idle timer without clearing the old one, so every receive() leaves one
// more timer that will still fire and close the session.
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
    this.idleTimer = setTimeout(() => this.close(), IDLE_MS);
  }

  close(): void {
    clearTimeout(this.idleTimer);
    this.socket.end();
  }
}
