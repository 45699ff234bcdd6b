// Source: https://github.com/reddit/reddit-mobile/pull/380
// Bug: fixed: the count is decremented in finally, so failing middleware still decrements it.
// expect: none

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
      try {
        await next(ctx);
      } finally {
        this.active--;
      }
    };
  }
}
