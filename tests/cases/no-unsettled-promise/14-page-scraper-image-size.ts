// Source: https://github.com/mozilla/activity-stream/pull/1948
// Bug: the page scraper measured preview images with a 'load' listener and had no 'error' listener, so a failed image left the scrape pending.
// expect: no-unsettled-promise/errorNotListened 14:5

export interface SizedImage {
  url: string;
  width: number;
  height: number;
}

export function measureImage(url: string): Promise<SizedImage[]> {
  return new Promise((resolve, reject) => {
    const image = new Image();
    image.addEventListener('load', () => {
      resolve([{ url, width: image.naturalWidth || 500, height: image.naturalHeight || 500 }]);
    });
    image.src = url;
  });
}
