// Source: https://github.com/Pamblam/mysql-import/issues/9
// Bug: `import()` ran the file's queries one after another with a node-style callback whose error branch only called the configured error handler; the chain stopped and nothing rejected, so the await never returned and unsettled imports piled up in memory.
// expect: no-unsettled-promise/callbackPathNeverSettles 31:32

import { readFileSync } from 'node:fs';

export interface Connection {
  query(sql: string, cb: (err: Error | null) => void): void;
  end(): void;
}

export class Importer {
  constructor(
    private readonly conn: Connection,
    private readonly onError: (err: Error) => void,
  ) {}

  import(filename: string): Promise<void> {
    return new Promise((resolve) => {
      const queries = readFileSync(filename, 'utf8')
        .split(';')
        .map((q) => q.trim())
        .filter(Boolean);
      const run = (index: number): void => {
        const query = queries[index];
        if (query === undefined) {
          this.conn.end();
          resolve();
          return;
        }
        this.conn.query(query, (err) => {
          if (err) this.onError(err);
          else run(index + 1);
        });
      };
      run(0);
    });
  }
}
