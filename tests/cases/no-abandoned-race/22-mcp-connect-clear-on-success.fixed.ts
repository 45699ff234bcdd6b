// Source: https://github.com/anomalyco/opencode/pull/24864
// Bug: fixed twin: the timer is cleared in finally, so a fast rejection clears it too.
// expect: none

declare function connectMcpServer(name: string, options?: { signal?: AbortSignal }): Promise<{ tools: string[] }>;

export async function connectWithTimeout(name: string, ms = 30_000): Promise<string[]> {
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    const { tools } = await Promise.race([
      connectMcpServer(name, { signal: controller.signal }),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          controller.abort();
          reject(new Error(`${name} did not connect within ${ms}ms`));
        }, ms);
      }),
    ]);
    return tools;
  } finally {
    clearTimeout(timer);
  }
}
