// Source: https://github.com/paralect/node-mongo/pull/48
// Bug: fixed as in the PR: the catch becomes a finally, so the session is ended after a successful transaction as well as after a failed one.
// expect: none

export interface ClientSession extends AsyncDisposable {
  withTransaction(fn: () => Promise<void>): Promise<void>;
  endSession(): Promise<void>;
}

export interface MongoClient {
  startSession(): ClientSession;
}

export class MongoService {
  constructor(private readonly client: MongoClient) {}

  async performTransaction(transactionFn: (session: ClientSession) => Promise<void>): Promise<void> {
    const session = this.client.startSession();
    try {
      await session.withTransaction(() => transactionFn(session));
    } finally {
      await session.endSession();
    }
  }
}
