// Source: https://github.com/cozy/cozy-emails/pull/234
// Bug: the automatic mailbox refresh timeout was not cleared before being re-armed, which could start several refreshes at the same time.
// expect: no-leaked-timer/timerOverwritten 8:3

let refreshTimer: ReturnType<typeof setTimeout> | null = null;

export function scheduleRefresh(refreshMailboxes: () => void, everyMs: number): void {
  refreshTimer = setTimeout(() => {
    refreshTimer = null;
    refreshMailboxes();
  }, everyMs);
}

export function cancelRefresh(): void {
  if (refreshTimer) clearTimeout(refreshTimer);
}
