// Source: https://github.com/stellar-scaffold/ui/pull/74
// Bug: negative: the fix: a recursive poll checks that the component is still mounted before re-arming, and the effect's cleanup cancels the pending timeout.
// expect: none

declare function fetchBalance(account: string): Promise<number>;

export function watchBalance(account: string, onBalance: (balance: number) => void): () => void {
  let mounted = true;
  let timeout: ReturnType<typeof setTimeout> | undefined;
  const poll = async (): Promise<void> => {
    if (!mounted) return;
    onBalance(await fetchBalance(account));
    if (mounted) timeout = setTimeout(() => void poll(), 5000);
  };
  void poll();
  return () => {
    mounted = false;
    clearTimeout(timeout);
  };
}
