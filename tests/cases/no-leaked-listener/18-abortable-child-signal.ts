// Source: https://github.com/ceramicnetwork/js-ceramic/pull/2808
// Bug: abortable() linked a child controller to the original signal with an 'abort' listener it never removed; the PR only raised the listener limit and review worried it hid a leak.
// expect: no-leaked-listener/listenerNeverRemoved 8:3

export async function abortable<T>(original: AbortSignal, run: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  const onAbort = (): void => controller.abort(original.reason);
  original.addEventListener('abort', onAbort);
  if (original.aborted) controller.abort(original.reason);
  return run(controller.signal);
}
