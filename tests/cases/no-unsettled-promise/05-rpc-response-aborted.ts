// Source: https://github.com/sdkgen/sdkgen/pull/36
// Bug: the RPC client resolved on the response's 'end' and rejected only on request errors; an aborted response never ends, so the call never settled.
// expect: no-unsettled-promise/errorNotListened 13:7

import { request } from 'node:http';

export function call(host: string, body: string): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const req = request({ host, method: 'POST', path: '/rpc' }, (res) => {
      let data = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (data += chunk));
      res.on('end', () => {
        try {
          resolve(JSON.parse(data));
        } catch (error) {
          reject(error);
        }
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}
