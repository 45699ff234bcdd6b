// Source: https://github.com/BrowserBox/BrowserBox/issues/56
// Bug: fixed twin: the timer is a `node:timers/promises` timeout on a controller's signal, and the same signal cancels the command; the controller is aborted once the race settles.
// expect: none

import { setTimeout as delay } from 'node:timers/promises';
import { CommandTimeoutError } from './45-devtools-command-sleep-throw.lib.js';

export interface Command {
  method: string;
  params: Record<string, unknown>;
}

export interface DevtoolsSession {
  send(command: Command, options?: { signal?: AbortSignal }): Promise<unknown>;
}

const COMMAND_TIMEOUT_MS = 10_000;

export async function runCommand(session: DevtoolsSession, command: Command): Promise<unknown> {
  const controller = new AbortController();
  try {
    return await Promise.race([
      session.send(command, { signal: controller.signal }),
      delay(COMMAND_TIMEOUT_MS, undefined, { signal: controller.signal }).then(() => {
        throw new CommandTimeoutError(command.method, COMMAND_TIMEOUT_MS);
      }),
    ]);
  } finally {
    controller.abort();
  }
}
