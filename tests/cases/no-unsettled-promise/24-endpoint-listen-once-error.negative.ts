// Source: https://github.com/restatedev/sdk-typescript/pull/296
// Bug: negative: listen() resolves when the server listens and rejects with the first 'error' (the PR's fix for a promise that never settled).
// expect: none

import type { Http2Server } from 'node:http2';

export function listen(server: Http2Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    let failed = false;
    server.once('error', (e) => {
      failed = true;
      reject(e);
    });
    server.listen(port, () => {
      if (!failed) resolve(port);
    });
  });
}
