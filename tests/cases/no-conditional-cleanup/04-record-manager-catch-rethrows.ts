// Source: https://github.com/the-answerai/theanswer/pull/671
// Bug: (flagged in review of this PR) the record manager released its query runner only on the success path inside try; when manager.query threw (unique violation, transient failure) the catch logged and rethrew without releasing, leaking a connection from the shared pool.
// expect: no-conditional-cleanup/cleanupSkippedOnThrow 27:7

export interface RecordRunner {
  acquire(): Promise<void>;
  query(sql: string, params: readonly unknown[]): Promise<void>;
  release(): void;
}

export interface RunnerSource {
  createQueryRunner(): RecordRunner;
}

export class PostgresRecordManager {
  constructor(
    private readonly source: RunnerSource,
    private readonly namespace: string,
  ) {}

  async update(keys: readonly string[], updatedAt: number): Promise<void> {
    const queryRunner = this.source.createQueryRunner();
    await queryRunner.acquire();
    try {
      const sql = 'INSERT INTO upsertion_record (key, namespace, updated_at) SELECT unnest($1::text[]), $2, $3';
      await queryRunner.query(sql, [keys, this.namespace, updatedAt]);
      queryRunner.release();
    } catch (error) {
      console.error('Error updating in PostgresRecordManager:', error);
      throw error;
    }
  }
}
