// Source: https://github.com/Juwan-Hwang/Zephyr/pull/1355
// Bug: fixed as the review proposes: the process listener is removed in a finally block, so a failing assertion no longer leaks it.
// expect: none

import assert from 'node:assert/strict';

export type RegisterCleanup = (fn: () => Promise<void>) => void;

export async function checkRejectedCleanupIsSwallowed(registerCleanup: RegisterCleanup): Promise<void> {
  let unhandled = 0;
  const onUnhandled = (): void => {
    unhandled += 1;
  };
  process.on('unhandledRejection', onUnhandled);
  try {
    let ran = false;
    registerCleanup(() => {
      ran = true;
      return Promise.reject(new Error('cleanup failed'));
    });
    assert.ok(ran, 'a cleanup registered after shutdown runs at once');
    await new Promise<void>((resolve) => {
      setTimeout(resolve, 10);
    });
  } finally {
    process.removeListener('unhandledRejection', onUnhandled);
  }
  assert.equal(unhandled, 0, 'the rejection was swallowed');
}
