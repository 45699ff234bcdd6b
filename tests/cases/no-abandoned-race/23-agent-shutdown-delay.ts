// Source: https://github.com/callstackincubator/react-native-harness/pull/176
// Bug: the graceful-shutdown wait raced agent.stop() against a 30 s delay() whose timer was never cleared, so the CLI lingered up to 30 s after shutdown had already finished.
// expect: no-abandoned-race/timerNeverCleared 15:9
// expect: no-abandoned-race/workNeverAborted 15:9

export interface TestAgent {
  stop(): Promise<void>;
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export async function shutdownAgent(agent: TestAgent): Promise<void> {
  await Promise.race([agent.stop(), delay(30_000)]);
}
