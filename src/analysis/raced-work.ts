/**
 * Raced work: the elements of a `Promise.race([...])` or `Promise.any([...])`,
 * the calls that the work raced against a timeout runs (through `await`, a
 * `const`, `Promise.all`, `.then` chains), and whether each is handed an
 * `AbortSignal` that fires when the timeout wins, so it stops with the race.
 */
import { ASTUtils, AST_NODE_TYPES, TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { isFunctionNode, memberName, skipWrappers, walk, type FunctionNode } from './ast.js';
import type { TypeContext } from './cancellation.js';
import { outsideEnclosingLoop } from './loop-reactions.js';
import { constDeclarator } from './owners.js';
import { callReturnsKeptValue } from './summaries.js';
import { callAcceptsSignal, isAbortSignalType, type SignalSlot } from './types.js';
import { PROMISE_REACTIONS, TARGET_TEARDOWN_CALLS } from './vocabulary.js';

/** What the race questions read: the source (for scopes and text), the parser services and their checker. */
export interface RaceContext extends TypeContext {
  sourceCode: Readonly<TSESLint.SourceCode>;
}

/** A call that takes an `AbortSignal` in `slot` and is given none that fires on timeout. */
export type UnsignalledCall = SignalSlot & { call: TSESTree.CallExpression };

/** What the work of a race does when its timeout wins: the first call of each kind that keeps running. */
export interface AbandonedWork {
  /** A call that accepts a signal but gets none that fires on timeout. */
  notPassed: UnsignalledCall | null;
  /** A call that takes no signal at all. */
  uncancellable: TSESTree.CallExpression | null;
}

/** `Promise.x` as a callee (through wrappers): the member expression, or null. */
export function promiseStaticCallee(callee: TSESTree.Expression): TSESTree.MemberExpression | null {
  const node = skipWrappers(callee);
  if (
    node.type !== AST_NODE_TYPES.MemberExpression ||
    skipWrappers(node.object).type !== AST_NODE_TYPES.Identifier ||
    (skipWrappers(node.object) as TSESTree.Identifier).name !== 'Promise'
  ) {
    return null;
  }
  return node;
}

/** The elements (no holes, no spreads) of `Promise.race([...])` or `Promise.any([...])`; null for any other call. */
export function racedElements(call: TSESTree.CallExpression): TSESTree.Expression[] | null {
  const callee = promiseStaticCallee(call.callee);
  if (!callee) return null;
  const method = memberName(callee);
  if (method !== 'race' && method !== 'any') return null;
  const list = call.arguments[0];
  if (list?.type !== AST_NODE_TYPES.ArrayExpression) return null;
  return list.elements.filter((e): e is TSESTree.Expression => e !== null && e.type !== AST_NODE_TYPES.SpreadElement);
}

/** The calls of the work raced against a timeout that keep running when it wins. */
export function abandonedWork(
  work: readonly TSESTree.Expression[],
  context: RaceContext,
  timerCallback: FunctionNode | null = null,
): AbandonedWork {
  const { services, checker, sourceCode } = context;
  let notPassed: UnsignalledCall | null = null;
  let uncancellable: TSESTree.CallExpression | null = null;
  const stopped = timerCallback ? stoppedOnTimeout(timerCallback, sourceCode) : [];
  for (const call of work.flatMap((element) => workCalls(element, sourceCode))) {
    if (call.arguments.some((arg) => passesTimeoutSignal(arg, context))) continue;
    // `setTimeout(() => { client.disconnect(); resolve(null); })` raced against `client.read()`:
    // the timeout ends the work's own object (its receiver, or one it is handed) when it wins.
    if (stopped.length > 0 && workObjects(call, sourceCode).some((key) => stopped.includes(key))) continue;
    // `this.ready.wait()` hands back a promise its object keeps and something else settles:
    // waiting on it starts nothing, so nothing keeps running when the timeout wins.
    if (callReturnsKeptValue(services.program, services.esTreeNodeToTSNodeMap.get(call))) continue;
    const slot = callAcceptsSignal(checker, services.esTreeNodeToTSNodeMap.get(call));
    if (slot) notPassed ??= { call, ...slot };
    else uncancellable ??= call;
  }
  return { notPassed, uncancellable };
}

/** A variable, or a field of `this` by name (`this.client`): what an object is reached through. */
type ObjectKey = TSESLint.Scope.Variable | string;

/**
 * The objects a timer's callback ends when it fires: the receivers of the
 * calls in it that end an object's life (`client.disconnect()`,
 * `props.controller.abort()`), each as the variable or field of `this` it is
 * reached from (`props`, `this.client`).
 */
function stoppedOnTimeout(callback: FunctionNode, sourceCode: Readonly<TSESLint.SourceCode>): ObjectKey[] {
  const keys: ObjectKey[] = [];
  walk(callback.body, (node) => {
    if (node.type !== AST_NODE_TYPES.CallExpression) return;
    const callee = skipWrappers(node.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression || !TARGET_TEARDOWN_CALLS.has(memberName(callee) ?? '')) return;
    const key = objectKey(callee.object, sourceCode);
    if (key !== null) keys.push(key);
  });
  return keys;
}

/** The objects a work call runs on: its receiver and the values it is handed, by the variable or field they come from. */
function workObjects(call: TSESTree.CallExpression, sourceCode: Readonly<TSESLint.SourceCode>): ObjectKey[] {
  const keys: ObjectKey[] = [];
  const callee = skipWrappers(call.callee);
  if (callee.type === AST_NODE_TYPES.MemberExpression) {
    const key = objectKey(callee.object, sourceCode);
    if (key !== null) keys.push(key);
  }
  for (const argument of call.arguments) {
    if (argument.type === AST_NODE_TYPES.SpreadElement) continue;
    const key = objectKey(argument, sourceCode);
    if (key !== null) keys.push(key);
  }
  return keys;
}

/**
 * Where an object is reached from: the variable at the root of a member
 * chain (`props` of `props.controller`), or the field of `this` it starts
 * with (`this.client` of `this.client.pool`). `this` itself is no key: a
 * method of the object the race runs in ends nothing in particular.
 */
function objectKey(node: TSESTree.Node, sourceCode: Readonly<TSESLint.SourceCode>): ObjectKey | null {
  let current = skipWrappers(node as TSESTree.Expression);
  for (;;) {
    if (current.type === AST_NODE_TYPES.Identifier) {
      return ASTUtils.findVariable(sourceCode.getScope(current), current.name) ?? null;
    }
    if (current.type !== AST_NODE_TYPES.MemberExpression) return null;
    const object = skipWrappers(current.object);
    if (object.type === AST_NODE_TYPES.ThisExpression) {
      const name = memberName(current);
      return name === null ? null : `this.${name}`;
    }
    current = object;
  }
}

/**
 * The calls a work element runs: the call itself, or the calls inside `Promise.all([...])`.
 * `depth` counts the `const`s followed on the way, whatever else is passed through, so that
 * `const p = p.then(f)` (a use before its own declaration) ends.
 */
function workCalls(
  element: TSESTree.Expression,
  sourceCode: Readonly<TSESLint.SourceCode>,
  depth = 0,
): TSESTree.CallExpression[] {
  const node = skipWrappers(element);
  if (node.type === AST_NODE_TYPES.AwaitExpression) return workCalls(node.argument, sourceCode, depth);
  // `const requestPromise = fetch(url).then(…)`: the work is what the `const` was made from,
  // unless it was made outside a loop that races it again on every pass: then it is a
  // promise being waited on, not work started for this race (`raceInLoop` is about it).
  if (node.type === AST_NODE_TYPES.Identifier && depth < 2) {
    const declarator = constDeclarator(node, sourceCode);
    if (declarator?.id.type === AST_NODE_TYPES.Identifier && !outsideEnclosingLoop(node, declarator)) {
      return workCalls(declarator.init, sourceCode, depth + 1);
    }
    return [];
  }
  if (node.type !== AST_NODE_TYPES.CallExpression) return [];
  const callee = skipWrappers(node.callee);
  if (promiseStaticCallee(callee)) {
    const list = node.arguments[0] ? skipWrappers(node.arguments[0] as TSESTree.Expression) : null;
    if (list?.type === AST_NODE_TYPES.ArrayExpression) {
      return list.elements.flatMap((e) =>
        e && e.type !== AST_NODE_TYPES.SpreadElement ? workCalls(e, sourceCode, depth) : [],
      );
    }
    // `Promise.all(items.map((item) => work(item)))`: the work is the mapped call.
    if (list?.type === AST_NODE_TYPES.CallExpression && list.callee.type === AST_NODE_TYPES.MemberExpression) {
      const mapper = list.arguments[0];
      if (
        memberName(list.callee) === 'map' &&
        mapper &&
        isFunctionNode(mapper) &&
        mapper.body.type !== AST_NODE_TYPES.BlockStatement
      ) {
        return workCalls(mapper.body, sourceCode, depth);
      }
    }
    return [];
  }
  // `.then(...)`/`.catch(...)` chains: the work is the call at the start of the chain.
  if (callee.type === AST_NODE_TYPES.MemberExpression && PROMISE_REACTIONS.has(memberName(callee) ?? '')) {
    return workCalls(callee.object, sourceCode, depth);
  }
  return [node];
}

/** An expression typed `AbortSignal` (or a nullable one). */
export function isSignalValue(node: TSESTree.Node, { checker, services }: TypeContext): boolean {
  return isAbortSignalType(checker, services.getTypeAtLocation(node));
}

/** An argument that hands the work a signal firing on timeout: the signal itself, `{ signal }`, or a spread. */
function passesTimeoutSignal(node: TSESTree.Node, context: RaceContext, depth = 0): boolean {
  const { sourceCode } = context;
  // `const requestInit = { ...init, signal }; fetch(url, requestInit)`: the options held in a `const`.
  if (node.type === AST_NODE_TYPES.Identifier && depth === 0 && !isSignalValue(node, context)) {
    const init = constDeclarator(node, sourceCode)?.init;
    if (init?.type === AST_NODE_TYPES.ObjectExpression) return passesTimeoutSignal(init, context, depth + 1);
  }
  if (node.type !== AST_NODE_TYPES.ObjectExpression)
    return isSignalValue(node, context) && firesOnTimeout(node, sourceCode);
  // `{ ...init }`: the spread object's signal, which is the caller's when it is a parameter.
  return node.properties.some(
    (p) =>
      (p.type === AST_NODE_TYPES.SpreadElement && firesOnTimeout(p.argument, sourceCode)) ||
      (p.type === AST_NODE_TYPES.Property &&
        !p.computed &&
        p.key.type === AST_NODE_TYPES.Identifier &&
        /signal$/i.test(p.key.name) &&
        firesOnTimeout(p.value, sourceCode)),
  );
}

/**
 * Does a signal fire when the timeout wins? `AbortSignal.timeout()`, an
 * `AbortSignal.any()` of such, or a local controller's signal that something
 * aborts. A parameter (the caller's signal) does not; anything else is trusted.
 */
function firesOnTimeout(node: TSESTree.Node, sourceCode: Readonly<TSESLint.SourceCode>, depth = 0): boolean {
  const expression = skipWrappers(node as TSESTree.Expression);
  if (depth > 3) return true;
  if (expression.type === AST_NODE_TYPES.Identifier) {
    const variable = ASTUtils.findVariable(sourceCode.getScope(expression), expression.name);
    const def = variable?.defs[0];
    if (def?.type === TSESLint.Scope.DefinitionType.Parameter) return false;
    if (def?.type === TSESLint.Scope.DefinitionType.Variable && def.node.init)
      return firesOnTimeout(def.node.init, sourceCode, depth + 1);
    return true;
  }
  if (expression.type === AST_NODE_TYPES.MemberExpression && memberName(expression) === 'signal') {
    const owner = skipWrappers(expression.object);
    if (owner.type !== AST_NODE_TYPES.Identifier) return true;
    const variable = ASTUtils.findVariable(sourceCode.getScope(owner), owner.name);
    const def = variable?.defs[0];
    if (def?.type === TSESLint.Scope.DefinitionType.Parameter) return false;
    // A controller of this function: it fires if something aborts it.
    return (
      variable?.references.some((ref) => {
        const member = ref.identifier.parent;
        return member.type === AST_NODE_TYPES.MemberExpression && memberName(member) === 'abort';
      }) ?? true
    );
  }
  return true;
}
