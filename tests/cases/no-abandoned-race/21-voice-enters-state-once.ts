// Source: https://github.com/discordjs/voice/pull/25
// Bug: entersState() raced events.once() against a timeout; when the timeout won, the once() listener was never de-registered (a leak, per review), and when the state came first the timer stayed armed.
// expect: no-abandoned-race/timerNeverCleared 9:9
// expect: no-abandoned-race/signalNotPassed 9:9

import { once, type EventEmitter } from 'node:events';

export async function entersState<T extends EventEmitter>(target: T, status: string, maxTime: number): Promise<T> {
  await Promise.race([
    once(target, status),
    new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error(`Did not enter state ${status} within ${maxTime}ms`)), maxTime),
    ),
  ]);
  return target;
}
