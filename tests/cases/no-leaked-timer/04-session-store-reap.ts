// Source: https://github.com/senchalabs/connect/issues/147
// Bug: the in-memory session store started its reap interval in the constructor and kept no handle, so a server using it could never exit, even after close.
// expect: no-leaked-timer/intervalNeverCleared 13:5

interface Session {
  expires: number;
}

export class MemorySessionStore {
  private readonly sessions = new Map<string, Session>();

  constructor(private readonly reapInterval = 60_000) {
    setInterval(() => this.reap(), this.reapInterval);
  }

  set(id: string, session: Session): void {
    this.sessions.set(id, session);
  }

  private reap(): void {
    const now = Date.now();
    for (const [id, session] of this.sessions) if (session.expires < now) this.sessions.delete(id);
  }
}
