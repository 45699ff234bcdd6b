// Source: https://github.com/wevm/viem/issues/4390
// Bug: none by default: an exported Map (viem's listenersCache was exported) can be shrunk by importers this file cannot see, so the rule stays quiet unless asked to treat exports as owned.
// expect: none

export type Handler = (payload: unknown) => void;

export const handlers = new Map<string, Handler[]>();

export function on(event: string, handler: Handler): void {
  const list = handlers.get(event) ?? [];
  list.push(handler);
  handlers.set(event, list);
}

export function emit(event: string, payload: unknown): void {
  for (const handler of handlers.get(event) ?? []) handler(payload);
}
