// Source: https://github.com/aws-amplify/amplify-ui/pull/7007
// Bug: none: this is the upstream fix, which clears the model-load timer in a .finally() callback that runs on resolve and on reject.
// expect: none

export type ModelLoader<T> = (signal: AbortSignal) => Promise<T>;

export function loadWithTimeout<T>(load: ModelLoader<T>, timeoutMs: number): Promise<T> {
  const controller = new AbortController();
  const timeoutId = setTimeout(() => controller.abort(new Error('Model load timed out')), timeoutMs);
  return load(controller.signal).finally(() => {
    clearTimeout(timeoutId);
  });
}
