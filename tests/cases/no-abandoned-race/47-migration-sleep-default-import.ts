// Source: https://github.com/brummelte/sleep-promise/issues/13
// Bug: a slow task was raced against a one-hour sleep() that could not be cancelled, so when the task finished the script still could not exit for an hour; the task was never stopped when the hour ran out.
// expect: no-abandoned-race/timerNeverCleared 18:11
// expect: no-abandoned-race/workNeverAborted 18:11

import sleep from './47-migration-sleep-default-import.lib.js';

export interface Migration {
  name: string;
  run(): Promise<void>;
}

const ONE_HOUR_MS = 60 * 60 * 1000;

export async function runMigrations(migrations: readonly Migration[]): Promise<void> {
  for (const migration of migrations) {
    console.log(`running ${migration.name}`);
    await Promise.race([migration.run(), sleep(ONE_HOUR_MS)]);
  }
}
