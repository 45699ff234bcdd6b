// Source: https://github.com/Automattic/mongoose/issues/8936
// Bug: the transaction helper started a session, awaited withTransaction() and then ended the session; when the transaction callback threw, the await rejected and endSession() never ran, leaving the server-side session open.
// expect: no-conditional-cleanup/cleanupSkippedOnThrow 25:9

export interface ClientSession extends AsyncDisposable {
  withTransaction<T>(fn: (session: ClientSession) => Promise<T>): Promise<T>;
  endSession(): Promise<void>;
}

export interface Connection {
  startSession(): Promise<ClientSession>;
}

export interface Ledger {
  debit(account: string, amount: number, session: ClientSession): Promise<void>;
  credit(account: string, amount: number, session: ClientSession): Promise<void>;
}

export async function transfer(connection: Connection, ledger: Ledger, from: string, to: string, amount: number): Promise<void> {
  const session = await connection.startSession();
  await session.withTransaction(async (tx) => {
    await ledger.debit(from, amount, tx);
    await ledger.credit(to, amount, tx);
  });
  await session.endSession();
}
