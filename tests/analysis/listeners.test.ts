/**
 * The listener analysis through a probe rule: at every `probe(target)` call it
 * reports the function whose every call runs the probe (or `once` when it runs
 * during set-up), the target's lifetime there, and whether that function sets
 * things up for such a target.
 */
import { AST_NODE_TYPES, ESLintUtils, type TSESTree } from '@typescript-eslint/utils';
import { functionName } from '../../src/analysis/ast.js';
import { isSetupFunction, perCallFunction, setUpTargetKind, targetLifetime } from '../../src/analysis/listeners.js';
import type { Scopes } from '../../src/analysis/lifetime.js';
import { typedRuleTester } from '../rule-tester.js';

const probe = ESLintUtils.RuleCreator.withoutDocs<[], 'found'>({
  meta: {
    type: 'problem',
    messages: { found: '{{fn}} {{lifetime}} {{setup}}' },
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
        const fn = perCallFunction(node);
        const lifetime = fn ? targetLifetime(arg, fn, scopes) : null;
        context.report({
          node,
          messageId: 'found',
          data: {
            fn: fn ? (functionName(fn) ?? 'anonymous') : 'once',
            lifetime: lifetime?.kind ?? 'none',
            setup:
              fn && lifetime
                ? String(isSetupFunction(fn, setUpTargetKind(lifetime, fn), scopes, context.sourceCode))
                : 'n/a',
          },
        });
      },
    };
  },
});

const prelude = "import { EventEmitter } from 'node:events';\ndeclare function probe(value: unknown): void;\n";
const found = (fn: string, lifetime: string, setup: string, line: number) => ({
  messageId: 'found' as const,
  data: { fn, lifetime, setup },
  line: line + 2,
});

typedRuleTester().run('listener analysis probe', probe, {
  valid: [],
  invalid: [
    {
      // Where a registration runs: module code, once-callbacks and constructors are set-up.
      code:
        prelude +
        `const bus = new EventEmitter();
probe(bus);
void Promise.resolve().then(() => probe(bus));
setTimeout(() => probe(bus), 1);
export class A {
  constructor() { probe(process); }
  handle(): void { probe(this); probe(this.inner); }
  inner = new EventEmitter();
}
export function f(signal: AbortSignal, other: EventEmitter): void {
  probe(signal);
  probe(other);
  const local = new EventEmitter();
  probe(local);
  probe(process.stdin);
  bus.on('x', () => probe(window));
}
`,
      errors: [
        found('once', 'none', 'n/a', 2),
        found('once', 'none', 'n/a', 3),
        found('once', 'none', 'n/a', 4),
        found('once', 'none', 'n/a', 6),
        found('handle', 'object', 'false', 7),
        found('handle', 'object', 'false', 7),
        found('f', 'parameter', 'false', 11),
        found('f', 'parameter', 'false', 12),
        found('f', 'none', 'n/a', 14),
        found('f', 'global', 'false', 15),
        found('anonymous', 'global', 'false', 16),
      ],
    },
    {
      // A factory's variable is the state of the object literal it makes: \`listen\` sets up that
      // object. A method of a literal made in a loop, or by a callback, shares it with others.
      code:
        prelude +
        `export function make() {
  const server = new EventEmitter();
  return {
    listen(): void { probe(server); },
    watch(): void { probe(server); },
  };
}
export function makeMany(n: number) {
  const server = new EventEmitter();
  const all: Record<number, { listen(): void }> = {};
  for (let i = 0; i < n; i++) all[i] = { listen(): void { probe(server); } };
  return [1, 2].map(() => ({ listen(): void { probe(server); } })).concat(all[0] ?? []);
}
`,
      errors: [
        found('listen', 'closure', 'true', 4),
        found('watch', 'closure', 'false', 5),
        found('listen', 'closure', 'false', 11),
        found('listen', 'closure', 'false', 12),
      ],
    },
    {
      // Set-up: by name, by call sites, by what the set-up lives as long as.
      code:
        prelude +
        `const bus = new EventEmitter();
export function setupHooks(): void { probe(process); }
function hookOnce(): void { probe(process); }
hookOnce();
export class Widget {
  init(): void { probe(window); }
  connect(): void { probe(this); }
}
export class ApiServer {
  init(): void { probe(process); }
}
export function makeStore() {
  const changes = new EventEmitter();
  return { watch: () => probe(changes) };
}
export class Daemon {
  init(): void { probe(process); }
}
export const daemon = new Daemon();
`,
      errors: [
        found('setupHooks', 'global', 'true', 2),
        found('hookOnce', 'global', 'true', 3),
        found('init', 'global', 'false', 6),
        found('connect', 'object', 'true', 7),
        // A server's set-up method runs once per instance; nothing shows one instance.
        found('init', 'global', 'false', 10),
        found('watch', 'closure', 'false', 14),
        // The class is made once, at module scope.
        found('init', 'global', 'true', 17),
      ],
    },
  ],
});
