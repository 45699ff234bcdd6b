// Source: https://github.com/mongodb/node-mongodb-native/pull/1237
// Bug: fixed: the pool listener is removed in finally, so timed-out and failed connection attempts clean up as well.
// expect: none

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
    try {
      const outcome = await pool.open(timeoutMs);
      if (outcome === 'connected') {
        this.emit('connect', this);
        return true;
      }
      this.emit('timeout', timeoutMs);
      return false;
    } finally {
      pool.removeListener('error', onPoolError);
    }
  }
}
