// Source: https://github.com/denodrivers/postgres/issues/276
// Bug: fixed as the issue proposes: the query runs in a try and the client is released in finally.
// expect: none

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
  try {
    const result = await client.queryObject<T>(sql);
    return result.rows;
  } finally {
    client.release();
  }
}
