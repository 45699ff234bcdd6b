// Source: https://github.com/mikepugh/angular-http-throttler/pull/2
// Bug: fixed: the response is awaited inside try and the counter is decremented in finally, so error responses release their slot too.
// expect: none

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

  private async send(url: string): Promise<string> {
    this.active++;
    try {
      return await this.http(url);
    } finally {
      this.active--;
      this.queue.shift()?.();
    }
  }
}
