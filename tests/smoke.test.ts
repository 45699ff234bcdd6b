/** Every rule on an empty file, on odd but valid syntax, and on a large generated file: no crash. */
import { ESLint } from 'eslint';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import plugin from '../src/index.js';
import { fixturesDir } from './rule-tester.js';

const eslint = new ESLint({
  cwd: fixturesDir,
  overrideConfigFile: true,
  overrideConfig: [plugin.configs.all, { languageOptions: { parserOptions: { tsconfigRootDir: fixturesDir } } }],
});

async function lint(code: string, file = 'file.ts'): Promise<ESLint.LintResult> {
  const [result] = await eslint.lintText(code, { filePath: path.join(fixturesDir, file) });
  if (!result) throw new Error('no result');
  return result;
}

const odd = `
declare function logged(target: unknown, context: ClassMethodDecoratorContext): void;
const cache = new Map<string, number>();
export class Odd {
  static #count = 0;
  #items = new Set<string>();
  static { Odd.#count = 1; }
  @logged method(): void { this.#items?.add(String(Odd.#count)); }
  *gen(): Generator<number> { yield* [1, 2]; }
  async *agen(): AsyncGenerator<number> { for await (const x of [Promise.resolve(1)]) yield x; }
  labelled(): void { outer: for (;;) { for (;;) { break outer; } } }
  dispose(): void {
    using res = { [Symbol.dispose]() { cache.clear(); } };
    void res;
  }
  computed(key: string): void { this[key as 'items']?.toString(); cache['set']?.(key, 1); }
  get items(): number { return this.#items.size; }
}
declare module 'ambient' { export const value: Map<string, number>; }
declare const ambient: Map<string, number>;
export function overload(a: string): void;
export function overload(a: number): void;
export function overload(a: string | number): void { ambient.set(String(a), 1); }
export const tagged = String.raw\`\${cache.size}\`;
`;

describe('smoke', () => {
  it('lints an empty file', async () => {
    const result = await lint('');
    expect(result.messages).toEqual([]);
  });

  it('lints odd but valid syntax without crashing', async () => {
    const result = await lint(odd);
    expect(result.messages.filter((m) => m.fatal)).toEqual([]);
  });

  it('lints TSX', async () => {
    const code = `
const seen = new Set<string>();
export function Item(props: { id: string }) {
  seen.add(props.id);
  return <li key={props.id}>{props.id}</li>;
}
`;
    const result = await lint(code, 'react.tsx');
    expect(result.messages.filter((m) => m.fatal)).toEqual([]);
    expect(result.messages.map((m) => `${m.ruleId ?? ''} ${String(m.line)}:${String(m.column)}`)).toEqual([
      'leaks/no-unbounded-cache 2:7',
    ]);
  });

  it('reports a parse error as ESLint does, not as a crash', async () => {
    const result = await lint('const = ;');
    expect(result.messages).toHaveLength(1);
    expect(result.messages[0]?.fatal).toBe(true);
  });

  describe.each(Object.keys(plugin.rules))('leaks/%s alone', (name) => {
    const alone = new ESLint({
      cwd: fixturesDir,
      overrideConfigFile: true,
      overrideConfig: [
        { ...plugin.configs.all, rules: { [`leaks/${name}`]: plugin.configs.all.rules?.[`leaks/${name}`] ?? 'error' } },
        { languageOptions: { parserOptions: { tsconfigRootDir: fixturesDir } } },
      ],
    });
    const lintAlone = async (code: string, file = 'file.ts') => {
      const [result] = await alone.lintText(code, { filePath: path.join(fixturesDir, file) });
      if (!result) throw new Error('no result');
      return result;
    };

    it('lints an empty file', async () => {
      expect((await lintAlone('')).messages).toEqual([]);
      expect((await lintAlone('\n\n// only a comment\n')).messages).toEqual([]);
    });

    it.each([
      ['const = ;', 'file.ts'],
      ['export class A {\n  m(): void {\n    new Map().set(1, 2);\n', 'file.ts'],
      ['async function f() { await using; }\nPromise.race([', 'file.ts'],
      ['export const x = <div>{new Set().add(1)};\n', 'react.tsx'],
    ])('reports a syntax error in %j as a parse error, not a crash', async (code, file) => {
      const { messages } = await lintAlone(code, file);
      expect(messages).toHaveLength(1);
      expect(messages[0]?.fatal).toBe(true);
      expect(messages[0]?.ruleId).toBeNull();
      expect(messages[0]?.message).toMatch(/^Parsing error: /);
    });
  });

  it('lints a 50,000-line file and finds every leak in it, for every rule', async () => {
    const blocks: string[] = [
      'declare function fetchReport(id: string): Promise<string>;',
      'declare function work(id: string): Promise<number>;',
    ];
    const count = 2_100;
    for (let i = 0; i < count; i++) {
      const n = String(i);
      blocks.push(`
export class Worker${n}Service {
  private readonly seen = new Set<string>();
  private readonly inflight = new Map<string, number>();
  remember(id: string): void {
    this.seen.add(id);
  }
  async handle(id: string): Promise<void> {
    this.inflight.set(id, ${n});
    await work(id);
    this.inflight.delete(id);
  }
  report(id: string): Promise<string> {
    return Promise.race([
      fetchReport(id),
      new Promise<string>((resolve) => setTimeout(resolve, ${n}, 'late')),
    ]);
  }
  size(): number {
    return this.inflight.size;
  }
}
// ${n}
`);
    }
    const code = blocks.join('\n');
    expect(code.split('\n').length).toBeGreaterThanOrEqual(50_000);
    const result = await lint(code);
    expect(result.messages.filter((m) => m.fatal)).toEqual([]);
    const byRule = (rule: string) => result.messages.filter((m) => m.ruleId === rule).length;
    expect(byRule('leaks/no-unbounded-cache')).toBe(count);
    expect(byRule('leaks/no-conditional-cleanup')).toBe(count);
    // The timer is never cleared, and (with checkUncancellableWork) the work is never aborted.
    expect(byRule('leaks/no-abandoned-race')).toBe(2 * count);
  }, 300_000);

  it('lints a large generated file and finds every leak in it', async () => {
    const blocks: string[] = [];
    const count = 400;
    for (let i = 0; i < count; i++) {
      blocks.push(`
export class Worker${String(i)}Service {
  private readonly seen = new Set<string>();
  private readonly bounded = new Map<string, number>();
  handle(id: string): boolean {
    if (this.seen.has(id)) return false;
    this.seen.add(id);
    this.bounded.set(id, Date.now());
    if (this.bounded.size > 100) this.bounded.clear();
    return true;
  }
}`);
    }
    const result = await lint(blocks.join('\n'));
    expect(result.messages.filter((m) => m.fatal)).toEqual([]);
    expect(result.messages.filter((m) => m.ruleId === 'leaks/no-unbounded-cache')).toHaveLength(count);
  });
});
