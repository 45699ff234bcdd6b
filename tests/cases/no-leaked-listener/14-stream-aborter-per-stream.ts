// Source: https://github.com/continuedev/continue/pull/3235
// Bug: every completion stream added an abort listener to one long-lived stream aborter, and successful streams never removed it, until the signal hit the max-listeners limit.
// expect: no-leaked-listener/listenerNeverRemoved 10:3

export const streamAborter = new AbortController();

export async function* streamCompletion(prompt: string): AsyncGenerator<string> {
  const controller = new AbortController();
  const onAbort = (): void => controller.abort();
  streamAborter.signal.addEventListener('abort', onAbort);
  const response = await fetch('/v1/completions', { method: 'POST', body: prompt, signal: controller.signal });
  const text = await response.text();
  for (const line of text.split('\n')) yield line;
}
