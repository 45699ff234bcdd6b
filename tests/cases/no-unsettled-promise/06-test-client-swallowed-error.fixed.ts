// Source: https://github.com/vfarcic/dot-ai/pull/655
// Bug: fixed twin: the response's 'error' listener rejects.
// expect: none

import { get } from 'node:http';

export function fetchText(url: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = get(url, (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
      res.on('error', reject);
      res.on('end', () => resolve(text));
    });
    req.on('error', reject);
  });
}
