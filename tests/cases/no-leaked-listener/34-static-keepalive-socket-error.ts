// Source: https://github.com/senchalabs/connect/pull/564
// Bug: the static middleware attached an 'error' listener to req.socket for every request served, and keep-alive connections reuse one socket for many requests, so the listeners piled up (11 listeners warning).
// expect: no-leaked-listener/inlineListenerNeverRemoved 12:5

import { createReadStream } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';

export function serveStatic(root: string) {
  return (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void): void => {
    const stream = createReadStream(join(root, req.url ?? '/'));
    req.socket.on('error', () => stream.destroy());
    stream.on('error', next);
    stream.pipe(res);
  };
}
