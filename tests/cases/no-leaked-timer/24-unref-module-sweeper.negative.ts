// Source: https://github.com/Financial-Times/node-health-check/pull/36
// Bug: negative: the fix unrefs a module-level interval, so it cannot keep the process open, and its callback holds only module state.
// expect: none

export interface HealthReport {
  ok: boolean;
  checkedAt: number;
}

const checks: (() => Promise<boolean>)[] = [];
let latest: HealthReport = { ok: true, checkedAt: 0 };

export function registerCheck(run: () => Promise<boolean>): void {
  checks.push(run);
}

export function report(): HealthReport {
  return latest;
}

setInterval(async () => {
  const results = await Promise.all(checks.map((run) => run().catch(() => false)));
  latest = { ok: results.every(Boolean), checkedAt: Date.now() };
}, 30_000).unref();
