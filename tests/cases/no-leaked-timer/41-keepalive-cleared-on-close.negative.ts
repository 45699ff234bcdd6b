// Source: https://github.com/theturtle32/WebSocket-Node/pull/1
// Bug: negative: the fix: each connection's keepalive interval, started only when keepalive is configured, is cleared when the client disconnects, by the same handle, on either close path.
// expect: none

import { EventEmitter } from 'node:events';
import type { Socket } from 'node:net';

export interface KeepaliveConfig {
  keepalive: boolean;
  keepaliveIntervalMs: number;
}

export function trackConnection(socket: Socket, config: KeepaliveConfig): EventEmitter {
  const connection = new EventEmitter();
  let keepalive: ReturnType<typeof setInterval> | undefined;
  if (config.keepalive) {
    keepalive = setInterval(() => socket.write('\x89\x00'), config.keepaliveIntervalMs);
  }
  const stopKeepalive = (): void => {
    if (keepalive !== undefined) clearInterval(keepalive);
    keepalive = undefined;
  };
  socket.once('close', () => {
    stopKeepalive();
    connection.emit('close');
  });
  socket.once('error', () => {
    stopKeepalive();
    socket.destroy();
  });
  return connection;
}
