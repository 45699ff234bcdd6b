// Source: https://github.com/callstackincubator/react-native-harness/pull/176
// Bug: fixed twin: the delay is a node:timers/promises timer sharing a signal with stop(); the signal is aborted in finally, cancelling the loser of the race.
// expect: none

import { setTimeout as delay } from 'node:timers/promises';

export interface TestAgent {
  stop(options?: { signal?: AbortSignal }): Promise<void>;
}

export async function shutdownAgent(agent: TestAgent): Promise<void> {
  const controller = new AbortController();
  try {
    await Promise.race([
      agent.stop({ signal: controller.signal }),
      delay(30_000, undefined, { signal: controller.signal }),
    ]);
  } finally {
    controller.abort();
  }
}
