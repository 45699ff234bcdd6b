// Source: https://github.com/eslint/eslint/pull/12648
// Bug: the shape the no-promise-executor-return proposal names (discussed again in Countly/countly-server#1416): returning a default value from the executor does not resolve the promise, which stays pending on that path.
// expect: no-unsettled-promise/executorPathNeverSettles 10:7

declare function getSomething(key: string, cb: (err: Error | null, result?: string) => void): void;

export function loadSetting(key: string, defaults: Record<string, string>): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    if (key in defaults) {
      return defaults[key];
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
