/**
 * Removals that bound nothing.
 *
 * A replacement only makes room for a new entry under the same key:
 * `delete cache[key]` of an expired entry, followed on every path of the
 * function by `cache[key] = fresh`, swaps one value for another; the number
 * of distinct keys the collection holds does not go down. Keys that are never
 * asked for again stay for good.
 *
 * A cancelled removal runs only in a timer's callback, and the timer is
 * cleared on another path that removes nothing: a request's entry deleted on
 * timeout, while the answer clears the timeout and leaves the entry behind.
 */
import {
  ASTUtils,
  AST_NODE_TYPES,
  type ParserServicesWithTypeInformation,
  type TSESLint,
  type TSESTree,
} from '@typescript-eslint/utils';
import { contains, enclosingFunction, isFunctionNode, outermostAlias, walk } from './ast.js';
import type { GrowUse, Use } from './collection-uses.js';
import { isClearCall, timerKindOf } from './timers.js';

/** What the questions below need of the file. */
export interface ReplacementContext {
  sourceCode: Readonly<TSESLint.SourceCode>;
  services: ParserServicesWithTypeInformation;
}

type ShrinkUse = Extract<Use, { kind: 'shrink' }>;

/**
 * Does the removal `shrink` run only in the callback of a `setTimeout` whose
 * handle (`const timer = setTimeout(…)`) is cleared, and every clear of it is
 * in another function that removes nothing from the collection (`shrinks` are
 * all its removals)? Then the path that clears the timer, usually the one
 * where the work finished in time, keeps the entry.
 */
export function removalCancelledByClearedTimer(
  ctx: ReplacementContext,
  shrink: ShrinkUse,
  shrinks: readonly ShrinkUse[],
): boolean {
  const callback = enclosingFunction(shrink.node);
  const timer = callback?.parent;
  if (!callback || timer?.type !== AST_NODE_TYPES.CallExpression || timer.arguments[0] !== callback) return false;
  if (timerKindOf(timer, ctx.sourceCode, ctx.services) !== 'setTimeout') return false;
  const declarator = timer.parent;
  if (declarator.type !== AST_NODE_TYPES.VariableDeclarator || declarator.init !== timer) return false;
  let cleared = false;
  for (const variable of ctx.sourceCode.getDeclaredVariables(declarator)) {
    for (const ref of variable.references) {
      const call = ref.identifier.parent;
      if (call.type !== AST_NODE_TYPES.CallExpression || !isClearCall(call) || call.arguments[0] !== ref.identifier) {
        continue;
      }
      const clearing = enclosingFunction(call);
      if (!clearing || clearing === callback || contains(callback, clearing)) return false;
      if (shrinks.some((other) => contains(clearing, other.node))) return false;
      cleared = true;
    }
  }
  return cleared;
}

/**
 * Is the removal `shrink` (`delete obj[k]`, `map.delete(k)`) followed, on every
 * path through its function that does not throw, by a growth of the same
 * collection under the same key (`obj[k] = v`, `map.set(k, v)`)? The key must
 * be written the same way and be a variable that is never reassigned, and
 * nothing between the two may leave the function or the enclosing statement
 * list (`return`, `throw`, `break`, `continue`).
 */
export function removalIsReplaced(ctx: ReplacementContext, shrink: ShrinkUse, growth: readonly GrowUse[]): boolean {
  const removal = removalOf(shrink.node);
  if (!removal || !fixedKey(ctx, removal.key)) return false;
  const keyText = ctx.sourceCode.getText(removal.key);
  const regrows = new Set<TSESTree.Node>();
  for (const use of growth) {
    if (use.key && ctx.sourceCode.getText(use.key) === keyText) regrows.add(use.site);
  }
  if (regrows.size === 0) return false;
  let statement: TSESTree.Node = removal.statement;
  for (;;) {
    const list = statement.parent;
    if (list?.type !== AST_NODE_TYPES.BlockStatement) return false;
    const body = list.body;
    for (const next of body.slice(body.indexOf(statement as TSESTree.Statement) + 1)) {
      if (next.type === AST_NODE_TYPES.ExpressionStatement && regrows.has(next.expression)) return true;
      if (leaves(next)) return false;
    }
    // Past the end of the list: go on after the `if` that holds it, within the same function.
    const holder = list.parent;
    if (isFunctionNode(holder)) return false;
    if (holder.type === AST_NODE_TYPES.BlockStatement) {
      statement = list;
      continue;
    }
    if (holder.type !== AST_NODE_TYPES.IfStatement) return false;
    statement = holder;
  }
}

/** The statement that removes and the key it removes: `delete obj[k];`, `map.delete(k);`. */
function removalOf(occurrence: TSESTree.Node): { statement: TSESTree.Node; key: TSESTree.Node } | null {
  const member = occurrence.parent;
  if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== occurrence) return null;
  const outer = outermostAlias(member);
  const parent = outer.parent;
  if (parent?.type === AST_NODE_TYPES.UnaryExpression && parent.operator === 'delete' && member.computed) {
    return parent.parent.type === AST_NODE_TYPES.ExpressionStatement
      ? { statement: parent.parent, key: member.property }
      : null;
  }
  if (parent?.type !== AST_NODE_TYPES.CallExpression || parent.callee !== outer) return null;
  const key = parent.arguments[0];
  if (!key || parent.arguments.length !== 1 || parent.parent.type !== AST_NODE_TYPES.ExpressionStatement) return null;
  return { statement: parent.parent, key };
}

/** A variable never assigned after its declaration: the same name means the same key. */
function fixedKey(ctx: ReplacementContext, key: TSESTree.Node): boolean {
  if (key.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = ASTUtils.findVariable(ctx.sourceCode.getScope(key), key.name);
  return (
    variable !== null && variable.defs.length === 1 && variable.references.every((ref) => ref.init || !ref.isWrite())
  );
}

/**
 * Can control leave the statement list from inside this statement (not from a nested
 * function)? A `break` of a loop inside it counts too: the answer errs toward "leaves".
 */
function leaves(statement: TSESTree.Node): boolean {
  let found = false;
  walk(
    statement,
    (node) => {
      if (
        node.type === AST_NODE_TYPES.ReturnStatement ||
        node.type === AST_NODE_TYPES.ThrowStatement ||
        node.type === AST_NODE_TYPES.BreakStatement ||
        node.type === AST_NODE_TYPES.ContinueStatement
      ) {
        found = true;
      }
    },
    { intoFunctions: false },
  );
  return found;
}
