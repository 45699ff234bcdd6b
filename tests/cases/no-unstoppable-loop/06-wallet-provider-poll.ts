// Source: https://github.com/stellar-scaffold/ui/pull/74
// Bug: the wallet provider refreshed the connected account in a `while` loop that never ended, so it kept polling (and setting state) after the provider was gone. The fix polls with a timeout that the effect cleanup cancels.
// expect: no-unstoppable-loop/loopNeverStops 17:5

import { setTimeout as sleep } from 'node:timers/promises';

export interface WalletState {
  address: string | null;
  network: string | null;
}

declare function readWallet(): Promise<WalletState>;

export function watchWallet(onChange: (state: WalletState) => void): void {
  let previous = '';
  const poll = async (): Promise<void> => {
    while (true) {
      const state = await readWallet();
      const key = `${state.address ?? ''}:${state.network ?? ''}`;
      if (key !== previous) {
        previous = key;
        onChange(state);
      }
      await sleep(1000);
    }
  };
  void poll();
}
