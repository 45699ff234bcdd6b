// Source: https://github.com/browserbase/templates/pull/72
// Bug: fixed twin: onerror and onabort reject.
// expect: none

export function toBase64(file: Blob): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const result = reader.result as string;
      resolve(result.split(',')[1] ?? '');
    };
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.onabort = () => reject(new Error('read aborted'));
    reader.readAsDataURL(file);
  });
}
