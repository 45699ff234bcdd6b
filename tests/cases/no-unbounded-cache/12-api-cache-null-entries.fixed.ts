// Source: https://github.com/superdesk/superdesk-client-core/pull/3940
// Bug: fixed (superdesk-client-core PR #3940): a settled request's entry is deleted from the dictionary rather than set to null.
// expect: none

type Fetcher = (url: string) => Promise<unknown>;

class DataApi {
  private inFlight: Record<string, Promise<unknown>> = {};

  constructor(private readonly fetcher: Fetcher) {}

  get(url: string): Promise<unknown> {
    const pending = this.inFlight[url];
    if (pending) return pending;
    const request = this.fetcher(url).finally(() => {
      delete this.inFlight[url];
    });
    this.inFlight[url] = request;
    return request;
  }
}

export const dataApi = new DataApi((url) => fetch(url).then((r) => r.json()));
