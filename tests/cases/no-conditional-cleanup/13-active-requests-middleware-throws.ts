// Source: https://github.com/reddit/reddit-mobile/pull/380
// Bug: the server incremented its active-request count before running the middleware chain and decremented it afterwards, so a route handler that threw left the count permanently inflated.
// expect: no-conditional-cleanup/cleanupSkippedOnThrow 24:7

export interface Context {
  path: string;
  status: number;
  body: string;
}

export type Middleware = (ctx: Context) => Promise<void>;

export class ActiveRequestCounter {
  private active = 0;

  get activeRequests(): number {
    return this.active;
  }

  wrap(next: Middleware): Middleware {
    return async (ctx) => {
      this.active++;
      await next(ctx);
      this.active--;
    };
  }
}
