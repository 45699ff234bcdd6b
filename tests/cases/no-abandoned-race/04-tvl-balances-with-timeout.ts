// Source: https://github.com/DefiLlama/defillama-server/pull/10893
// Bug: withTimeout() raced the balance queries against a rejecting setTimeout that was never cleared, leaving zombie timers and still-running RPC calls behind every fast adapter run.
// expect: no-abandoned-race/timerNeverCleared 9:33
// expect: no-abandoned-race/signalNotPassed 9:33

declare function getBalance(chain: string, address: string, options?: { signal?: AbortSignal }): Promise<bigint>;

export async function getTvl(chain: string, vaults: [string, string], ms = 30_000): Promise<bigint> {
  const [first, second] = await Promise.race([
    Promise.all([getBalance(chain, vaults[0]), getBalance(chain, vaults[1])]),
    new Promise<never>((_, reject) => {
      setTimeout(() => reject(new Error(`getTvl(${chain}) timed out after ${ms}ms`)), ms);
    }),
  ]);
  return first + second;
}
