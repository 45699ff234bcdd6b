// Source: https://github.com/BrowserBox/BrowserBox/issues/56
// Bug: each browser command was raced against a 10 s timer promise that kept running after the command answered, so every command left a pending timer behind; the command itself was never cancelled when the timer won.
// expect: no-abandoned-race/timerNeverCleared 20:10
// expect: no-abandoned-race/signalNotPassed 20:10

import { CommandTimeoutError, sleep } from './45-devtools-command-sleep-throw.lib.js';

export interface Command {
  method: string;
  params: Record<string, unknown>;
}

export interface DevtoolsSession {
  send(command: Command, options?: { signal?: AbortSignal }): Promise<unknown>;
}

const COMMAND_TIMEOUT_MS = 10_000;

export function runCommand(session: DevtoolsSession, command: Command): Promise<unknown> {
  return Promise.race([
    session.send(command),
    sleep(COMMAND_TIMEOUT_MS).then(() => {
      throw new CommandTimeoutError(command.method, COMMAND_TIMEOUT_MS);
    }),
  ]);
}
