/**
 * Skipped releases: for one acquire that a traversal recorded in a
 * `PairIndex`, whether the releases paired with it run on every path from
 * it, and if not, how one is skipped: by a normal path (a branch, a jump),
 * by a throw, by a promise outcome or a settling event that does not
 * release, or by the handle being let go of first. The rule says what it
 * reports; this module says what happened.
 */
import { AST_NODE_TYPES, ASTUtils, type TSESTree } from '@typescript-eslint/utils';
import { contains, enclosingFunction, isFunctionNode, type FunctionNode } from './ast.js';
import { assertsOnResource, takenAfterAbortRelease, takenWhenEntryGone } from './guards.js';
import { releaseOwedHere, targetOutlivesListeners } from './handoffs.js';
import { placementsOf, promiseOfExecutor, settlingListeners, type PairIndex, type Placement } from './pairing.js';
import type { Position } from './paths.js';
import { neverRejects } from './rejections.js';
import { textOf, type ResourceSite } from './resources.js';
import { callCannotThrow } from './throws.js';
import {
  cleanupStepBefore,
  inCatchAfter,
  inCatchAround,
  inFinallyAfterRelease,
  isProtected,
  releasedByFinally,
} from './try-blocks.js';

/** How a release paired with an acquire is skipped; `release` is the one to name. */
export type SkippedRelease =
  /**
   * Released in only some of the listeners that settle the promise the acquire's executor
   * makes: `events` are those listeners' events, `others` the events of those that do not release.
   */
  | { kind: 'event'; release: ResourceSite; events: TSESTree.Node[]; others: TSESTree.Node[] }
  /** Released only in a callback that runs when the promise fulfils, or only when it rejects. */
  | { kind: 'outcome'; release: ResourceSite; outcome: 'fulfils' | 'rejects' }
  /** A path sets the handle's variable to `null` or `undefined` before the release runs. */
  | { kind: 'dropped'; release: ResourceSite; dropped: TSESTree.AssignmentExpression }
  /**
   * A normal path from the acquire leaves `fn` (the function it is placed in) without a
   * release, passing `jump` if it passes one; `direct` are the releases in `fn` itself;
   * `at` is the node that stands for `release` on the paths (the `if` of a handle test).
   */
  | {
      kind: 'path';
      release: ResourceSite;
      at: TSESTree.Node;
      fn: FunctionNode | null;
      jump: TSESTree.Node | null;
      direct: TSESTree.Node[];
      /** The throw after the acquire whose `catch` carries on without the release, if that is the path. */
      caught: { thrower: TSESTree.Node; handler: TSESTree.CatchClause } | null;
    }
  /**
   * `thrower` can throw after the acquire and before the release. `movable`: the one
   * release stands in the acquire's own function, where a `finally` can take it.
   * `placedAt`: the `new Promise(…)` whose executor makes the acquire, which counts from there.
   */
  | {
      kind: 'throw';
      release: ResourceSite;
      thrower: TSESTree.Node;
      movable: boolean;
      direct: TSESTree.Node[];
      placedAt: TSESTree.Node | null;
    };

/** How the releases paired with `acquire` are skipped, or null when they run on every path (or it has none). */
export function skippedRelease(index: PairIndex, acquire: ResourceSite): SkippedRelease | null {
  const { tracker, sourceCode, services } = index;
  // Most candidates (every `const x = call()` may hold a disposable) have no release at all.
  const releases = index.releasesByKey.get(acquire.pairKey);
  if (!releases) return null;
  // An acquire in a promise executor runs in place, when `new Promise(…)` runs: its function
  // is the one around that, and anything awaiting the promise settles after it.
  // (Unless the executor releases it itself: then its own paths decide.)
  const own = enclosingFunction(acquire.node);
  const made = promiseOfExecutor(index, own);
  // A timer made there is the promise's own deadline: whether it is cleared depends on what else
  // settles the promise, which no-abandoned-race asks of the race it is in.
  const executed =
    made && own && acquire.kind !== 'timer' && !releases.some((r) => contains(own, r.node)) ? made : null;
  const start = tracker.positions.get(executed ?? acquire.node);
  if (!start) return null;
  const fn = enclosingFunction(executed ?? acquire.node);
  const placements = placementsOf(index, acquire, releases, fn);
  // Released in some of the listeners that settle the promise: the others are paths without it.
  if (placements.length > 0 && placements.every((p) => p.kind === 'event') && fn) {
    const releasing = new Set(placements.map((p) => p.handler));
    // A settling event of the handle itself (a stream's 'finish') is the resource ending on its own.
    const handle = acquire.kind === 'disposable' ? acquire.receiver : null;
    const skipping = settlingListeners(index, fn).filter(
      (listener) =>
        !releasing.has(listener.handler) &&
        !(handle && textOf(listener.target, sourceCode) === textOf(handle, sourceCode)),
    );
    const [first] = placements;
    if (skipping.length > 0 && first && targetOutlivesListeners(index, acquire, fn)) {
      return {
        kind: 'event',
        release: first.site,
        events: placements.map((p) => p.event),
        others: skipping.map((l) => l.event),
      };
    }
    return null;
  }
  if (
    placements.length === 0 ||
    placements.some((p) => p.kind !== 'direct' && p.kind !== 'settled' && p.kind !== 'outcome')
  )
    return null;
  if (!releaseOwedHere(index, acquire, fn)) return null;

  const first = placements.map((p) => p.site).sort((a, b) => a.node.range[0] - b.node.range[0])[0];
  if (!first) return null;
  const covering = placements.flatMap((p) => {
    if (p.kind === 'direct' || p.kind === 'settled') {
      const position = tracker.positions.get(p.at);
      return position ? [position] : [];
    }
    return [];
  });
  const outcomes = placements.filter((p): p is Extract<Placement, { kind: 'outcome' }> => p.kind === 'outcome');
  const outcome = outcomes[0];
  // `.then(a).catch(b)` releasing in both covers every settlement of the chain.
  if (outcomes.some((p) => p.outcome === 'fulfils') && outcomes.some((p) => p.outcome === 'rejects')) return null;

  if (covering.length === 0) {
    if (outcome && !(outcome.outcome === 'rejects' && releasedElsewhere(index, acquire, placements))) {
      return { kind: 'outcome', release: first, outcome: outcome.outcome };
    }
    return null;
  }
  // A release that no path from the acquire reaches is an alternative, not a pair
  // (`set(k, rest); return;` in one branch, `delete(k)` in another).
  if (!tracker.reachesAny(start, covering)) return null;
  const releaseNodes = placements.map((p) => p.site.node);
  const coveredJumps = new Set(
    tracker
      .jumpsIn(start.codePath)
      .filter(
        (jump) =>
          ((jump.node.type === AST_NODE_TYPES.BreakStatement || jump.node.type === AST_NODE_TYPES.ContinueStatement) &&
            releasedByFinally(jump.node, fn, releaseNodes)) ||
          (jump.node.range[0] > acquire.node.range[1] && takenWhenEntryGone(jump.node, acquire, fn, sourceCode)) ||
          takenAfterAbortRelease(jump.node, releases, fn, sourceCode),
      )
      .map((jump) => jump.node),
  );
  // `handle = null` before the release runs: the release then finds nothing to close.
  const dropped = acquire.kind === 'disposable' ? droppedBefore(index, acquire, start, covering, coveredJumps) : null;
  if (dropped) return { kind: 'dropped', release: first, dropped };
  const leak = tracker.findLeak(start, covering, coveredJumps);
  const direct = placements.flatMap((p) => (p.kind === 'direct' ? [p.site.node] : []));
  /** A normal path from the acquire leaves `fn` without the release (after a caught throw, if `caught`). */
  const pathLeak = (
    jump: TSESTree.Node | null,
    caught: { thrower: TSESTree.Node; handler: TSESTree.CatchClause } | null,
  ): SkippedRelease => {
    const at = placements.find((p) => p.site === first && p.kind === 'direct');
    return { kind: 'path', release: first, at: at?.kind === 'direct' ? at.at : first.node, fn, jump, direct, caught };
  };
  if (leak?.end === 'normal') {
    // Released only in the `catch` of a `try` around the acquire: an undo of a failed
    // attempt, as with a rejection-only release, when other code releases on success.
    if (
      direct.length === placements.length &&
      direct.every((release) => inCatchAfter(release, acquire.node)) &&
      releasedElsewhere(index, acquire, placements)
    ) {
      return null;
    }
    return pathLeak(leak.jump, null);
  }
  const throwers = [
    ...(executed ? awaitsAround(index, executed, fn) : []),
    ...tracker
      .between(start, covering, index.throwersByPath.get(start.codePath) ?? [], coveredJumps)
      .filter((candidate) => !contains(candidate.node, acquire.node) && !contains(acquire.node, candidate.node)),
  ].filter(
    (candidate) =>
      !releaseNodes.some((r) => contains(candidate.node, r)) &&
      !inFinallyAfterRelease(candidate.node, acquire.node, releaseNodes) &&
      !cleanupStepBefore(candidate.node, releaseNodes),
  );
  // Whether an awaited promise can reject, or a call throw, reads the function it runs: asked last,
  // and only of the candidates the answer is needed for (the first unprotected one decides).
  const mayThrow = (candidate: Position): boolean =>
    !neverRejects(candidate.node, services) && !callCannotThrow(candidate.node, services);
  // An acquire inside a promise executor counts from the statement that makes the promise.
  const movable = placements.length === 1 && placements[0]?.kind === 'direct';
  // Every release in the acquire's own function (one per branch that ends): a `finally` can take their place.
  const movedTogether = executed === null ? direct : [];
  /** `thrower` can throw after the acquire, and the release does not run on that path. */
  const throwLeak = (thrower: TSESTree.Node): SkippedRelease => ({
    kind: 'throw',
    release: first,
    thrower,
    movable,
    direct: movedTogether,
    placedAt: executed,
  });
  // `count++; if (count > max) throw …`: an assertion on the resource itself; when it
  // fires the count is already wrong, and releasing would not make it right.
  if (leak?.end === 'throw' && leak.jump !== null && assertsOnResource(leak.jump, acquire, sourceCode)) return null;
  if (leak?.end === 'throw') {
    // A rethrow in a `catch` around the acquire is reached only if something after
    // the acquire throws, outside a `finally` that releases first. A call in such a
    // `catch` (`log(err)`) runs only after that throw: it starts no path of its own.
    const rethrow = leak.jump !== null && inCatchAround(leak.jump, acquire.node);
    if (
      !rethrow ||
      throwers.some(
        (t) => !inCatchAround(t.node, acquire.node) && !releasedByFinally(t.node, fn, releaseNodes) && mayThrow(t),
      )
    ) {
      return throwLeak(leak.jump ?? first.node);
    }
    return null;
  }
  const thrower = throwers.find((candidate) => !isProtected(candidate.node, fn, releaseNodes) && mayThrow(candidate));
  if (thrower) return throwLeak(thrower.node);
  // A throw caught by a `catch` that then carries on (or returns, or rethrows) without the release.
  for (const candidate of throwers) {
    const handler = catchingHandler(candidate.node, fn, releaseNodes);
    const from = handler ? tracker.positions.get(handler) : undefined;
    if (!handler || !from || !mayThrow(candidate)) continue;
    // A \`catch\` that releases (behind a test of the handle, say) is the code's own answer to this throw.
    if (releaseNodes.some((release) => contains(handler, release))) continue;
    const caught = tracker.findLeak(from, covering, coveredJumps, false);
    if (!caught) continue;
    // The `catch` rethrows without the release: the throw that reached it skips the release.
    if (caught.end === 'throw') return throwLeak(caught.jump ?? candidate.node);
    return pathLeak(caught.jump, { thrower: candidate.node, handler });
  }
  return null;
}

/**
 * The `catch` clause that a throw at `node` goes to, when the innermost `try`
 * around it in `fn` has one and no `finally` of a `try` on the way releases
 * first. ESLint's code paths enter a `catch` only from the first call or
 * member read of its `try` block and from the block's end: a throw after the
 * acquire has no edge of its own, so its `catch` is asked directly.
 */
function catchingHandler(
  node: TSESTree.Node,
  fn: FunctionNode | null,
  releases: readonly TSESTree.Node[],
): TSESTree.CatchClause | null {
  let child: TSESTree.Node = node;
  for (let p = node.parent; p && p !== fn; child = p, p = p.parent) {
    if (p.type !== AST_NODE_TYPES.TryStatement || p.block !== child) continue;
    if (p.handler) return p.handler;
    const finalizer = p.finalizer;
    if (finalizer && releases.some((r) => contains(finalizer, r))) return null;
  }
  return null;
}

/**
 * An assignment of `null` or `undefined` to the handle's variable that some path from the
 * acquire reaches before any release: the handle is dropped, not released.
 */
function droppedBefore(
  index: PairIndex,
  acquire: ResourceSite,
  start: Position,
  covering: readonly Position[],
  coveredJumps: ReadonlySet<TSESTree.Node>,
): TSESTree.AssignmentExpression | null {
  const handle = acquire.receiver;
  if (handle?.type !== AST_NODE_TYPES.Identifier) return null;
  const variable = ASTUtils.findVariable(index.sourceCode.getScope(handle), handle.name);
  if (!variable) return null;
  const positions = variable.references.flatMap((ref) => {
    const assignment = ref.identifier.parent;
    if (assignment.type !== AST_NODE_TYPES.AssignmentExpression || assignment.left !== ref.identifier) return [];
    const position = index.tracker.positions.get(assignment);
    return position && index.dropAssignments.has(assignment) ? [position] : [];
  });
  if (positions.length === 0) return null;
  const found = index.tracker.between(start, covering, positions, coveredJumps)[0];
  return found ? (found.node as TSESTree.AssignmentExpression) : null;
}

/** The `await`s around `node` in `fn`: each settles after `node` ran, and may throw then. */
function awaitsAround(index: PairIndex, node: TSESTree.Node, fn: FunctionNode | null): Position[] {
  const found: Position[] = [];
  for (let p = node.parent; p && p !== fn; p = p.parent) {
    if (isFunctionNode(p)) break;
    const position = p.type === AST_NODE_TYPES.AwaitExpression ? index.tracker.positions.get(p) : undefined;
    if (position) found.push(position);
  }
  return found;
}

/**
 * A release only when the promise rejects (or only in a `catch`) is an undo of a failed attempt; on
 * success the resource is meant to stay, and is released by other code: a
 * release of the same kind on the same owner elsewhere in the file (a
 * response handler deleting by the reply's id, a listener removing itself).
 */
function releasedElsewhere(index: PairIndex, acquire: ResourceSite, placements: readonly Placement[]): boolean {
  if (!acquire.ownerKey) return false;
  const placed = new Set(placements.map((p) => p.site.node));
  return (index.releasesByOwner.get(acquire.ownerKey) ?? []).some((release) => !placed.has(release.node));
}
