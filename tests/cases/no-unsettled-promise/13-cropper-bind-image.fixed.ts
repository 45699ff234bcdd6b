// Source: https://github.com/Foliotek/Croppie/pull/511
// Bug: fixed twin: a simple onerror handler rejects the loading promise.
// expect: none

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
    img.onerror = (event) => reject(event instanceof Event ? new Error(`cannot load ${src}`) : new Error(String(event)));
    img.src = src;
  });
}
