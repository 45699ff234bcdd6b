/**
 * The settler model and the emitter predicate through a probe rule: at every
 * `new Promise(…)` it reports the sites it found (kind@line, in source order),
 * the node-style callbacks, and each listener as `event:settles:kind`, where
 * kind is what `failingEmitterKind` says of its receiver. Lines are absolute
 * (the prelude takes three).
 */
import { ESLintUtils, type TSESTree } from '@typescript-eslint/utils';
import { failingEmitterKind } from '../../src/analysis/emitters.js';
import { modelExecutor, promiseExecutor } from '../../src/analysis/settlers.js';
import { typedRuleTester } from '../rule-tester.js';

const probe = ESLintUtils.RuleCreator.withoutDocs<[], 'found'>({
  meta: {
    type: 'problem',
    messages: { found: 'sites={{sites}} callbacks={{callbacks}} listeners={{listeners}}' },
    schema: [],
    defaultOptions: [],
  },
  create(context) {
    const services = ESLintUtils.getParserServices(context);
    const checker = services.program.getTypeChecker();
    return {
      NewExpression(node: TSESTree.NewExpression) {
        const executor = promiseExecutor(node);
        if (!executor) return;
        const model = modelExecutor(node, executor, context.sourceCode);
        if (!model) return;
        const line = (n: TSESTree.Node) => String(n.loc.start.line);
        const sites = [...model.sites]
          .sort((a, b) => a.node.range[0] - b.node.range[0])
          .map((site) => `${site.kind}@${line(site.node)}`)
          .join(',');
        const callbacks = model.callbacks.map((c) => `${c.error.name}@${line(c.fn)}`).join(',');
        const listeners = model.listeners
          .map((l) => {
            const tsNode = services.esTreeNodeToTSNodeMap.get(l.receiver);
            const kind = failingEmitterKind(services.program, checker.getTypeAtLocation(tsNode), tsNode) ?? 'none';
            return `${l.event}:${String(l.settles)}:${kind}`;
          })
          .join(',');
        context.report({
          node,
          messageId: 'found',
          data: { sites: sites || '-', callbacks: callbacks || '-', listeners: listeners || '-' },
        });
      },
    };
  },
});

const prelude = `import { createReadStream } from 'node:fs';
import { EventEmitter } from 'node:events';
declare function lookup(key: string, cb: (err: Error | null, value?: string) => void): void;
`;
const found = (sites: string, callbacks: string, listeners: string, line: number) => ({
  messageId: 'found' as const,
  data: { sites, callbacks, listeners },
  line: line + 3,
});

typedRuleTester().run('settlers and emitters probe', probe, {
  valid: [
    // Not an inline executor, or settlers that are not plain parameters.
    `${prelude}declare const executor: (resolve: () => void) => void;
export const a = new Promise<void>(executor);
export const b = new Promise<void>((...args) => args[0]());`,
  ],
  invalid: [
    {
      // Direct calls, a const alias followed to its calls, a listener, a node-style callback handed on.
      code: `${prelude}export const p = new Promise<string | undefined>((resolve, reject) => {
  const done = () => resolve('x');
  if (Math.random() > 0.5) done();
  createReadStream('f').on('end', done);
  lookup('k', (err, value) => (err ? reject(err) : resolve(value)));
});`,
      errors: [found('settle@5,settle@6,listen@7,handoff@8,settle@8,settle@8', 'err@8', 'end:true:node', 1)],
    },
    {
      // Stored and passed on; a plain EventEmitter and a non-settling listener; a DOM handler property.
      code: `${prelude}const waiters: Array<(v: number) => void> = [];
export const p = new Promise<number>((resolve) => {
  waiters.push(resolve);
  new EventEmitter().on('tick', () => console.log('tick'));
  const img = new Image();
  img.onload = () => resolve(1);
});`,
      errors: [found('handoff@6,listen@9,settle@9', '-', 'load:true:dom,tick:false:none', 2)],
    },
  ],
});
