// Source: https://github.com/solana-foundation/solana-web3.js/pull/3072
// Bug: the subscription iterator raced a never-aborted abort promise with each next notification, so every notification was retained and memory grew without bound; here the per-notification heartbeat timer is also never cleared.
// expect: no-abandoned-race/raceInLoop 19:19
// expect: no-abandoned-race/timerNeverCleared 19:19

export interface SlotNotification {
  slot: number;
}

declare function nextNotification(options: { signal: AbortSignal }): Promise<SlotNotification>;

export async function* slotNotifications(
  abortPromise: Promise<never>,
  heartbeatMs: number,
): AsyncGenerator<SlotNotification> {
  for (;;) {
    const controller = new AbortController();
    try {
      yield await Promise.race([
        nextNotification({ signal: controller.signal }),
        abortPromise,
        new Promise<never>((_, reject) => setTimeout(() => reject(new Error('no heartbeat')), heartbeatMs)),
      ]);
    } finally {
      controller.abort();
    }
  }
}
