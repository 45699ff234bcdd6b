// Source: https://github.com/OfficeDev/microsoft-teams-library-js/pull/21
// Bug: fixed (teams-js PR #21): a callback is deleted from the dictionary once its response has been delivered.
// expect: none

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
    delete callbacks[message.id];
  }
}
