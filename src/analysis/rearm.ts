/**
 * Re-arming: whether a function that arms a timer re-arms it on every run
 * (no stop condition before the re-arm), and whether every run of the
 * timer's callback comes back to that function, on ESLint's code paths.
 */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { enclosingFunction, isFunctionNode, skipWrappers, walk, type FunctionNode } from './ast.js';
import type { PathTracker, Position } from './paths.js';
import { bindTarget, callbackArguments, functionDenoted } from './timers.js';

/** The code paths of one file, recorded while ESLint traverses it. */
export interface FunctionPaths {
  sourceCode: Readonly<TSESLint.SourceCode>;
  tracker: PathTracker;
  /** Where each function starts (marked when ESLint enters it). */
  entries: ReadonlyMap<TSESTree.Node, Position>;
}

/** Does `fn` re-arm the timer on every normal path through it (no stop condition before it)? */
export function reschedulesOnEveryRun(paths: FunctionPaths, fn: FunctionNode, call: TSESTree.CallExpression): boolean {
  if (enclosingFunction(call) !== fn) return false;
  const entry = paths.entries.get(fn);
  const at = paths.tracker.positions.get(call);
  if (!entry || !at) return false;
  const leak = paths.tracker.findLeak(entry, [at]);
  return leak === null || leak.end === 'throw';
}

/**
 * Does every run of the timer's callback come back to `fn`, and every run
 * of `fn` re-arm the timer: a chain of calls (to functions of this file,
 * or callbacks handed to a call, which are taken to run), each reached on
 * every path through its function, leads from the callback to `fn`?
 */
export function loopsOnEveryRun(paths: FunctionPaths, call: TSESTree.CallExpression, fn: FunctionNode): boolean {
  if (!reschedulesOnEveryRun(paths, fn, call)) return false;
  const callback = call.arguments[0];
  if (!callback || callback.type === AST_NODE_TYPES.SpreadElement) return false;
  const direct = skipWrappers(callback);
  const start = isFunctionNode(direct) ? direct : functionDenoted(bindTarget(direct), paths.sourceCode);
  return start !== null && reachesOnEveryRun(paths, start, fn, new Set(), 0);
}

function reachesOnEveryRun(
  paths: FunctionPaths,
  from: FunctionNode,
  to: FunctionNode,
  seen: Set<FunctionNode>,
  depth: number,
): boolean {
  if (from === to) return true;
  if (seen.has(from) || depth > 3) return false;
  seen.add(from);
  const next: FunctionNode[] = [];
  walk(from.body, (node) => {
    if (node.type !== AST_NODE_TYPES.CallExpression || !alwaysReached(paths, node, from)) return;
    const target = functionDenoted(skipWrappers(node.callee), paths.sourceCode);
    if (target) next.push(target);
    next.push(...callbackArguments(node, paths.sourceCode));
  });
  if (next.includes(to)) return true;
  return next.some((target) => reachesOnEveryRun(paths, target, to, seen, depth + 1));
}

/**
 * Is `node` reached on every path through its function, and, when that
 * function is an inline callback inside `root`, is the call it is handed
 * to reached on every path through its own (up to `root`)?
 */
function alwaysReached(paths: FunctionPaths, node: TSESTree.Node, root: FunctionNode): boolean {
  const host = enclosingFunction(node);
  if (!host) return false;
  const entry = paths.entries.get(host);
  const at = paths.tracker.positions.get(node);
  if (!entry || !at) return false;
  const leak = paths.tracker.findLeak(entry, [at]);
  if (leak !== null && leak.end !== 'throw') return false;
  if (host === root) return true;
  const parent = host.parent;
  return parent.type === AST_NODE_TYPES.CallExpression && parent.callee !== host && alwaysReached(paths, parent, root);
}
