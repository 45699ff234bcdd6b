// Source: https://github.com/twentyhq/twenty/pull/16649
// Bug: createWorkspaceDBSchema and deleteWorkspaceDBSchema released their QueryRunner only after the schema statement succeeded, so a permission error or schema conflict leaked a database connection from the pool.
// expect: no-conditional-cleanup/cleanupSkippedOnThrow 21:5
// expect: no-conditional-cleanup/cleanupSkippedOnThrow 29:5

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
    await queryRunner.createSchema(schemaName, true);
    queryRunner.release();
    return schemaName;
  }

  async deleteWorkspaceDBSchema(workspaceId: string): Promise<void> {
    const queryRunner = this.createQueryRunner();
    await queryRunner.acquire();
    await queryRunner.dropSchema(`workspace_${workspaceId}`, true, true);
    queryRunner.release();
  }
}
