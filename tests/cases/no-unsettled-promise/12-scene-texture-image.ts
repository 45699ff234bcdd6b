// Source: https://github.com/cedricpinson/osgjs/pull/25
// Bug: the image loader's promise was neither resolved nor rejected when the image failed to load.
// expect: no-unsettled-promise/errorNotListened 9:5

export function readImageURL(url: string, crossOrigin?: string): Promise<HTMLImageElement> {
  return new Promise((resolve) => {
    const img = new Image();
    if (crossOrigin) img.crossOrigin = crossOrigin;
    img.onload = () => resolve(img);
    img.src = url;
  });
}
