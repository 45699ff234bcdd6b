// Source: https://github.com/FineUploader/fine-uploader/issues/1143
// Bug: fixed twin: an onerror handler fails the promise so the thumbnail step can complete.
// expect: none

export function readBlobToHex(blob: Blob, start: number, length: number): Promise<string> {
  const slice = blob.slice(start, start + length);
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const bytes = new Uint8Array(reader.result as ArrayBuffer);
      resolve(Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join(''));
    };
    reader.onerror = () => reject(reader.error ?? new Error('unreadable file'));
    reader.readAsArrayBuffer(slice);
  });
}
