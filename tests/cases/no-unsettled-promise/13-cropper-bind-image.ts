// Source: https://github.com/Foliotek/Croppie/pull/511
// Bug: bind() awaited an image load promise with no onerror handler: a broken URL or a network error never reached the caller.
// expect: no-unsettled-promise/errorNotListened 14:5

export function loadImage(src: string, useCanvas: boolean): Promise<HTMLImageElement> {
  const img = new Image();
  img.style.opacity = '0';
  return new Promise((resolve, reject) => {
    const done = () => {
      img.style.opacity = '1';
      setTimeout(() => resolve(img), 1);
    };
    if (useCanvas) img.setAttribute('crossOrigin', 'anonymous');
    img.onload = done;
    img.src = src;
  });
}
