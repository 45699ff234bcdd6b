// Source: https://github.com/microsoft/vscode-jupyter/pull/8538
// Bug: notebook completions raced the kernel request against `sleep(timeout).then(...)`; nothing cleared the sleep's timer, so it always fired, and a timed-out kernel request kept running because it only saw the caller's signal.
// expect: no-abandoned-race/timerNeverCleared 26:23
// expect: no-abandoned-race/signalNotPassed 26:23

export interface CompletionItem {
  label: string;
  kind: 'function' | 'variable' | 'keyword';
}

export interface KernelSession {
  requestCompletions(code: string, cursor: number, options?: { signal?: AbortSignal }): Promise<CompletionItem[]>;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export async function provideCompletions(
  session: KernelSession,
  code: string,
  cursor: number,
  timeoutMs: number,
  signal: AbortSignal,
): Promise<CompletionItem[]> {
  const items = await Promise.race([
    session.requestCompletions(code, cursor, { signal }),
    sleep(timeoutMs).then(() => {
      if (!signal.aborted) console.warn(`kernel completions timed out after ${timeoutMs}ms`);
      return undefined;
    }),
  ]);
  return items ?? [];
}
