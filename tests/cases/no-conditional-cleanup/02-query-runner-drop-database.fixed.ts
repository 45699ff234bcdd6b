// Source: https://github.com/typeorm/typeorm/pull/3727
// Bug: fixed: the query runner is released in a finally block, so a failed DROP returns the client to the pool.
// expect: none

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
    try {
      await queryRunner.query(`DROP DATABASE IF EXISTS "${name}"`);
    } finally {
      await queryRunner.release();
    }
  }
}
