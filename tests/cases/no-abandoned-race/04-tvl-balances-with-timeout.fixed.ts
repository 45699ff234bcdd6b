// Source: https://github.com/DefiLlama/defillama-server/pull/10893
// Bug: fixed twin: the timer id is stored and cleared in .finally() on the race, which also aborts the queries' shared signal.
// expect: none

declare function getBalance(chain: string, address: string, options?: { signal?: AbortSignal }): Promise<bigint>;

export async function getTvl(chain: string, vaults: [string, string], ms = 30_000): Promise<bigint> {
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const [first, second] = await Promise.race([
    Promise.all([
      getBalance(chain, vaults[0], { signal: controller.signal }),
      getBalance(chain, vaults[1], { signal: controller.signal }),
    ]),
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`getTvl(${chain}) timed out after ${ms}ms`)), ms);
    }),
  ]).finally(() => {
    clearTimeout(timer);
    controller.abort();
  });
  return first + second;
}
