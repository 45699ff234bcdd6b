// Source: https://github.com/sidorares/node-mysql2/issues/1110
// Bug: fixed as suggested in the thread: the connection is declared before the try and released in finally when it was taken.
// expect: none

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
    let connection: PoolConnection | undefined;
    try {
      connection = await pool.getConnection();
      const [rows] = await connection.query('SELECT * FROM users WHERE is_active = ?', ['Y']);
      res.status(200).json({ message: 'success', data: rows });
    } catch (error) {
      res.status(400).json({ message: 'error', error });
    } finally {
      connection?.release();
    }
  };
}
