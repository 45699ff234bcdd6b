// Source: https://github.com/browserbase/stagehand/pull/2394
// Bug: fixed twin: the deadline aborts a timeout-scoped controller, combined with the caller's signal by AbortSignal.any(), before rejecting.
// expect: none

declare function performAction(instruction: string, options?: { signal?: AbortSignal }): Promise<boolean>;

export async function actWithTimeout(instruction: string, timeoutMs: number, signal: AbortSignal): Promise<boolean> {
  const timeoutController = new AbortController();
  let timeoutId: ReturnType<typeof setTimeout> | undefined;
  try {
    return await Promise.race([
      performAction(instruction, { signal: AbortSignal.any([signal, timeoutController.signal]) }),
      new Promise<never>((_, reject) => {
        timeoutId = setTimeout(() => {
          const error = new Error(`act() timed out after ${timeoutMs}ms`);
          timeoutController.abort(error);
          reject(error);
        }, timeoutMs);
      }),
    ]);
  } finally {
    clearTimeout(timeoutId);
  }
}
