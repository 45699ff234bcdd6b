// Source: https://github.com/callstackincubator/react-native-harness/pull/176
// Bug: none: the boot poll loop races only elements created in the same iteration, clears each probe's timer and aborts each probe in finally.
// expect: none

declare function probeDevice(id: string, options: { signal: AbortSignal }): Promise<boolean>;

export async function waitForBoot(id: string, attempts = 30): Promise<boolean> {
  for (let attempt = 0; attempt < attempts; attempt++) {
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    try {
      const booted = await Promise.race([
        probeDevice(id, { signal: controller.signal }),
        new Promise<boolean>((resolve) => {
          timer = setTimeout(() => resolve(false), 1_000);
        }),
      ]);
      if (booted) return true;
    } finally {
      clearTimeout(timer);
      controller.abort();
    }
  }
  return false;
}
