// Source: https://github.com/mike-north/typescript-courses/pull/439
// Bug: the example created a promise whose executor called doSetup() without passing resolve, so nothing could ever resolve it (the return value of an executor is ignored).
// expect: no-unsettled-promise/executorNeverSettles 12:10

function doSetup(done?: () => void): number {
  const id = Math.random();
  done?.();
  return id;
}

export function setup(): Promise<void> {
  return new Promise<void>((resolve) => {
    doSetup();
  });
}
