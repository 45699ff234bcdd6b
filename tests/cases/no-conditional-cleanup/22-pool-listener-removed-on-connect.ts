// Source: https://github.com/mongodb/node-mongodb-native/pull/1237
// Bug: the Standalone topology removed the listeners it had put on the connection pool once the pool connected, but not when the connection timed out, so every timed-out attempt left its listeners behind.
// expect: no-conditional-cleanup/cleanupSkippedOnSomePaths 19:7

import { EventEmitter } from 'node:events';

export interface ConnectionPool extends EventEmitter {
  open(timeoutMs: number): Promise<'connected' | 'timeout'>;
}

export class Standalone extends EventEmitter {
  async connect(pool: ConnectionPool, timeoutMs: number): Promise<boolean> {
    const onPoolError = (error: Error): void => {
      this.emit('error', error);
    };
    pool.on('error', onPoolError);
    const outcome = await pool.open(timeoutMs);
    if (outcome === 'connected') {
      pool.removeListener('error', onPoolError);
      this.emit('connect', this);
      return true;
    }
    this.emit('timeout', timeoutMs);
    return false;
  }
}
