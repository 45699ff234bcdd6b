// Source: https://github.com/Juwan-Hwang/Zephyr/pull/1355
// Bug: a review on the cleanup-registry test found that it added an 'unhandledRejection' listener to the process and removed it only after an assertion that can throw, so a failing assertion leaked the handler into every later test in the same process.
// expect: no-conditional-cleanup/cleanupSkippedOnThrow 24:3

import assert from 'node:assert/strict';

export type RegisterCleanup = (fn: () => Promise<void>) => void;

export async function checkRejectedCleanupIsSwallowed(registerCleanup: RegisterCleanup): Promise<void> {
  let unhandled = 0;
  const onUnhandled = (): void => {
    unhandled += 1;
  };
  process.on('unhandledRejection', onUnhandled);
  let ran = false;
  registerCleanup(() => {
    ran = true;
    return Promise.reject(new Error('cleanup failed'));
  });
  assert.ok(ran, 'a cleanup registered after shutdown runs at once');
  await new Promise<void>((resolve) => {
    setTimeout(resolve, 10);
  });
  process.removeListener('unhandledRejection', onUnhandled);
  assert.equal(unhandled, 0, 'the rejection was swallowed');
}
