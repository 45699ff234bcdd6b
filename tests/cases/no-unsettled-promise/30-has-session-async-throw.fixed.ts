// Source: https://github.com/schibsted/account-sdk-browser/pull/112
// Bug: fixed twin (the PR's fix): instead of throwing, the error branch emits `error` and rejects the session promise.
// expect: none

import { EventEmitter } from 'node:events';

export interface SessionData {
  userId?: string;
  error?: { code: number; description: string };
}

export class SessionError extends Error {
  constructor(
    message: string,
    readonly detail?: unknown,
  ) {
    super(message);
  }
}

export class Identity extends EventEmitter {
  constructor(private readonly fetchSession: () => Promise<SessionData>) {
    super();
  }

  hasSession(): Promise<SessionData> {
    return new Promise<SessionData>(async (resolve, reject) => {
      let data: SessionData;
      try {
        data = await this.fetchSession();
      } catch (err) {
        this.emit('error', err);
        reject(new SessionError('HasSession failed', err));
        return;
      }
      if (data.error) {
        this.emit('error', data.error);
        reject(new SessionError('HasSession failed', data.error));
        return;
      }
      this.emit('login', data);
      resolve(data);
    });
  }
}
