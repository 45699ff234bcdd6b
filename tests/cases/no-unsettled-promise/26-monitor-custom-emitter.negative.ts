// Source: https://github.com/foreversd/forever-monitor/issues/185
// Bug: negative: a monitor that is a plain EventEmitter (its events are its own, no declared 'error'); the wait settles on 'exit' and rejects on 'error'.
// expect: none

import { EventEmitter } from 'node:events';

export class Monitor extends EventEmitter {
  start(): this {
    setImmediate(() => this.emit('exit'));
    return this;
  }
}

export function startProcess(monitor: Monitor): Promise<void> {
  return new Promise((resolve, reject) => {
    monitor.start();
    monitor.on('exit', () => resolve());
    monitor.on('stdout', (data: Buffer) => console.log(data.toString()));
    monitor.on('error', (error: Error) => reject(error));
  });
}

export function waitForStart(monitor: Monitor): Promise<void> {
  return new Promise((resolve) => {
    monitor.once('start', () => resolve());
  });
}
