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

const eslint = new ESLint({
  cwd: casesDir,
  overrideConfigFile: true,
  overrideConfig: [
    plugin.configs.all,
    { languageOptions: { parserOptions: { tsconfigRootDir: casesDir } } },
  ],
});

describe.each(ruleDirs)('case suite %s', (rule) => {
  const dir = path.join(casesDir, rule);
  const files = readdirSync(dir).filter((name) => name.endsWith('.ts')).sort();

  it('has at least 20 real-bug cases, each with a fixed twin', () => {
    const leaky = files.filter((name) => !name.endsWith('.fixed.ts') && !name.endsWith('.negative.ts'));
    expect(leaky.length).toBeGreaterThanOrEqual(20);
    for (const name of leaky) expect(files).toContain(name.replace(/\.ts$/, '.fixed.ts'));
  });

  it.each(files)('%s', async (name) => {
    const file = path.join(dir, name);
    const text = readFileSync(file, 'utf8');
    const [result] = await eslint.lintFiles([file]);
    const fatal = result?.messages.filter((m) => m.fatal) ?? [];
    expect(fatal).toEqual([]);
    const actual = (result?.messages ?? [])
      .filter((m) => m.ruleId?.startsWith('leaks/'))
      .map((m) => `${m.ruleId ?? ''}/${m.messageId ?? ''} ${String(m.line)}:${String(m.column)}`)
      .sort();
    expect(actual).toEqual(expectedFindings(text));
  });
});
