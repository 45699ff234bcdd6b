// Source: https://github.com/request/request/pull/76
// Bug: fixed as in the PR: the 'error' handler clears the timer too, so it is disarmed whichever way the request ends.
// expect: none

import { request, type IncomingMessage } from 'node:http';

export function getWithResponseTimeout(url: URL, responseTimeoutMs: number): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const req = request(url);
    const timer = setTimeout(() => {
      req.destroy(new Error(`no response from ${url.host} within ${String(responseTimeoutMs)} ms`));
    }, responseTimeoutMs);
    req.on('response', (res) => {
      clearTimeout(timer);
      resolve(res);
    });
    req.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    req.end();
  });
}
