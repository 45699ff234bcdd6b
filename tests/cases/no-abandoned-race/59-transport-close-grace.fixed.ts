// Source: https://github.com/bluesky-social/atproto/pull/5285
// Bug: fixed twin (idiomatic): the grace timer's handle is kept and cleared as soon as the wait ends, and the close listener is removed on both outcomes.
// expect: none

export interface Transport {
  close(code: number): void;
  onClose(listener: (code: number) => void): () => void;
}

const CLOSE_GRACE_MS = 2_000;

export async function closeTransport(transport: Transport): Promise<number | undefined> {
  let closeCode: number | undefined;
  let off: (() => void) | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    await new Promise<void>((resolve) => {
      off = transport.onClose((code) => {
        closeCode = code;
        resolve();
      });
      timer = setTimeout(resolve, CLOSE_GRACE_MS);
      transport.close(1000);
    });
  } finally {
    clearTimeout(timer);
    off?.();
  }
  return closeCode;
}
