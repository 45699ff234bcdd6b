/**
 * Events that settle a promise's executor, from its listeners (`ListenerSite`s
 * of `modelExecutor`): an emitter the promise waits on for a success event
 * (`end`, `load`) with nothing that settles it on failure, a registration
 * whose handler runs at most once, and `src.pipe(dest)` chains where the
 * promise waits on `dest` while `pipe()` does not forward a failure of `src`.
 */
import { AST_NODE_TYPES, ASTUtils, type TSESTree } from '@typescript-eslint/utils';
import { isPlainReference, memberName, outermostAlias, skipWrappers, walk } from './ast.js';
import { failingEmitterOf, finalEventsOf, type EmitterContext, type FailingEmitter } from './emitters.js';
import { ADD_ONCE_LISTENER } from './resources.js';
import { LISTEN_METHODS, type ExecutorModel, type ListenerSite } from './settlers.js';
import { DOM_SUCCESS_EVENTS, FAILURE_EVENTS, ONE_SHOT_EVENTS, TERMINAL_EVENTS } from './vocabulary.js';

/** The executor's listeners, grouped by the emitter they are registered on. */
function listenersByReceiver(model: ExecutorModel): IterableIterator<ListenerSite[]> {
  const byReceiver = new Map<string, ListenerSite[]>();
  for (const listener of model.listeners) {
    const list = byReceiver.get(listener.receiverKey);
    if (list) list.push(listener);
    else byReceiver.set(listener.receiverKey, [listener]);
  }
  return byReceiver.values();
}

/** An emitter that can fail, which settles the promise on a success event and on nothing after a failure. */
export interface UnlistenedFailure {
  /** The registration that settles on the success event. */
  success: ListenerSite;
  kind: FailingEmitter;
  /** An `error` listener on the same emitter that does not settle the promise, if there is one. */
  quiet: ListenerSite | undefined;
}

/**
 * The emitters, one per receiver, that settle the promise on a success event
 * (`on('end')` of a Node.js emitter that can fail, a DOM target's
 * `addEventListener('load')` or `onload`) and on no terminal event.
 */
export function unlistenedFailures(context: EmitterContext, model: ExecutorModel): UnlistenedFailure[] {
  const found: UnlistenedFailure[] = [];
  for (const group of listenersByReceiver(model)) {
    if (group.some((l) => l.settles && TERMINAL_EVENTS.has(l.event))) continue;
    const success = group.find((l) => l.settles && !TERMINAL_EVENTS.has(l.event));
    if (!success) continue;
    const kind = failingEmitterOf(context, success.receiver);
    if (!kind) continue;
    // A listener on the emitter's own last event (a worker's `exit`) hears its failure too.
    if (kind === 'node') {
      const final = finalEventsOf(context, success.receiver);
      if (group.some((l) => l.settles && final.has(l.event))) continue;
    }
    if (kind === 'dom' ? success.form === 'on' || !DOM_SUCCESS_EVENTS.has(success.event) : success.form !== 'on')
      continue;
    found.push({ success, kind, quiet: group.find((l) => !l.settles && l.event === 'error') });
  }
  return found;
}

/** A destination the promise waits on, whose source's failure `pipe()` does not forward and nothing hears. */
export interface UnwiredPipe {
  /** The registration on the destination that settles on a success event. */
  success: ListenerSite;
  /** The `pipe()` call into the destination. */
  pipe: TSESTree.CallExpression;
  /** The first stream upstream that can fail unheard. */
  source: TSESTree.Expression;
}

/**
 * `src.pipe(dest)` with `dest`'s success and failure both wired: `pipe()`
 * does not forward `src`'s errors to `dest`, so a failing `src` leaves `dest`
 * waiting, and the promise with it, unless something listens on `src` too.
 * `calls` are the executor's `pipe()` calls.
 */
export function unwiredPipes(
  context: EmitterContext,
  model: ExecutorModel,
  calls: readonly TSESTree.CallExpression[] | undefined,
): UnwiredPipe[] {
  if (!calls) return [];
  const found: UnwiredPipe[] = [];
  for (const group of listenersByReceiver(model)) {
    // An unwired destination is found by `unlistenedFailures` itself.
    if (!group.some((l) => l.settles && TERMINAL_EVENTS.has(l.event))) continue;
    const waiting = group.filter((l) => l.settles && !TERMINAL_EVENTS.has(l.event));
    const success = waiting.find((l) => ONE_SHOT_EVENTS.has(l.event)) ?? waiting[0];
    if (!success) continue;
    const pipe = calls.find((call) => pipesInto(context, call, success.receiver));
    if (!pipe) continue;
    const source = unwiredSource(context, model, pipe);
    if (!source || failingEmitterOf(context, success.receiver) !== 'node') continue;
    found.push({ success, pipe, source });
  }
  return found;
}

/** A registration whose handler runs at most once. */
export function isOneShotListener(context: EmitterContext, listener: ListenerSite): boolean {
  const node = listener.node;
  if (node.type === AST_NODE_TYPES.CallExpression) {
    const callee = skipWrappers(node.callee);
    const method = callee.type === AST_NODE_TYPES.MemberExpression ? memberName(callee) : null;
    if (method !== null && ADD_ONCE_LISTENER.has(method)) return true;
    if (method === 'addEventListener' && hasOnceOption(node.arguments[2])) return true;
  }
  return ONE_SHOT_EVENTS.has(listener.event) && failingEmitterOf(context, listener.receiver) !== null;
}

/** `{ once: true }` as an `addEventListener` option. */
function hasOnceOption(node: TSESTree.Node | undefined): boolean {
  if (node?.type !== AST_NODE_TYPES.ObjectExpression) return false;
  return node.properties.some(
    (property) =>
      property.type === AST_NODE_TYPES.Property &&
      !property.computed &&
      property.key.type === AST_NODE_TYPES.Identifier &&
      property.key.name === 'once' &&
      property.value.type === AST_NODE_TYPES.Literal &&
      property.value.value === true,
  );
}

/** `a.pipe(b)`: one destination argument. */
export function isPipeCall(call: TSESTree.CallExpression): boolean {
  const callee = skipWrappers(call.callee);
  return (
    callee.type === AST_NODE_TYPES.MemberExpression &&
    memberName(callee) === 'pipe' &&
    call.arguments.length >= 1 &&
    call.arguments.length <= 2
  );
}

/** `x.on(…)`, `x.once(…)`, `x.addEventListener(…)`. */
export function isListenCall(call: TSESTree.CallExpression): boolean {
  const callee = skipWrappers(call.callee);
  return callee.type === AST_NODE_TYPES.MemberExpression && LISTEN_METHODS.has(memberName(callee) ?? '');
}

/** The first argument as a plain string. */
export function firstString(call: TSESTree.CallExpression): string | null {
  const first = call.arguments[0];
  return first?.type === AST_NODE_TYPES.Literal && typeof first.value === 'string' ? first.value : null;
}

/** `call` pipes into `receiver`: `receiver` is the call itself (`a.pipe(b).on(…)`) or its destination. */
function pipesInto(context: EmitterContext, call: TSESTree.CallExpression, receiver: TSESTree.Expression): boolean {
  const target = skipWrappers(receiver);
  const destination = call.arguments[0];
  return (
    target === call ||
    (destination !== undefined &&
      destination.type !== AST_NODE_TYPES.SpreadElement &&
      sameTarget(context, skipWrappers(destination), target))
  );
}

/**
 * The first stream upstream of `call` (through `a.pipe(b).pipe(c)` chains)
 * that Node's typings say can fail and that nothing listens on for `error`
 * or `close`, nor is handed to another call that might (`finished(src, …)`).
 */
function unwiredSource(
  context: EmitterContext,
  model: ExecutorModel,
  call: TSESTree.CallExpression,
): TSESTree.Expression | null {
  const sources: TSESTree.Expression[] = [];
  let current: TSESTree.Expression = call;
  while (current.type === AST_NODE_TYPES.CallExpression && isPipeCall(current)) {
    let object = skipWrappers((current.callee as TSESTree.MemberExpression).object);
    // `src.on('error', reject).pipe(dest)`: a listener chained on the source.
    let wired = false;
    while (object.type === AST_NODE_TYPES.CallExpression && isListenCall(object)) {
      if (FAILURE_EVENTS.has(firstString(object) ?? '')) wired = true;
      object = skipWrappers((object.callee as TSESTree.MemberExpression).object);
    }
    // `a.pipe(b).pipe(c)`: the middle stream is `b`, the inner call's destination.
    const stream = object.type === AST_NODE_TYPES.CallExpression && isPipeCall(object) ? object.arguments[0] : object;
    if (!wired && stream && stream.type !== AST_NODE_TYPES.SpreadElement) sources.push(skipWrappers(stream));
    current = object;
  }
  for (const source of sources) {
    if (isWired(context, model, source)) continue;
    if (failingEmitterOf(context, source) !== 'node') continue;
    return source;
  }
  return null;
}

/** Something listens on `source` for failure, or `source` is handed to a call that may. */
function isWired(context: EmitterContext, model: ExecutorModel, source: TSESTree.Expression): boolean {
  const { sourceCode } = context;
  if (model.listeners.some((l) => FAILURE_EVENTS.has(l.event) && sameTarget(context, skipWrappers(l.receiver), source)))
    return true;
  if (source.type === AST_NODE_TYPES.Identifier) {
    const variable = ASTUtils.findVariable(sourceCode.getScope(source), source.name);
    if (!variable) return true;
    return variable.references.some((ref) => ref.identifier !== source && wiresFailure(ref.identifier));
  }
  let handed = false;
  walk(model.executor.body, (node) => {
    if (
      !handed &&
      node.type === AST_NODE_TYPES.CallExpression &&
      !isPipeCall(node) &&
      node.arguments.some(
        (arg) => arg.type !== AST_NODE_TYPES.SpreadElement && sameTarget(context, skipWrappers(arg), source),
      )
    )
      handed = true;
  });
  return handed;
}

/** A reference that listens for `error`/`close` (through `.on(…)` chains) or is passed to a call other than `pipe()`. */
function wiresFailure(identifier: TSESTree.Node): boolean {
  let current = outermostAlias(identifier) as TSESTree.Expression;
  const parent = current.parent;
  if (
    (parent.type === AST_NODE_TYPES.CallExpression || parent.type === AST_NODE_TYPES.NewExpression) &&
    parent.arguments.includes(current)
  ) {
    return !(parent.type === AST_NODE_TYPES.CallExpression && isPipeCall(parent));
  }
  for (;;) {
    const member = current.parent;
    if (member.type !== AST_NODE_TYPES.MemberExpression || member.object !== current) return false;
    const call = member.parent;
    if (call.type !== AST_NODE_TYPES.CallExpression || call.callee !== member || !isListenCall(call)) return false;
    if (FAILURE_EVENTS.has(firstString(call) ?? '')) return true;
    current = call;
  }
}

/** The same emitter: one variable, `this`, or the same member path. */
function sameTarget({ sourceCode }: EmitterContext, a: TSESTree.Expression, b: TSESTree.Expression): boolean {
  if (a === b) return true;
  if (a.type === AST_NODE_TYPES.Identifier && b.type === AST_NODE_TYPES.Identifier) {
    if (a.name !== b.name) return false;
    const va = ASTUtils.findVariable(sourceCode.getScope(a), a.name);
    return va !== null && va === ASTUtils.findVariable(sourceCode.getScope(b), b.name);
  }
  if (!isPlainReference(a) || !isPlainReference(b)) return false;
  return sourceCode.getText(a).replace(/\s+/g, '') === sourceCode.getText(b).replace(/\s+/g, '');
}
