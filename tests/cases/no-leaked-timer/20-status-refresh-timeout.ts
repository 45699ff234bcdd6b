// Source: https://github.com/atlassian-archive/landkid/pull/184
// Bug: each re-render armed another status-refresh timeout without clearing the older one, so irregular re-renders set up timeouts running in parallel.
// expect: no-leaked-timer/timerOverwritten 11:5

export class QueueStatus {
  private refreshTimeout: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly refresh: () => void) {}

  componentDidUpdate(): void {
    this.refreshTimeout = setTimeout(() => this.refresh(), 15_000);
  }

  componentWillUnmount(): void {
    clearTimeout(this.refreshTimeout);
  }
}
