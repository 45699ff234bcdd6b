// Source: https://github.com/Automattic/mongoose/issues/8936
// Bug: fixed with the try/finally the reporter describes: the session is ended whether or not the transaction threw.
// expect: none

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
  try {
    await session.withTransaction(async (tx) => {
      await ledger.debit(from, amount, tx);
      await ledger.credit(to, amount, tx);
    });
  } finally {
    await session.endSession();
  }
}
