// Source: https://github.com/mikepugh/angular-http-throttler/pull/2
// Bug: the HTTP throttler decremented its in-flight counter only in the success handler, so after maxConcurrentRequests error responses the counter never dropped and no further requests were sent.
// expect: no-conditional-cleanup/cleanupSkippedOnSomePaths 30:7

export type Http = (url: string) => Promise<string>;

export class HttpThrottler {
  private active = 0;
  private readonly queue: Array<() => void> = [];

  constructor(
    private readonly http: Http,
    private readonly maxConcurrent: number,
  ) {}

  async request(url: string): Promise<string> {
    if (this.active >= this.maxConcurrent) {
      await new Promise<void>((resolve) => this.queue.push(resolve));
    }
    return this.send(url);
  }

  get inFlight(): number {
    return this.active;
  }

  private send(url: string): Promise<string> {
    this.active++;
    return this.http(url).then((body) => {
      this.active--;
      this.queue.shift()?.();
      return body;
    });
  }
}
