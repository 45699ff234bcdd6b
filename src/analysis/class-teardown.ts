/**
 * Teardown of an object: which methods of a class end its life (by the
 * configured names), and whether the handle a field holds is let go of at
 * every end of that life: by a teardown method (or a method it calls), and
 * by the handler of the `close` event of an emitter the object owns for its
 * whole life.
 */
import { ASTUtils, AST_NODE_TYPES, TSESLint, type TSESTree } from '@typescript-eslint/utils';
import {
  contains,
  enclosingClass,
  enclosingFunction,
  isFunctionNode,
  memberName,
  skipWrappers,
  thisMember,
  walk,
  type ClassNode,
  type FunctionNode,
} from './ast.js';
import type { FieldOwner } from './owners.js';
import { ADD_LISTENER, ADD_ONCE_LISTENER } from './resources.js';
import {
  bindTarget,
  cancelsOnOtherBranch,
  classFacts,
  functionDenoted,
  functionReleases,
  functionReleasesCached,
} from './timers.js';
import { CLOSE_EVENTS } from './vocabulary.js';

/** Where an object's life can end with the handle in one of its fields still armed. */
export interface TeardownGap {
  /** The method that should let go of the handle: a teardown method, or the handler of an owned emitter's `close`. */
  method: string;
  /** The functions declared under that name. */
  fns: readonly FunctionNode[];
  /**
   * Set when a teardown method (`clearing`) lets go of the handle but the
   * `close` handler of an emitter owned for life does not.
   */
  close: { emitter: string; event: string; clearing: string } | null;
}

/**
 * Does the class of `owner` let the handle of the timer armed at `call`
 * outlive the object: it has teardown methods (`teardownNames`) and none
 * lets go of the handle, or they do but the `close` handler of an emitter
 * it owns for life does not? Null when the class has no teardown method,
 * when the timer's callback lets go of the handle itself (an interval that
 * clears itself when its work is done), or when every end of life does.
 */
export function teardownGap(
  call: TSESTree.CallExpression,
  owner: FieldOwner,
  teardownNames: ReadonlySet<string>,
  sourceCode: Readonly<TSESLint.SourceCode>,
): TeardownGap | null {
  const { methods } = classFacts(owner.classNode, sourceCode);
  const teardowns = [...methods.keys()].filter((name) => teardownNames.has(name));
  if (teardowns.length === 0) return null;
  // An interval that clears itself when its work is done.
  const callback = call.arguments[0];
  if (callback && callback.type !== AST_NODE_TYPES.SpreadElement) {
    const direct = skipWrappers(callback);
    const fn = isFunctionNode(direct) ? direct : functionDenoted(bindTarget(direct), sourceCode);
    if (fn && functionReleasesCached(fn, owner, sourceCode)) return null;
  }
  const clearing = teardowns.find((name) =>
    methods.get(name)?.some((fn) => functionReleasesCached(fn, owner, sourceCode)),
  );
  if (clearing === undefined) {
    const method = teardowns[0] ?? 'close';
    return { method, fns: methods.get(method) ?? [], close: null };
  }
  // Teardown clears it; the other end of the object's life, its own stream closing, must too.
  const handler = closeHandlerMissing(owner, sourceCode);
  if (handler === null) return null;
  return {
    method: handler.method,
    fns: methods.get(handler.method) ?? [],
    close: { emitter: handler.emitter, event: handler.event, clearing },
  };
}

/**
 * A method of the class, other than a teardown method or the constructor,
 * that lets go of the handle in `owner` armed at `arm` (`onResponse()`
 * clearing the response timeout), directly or through a method it calls
 * other than the arming function: the class cancels the timer when the
 * work it guards ends first, so a timer that fires once is meant not to
 * outlive that work either. The arming function counts when it cancels on
 * another branch; a clear before the arm only replaces the previous timer.
 * Null when none does.
 */
export function cancellingMethod(
  owner: FieldOwner,
  arm: TSESTree.CallExpression,
  teardownNames: ReadonlySet<string>,
  sourceCode: Readonly<TSESLint.SourceCode>,
): string | null {
  const { methods } = classFacts(owner.classNode, sourceCode);
  const arming = enclosingFunction(arm);
  for (const [name, fns] of methods) {
    if (name === 'constructor' || teardownNames.has(name)) continue;
    const cancels = fns.some((fn) =>
      // The arming function, or a method that holds it (`src.on('data', () => { clearTimeout(this.t);
      // this.t = setTimeout(…) })`): a clear on the arm's own path only replaces the previous timer.
      fn === arming || (arming !== null && contains(fn, arming))
        ? cancelsOnOtherBranch(fn, arm, owner, sourceCode)
        : // Not through the arming function, whose own clear replaces the previous timer.
          functionReleases(fn, owner, sourceCode, new Set(arming ? [arming] : [])),
    );
    if (cancels) return name;
  }
  return null;
}

/**
 * The method that handles the `close` event of an emitter the object owns
 * for its whole life (a `readonly` field or parameter property: it can
 * never get another one, so once that emitter closes the object is done),
 * when that handler does not let go of the handle in `owner`. Null when
 * every such handler clears it, or there is none (a handler that is not
 * one method, `this.onClose` or `() => this.onClose()`, is not judged).
 */
function closeHandlerMissing(
  owner: FieldOwner,
  sourceCode: Readonly<TSESLint.SourceCode>,
): { method: string; emitter: string; event: string } | null {
  const { methods } = classFacts(owner.classNode, sourceCode);
  for (const handler of closeHandlers(owner.classNode, sourceCode)) {
    const fns = methods.get(handler.method) ?? [];
    if (fns.length > 0 && !fns.some((fn) => functionReleasesCached(fn, owner, sourceCode))) return handler;
  }
  return null;
}

interface CloseHandler {
  method: string;
  emitter: string;
  event: string;
}

/** Per class: its `close` handlers, found once for all the fields asked about. */
const closeHandlerCache = new WeakMap<ClassNode, readonly CloseHandler[]>();

/**
 * The methods of the class that handle the `close` event of an emitter it
 * owns for its whole life, in source order: `this.stream.on('close', this.onClose)`.
 */
function closeHandlers(classNode: ClassNode, sourceCode: Readonly<TSESLint.SourceCode>): readonly CloseHandler[] {
  const known = closeHandlerCache.get(classNode);
  if (known) return known;
  const handlers: CloseHandler[] = [];
  closeHandlerCache.set(classNode, handlers);
  // The event is a string literal: without an escape in the class's text, it is spelled there in quotes.
  // A class whose text holds no quoted close event registers no handler for one, and is not walked.
  const text = sourceCode.getText(classNode.body);
  const spelled = [...CLOSE_EVENTS].some((event) => text.includes(`'${event}'`) || text.includes(`"${event}"`));
  if (!spelled && !text.includes('\\')) return handlers;
  walk(
    classNode.body,
    (node) => {
      if (node.type !== AST_NODE_TYPES.CallExpression) return;
      const callee = skipWrappers(node.callee);
      if (callee.type !== AST_NODE_TYPES.MemberExpression || !isListenerRegistration(memberName(callee))) return;
      const [event, handler] = node.arguments;
      if (event?.type !== AST_NODE_TYPES.Literal || typeof event.value !== 'string' || !CLOSE_EVENTS.has(event.value))
        return;
      if (
        !handler ||
        handler.type === AST_NODE_TYPES.SpreadElement ||
        !ownedForLife(skipWrappers(callee.object), sourceCode)
      )
        return;
      const method = handlerMethod(skipWrappers(handler));
      if (method === null) return;
      handlers.push({ method, emitter: sourceCode.getText(callee.object), event: event.value });
    },
    { intoFunctions: true },
  );
  return handlers;
}

/** `this.onClose`, `this.onClose.bind(this)`, `() => this.onClose()`, `() => { this.onClose(); }` → `onClose`. */
function handlerMethod(handler: TSESTree.Expression): string | null {
  const node = bindTarget(handler);
  if (node.type === AST_NODE_TYPES.MemberExpression) return thisMember(node) ? memberName(node) : null;
  if (node.type !== AST_NODE_TYPES.ArrowFunctionExpression && node.type !== AST_NODE_TYPES.FunctionExpression)
    return null;
  let body: TSESTree.Node = node.body;
  if (body.type === AST_NODE_TYPES.BlockStatement) {
    const only = body.body.length === 1 ? body.body[0] : undefined;
    if (only?.type !== AST_NODE_TYPES.ExpressionStatement) return null;
    body = only.expression;
  }
  body = skipWrappers(body);
  if (body.type !== AST_NODE_TYPES.CallExpression) return null;
  const callee = skipWrappers(body.callee);
  if (node.type === AST_NODE_TYPES.FunctionExpression || callee.type !== AST_NODE_TYPES.MemberExpression) return null;
  return thisMember(callee) ? memberName(callee) : null;
}

/** A `readonly` field of the class (`this.stream`), or the constructor's `readonly` parameter property (`stream`). */
function ownedForLife(node: TSESTree.Node, sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  if (node.type === AST_NODE_TYPES.MemberExpression) {
    const member = thisMember(node);
    if (member) return member.type === AST_NODE_TYPES.PropertyDefinition && member.readonly;
    const name = memberName(node);
    const classNode = skipWrappers(node.object).type === AST_NODE_TYPES.ThisExpression ? enclosingClass(node) : null;
    return classNode !== null && name !== null && readonlyParameterProperty(classNode, name);
  }
  if (node.type !== AST_NODE_TYPES.Identifier) return false;
  const def = ASTUtils.findVariable(sourceCode.getScope(node), node.name)?.defs[0];
  if (def?.type !== TSESLint.Scope.DefinitionType.Parameter) return false;
  let p: TSESTree.Node = def.name.parent;
  if (p.type === AST_NODE_TYPES.AssignmentPattern) p = p.parent;
  return p.type === AST_NODE_TYPES.TSParameterProperty && p.readonly;
}

function readonlyParameterProperty(classNode: ClassNode, name: string): boolean {
  for (const member of classNode.body.body) {
    if (member.type !== AST_NODE_TYPES.MethodDefinition || member.kind !== 'constructor') continue;
    for (const param of member.value.params) {
      if (param.type !== AST_NODE_TYPES.TSParameterProperty || !param.readonly) continue;
      const inner = param.parameter.type === AST_NODE_TYPES.AssignmentPattern ? param.parameter.left : param.parameter;
      if (inner.name === name) return true;
    }
  }
  return false;
}

/** `on`, `once`, `addEventListener`…: a call that hands a listener to an emitter. */
function isListenerRegistration(name: string | null): boolean {
  return name !== null && (ADD_LISTENER.has(name) || ADD_ONCE_LISTENER.has(name));
}
