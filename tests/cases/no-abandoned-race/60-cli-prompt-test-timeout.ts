// Source: https://github.com/pydantic/logfire-js/pull/249
// Bug: the CLI tests' timeout helper raced the prompt flow against a rejecting setTimeout that nothing cleared, so every fast test left a live timer (and a late rejection) behind; a hung prompt kept running after the test failed.
// expect: no-abandoned-race/timerNeverCleared 7:16
// expect: no-abandoned-race/workNeverAborted 7:16

export async function boundedPrompt<T>(run: () => Promise<T>, limitMs = 2_000): Promise<T> {
  return await Promise.race([
    run(),
    new Promise<T>((_resolve, reject) => {
      setTimeout(() => {
        reject(new Error(`no answer after ${String(limitMs)}ms: the prompt probably hung`));
      }, limitMs);
    }),
  ]);
}
