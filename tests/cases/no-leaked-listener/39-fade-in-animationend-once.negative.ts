// Source: https://github.com/mdn/dom-examples/pull/87
// Bug: negative: the fix: each fade-in adds its 'animationend' listener to the long-lived element with `{ once: true }`, and the animation it just started ends, so the listener goes away.
// expect: none

const box = document.createElement('div');
document.body.append(box);

export function fadeIn(text: string): void {
  box.textContent = text;
  box.classList.add('fade-in');
  box.addEventListener('animationend', () => box.classList.remove('fade-in'), { once: true });
}
