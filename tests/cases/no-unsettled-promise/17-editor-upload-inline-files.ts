// Source: https://github.com/TryGhost/Koenig/pull/1807
// Bug: review: in multiplayer mode each file was read inline with a promise that resolved only on 'load'; a failed or aborted read left the upload hook loading forever.
// expect: no-unsettled-promise/errorNotListened 10:7

export async function inlineFiles(files: File[]): Promise<string[]> {
  const urls: string[] = [];
  for (const file of files) {
    const reader = new FileReader();
    const url = await new Promise<string>((resolve) => {
      reader.addEventListener(
        'load',
        () => {
          resolve(typeof reader.result === 'string' ? reader.result : '');
        },
        false,
      );
      reader.readAsDataURL(file);
    });
    urls.push(url);
  }
  return urls;
}
