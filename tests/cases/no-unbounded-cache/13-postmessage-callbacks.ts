// Source: https://github.com/OfficeDev/microsoft-teams-library-js/pull/21
// Bug: every request sent to the host frame parks its callback in a module-level dictionary keyed by message id; the response handler calls it but never removes it, so the map grows with every call made.
// expect: no-unbounded-cache/objectNeverShrinks 17:7

type Callback = (...args: unknown[]) => void;

interface MessageResponse {
  id: number;
  args: unknown[];
}

export interface HostWindow {
  postMessage(message: unknown, targetOrigin: string): void;
}

let nextMessageId = 0;
const callbacks: { [id: number]: Callback } = {};

export function sendMessageRequest(host: HostWindow, func: string, args: unknown[], callback?: Callback): number {
  const id = nextMessageId++;
  host.postMessage({ id, func, args }, '*');
  if (callback) callbacks[id] = callback;
  return id;
}

export function handleParentMessage(message: MessageResponse): void {
  const callback = callbacks[message.id];
  if (callback) {
    callback(...message.args);
  }
}
