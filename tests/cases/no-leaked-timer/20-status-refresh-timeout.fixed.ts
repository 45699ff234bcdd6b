// Source: https://github.com/atlassian-archive/landkid/pull/184
// Bug: fixed twin: older timeouts are cleared before a new one is set.
// expect: none

export class QueueStatus {
  private refreshTimeout: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly refresh: () => void) {}

  componentDidUpdate(): void {
    if (this.refreshTimeout) clearTimeout(this.refreshTimeout);
    this.refreshTimeout = setTimeout(() => this.refresh(), 15_000);
  }

  componentWillUnmount(): void {
    clearTimeout(this.refreshTimeout);
  }
}
