// Source: https://github.com/codefoundries/isomorphic-material-relay-starter-kit/issues/41
// Bug: the database client logged query errors but never called reject, so a failed query left the resolver's promise pending.
// expect: no-unsettled-promise/callbackPathNeverSettles 11:35

interface Client {
  execute(query: string, params: unknown[], cb: (err: Error | null, result?: { rows: unknown[] }) => void): void;
}

export function runQuery(client: Client, query: string, params: unknown[]): Promise<unknown[]> {
  return new Promise((resolve, reject) => {
    client.execute(query, params, (err, result) => {
      if (err) {
        console.log(String(err));
        console.log('Query:', query, 'Parameters:', JSON.stringify(params));
      } else {
        resolve(result?.rows ?? []);
      }
    });
  });
}
