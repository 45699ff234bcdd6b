// Source: https://github.com/mochajs/mocha/pull/432
// Bug: each watch run added an 'uncaughtException' listener and then 'removed' a different function, so the original listener stayed on process run after run.
// expect: no-leaked-listener/listenerNeverRemoved 17:5

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
      process.removeListener('uncaughtException', (error: Error) => this.fail(error));
      done(this.failures);
    });
    this.emit('start');
  }
}
