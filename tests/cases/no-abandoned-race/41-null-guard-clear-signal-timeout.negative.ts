// Source: https://github.com/airbnb/hypernova/pull/109
// Bug: none: the fallback timer is cleared in finally behind an `if (timer)` guard, and the render gets AbortSignal.timeout() for the same deadline.
// expect: none

declare function renderComponent(name: string, props: object, options: { signal: AbortSignal }): Promise<string>;

export async function renderOrNull(name: string, props: object, ms = 1_000): Promise<string | null> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    return await Promise.race([
      renderComponent(name, props, { signal: AbortSignal.timeout(ms) }),
      new Promise<null>((resolve) => {
        timer = setTimeout(() => resolve(null), ms);
      }),
    ]);
  } finally {
    if (timer) clearTimeout(timer);
  }
}
