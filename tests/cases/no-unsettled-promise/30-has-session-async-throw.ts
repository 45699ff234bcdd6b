// Source: https://github.com/schibsted/account-sdk-browser/pull/112
// Bug: `hasSession()` built its promise with an async executor and threw an SDKError when the endpoint returned an error; the throw only rejected the executor's own promise, so the session promise stayed pending.
// expect: no-unsettled-promise/executorPathNeverSettles 37:9

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
        throw new SessionError('HasSession endpoint returned an error', data.error);
      }
      this.emit('login', data);
      resolve(data);
    });
  }
}
