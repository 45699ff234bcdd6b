/**
 * The labelled case suites: every file under tests/cases/<rule>/ is linted with
 * the real ESLint class and `configs.all`; the findings of every `leaks/*` rule
 * must equal the `// expect:` lines of the file's header.
 */
import { ESLint } from 'eslint';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import plugin from '../src/index.js';

const casesDir = path.join(import.meta.dirname, 'cases');
const ruleDirs = readdirSync(casesDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && entry.name in plugin.rules)
  .map((entry) => entry.name);

function expectedFindings(text: string): string[] {
  const found: string[] = [];
  let sawNone = false;
  for (const line of text.split('\n')) {
    const match = /^\/\/ expect: (.*)$/.exec(line.trim());
    if (!match?.[1]) continue;
    const spec = match[1].trim();
    if (spec === 'none') sawNone = true;
    else {
      const parts = /^([\w-]+)\/(\w+) (\d+):(\d+)$/.exec(spec);
      if (!parts) throw new Error(`bad expect line: ${line}`);
      found.push(`leaks/${parts[1] ?? ''}/${parts[2] ?? ''} ${parts[3] ?? ''}:${parts[4] ?? ''}`);
    }
  }
  if (!sawNone && found.length === 0) throw new Error('a case needs `// expect:` lines or `// expect: none`');
  if (sawNone && found.length > 0) throw new Error('`// expect: none` with findings');
  return found.sort();
}

/** `// not yet: <what the rule lacks>` in a header: today's findings differ from the expected ones. */
const NOT_YET = /^\/\/ not yet: \S/m;

const eslint = new ESLint({
  cwd: casesDir,
  overrideConfigFile: true,
  overrideConfig: [plugin.configs.all, { languageOptions: { parserOptions: { tsconfigRootDir: casesDir } } }],
});

describe.each(ruleDirs)('case suite %s', (rule) => {
  const dir = path.join(casesDir, rule);
  const files = readdirSync(dir)
    .filter((name) => name.endsWith('.ts'))
    .sort();

  it('has at least 20 real-bug cases, each with a fixed twin', () => {
    const leaky = files.filter((name) => !/\.(fixed|negative|lib)\.ts$/.test(name));
    expect(leaky.length).toBeGreaterThanOrEqual(20);
    for (const name of leaky) expect(files).toContain(name.replace(/\.ts$/, '.fixed.ts'));
  });

  const notYet = new Set(files.filter((name) => NOT_YET.test(readFileSync(path.join(dir, name), 'utf8'))));

  it.each(files.filter((name) => !notYet.has(name)))('%s', async (name) => {
    const { actual, expected } = await lintCase(path.join(dir, name));
    expect(actual).toEqual(expected);
  });

  // A case the rules do not get right yet: its header states the right
  // findings, and this test fails as soon as the rules produce them, so that
  // the marker goes in the commit that teaches the rule.
  it.each([...notYet])('%s (not yet)', async (name) => {
    const { actual, expected } = await lintCase(path.join(dir, name));
    expect(actual).not.toEqual(expected);
  });
});

/** The file's `leaks/*` findings and its header's expectations; no parse error allowed. */
async function lintCase(file: string): Promise<{ actual: string[]; expected: string[] }> {
  const text = readFileSync(file, 'utf8');
  const [result] = await eslint.lintFiles([file]);
  const fatal = result?.messages.filter((m) => m.fatal) ?? [];
  expect(fatal).toEqual([]);
  const actual = (result?.messages ?? [])
    .filter((m) => m.ruleId?.startsWith('leaks/'))
    .map((m) => `${m.ruleId ?? ''}/${m.messageId ?? ''} ${String(m.line)}:${String(m.column)}`)
    .sort();
  return { actual, expected: expectedFindings(text) };
}
