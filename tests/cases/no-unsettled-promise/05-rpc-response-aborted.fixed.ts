// Source: https://github.com/sdkgen/sdkgen/pull/36
// Bug: fixed twin: the response's 'error' (an abort surfaces there) and 'close' both settle the call.
// expect: none

import { request } from 'node:http';

export function call(host: string, body: string): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const req = request({ host, method: 'POST', path: '/rpc' }, (res) => {
      let data = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (data += chunk));
      res.on('error', reject);
      res.on('close', () => {
        if (!res.complete) reject(new Error('response aborted'));
      });
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
