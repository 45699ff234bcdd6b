// Source: https://github.com/graphile/crystal/pull/978
// Bug: fixed: BEGIN, the work, COMMIT and ROLLBACK all run inside try and the client is released once in finally, whatever throws.
// expect: none

export interface PgLease {
  acquire(): Promise<void>;
  query(sql: string): Promise<unknown>;
  release(): void;
}

export async function withTransaction<T>(lease: PgLease, work: (lease: PgLease) => Promise<T>): Promise<T> {
  await lease.acquire();
  try {
    await lease.query('BEGIN');
    let result: T;
    try {
      result = await work(lease);
    } catch (error) {
      await lease.query('ROLLBACK');
      throw error;
    }
    await lease.query('COMMIT');
    return result;
  } finally {
    lease.release();
  }
}
