// Source: https://github.com/cornellh4i/ithaca-recovery/pull/323
// Bug: fixed twin: the check's fetch carries AbortSignal.timeout(), so the deadline cancels the request itself and no fallback timer is left pending.
// expect: none

export interface CheckResult {
  ok: boolean;
  detail: string;
}

const UNREACHABLE: CheckResult = { ok: false, detail: 'unreachable' };

export async function checkUpstream(healthUrl: string, ms = 8_000): Promise<CheckResult> {
  try {
    const response = await fetch(healthUrl, {
      headers: { accept: 'application/json' },
      signal: AbortSignal.timeout(ms),
    });
    return { ok: response.ok, detail: `HTTP ${response.status}` };
  } catch {
    return UNREACHABLE;
  }
}
