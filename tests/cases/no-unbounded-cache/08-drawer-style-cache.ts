// Source: https://github.com/emilkowalski/vaul/pull/44
// Bug: the drawer remembers each element's original inline styles in a module Map keyed by the DOM node, so every element the drawer ever styled is retained after it leaves the page.
// expect: no-unbounded-cache/mapNeverShrinks 7:7

type Styles = Record<string, string>;

const cache = new Map<HTMLElement, Styles>();

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
