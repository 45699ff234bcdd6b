/**
 * Set-up on first use through two probe rules. The first reports, at every
 * assignment, whether `isGuardedInit` finds it runs only while its target is
 * empty (`guarded`) or not (`unguarded`). The second reports, at every
 * `probe(x)`, whether `fillsAtInit` finds the call in the block a lazy set-up
 * of `x` guards, after that set-up (`at init`), or not (`later`); the set-ups
 * it is given are all the assignments to `x` in the file.
 */
import { AST_NODE_TYPES, ESLintUtils, type TSESTree } from '@typescript-eslint/utils';
import { fillsAtInit, isGuardedInit } from '../../src/analysis/lazy-init.js';
import { typedRuleTester } from '../rule-tester.js';

const guardProbe = ESLintUtils.RuleCreator.withoutDocs<[], 'verdict'>({
  meta: { type: 'problem', messages: { verdict: '{{verdict}}' }, schema: [], defaultOptions: [] },
  create(context) {
    return {
      AssignmentExpression(node: TSESTree.AssignmentExpression) {
        const verdict = isGuardedInit(context.sourceCode, node) ? 'guarded' : 'unguarded';
        context.report({ node, messageId: 'verdict', data: { verdict } });
      },
    };
  },
});

const fillProbe = ESLintUtils.RuleCreator.withoutDocs<[], 'verdict'>({
  meta: { type: 'problem', messages: { verdict: '{{verdict}}' }, schema: [], defaultOptions: [] },
  create(context) {
    const assignments: TSESTree.AssignmentExpression[] = [];
    const probes: TSESTree.CallExpression[] = [];
    return {
      AssignmentExpression(node: TSESTree.AssignmentExpression) {
        assignments.push(node);
      },
      CallExpression(node: TSESTree.CallExpression) {
        if (node.callee.type === AST_NODE_TYPES.Identifier && node.callee.name === 'probe' && node.arguments[0])
          probes.push(node);
      },
      'Program:exit'() {
        for (const site of probes) {
          const target = context.sourceCode.getText(site.arguments[0]);
          const inits = assignments.filter((a) => context.sourceCode.getText(a.left) === target);
          const verdict = fillsAtInit(context.sourceCode, site, inits) ? 'at init' : 'later';
          context.report({ node: site, messageId: 'verdict', data: { verdict } });
        }
      },
    };
  },
});

const prelude = `declare function probe(value: unknown): void;
declare const stale: boolean;
`;
const at = (line: number) => line + 2;
const verdict = (text: string) => (line: number) => ({
  messageId: 'verdict' as const,
  data: { verdict: text },
  line: at(line),
});
const guarded = verdict('guarded');
const unguarded = verdict('unguarded');
const atInit = verdict('at init');
const later = verdict('later');

typedRuleTester().run('lazy-init guard probe', guardProbe, {
  valid: [],
  invalid: [
    {
      // An if whose test is that the target is empty: `!x`, `x == null`, `null === x`,
      // `x === undefined`, on a name or a field; either side of an `||` test will do.
      code: `${prelude}let cache: Map<string, number> | undefined;
let table: Record<string, number> | null = null;
class Store {
  private items: Set<string> | undefined;
  get(): Set<string> {
    if (!this.items) this.items = new Set();
    return this.items;
  }
}
function setUp(): void {
  if (!cache) cache = new Map();
  if (table == null) {
    table = {};
  }
  if (null === table) table = {};
  if (cache === undefined) cache = new Map();
  if (stale || !cache) cache = new Map();
}
`,
      errors: [guarded(6), guarded(11), guarded(13), guarded(15), guarded(16), guarded(17)],
    },
    {
      // A test that the target is not empty, that names another target, or compares with
      // something other than null: the assignment is not set-up on first use. Nor is an
      // assignment with no test around it, or one in a function nested inside the guard.
      code: `${prelude}let cache: Map<string, number> | undefined;
let other: Map<string, number> | undefined;
let count = 0;
function reset(): void {
  if (cache) cache = new Map();
  if (cache != null) cache = new Map();
  if (!other) cache = new Map();
  if (count === 0) count = 1;
  cache = new Map();
  if (!cache) {
    const make = (): void => {
      cache = new Map();
    };
    make();
  }
}
`,
      errors: [unguarded(5), unguarded(6), unguarded(7), unguarded(8), unguarded(9), unguarded(12)],
    },
    {
      // A conditional expression whose test is that the target is empty.
      code: `${prelude}let cache: Map<string, number> | undefined;
export function get(): Map<string, number> | undefined {
  return !cache ? (cache = new Map()) : cache;
}
`,
      errors: [guarded(3)],
    },
    {
      // Today: only the nearest if counts, and a logical expression's left side must itself be
      // an empty test (looks wrong because \`x || (x = …)\` and \`x ?? (x = …)\` assign only when
      // \`x\` is empty, as does an assignment under \`if (flag)\` inside \`if (!x)\`, and
      // \`!x && flag\` also runs only when \`x\` is empty).
      code: `${prelude}let cache: Map<string, number> | undefined;
export function get(flag: boolean): void {
  cache || (cache = new Map());
  cache ?? (cache = new Map());
  if (!cache) {
    if (flag) cache = new Map();
  }
  if (!cache && flag) cache = new Map();
}
`,
      errors: [unguarded(3), unguarded(4), unguarded(6), unguarded(8)],
    },
    {
      // Today: \`x = x || {}\` and \`x ||= {}\` are not found guarded, though the module comment
      // names \`x = x || {}\` (looks wrong because both keep a non-empty target and make a new one
      // only when it is empty).
      code: `${prelude}let cache: Record<string, number> | undefined;
export function get(): void {
  cache = cache || {};
  cache ||= {};
}
`,
      errors: [unguarded(3), unguarded(4)],
    },
    {
      // Today: an assignment in the else branch of \`if (!x)\`, or in an if whose test is
      // \`!x || stale\`, counts as guarded (looks wrong because the else branch runs only when
      // \`x\` is not empty, and \`stale\` replaces a full collection: both are resets, not set-up).
      code: `${prelude}let cache: Map<string, number> | undefined;
export function get(): void {
  if (!cache) {
    probe(0);
  } else {
    cache = new Map();
  }
  if (!cache || stale) cache = new Map();
}
`,
      errors: [guarded(6), guarded(8)],
    },
  ],
});

typedRuleTester().run('lazy-init fill probe', fillProbe, {
  valid: [],
  invalid: [
    {
      // Filled in the block that a lazy set-up guards, after the set-up: once, when new. Before the
      // set-up, after the block, or in a function nested in the block: not at set-up.
      code: `${prelude}let table: Record<string, number> | null = null;
export function lookup(key: string, keys: string[]): number | undefined {
  if (table == null) {
    probe(table);
    table = {};
    for (const k of keys) probe(table);
    keys.forEach(() => probe(table));
  }
  probe(table);
  return table[key];
}
`,
      errors: [later(4), atInit(6), later(7), later(9)],
    },
    {
      // A set-up that is not the block's own statement, an if without a block, the else block of
      // \`if (!c)\` (the guard probe finds that assignment guarded), or an assignment that is not
      // guarded: growth after it is not at set-up.
      code: `${prelude}let a: number[] | undefined;
let b: number[] | undefined;
let c: number[] | undefined;
let d: number[] = [];
export function fill(): void {
  if (!a) {
    const made = (a = []);
    probe(a);
    void made;
  }
  if (!b) b = [];
  probe(b);
  if (!c) {
    probe(0);
  } else {
    c = [];
    probe(c);
  }
  if (stale) {
    d = [];
    probe(d);
  }
}
`,
      errors: [later(8), later(12), later(14), later(17), later(21)],
    },
  ],
});
