// Source: https://github.com/superdesk/superdesk-client-core/pull/3940
// Bug: the data API dedupes in-flight GET requests in a dictionary on a long-lived service, but when a request settles it sets the entry to null instead of deleting it, so one key per URL ever fetched stays in the object.
// expect: no-unbounded-cache/objectNeverShrinks 8:11

type Fetcher = (url: string) => Promise<unknown>;

class DataApi {
  private inFlight: Record<string, Promise<unknown> | null> = {};

  constructor(private readonly fetcher: Fetcher) {}

  get(url: string): Promise<unknown> {
    const pending = this.inFlight[url];
    if (pending) return pending;
    const request = this.fetcher(url).finally(() => {
      this.inFlight[url] = null;
    });
    this.inFlight[url] = request;
    return request;
  }
}

export const dataApi = new DataApi((url) => fetch(url).then((r) => r.json()));
