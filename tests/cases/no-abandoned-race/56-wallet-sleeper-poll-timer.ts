// Source: https://github.com/OriginTrail/dkg/pull/2366
// Bug: the claim loop raced `this.sleep(pollIntervalMs)` against a wallet wake-up; an early wake (stop() included) left the poll timer armed for the full interval, which kept a stopped process alive and piled up timers on repeated wakes.
// expect: no-abandoned-race/timerNeverCleared 21:13

export class LiftRunner {
  private readonly walletSleepers = new Map<string, () => void>();

  constructor(private readonly pollIntervalMs: number) {}

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, ms));
  }

  async waitForWallet(walletId: string): Promise<void> {
    let wake!: () => void;
    const woken = new Promise<void>((resolve) => {
      wake = resolve;
    });
    this.walletSleepers.set(walletId, wake);
    try {
      await Promise.race([this.sleep(this.pollIntervalMs), woken]);
    } finally {
      this.walletSleepers.delete(walletId);
    }
  }

  poke(walletId: string): void {
    this.walletSleepers.get(walletId)?.();
  }
}
