// Source: https://github.com/pydantic/logfire-js/pull/249
// Bug: fixed twin: the timer handle is cleared in finally (the review's fix), and the prompt flow gets a signal that is aborted when the race settles.
// expect: none

export async function boundedPrompt<T>(run: (signal: AbortSignal) => Promise<T>, limitMs = 2_000): Promise<T> {
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    return await Promise.race([
      run(controller.signal),
      new Promise<T>((_resolve, reject) => {
        timer = setTimeout(() => {
          reject(new Error(`no answer after ${String(limitMs)}ms: the prompt probably hung`));
        }, limitMs);
      }),
    ]);
  } finally {
    clearTimeout(timer);
    controller.abort();
  }
}
