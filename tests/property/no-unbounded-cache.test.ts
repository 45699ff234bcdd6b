/**
 * no-unbounded-cache's suggestions on generated programs
 * (tests/property/shapes/no-unbounded-cache.ts): see tests/property/fix-property.ts.
 *
 *   PROPERTY_RUNS=500 PROPERTY_SEED=1 npx vitest run --project unit tests/property/no-unbounded-cache.test.ts
 */
import { describe } from 'vitest';
import { fixProperty } from './fix-property.js';
import { cachePrograms } from './shapes/no-unbounded-cache.js';

describe('no-unbounded-cache on generated programs', () => {
  fixProperty({
    rule: 'no-unbounded-cache',
    programs: cachePrograms,
    runs: 120,
    reaches: [
      'capArraySuggestion',
      'capMapSuggestion',
      'capSeenSuggestion',
      'deleteInFinallySuggestion',
      'deleteKeySuggestion',
      'useWeakCollectionSuggestion',
    ],
  });
});
