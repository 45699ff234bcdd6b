/**
 * Set-up on first use: an assignment that runs only while its target is
 * empty (`if (!cache) cache = new Map()`, `x = x || {}`), and what runs in
 * the block such a set-up guards. A collection set up this way is made once,
 * not on every call.
 */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { contains, enclosingFunction, skipWrappers } from './ast.js';
import type { ResetUse } from './collection-uses.js';
import { inTestHook } from './intent.js';
import { isNullish, runsPerCall, type Lifetime, type Scopes } from './lifetime.js';
import type { Owner } from './owners.js';

/** The assignment runs only when its target is empty: `!x`, `x == null`, `x === undefined`. */
export function isGuardedInit(sourceCode: TSESLint.SourceCode, assignment: TSESTree.AssignmentExpression): boolean {
  const target = sourceCode.getText(assignment.left);
  const fn = enclosingFunction(assignment);
  for (let p: TSESTree.Node | undefined = assignment.parent; p && p !== fn; p = p.parent) {
    if (p.type === AST_NODE_TYPES.IfStatement || p.type === AST_NODE_TYPES.ConditionalExpression) {
      return testsEmpty(sourceCode, p.test, target);
    }
    if (p.type === AST_NODE_TYPES.LogicalExpression && p.operator !== '&&') {
      return testsEmpty(sourceCode, p.left, target);
    }
  }
  return false;
}

function testsEmpty(sourceCode: TSESLint.SourceCode, test: TSESTree.Expression, target: string): boolean {
  const node = skipWrappers(test);
  if (node.type === AST_NODE_TYPES.LogicalExpression && node.operator === '||') {
    return testsEmpty(sourceCode, node.left, target) || testsEmpty(sourceCode, node.right, target);
  }
  if (node.type === AST_NODE_TYPES.UnaryExpression && node.operator === '!') {
    return sourceCode.getText(skipWrappers(node.argument)) === target;
  }
  if (node.type === AST_NODE_TYPES.BinaryExpression && (node.operator === '==' || node.operator === '===')) {
    const sides = [node.left, node.right];
    return sides.some((side) => sourceCode.getText(side) === target) && sides.some((side) => isNullish(side));
  }
  return false;
}

/**
 * `if (table == null) { table = {}; for (…) table[c] = i; }`: growth after a lazy
 * set-up in the block that set-up guards runs only when the collection is new.
 */
export function fillsAtInit(
  sourceCode: TSESLint.SourceCode,
  site: TSESTree.Node,
  inits: readonly TSESTree.AssignmentExpression[],
): boolean {
  return inits.some((assignment) => {
    if (assignment.range[1] > site.range[0]) return false;
    const guard = assignment.parent.parent;
    if (
      assignment.parent.type !== AST_NODE_TYPES.ExpressionStatement ||
      guard?.type !== AST_NODE_TYPES.BlockStatement ||
      guard.parent.type !== AST_NODE_TYPES.IfStatement ||
      guard.parent.consequent !== guard
    ) {
      return false;
    }
    return (
      contains(guard, site) &&
      enclosingFunction(site) === enclosingFunction(assignment) &&
      isGuardedInit(sourceCode, assignment)
    );
  });
}

/** A reset on a per-call path that is not lazy set-up (`if (!cache) cache = new Map()`) nor a test hook. */
export function runsAfterSetUp(
  sourceCode: TSESLint.SourceCode,
  scopes: Scopes,
  use: ResetUse,
  owner: Owner,
  lifetime: Lifetime,
): boolean {
  if (inTestHook(use.node)) return false;
  if (use.assignment && isGuardedInit(sourceCode, use.assignment)) return false;
  return runsPerCall(use.node, owner, lifetime, scopes);
}
