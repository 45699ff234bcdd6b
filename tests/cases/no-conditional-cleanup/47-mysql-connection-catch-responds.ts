// Source: https://github.com/sidorares/node-mysql2/issues/1110
// Bug: the route took a pooled connection inside its try and released it right after the query; when the query failed, the catch answered 400 and returned with the connection still taken, so failing requests drained the 10-connection pool.
// expect: no-conditional-cleanup/cleanupSkippedOnSomePaths 24:7

export interface PoolConnection {
  query(sql: string, values: unknown[]): Promise<[unknown[], unknown]>;
  release(): void;
}

export interface PromisePool {
  getConnection(): Promise<PoolConnection>;
}

export interface Response {
  status(code: number): Response;
  json(body: unknown): void;
}

export function listActiveUsers(pool: PromisePool): (res: Response) => Promise<void> {
  return async (res) => {
    try {
      const connection = await pool.getConnection();
      const [rows] = await connection.query('SELECT * FROM users WHERE is_active = ?', ['Y']);
      connection.release();
      res.status(200).json({ message: 'success', data: rows });
    } catch (error) {
      res.status(400).json({ message: 'error', error });
    }
  };
}
