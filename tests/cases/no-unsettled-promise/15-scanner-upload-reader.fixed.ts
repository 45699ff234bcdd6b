// Source: https://github.com/RatLoopz/sahidawa-india/pull/1349
// Bug: fixed twin: onerror rejects with the reader's error.
// expect: none

export async function handleFileUpload(file: File, scan: (dataUrl: string) => Promise<void>): Promise<void> {
  const dataUrl = await new Promise<string>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = (event) => resolve(String(event.target?.result ?? ''));
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
  await scan(dataUrl);
}
