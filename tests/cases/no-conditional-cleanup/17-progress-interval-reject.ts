// Source: https://github.com/bvaughn/progress-estimator/issues/5
// Bug: the progress logger started a setInterval to redraw the estimate and cleared it only after the awaited promise resolved, so a rejected promise left the interval running (fixed by moving the clear to finally).
// expect: no-conditional-cleanup/cleanupSkippedOnThrow 14:3

export type Write = (line: string) => void;

export async function logProgress<T>(promise: Promise<T>, label: string, estimateMs: number, write: Write): Promise<T> {
  const start = Date.now();
  const intervalId = setInterval(() => {
    const percent = Math.min(99, Math.round(((Date.now() - start) / estimateMs) * 100));
    write(`${label} ${percent}%`);
  }, 100);
  const result = await promise;
  clearInterval(intervalId);
  write(`${label} done in ${Date.now() - start} ms`);
  return result;
}
