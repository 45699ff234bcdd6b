/**
 * The cost guard: our rules ask the type checker only about candidates that
 * survived the syntactic checks, and list the program's files at most once
 * (the program index then looks names up file by file). A parser
 * wrapper hands the rules a program and checker that count every query.
 */
import { parseForESLint } from '@typescript-eslint/parser';
import type { ParserServicesWithTypeInformation, TSESTree } from '@typescript-eslint/utils';
import { Linter } from 'eslint';
import path from 'node:path';
import type * as ts from 'typescript';
import { describe, expect, it } from 'vitest';
import plugin from '../../src/index.js';
import { fixturesDir } from '../rule-tester.js';

interface Counts {
  checker: number;
  program: number;
  /** `getSourceFiles()`: the start of a walk over the whole program. */
  programWalks: number;
}

let counts: Counts = { checker: 0, program: 0, programWalks: 0 };

function countingChecker(checker: ts.TypeChecker): ts.TypeChecker {
  return new Proxy(checker, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]): unknown => {
        counts.checker++;
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
}

function countingProgram(program: ts.Program): ts.Program {
  const checker = countingChecker(program.getTypeChecker());
  return new Proxy(program, {
    get(target, property) {
      if (property === 'getTypeChecker') return () => checker;
      const value: unknown = Reflect.get(target, property);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]): unknown => {
        counts.program++;
        if (property === 'getSourceFiles') counts.programWalks++;
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
}

/** typescript-eslint's parser, with services whose program, checker and type lookups count their calls. */
const countingParser = {
  meta: { name: 'counting-parser' },
  parseForESLint(code: string, options: Parameters<typeof parseForESLint>[1]) {
    const result = parseForESLint(code, options);
    const services = result.services as ParserServicesWithTypeInformation;
    const program = countingProgram(services.program);
    const checker = program.getTypeChecker();
    const counted: ParserServicesWithTypeInformation = {
      ...services,
      program,
      getTypeAtLocation: (node: TSESTree.Node) => {
        counts.checker++;
        return checker.getTypeAtLocation(services.esTreeNodeToTSNodeMap.get(node));
      },
      getSymbolAtLocation: (node: TSESTree.Node) => {
        counts.checker++;
        return checker.getSymbolAtLocation(services.esTreeNodeToTSNodeMap.get(node));
      },
    };
    return { ...result, services: counted };
  },
};

const linter = new Linter({ configType: 'flat' });
const config: Linter.Config[] = [
  {
    files: ['**/*.ts'],
    plugins: { leaks: plugin.configs.all.plugins?.leaks ?? {} },
    languageOptions: {
      parser: countingParser,
      parserOptions: { projectService: true, tsconfigRootDir: fixturesDir },
    },
    rules: plugin.configs.all.rules,
  },
];

function lint(code: string): { counts: Counts; messages: Linter.LintMessage[] } {
  counts = { checker: 0, program: 0, programWalks: 0 };
  const messages = linter.verify(code, config, { filename: path.join(fixturesDir, 'file.ts') });
  const fatal = messages.filter((m) => m.fatal);
  if (fatal.length > 0) throw new Error(fatal.map((m) => m.message).join('\n'));
  return { counts, messages };
}

/**
 * Plenty of code with no candidate that survives the syntactic checks: local
 * collections, arrays, awaits, branches, a timer that is not raced, indexing
 * that only reads.
 */
function quiet(i: number): string {
  return `
interface Item${i} { id: string; tags: string[]; score: number }
export class Ranker${i} {
  private readonly items: Item${i}[] = [];
  constructor(private readonly limit: number) {}
  top(query: string): Item${i}[] {
    const local = new Map<string, number>();
    for (const item of this.items) {
      if (!item.tags.includes(query)) continue;
      local.set(item.id, item.score * 2);
    }
    const sorted = [...this.items].sort((a, b) => (local.get(b.id) ?? 0) - (local.get(a.id) ?? 0));
    return sorted.slice(0, this.limit);
  }
  async load(fetchItems: () => Promise<Item${i}[]>): Promise<number> {
    const loaded = await fetchItems();
    const first = loaded[0];
    if (!first) return 0;
    return loaded.reduce((sum, item) => sum + item.score, first.score);
  }
}
export function summarize${i}(values: readonly number[]): { min: number; max: number } {
  let min = Infinity;
  let max = -Infinity;
  for (const value of values) {
    if (value < min) min = value;
    if (value > max) max = value;
  }
  return { min, max };
}
`;
}

/** Candidates for all three rules, leaking and not, that reach the type checks. */
function busy(i: number): string {
  return `
const cache${i} = new Map<string, number>();
export function lookup${i}(key: string): number {
  const hit = cache${i}.get(key);
  if (hit !== undefined) return hit;
  cache${i}.set(key, key.length);
  return key.length;
}
export class Tracker${i} {
  private readonly seen = new Set<string>();
  private readonly pending = new Map<string, number>();
  handle(id: string): void {
    this.seen.add(id);
  }
  async track(id: string, work: Promise<number>): Promise<number> {
    this.pending.set(id, Date.now());
    const value = await work;
    this.pending.delete(id);
    return value;
  }
  async raced(work: Promise<number>, ms: number): Promise<number> {
    return Promise.race([work, new Promise<number>((_, reject) => setTimeout(() => reject(new Error('late')), ms))]);
  }
}
`;
}

const file = (block: (i: number) => string, count: number): string =>
  Array.from({ length: count }, (_, i) => block(i)).join('');

describe('checker calls', () => {
  it('asks nothing of the checker or the program on a file without candidates', () => {
    const { counts: quietCounts, messages } = lint(file(quiet, 40));
    expect(messages).toEqual([]);
    expect(quietCounts).toEqual({ checker: 0, program: 0, programWalks: 0 });
  });

  it('asks the checker in proportion to the candidates, and lists the program at most once', () => {
    const small = lint(file(busy, 20));
    const large = lint(file(busy, 40));
    // Every block reports (so its candidates did reach the type checks) …
    expect(small.messages.length).toBeGreaterThan(0);
    expect(large.messages).toHaveLength(2 * small.messages.length);
    expect(small.counts.checker).toBeGreaterThan(0);
    // … and twice the candidates cost at most about twice the queries.
    expect(large.counts.checker).toBeLessThanOrEqual(2.2 * small.counts.checker);
    // Callers are looked up across the program (the key's domain), from one list of its files.
    expect(small.counts.programWalks).toBeLessThanOrEqual(1);
    expect(large.counts.programWalks).toBeLessThanOrEqual(1);
  });

  it('asks no more on a file when quiet code is added to its candidates', () => {
    const alone = lint(file(busy, 10));
    const diluted = lint(file(busy, 10) + file((i) => quiet(i + 100), 40));
    expect(diluted.messages).toHaveLength(alone.messages.length);
    expect(diluted.counts.checker).toBe(alone.counts.checker);
  });
});
