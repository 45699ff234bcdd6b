// Source: https://github.com/swagger-api/swagger-client/pull/289
// Bug: fixed (idiomatic; the PR stopped appending to the static array): the log keeps only the most recent MAX_LOG lines.
// expect: none

export interface RequestSpec {
  method: string;
  url: string;
}

const MAX_LOG = 100;
const requestLog: string[] = [];

export async function execute(spec: RequestSpec): Promise<Response> {
  requestLog.push(`${new Date().toISOString()} ${spec.method} ${spec.url}`);
  if (requestLog.length > MAX_LOG) requestLog.shift();
  return fetch(spec.url, { method: spec.method });
}

export function lastRequests(n: number): string[] {
  return requestLog.slice(-n);
}
