// Source: https://github.com/prisma-archive/graphcool-templates/pull/143
// Bug: fixed twin: the callback calls reject instead of throwing.
// expect: none

import { request } from 'node:https';

function post(url: string, body: string, cb: (error: Error | null, status?: number, text?: string) => void): void {
  const req = request(url, { method: 'POST' }, (res) => {
    let text = '';
    res.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
    res.on('end', () => cb(null, res.statusCode, text));
    res.on('error', (error) => cb(error));
  });
  req.on('error', (error) => cb(error));
  req.end(body);
}

export function sendWelcomeEmail(url: string, to: string): Promise<string> {
  return new Promise((resolve, reject) => {
    post(url, JSON.stringify({ to }), (error, status, text) => {
      if (error) return reject(error);
      resolve(`${String(status)} ${text ?? ''}`);
    });
  });
}
