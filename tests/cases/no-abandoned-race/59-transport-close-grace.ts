// Source: https://github.com/bluesky-social/atproto/pull/5285
// Bug: teardown waited for the transport's close event with `Promise.race([awaitClose, sleep(CLOSE_GRACE_MS)])`; when the close came promptly, the sleep's timer stayed armed for the whole grace period (the review asked not to race here at all).
// expect: no-abandoned-race/timerNeverCleared 26:9

export interface Transport {
  close(code: number): void;
  onClose(listener: (code: number) => void): () => void;
}

const CLOSE_GRACE_MS = 2_000;

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export async function closeTransport(transport: Transport): Promise<number | undefined> {
  let closeCode: number | undefined;
  const awaitClose = new Promise<void>((resolve) => {
    const off = transport.onClose((code) => {
      closeCode = code;
      off();
      resolve();
    });
  });
  transport.close(1000);
  await Promise.race([awaitClose, sleep(CLOSE_GRACE_MS)]);
  return closeCode;
}
