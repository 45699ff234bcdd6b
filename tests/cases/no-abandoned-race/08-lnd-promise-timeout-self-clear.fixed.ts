// Source: https://github.com/LN-Zap/zap-desktop/pull/2706
// Bug: fixed twin: the timer is cleared as soon as the race settles (finally), and the call gets a signal aborted there.
// expect: none

export interface NodeInfo {
  alias: string;
  syncedToChain: boolean;
}

export async function promiseTimeout<T>(ms: number, run: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  let timerId: ReturnType<typeof setTimeout> | undefined;
  try {
    return await Promise.race([
      run(controller.signal),
      new Promise<never>((_, reject) => {
        timerId = setTimeout(() => reject(new Error('Timed out.')), ms);
      }),
    ]);
  } finally {
    clearTimeout(timerId);
    controller.abort();
  }
}

declare const lightning: { getInfo(options?: { signal?: AbortSignal }): Promise<NodeInfo> };

export const waitForNode = () => promiseTimeout(10_000, (signal) => lightning.getInfo({ signal }));
