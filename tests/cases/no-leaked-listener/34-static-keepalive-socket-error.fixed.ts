// Source: https://github.com/senchalabs/connect/pull/564
// Bug: fixed twin: the PR removes the socket's 'error' listener once the request is over.
// expect: none

import { createReadStream } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';

export function serveStatic(root: string) {
  return (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void): void => {
    const stream = createReadStream(join(root, req.url ?? '/'));
    const socket = req.socket;
    const onSocketError = (): void => {
      stream.destroy();
    };
    socket.on('error', onSocketError);
    res.on('close', () => socket.removeListener('error', onSocketError));
    stream.on('error', next);
    stream.pipe(res);
  };
}
