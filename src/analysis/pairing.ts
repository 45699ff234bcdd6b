/**
 * Pairing: what a traversal records about the acquires and releases of one
 * file (the sites by pair key, their positions on the code paths, what can
 * throw, where a handle is let go of), and, for one acquire, which of the
 * releases are its pair and where each sits relative to the acquire's
 * function: in it, in a promise callback of it, in a listener that settles
 * the promise it makes, or in some other function that takes the release on.
 */
import {
  AST_NODE_TYPES,
  ASTUtils,
  TSESLint,
  type ParserServicesWithTypeInformation,
  type TSESTree,
} from '@typescript-eslint/utils';
import {
  calleeName,
  contains,
  enclosingFunction,
  isFunctionNode,
  memberName,
  skipWrappers,
  startingWithin,
  walk,
  type FunctionNode,
} from './ast.js';
import { guardedRelease, guardTestsAround, inOtherBranch } from './guards.js';
import type { Scopes } from './lifetime.js';
import { PathTracker, type Position } from './paths.js';
import { ADD_LISTENER, ADD_ONCE_LISTENER, releaseKeys, type CustomPair, type ResourceSite } from './resources.js';
import { promiseExecutor } from './settlers.js';
import { callDoesNothing } from './summaries.js';

/** Where a matching release sits relative to the acquire's function. */
export type Placement =
  /** In the same function: the path analysis decides. */
  | { kind: 'direct'; site: ResourceSite; at: TSESTree.Node }
  /** In a promise callback that runs whatever the outcome: `.finally(cb)`, or `.then(a, b)` releasing in both. */
  | { kind: 'settled'; site: ResourceSite; at: TSESTree.CallExpression }
  /** In a promise callback that runs on one outcome only: `.then(a)`, `.catch(b)`. */
  | { kind: 'outcome'; site: ResourceSite; outcome: 'fulfils' | 'rejects' }
  /**
   * In a listener that a promise executor registers and that settles the promise (`req.on('response',
   * (res) => { clearTimeout(t); resolve(res) })`): it runs on that outcome only.
   */
  | { kind: 'event'; site: ResourceSite; handler: FunctionNode; event: TSESTree.Node }
  /** In some other function (a returned disposer, a listener, a timer): ownership is handed on. */
  | { kind: 'handedOn'; site: ResourceSite };

/** A listener a promise executor registers whose callback settles the promise. */
export interface SettlingListener {
  handler: FunctionNode;
  event: TSESTree.Node;
  target: TSESTree.Expression;
}

type Call = TSESTree.CallExpression | TSESTree.NewExpression;

/**
 * What one traversal of a file records for pairing, and the caches its
 * questions share. Its `tracker`'s listeners must be merged into the rule's
 * visitor; ask the questions at `Program:exit`.
 */
export class PairIndex {
  readonly tracker = new PathTracker();
  readonly acquires: ResourceSite[] = [];
  /** Each release, under every pair key it may match. */
  readonly releasesByKey = new Map<string, ResourceSite[]>();
  /** Each entry or listener release, under its owner key: every removal from one collection or event. */
  readonly releasesByOwner = new Map<string, ResourceSite[]>();
  /** What can throw, by code path (function): an acquire's question looks only at its own. */
  readonly throwersByPath = new Map<Position['codePath'], Position[]>();
  /** `handle = null`, `handle = undefined`: where a handle variable lets go of what it held. */
  readonly dropAssignments = new Set<TSESTree.AssignmentExpression>();
  readonly scopes: Scopes;
  /** Computed once, at the first question, after the traversal has recorded everything. */
  private acquiresByKeyOnce: Map<string, ResourceSite[]> | null = null;
  private readonly callsByFunction = new WeakMap<TSESTree.Node, Call[]>();
  readonly settlingByExecutor = new WeakMap<FunctionNode, SettlingListener[]>();

  constructor(
    readonly sourceCode: Readonly<TSESLint.SourceCode>,
    readonly services: ParserServicesWithTypeInformation,
    readonly pairs: readonly CustomPair[],
  ) {
    this.scopes = {
      declared: (node) => sourceCode.getDeclaredVariables(node),
      scopeOf: (node) => sourceCode.getScope(node),
    };
  }

  addRelease(release: ResourceSite): void {
    for (const key of releaseKeys(release)) {
      const list = this.releasesByKey.get(key);
      if (list) list.push(release);
      else this.releasesByKey.set(key, [release]);
    }
    if (release.ownerKey) {
      const list = this.releasesByOwner.get(release.ownerKey);
      if (list) list.push(release);
      else this.releasesByOwner.set(release.ownerKey, [release]);
    }
  }

  addThrower(position: Position): void {
    const list = this.throwersByPath.get(position.codePath);
    if (list) list.push(position);
    else this.throwersByPath.set(position.codePath, [position]);
  }

  acquiresByKey(): Map<string, ResourceSite[]> {
    if (!this.acquiresByKeyOnce) {
      this.acquiresByKeyOnce = new Map();
      for (const acquire of this.acquires) {
        const list = this.acquiresByKeyOnce.get(acquire.pairKey);
        if (list) list.push(acquire);
        else this.acquiresByKeyOnce.set(acquire.pairKey, [acquire]);
      }
    }
    return this.acquiresByKeyOnce;
  }

  /** The calls and `new`s in a function (or the program), collected once per function. */
  callsIn(body: TSESTree.Node): Call[] {
    let calls = this.callsByFunction.get(body);
    if (!calls) {
      const found: Call[] = [];
      walk(body, (node) => {
        if (node.type === AST_NODE_TYPES.CallExpression || node.type === AST_NODE_TYPES.NewExpression) found.push(node);
      });
      calls = found;
      this.callsByFunction.set(body, calls);
    }
    return calls;
  }
}

/** `.finally(…)`, `.then(…)`: a call whose callbacks may hold a release that runs when a promise settles. */
export function isSettlingCall(node: TSESTree.Node): boolean {
  if (node.type !== AST_NODE_TYPES.CallExpression) return false;
  const callee = skipWrappers(node.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const method = memberName(callee);
  return method === 'finally' || method === 'then';
}

/** `handle = null`, `handle = undefined`: a variable letting go of what it held. */
export function isDropAssignment(node: TSESTree.AssignmentExpression): boolean {
  const value = node.right;
  const empty =
    (value.type === AST_NODE_TYPES.Literal && value.value === null) ||
    (value.type === AST_NODE_TYPES.Identifier && value.name === 'undefined');
  return empty && node.left.type === AST_NODE_TYPES.Identifier;
}

/**
 * `new Promise((resolve, reject) => { … })` whose executor is `fn`: the executor runs
 * when the promise is made, so what it acquires is acquired there.
 */
export function promiseOfExecutor(index: PairIndex, fn: FunctionNode | null): TSESTree.NewExpression | null {
  const parent = fn?.parent;
  if (parent?.type !== AST_NODE_TYPES.NewExpression || promiseExecutor(parent) !== fn) return null;
  return index.tracker.positions.has(parent) ? parent : null;
}

/**
 * The listeners a promise executor registers (`target.on(event, cb)`, `once`, `addEventListener`)
 * whose callback calls the executor's `resolve` or `reject`: the ways the promise can settle.
 * (Narrower than `settlers.ts`'s executor model: only inline handlers, only the executor's own body.)
 */
export function settlingListeners(index: PairIndex, fn: FunctionNode): SettlingListener[] {
  const cached = index.settlingByExecutor.get(fn);
  if (cached) return cached;
  const found: SettlingListener[] = [];
  if (fn.parent.type === AST_NODE_TYPES.NewExpression && promiseExecutor(fn.parent) === fn) {
    // `resolve` and `reject`: the executor's parameters.
    const settlers = index.sourceCode
      .getDeclaredVariables(fn)
      .filter((variable) => variable.defs.some((def) => def.type === TSESLint.Scope.DefinitionType.Parameter));
    walk(
      fn.body,
      (node) => {
        if (node.type !== AST_NODE_TYPES.CallExpression || node.callee.type !== AST_NODE_TYPES.MemberExpression) return;
        const method = memberName(node.callee);
        if (!method || !(ADD_LISTENER.has(method) || ADD_ONCE_LISTENER.has(method))) return;
        const [event, handler] = node.arguments;
        if (!event || !handler || !isFunctionNode(handler)) return;
        const settles = settlers.some((variable) =>
          variable.references.some((ref) => {
            const call = ref.identifier.parent;
            return (
              call.type === AST_NODE_TYPES.CallExpression && call.callee === ref.identifier && contains(handler, call)
            );
          }),
        );
        if (settles) found.push({ handler, event, target: node.callee.object });
      },
      { intoFunctions: false },
    );
  }
  index.settlingByExecutor.set(fn, found);
  return found;
}

/**
 * Where each release of `releases` (those recorded under the acquire's pair key) that
 * pairs with `acquire` sits, `fn` being the function the acquire is placed in. A release
 * under a test that the acquire's own guards imply is not a branch.
 */
export function placementsOf(
  index: PairIndex,
  acquire: ResourceSite,
  releases: readonly ResourceSite[],
  fn: FunctionNode | null,
): Placement[] {
  const placements: Placement[] = [];
  const guards = { node: acquire.node, tests: guardTestsAround(acquire.node, fn) };
  // Releases after the acquire and inside its function: `place` finds no pair elsewhere.
  const after = startingWithin(releases, acquire.node.range[1], fn ? fn.range[1] : Infinity);
  const deadlines = fn ? releasesInEarlierDeadline(acquire, releases, fn) : [];
  for (const release of [...releasesInStoredChain(index, acquire, releases), ...deadlines, ...after]) {
    if (isRearm(index, release) || !sameBindings(index, acquire, release) || inOtherBranch(acquire.node, release.node))
      continue;
    // A release whose body sets a flag and returns holds nothing back when skipped.
    if (releasesNothing(index, release)) continue;
    const placement = place(index, release, fn, guards);
    if (placement) placements.push(placement);
  }
  return placements;
}

/**
 * The same text can name different variables: `for (const id of added) s.add(id)`
 * and `for (const id of removed) s.delete(id)` pair no entry. An entry's key,
 * when it is a plain name, must be one binding in the acquire and the release.
 */
function sameBindings(index: PairIndex, acquire: ResourceSite, release: ResourceSite): boolean {
  if (
    acquire.kind !== 'entry' ||
    acquire.node.type !== AST_NODE_TYPES.CallExpression ||
    release.node.type !== AST_NODE_TYPES.CallExpression
  ) {
    return true;
  }
  const a = acquire.node.arguments[0];
  const r = release.node.arguments[0];
  if (a?.type !== AST_NODE_TYPES.Identifier || r?.type !== AST_NODE_TYPES.Identifier) return true;
  const av = ASTUtils.findVariable(index.sourceCode.getScope(a), a.name);
  const rv = ASTUtils.findVariable(index.sourceCode.getScope(r), r.name);
  return av === rv;
}

function releasesNothing(index: PairIndex, release: ResourceSite): boolean {
  if (release.node.type !== AST_NODE_TYPES.CallExpression) return false;
  return callDoesNothing(index.services.program, index.services.esTreeNodeToTSNodeMap.get(release.node));
}

/** `clearTimeout(t); t = setTimeout(…)`: re-arming the same handle, not releasing it. */
function isRearm(index: PairIndex, release: ResourceSite): boolean {
  const statement = release.node.parent;
  if (statement?.type !== AST_NODE_TYPES.ExpressionStatement) return false;
  const holder = statement.parent;
  if (holder.type !== AST_NODE_TYPES.BlockStatement && holder.type !== AST_NODE_TYPES.Program) return false;
  const next = holder.body[holder.body.indexOf(statement) + 1];
  if (!next) return false;
  const keys = releaseKeys(release);
  return keys.some((key) =>
    startingWithin(index.acquiresByKey().get(key) ?? [], next.range[0], next.range[1]).some((acquire) =>
      contains(next, acquire.node),
    ),
  );
}

/** Where a release sits: in the acquire's function, in a promise callback of it, or handed on. */
function place(
  index: PairIndex,
  release: ResourceSite,
  fn: FunctionNode | null,
  guards: { node: TSESTree.Node; tests: readonly TSESTree.Expression[] },
): Placement | null {
  const releaseFn = enclosingFunction(release.node);
  if (releaseFn === fn) {
    return { kind: 'direct', site: release, at: guardedRelease(release, guards, index.sourceCode) };
  }
  const nested = outermostWithin(release.node, fn);
  if (!nested) return null;
  const call = nested.parent;
  if (call.type === AST_NODE_TYPES.CallExpression && call.callee.type === AST_NODE_TYPES.MemberExpression) {
    const method = memberName(call.callee);
    const position = call.arguments.findIndex((argument) => argument === nested);
    if (method === 'finally') return { kind: 'settled', site: release, at: call };
    if (method === 'then' && call.arguments.length >= 2) {
      const other = call.arguments[position === 0 ? 1 : 0];
      if (other && releasesInside(index, other, release)) return { kind: 'settled', site: release, at: call };
      return { kind: 'outcome', site: release, outcome: position === 0 ? 'fulfils' : 'rejects' };
    }
    if (method === 'then') return { kind: 'outcome', site: release, outcome: 'fulfils' };
    if (method === 'catch') return { kind: 'outcome', site: release, outcome: 'rejects' };
  }
  const outcome = fn ? settlingListeners(index, fn).find((listener) => listener.handler === nested) : undefined;
  if (outcome) return { kind: 'event', site: release, handler: outcome.handler, event: outcome.event };
  return { kind: 'handedOn', site: release };
}

/**
 * `const t = setTimeout(() => { pending.delete(id); … }, ms); pending.set(id, …)`: a
 * one-shot timer armed in the acquire's function, before it, whose callback releases.
 * The release comes first in the source, but runs when the timer fires, after the
 * acquire: the timer is the entry's deadline, and a path that leaves it armed still
 * releases (it is handed on to the timer).
 */
function releasesInEarlierDeadline(
  acquire: ResourceSite,
  releases: readonly ResourceSite[],
  fn: FunctionNode,
): ResourceSite[] {
  // `releases` are in source order: only those starting inside `fn` before the acquire are read.
  return startingWithin(releases, fn.range[0], acquire.node.range[0]).filter((release) => {
    if (release.node.range[1] > acquire.node.range[0] || !contains(fn, release.node)) return false;
    const callback = outermostWithin(release.node, fn);
    if (!callback) return false;
    const call = callback.parent;
    if (call.type !== AST_NODE_TYPES.CallExpression || call.arguments[0] !== callback) return false;
    return calleeName(skipWrappers(call.callee)) === 'setTimeout';
  });
}

/** The outermost function between `node` and `fn` (the function nested in `fn` that holds `node`). */
function outermostWithin(node: TSESTree.Node, fn: FunctionNode | null): FunctionNode | null {
  let nested = enclosingFunction(node);
  while (nested && enclosingFunction(nested) !== fn) nested = enclosingFunction(nested);
  return nested;
}

/**
 * `const query = load(id).then((r) => { pending.delete(id); … }); pending.set(id, query)`:
 * the entry's value is a promise chain, made just before, whose reaction releases it. The
 * release comes first in the source, but runs when the stored promise settles.
 */
function releasesInStoredChain(
  index: PairIndex,
  acquire: ResourceSite,
  releases: readonly ResourceSite[],
): ResourceSite[] {
  if (acquire.kind !== 'entry' || acquire.node.type !== AST_NODE_TYPES.CallExpression) return [];
  const value = acquire.node.arguments[1];
  if (value?.type !== AST_NODE_TYPES.Identifier) return [];
  const def = ASTUtils.findVariable(index.sourceCode.getScope(value), value.name)?.defs[0];
  if (def?.type !== TSESLint.Scope.DefinitionType.Variable || def.parent.kind !== 'const') return [];
  const init = def.node.init;
  if (!init || init.range[1] > acquire.node.range[0]) return [];
  if (enclosingFunction(init) !== enclosingFunction(acquire.node)) return [];
  return startingWithin(releases, init.range[0], init.range[1]);
}

function releasesInside(index: PairIndex, node: TSESTree.Node, release: ResourceSite): boolean {
  const keys = releaseKeys(release);
  return keys.some((key) =>
    startingWithin(index.releasesByKey.get(key) ?? [], node.range[0], node.range[1]).some(
      (other) => other !== release && contains(node, other.node),
    ),
  );
}
