// Source: https://github.com/LucasSantana-Dev/Lucky/pull/666
// Bug: fixed twin: the request's 'close' handler clears the heartbeat, and the heartbeat skips a response that has already ended.
// expect: none

import type { IncomingMessage, ServerResponse } from 'node:http';

const clients = new Set<ServerResponse>();

export function broadcast(state: unknown): void {
  for (const client of clients) client.write(`data: ${JSON.stringify(state)}\n\n`);
}

export function streamState(req: IncomingMessage, res: ServerResponse): void {
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  clients.add(res);
  const heartbeat = setInterval(() => {
    if (!res.writableEnded) res.write(': heartbeat\n\n');
  }, 15_000);
  req.on('close', () => {
    clearInterval(heartbeat);
    clients.delete(res);
  });
}
