// Source: https://github.com/colyseus/colyseus/blob/b21f542331ad40be6b16711dfe0560378f2622eb/packages/sdk/src/debug.ts
// Bug: negative: a debug overlay adds a document click listener in a menu helper whose only caller is the page's one-time initialisation (run at load, or once on DOMContentLoaded); the helper uses its own parameter as a value, which is not the helper escaping.
// expect: none

function initialize(): void {
  const host = document.createElement('div');
  document.body.append(host);
  createMenu(host);
}

function createMenu(logo: HTMLElement): void {
  const menu = document.createElement('nav');
  logo.append(menu);
  document.addEventListener('click', (event) => {
    const path = event.composedPath();
    if (path.indexOf(menu) === -1 && path.indexOf(logo) === -1) menu.hidden = true;
  });
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', initialize);
else initialize();

export {};
