// Source: https://github.com/whatwg/dom/issues/911
// Bug: negative: each opening of the dialog adds a click listener to the close button and a keydown listener to the window, both with the signal of a controller made for that opening and aborted when it closes (the pattern the issue proposes).
// expect: none

export function openDialog(dialog: HTMLElement, closeButton: HTMLButtonElement): Promise<'button' | 'escape'> {
  dialog.hidden = false;
  const controller = new AbortController();
  return new Promise((resolve) => {
    const close = (how: 'button' | 'escape'): void => {
      controller.abort();
      dialog.hidden = true;
      resolve(how);
    };
    closeButton.addEventListener('click', () => close('button'), { signal: controller.signal });
    window.addEventListener(
      'keydown',
      (event) => {
        if (event.key === 'Escape') close('escape');
      },
      { signal: controller.signal },
    );
  });
}

export function bindOpener(opener: HTMLButtonElement, dialog: HTMLElement, closeButton: HTMLButtonElement): void {
  opener.addEventListener('click', () => {
    void openDialog(dialog, closeButton);
  });
}
