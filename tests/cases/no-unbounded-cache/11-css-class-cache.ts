// Source: https://github.com/cristianbote/goober/issues/269
// Bug: the CSS-in-JS runtime memoises compiled style text to class names (and class names to rules) in a module-scoped object that is never bounded, so server-side rendering of many distinct styles grows it forever.
// expect: no-unbounded-cache/objectNeverShrinks 5:5

let cache: Record<string, string> = {};

function toHash(text: string): string {
  let h = 11;
  for (let i = 0; i < text.length; i++) h = (101 * h + text.charCodeAt(i)) >>> 0;
  return `go${h.toString(36)}`;
}

export function className(compiled: string, sheet: { textContent: string | null }): string {
  const known = cache[compiled];
  if (known !== undefined) return known;
  const name = toHash(compiled);
  cache[compiled] = name;
  const rule = `.${name}{${compiled}}`;
  cache[name] = rule;
  sheet.textContent = (sheet.textContent ?? '') + rule;
  return name;
}
