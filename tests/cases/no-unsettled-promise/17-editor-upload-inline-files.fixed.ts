// Source: https://github.com/TryGhost/Koenig/pull/1807
// Bug: fixed twin: 'loadend' settles every outcome (load, error, abort), and a missing result rejects.
// expect: none

export async function inlineFiles(files: File[]): Promise<string[]> {
  const urls: string[] = [];
  for (const file of files) {
    const reader = new FileReader();
    const url = await new Promise<string>((resolve, reject) => {
      reader.addEventListener('loadend', () => {
        if (typeof reader.result === 'string') resolve(reader.result);
        else reject(reader.error ?? new Error(`could not read ${file.name}`));
      });
      reader.readAsDataURL(file);
    });
    urls.push(url);
  }
  return urls;
}
