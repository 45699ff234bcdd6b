/**
 * The timeout and signal analyses through a probe rule: at every
 * `probe(x)` it reports whether `x` is a timeout (its kind, handle and delay),
 * and at every `probeSignal(call)` whether the call's callee accepts an
 * AbortSignal and where.
 */
import { AST_NODE_TYPES, ESLintUtils, type TSESTree } from '@typescript-eslint/utils';
import { timeoutOf } from '../../src/analysis/timeouts.js';
import { callAcceptsSignal } from '../../src/analysis/types.js';
import { typedRuleTester } from '../rule-tester.js';

const probe = ESLintUtils.RuleCreator.withoutDocs<[], 'timeout' | 'signal'>({
  meta: {
    type: 'problem',
    messages: { timeout: '{{kind}} {{handle}} {{ms}} {{signal}}', signal: '{{slot}}' },
    schema: [],
    defaultOptions: [],
  },
  create(context) {
    const services = ESLintUtils.getParserServices(context);
    const checker = services.program.getTypeChecker();
    return {
      CallExpression(node: TSESTree.CallExpression) {
        if (node.callee.type !== AST_NODE_TYPES.Identifier) return;
        const arg = node.arguments[0];
        if (!arg) return;
        if (node.callee.name === 'probe') {
          const found = timeoutOf(arg, { sourceCode: context.sourceCode, services, helpers: ['waitABit'] });
          context.report({
            node,
            messageId: 'timeout',
            data: {
              kind: found?.kind ?? 'none',
              handle: found?.handle ?? '-',
              ms: found?.ms ? context.sourceCode.getText(found.ms) : '-',
              signal: found?.signal ? context.sourceCode.getText(found.signal) : '-',
            },
          });
        }
        if (node.callee.name === 'probeSignal' && arg.type === AST_NODE_TYPES.CallExpression) {
          const slot = callAcceptsSignal(checker, services.esTreeNodeToTSNodeMap.get(arg));
          context.report({
            node,
            messageId: 'signal',
            data: { slot: slot ? `${String(slot.index)}${slot.viaOptions ? ' options' : ''}` : 'none' },
          });
        }
      },
    };
  },
});

const prelude = `import { setTimeout as sleep } from 'node:timers/promises';
import * as timers from 'node:timers/promises';
import { delay, deadline } from './timer-helpers.js';
declare function probe(value: unknown): void;
declare function probeSignal(value: unknown): void;
declare function waitABit(ms: number): Promise<void>;
declare function work(id: string): Promise<number>;
`;
const at = (line: number) => line + 7;
const timeout = (kind: string, handle: string, ms: string, signal: string, line: number) => ({
  messageId: 'timeout' as const,
  data: { kind, handle, ms, signal },
  line: at(line),
});
const signal = (slot: string, line: number) => ({ messageId: 'signal' as const, data: { slot }, line: at(line) });

typedRuleTester().run('timeouts and signals probe', probe, {
  valid: [],
  invalid: [
    {
      code: `${prelude}let timer: ReturnType<typeof setTimeout> | undefined;
probe(new Promise((resolve) => setTimeout(resolve, 100)));
probe(new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error('t')), 250); }));
probe(sleep(50));
probe(timers.setTimeout(75, undefined, { signal: AbortSignal.timeout(10) }));
const pending = new Promise((resolve) => setTimeout(resolve, 5));
probe(pending);
probe(delay(20));
probe(deadline(30));
probe(waitABit(40));
probe(work('x'));
probe(new Promise((resolve) => resolve(1)));
`,
      errors: [
        timeout('promiseTimer', '-', '100', '-', 2),
        timeout('promiseTimer', 'timer', '250', '-', 3),
        timeout('timersPromises', '-', '50', '-', 4),
        timeout('timersPromises', '-', '75', 'AbortSignal.timeout(10)', 5),
        timeout('promiseTimer', '-', '5', '-', 7),
        timeout('helper', '-', '20', '-', 8),
        timeout('helper', '-', '30', '-', 9),
        // A helper named by the option, whose body is out of sight: its delay is not known (the
        // argument need not be milliseconds).
        timeout('helper', '-', '-', '-', 10),
        timeout('none', '-', '-', '-', 11),
        timeout('none', '-', '-', '-', 12),
      ],
    },
    {
      code: `${prelude}declare function fetchReport(id: string, opts?: { signal?: AbortSignal }): Promise<string>;
declare function withSignal(signal: AbortSignal, id: string): Promise<string>;
declare function overloaded(id: string): Promise<string>;
declare function overloaded(id: string, init: { signal: AbortSignal | null }): Promise<string>;
declare function plain(id: string): Promise<string>;
probeSignal(fetchReport('a'));
probeSignal(withSignal(AbortSignal.timeout(1), 'a'));
probeSignal(overloaded('a'));
probeSignal(plain('a'));
probeSignal(fetch('https://example.test'));
`,
      errors: [
        signal('1 options', 6),
        signal('0', 7),
        signal('1 options', 8),
        signal('none', 9),
        signal('1 options', 10),
      ],
    },
  ],
});
