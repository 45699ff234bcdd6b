// Source: https://github.com/typeorm/typeorm/pull/3727
// Bug: Connection.dropDatabase() released its query runner only after the DROP succeeded, so a failing drop (a Postgres deadlock) leaked a pooled client each time until the pool of 10 was exhausted and every query hung.
// expect: no-conditional-cleanup/cleanupSkippedOnThrow 34:11

export interface Driver {
  checkout(): Promise<void>;
  execute(sql: string): Promise<void>;
  checkin(): Promise<void>;
}

export class QueryRunner {
  constructor(private readonly driver: Driver) {}

  async acquire(): Promise<void> {
    await this.driver.checkout();
  }

  query(sql: string): Promise<void> {
    return this.driver.execute(sql);
  }

  async release(): Promise<void> {
    await this.driver.checkin();
  }
}

export class Connection {
  constructor(private readonly driver: Driver) {}

  async dropDatabase(name: string): Promise<void> {
    const queryRunner = new QueryRunner(this.driver);
    await queryRunner.acquire();
    await queryRunner.query(`DROP DATABASE IF EXISTS "${name}"`);
    await queryRunner.release();
  }
}
