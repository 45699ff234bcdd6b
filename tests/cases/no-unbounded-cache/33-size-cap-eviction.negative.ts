// Source: https://github.com/openclaw/openclaw/issues/6764
// Bug: none: before each insert of a new key the map drops its oldest entry (keys().next().value) once it holds MAX entries.
// expect: none

const MAX = 1000;
const thumbnails = new Map<string, Uint8Array>();

export function rememberThumbnail(url: string, bytes: Uint8Array): void {
  if (!thumbnails.has(url) && thumbnails.size >= MAX) {
    const oldest: string | undefined = thumbnails.keys().next().value;
    if (oldest !== undefined) thumbnails.delete(oldest);
  }
  thumbnails.set(url, bytes);
}

export function thumbnail(url: string): Uint8Array | undefined {
  return thumbnails.get(url);
}
