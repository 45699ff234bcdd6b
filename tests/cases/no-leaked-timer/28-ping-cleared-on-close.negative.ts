// Source: https://github.com/yjs/y-websocket/pull/30
// Bug: negative: the fixed connection setup: the ping interval is cleared when the ping fails and when the connection closes.
// expect: none

import { EventEmitter } from 'node:events';

interface Connection extends EventEmitter {
  ping(): void;
  close(): void;
}

export function setupConnection(conn: Connection, pingTimeoutMs = 30_000): void {
  let pongReceived = true;
  const pingInterval = setInterval(() => {
    if (!pongReceived) {
      conn.close();
      clearInterval(pingInterval);
      return;
    }
    pongReceived = false;
    try {
      conn.ping();
    } catch {
      conn.close();
      clearInterval(pingInterval);
    }
  }, pingTimeoutMs);
  conn.on('pong', () => {
    pongReceived = true;
  });
  conn.on('close', () => {
    clearInterval(pingInterval);
  });
}
