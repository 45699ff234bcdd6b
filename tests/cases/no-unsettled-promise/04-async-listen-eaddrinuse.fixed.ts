// Source: https://github.com/vercel/async-listen/pull/1
// Bug: fixed twin: an 'error' listener rejects, and each outcome removes the other listener.
// expect: none

import type { Server } from 'node:http';

export function listen(server: Server, port: number, host = '127.0.0.1'): Promise<URL> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error) => {
      server.off('listening', onListening);
      reject(error);
    };
    const onListening = () => {
      server.off('error', onError);
      resolve(new URL(`http://${host}:${String(port)}`));
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, host);
  });
}
