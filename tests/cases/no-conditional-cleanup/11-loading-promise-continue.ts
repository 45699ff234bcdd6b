// Source: https://github.com/galacean/engine/pull/623
// Bug: the resource manager cleared a URL's loading-promise entry only after a successful load, so a load error left the entry behind forever and later loads of that URL kept getting the failed promise.
// expect: no-conditional-cleanup/cleanupSkippedOnSomePaths 25:7

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
      const asset = await promise;
      if (asset === undefined) {
        continue;
      }
      this.loadingPromises.delete(url);
      assets.push(asset);
    }
    return assets;
  }
}
