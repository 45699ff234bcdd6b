// Source: https://github.com/kriskowal/q/issues/561
// Bug: none: a minimum display time joins the request and a delay with Promise.all (not a race), so the delay is awaited, never abandoned.
// expect: none

export async function loadWithMinimumSpinner(url: string, minMs = 700): Promise<unknown> {
  const [response] = await Promise.all([
    fetch(url, { signal: AbortSignal.timeout(10_000) }),
    new Promise<void>((resolve) => setTimeout(resolve, minMs)),
  ]);
  return response.json();
}
