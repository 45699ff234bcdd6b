// Source: https://github.com/request/request/pull/76
// Bug: the request's timeout timer was cleared in the 'response' handler only; when the request failed first, the 'error' handler passed the error on without clearing it, so the timer stayed armed and later fired a second, timeout error for a request that had already failed.
// expect: no-conditional-cleanup/cleanupSkippedOnSomePaths 14:7

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
      reject(error);
    });
    req.end();
  });
}
