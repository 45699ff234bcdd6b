// Source: https://github.com/Pamblam/mysql-import/issues/9
// Bug: fixed twin (the fix the issue asks for): the error branch still reports to the handler, then ends the connection and rejects the import.
// expect: none

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
    return new Promise((resolve, reject) => {
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
          if (err) {
            this.onError(err);
            this.conn.end();
            reject(err);
          } else {
            run(index + 1);
          }
        });
      };
      run(0);
    });
  }
}
