// Source: https://github.com/ssbc/ssb-db2/pull/215
// Bug: the migrate plugin's live-progress intervals stayed up after the database closed, so every open/close cycle in the benchmark kept one more running.
// expect: no-leaked-timer/timerNotClearedOnTeardown 11:20

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
    this.progress = 1;
  }
}
