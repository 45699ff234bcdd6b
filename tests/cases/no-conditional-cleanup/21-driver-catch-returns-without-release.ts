// Source: https://github.com/mtxr/vscode-sqltools/pull/555
// Bug: the PostgreSQL driver released its pooled client only after a successful query; the catch turned the error into a result row and returned without releasing, so failed queries left dead clients checked out of the pool.
// expect: no-conditional-cleanup/cleanupSkippedOnSomePaths 23:7

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
      release();
      return [{ sql, rows }];
    } catch (error) {
      return [{ sql, rows: [], error: error instanceof Error ? error.message : String(error) }];
    }
  }
}
