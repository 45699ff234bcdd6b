// Source: https://github.com/denodrivers/postgres/issues/276
// Bug: the driver's connection-pool example released the client after the awaited query with no try/finally, so a query that rejected left the client checked out of the pool; the maintainer agreed and corrected the docs.
// expect: no-conditional-cleanup/cleanupSkippedOnThrow 21:3

export interface QueryResult<T> {
  rows: T[];
}

export interface PoolClient {
  queryObject<T>(sql: string): Promise<QueryResult<T>>;
  release(): void;
}

export interface Pool {
  connect(): Promise<PoolClient>;
}

export async function runQuery<T>(pool: Pool, sql: string): Promise<T[]> {
  const client = await pool.connect();
  const result = await client.queryObject<T>(sql);
  client.release();
  return result.rows;
}
