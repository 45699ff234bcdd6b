// Source: https://github.com/ssbc/ssb-db2/pull/215
// Bug: fixed twin: close() clears the live-progress interval (the PR's clearInterval on close).
// expect: none

interface Log {
  since(): number;
}

export class Migrator {
  progress = 0;
  private readonly liveTimer = setInterval(() => this.report(), 1000);

  constructor(private readonly oldLog: Log, private readonly newLog: Log) {}

  private report(): void {
    this.progress = this.newLog.since() / Math.max(1, this.oldLog.since());
  }

  close(): void {
    clearInterval(this.liveTimer);
    this.progress = 1;
  }
}
