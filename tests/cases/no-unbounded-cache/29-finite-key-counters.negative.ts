// Source: https://github.com/chmonitor/chmonitor/issues/2467
// Bug: none: these module-level collections are keyed by an enum, a string-literal union and boolean, so they can never hold more entries than the key type has values.
// expect: none

export enum LogLevel {
  Debug,
  Info,
  Warn,
  Error,
}

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

const countsByLevel = new Map<LogLevel, number>();
const latencyByMethod = new Map<HttpMethod, number[]>();
const seenMethods = new Set<HttpMethod>();
const outcomes = new Map<boolean, number>();

export function record(level: LogLevel, method: HttpMethod, ms: number, ok: boolean): void {
  countsByLevel.set(level, (countsByLevel.get(level) ?? 0) + 1);
  latencyByMethod.set(method, [...(latencyByMethod.get(method) ?? []).slice(-99), ms]);
  seenMethods.add(method);
  outcomes.set(ok, (outcomes.get(ok) ?? 0) + 1);
}

export function summary(): string {
  return `${countsByLevel.size} levels, ${seenMethods.size} methods, ${latencyByMethod.size} series, ${outcomes.size} outcomes`;
}
