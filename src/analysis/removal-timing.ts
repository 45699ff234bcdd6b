/**
 * When a listener's removal runs: only when the target's own event fires (in
 * one of the target's listeners, or a local helper only they call), and
 * whether the call that added the listener can end before that event fires,
 * leaving it behind: the promise the call waits in is settled by another
 * callback that runs no removal, or a loop adds a fresh handler on every pass.
 */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import {
  calleeName,
  contains,
  isFunctionNode,
  isLoop,
  runsInPlace,
  skipWrappers,
  startingWithinBy,
  walk,
  type FunctionNode,
} from './ast.js';
import type { Scopes } from './lifetime.js';
import { targetKey, type ListenerFile, type ListenerIndex } from './listener-removals.js';
import {
  handlerVariable,
  listenerAddAt,
  bindingVariables,
  localBinding,
  type ListenerAdd,
  type ListenerRemoval,
  type TargetLifetime,
} from './listeners.js';
import { promiseExecutor } from './settlers.js';

/** How many local helpers deep a call is followed (`cleanup()` called by `finish()` called by a listener). */
const MAX_HELPER_DEPTH = 3;

/** How the call that added a listener can end before its event fires. */
export type EarlierEnd =
  /** The loop that adds a fresh handler on every pass can go on to its next pass. */
  | { kind: 'nextPass' }
  /** A listener for `event` on `target` (another target, or another event's) can settle the promise. */
  | { kind: 'listener'; event: TSESTree.Node; target: TSESTree.Node }
  /** Another callback, handed to the call named `callee` (null: not a named call), can settle the promise. */
  | { kind: 'callback'; callee: string | null };

/** The functions registered as listeners on the add's target within `fn`: they run only when its events fire. */
export function listenerFunctions(
  add: ListenerAdd,
  fn: FunctionNode,
  index: ListenerIndex,
  file: ListenerFile,
): Set<FunctionNode> {
  const found = new Set<FunctionNode>();
  // Registrations are kept in source order: only those starting inside `fn` are read.
  const onTarget = index.registrations.get(targetKey(add.receiver, file.sourceCode)) ?? [];
  for (const other of startingWithinBy(onTarget, fn.range[0], fn.range[1], (registration) => registration.call)) {
    if (!contains(fn, other.call)) continue;
    const handler = functionOf(other.handler, file.scopes);
    if (handler) found.add(handler);
  }
  return found;
}

/** The function an expression names or is: an inline function, or a local `const f = () => …`/`function f`. */
function functionOf(node: TSESTree.Node, scopes: Scopes): FunctionNode | null {
  if (isFunctionNode(node)) return node;
  if (node.type !== AST_NODE_TYPES.Identifier) return null;
  const def = handlerVariable(node, scopes)?.defs[0];
  if (!def) return null;
  if (def.node.type === AST_NODE_TYPES.FunctionDeclaration) return def.node;
  if (def.node.type === AST_NODE_TYPES.VariableDeclarator && def.node.init) {
    const init = skipWrappers(def.node.init);
    return isFunctionNode(init) ? init : null;
  }
  return null;
}

/**
 * The uses of a function kept in a local binding (`const cleanup = () => …`,
 * `function finish() {…}`), or null when it is not kept in one.
 */
function localUses(inner: FunctionNode, scopes: Scopes): TSESTree.Identifier[] | null {
  const binding = localBinding(inner);
  if (!binding) return null;
  const uses: TSESTree.Identifier[] = [];
  for (const variable of bindingVariables(binding, scopes)) {
    for (const ref of variable.references) {
      if (!ref.init) uses.push(ref.identifier as TSESTree.Identifier);
    }
  }
  return uses;
}

/**
 * Does `node` run only when a listener of the target runs: inside one of
 * `listening`, or in a local helper that is only called from such places
 * (`const cleanup = () => { … }` called by each listener)?
 */
export function runsOnlyOnEvent(
  node: TSESTree.Node,
  fn: FunctionNode,
  listening: ReadonlySet<FunctionNode>,
  scopes: Scopes,
  depth = 0,
): boolean {
  for (let p: TSESTree.Node | undefined = node.parent; p && p !== fn; p = p.parent) {
    if (!isFunctionNode(p)) continue;
    if (listening.has(p)) return true;
    if (runsInPlace(p)) continue;
    const uses = depth < MAX_HELPER_DEPTH ? localUses(p, scopes) : null;
    return (
      uses !== null &&
      uses.length > 0 &&
      uses.every(
        (use) =>
          use.parent.type === AST_NODE_TYPES.CallExpression &&
          use.parent.callee === use &&
          runsOnlyOnEvent(use.parent, fn, listening, scopes, depth + 1),
      )
    );
  }
  return false;
}

/**
 * Where the call can end before the add's event fires, leaving the
 * listener behind: the promise it sits in is settled by another callback
 * that runs no removal (`setTimeout(resolve, ms)`), or, for the caller's
 * signal, a loop adds a fresh handler on every pass. Null when the call
 * ends only through the event.
 */
export function endsFirst(
  add: ListenerAdd,
  fn: FunctionNode,
  lifetime: TargetLifetime,
  removed: readonly ListenerRemoval[],
  listening: ReadonlySet<FunctionNode>,
  file: ListenerFile,
): EarlierEnd | null {
  let child: TSESTree.Node = add.call;
  for (let p: TSESTree.Node | undefined = add.call.parent; p && p !== fn; child = p, p = p.parent) {
    if (isFunctionNode(p)) {
      const executor = promiseOf(p, file.scopes);
      if (!executor) return null;
      return settledElsewhere(add, executor, removed, listening, file);
    }
    if (
      lifetime.kind === 'parameter' &&
      isLoop(p) &&
      p.body === child &&
      freshPerPass(add, p.body, file.scopes) &&
      passCanRepeat(p.body)
    )
      return { kind: 'nextPass' };
  }
  return null;
}

/** `new Promise((resolve, reject) => …)`: the executor and its settlers' variables. */
function promiseOf(executor: FunctionNode, scopes: Scopes): TSESLint.Scope.Variable[] | null {
  const parent = executor.parent;
  if (parent.type !== AST_NODE_TYPES.NewExpression || promiseExecutor(parent) !== executor) return null;
  const names = executor.params
    .slice(0, 2)
    .flatMap((param) => (param.type === AST_NODE_TYPES.Identifier ? [param.name] : []));
  return scopes.declared(executor).filter((variable) => names.includes(variable.name));
}

/** The first place the promise is settled later, by something other than the target's listeners, without a removal. */
function settledElsewhere(
  add: ListenerAdd,
  settlers: readonly TSESLint.Scope.Variable[],
  removed: readonly ListenerRemoval[],
  listening: ReadonlySet<FunctionNode>,
  file: ListenerFile,
): EarlierEnd | null {
  const executor = settlers[0]?.defs[0]?.node;
  if (!executor || !isFunctionNode(executor)) return null;
  for (const settler of settlers) {
    for (const ref of settler.references) {
      if (ref.init || !ref.isRead()) continue;
      if (ref.identifier.type !== AST_NODE_TYPES.Identifier) continue;
      const found = settlesWithoutRemoval(add, ref.identifier, executor, removed, listening, file, 0);
      if (found !== null) return found;
    }
  }
  return null;
}

/**
 * Does the settler (or a local helper using it) at `site` settle the
 * promise later, from a callback that is not a listener of the target and
 * runs no removal of the handler? Called in the executor's own code it
 * settles now, before anything could be left behind.
 */
function settlesWithoutRemoval(
  add: ListenerAdd,
  site: TSESTree.Identifier,
  executor: FunctionNode,
  removed: readonly ListenerRemoval[],
  listening: ReadonlySet<FunctionNode>,
  file: ListenerFile,
  depth: number,
): EarlierEnd | null {
  let inner: FunctionNode | null = null;
  for (let p: TSESTree.Node | undefined = site.parent; p && p !== executor; p = p.parent) {
    if (isFunctionNode(p) && !runsInPlace(p)) {
      inner = p;
      break;
    }
  }
  if (inner === null) {
    const call = site.parent;
    return call.type === AST_NODE_TYPES.CallExpression && call.arguments.includes(site)
      ? handedTo(add, call, file.sourceCode)
      : null;
  }
  if (listening.has(inner) || reachesRemoval(inner, removed, file.scopes, 0)) return null;
  const parent = inner.parent;
  if (parent.type === AST_NODE_TYPES.CallExpression && parent.arguments.some((argument) => argument === inner))
    return handedTo(add, parent, file.sourceCode);
  const uses = depth < MAX_HELPER_DEPTH ? localUses(inner, file.scopes) : null;
  for (const use of uses ?? []) {
    const found = settlesWithoutRemoval(add, use, executor, removed, listening, file, depth + 1);
    if (found !== null) return found;
  }
  return null;
}

/** Does `inner` run a removal of the handler, itself or through a local helper it calls? */
function reachesRemoval(
  inner: FunctionNode,
  removed: readonly ListenerRemoval[],
  scopes: Scopes,
  depth: number,
): boolean {
  if (removed.some((removal) => contains(inner, removal.call))) return true;
  if (depth >= MAX_HELPER_DEPTH) return false;
  let reaches = false;
  walk(inner.body, (node) => {
    if (reaches || node.type !== AST_NODE_TYPES.CallExpression) return;
    const helper = functionOf(skipWrappers(node.callee), scopes);
    if (helper && helper !== inner && reachesRemoval(helper, removed, scopes, depth + 1)) reaches = true;
  });
  return reaches;
}

/** What a settler handed to `call` waits for: null for another listener of the same target. */
function handedTo(
  add: ListenerAdd,
  call: TSESTree.CallExpression,
  sourceCode: Readonly<TSESLint.SourceCode>,
): EarlierEnd | null {
  const registration = listenerAddAt(call, true);
  if (registration) {
    if (targetKey(registration.receiver, sourceCode) === targetKey(add.receiver, sourceCode)) return null;
    return { kind: 'listener', event: registration.event, target: registration.receiver ?? call.callee };
  }
  return { kind: 'callback', callee: calleeName(skipWrappers(call.callee)) };
}

/** The handler is made afresh in the loop body: every pass adds a different function. */
function freshPerPass(add: ListenerAdd, body: TSESTree.Statement, scopes: Scopes): boolean {
  if (isFunctionNode(add.handler)) return true;
  const declared = handlerVariable(add.handler, scopes)?.defs[0]?.node;
  return declared !== undefined && contains(body, declared);
}

/**
 * Can a pass of the loop end without leaving it: the body has a `continue`,
 * or its last statement is not a `return` or `throw`?
 */
function passCanRepeat(body: TSESTree.Statement): boolean {
  const continues: TSESTree.Node[] = [];
  walk(
    body,
    (node) => {
      if (node.type === AST_NODE_TYPES.ContinueStatement) continues.push(node);
    },
    { intoFunctions: false },
  );
  if (continues.length > 0) return true;
  const last = body.type === AST_NODE_TYPES.BlockStatement ? body.body.at(-1) : body;
  return last?.type !== AST_NODE_TYPES.ReturnStatement && last?.type !== AST_NODE_TYPES.ThrowStatement;
}
