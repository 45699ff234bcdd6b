// Source: https://github.com/mozilla/activity-stream/pull/1948
// Bug: fixed twin: an 'error' listener rejects (the change adopted in review).
// expect: none

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
    image.addEventListener('error', () => reject(new Error(`cannot load ${url}`)));
    image.src = url;
  });
}
