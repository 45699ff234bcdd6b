// Source: https://github.com/LN-Zap/zap-desktop/pull/2706
// Bug: promiseTimeout() kept the timer id but only cleared it inside its own callback, so when the gRPC call won the race the timer stayed armed and the Node process could not exit.
// expect: no-abandoned-race/timerNeverCleared 12:10
// expect: no-abandoned-race/workNeverAborted 12:10

export interface NodeInfo {
  alias: string;
  syncedToChain: boolean;
}

export function promiseTimeout<T>(ms: number, run: () => Promise<T>): Promise<T> {
  return Promise.race([
    run(),
    new Promise<never>((_, reject) => {
      const id = setTimeout(() => {
        clearTimeout(id);
        reject(new Error('Timed out.'));
      }, ms);
    }),
  ]);
}

declare const lightning: { getInfo(): Promise<NodeInfo> };

export const waitForNode = () => promiseTimeout(10_000, () => lightning.getInfo());
