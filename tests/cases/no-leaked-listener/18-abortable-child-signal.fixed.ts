// Source: https://github.com/ceramicnetwork/js-ceramic/pull/2808
// Bug: fixed twin: the link is removed when the work settles.
// expect: none

export async function abortable<T>(original: AbortSignal, run: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  const onAbort = (): void => controller.abort(original.reason);
  if (original.aborted) controller.abort(original.reason);
  original.addEventListener('abort', onAbort);
  try {
    return await run(controller.signal);
  } finally {
    original.removeEventListener('abort', onAbort);
  }
}
