// Source: https://github.com/eslint/eslint/pull/12648
// Bug: fixed twin: the default value is resolved, not returned.
// expect: none

declare function getSomething(key: string, cb: (err: Error | null, result?: string) => void): void;

export function loadSetting(key: string, defaults: Record<string, string>): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    if (key in defaults) {
      resolve(defaults[key]);
      return;
    }
    getSomething(key, (err, result) => {
      if (err) {
        reject(err);
      } else {
        resolve(result);
      }
    });
  });
}
