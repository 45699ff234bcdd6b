/**
 * The property every rule's fixes and suggestions must have on the programs a
 * generator of tests/property/shapes/ makes: each one, applied alone,
 *
 * - leaves code that parses and has no TypeScript diagnostic (the generated
 *   program has none to start with);
 * - takes away the finding it was offered for: its rule reports fewer findings,
 *   and none with the same message at the same place;
 * - leaves code on which `--fix` (every rule, the `all` config) is stable: what
 *   one pass leaves type-checks, and a second pass changes nothing.
 *
 * The same holds for `--fix` on the generated program itself. Tallies say how
 * many programs had a finding with a fix or suggestion, and which suggestions
 * were applied, so that a test can require the generator to reach them.
 */
import fc from 'fast-check';
import type { ESLint, Linter } from 'eslint';
import { expect, it } from 'vitest';
import type { RuleName } from '../../src/index.js';
import { applyFix, diagnostics, file, lint, linters, runOptions, scriptFile } from './harness.js';
import type { Generated } from './shapes/common.js';

/**
 * The fixes write no type annotations in JavaScript (their docs say so); under
 * the fixture's `checkJs` and `strict`, a new parameter or `let` without one is
 * an implicit `any`. A JavaScript project rarely type-checks with
 * `noImplicitAny`, so in JavaScript these are not counted against a fix.
 */
const IMPLICIT_ANY = ['TS7005 ', 'TS7006 ', 'TS7008 ', 'TS7018 ', 'TS7019 ', 'TS7031 ', 'TS7034 '];

/** The diagnostics a variant of the program has (none to start with), implicit `any` aside in JavaScript. */
function variantDiagnostics(program: Generated, code: string, filePath: string): string[] {
  const all = diagnostics(code, filePath);
  return program.lang === 'js' ? all.filter((d) => !IMPLICIT_ANY.some((prefix) => d.startsWith(prefix))) : all;
}

/** Generous: a program with a few suggestions is linted and type-checked in about a second. */
const TIMEOUT = Math.max(300_000, Number(process.env.PROPERTY_RUNS ?? 0) * 5_000);

export interface Tally {
  programs: number;
  /** Programs where the rule reports at least one finding with a fix or a suggestion. */
  withSuggestion: number;
  findings: number;
  /** Fixes and suggestions applied and checked, by message id. */
  applied: Map<string, number>;
}

function explain(program: Generated, what: string, output?: string): string {
  const shown = (code: string): string => code.replace(/\r\n/g, '\u21b5\n');
  return (
    `${what}\n--- ${program.lang === 'js' ? 'JavaScript' : 'TypeScript'} program (${program.shape}):\n${shown(program.code)}` +
    (output === undefined ? '' : `--- output:\n${shown(output)}`)
  );
}

/** The offset of a message's start in `code` (ESLint's lines end at \r\n, \r, \n, U+2028 and U+2029). */
function offsetOf(code: string, message: Pick<Linter.LintMessage, 'line' | 'column'>): number {
  const breaks = /\r\n|[\r\n\u2028\u2029]/g;
  let start = 0;
  for (let line = 1; line < message.line; line++) {
    const found = breaks.exec(code);
    if (!found) break;
    start = found.index + found[0].length;
  }
  return start + message.column - 1;
}

/** Where an offset of the code before an edit is after it, or null inside the replaced range. */
function mapped(offset: number, fix: { range: readonly [number, number]; text: string }): number | null {
  if (offset < fix.range[0]) return offset;
  if (offset >= fix.range[1]) return offset + fix.text.length - (fix.range[1] - fix.range[0]);
  return null;
}

/** `--fix` with every rule leaves code that type-checks, and a second pass changes nothing. */
async function fixIsStable(program: Generated, code: string, filePath: string, what: string): Promise<void> {
  const fixed = await lint(linters.all.fix, code, filePath);
  if (fixed.output === undefined || fixed.output === code) return;
  const errors = variantDiagnostics(program, fixed.output, filePath);
  if (errors.length > 0)
    throw new Error(explain(program, `--fix after ${what} adds TypeScript errors: ${errors.join('; ')}`, fixed.output));
  const again = await lint(linters.all.fix, fixed.output, filePath);
  if (again.output !== undefined && again.output !== fixed.output)
    throw new Error(explain(program, `a second --fix pass after ${what} changes the code again`, again.output));
}

export async function checkProgram(rule: RuleName, program: Generated, tally: Tally): Promise<void> {
  const id = `leaks/${rule}`;
  const filePath = program.lang === 'js' ? scriptFile : file;
  tally.programs++;
  const before = diagnostics(program.code, filePath);
  if (before.length > 0)
    throw new Error(explain(program, `the generated program has TypeScript errors: ${before.join('; ')}`));
  let result: ESLint.LintResult;
  try {
    result = await lint(linters.all.lint, program.code, filePath);
  } catch (error) {
    throw new Error(explain(program, `linting throws: ${String(error)}`), { cause: error });
  }
  const fatal = result.messages.find((m) => m.fatal);
  if (fatal) throw new Error(explain(program, `the generated program does not parse: ${fatal.message}`));
  const findings = result.messages.filter((m) => m.ruleId === id);
  tally.findings += findings.length;
  if (findings.some((m) => m.fix || (m.suggestions?.length ?? 0) > 0)) tally.withSuggestion++;

  for (const message of findings) {
    const variants = [
      ...(message.fix
        ? [{ what: `the fix of "${message.message}"`, key: `fix:${message.messageId ?? '?'}`, fix: message.fix }]
        : []),
      ...(message.suggestions ?? []).map((s) => ({
        what: `the suggestion ${s.messageId ?? '?'} ("${s.desc}") for ${message.messageId ?? '?'}`,
        key: s.messageId ?? '?',
        fix: s.fix,
      })),
    ];
    for (const { what, key, fix } of variants) {
      tally.applied.set(key, (tally.applied.get(key) ?? 0) + 1);
      const output = applyFix(program.code, fix);
      const errors = variantDiagnostics(program, output, filePath);
      if (errors.length > 0)
        throw new Error(explain(program, `${what} adds TypeScript errors: ${errors.join('; ')}`, output));
      let again: ESLint.LintResult;
      try {
        again = await lint(linters.all.lint, output, filePath);
      } catch (error) {
        throw new Error(explain(program, `linting after ${what} throws: ${String(error)}`, output), { cause: error });
      }
      const broken = again.messages.find((m) => m.fatal);
      if (broken)
        throw new Error(explain(program, `${what} leaves code that does not parse: ${broken.message}`, output));
      const remaining = again.messages.filter((m) => m.ruleId === id);
      if (remaining.length >= findings.length)
        throw new Error(
          explain(
            program,
            `${what} leaves its finding: ${String(findings.length)} findings before, ${String(remaining.length)} after: ${remaining.map((m) => `${String(m.line)}:${String(m.column)} ${m.messageId ?? '?'}`).join(', ')}`,
            output,
          ),
        );
      const at = mapped(offsetOf(program.code, message), fix);
      const same = remaining.find((m) => m.messageId === message.messageId && offsetOf(output, m) === at);
      if (same)
        throw new Error(
          explain(program, `${what} leaves its finding in place (line ${String(same.line)}): ${same.message}`, output),
        );
      if (again.messages.some((m) => m.fix)) await fixIsStable(program, output, filePath, what);
    }
  }
  if (result.messages.some((m) => m.fix)) await fixIsStable(program, program.code, filePath, 'nothing else');
}

export interface FixPropertyOptions {
  rule: RuleName;
  programs: fc.Arbitrary<Generated>;
  /** The default number of runs (PROPERTY_RUNS overrides it). */
  runs: number;
  /** Suggestion (or fix) message ids a default run (or a run three times as long) must apply at least once. */
  reaches: readonly string[];
}

/** The property as a test, with the tallies a generator that exercises the fixes must reach. */
export function fixProperty({ rule, programs, runs, reaches }: FixPropertyOptions): void {
  it(
    `every fix and suggestion of ${rule} on a generated program type-checks, takes its finding away, and --fix is stable`,
    async () => {
      const tally: Tally = { programs: 0, withSuggestion: 0, findings: 0, applied: new Map() };
      const settings = runOptions(runs);
      await fc.assert(
        fc.asyncProperty(programs, (program) => checkProgram(rule, program, tally)),
        settings,
      );
      if (process.env.PROPERTY_TALLY === '1') {
        const applied = [...tally.applied].map(([key, n]) => `${key} ${String(n)}`).join(', ');
        console.info(
          `${rule}: ${String(tally.programs)} programs, ${String(tally.withSuggestion)} with a suggestion, ${String(tally.findings)} findings; applied: ${applied}`,
        );
      }
      // A property whose programs never get a suggestion checks nothing.
      expect(tally.withSuggestion).toBeGreaterThan(tally.programs / 3);
      // Every suggestion is reached by the default run (fixed seed), and by any run three times as long;
      // a default-length run with another seed may miss a rare one.
      const long =
        settings.numRuns >= 3 * runs || (process.env.PROPERTY_SEED === undefined && settings.numRuns >= runs);
      if (long) {
        const missing = reaches.filter((key) => !tally.applied.has(key));
        expect(missing, 'suggestions the generator never reached').toEqual([]);
      }
    },
    TIMEOUT,
  );
}
