// Source: https://github.com/petkaantonov/bluebird/issues/371
// Bug: timeout() never cleared its setTimeout when the request resolved, so at high request rates every pending timer held its promise and response data until the browser ran out of memory.
// expect: no-abandoned-race/timerNeverCleared 15:40
// expect: no-abandoned-race/signalNotPassed 15:40

declare function loadTile(url: string, init?: { signal?: AbortSignal }): Promise<ArrayBuffer>;

function timeout(ms: number): Promise<never> {
  return new Promise((_, reject) => {
    setTimeout(() => reject(new Error('operation timed out')), ms);
  });
}

export function loadTiles(urls: string[], ms = 600_000): Promise<ArrayBuffer[]> {
  return Promise.all(urls.map((url) => Promise.race([loadTile(url), timeout(ms)])));
}
