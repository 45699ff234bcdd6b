/**
 * `try` blocks around a site: whether a throw there is caught or leaves
 * through a `finally` that releases, whether a node runs in a `finally` after
 * the release, and which `catch` a node sits in relative to an acquire. Only
 * the syntax is read; which paths reach what is `paths.ts`'s question.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { contains, isFunctionNode, type FunctionNode } from './ast.js';

/**
 * A throw at `node` lands in a `catch` (whose paths the analysis follows),
 * or leaves through a `finally` that releases.
 */
export function isProtected(node: TSESTree.Node, fn: FunctionNode | null, releases: readonly TSESTree.Node[]): boolean {
  let child: TSESTree.Node = node;
  for (let p = node.parent; p && p !== fn; child = p, p = p.parent) {
    if (p.type !== AST_NODE_TYPES.TryStatement || p.finalizer === child) continue;
    if (p.block === child && p.handler) return true;
    const finalizer = p.finalizer;
    if (finalizer && releases.some((r) => contains(finalizer, r))) return true;
  }
  return false;
}

/**
 * A node in the `finally` of a `try` (after the acquire) whose block releases:
 * it runs after that release, unless a path skipped the release (a normal
 * path, reported as such) or something before the release threw (which is
 * a thrower of its own). Only ESLint's assumed throws reach it otherwise.
 */
export function inFinallyAfterRelease(
  node: TSESTree.Node,
  acquire: TSESTree.Node,
  releases: readonly TSESTree.Node[],
): boolean {
  let child: TSESTree.Node = node;
  for (let p = node.parent; p && !isFunctionNode(p); child = p, p = p.parent) {
    if (p.type !== AST_NODE_TYPES.TryStatement || p.finalizer !== child) continue;
    const block = p.block;
    if (!contains(p, acquire) && releases.some((r) => contains(block, r))) return true;
    // `try { acquire; try { … } finally { release } } finally { await other() }`: every
    // path from the acquire to this finally passes the inner finally's release first.
    if (releases.some((r) => releasedByFinallyAround(acquire, r, block))) return true;
  }
  return false;
}

/** The release sits in the `finally` of a `try` (inside `within`) whose block holds the acquire. */
function releasedByFinallyAround(acquire: TSESTree.Node, release: TSESTree.Node, within: TSESTree.Node): boolean {
  if (!contains(within, release)) return false;
  for (let q = release.parent; q && q !== within && !isFunctionNode(q); q = q.parent) {
    if (q.type === AST_NODE_TYPES.TryStatement && q.finalizer && contains(q.finalizer, release)) {
      return contains(q.block, acquire) || q.block.range[0] > acquire.range[1];
    }
  }
  return false;
}

/** A `break`/`continue` that leaves a `try` whose `finally` releases. */
export function releasedByFinally(
  jump: TSESTree.Node,
  fn: FunctionNode | null,
  releases: readonly TSESTree.Node[],
): boolean {
  let child: TSESTree.Node = jump;
  for (let p = jump.parent; p && p !== fn; child = p, p = p.parent) {
    if (p.type !== AST_NODE_TYPES.TryStatement || p.finalizer === child) continue;
    const finalizer = p.finalizer;
    if (finalizer && releases.some((r) => contains(finalizer, r))) return true;
  }
  return false;
}

/** Is `node` in the `catch` of a `try` that holds `acquire` or comes after it? */
export function inCatchAfter(node: TSESTree.Node, acquire: TSESTree.Node): boolean {
  for (let p = node.parent; p && !isFunctionNode(p); p = p.parent) {
    if (p.type !== AST_NODE_TYPES.CatchClause) continue;
    const attempt = p.parent.block;
    if (contains(attempt, acquire) || attempt.range[0] >= acquire.range[1]) return true;
  }
  return false;
}

/** Is `node` in the `catch` of a `try` whose block holds `acquire`? */
export function inCatchAround(node: TSESTree.Node, acquire: TSESTree.Node): boolean {
  for (let p = node.parent; p && !isFunctionNode(p); p = p.parent) {
    if (p.type === AST_NODE_TYPES.CatchClause && contains(p.parent.block, acquire)) return true;
  }
  return false;
}

/**
 * `finally { signal.clear(); pending.delete(id); }`: a call (not an `await`) that runs before
 * a release in the same `finally` is a step of the clean-up, not work that the release must
 * survive. Awaited steps (`await server.close()`) can still fail on their own.
 */
export function cleanupStepBefore(node: TSESTree.Node, releases: readonly TSESTree.Node[]): boolean {
  if (node.type !== AST_NODE_TYPES.CallExpression) return false;
  if (node.parent.type === AST_NODE_TYPES.AwaitExpression) return false;
  let child: TSESTree.Node = node;
  for (let p: TSESTree.Node | undefined = node.parent; p && !isFunctionNode(p); child = p, p = p.parent) {
    if (p.type !== AST_NODE_TYPES.TryStatement || p.finalizer !== child) continue;
    const finalizer = p.finalizer;
    return releases.some((r) => contains(finalizer, r) && r.range[0] > node.range[1]);
  }
  return false;
}
