/**
 * Property tests on generated programs (tests/property/programs.ts): no rule
 * throws, every fix and suggestion leaves code that parses and type-checks as
 * well as before, --fix is idempotent, and `no-conditional-cleanup` agrees with
 * the generator's ground truth.
 *
 *   PROPERTY_RUNS=5000 PROPERTY_SEED=1 npx vitest run tests/property
 */
import fc from 'fast-check';
import type { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { added, applyFix, diagnostics, lint, linters, runOptions } from './harness.js';
import { build, rawProgram, type Program } from './programs.js';

const RULE = 'leaks/no-conditional-cleanup';
/** Generous: a linted, fixed and type-checked program takes well under a second. */
const TIMEOUT = Math.max(600_000, Number(process.env.PROPERTY_RUNS ?? 0) * 3_000);

function explain(program: Program, what: string): string {
  return `${what}\n--- verdict: ${program.verdict}\n${program.code}`;
}

/** Every fix and suggestion in `result` leaves code with no new TypeScript error; --fix is stable. */
async function checkFixes(linter: (typeof linters)['all'], program: Program, result: ESLint.LintResult): Promise<void> {
  const before = diagnostics(program.code);
  for (const message of result.messages) {
    const variants = [
      ...(message.fix ? [{ what: `the fix of ${message.ruleId ?? '?'}`, fix: message.fix }] : []),
      ...(message.suggestions ?? []).map((s) => ({ what: `the suggestion "${s.desc}"`, fix: s.fix })),
    ];
    for (const { what, fix } of variants) {
      const output = applyFix(program.code, fix);
      const errors = added(before, diagnostics(output));
      if (errors.length > 0)
        throw new Error(
          explain(program, `${what} adds TypeScript errors: ${errors.join('; ')}\n--- output:\n${output}`),
        );
      // What the finally fix leaves is released on every path: the rule has nothing more to say there.
      if (message.ruleId === RULE) {
        const again = await lint(linter.lint, output);
        const still = again.messages.filter((m) => m.ruleId === RULE || m.fatal);
        if (still.length > 0) {
          throw new Error(
            explain(
              program,
              `after ${what} the rule still reports: ${still.map((m) => m.message).join('; ')}\n--- output:\n${output}`,
            ),
          );
        }
      }
    }
  }
  const fixed = await lint(linter.fix, program.code);
  if (fixed.output === undefined) return;
  const errors = added(before, diagnostics(fixed.output));
  if (errors.length > 0)
    throw new Error(
      explain(program, `--fix adds TypeScript errors: ${errors.join('; ')}\n--- output:\n${fixed.output}`),
    );
  const again = await lint(linter.fix, fixed.output);
  if (again.output !== undefined && again.output !== fixed.output) {
    throw new Error(explain(program, `a second --fix pass changes the code again:\n${again.output}`));
  }
}

describe('generated programs', () => {
  it(
    'type-check as generated',
    () => {
      fc.assert(
        fc.property(rawProgram, (raw) => {
          const program = build(raw);
          const errors = diagnostics(program.code);
          if (errors.length > 0) throw new Error(explain(program, errors.join('\n')));
        }),
        runOptions(100),
      );
    },
    TIMEOUT,
  );

  it(
    'get the verdict of the ground truth from no-conditional-cleanup, and fixes that keep them valid (recommended)',
    async () => {
      let reported = 0;
      await fc.assert(
        fc.asyncProperty(rawProgram, async (raw) => {
          const program = build(raw);
          const result = await lint(linters.recommended.lint, program.code);
          const fatal = result.messages.filter((m) => m.fatal);
          if (fatal.length > 0) throw new Error(explain(program, `parse error: ${fatal[0]?.message ?? ''}`));
          const found = result.messages.filter((m) => m.ruleId === RULE).map((m) => m.messageId ?? '?');
          const expected = program.verdict === 'none' ? [] : [program.verdict];
          if (found.join() !== expected.join()) {
            throw new Error(
              explain(program, `the rule reports [${found.join(', ')}], the ground truth is [${expected.join(', ')}]`),
            );
          }
          if (found.length > 0) reported++;
          await checkFixes(linters.recommended, program, result);
        }),
        runOptions(100),
      );
      // The generator must produce both leaks and non-leaks, or the agreement says little.
      expect(reported).toBeGreaterThan(0);
    },
    TIMEOUT,
  );

  it(
    'never make a rule throw, and get fixes that keep them valid (all, with the strict options)',
    async () => {
      await fc.assert(
        fc.asyncProperty(rawProgram, async (raw) => {
          const program = build(raw);
          const result = await lint(linters.all.lint, program.code);
          await checkFixes(linters.all, program, result);
        }),
        runOptions(50),
      );
    },
    TIMEOUT,
  );
});
