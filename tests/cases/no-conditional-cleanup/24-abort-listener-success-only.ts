// Source: https://github.com/luongnv89/pi-extensions/issues/72
// Bug: the abort listener registered on the request signal was detached only when a turn succeeded; on the timeout and error paths it stayed attached to the signal.
// expect: no-conditional-cleanup/cleanupSkippedOnSomePaths 23:3

export type TurnReply = { kind: 'text'; text: string } | { kind: 'timeout' };

export interface Backend {
  complete(prompt: string, signal: AbortSignal): Promise<TurnReply>;
}

export type TurnResult = { ok: true; text: string } | { ok: false; error: string };

export async function runTurn(prompt: string, signal: AbortSignal, backend: Backend): Promise<TurnResult> {
  const controller = new AbortController();
  const onAbort = (): void => {
    controller.abort(signal.reason);
  };
  signal.addEventListener('abort', onAbort);
  const reply = await backend.complete(prompt, controller.signal);
  if (reply.kind === 'timeout') {
    return { ok: false, error: 'turn timed out' };
  }
  signal.removeEventListener('abort', onAbort);
  return { ok: true, text: reply.text };
}
