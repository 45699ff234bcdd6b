// Source: https://github.com/continuedev/continue/pull/3235
// Bug: fixed twin: the listener is removed when the stream completes or fails.
// expect: none

export const streamAborter = new AbortController();

export async function* streamCompletion(prompt: string): AsyncGenerator<string> {
  const controller = new AbortController();
  const onAbort = (): void => controller.abort();
  streamAborter.signal.addEventListener('abort', onAbort);
  try {
    const response = await fetch('/v1/completions', { method: 'POST', body: prompt, signal: controller.signal });
    const text = await response.text();
    for (const line of text.split('\n')) yield line;
  } finally {
    streamAborter.signal.removeEventListener('abort', onAbort);
  }
}
