// Source: https://github.com/solana-foundation/solana-web3.js/pull/3072
// Bug: fixed twin: the caller's abortSignal and an AbortSignal.timeout() heartbeat are combined per notification, so nothing long-lived is raced and no timer is left behind.
// expect: none

export interface SlotNotification {
  slot: number;
}

declare function nextNotification(options: { signal: AbortSignal }): Promise<SlotNotification>;

export async function* slotNotifications(
  abortSignal: AbortSignal,
  heartbeatMs: number,
): AsyncGenerator<SlotNotification> {
  while (!abortSignal.aborted) {
    yield await nextNotification({
      signal: AbortSignal.any([abortSignal, AbortSignal.timeout(heartbeatMs)]),
    });
  }
}
