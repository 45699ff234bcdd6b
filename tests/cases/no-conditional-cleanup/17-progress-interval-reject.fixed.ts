// Source: https://github.com/bvaughn/progress-estimator/issues/5
// Bug: fixed: the interval is cleared in finally, so a rejected promise stops the redraw loop too.
// expect: none

export type Write = (line: string) => void;

export async function logProgress<T>(promise: Promise<T>, label: string, estimateMs: number, write: Write): Promise<T> {
  const start = Date.now();
  const intervalId = setInterval(() => {
    const percent = Math.min(99, Math.round(((Date.now() - start) / estimateMs) * 100));
    write(`${label} ${percent}%`);
  }, 100);
  try {
    const result = await promise;
    write(`${label} done in ${Date.now() - start} ms`);
    return result;
  } finally {
    clearInterval(intervalId);
  }
}
