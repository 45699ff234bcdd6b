// Source: https://github.com/cedricpinson/osgjs/pull/25
// Bug: fixed twin: onerror settles the promise too (the PR resolves with a fallback; here it rejects).
// expect: none

export function readImageURL(url: string, crossOrigin?: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const img = new Image();
    if (crossOrigin) img.crossOrigin = crossOrigin;
    img.onload = () => resolve(img);
    img.onerror = () => reject(new Error(`cannot load image ${url}`));
    img.src = url;
  });
}
