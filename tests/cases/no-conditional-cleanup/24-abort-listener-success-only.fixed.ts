// Source: https://github.com/luongnv89/pi-extensions/issues/72
// Bug: fixed: the listener is removed in finally, so it is detached on success, timeout and error alike.
// expect: none

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
  try {
    const reply = await backend.complete(prompt, controller.signal);
    if (reply.kind === 'timeout') {
      return { ok: false, error: 'turn timed out' };
    }
    return { ok: true, text: reply.text };
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
}
