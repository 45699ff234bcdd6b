// Source: https://github.com/mtxr/vscode-sqltools/pull/555
// Bug: fixed (here with finally; the upstream fix also released in the catch): the client goes back to the pool whether the query succeeds or fails.
// expect: none

export interface Pool {
  acquire(): Promise<() => void>;
  run(sql: string): Promise<unknown[]>;
}

export interface QueryResult {
  sql: string;
  rows: unknown[];
  error?: string;
}

export class PostgresDriver {
  constructor(private readonly pool: Pool) {}

  async query(sql: string): Promise<QueryResult[]> {
    const release = await this.pool.acquire();
    try {
      const rows = await this.pool.run(sql);
      return [{ sql, rows }];
    } catch (error) {
      return [{ sql, rows: [], error: error instanceof Error ? error.message : String(error) }];
    } finally {
      release();
    }
  }
}
