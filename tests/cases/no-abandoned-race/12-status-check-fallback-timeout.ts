// Source: https://github.com/cornellh4i/ithaca-recovery/pull/323
// Bug: the system-status route bounded each external check with a setTimeout that resolved a fallback but was never cleared (several pending timers per request), and the check's fetch got no abort signal, so a hung upstream kept its request open.
// expect: no-abandoned-race/timerNeverCleared 14:26
// expect: no-abandoned-race/signalNotPassed 14:26

export interface CheckResult {
  ok: boolean;
  detail: string;
}

const UNREACHABLE: CheckResult = { ok: false, detail: 'unreachable' };

export async function checkUpstream(healthUrl: string, ms = 8_000): Promise<CheckResult> {
  const response = await Promise.race([
    fetch(healthUrl, { headers: { accept: 'application/json' } }),
    new Promise<null>((resolve) => setTimeout(() => resolve(null), ms)),
  ]);
  return response ? { ok: response.ok, detail: `HTTP ${response.status}` } : UNREACHABLE;
}
