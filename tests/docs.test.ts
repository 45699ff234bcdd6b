/**
 * Lints every example in docs/rules/*.md with its rule: the blocks under
 * "Incorrect" must report, the blocks under "Correct" must not.
 */
import { ESLint } from 'eslint';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import plugin from '../src/index.js';
import { fixturesDir } from './rule-tester.js';

const docsDir = path.join(import.meta.dirname, '..', 'docs', 'rules');

interface Example {
  kind: 'incorrect' | 'correct';
  code: string;
  line: number;
}

function examples(markdown: string): Example[] {
  const result: Example[] = [];
  let kind: Example['kind'] | null = null;
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (/^#{2,3} /.test(line)) {
      kind = /^### Incorrect/.test(line) ? 'incorrect' : /^### Correct/.test(line) ? 'correct' : null;
      continue;
    }
    if (kind && line.startsWith('```ts')) {
      const start = i + 1;
      let end = start;
      while (end < lines.length && lines[end] !== '```') end++;
      result.push({ kind, code: lines.slice(start, end).join('\n') + '\n', line: start + 1 });
      i = end;
    }
  }
  return result;
}

const docs = readdirSync(docsDir)
  .filter((name) => name.endsWith('.md'))
  .map((name) => name.replace(/\.md$/, ''));

describe.each(docs)('docs/rules/%s.md', (rule) => {
  const found = examples(readFileSync(path.join(docsDir, `${rule}.md`), 'utf8'));
  const eslint = new ESLint({
    cwd: fixturesDir,
    overrideConfigFile: true,
    overrideConfig: [
      { ...plugin.configs.all, rules: { [`leaks/${rule}`]: 'error' } },
      { languageOptions: { parserOptions: { tsconfigRootDir: fixturesDir } } },
    ],
  });

  it('has incorrect and correct examples', () => {
    expect(found.some((e) => e.kind === 'incorrect')).toBe(true);
    expect(found.some((e) => e.kind === 'correct')).toBe(true);
  });

  it.each(found.map((e) => [`${e.kind} example at line ${String(e.line)}`, e] as const))(
    '%s',
    async (_title, example) => {
      const [result] = await eslint.lintText(example.code, { filePath: path.join(fixturesDir, 'file.ts') });
      const messages = result?.messages ?? [];
      expect(messages.filter((m) => m.fatal)).toEqual([]);
      const own = messages.filter((m) => m.ruleId === `leaks/${rule}`);
      if (example.kind === 'incorrect') expect(own.length).toBeGreaterThan(0);
      else expect(own).toEqual([]);
    },
  );
});
