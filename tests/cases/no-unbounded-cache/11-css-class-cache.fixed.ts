// Source: https://github.com/cristianbote/goober/issues/269
// Bug: fixed (idiomatic; goober originally capped the cache at a fixed entry count): past MAX_ENTRIES the whole cache is replaced by a fresh object.
// expect: none

let cache: Record<string, string> = {};
let entries = 0;
const MAX_ENTRIES = 10_000;

function toHash(text: string): string {
  let h = 11;
  for (let i = 0; i < text.length; i++) h = (101 * h + text.charCodeAt(i)) >>> 0;
  return `go${h.toString(36)}`;
}

export function className(compiled: string, sheet: { textContent: string | null }): string {
  const known = cache[compiled];
  if (known !== undefined) return known;
  if (entries >= MAX_ENTRIES) {
    cache = {};
    entries = 0;
  }
  const name = toHash(compiled);
  cache[compiled] = name;
  const rule = `.${name}{${compiled}}`;
  cache[name] = rule;
  entries += 2;
  sheet.textContent = (sheet.textContent ?? '') + rule;
  return name;
}
