// Source: https://github.com/twentyhq/twenty/pull/16649
// Bug: fixed: both schema operations run in try and release the QueryRunner in finally.
// expect: none

export interface SchemaRunner {
  acquire(): Promise<void>;
  createSchema(name: string, ifNotExists: boolean): Promise<void>;
  dropSchema(name: string, ifExists: boolean, cascade: boolean): Promise<void>;
  release(): void;
}

export class WorkspaceDataSourceService {
  constructor(private readonly createQueryRunner: () => SchemaRunner) {}

  async createWorkspaceDBSchema(workspaceId: string): Promise<string> {
    const schemaName = `workspace_${workspaceId}`;
    const queryRunner = this.createQueryRunner();
    await queryRunner.acquire();
    try {
      await queryRunner.createSchema(schemaName, true);
      return schemaName;
    } finally {
      queryRunner.release();
    }
  }

  async deleteWorkspaceDBSchema(workspaceId: string): Promise<void> {
    const queryRunner = this.createQueryRunner();
    await queryRunner.acquire();
    try {
      await queryRunner.dropSchema(`workspace_${workspaceId}`, true, true);
    } finally {
      queryRunner.release();
    }
  }
}
