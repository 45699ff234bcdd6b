// Source: https://github.com/vfarcic/dot-ai/pull/655
// Bug: review of a test HTTP helper: a no-op 'error' listener on the response swallowed resets, and since 'end' is skipped after an error, the request promise could stay pending.
// expect: no-unsettled-promise/errorListenerNeverSettles 12:7

import { get } from 'node:http';

export function fetchText(url: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = get(url, (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
      res.on('error', () => {
        /* handled by the request's error listener */
      });
      res.on('end', () => resolve(text));
    });
    req.on('error', reject);
  });
}
