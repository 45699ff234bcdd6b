/**
 * no-unstoppable-loop's suggestions on generated programs
 * (tests/property/shapes/no-unstoppable-loop.ts): see tests/property/fix-property.ts.
 *
 *   PROPERTY_RUNS=500 PROPERTY_SEED=1 npx vitest run --project unit tests/property/no-unstoppable-loop.test.ts
 */
import { describe } from 'vitest';
import { fixProperty } from './fix-property.js';
import { loopPrograms } from './shapes/no-unstoppable-loop.js';

describe('no-unstoppable-loop on generated programs', () => {
  fixProperty({
    rule: 'no-unstoppable-loop',
    programs: loopPrograms,
    runs: 120,
    reaches: [
      'addSignalSuggestion',
      'addSignalThrowSuggestion',
      'checkSignalSuggestion',
      'throwIfAbortedSuggestion',
      'addStopFlagSuggestion',
      'checkStopFlagSuggestion',
    ],
  });
});
