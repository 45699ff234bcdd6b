/**
 * `growsPerEvent` and `isBoundedKey` through probe rules: at every
 * `probe(key)` the first reports whether growth at that call, keyed by `key`,
 * repeats per event (`per event`) or not (`not per event`); the second
 * whether the key can take only a bounded set of values (`bounded`) or not
 * (`open`).
 */
import { AST_NODE_TYPES, ESLintUtils, type TSESTree } from '@typescript-eslint/utils';
import { growsPerEvent, isBoundedKey } from '../../src/analysis/growth.js';
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
