// Source: https://github.com/SignalK/signalk-server/issues/2397
// Bug: fixed twin: the listener is kept in a variable and the disconnect handler removes that same function.
// expect: none

import { EventEmitter } from 'node:events';

export const serverEvents = new EventEmitter();

export interface ClientSocket extends EventEmitter {
  send(data: string): void;
}

export function subscribeServerEvents(client: ClientSocket, filter: (event: { type: string }) => boolean): void {
  const onServerEvent = (event: { type: string }): void => {
    if (filter(event)) client.send(JSON.stringify(event));
  };
  serverEvents.on('serverevent', onServerEvent);
  client.on('close', () => serverEvents.removeListener('serverevent', onServerEvent));
}
