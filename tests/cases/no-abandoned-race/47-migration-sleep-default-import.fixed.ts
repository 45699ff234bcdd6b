// Source: https://github.com/brummelte/sleep-promise/issues/13
// Bug: fixed twin: the hour-long guard is a `node:timers/promises` timer on a controller's signal, which also goes to the migration and is aborted once the race settles (the abortable sleep, with `AbortController`).
// expect: none

import { setTimeout as sleep } from 'node:timers/promises';

export interface Migration {
  name: string;
  run(options: { signal: AbortSignal }): Promise<void>;
}

const ONE_HOUR_MS = 60 * 60 * 1000;

export async function runMigrations(migrations: readonly Migration[]): Promise<void> {
  for (const migration of migrations) {
    console.log(`running ${migration.name}`);
    const controller = new AbortController();
    try {
      await Promise.race([
        migration.run({ signal: controller.signal }),
        sleep(ONE_HOUR_MS, undefined, { signal: controller.signal }),
      ]);
    } finally {
      controller.abort();
    }
  }
}
