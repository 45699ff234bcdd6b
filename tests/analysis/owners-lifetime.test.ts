/**
 * The analysis layer through a probe rule: at every `probe(x)` call it reports
 * the owner `x` resolves to, that owner's lifetime, and whether the probe
 * runs on a per-call path for it.
 */
import { AST_NODE_TYPES, ESLintUtils, type TSESTree } from '@typescript-eslint/utils';
import { fieldLifetime, runsPerCall, variableLifetime, type Scopes } from '../../src/analysis/lifetime.js';
import { ownerText, resolveOwner } from '../../src/analysis/owners.js';
import { typedRuleTester } from '../rule-tester.js';

const probe = ESLintUtils.RuleCreator.withoutDocs<[], 'found'>({
  meta: {
    type: 'problem',
    messages: { found: '{{owner}} {{lifetime}} {{perCall}}' },
    schema: [],
    defaultOptions: [],
  },
  create(context) {
    const scopes: Scopes = {
      declared: (node) => context.sourceCode.getDeclaredVariables(node),
      scopeOf: (node) => context.sourceCode.getScope(node),
    };
    return {
      'CallExpression[callee.name="probe"]'(node: TSESTree.CallExpression) {
        const arg = node.arguments[0];
        if (!arg || arg.type === AST_NODE_TYPES.SpreadElement) return;
        const owner = resolveOwner(arg, scopes.scopeOf);
        const lifetime = owner
          ? owner.kind === 'field'
            ? fieldLifetime(owner)
            : variableLifetime(owner.variable)
          : null;
        context.report({
          node,
          messageId: 'found',
          data: {
            owner: owner ? ownerText(owner) : 'none',
            lifetime: lifetime?.kind ?? 'none',
            perCall: owner && lifetime ? String(runsPerCall(node, owner, lifetime, scopes)) : 'n/a',
          },
        });
      },
    };
  },
});

const prelude = 'declare function probe(value: unknown): void;\n';
const found = (owner: string, lifetime: string, perCall: string, line: number) => ({
  messageId: 'found' as const,
  data: { owner, lifetime, perCall },
  line: line + 1,
});

typedRuleTester().run('analysis probe', probe, {
  valid: [],
  invalid: [
    {
      // Module scope: set-up at the top level and in IIFEs and array callbacks; per call in functions.
      code:
        prelude +
        `const m = new Map<string, number>();
probe(m);
(() => probe(m))();
[1, 2].forEach(() => probe(m));
export function f(): void { probe(m); }
export const g = (): void => { const alias = m; probe(alias); };
`,
      errors: [
        found('m', 'module', 'false', 2),
        found('m', 'module', 'false', 3),
        found('m', 'module', 'false', 4),
        found('m', 'module', 'true', 5),
        found('m', 'module', 'true', 6),
      ],
    },
    {
      // Fields: the constructor sets up instance fields, but runs per `new` for static ones.
      code:
        prelude +
        `export class C {
  private readonly items = new Set<string>();
  static all = new Set<C>();
  constructor() {
    probe(this.items);
    probe(C.all);
    const self = this.items;
    probe(self);
  }
  method(): void {
    probe(this.items);
    setTimeout(() => probe(this.items));
  }
  static { probe(C.all); }
}
`,
      errors: [
        found('this.items', 'object', 'false', 5),
        found('C.all', 'object', 'true', 6),
        found('this.items', 'object', 'false', 8),
        found('this.items', 'object', 'true', 11),
        found('this.items', 'object', 'true', 12),
        found('C.all', 'object', 'false', 14),
      ],
    },
    {
      // Closures: per call only inside a function that outlives the declaring call.
      code:
        prelude +
        `export function make(bus: { on(e: string, f: () => void): void }): () => void {
  const seen = new Set<string>();
  probe(seen);
  [1].map(() => probe(seen));
  bus.on('x', () => probe(seen));
  process.on('exit', () => probe(seen));
  return () => probe(seen);
}
`,
      errors: [
        found('seen', 'closure', 'false', 3),
        found('seen', 'closure', 'false', 4),
        found('seen', 'closure', 'false', 5),
        found('seen', 'closure', 'true', 6),
        found('seen', 'closure', 'true', 7),
      ],
    },
    {
      // `this` in a plain nested function is not the instance; computed and unknown receivers have no owner.
      code:
        prelude +
        `export class D {
  x = new Map<string, number>();
  m(key: string, other: { x: Map<string, number> }): void {
    (function (this: unknown) { probe(this); })();
    probe(other.x);
    probe(this[key as 'x']);
  }
}
`,
      errors: [found('none', 'none', 'n/a', 4), found('none', 'none', 'n/a', 5), found('none', 'none', 'n/a', 6)],
    },
  ],
});
