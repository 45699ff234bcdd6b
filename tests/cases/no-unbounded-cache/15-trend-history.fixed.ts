// Source: https://github.com/SchneiderDaniel/cheasee-pi/issues/1132
// Bug: fixed (as the issue proposes): the history keeps only the last few entries, dropping the oldest on each push.
// expect: none

export type Trend = 'up' | 'down' | 'flat';

const MAX_HISTORY = 10;

export class DiagnosticsWatcher {
  private trendHistory: number[] = [];

  onDiagnosticsChanged(errorCount: number): void {
    this.trendHistory.push(errorCount);
    if (this.trendHistory.length > MAX_HISTORY) this.trendHistory.shift();
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
