// Source: https://github.com/graphile/crystal/pull/978
// Bug: the transaction helper released its pg-pool client after COMMIT and in the rollback path, but a COMMIT (or ROLLBACK) that threw skipped the release, so failed commits slowly exhausted the pool.
// expect: no-conditional-cleanup/cleanupSkippedOnThrow 19:5

export interface PgLease {
  acquire(): Promise<void>;
  query(sql: string): Promise<unknown>;
  release(): void;
}

export async function withTransaction<T>(lease: PgLease, work: (lease: PgLease) => Promise<T>): Promise<T> {
  await lease.acquire();
  let result: T;
  try {
    await lease.query('BEGIN');
    result = await work(lease);
  } catch (error) {
    await lease.query('ROLLBACK');
    lease.release();
    throw error;
  }
  await lease.query('COMMIT');
  lease.release();
  return result;
}
