/**
 * no-unsettled-promise's suggestions on generated programs
 * (tests/property/shapes/no-unsettled-promise.ts): see tests/property/fix-property.ts.
 *
 *   PROPERTY_RUNS=500 PROPERTY_SEED=1 npx vitest run --project unit tests/property/no-unsettled-promise.test.ts
 */
import { describe } from 'vitest';
import { fixProperty } from './fix-property.js';
import { promisePrograms } from './shapes/no-unsettled-promise.js';

describe('no-unsettled-promise on generated programs', () => {
  fixProperty({
    rule: 'no-unsettled-promise',
    programs: promisePrograms,
    runs: 150,
    reaches: [
      'addErrorListenerSuggestion',
      'rejectAtEndSuggestion',
      'rejectInListenerSuggestion',
      'rejectInsteadOfThrowSuggestion',
      'rejectOnReturnSuggestion',
      'resolveReturnedSuggestion',
      'wrapInTrySuggestion',
    ],
  });
});
