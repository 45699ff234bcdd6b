// Source: https://github.com/petkaantonov/bluebird/issues/371
// Bug: fixed twin: each tile's timer is cleared in finally as soon as its race settles, and the tile request is aborted there.
// expect: none

declare function loadTile(url: string, init?: { signal?: AbortSignal }): Promise<ArrayBuffer>;

async function loadTileWithTimeout(url: string, ms: number): Promise<ArrayBuffer> {
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    return await Promise.race([
      loadTile(url, { signal: controller.signal }),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error('operation timed out')), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
    controller.abort();
  }
}

export function loadTiles(urls: string[], ms = 600_000): Promise<ArrayBuffer[]> {
  return Promise.all(urls.map((url) => loadTileWithTimeout(url, ms)));
}
