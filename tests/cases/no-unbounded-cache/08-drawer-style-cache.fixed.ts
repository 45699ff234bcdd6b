// Source: https://github.com/emilkowalski/vaul/pull/44
// Bug: fixed (vaul PR #44): the style cache is a WeakMap, so an element's saved styles go away with the element.
// expect: none

type Styles = Record<string, string>;

const cache = new WeakMap<HTMLElement, Styles>();

export function set(el: HTMLElement | null, styles: Styles, ignoreCache = false): void {
  if (!el) return;
  const original: Styles = {};
  for (const [key, value] of Object.entries(styles)) {
    original[key] = el.style.getPropertyValue(key);
    el.style.setProperty(key, value);
  }
  if (ignoreCache) return;
  cache.set(el, original);
}

export function reset(el: HTMLElement | null, prop?: string): void {
  if (!el) return;
  const original = cache.get(el);
  if (!original) return;
  if (prop !== undefined) {
    el.style.setProperty(prop, original[prop] ?? '');
    return;
  }
  for (const [key, value] of Object.entries(original)) el.style.setProperty(key, value);
}
