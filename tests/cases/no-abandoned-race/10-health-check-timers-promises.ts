// Source: https://github.com/building5/promise-timeout/issues/1
// Bug: the timeout raced against the operation was never cancelled when the operation resolved first, so the pending timer kept the process alive after a fast health check.
// expect: no-abandoned-race/timerNeverCleared 13:24
// expect: no-abandoned-race/workNeverAborted 13:24

import { setTimeout as sleep } from 'node:timers/promises';

const TIMED_OUT = Symbol('timed out');

declare const redis: { ping(): Promise<string> };

export async function healthCheck(ms = 1000): Promise<boolean> {
  const result = await Promise.race([redis.ping(), sleep(ms, TIMED_OUT)]);
  return result !== TIMED_OUT;
}
