// Types of fix-together.mjs, for tests/fixes.test.ts.
import type { ESLint } from 'eslint';

export function applyTogether(options: {
  text: string;
  result: ESLint.LintResult;
  lint: (text: string) => Promise<ESLint.LintResult | null>;
  fix: (text: string) => Promise<ESLint.LintResult | null>;
  cap?: number;
}): Promise<{ output: string; steps: string[]; problems: string[] }>;

export function diff(before: string, after: string): string;
