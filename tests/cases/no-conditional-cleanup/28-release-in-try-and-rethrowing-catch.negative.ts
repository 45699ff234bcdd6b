// Source: https://github.com/mtxr/vscode-sqltools/pull/555
// Bug: none: the upstream fix for the leaked pool client releases it on the success path inside try and again in a catch that rethrows, and nothing between the checkout and try can throw, so every path releases it.
// expect: none

export interface Pool {
  acquire(): Promise<() => void>;
  run(sql: string): Promise<unknown[]>;
}

export class PostgresDriver {
  constructor(private readonly pool: Pool) {}

  async query(sql: string): Promise<unknown[]> {
    const release = await this.pool.acquire();
    try {
      const rows = await this.pool.run(sql);
      release();
      return rows;
    } catch (error) {
      release();
      throw error;
    }
  }
}
