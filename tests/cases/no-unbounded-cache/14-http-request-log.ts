// Source: https://github.com/swagger-api/swagger-client/pull/289
// Bug: the HTTP layer appended a log line for every request to a long-lived (static) array that nothing ever trimmed, leaking memory in long-running Node apps.
// expect: no-unbounded-cache/arrayNeverShrinks 10:7

export interface RequestSpec {
  method: string;
  url: string;
}

const requestLog: string[] = [];

export async function execute(spec: RequestSpec): Promise<Response> {
  requestLog.push(`${new Date().toISOString()} ${spec.method} ${spec.url}`);
  return fetch(spec.url, { method: spec.method });
}

export function lastRequests(n: number): string[] {
  return requestLog.slice(-n);
}
