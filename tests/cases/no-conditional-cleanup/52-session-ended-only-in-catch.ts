// Source: https://github.com/paralect/node-mongo/pull/48
// Bug: performTransaction ended its MongoDB session only in the catch before rethrowing, so every transaction that succeeded left its session open.
// expect: no-conditional-cleanup/cleanupSkippedOnSomePaths 22:13

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
    } catch (error) {
      await session.endSession();
      throw error;
    }
  }
}
