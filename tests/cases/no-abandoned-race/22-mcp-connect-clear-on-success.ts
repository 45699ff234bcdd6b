// Source: https://github.com/anomalyco/opencode/pull/24864
// Bug: withTimeout() cleared its timer only after the wrapped promise fulfilled; when it rejected fast the 30 s timer stayed pending and the process lingered after the failure.
// expect: no-abandoned-race/timerNeverCleared 10:27

declare function connectMcpServer(name: string, options?: { signal?: AbortSignal }): Promise<{ tools: string[] }>;

export async function connectWithTimeout(name: string, ms = 30_000): Promise<string[]> {
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const { tools } = await Promise.race([
    connectMcpServer(name, { signal: controller.signal }),
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        controller.abort();
        reject(new Error(`${name} did not connect within ${ms}ms`));
      }, ms);
    }),
  ]);
  clearTimeout(timer);
  return tools;
}
