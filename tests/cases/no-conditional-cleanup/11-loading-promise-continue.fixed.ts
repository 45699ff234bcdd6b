// Source: https://github.com/galacean/engine/pull/623
// Bug: fixed: each URL's loading entry is removed in finally, so failed and skipped loads are cleared too.
// expect: none

export type BytesLoader = (url: string) => Promise<ArrayBuffer | undefined>;

export class ResourceManager {
  private readonly loadingPromises = new Map<string, Promise<ArrayBuffer | undefined>>();

  constructor(private readonly fetchBytes: BytesLoader) {}

  isLoading(url: string): boolean {
    return this.loadingPromises.has(url);
  }

  async loadAll(urls: readonly string[]): Promise<ArrayBuffer[]> {
    const assets: ArrayBuffer[] = [];
    for (const url of urls) {
      const promise = this.fetchBytes(url);
      this.loadingPromises.set(url, promise);
      try {
        const asset = await promise;
        if (asset === undefined) {
          continue;
        }
        assets.push(asset);
      } finally {
        this.loadingPromises.delete(url);
      }
    }
    return assets;
  }
}
