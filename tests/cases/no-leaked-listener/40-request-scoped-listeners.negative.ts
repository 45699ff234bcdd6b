// Source: https://github.com/DataDog/dd-trace-js/pull/210
// Bug: negative: timing a request through a keep-alive agent, with the listeners on the request and response made for this call rather than on the pooled socket they share, so they go with the call.
// expect: none

import { request, type Agent } from 'node:http';

export interface Timing {
  status: number;
  bytes: number;
  ms: number;
}

export function timedGet(url: string, agent: Agent): Promise<Timing> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = request(url, { agent }, (res) => {
      let bytes = 0;
      res.on('data', (chunk: Buffer) => (bytes += chunk.length));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, bytes, ms: performance.now() - started }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.on('timeout', () => req.destroy(new Error(`timed out: ${url}`)));
    req.end();
  });
}
