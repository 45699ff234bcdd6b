// Source: https://github.com/npkgz/cli-progress/pull/125
// Bug: every progress bar added SIGINT and SIGTERM listeners to process in its constructor and never removed them, so creating more than ten bars triggered MaxListenersExceededWarning.
// expect: no-leaked-listener/listenerNeverRemoved 13:5
// expect: no-leaked-listener/listenerNeverRemoved 14:5

export class ProgressBar {
  private value = 0;

  constructor(
    private readonly stream: NodeJS.WriteStream,
    private readonly total: number,
  ) {
    process.on('SIGINT', this.onSignal);
    process.on('SIGTERM', this.onSignal);
  }

  private readonly onSignal = (): void => {
    this.stream.write('\x1b[?25h\n');
    process.exit(130);
  };

  update(value: number): void {
    this.value = Math.min(value, this.total);
    this.stream.write(`\r${Math.round((this.value / this.total) * 100)}%`);
  }

  stop(): void {
    this.stream.write('\n');
  }
}
