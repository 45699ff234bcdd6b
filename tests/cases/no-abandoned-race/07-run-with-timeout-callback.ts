// Source: https://github.com/hyperlane-xyz/hyperlane-monorepo/pull/2084
// Bug: runWithTimeout() raced the callback against a timeout promise whose timer was never cleared, so e2e processes hung until the timeout elapsed even after the callback finished.
// expect: no-abandoned-race/timerNeverCleared 10:10
// expect: no-abandoned-race/workNeverAborted 10:10

export function runWithTimeout<T>(timeoutMs: number, callback: () => Promise<T>): Promise<T> {
  const timeout = new Promise<never>((_, reject) =>
    setTimeout(() => reject(new Error(`Timed out in ${timeoutMs}ms.`)), timeoutMs),
  );
  return Promise.race([callback(), timeout]);
}

export const waitForDelivery = (check: () => Promise<boolean>) => runWithTimeout(60_000, check);
