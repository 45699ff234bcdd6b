/**
 * no-leaked-timer's suggestions on generated programs
 * (tests/property/shapes/no-leaked-timer.ts): see tests/property/fix-property.ts.
 *
 *   PROPERTY_RUNS=500 PROPERTY_SEED=1 npx vitest run --project unit tests/property/no-leaked-timer.test.ts
 */
import { describe } from 'vitest';
import { fixProperty } from './fix-property.js';
import { timerPrograms } from './shapes/no-leaked-timer.js';

describe('no-leaked-timer on generated programs', () => {
  fixProperty({
    rule: 'no-leaked-timer',
    programs: timerPrograms,
    runs: 150,
    reaches: ['clearInListenerSuggestion', 'unrefSuggestion', 'clearOnTeardownSuggestion', 'clearPreviousSuggestion'],
  });
});
