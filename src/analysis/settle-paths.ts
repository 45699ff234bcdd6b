/**
 * Paths on which a promise is never settled, on ESLint's code path analysis:
 * through its executor, through a node-style callback or a dropped
 * `.then(…).catch(h)` chain that is the one route to settling, through the
 * `catch` of a one-shot listener, and past an `await` of an async executor.
 * The traversal records (`recordExecutor`) which nodes of each executor the
 * `PathTracker` must place; the questions are asked at the end of the file.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import ts from 'typescript';
import {
  calleeName,
  contains,
  enclosingFunction,
  isFunctionNode,
  isResolveOnlyPromise,
  jumpsFrom,
  memberName,
  skipWrappers,
  walk,
  type FunctionNode,
} from './ast.js';
import type { EmitterContext } from './emitters.js';
import type { Leak, PathTracker, Position } from './paths.js';
import { isOneShotListener, isPipeCall } from './settle-events.js';
import { evaluationCannotThrow } from './throws.js';
import type { ExecutorModel, ListenerSite, SettleSite, SettlingCallback } from './settlers.js';
import { PROMISE_REACTIONS } from './vocabulary.js';

/** A promise chain whose failure handler is an inline function. */
export interface PromiseChain {
  /** The outermost call, whose result is dropped. */
  call: TSESTree.CallExpression;
  /** The `.then()` whose first callback is the success route. */
  then: TSESTree.CallExpression;
  /** The failure route: `.catch(handler)` or `.then(…, handler)`. */
  handler: FunctionNode;
}

/** What the traversal records about the file's executors. */
export interface ExecutorRecords {
  /** Nodes whose code path position the checks need. */
  toMark: Set<TSESTree.Node>;
  /**
   * Settling calls whose arguments read or call something (`resolve(JSON.parse(body))`),
   * placed again when ESLint leaves them: the promise settles only once the arguments are
   * evaluated, and ESLint forks into a `catch` from the first such node among them.
   */
  atExit: Set<TSESTree.Node>;
  /** Where ESLint left each of `atExit` (`PathTracker.positions` keeps where it entered). */
  exitPositions: Map<TSESTree.Node, Position>;
  /** The `return`s and `throw`s in executors, placed as jumps. */
  jumps: Set<TSESTree.Node>;
  /** Calls and switches in executors, by the function they are in: asked about only when a path leaks. */
  extras: Map<FunctionNode, TSESTree.Node[]>;
  inExtras: Set<TSESTree.Node>;
  /** The `await`s of an async executor outside any `try` with a `catch` in it. */
  asyncAwaits: Map<FunctionNode, TSESTree.AwaitExpression[]>;
  /** Dropped `p.then(…).catch(h)` / `p.then(…, h)` chains in each executor. */
  chains: Map<FunctionNode, PromiseChain[]>;
  /** `src.pipe(dest)` calls in each executor. */
  pipes: Map<FunctionNode, TSESTree.CallExpression[]>;
  /** The `catch` clauses in each function nested in an executor. */
  catches: Map<FunctionNode, TSESTree.CatchClause[]>;
}

/** Empty records, for one file's traversal. */
export function executorRecords(): ExecutorRecords {
  return {
    toMark: new Set(),
    atExit: new Set(),
    exitPositions: new Map(),
    jumps: new Set(),
    extras: new Map(),
    inExtras: new Set(),
    asyncAwaits: new Map(),
    chains: new Map(),
    pipes: new Map(),
    catches: new Map(),
  };
}

/** What the path questions need: the emitter context, the placed positions and the records. */
export interface SettleContext extends EmitterContext {
  tracker: PathTracker;
  records: ExecutorRecords;
}

/** Records what the checks of an executor that settles somewhere will ask about. */
export function recordExecutor(records: ExecutorRecords, model: ExecutorModel): void {
  const { toMark, atExit, jumps, extras, inExtras, asyncAwaits, chains, pipes, catches } = records;
  const executor = model.executor;
  toMark.add(executor);
  if (executor.async) {
    const awaits = unguardedAwaits(executor);
    for (const node of awaits) toMark.add(node);
    asyncAwaits.set(executor, awaits);
  }
  for (const site of model.sites) {
    toMark.add(site.node);
    if (site.kind === 'settle' && site.node.type === AST_NODE_TYPES.CallExpression && runsBeforeSettling(site.node))
      atExit.add(site.node);
  }
  for (const callback of model.callbacks) toMark.add(callback.fn);
  walk(executor.body, (child) => {
    if (child.type === AST_NODE_TYPES.ReturnStatement || child.type === AST_NODE_TYPES.ThrowStatement) jumps.add(child);
    // A nested executor's body is walked again for its own promise: record each node once.
    if (
      (child.type === AST_NODE_TYPES.CallExpression || child.type === AST_NODE_TYPES.SwitchStatement) &&
      !inExtras.has(child)
    ) {
      inExtras.add(child);
      toMark.add(child);
      const fn = enclosingFunction(child);
      if (fn) {
        const list = extras.get(fn);
        if (list) list.push(child);
        else extras.set(fn, [child]);
      }
    }
    // A `try` with a `catch`: the place that stands for a hand-off nothing in its block can skip.
    if (child.type === AST_NODE_TYPES.TryStatement && child.handler) toMark.add(child);
    if (child.type === AST_NODE_TYPES.CatchClause && !toMark.has(child.body)) {
      toMark.add(child.body);
      const fn = enclosingFunction(child);
      if (fn) {
        const list = catches.get(fn);
        if (list) list.push(child);
        else catches.set(fn, [child]);
      }
    }
    if (child.type === AST_NODE_TYPES.CallExpression && isPipeCall(child)) {
      const list = pipes.get(executor);
      if (list) list.push(child);
      else pipes.set(executor, [child]);
    }
    const chain = child.type === AST_NODE_TYPES.CallExpression ? droppedChain(child) : null;
    if (chain) {
      toMark.add(chain.handler);
      const list = chains.get(executor);
      if (list) list.push(chain);
      else chains.set(executor, [chain]);
    }
  });
}

/**
 * Does something in the arguments of a settling call run before it that a path may stop at:
 * an `await`, or, in a `try` block with a `catch`, a node after which ESLint may fork into
 * the `catch` (a call, a member read, a `new`, a `yield`)? Without such a node the first one
 * is the settling call itself, and ESLint forks when it leaves it: a path that a settler's
 * own throw would take, which never happens. Elsewhere (a `catch` before a `finally`) the
 * forks stand for throws of the handler's own bookkeeping, not of work that fails.
 */
function runsBeforeSettling(call: TSESTree.CallExpression): boolean {
  const fn = enclosingFunction(call);
  let awaits = false as boolean;
  let forks = false as boolean;
  for (const argument of call.arguments) {
    // What a function written in the arguments holds runs later, if at all: not entered.
    if (isFunctionNode(argument)) continue;
    walk(
      argument,
      (node) => {
        if (node.type === AST_NODE_TYPES.AwaitExpression) awaits = true;
        forks ||=
          node.type === AST_NODE_TYPES.CallExpression ||
          node.type === AST_NODE_TYPES.MemberExpression ||
          node.type === AST_NODE_TYPES.NewExpression ||
          node.type === AST_NODE_TYPES.YieldExpression;
      },
      { intoFunctions: false },
    );
  }
  return awaits || (forks && inTryBlock(call, fn));
}

/** Is `node` inside the block of a `try` that has a `catch`, within `fn`? */
function inTryBlock(node: TSESTree.Node, fn: FunctionNode | null): boolean {
  let child: TSESTree.Node = node;
  for (let p = node.parent; p && p !== fn; child = p, p = p.parent) {
    if (p.type === AST_NODE_TYPES.TryStatement && p.block === child && p.handler) return true;
  }
  return false;
}

/** The model's sites, by the function whose code path they are on. */
export function sitesByFunction(model: ExecutorModel): Map<FunctionNode, SettleSite[]> {
  const byFunction = new Map<FunctionNode, SettleSite[]>();
  for (const site of model.sites) {
    const list = byFunction.get(site.fn);
    if (list) list.push(site);
    else byFunction.set(site.fn, [site]);
  }
  return byFunction;
}

/**
 * A path through the executor that reaches its end, or a `return`, without
 * passing one of its own sites. In an async executor a `throw` rejects only the
 * executor's own promise: it ends such a path too.
 */
export function executorLeak(context: SettleContext, model: ExecutorModel, sites: readonly SettleSite[]): Leak | null {
  return leakIn(context, model.executor, sites, null, model.executor.async);
}

/**
 * Something settles the promise whatever its events and callbacks do: a timer
 * armed in the executor that settles (a deadline), or a settling `abort`
 * listener (an `AbortSignal.timeout`, a caller's cancellation).
 */
export function settlesWhateverHappens(model: ExecutorModel): boolean {
  if (model.sites.some((site) => site.fn === model.executor && isTimerHandoff(site))) return true;
  return model.listeners.some((listener) => listener.settles && listener.event === 'abort');
}

/** `setTimeout(settle, ms)` or `setTimeout(() => reject(…), ms)`. */
function isTimerHandoff(site: SettleSite): boolean {
  const call = site.node.type === AST_NODE_TYPES.CallExpression ? site.node : site.node.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression) return false;
  const first = call.arguments[0];
  return (
    calleeName(call.callee) === 'setTimeout' &&
    first !== undefined &&
    (site.node === call || contains(first, site.node))
  );
}

/**
 * A normal path from the function's entry to its end through none of the
 * sites, or null. With `throws`, also an explicit `throw` reached that way.
 */
function leakIn(
  context: SettleContext,
  fn: FunctionNode,
  sites: readonly SettleSite[],
  rethrown: string | null = null,
  throwsLeak = false,
  from: TSESTree.Node = fn,
): Leak | null {
  const { tracker, records } = context;
  const counts = (leak: Leak | null): leak is Leak =>
    leak !== null &&
    (leak.end === 'normal' ||
      (throwsLeak && leak.jump?.type === AST_NODE_TYPES.ThrowStatement) ||
      (rethrown !== null && throwsError(leak.jump, rethrown)));
  const start = tracker.positions.get(from);
  if (!start) return null;
  const releases: Position[] = [];
  for (const site of sites) {
    // A settling call settles once its arguments have run: where ESLint left it.
    const position = records.exitPositions.get(site.node) ?? tracker.positions.get(site.node);
    // A site the traversal did not place: do not guess.
    if (!position) return null;
    releases.push(position);
  }
  let leak = tracker.findLeak(start, releases);
  if (!counts(leak)) return null;
  /** Ask again with some sites placed elsewhere; false when no path leaks then. */
  const movedAway = (moved: readonly Position[]): boolean => {
    if (moved.every((position, i) => position === releases[i])) return false;
    leak = tracker.findLeak(start, moved);
    if (!counts(leak)) return true;
    releases.splice(0, releases.length, ...moved);
    return false;
  };
  // Arguments that cannot throw (`reject(new Error(String(e)))`): the call settles wherever it
  // is entered. Asked of the checker only now, when a path has leaked.
  const entered = sites.map((site, i) => {
    const placed = releases[i] as Position;
    if (!records.exitPositions.has(site.node) || site.node.type !== AST_NODE_TYPES.CallExpression) return placed;
    if (!site.node.arguments.every((argument) => evaluationCannotThrow(argument, context.services))) return placed;
    return tracker.positions.get(site.node) ?? placed;
  });
  if (movedAway(entered)) return null;
  // ESLint enters a `catch` at the first read or call of its `try` block, however harmless: a
  // hand-off that nothing before it in the block can throw or jump past stands at the `try`.
  const anchored = sites.map((site, i) => {
    const anchor = handoffAnchor(context, site.node, fn);
    return anchor ? tracker.positions.get(anchor) : releases[i];
  });
  if (anchored.every((position) => position !== undefined) && movedAway(anchored)) return null;
  // Calls that never return (`process.exit()`, a `never` helper) and exhaustive
  // `switch`es end or cover the path: ask the types only now.
  const stops = (records.extras.get(fn) ?? [])
    .filter((node) => endsPath(context, node))
    .flatMap((node) => {
      const position = tracker.positions.get(node);
      return position ? [position] : [];
    });
  if (stops.length === 0) return leak;
  const again = tracker.findLeak(start, [...releases, ...stops]);
  return counts(again) ? again : null;
}

/**
 * The `try` (with a `catch`) of `fn` whose block runs `site` whenever it is entered: the
 * site's statement is one of the block's own, the site is reached in it without a branch
 * (an argument of a call, a property or element of a literal, an initializer), and nothing
 * evaluated before it there (earlier statements, the callee and earlier arguments) can
 * throw or jump. A throw in that block then comes after the site, on the path ESLint takes
 * from the block's end into the `catch`.
 */
function handoffAnchor(context: SettleContext, site: TSESTree.Node, fn: FunctionNode): TSESTree.TryStatement | null {
  const { services } = context;
  // A settling call settles once its own callee and arguments are evaluated.
  const before: TSESTree.Node[] = site.type === AST_NODE_TYPES.CallExpression ? [site.callee, ...site.arguments] : [];
  let child: TSESTree.Node = site;
  for (let node = site.parent; node && node !== fn; child = node, node = node.parent) {
    switch (node.type) {
      case AST_NODE_TYPES.CallExpression:
      case AST_NODE_TYPES.NewExpression: {
        if (node.type === AST_NODE_TYPES.CallExpression && node.optional) return null;
        const index = (node.arguments as TSESTree.Node[]).indexOf(child);
        if (index < 0) return null;
        before.push(node.callee, ...node.arguments.slice(0, index));
        break;
      }
      case AST_NODE_TYPES.Property:
        if (node.value !== child || node.computed) return null;
        break;
      case AST_NODE_TYPES.ObjectExpression:
        before.push(...node.properties.slice(0, (node.properties as TSESTree.Node[]).indexOf(child)));
        break;
      case AST_NODE_TYPES.ArrayExpression:
        before.push(
          ...node.elements.slice(0, (node.elements as (TSESTree.Node | null)[]).indexOf(child)).flatMap((e) => e ?? []),
        );
        break;
      case AST_NODE_TYPES.VariableDeclarator:
        if (node.init !== child) return null;
        break;
      case AST_NODE_TYPES.VariableDeclaration:
        before.push(...node.declarations.slice(0, (node.declarations as TSESTree.Node[]).indexOf(child)));
        break;
      case AST_NODE_TYPES.ExpressionStatement:
        break;
      case AST_NODE_TYPES.BlockStatement: {
        const statement = node.parent;
        if (statement.type !== AST_NODE_TYPES.TryStatement || statement.block !== node || !statement.handler)
          return null;
        before.push(...node.body.slice(0, (node.body as TSESTree.Node[]).indexOf(child)));
        if (before.some((n) => jumpsFrom(n, fn)) || !before.every((n) => evaluationCannotThrow(n, services)))
          return null;
        return statement;
      }
      default:
        return null;
    }
  }
  return null;
}

/** The first unguarded `await` of an async executor that a path reaches before settling, if any. */
export function awaitBeforeSettling(
  { tracker, records }: SettleContext,
  executor: FunctionNode,
  sites: readonly SettleSite[],
): TSESTree.AwaitExpression | null {
  const awaits = records.asyncAwaits.get(executor) ?? [];
  const start = tracker.positions.get(executor);
  if (!start || awaits.length === 0) return null;
  const releases: Position[] = [];
  for (const site of sites) {
    // An await among a settling call's arguments comes before it settles.
    const position = records.exitPositions.get(site.node) ?? tracker.positions.get(site.node);
    if (!position) return null;
    releases.push(position);
  }
  const byPosition = new Map<Position, TSESTree.AwaitExpression>();
  for (const node of awaits) {
    const position = tracker.positions.get(node);
    if (position) byPosition.set(position, node);
  }
  const reached = tracker.between(start, releases, [...byPosition.keys()]);
  const first = reached
    .map((position) => byPosition.get(position))
    .filter((node): node is TSESTree.AwaitExpression => node !== undefined)
    .sort((a, b) => a.range[0] - b.range[0])[0];
  return first ?? null;
}

/**
 * `throw err` (or `throw new Error(err.message)`): the callback's own error
 * escaping. Other throws in a callback are assertions (`done() called twice`)
 * that run after the promise has settled.
 */
function throwsError(jump: TSESTree.Node | null, error: string): boolean {
  if (jump?.type !== AST_NODE_TYPES.ThrowStatement) return false;
  let found = false;
  walk(jump.argument, (node) => {
    if (node.type === AST_NODE_TYPES.Identifier && node.name === error) found = true;
  });
  return found;
}

/** A call typed `never`, or a `switch` with no `default` whose cases cover every literal of its discriminant. */
function endsPath({ services, checker }: SettleContext, node: TSESTree.Node): boolean {
  if (node.type === AST_NODE_TYPES.CallExpression) {
    return (services.getTypeAtLocation(node).flags & ts.TypeFlags.Never) !== 0;
  }
  if (node.type !== AST_NODE_TYPES.SwitchStatement || node.cases.some((c) => c.test === null)) return false;
  const discriminant = checker.getNonNullableType(services.getTypeAtLocation(node.discriminant));
  const parts = discriminant.isUnion() ? discriminant.types : [discriminant];
  if (!parts.every((part) => part.isLiteral() || (part.flags & ts.TypeFlags.BooleanLiteral) !== 0)) return false;
  const covered = new Set(node.cases.flatMap((c) => (c.test ? [services.getTypeAtLocation(c.test)] : [])));
  return parts.every((part) => covered.has(part));
}

/**
 * A path through a node-style callback that returns without settling, when
 * the callback is the one route to settling: no other argument of its call
 * settles, no listener elsewhere in the executor does, and nothing after the
 * call does on every path. A `throw` of the callback's own error counts (it
 * escapes to whoever called back, not to the promise).
 */
export function callbackLeak(
  context: SettleContext,
  model: ExecutorModel,
  callback: SettlingCallback,
  byFunction: ReadonlyMap<FunctionNode, SettleSite[]>,
): Leak | null {
  const { tracker } = context;
  // Another argument of the same call settles too (`db.each(sql, onRow, onDone)`): not the only route.
  if (callback.call.arguments.some((arg) => arg !== callback.fn && isSettling(model, arg))) return null;
  // A listener elsewhere in the executor settles too: the error branch may be routed there
  // (a reconnect that ends in 'close', say), so the callback is not the only route.
  if (model.sites.some((site) => site.kind === 'listen' && !contains(callback.fn, site.node))) return null;
  // Something after the call settles on every path: the callback is not the only route.
  const callPosition = tracker.positions.get(callback.call);
  if (!callPosition) return null;
  const others = (byFunction.get(callback.outer) ?? []).filter((site) => site.node !== callback.call);
  const otherPositions = others.flatMap((site) => {
    const position = tracker.positions.get(site.node);
    return position ? [position] : [];
  });
  if (tracker.findLeak(callPosition, otherPositions)?.end !== 'normal') return null;
  if (!looksLikeError(context, callback.error)) return null;
  // A `throw` in a callback does not reject the promise: it escapes to whoever called back.
  return leakIn(context, callback.fn, byFunction.get(callback.fn) ?? [], callback.error.name);
}

/**
 * `p.then(settle).catch(handler)` whose result is dropped: when `p` (or `settle`)
 * fails, only `handler` runs, and a handler that logs and ends leaves the promise
 * pending. A path through the handler that does so, when the chain is the one
 * route to settling (like a callback) and hangs off a promise.
 */
export function chainLeak(
  context: SettleContext,
  model: ExecutorModel,
  chain: PromiseChain,
  byFunction: ReadonlyMap<FunctionNode, SettleSite[]>,
): Leak | null {
  const { tracker, services } = context;
  const success = chain.then.arguments[0];
  if (!success || !isSettling(model, skipWrappers(success as TSESTree.Expression))) return null;
  // A listener elsewhere in the executor settles too: not the only route.
  if (model.sites.some((site) => site.kind === 'listen' && !contains(chain.call, site.node))) return null;
  // Something after the chain settles on every path: not the only route.
  const outer = enclosingFunction(chain.call);
  const callPosition = tracker.positions.get(chain.call);
  if (!outer || !callPosition) return null;
  const others = (byFunction.get(outer) ?? []).flatMap((site) => {
    const position = contains(chain.call, site.node) ? undefined : tracker.positions.get(site.node);
    return position ? [position] : [];
  });
  if (tracker.findLeak(callPosition, others)?.end !== 'normal') return null;
  const leak = leakIn(context, chain.handler, byFunction.get(chain.handler) ?? []);
  if (!leak) return null;
  // Only now ask the types: the chain hangs off a promise.
  const callee = chain.then.callee as TSESTree.MemberExpression;
  if (!services.getTypeAtLocation(callee.object).getProperty('then')) return null;
  return leak;
}

/** A `catch` in a listener's handler that swallows the failure of the settling `try`. */
export interface SwallowedFailure {
  /** The handler. */
  fn: FunctionNode;
  clause: TSESTree.CatchClause;
  /** The path from the `catch` that ends without settling. */
  leak: Leak;
}

/**
 * A listener for an event that comes once (`end`, `load`, a `once()`
 * registration) that settles in a `try` and whose `catch` swallows the
 * failure: after the catch nothing else will call it, and the promise stays
 * pending. Repeated events (`data`, `message`) may settle on a later call.
 * The first such `catch`, when no other listener settles on an event that can
 * still come.
 */
export function swallowedFailure(
  context: SettleContext,
  model: ExecutorModel,
  listener: ListenerSite,
  byFunction: ReadonlyMap<FunctionNode, SettleSite[]>,
): SwallowedFailure | null {
  if (!listener.settles) return null;
  const fn = skipWrappers(listener.handler as TSESTree.Expression);
  if (!isFunctionNode(fn)) return null;
  const clauses = context.records.catches.get(fn);
  if (!clauses) return null;
  // Another listener settles on an event that can still come (a `close` after the `end`): not the only route.
  if (model.listeners.some((other) => other !== listener && other.settles && other.event !== 'error')) return null;
  const sites = byFunction.get(fn) ?? [];
  for (const clause of clauses) {
    const block = clause.parent.block;
    // The `try` settles itself: the failure caught is that of the settling computation.
    if (!sites.some((site) => site.kind === 'settle' && contains(block, site.node))) continue;
    const leak = leakIn(context, fn, sites, null, false, clause.body);
    if (!leak || !isOneShotListener(context, listener)) continue;
    return { fn, clause, leak };
  }
  return null;
}

function isSettling(model: ExecutorModel, node: TSESTree.Node): boolean {
  if (isFunctionNode(node)) return model.sites.some((site) => site.fn === node);
  return model.sites.some((site) => site.node === node);
}

/** The error parameter is typed like one (or not typed at all): `Error | null`, `any`, `unknown`. */
function looksLikeError({ services, checker }: SettleContext, parameter: TSESTree.Identifier): boolean {
  const type = services.getTypeAtLocation(parameter);
  if (type.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) return true;
  const nonNull = checker.getNonNullableType(type);
  if (nonNull.flags & ts.TypeFlags.Never) return true;
  const parts = nonNull.isUnion() ? nonNull.types : [nonNull];
  return parts.every((part) => part.getProperty('message') !== undefined);
}

/** `p.then(a).catch(h)` or `p.then(a, h)` as a statement of its own, with `h` inline. */
function droppedChain(call: TSESTree.CallExpression): PromiseChain | null {
  const parent =
    call.parent.type === AST_NODE_TYPES.UnaryExpression && call.parent.operator === 'void'
      ? call.parent.parent
      : call.parent;
  if (parent.type !== AST_NODE_TYPES.ExpressionStatement) return null;
  const callee = skipWrappers(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return null;
  const name = memberName(callee);
  if (name === null || !PROMISE_REACTIONS.has(name)) return null;
  let then: TSESTree.CallExpression;
  let handler: TSESTree.Node | undefined;
  if (name === 'catch') {
    const inner = skipWrappers(callee.object);
    if (inner.type !== AST_NODE_TYPES.CallExpression || inner.arguments.length !== 1) return null;
    const innerCallee = skipWrappers(inner.callee);
    if (innerCallee.type !== AST_NODE_TYPES.MemberExpression || memberName(innerCallee) !== 'then') return null;
    then = inner;
    handler = call.arguments[0];
  } else if (name === 'then' && call.arguments.length === 2) {
    then = call;
    handler = call.arguments[1];
  } else {
    return null;
  }
  return handler && isFunctionNode(handler) ? { call, then, handler } : null;
}

/** `await`s in an async executor's own body (not in nested functions) that no enclosing `try … catch` of it catches. */
function unguardedAwaits(executor: FunctionNode): TSESTree.AwaitExpression[] {
  const found: TSESTree.AwaitExpression[] = [];
  walk(
    executor.body,
    (node) => {
      if (node.type !== AST_NODE_TYPES.AwaitExpression) return;
      if (cannotReject(node.argument)) return;
      let child: TSESTree.Node = node;
      for (let p: TSESTree.Node | undefined = node.parent; p && p !== executor; child = p, p = p.parent) {
        if (p.type === AST_NODE_TYPES.TryStatement && p.block === child && p.handler) return;
      }
      found.push(node);
    },
    { intoFunctions: false },
  );
  return found;
}

/**
 * An awaited value that cannot reject: `new Promise((resolve) => …)` with no
 * `reject`, or a chain that ends in `.catch(…)` (its handler decides).
 */
function cannotReject(argument: TSESTree.Expression): boolean {
  const node = skipWrappers(argument);
  if (node.type === AST_NODE_TYPES.NewExpression) return isResolveOnlyPromise(node);
  return (
    node.type === AST_NODE_TYPES.CallExpression &&
    node.callee.type === AST_NODE_TYPES.MemberExpression &&
    memberName(node.callee) === 'catch'
  );
}
