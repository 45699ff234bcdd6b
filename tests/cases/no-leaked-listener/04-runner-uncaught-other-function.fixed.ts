// Source: https://github.com/mochajs/mocha/pull/432
// Bug: fixed twin: the same function is given to process.on and process.removeListener.
// expect: none

import { EventEmitter } from 'node:events';

export class Runner extends EventEmitter {
  failures = 0;

  private fail(error: Error): void {
    this.failures += 1;
    this.emit('fail', error);
  }

  run(done: (failures: number) => void): void {
    const uncaught = (error: Error): void => this.fail(error);
    process.on('uncaughtException', uncaught);
    this.once('end', () => {
      process.removeListener('uncaughtException', uncaught);
      done(this.failures);
    });
    this.emit('start');
  }
}
