// Source: https://github.com/LucasSantana-Dev/Lucky/pull/666
// Bug: every SSE client got a heartbeat interval that the disconnect handler never cleared, so it kept writing to closed responses and held each client's state.
// expect: no-leaked-timer/intervalNeverCleared 16:21

import type { IncomingMessage, ServerResponse } from 'node:http';

const clients = new Set<ServerResponse>();

export function broadcast(state: unknown): void {
  for (const client of clients) client.write(`data: ${JSON.stringify(state)}\n\n`);
}

export function streamState(req: IncomingMessage, res: ServerResponse): void {
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  clients.add(res);
  const heartbeat = setInterval(() => res.write(': heartbeat\n\n'), 15_000);
  req.on('close', () => {
    clients.delete(res);
  });
}
