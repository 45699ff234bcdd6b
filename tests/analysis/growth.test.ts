/**
 * `growsPerEvent` and `isBoundedKey` through probe rules: at every
 * `probe(key)` the first reports whether growth at that call, keyed by `key`,
 * repeats per event (`per event`) or not (`not per event`); the second
 * whether the key can take only a bounded set of values (`bounded`) or not
 * (`open`).
 */
import { AST_NODE_TYPES, ASTUtils, ESLintUtils, type TSESTree } from '@typescript-eslint/utils';
import { classifyUse } from '../../src/analysis/collection-uses.js';
import { growsPerEvent, isBoundedKey, remembersPrintedWarning } from '../../src/analysis/growth.js';
import { typedRuleTester } from '../rule-tester.js';
import { argumentProbe } from './argument-probe.js';

const eventProbe = ESLintUtils.RuleCreator.withoutDocs<[], 'verdict'>({
  meta: { type: 'problem', messages: { verdict: '{{verdict}}' }, schema: [], defaultOptions: [] },
  create(context) {
    const services = ESLintUtils.getParserServices(context);
    const { sourceCode } = context;
    const scopes = {
      declared: (n: TSESTree.Node) => sourceCode.getDeclaredVariables(n),
      scopeOf: (n: TSESTree.Node) => sourceCode.getScope(n),
    };
    return {
      CallExpression(node: TSESTree.CallExpression) {
        if (node.callee.type !== AST_NODE_TYPES.Identifier || node.callee.name !== 'probe') return;
        const [key] = node.arguments;
        const use = { kind: 'grow' as const, node, site: node, key };
        const verdict = growsPerEvent({ sourceCode, services, scopes }, use) ? 'per event' : 'not per event';
        context.report({ node, messageId: 'verdict', data: { verdict } });
      },
    };
  },
});

const keyProbe = argumentProbe((arg, services) => (isBoundedKey(services, arg) ? 'bounded' : 'open'));

const prelude = `declare function probe(key: unknown): void;
import { EventEmitter } from 'node:events';
const bus = new EventEmitter();
`;
const at = (line: number) => line + 3;
const verdict = (text: string) => (line: number) => ({
  messageId: 'verdict' as const,
  data: { verdict: text },
  line: at(line),
});
const perEvent = verdict('per event');
const notPerEvent = verdict('not per event');
const bounded = verdict('bounded');
const open = verdict('open');

typedRuleTester().run('growth per-event probe', eventProbe, {
  valid: [],
  invalid: [
    {
      // A key new on every call, whatever runs the growth.
      code: `${prelude}probe(crypto.randomUUID());
function setUp(): void {
  probe(crypto.randomUUID());
}
setUp();
`,
      errors: [perEvent(1), perEvent(3)],
    },
    {
      // Registered listeners and intervals run per event, and so do callbacks of array methods in
      // them and functions they call.
      code: `${prelude}bus.on('message', (name: string) => probe(name));
setInterval(() => probe('tick'), 1000);
bus.on('batch', (names: string[]) => names.forEach((name) => probe(name)));
function remember(name: string): void {
  probe(name);
}
bus.on('one', (name: string) => remember(name));
`,
      errors: [perEvent(1), perEvent(2), perEvent(3), perEvent(5)],
    },
    {
      // A function called only at module scope with constants: set-up data, not an event.
      // Today: a parameter of an exported function with no caller in the program is not found per
      // event (looks wrong because the comment in growsPerEvent counts a caller the program does
      // not show, such as an exported API, as outside data; it asks with 'unknown' for such callers).
      code: `${prelude}function register(name: string): void {
  probe(name);
}
register('a');
register('b');
export function lookup(id: string): void {
  probe(id);
}
`,
      errors: [notPerEvent(2), notPerEvent(7)],
    },
    {
      // A key that is not a parameter in a function the program calls only at module scope.
      code: `${prelude}const NAMES = ['a', 'b'];
function fill(): void {
  for (const name of NAMES) probe(name);
}
fill();
`,
      errors: [notPerEvent(3)],
    },
    {
      // Today: a function registered as a promise reaction counts as running per event (looks
      // wrong because \`load().then(fill)\` at module scope runs \`fill\` once, as the program
      // index's call sites say of a reaction).
      code: `${prelude}declare function load(): Promise<string>;
function fill(): void {
  probe('ready');
}
void load().then(fill);
`,
      errors: [perEvent(3)],
    },
  ],
});

typedRuleTester().run('growth bounded-key probe', keyProbe, {
  valid: [],
  invalid: [
    {
      // Finite types (a union of literals, an enum, boolean) and values written in the source are
      // bounded; a string or number from outside is not.
      code: `${prelude}type Kind = 'audio' | 'video';
enum Level { Low, High }
declare const kind: Kind;
declare const level: Level;
declare const flag: boolean;
declare const id: string;
declare const count: number;
const PREFIX = 'cache';
probe(kind);
probe(level);
probe(flag);
probe(PREFIX);
probe(id);
probe(count);
probe(\`\${PREFIX}:\${id}\`);
`,
      errors: [bounded(9), bounded(10), bounded(11), bounded(12), open(13), open(14), open(15)],
    },
    {
      // A type parameter is taken by its constraint; an open one is still bounded when every caller
      // passes a literal, and open when the function is exported with no caller shown.
      code: `${prelude}function bounded<K extends 'a' | 'b'>(key: K): void {
  probe(key);
}
export function open<K extends string>(key: K): void {
  probe(key);
}
export function called<K extends string>(key: K): void {
  probe(key);
}
bounded('a');
called('x');
`,
      errors: [bounded(2), open(5), bounded(8)],
    },
  ],
});

/**
 * `remembersPrintedWarning` through a probe: at every `x.add(k)` or `x.set(k, v)` on a
 * variable `x`, it classifies every use of `x` and reports whether the growth only records a
 * diagnostic printed once per key (`warn once`) or not (`grows`).
 */
const warnOnceProbe = ESLintUtils.RuleCreator.withoutDocs<[], 'verdict'>({
  meta: { type: 'problem', messages: { verdict: '{{verdict}}' }, schema: [], defaultOptions: [] },
  create(context) {
    const services = ESLintUtils.getParserServices(context);
    const { sourceCode } = context;
    const scopes = {
      declared: (n: TSESTree.Node) => sourceCode.getDeclaredVariables(n),
      scopeOf: (n: TSESTree.Node) => sourceCode.getScope(n),
    };
    return {
      CallExpression(node: TSESTree.CallExpression) {
        const callee = node.callee;
        if (callee.type !== AST_NODE_TYPES.MemberExpression || callee.object.type !== AST_NODE_TYPES.Identifier) return;
        const method = callee.property.type === AST_NODE_TYPES.Identifier ? callee.property.name : '';
        if (method !== 'add' && method !== 'set') return;
        const shape = method === 'add' ? 'Set' : 'Map';
        const variable = ASTUtils.findVariable(sourceCode.getScope(node), callee.object.name);
        if (!variable) return;
        const uses = variable.references.filter((ref) => !ref.init).map((ref) => classifyUse(ref.identifier, shape));
        const use = { kind: 'grow' as const, node: callee.object, site: node, key: node.arguments[0] };
        const verdict = remembersPrintedWarning({ sourceCode, services, scopes }, use, uses) ? 'warn once' : 'grows';
        context.report({ node, messageId: 'verdict', data: { verdict } });
      },
    };
  },
});

const warnPrelude = `interface Field { readonly name: { readonly value: string } }
`;
const warnVerdict = (text: string) => (line: number) => ({
  messageId: 'verdict' as const,
  data: { verdict: text },
  line: line + 1,
});
const warnOnce = warnVerdict('warn once');
const grows = warnVerdict('grows');

typedRuleTester().run('growth warn-once probe', warnOnceProbe, {
  valid: [],
  invalid: [
    {
      // Skipped by a `has` test of the same key, then a console warning: one entry per warning
      // printed. Also inside `if (!warned.has(k)) { … }`, and with process.emitWarning.
      code: `${warnPrelude}const warned = new Set<string>();
export function warnField(type: string, field: Field): void {
  const key = \`\${type}.\${field.name.value}\`;
  if (warned.has(key)) return;
  warned.add(key);
  console.warn(\`lost data in \${key}\`);
}
export function warnOther(key: string): void {
  if (!warned.has(key)) {
    warned.add(key);
    process.emitWarning(key);
  }
}
`,
      errors: [warnOnce(5), warnOnce(10)],
    },
    {
      // No diagnostic printed (a dedupe set of work done), a test of another key, a program's own
      // `warn`, and a set that is also iterated: growth, not a record of warnings.
      code: `${warnPrelude}const seen = new Set<string>();
declare function handle(id: string): void;
export function once(id: string): void {
  if (seen.has(id)) return;
  seen.add(id);
  handle(id);
}
export function other(id: string, key: string): void {
  if (seen.has(key)) return;
  seen.add(id);
  console.warn(id);
}
const logged = new Set<string>();
const logger = { warn(message: string): void { handle(message); } };
export function mine(id: string): void {
  if (logged.has(id)) return;
  logged.add(id);
  logger.warn(id);
}
const listed = new Set<string>();
export function listedOnce(id: string): string[] {
  if (listed.has(id)) return [...listed];
  listed.add(id);
  console.warn(id);
  return [];
}
`,
      errors: [grows(5), grows(10), grows(17), grows(23)],
    },
  ],
});
