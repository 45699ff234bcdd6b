// Source: https://github.com/npkgz/cli-progress/pull/125
// Bug: fixed twin: the PR adds the signal listeners on start() (only when the bar is not already running) and removes them on stop().
// expect: none

export class ProgressBar {
  private value = 0;
  private running = false;

  constructor(
    private readonly stream: NodeJS.WriteStream,
    private readonly total: number,
  ) {}

  private readonly onSignal = (): void => {
    this.stream.write('\x1b[?25h\n');
    process.exit(130);
  };

  start(): void {
    if (this.running) return;
    this.running = true;
    process.on('SIGINT', this.onSignal);
    process.on('SIGTERM', this.onSignal);
  }

  update(value: number): void {
    this.value = Math.min(value, this.total);
    this.stream.write(`\r${Math.round((this.value / this.total) * 100)}%`);
  }

  stop(): void {
    this.running = false;
    process.removeListener('SIGINT', this.onSignal);
    process.removeListener('SIGTERM', this.onSignal);
    this.stream.write('\n');
  }
}
