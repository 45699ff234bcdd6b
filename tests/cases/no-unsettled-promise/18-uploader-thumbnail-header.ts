// Source: https://github.com/FineUploader/fine-uploader/issues/1143
// Bug: the thumbnail step read a file's first bytes with a FileReader that had no onerror handler, so thumbnails for unreadable files never completed.
// expect: no-unsettled-promise/errorNotListened 9:5

export function readBlobToHex(blob: Blob, start: number, length: number): Promise<string> {
  const slice = blob.slice(start, start + length);
  return new Promise((resolve) => {
    const reader = new FileReader();
    reader.onload = () => {
      const bytes = new Uint8Array(reader.result as ArrayBuffer);
      resolve(Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join(''));
    };
    reader.readAsArrayBuffer(slice);
  });
}
