// Source: https://github.com/cozy/cozy-emails/pull/234
// Bug: fixed twin: scheduling a refresh clears the pending one first (clearing a null or expired timeout is harmless).
// expect: none

let refreshTimer: ReturnType<typeof setTimeout> | null = null;

export function scheduleRefresh(refreshMailboxes: () => void, everyMs: number): void {
  cancelRefresh();
  refreshTimer = setTimeout(() => {
    refreshTimer = null;
    refreshMailboxes();
  }, everyMs);
}

export function cancelRefresh(): void {
  if (refreshTimer) clearTimeout(refreshTimer);
}
