// Source: https://github.com/OriginTrail/dkg/pull/2366
// Bug: fixed twin (the review's suggestion): the poll timer's handle is kept and cleared in finally, so a wake-up releases it at once.
// expect: none

export class LiftRunner {
  private readonly walletSleepers = new Map<string, () => void>();

  constructor(private readonly pollIntervalMs: number) {}

  async waitForWallet(walletId: string): Promise<void> {
    let wake!: () => void;
    const woken = new Promise<void>((resolve) => {
      wake = resolve;
    });
    this.walletSleepers.set(walletId, wake);
    let timer: ReturnType<typeof setTimeout> | undefined;
    try {
      await Promise.race([
        new Promise<void>((resolve) => {
          timer = setTimeout(resolve, this.pollIntervalMs);
        }),
        woken,
      ]);
    } finally {
      this.walletSleepers.delete(walletId);
      clearTimeout(timer);
    }
  }

  poke(walletId: string): void {
    this.walletSleepers.get(walletId)?.();
  }
}
