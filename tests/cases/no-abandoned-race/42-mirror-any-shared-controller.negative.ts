// Source: https://github.com/golemfactory/golem-js/pull/8
// Bug: none: Promise.any() over mirrors and a fallback timer; the timer is cleared and every mirror request aborted in finally.
// expect: none

export async function fetchFromAnyMirror(mirrors: [string, string], path: string, ms = 8_000): Promise<Response | null> {
  const controller = new AbortController();
  const { signal } = controller;
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    return await Promise.any([
      fetch(`${mirrors[0]}${path}`, { signal }),
      fetch(`${mirrors[1]}${path}`, { signal }),
      new Promise<null>((resolve) => {
        timer = setTimeout(() => resolve(null), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
    controller.abort();
  }
}
