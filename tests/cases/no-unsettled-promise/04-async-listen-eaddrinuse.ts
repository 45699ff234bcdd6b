// Source: https://github.com/vercel/async-listen/pull/1
// Bug: listen() resolved from the listen callback only; EADDRINUSE is not passed to that callback but emitted as 'error' on the server, so the promise never settled.
// expect: no-unsettled-promise/errorNotListened 9:5

import type { Server } from 'node:http';

export function listen(server: Server, port: number, host = '127.0.0.1'): Promise<URL> {
  return new Promise((resolve) => {
    server.listen(port, host, () => {
      resolve(new URL(`http://${host}:${String(port)}`));
    });
  });
}
