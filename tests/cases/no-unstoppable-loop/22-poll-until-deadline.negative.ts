// Source: https://github.com/peanutprotocol/peanut-ui/pull/1931
// Bug: negative: the apply poll is a `while (true)` that returns on a final status or when its deadline passes, so it ends on its own (the review's remaining wish, an AbortSignal, is out of this rule's scope).
// expect: none

export interface ApplyResult {
  status: 'incomplete' | 'approved' | 'rejected';
}

export async function pollUntilApplyAdvances(
  fetchApply: () => Promise<ApplyResult>,
  intervalMs: number,
  timeoutMs: number,
  sleep: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
): Promise<ApplyResult | null> {
  const start = Date.now();
  while (true) {
    const result = await fetchApply();
    if (result.status !== 'incomplete') return result;
    await sleep(intervalMs);
    if (Date.now() - start >= timeoutMs) return null;
  }
}
