// Source: https://github.com/SchneiderDaniel/cheasee-pi/issues/1132
// Bug: the diagnostics watcher pushes the error count onto a trendHistory field on every re-check and never trims it, although only the last two entries are ever read.
// expect: no-unbounded-cache/arrayNeverShrinks 8:11

export type Trend = 'up' | 'down' | 'flat';

export class DiagnosticsWatcher {
  private trendHistory: number[] = [];

  onDiagnosticsChanged(errorCount: number): void {
    this.trendHistory.push(errorCount);
  }

  getTrend(): Trend {
    const n = this.trendHistory.length;
    if (n < 2) return 'flat';
    const prev = this.trendHistory[n - 2] ?? 0;
    const last = this.trendHistory[n - 1] ?? 0;
    if (last > prev) return 'up';
    return last < prev ? 'down' : 'flat';
  }
}
