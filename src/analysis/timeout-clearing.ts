/**
 * Timeout clearing: does the timer behind a raced timeout stop once the race
 * settles? It does when a signal reaches it, when it is unref'd, or when its
 * handle (or the clear function of the helper that made it) is called on
 * every path after the race: in a `finally` around it, in `.finally()` on it,
 * in both handlers of `.then(onFulfilled, onRejected)` on it, or in such a
 * handler on every other element of the race.
 */
import { ASTUtils, AST_NODE_TYPES, TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { contains, isFunctionNode, memberName, skipWrappers, walk } from './ast.js';
import { isSignalValue, type RaceContext } from './raced-work.js';
import { textOf } from './resources.js';
import { iifeTimer, type Timeout } from './timeouts.js';
import { isClearCall } from './timers.js';

/** A region that runs after a settlement: one callback, or both handlers of `.then(a, b)` (both must clear). */
type Region = TSESTree.Node | TSESTree.Node[];

/** Cleared: a signal reaches the timer, or its handle is cleared outside the timer's own callback. */
export function timeoutCleared(found: Timeout, race: TSESTree.CallExpression, context: RaceContext): boolean {
  const { sourceCode } = context;
  let timeout = found;
  // A signal reaches it, or it was unref'd on purpose (a guard that cannot hold the process).
  if (timeout.signal || timeout.unref) return true;
  if (timeout.kind === 'helper') {
    const call = skipWrappers(timeout.node as TSESTree.Expression);
    if (call.type !== AST_NODE_TYPES.CallExpression) return false;
    if (call.arguments.some((arg) => isSignalValue(arg, context))) return true;
    // An async IIFE that awaits a timer whose handle it keeps: cleared like that timer.
    const inner = iifeTimer(call);
    if (!inner?.handle) return false;
    timeout = { ...inner, node: timeout.node };
  }
  // `timeout.clear()` / `cleanup()` of the helper's result, in a `finally` or settled handler.
  if (timeout.kind === 'helperResult') {
    const clearCalls = new Set(timeout.clearCalls ?? []);
    if (clearCalls.size === 0) return false;
    const callsClear = (region: TSESTree.Node): boolean => {
      let found = false;
      walk(region, (child) => {
        if (!found && child.type === AST_NODE_TYPES.CallExpression && clearCalls.has(textOf(child.callee, sourceCode)))
          found = true;
      });
      return found;
    };
    return cleanupRegions(race).some((region) =>
      Array.isArray(region) ? region.length === 2 && region.every(callsClear) : callsClear(region),
    );
  }
  if (timeout.kind !== 'promiseTimer' || !timeout.handle) return false;
  // Cleared on every path after the race: in a `finally` around it, in `.finally()`
  // on it, or in both handlers of `.then(onFulfilled, onRejected)` on it.
  const handle = timeout.handle;
  const timerNode = timerExpression(timeout, sourceCode);
  const clears = (region: TSESTree.Node): boolean => {
    let found = false;
    walk(region, (child) => {
      if (found || child.type !== AST_NODE_TYPES.CallExpression) return;
      // `clearTimeout(t)`, or through the global object or a timers module (`globalThis.clearTimeout(t)`).
      if (!isClearCall(child)) return;
      const arg = child.arguments[0];
      if (!arg || textOf(arg, sourceCode) !== handle) return;
      if (timerNode && contains(timerNode, child)) return;
      found = true;
    });
    return found;
  };
  const clearsIn = (region: Region): boolean =>
    Array.isArray(region) ? region.length === 2 && region.every(clears) : clears(region);
  if (cleanupRegions(race).some(clearsIn)) return true;
  // `Promise.race([work.finally(() => clearTimeout(t)), timer])`: when the work settles first it
  // clears the timer; when the timer wins it has fired.
  const list = race.arguments[0];
  const others =
    list?.type === AST_NODE_TYPES.ArrayExpression
      ? list.elements.filter(
          (e): e is TSESTree.Expression => e !== null && e !== timeout.node && e.type !== AST_NODE_TYPES.SpreadElement,
        )
      : [];
  return others.length > 0 && others.every((other) => settledRegions(other).some(clearsIn));
}

/** The handlers chained on an expression that run whichever way it settles: `.finally(cb)`, `.then(a, b)`. */
function settledRegions(expression: TSESTree.Expression): Region[] {
  const node = skipWrappers(expression);
  if (node.type !== AST_NODE_TYPES.CallExpression) return [];
  const callee = skipWrappers(node.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return [];
  const method = memberName(callee);
  if (method === 'finally') return [...node.arguments];
  if (method === 'then') return [[...node.arguments]];
  return [];
}

/**
 * What runs after the race whatever its outcome: the `finally` blocks around
 * it (in its function), `.finally(cb)` chained on it, and the two handlers of
 * `.then(onFulfilled, onRejected)` chained on it (both must clear).
 */
function cleanupRegions(race: TSESTree.CallExpression): Region[] {
  const regions: Region[] = [];
  let child: TSESTree.Node = race;
  for (let p: TSESTree.Node | undefined = race.parent; p && !isFunctionNode(p); child = p, p = p.parent) {
    // A race in the `try` block or in its `catch`: the `finally` runs after either.
    if (p.type === AST_NODE_TYPES.TryStatement && (p.block === child || p.handler === child) && p.finalizer) {
      regions.push(p.finalizer);
    }
    if (
      p.type === AST_NODE_TYPES.MemberExpression &&
      p.object === child &&
      p.parent.type === AST_NODE_TYPES.CallExpression
    ) {
      const method = memberName(p);
      if (method === 'finally') regions.push(...p.parent.arguments);
      if (method === 'then') regions.push([...p.parent.arguments]);
    }
  }
  return regions;
}

/** The expression a timeout stands for (through a `const`). */
function timerExpression(timeout: Timeout, sourceCode: Readonly<TSESLint.SourceCode>): TSESTree.Node | null {
  const node = skipWrappers(timeout.node as TSESTree.Expression);
  if (node.type !== AST_NODE_TYPES.Identifier) return node;
  const def = ASTUtils.findVariable(sourceCode.getScope(node), node.name)?.defs[0];
  return def?.type === TSESLint.Scope.DefinitionType.Variable ? def.node.init : null;
}
