// Source: https://github.com/sindresorhus/p-event/issues/7
// Bug: fixed: the listener is removed in finally, so a timeout or a rejected wait detaches it too.
// expect: none

import { EventEmitter } from 'node:events';

export const TIMED_OUT = Symbol('timed out');

export interface Deadline {
  within<T>(promise: Promise<T>, ms: number): Promise<T | typeof TIMED_OUT>;
}

export async function pEvent(emitter: EventEmitter, event: string, timeoutMs: number, deadline: Deadline): Promise<unknown> {
  let resolveEvent: (value: unknown) => void = () => undefined;
  const received = new Promise<unknown>((resolve) => {
    resolveEvent = resolve;
  });
  const onEvent = (value: unknown): void => {
    resolveEvent(value);
  };
  emitter.addListener(event, onEvent);
  try {
    const value = await deadline.within(received, timeoutMs);
    if (value === TIMED_OUT) {
      throw new Error(`Timed out after ${timeoutMs} ms waiting for "${event}"`);
    }
    return value;
  } finally {
    emitter.off(event, onEvent);
  }
}
