/**
 * Whose signal a listener's target is, through a probe rule: at every
 * `probe(target)` call it reports `own` when the target is the read-only
 * signal of an object with methods (a request's, a job's), and `given` when
 * it is a signal handed over as such (a parameter, an options bag's).
 */
import { AST_NODE_TYPES, ESLintUtils, type TSESTree } from '@typescript-eslint/utils';
import type { Scopes } from '../../src/analysis/lifetime.js';
import { isArgumentsOwnSignal } from '../../src/analysis/listeners.js';
import { typedRuleTester } from '../rule-tester.js';

const probe = ESLintUtils.RuleCreator.withoutDocs<[], 'found'>({
  meta: { type: 'problem', messages: { found: '{{whose}}' }, schema: [], defaultOptions: [] },
  create(context) {
    const services = ESLintUtils.getParserServices(context);
    const scopes: Scopes = {
      declared: (node) => context.sourceCode.getDeclaredVariables(node),
      scopeOf: (node) => context.sourceCode.getScope(node),
    };
    return {
      'CallExpression[callee.name="probe"]'(node: TSESTree.CallExpression) {
        const arg = node.arguments[0];
        if (!arg || arg.type === AST_NODE_TYPES.SpreadElement) return;
        const whose = isArgumentsOwnSignal(arg, scopes, services) ? 'own' : 'given';
        context.report({ node, messageId: 'found', data: { whose } });
      },
    };
  },
});

const found = (whose: string, line: number) => ({ messageId: 'found' as const, data: { whose }, line: line + 1 });

typedRuleTester().run('own signal probe', probe, {
  valid: [],
  invalid: [
    {
      code: `declare function probe(value: unknown): void;
declare class Job {
  readonly signal: AbortSignal;
  cancel(): void;
}
interface Bag {
  readonly signal: AbortSignal;
  onProgress?: (n: number) => void;
}
declare class Loose {
  signal: AbortSignal;
  cancel(): void;
}
export function f(request: Request, job: Job, bag: Bag, loose: Loose, signal: AbortSignal, init: RequestInit): void {
  const alias = request.signal;
  probe(request.signal);
  probe(alias);
  probe(job.signal);
  probe(bag.signal);
  probe(loose.signal);
  probe(signal);
  probe(init.signal);
  probe(new AbortController().signal);
}
`,
      errors: [
        found('own', 15),
        found('own', 16),
        found('own', 17),
        found('given', 18),
        found('given', 19),
        found('given', 20),
        found('given', 21),
        found('own', 22),
      ],
    },
  ],
});
