/**
 * Removing listeners: how a registration's handler can be named again, which
 * removals and teardowns of this file let go of it (the same handler for the
 * same event, or the target ended or cleared), and whether a function
 * replaces the listener it added on its previous call rather than adding one.
 * Removals are indexed once per file, at its end, and matched by handler
 * variable or compact text, and by target.
 */
import { AST_NODE_TYPES, TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { contains, memberName, skipWrappers, type ClassNode, type FunctionNode } from './ast.js';
import type { Scopes } from './lifetime.js';
import {
  handlerVariable,
  listenerAddAt,
  listenerRemovalAt,
  type ListenerAdd,
  type ListenerRemoval,
} from './listeners.js';
import { classOfThis } from './owners.js';
import { textOf } from './resources.js';

/** What the listener questions need of one file. */
export interface ListenerFile {
  sourceCode: Readonly<TSESLint.SourceCode>;
  scopes: Scopes;
}

/** The registrations, removals and teardowns of one file, indexed at its end. */
export interface ListenerIndex {
  /** Every registration, `once()` included, by the compact text of its target. */
  registrations: Map<string, ListenerAdd[]>;
  byVariable: Map<TSESLint.Scope.Variable, ListenerRemoval[]>;
  byText: Map<string, ListenerRemoval[]>;
  /** Compact receiver texts of teardown calls and `removeAllListeners`. */
  teardownTexts: Map<string, TSESTree.CallExpression[]>;
  /** Removals of one handler, by the compact text of their target. */
  byReceiver: Map<string, ListenerRemoval[]>;
}

/** How a registration's handler can be named again for removal. */
export type HandlerIdentity = TSESLint.Scope.Variable | { text: string } | 'inline' | 'unknown';

/** The compact text of a registration's target (`''` for the global object): the key registrations are kept by. */
export function targetKey(receiver: TSESTree.Expression | null, sourceCode: Readonly<TSESLint.SourceCode>): string {
  return receiver ? textOf(receiver, sourceCode) : '';
}

/**
 * Indexes a file's registrations (in the order they were met), removals and
 * teardown calls (`x.destroy()`, `x.removeAllListeners()`…, whose callee is
 * a member expression).
 */
export function indexListeners(
  registrations: readonly ListenerAdd[],
  removals: readonly ListenerRemoval[],
  teardowns: readonly TSESTree.CallExpression[],
  file: ListenerFile,
): ListenerIndex {
  const { sourceCode, scopes } = file;
  const byTarget = new Map<string, ListenerAdd[]>();
  for (const add of registrations) push(byTarget, targetKey(add.receiver, sourceCode), add);
  const byVariable = new Map<TSESLint.Scope.Variable, ListenerRemoval[]>();
  const byText = new Map<string, ListenerRemoval[]>();
  const byReceiver = new Map<string, ListenerRemoval[]>();
  for (const removal of removals) {
    if (!removal.handler) continue;
    const variable = handlerVariable(removal.handler, scopes);
    if (variable) push(byVariable, variable, removal);
    push(byText, textOf(removal.handler, sourceCode), removal);
    if (removal.receiver) push(byReceiver, textOf(removal.receiver, sourceCode), removal);
  }
  const teardownTexts = new Map<string, TSESTree.CallExpression[]>();
  for (const call of teardowns) {
    const callee = skipWrappers(call.callee) as TSESTree.MemberExpression;
    push(teardownTexts, textOf(skipWrappers(callee.object), sourceCode), call);
  }
  return { registrations: byTarget, byVariable, byText, teardownTexts, byReceiver };
}

/** `const off = emitter.on(…)`, `return target.on(…)`: the result may be an unsubscribe. */
export function resultUsed(call: TSESTree.CallExpression): boolean {
  let node: TSESTree.Node = call;
  while (node.parent.type === AST_NODE_TYPES.ChainExpression) node = node.parent;
  const parent = node.parent;
  if (parent.type === AST_NODE_TYPES.ExpressionStatement) return false;
  // `emitter.on('a', f).on('b', g)`: chained registrations.
  if (parent.type === AST_NODE_TYPES.MemberExpression && parent.object === node) return false;
  // `cond && x.on(…)`, `a ? x.on(…) : y` as statements.
  if (
    (parent.type === AST_NODE_TYPES.LogicalExpression || parent.type === AST_NODE_TYPES.ConditionalExpression) &&
    parent.parent.type === AST_NODE_TYPES.ExpressionStatement
  ) {
    return false;
  }
  // `void x.on(…)`
  return !(parent.type === AST_NODE_TYPES.UnaryExpression && parent.operator === 'void');
}

/**
 * How the handler can be named again for removal: its variable, its compact
 * text (a field, a method reference), `inline` (a function or `.bind()` made
 * here), or `unknown` (anything else, or a handler that escapes to be removed elsewhere).
 */
export function handlerIdentity(add: ListenerAdd, file: ListenerFile): HandlerIdentity {
  const { sourceCode, scopes } = file;
  const handler = add.handler;
  const variable = handlerVariable(handler, scopes);
  if (variable && variable.defs.length > 0) return escapes(variable, add) ? 'unknown' : variable;
  if (handler.type === AST_NODE_TYPES.Identifier) return { text: textOf(handler, sourceCode) };
  if (handler.type === AST_NODE_TYPES.ArrowFunctionExpression || handler.type === AST_NODE_TYPES.FunctionExpression)
    return 'inline';
  if (handler.type === AST_NODE_TYPES.CallExpression) {
    const callee = skipWrappers(handler.callee);
    return callee.type === AST_NODE_TYPES.MemberExpression && memberName(callee) === 'bind' ? 'inline' : 'unknown';
  }
  if (handler.type === AST_NODE_TYPES.MemberExpression && !handler.computed)
    return { text: textOf(handler, sourceCode) };
  return 'unknown';
}

/**
 * Does the handler's variable go somewhere it may be removed from later:
 * returned, stored, or passed to a call other than a registration?
 */
function escapes(variable: TSESLint.Scope.Variable, add: ListenerAdd): boolean {
  return variable.references.some((ref) => {
    if (ref.init || ref.identifier === add.handler) return false;
    const parent = ref.identifier.parent;
    if (parent.type === AST_NODE_TYPES.CallExpression) {
      if (parent.callee === ref.identifier) return false;
      const other = listenerAddAt(parent, true) ?? listenerRemovalAt(parent);
      return !(other && other.handler === ref.identifier);
    }
    return (
      parent.type === AST_NODE_TYPES.ReturnStatement ||
      parent.type === AST_NODE_TYPES.Property ||
      parent.type === AST_NODE_TYPES.ArrayExpression ||
      parent.type === AST_NODE_TYPES.ArrowFunctionExpression ||
      (parent.type === AST_NODE_TYPES.AssignmentExpression && parent.right === ref.identifier) ||
      (parent.type === AST_NODE_TYPES.VariableDeclarator && parent.init === ref.identifier)
    );
  });
}

/** The removals of the same handler for the same event, anywhere it can be named again. */
export function removalsOf(
  add: ListenerAdd,
  handler: TSESLint.Scope.Variable | { text: string },
  index: ListenerIndex,
): ListenerRemoval[] {
  const byText = 'text' in handler;
  const candidates = byText ? (index.byText.get(handler.text) ?? []) : (index.byVariable.get(handler) ?? []);
  const addClass = thisClass(add.handler);
  return candidates.filter((removal) => {
    if (!sameEvent(add.event, removal.event)) return false;
    // `this.onResize` names the same function only within one class.
    if (byText && addClass && removal.handler && thisClass(removal.handler) !== addClass) return false;
    return true;
  });
}

/**
 * `this.removeEventListener('open', this.#handlers.open); this.addEventListener('open', fn)`:
 * the function first removes the listener kept from its previous call (a field or
 * an outer variable) for the same event on the same target, so each call replaces
 * one listener instead of adding one (event-handler property setters).
 */
export function replacesPrevious(
  add: ListenerAdd,
  fn: FunctionNode,
  index: ListenerIndex,
  file: ListenerFile,
): boolean {
  const { sourceCode, scopes } = file;
  if (!add.receiver) return false;
  const onTarget = index.byReceiver.get(textOf(add.receiver, sourceCode)) ?? [];
  return onTarget.some((removal) => {
    const kept = removal.handler;
    if (!kept || removal.call.range[1] > add.call.range[0]) return false;
    if (!contains(fn, removal.call) || !sameEvent(add.event, removal.event)) return false;
    if (kept.type === AST_NODE_TYPES.MemberExpression) return true;
    const variable = kept.type === AST_NODE_TYPES.Identifier ? handlerVariable(kept, scopes) : null;
    const declared = variable?.defs[0]?.node;
    return declared !== undefined && !contains(fn, declared);
  });
}

/**
 * The target is ended or cleared where its listeners go with it: `x.destroy()`,
 * `x.close()`, `x.removeAllListeners(event?)` on the same target (or a place it
 * hangs on), in the same class for `this` targets.
 */
export function targetTornDown(
  add: ListenerAdd,
  index: ListenerIndex,
  sourceCode: Readonly<TSESLint.SourceCode>,
): boolean {
  if (!add.receiver) return false;
  const addClass = thisClass(add.receiver);
  for (let node: TSESTree.Expression = skipWrappers(add.receiver); ;) {
    const calls = index.teardownTexts.get(textOf(node, sourceCode)) ?? [];
    const found = calls.some((call) => {
      const callee = skipWrappers(call.callee) as TSESTree.MemberExpression;
      if (addClass && thisClass(callee.object) !== addClass) return false;
      if (memberName(callee) === 'removeAllListeners') {
        const event = call.arguments[0];
        return !event || event.type === AST_NODE_TYPES.SpreadElement || sameEvent(add.event, event);
      }
      return true;
    });
    if (found) return true;
    if (node.type !== AST_NODE_TYPES.MemberExpression) return false;
    node = skipWrappers(node.object);
  }
}

/** The class of the `this` an expression hangs on, if it does. */
function thisClass(node: TSESTree.Node): ClassNode | null {
  let root: TSESTree.Node = node;
  while (root.type === AST_NODE_TYPES.MemberExpression) root = skipWrappers(root.object);
  return root.type === AST_NODE_TYPES.ThisExpression ? (classOfThis(root)?.classNode ?? null) : null;
}

/** Two event arguments name the same event unless both are different string literals. */
function sameEvent(a: TSESTree.Node, b: TSESTree.Node | null): boolean {
  if (!b) return true;
  if (a.type === AST_NODE_TYPES.Literal && b.type === AST_NODE_TYPES.Literal) return a.value === b.value;
  return true;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
