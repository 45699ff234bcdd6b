import { RuleTester } from '@typescript-eslint/rule-tester';
import path from 'node:path';

export const fixturesDir = path.join(import.meta.dirname, 'fixtures');

/** A RuleTester whose cases are type-checked against tests/fixtures/tsconfig.json. */
export function typedRuleTester(): RuleTester {
  return new RuleTester({
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: fixturesDir,
      },
    },
  });
}
