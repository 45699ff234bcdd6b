// Source: https://github.com/microsoft/vscode-jupyter/pull/8538
// Bug: fixed twin: the wait kills its own timer when the race settles (the PR's waitForPromise), and the kernel request gets the caller's signal combined with one aborted when the race settles.
// expect: none

export interface CompletionItem {
  label: string;
  kind: 'function' | 'variable' | 'keyword';
}

export interface KernelSession {
  requestCompletions(code: string, cursor: number, options?: { signal?: AbortSignal }): Promise<CompletionItem[]>;
}

export async function provideCompletions(
  session: KernelSession,
  code: string,
  cursor: number,
  timeoutMs: number,
  signal: AbortSignal,
): Promise<CompletionItem[]> {
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    const items = await Promise.race([
      session.requestCompletions(code, cursor, { signal: AbortSignal.any([signal, controller.signal]) }),
      new Promise<undefined>((resolve) => {
        timer = setTimeout(() => resolve(undefined), timeoutMs);
      }),
    ]);
    return items ?? [];
  } finally {
    clearTimeout(timer);
    controller.abort();
  }
}
