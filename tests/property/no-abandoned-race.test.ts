/**
 * no-abandoned-race's suggestions on generated programs
 * (tests/property/shapes/no-abandoned-race.ts): see tests/property/fix-property.ts.
 *
 *   PROPERTY_RUNS=500 PROPERTY_SEED=1 npx vitest run --project unit tests/property/no-abandoned-race.test.ts
 */
import { describe } from 'vitest';
import { fixProperty } from './fix-property.js';
import { racePrograms } from './shapes/no-abandoned-race.js';

describe('no-abandoned-race on generated programs', () => {
  fixProperty({
    rule: 'no-abandoned-race',
    programs: racePrograms,
    runs: 120,
    reaches: [
      'clearTimerSuggestion',
      'clearKeptTimerSuggestion',
      'inlineTimerSuggestion',
      'inlineTimerRemoveHelperSuggestion',
      'abortTimerSuggestion',
      'useAbortSignalTimeoutSuggestion',
    ],
  });
});
