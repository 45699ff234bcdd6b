/**
 * `removalIsReplaced` through a probe rule: at every `x.delete(k)` and
 * `delete x[k]` on a variable `x`, it classifies every use of `x` and reports
 * whether the removal is followed on every path by a growth under the same key
 * (`replaced`) or bounds the collection (`removes`).
 */
import { AST_NODE_TYPES, ASTUtils, ESLintUtils, type TSESTree } from '@typescript-eslint/utils';
import { classifyUse, type GrowUse } from '../../src/analysis/collection-uses.js';
import { removalCancelledByClearedTimer, removalIsReplaced } from '../../src/analysis/replacements.js';
import { typedRuleTester } from '../rule-tester.js';

const probe = ESLintUtils.RuleCreator.withoutDocs<[], 'verdict'>({
  meta: { type: 'problem', messages: { verdict: '{{verdict}}' }, schema: [], defaultOptions: [] },
  create(context) {
    const { sourceCode } = context;
    const services = ESLintUtils.getParserServices(context);
    const judge = (node: TSESTree.Node, object: TSESTree.Node, shape: 'Map' | 'object'): void => {
      if (object.type !== AST_NODE_TYPES.Identifier) return;
      const variable = ASTUtils.findVariable(sourceCode.getScope(object), object.name);
      if (!variable) return;
      const uses = variable.references.filter((ref) => !ref.init).map((ref) => classifyUse(ref.identifier, shape));
      const shrink = uses.find((use) => use.kind === 'shrink' && use.node === object);
      if (shrink?.kind !== 'shrink') return;
      const grows = uses.filter((use): use is GrowUse => use.kind === 'grow');
      const verdict = removalIsReplaced({ sourceCode, services }, shrink, grows) ? 'replaced' : 'removes';
      context.report({ node, messageId: 'verdict', data: { verdict } });
    };
    return {
      CallExpression(node: TSESTree.CallExpression) {
        const callee = node.callee;
        if (callee.type !== AST_NODE_TYPES.MemberExpression) return;
        if (callee.property.type !== AST_NODE_TYPES.Identifier || callee.property.name !== 'delete') return;
        judge(node, callee.object, 'Map');
      },
      'UnaryExpression[operator="delete"] > MemberExpression'(node: TSESTree.MemberExpression) {
        judge(node.parent, node.object, 'object');
      },
    };
  },
});

const verdict = (text: string) => (line: number) => ({ messageId: 'verdict' as const, data: { verdict: text }, line });
const replaced = verdict('replaced');
const removes = verdict('removes');

typedRuleTester().run('replacements probe', probe, {
  valid: [],
  invalid: [
    {
      // Followed by a set of the same key: after the `if` that holds it, directly, or in a
      // dictionary after an `if` with an early return before the delete.
      code: `const byId = new Map<string, number>();
export function touch(id: string): void {
  if (byId.has(id)) {
    byId.delete(id);
  }
  byId.set(id, 1);
}
const dict: Record<string, number> = {};
export function renew(key: string, fresh: boolean): number {
  const old = dict[key];
  if (old !== undefined) {
    if (fresh) return old;
    delete dict[key];
  }
  dict[key] = 2;
  return 2;
}
`,
      errors: [replaced(4), replaced(13)],
    },
    {
      // A return between delete and set; a set of another key; a key reassigned; a delete inside
      // a loop; no set after it.
      code: `const byId = new Map<string, number>();
export function maybe(id: string, ok: boolean): void {
  byId.delete(id);
  if (!ok) return;
  byId.set(id, 1);
}
export function other(id: string, next: string): void {
  byId.delete(id);
  byId.set(next, 1);
}
export function moved(id: string): void {
  let key = id;
  byId.delete(key);
  key = key + '!';
  byId.set(key, 1);
}
export function sweep(ids: string[]): void {
  for (const id of ids) {
    byId.delete(id);
  }
  byId.set('x', 1);
}
export function drop(id: string): void {
  byId.delete(id);
}
`,
      errors: [removes(3), removes(8), removes(13), removes(19), removes(24)],
    },
  ],
});

/**
 * `removalCancelledByClearedTimer` through a probe: at every `delete x[k]` on a
 * variable `x`, whether the removal runs only in a timer's callback that
 * another path clears without removing (`cancelled`) or not (`removes`).
 */
const timerProbe = ESLintUtils.RuleCreator.withoutDocs<[], 'verdict'>({
  meta: { type: 'problem', messages: { verdict: '{{verdict}}' }, schema: [], defaultOptions: [] },
  create(context) {
    const { sourceCode } = context;
    const services = ESLintUtils.getParserServices(context);
    return {
      'UnaryExpression[operator="delete"] > MemberExpression'(node: TSESTree.MemberExpression) {
        if (node.object.type !== AST_NODE_TYPES.Identifier) return;
        const variable = ASTUtils.findVariable(sourceCode.getScope(node), node.object.name);
        if (!variable) return;
        const uses = variable.references.filter((ref) => !ref.init).map((ref) => classifyUse(ref.identifier, 'object'));
        const shrinks = uses.filter((use) => use.kind === 'shrink');
        const shrink = shrinks.find((use) => use.node === node.object);
        if (!shrink) return;
        const cancelled = removalCancelledByClearedTimer({ sourceCode, services }, shrink, shrinks);
        context.report({
          node: node.parent,
          messageId: 'verdict',
          data: { verdict: cancelled ? 'cancelled' : 'removes' },
        });
      },
    };
  },
});

const cancelled = verdict('cancelled');

typedRuleTester().run('cancelled removals probe', timerProbe, {
  valid: [],
  invalid: [
    {
      // Deleted on timeout; the answer clears the timer and deletes nothing.
      code: `const pending: Record<string, () => void> = {};
export function request(id: string): void {
  const timer = setTimeout(() => {
    delete pending[id];
  }, 1000);
  pending[id] = () => {
    clearTimeout(timer);
  };
}
`,
      errors: [cancelled(4)],
    },
    {
      // The answer deletes too; a timer never cleared; a delete outside the timer's callback.
      code: `const pending: Record<string, () => void> = {};
export function request(id: string): void {
  const timer = setTimeout(() => {
    delete pending[id];
  }, 1000);
  pending[id] = () => {
    clearTimeout(timer);
    delete pending[id];
  };
}
const other: Record<string, number> = {};
export function later(id: string): void {
  setTimeout(() => {
    delete other[id];
  }, 1000);
  other[id] = 1;
}
const third: Record<string, number> = {};
export function now(id: string): void {
  const timer = setTimeout(() => undefined, 1000);
  third[id] = 1;
  clearTimeout(timer);
  delete third[id];
}
`,
      errors: [removes(4), removes(8), removes(14), removes(23)],
    },
  ],
});
