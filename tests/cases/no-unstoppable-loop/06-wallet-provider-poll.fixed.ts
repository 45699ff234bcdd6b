// Source: https://github.com/stellar-scaffold/ui/pull/74
// Bug: fixed twin: watchWallet() returns a cleanup that marks the watcher unmounted; the loop returns when it sees the mark.
// expect: none

import { setTimeout as sleep } from 'node:timers/promises';

export interface WalletState {
  address: string | null;
  network: string | null;
}

declare function readWallet(): Promise<WalletState>;

export function watchWallet(onChange: (state: WalletState) => void): () => void {
  let previous = '';
  let mounted = true;
  const poll = async (): Promise<void> => {
    while (true) {
      const state = await readWallet();
      if (!mounted) return;
      const key = `${state.address ?? ''}:${state.network ?? ''}`;
      if (key !== previous) {
        previous = key;
        onChange(state);
      }
      await sleep(1000);
    }
  };
  void poll();
  return () => {
    mounted = false;
  };
}
