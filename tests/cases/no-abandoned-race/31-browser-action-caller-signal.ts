// Source: https://github.com/browserbase/stagehand/pull/2394
// Bug: timeouts relied on Promise.race, so the caller got a TimeoutError while the browser action kept running and could land late; here the action only sees the caller's signal, which the deadline never aborts.
// expect: no-abandoned-race/signalNotPassed 10:18

declare function performAction(instruction: string, options?: { signal?: AbortSignal }): Promise<boolean>;

export async function actWithTimeout(instruction: string, timeoutMs: number, signal: AbortSignal): Promise<boolean> {
  let timeoutId: ReturnType<typeof setTimeout> | undefined;
  try {
    return await Promise.race([
      performAction(instruction, { signal }),
      new Promise<never>((_, reject) => {
        timeoutId = setTimeout(() => reject(new Error(`act() timed out after ${timeoutMs}ms`)), timeoutMs);
      }),
    ]);
  } finally {
    clearTimeout(timeoutId);
  }
}
