// Source: https://github.com/RatLoopz/sahidawa-india/pull/1349
// Bug: the upload handler wrapped FileReader in a promise with no error handling, so the scanner UI hung indefinitely when a file failed to load.
// expect: no-unsettled-promise/errorNotListened 8:5

export async function handleFileUpload(file: File, scan: (dataUrl: string) => Promise<void>): Promise<void> {
  const dataUrl = await new Promise<string>((resolve) => {
    const reader = new FileReader();
    reader.onload = (event) => resolve(String(event.target?.result ?? ''));
    reader.readAsDataURL(file);
  });
  await scan(dataUrl);
}
