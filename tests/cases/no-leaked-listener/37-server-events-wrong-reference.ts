// Source: https://github.com/SignalK/signalk-server/issues/2397
// Bug: each websocket client added a wrapper listener for server events to the app-wide emitter, but its disconnect handler removed the raw send function instead of the wrapper, so the cleanup never removed anything.
// expect: no-leaked-listener/inlineListenerNeverRemoved 15:3

import { EventEmitter } from 'node:events';

export const serverEvents = new EventEmitter();

export interface ClientSocket extends EventEmitter {
  send(data: string): void;
}

export function subscribeServerEvents(client: ClientSocket, filter: (event: { type: string }) => boolean): void {
  const send = (event: { type: string }): void => client.send(JSON.stringify(event));
  serverEvents.on('serverevent', (event: { type: string }) => {
    if (filter(event)) send(event);
  });
  client.on('close', () => serverEvents.removeListener('serverevent', send));
}
