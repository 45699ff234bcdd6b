// Source: https://github.com/OfficeDev/microsoft-teams-library-js/pull/21
// Bug: none: the callback dictionary deletes each entry when its response arrives, and the outgoing queue is drained with shift(), so neither the object nor the array grows without bound.
// expect: none

type Callback = (result: unknown) => void;

const callbacks: Record<string, Callback> = {};
const outbox: string[] = [];
let nextId = 0;

export function request(payload: unknown, callback: Callback): string {
  const id = String(nextId++);
  callbacks[id] = callback;
  outbox.push(JSON.stringify({ id, payload }));
  return id;
}

export function flush(send: (frame: string) => void): void {
  for (let frame = outbox.shift(); frame !== undefined; frame = outbox.shift()) send(frame);
}

export function respond(id: string, result: unknown): void {
  const callback = callbacks[id];
  delete callbacks[id];
  callback?.(result);
}
