// Source: https://github.com/browserbase/templates/pull/72
// Bug: review: the resume was converted to base64 with a FileReader promise that registered only onload; a read error left handleStart awaiting forever and the UI stuck in "running".
// expect: no-unsettled-promise/errorNotListened 8:5

export function toBase64(file: Blob): Promise<string> {
  return new Promise<string>((resolve) => {
    const reader = new FileReader();
    reader.onload = () => {
      const result = reader.result as string;
      resolve(result.split(',')[1] ?? '');
    };
    reader.readAsDataURL(file);
  });
}
