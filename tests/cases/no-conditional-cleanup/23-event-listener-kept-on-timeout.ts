// Source: https://github.com/sindresorhus/p-event/issues/7
// Bug: pEvent removed its event listeners only when the awaited event arrived; when the wait timed out it rejected and left the listeners attached to the emitter (fixed in p-event PR 9).
// expect: no-conditional-cleanup/cleanupSkippedOnThrow 26:3

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
  const value = await deadline.within(received, timeoutMs);
  if (value === TIMED_OUT) {
    throw new Error(`Timed out after ${timeoutMs} ms waiting for "${event}"`);
  }
  emitter.off(event, onEvent);
  return value;
}
