/**
 * Every fix and every suggestion our rules produce on the case suites must
 * leave code that parses and type-checks as well as before (no new TypeScript
 * diagnostic), must take away the finding it was offered for (the rule reports
 * fewer findings in the result), and a second `--fix` pass must change nothing.
 *
 * Then all together, on each leaky case: `--fix`, then the first suggestion of
 * each finding, one after another (scripts/fix-together.mjs says what fails
 * there), and the final text adds no TypeScript diagnostic either.
 */
import { ESLint } from 'eslint';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { applyTogether } from '../scripts/fix-together.mjs';
import plugin from '../src/index.js';

const casesDir = path.join(import.meta.dirname, 'cases');
const files = readdirSync(casesDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && entry.name in plugin.rules)
  .flatMap((entry) =>
    readdirSync(path.join(casesDir, entry.name))
      .filter((name) => name.endsWith('.ts'))
      .map((name) => path.join(casesDir, entry.name, name)),
  );

const parsed = ts.getParsedCommandLineOfConfigFile(
  path.join(casesDir, 'tsconfig.json'),
  {},
  {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
      throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
    },
  },
);
if (!parsed) throw new Error('tests/cases/tsconfig.json did not parse');
const options = parsed.options;
const baseHost = ts.createCompilerHost(options);
const sourceFiles = new Map<string, ts.SourceFile | undefined>();

/** The TypeScript diagnostics of `file` when its text is `text`. */
function diagnostics(file: string, text: string): string[] {
  const host: ts.CompilerHost = {
    ...baseHost,
    getSourceFile(name, language) {
      if (path.resolve(name) === file) return ts.createSourceFile(name, text, language, true);
      if (!sourceFiles.has(name)) sourceFiles.set(name, baseHost.getSourceFile(name, language));
      return sourceFiles.get(name);
    },
  };
  const program = ts.createProgram([file], options, host);
  const source = program.getSourceFile(file);
  return [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)].map(
    (d) => `TS${String(d.code)} ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`,
  );
}

/** The lint result of `text` as `file`, with `linter`. */
async function lintAs(linter: ESLint, file: string, text: string): Promise<ESLint.LintResult | null> {
  const [result] = await linter.lintText(text, { filePath: file });
  return result ?? null;
}

function apply(text: string, fix: { range: [number, number]; text: string }): string {
  return text.slice(0, fix.range[0]) + fix.text + text.slice(fix.range[1]);
}

const eslint = new ESLint({
  cwd: casesDir,
  overrideConfigFile: true,
  overrideConfig: [plugin.configs.all, { languageOptions: { parserOptions: { tsconfigRootDir: casesDir } } }],
});
const fixingEslint = new ESLint({
  cwd: casesDir,
  fix: true,
  overrideConfigFile: true,
  overrideConfig: [plugin.configs.all, { languageOptions: { parserOptions: { tsconfigRootDir: casesDir } } }],
});

describe('fixes and suggestions on the case suites', () => {
  let variants = 0;

  it.each(files.map((file) => [path.relative(casesDir, file), file]))('%s', async (_name, file) => {
    const text = readFileSync(file, 'utf8');
    const [result] = await eslint.lintText(text, { filePath: file });
    const outputs: { what: string; rule: string; output: string }[] = [];
    const findings = new Map<string, number>();
    for (const message of result?.messages ?? []) {
      const rule = message.ruleId;
      if (!rule?.startsWith('leaks/')) continue;
      findings.set(rule, (findings.get(rule) ?? 0) + 1);
      if (message.fix) outputs.push({ what: `fix of ${rule}`, rule, output: apply(text, message.fix) });
      for (const suggestion of message.suggestions ?? []) {
        outputs.push({ what: `suggestion "${suggestion.desc}"`, rule, output: apply(text, suggestion.fix) });
      }
    }
    if (outputs.length === 0) return;
    const before = new Set(diagnostics(file, text));
    for (const { what, rule, output } of outputs) {
      variants++;
      const added = diagnostics(file, output).filter((d) => !before.has(d));
      expect(added, `${what} added TypeScript errors:\n${output}`).toEqual([]);
      const [after] = await eslint.lintText(output, { filePath: file });
      const left = after?.messages.filter((message) => message.ruleId === rule) ?? [];
      expect(left.length, `${what} left its finding:\n${output}`).toBeLessThan(findings.get(rule) ?? 0);
    }
    // --fix, then --fix again: the second pass changes nothing.
    const [fixed] = await fixingEslint.lintText(text, { filePath: file });
    if (fixed?.output !== undefined) {
      const [again] = await fixingEslint.lintText(fixed.output, { filePath: file });
      expect(again?.output).toBeUndefined();
    }
  });

  it('checked some fixes', () => {
    expect(variants).toBeGreaterThan(10);
  });
});

describe('fixes and suggestions on the case suites, all together', () => {
  let together = 0;
  let steps = 0;
  const leaky = files.filter((file) => !/\.(?:fixed|negative|lib)\.ts$/.test(file));

  it.each(leaky.map((file) => [path.relative(casesDir, file), file]))('%s', async (_name, file) => {
    const text = readFileSync(file, 'utf8');
    const result = await lintAs(eslint, file, text);
    const offers = result?.messages.some(
      (m) => m.ruleId?.startsWith('leaks/') && (m.fix !== undefined || (m.suggestions?.length ?? 0) > 0),
    );
    if (!result || !offers) return;
    together++;
    const run = await applyTogether({
      text,
      result,
      lint: (output) => lintAs(eslint, file, output),
      fix: (output) => lintAs(fixingEslint, file, output),
    });
    steps += run.steps.length;
    expect(run.problems, run.output).toEqual([]);
    const before = new Set(diagnostics(file, text));
    const added = diagnostics(file, run.output).filter((d) => !before.has(d));
    expect(added, `all together (${run.steps.join(', ')}) added TypeScript errors:\n${run.output}`).toEqual([]);
  });

  it('checked some files together', () => {
    expect(together).toBeGreaterThan(10);
    expect(steps).toBeGreaterThan(10);
  });
});
