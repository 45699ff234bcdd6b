// Source: https://github.com/senchalabs/connect/issues/147
// Bug: fixed twin: the store keeps its reap timer, unrefs it, and clears it in close().
// expect: none

interface Session {
  expires: number;
}

export class MemorySessionStore {
  private readonly sessions = new Map<string, Session>();
  private readonly reaper: ReturnType<typeof setInterval>;

  constructor(private readonly reapInterval = 60_000) {
    this.reaper = setInterval(() => this.reap(), this.reapInterval);
    this.reaper.unref();
  }

  set(id: string, session: Session): void {
    this.sessions.set(id, session);
  }

  close(): void {
    clearInterval(this.reaper);
    this.sessions.clear();
  }

  private reap(): void {
    const now = Date.now();
    for (const [id, session] of this.sessions) if (session.expires < now) this.sessions.delete(id);
  }
}
