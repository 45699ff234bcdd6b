// Source: https://github.com/mike-north/typescript-courses/pull/439
// Bug: fixed twin: resolve is passed to doSetup, which calls it when done.
// expect: none

function doSetup(done?: () => void): number {
  const id = Math.random();
  done?.();
  return id;
}

export function setup(): Promise<void> {
  return new Promise<void>((resolve) => {
    doSetup(resolve);
  });
}
