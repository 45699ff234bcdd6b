// Source: https://github.com/livgust/covid-vaccine-scrapers/pull/245
// Bug: the scraper parsed the response body in its `end` listener and, when JSON.parse failed, only logged the error: the request promise neither resolved nor rejected (the review asked for `reject(e)` there instead).
// expect: no-unsettled-promise/callbackPathNeverSettles 20:21

import { get } from 'node:https';

export interface Availability {
  slots: number;
  sites: string[];
}

export function fetchAvailability(url: string): Promise<Availability> {
  return new Promise((resolve, reject) => {
    const req = get(url, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => {
        body += chunk.toString('utf8');
      });
      res.on('error', reject);
      res.on('end', () => {
        try {
          resolve(JSON.parse(body) as Availability);
        } catch (e) {
          console.error(`JSON.parse failed: ${String(e)}`);
        }
      });
    });
    req.on('error', reject);
  });
}
