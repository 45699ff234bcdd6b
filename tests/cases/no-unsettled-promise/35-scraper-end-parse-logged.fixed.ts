// Source: https://github.com/livgust/covid-vaccine-scrapers/pull/245
// Bug: fixed twin (the PR's final version): the parse failure is logged and rejects the request promise.
// expect: none

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
          reject(e instanceof Error ? e : new Error(String(e)));
        }
      });
    });
    req.on('error', reject);
  });
}
