/**
 * no-leaked-listener's suggestions on generated programs
 * (tests/property/shapes/no-leaked-listener.ts): see tests/property/fix-property.ts.
 *
 *   PROPERTY_RUNS=500 PROPERTY_SEED=1 npx vitest run --project unit tests/property/no-leaked-listener.test.ts
 */
import { describe } from 'vitest';
import { fixProperty } from './fix-property.js';
import { listenerPrograms } from './shapes/no-leaked-listener.js';

describe('no-leaked-listener on generated programs', () => {
  fixProperty({
    rule: 'no-leaked-listener',
    programs: listenerPrograms,
    runs: 120,
    reaches: [
      'removeInFinallySuggestion',
      'abortInFinallySuggestion',
      'removeInCleanupSuggestion',
      'abortInCleanupSuggestion',
      'removeInNewCleanupSuggestion',
      'abortInNewCleanupSuggestion',
      'abortWhenSettledSuggestion',
      'passSameListenerSuggestion',
      'nameSameListenerSuggestion',
      'setGuardFlagSuggestion',
    ],
  });
});
