// Source: https://github.com/codefoundries/isomorphic-material-relay-starter-kit/issues/41
// Bug: fixed twin: the error branch logs and rejects (the missing line named in the issue).
// expect: none

interface Client {
  execute(query: string, params: unknown[], cb: (err: Error | null, result?: { rows: unknown[] }) => void): void;
}

export function runQuery(client: Client, query: string, params: unknown[]): Promise<unknown[]> {
  return new Promise((resolve, reject) => {
    client.execute(query, params, (err, result) => {
      if (err) {
        console.log(String(err));
        console.log('Query:', query, 'Parameters:', JSON.stringify(params));
        reject(err);
      } else {
        resolve(result?.rows ?? []);
      }
    });
  });
}
