/**
 * Settlers: what a `new Promise((resolve, reject) => …)` executor does with
 * its `resolve` and `reject`. Every use is a *site* in the code path of the
 * function it sits in: a call settles the promise there; passing, storing or
 * returning them (or a function that uses them) hands them on; registering a
 * function that uses them as a listener hands them on to an event. A function
 * nested in the executor that uses them is itself a site where it is handed on,
 * and a `const` or function declaration holding one is followed like the
 * settlers themselves. Also collected: node-style callbacks (first parameter
 * an error) that use the settlers, and every listener registered in the
 * executor, for the event check.
 */
import { AST_NODE_TYPES, ASTUtils, TSESLint, type TSESTree } from '@typescript-eslint/utils';
import {
  enclosingFunction,
  isFunctionNode,
  memberName,
  outermostAlias,
  skipWrappers,
  SYNC_CALLBACK_METHODS,
  walk,
  type FunctionNode,
} from './ast.js';
import { ADD_LISTENER, ADD_ONCE_LISTENER } from './resources.js';
import { constDeclarator } from './owners.js';

type Variable = TSESLint.Scope.Variable;

export type SiteKind = 'settle' | 'handoff' | 'listen';

export interface SettleSite {
  /** The node to mark in `fn`'s code path: a call, a reference, or the node a function is handed to. */
  node: TSESTree.Node;
  /** The function (the executor or one nested in it) whose code path the site is on. */
  fn: FunctionNode;
  kind: SiteKind;
}

/** A node-style callback that uses the settlers: `(err, value) => { … resolve(value) }`. */
export interface SettlingCallback {
  fn: FunctionNode;
  /** The call it is passed to. */
  call: TSESTree.CallExpression;
  /** The function the call is in. */
  outer: FunctionNode;
  /** Its first parameter, the error. */
  error: TSESTree.Identifier;
}

export type ListenerForm = 'on' | 'addEventListener' | 'property';

/** `x.on('end', h)`, `x.addEventListener('load', h)`, `x.onload = h`, anywhere in the executor. */
export interface ListenerSite {
  node: TSESTree.CallExpression | TSESTree.AssignmentExpression;
  form: ListenerForm;
  /** The emitter, with `.on(…)` chains stepped over (`s.on('a', f).on('b', g)` → `s`). */
  receiver: TSESTree.Expression;
  /** Identity of the receiver within the executor. */
  receiverKey: string;
  event: string;
  handler: TSESTree.Node;
  /** The handler calls or hands on a settler. */
  settles: boolean;
}

export interface ExecutorModel {
  promise: TSESTree.NewExpression;
  executor: FunctionNode;
  /** The parameter names, `resolve` first. */
  resolveName: string;
  rejectName: string | null;
  sites: SettleSite[];
  callbacks: SettlingCallback[];
  listeners: ListenerSite[];
}

export const LISTEN_METHODS: ReadonlySet<string> = new Set([...ADD_LISTENER, ...ADD_ONCE_LISTENER]);

/** Names of a node-style callback's first parameter. */
export const ERROR_PARAMETER = /^_?(e|er|err|error|ex|exc|exception|reason)$|[a-z](Err|Error)$/;

/** `new Promise(fn)` with an inline executor: the executor. */
export function promiseExecutor(node: TSESTree.NewExpression): FunctionNode | null {
  if (node.callee.type !== AST_NODE_TYPES.Identifier || node.callee.name !== 'Promise') return null;
  const executor = node.arguments[0];
  return executor && isFunctionNode(executor) ? executor : null;
}

/** The event a listener registration names, if it is a plain string. */
function eventName(node: TSESTree.Node | undefined): string | null {
  if (!node) return null;
  if (node.type === AST_NODE_TYPES.Literal && typeof node.value === 'string') return node.value;
  if (node.type === AST_NODE_TYPES.TemplateLiteral && node.expressions.length === 0)
    return node.quasis[0]?.value.cooked ?? null;
  return null;
}

/** Methods whose last callback argument is a listener for one success event on the receiver. */
const CALLBACK_EVENTS: Record<string, string> = { listen: 'listening', connect: 'connect' };

/** `x.on('e', h)` and friends: the registration's parts. */
function listenCall(
  node: TSESTree.Node,
): { receiver: TSESTree.Expression; event: string; handler: TSESTree.Node; form: ListenerForm } | null {
  if (node.type !== AST_NODE_TYPES.CallExpression) return null;
  const callee = skipWrappers(node.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return null;
  const method = memberName(callee);
  // `server.listen(port, cb)` adds `cb` as a 'listening' listener; `socket.connect(port, cb)` as a 'connect' one.
  const callbackEvent = method !== null && Object.hasOwn(CALLBACK_EVENTS, method) ? CALLBACK_EVENTS[method] : undefined;
  if (callbackEvent !== undefined) {
    const last = node.arguments.at(-1);
    if (!last || node.arguments.length < 2 || last.type === AST_NODE_TYPES.SpreadElement) return null;
    // `client.connect(url, (err, db) => …)` is a node-style callback, not a listener.
    if (
      isFunctionNode(last) &&
      last.params[0]?.type === AST_NODE_TYPES.Identifier &&
      ERROR_PARAMETER.test(last.params[0].name)
    ) {
      return null;
    }
    return { receiver: skipWrappers(callee.object), event: callbackEvent, handler: last, form: 'on' };
  }
  if (method === null || !LISTEN_METHODS.has(method)) return null;
  const event = eventName(node.arguments[0]);
  const handler = node.arguments[1];
  if (event === null || !handler) return null;
  return {
    receiver: listenerReceiver(callee.object),
    event,
    handler,
    form: method === 'addEventListener' ? 'addEventListener' : 'on',
  };
}

/** `x.onload = h`: a DOM event handler property. */
function handlerProperty(
  node: TSESTree.Node,
): { receiver: TSESTree.Expression; event: string; handler: TSESTree.Node } | null {
  if (node.type !== AST_NODE_TYPES.AssignmentExpression || node.operator !== '=') return null;
  if (node.left.type !== AST_NODE_TYPES.MemberExpression) return null;
  const name = memberName(node.left);
  if (name === null || !/^on[a-z]+$/.test(name)) return null;
  return { receiver: skipWrappers(node.left.object), event: name.slice(2), handler: node.right };
}

/** The emitter behind `.on(…)` chains: `s.on('a', f).once('b', g)` → `s`. */
function listenerReceiver(node: TSESTree.Expression): TSESTree.Expression {
  let current = skipWrappers(node);
  for (;;) {
    const inner = listenCall(current);
    if (!inner) return current;
    current = inner.receiver;
  }
}

/**
 * Models one executor, or returns null when its settlers cannot be followed
 * (they are not plain parameters, or are reassigned).
 */
export function modelExecutor(
  promise: TSESTree.NewExpression,
  executor: FunctionNode,
  sourceCode: Readonly<TSESLint.SourceCode>,
): ExecutorModel | null {
  const [first, second] = executor.params;
  if (first?.type !== AST_NODE_TYPES.Identifier) return null;
  if (second && second.type !== AST_NODE_TYPES.Identifier) return null;
  const params = sourceCode
    .getDeclaredVariables(executor)
    .filter(
      (v) =>
        v.defs.some((d) => d.type === TSESLint.Scope.DefinitionType.Parameter) &&
        (v.name === first.name || v.name === second?.name),
    );
  // A settler that is reassigned (`resolve = wrap(resolve)`) cannot be followed.
  if (params.some((v) => v.references.some((ref) => ref.isWrite()))) return null;

  const settlers = new Set<Variable>();
  const settlingFunctions = new Set<FunctionNode>();
  const sites: SettleSite[] = [];
  const callbacks: SettlingCallback[] = [];
  const siteNodes = new Set<TSESTree.Node>();

  const site = (node: TSESTree.Node, fn: FunctionNode | null, kind: SiteKind): void => {
    if (!fn) return;
    if (!siteNodes.has(node)) {
      siteNodes.add(node);
      sites.push({ node, fn, kind });
    }
    if (fn !== executor) settlingFunction(fn);
  };

  const followVariable = (variable: Variable): void => {
    if (settlers.has(variable)) return;
    settlers.add(variable);
    for (const ref of variable.references) {
      if (ref.isValueReference && ref.isRead()) use(ref.identifier as TSESTree.Identifier);
    }
  };

  /** A read of a settler (or of a `const` holding a settling function). */
  const use = (identifier: TSESTree.Identifier): void => {
    const fn = enclosingFunction(identifier);
    const outer = outermostAlias(identifier) as TSESTree.Expression;
    const parent = outer.parent;
    if (
      (parent.type === AST_NODE_TYPES.CallExpression || parent.type === AST_NODE_TYPES.NewExpression) &&
      parent.callee === outer
    ) {
      site(parent, fn, 'settle');
      return;
    }
    if (parent.type === AST_NODE_TYPES.VariableDeclarator && parent.init === outer) {
      const alias = singleAssignment(parent, sourceCode);
      if (alias) {
        followVariable(alias);
        return;
      }
    }
    if (listenCall(parent)?.handler === outer || handlerProperty(parent)?.handler === outer) {
      site(parent, fn, 'listen');
      return;
    }
    site(identifier, fn, 'handoff');
  };

  /** A function nested in the executor that settles or hands on: a site where it is handed on. */
  const settlingFunction = (fn: FunctionNode): void => {
    if (settlingFunctions.has(fn)) return;
    settlingFunctions.add(fn);
    if (fn.type === AST_NODE_TYPES.FunctionDeclaration) {
      const declared = sourceCode.getDeclaredVariables(fn).find((v) => v.name === fn.id?.name);
      if (declared) followVariable(declared);
      return;
    }
    const outerFn = enclosingFunction(fn);
    const outer = outermostAlias(fn);
    const parent = outer.parent;
    if (!parent) return;
    if (parent.type === AST_NODE_TYPES.CallExpression && parent.callee === outer) {
      site(parent, outerFn, 'settle');
      return;
    }
    if (parent.type === AST_NODE_TYPES.VariableDeclarator && parent.init === outer) {
      const alias = singleAssignment(parent, sourceCode);
      if (alias) {
        followVariable(alias);
        return;
      }
    }
    if (listenCall(parent)?.handler === outer || handlerProperty(parent)?.handler === outer) {
      site(parent, outerFn, 'listen');
      return;
    }
    if (
      parent.type === AST_NODE_TYPES.CallExpression &&
      parent.arguments.includes(outer as TSESTree.CallExpressionArgument)
    ) {
      const callback = nodeStyleCallback(fn, parent);
      if (callback && outerFn) callbacks.push({ fn, call: parent, outer: outerFn, error: callback });
    }
    site(parent, outerFn, 'handoff');
  };

  for (const param of params) followVariable(param);

  const listeners: ListenerSite[] = [];
  const keys = new Map<Variable | string, string>();
  const keyOf = (receiver: TSESTree.Expression): string => {
    let identity: Variable | string = sourceCode.getText(receiver).replace(/\s+/g, '');
    // `const same = stream`: a `const` copy of a variable names the same emitter.
    let named: TSESTree.Expression = receiver;
    for (let depth = 0; named.type === AST_NODE_TYPES.Identifier && depth < 4; depth++) {
      const variable = ASTUtils.findVariable(sourceCode.getScope(named), named.name);
      if (!variable) break;
      identity = variable;
      const init = constDeclarator(named, sourceCode)?.init;
      if (init?.type !== AST_NODE_TYPES.Identifier) break;
      named = init;
    }
    let key = keys.get(identity);
    if (key === undefined) {
      key = String(keys.size);
      keys.set(identity, key);
    }
    return key;
  };
  const handlerSettles = (handler: TSESTree.Node): boolean => {
    const node = skipWrappers(handler as TSESTree.Expression);
    if (isFunctionNode(node)) return settlingFunctions.has(node);
    if (node.type === AST_NODE_TYPES.Identifier) {
      const variable = ASTUtils.findVariable(sourceCode.getScope(node), node.name);
      return variable !== null && settlers.has(variable);
    }
    return false;
  };
  walk(executor.body, (node) => {
    const call = listenCall(node);
    const property = call ? null : handlerProperty(node);
    const found = call ?? (property ? { ...property, form: 'property' as const } : null);
    if (!found) return;
    listeners.push({
      node: node as TSESTree.CallExpression | TSESTree.AssignmentExpression,
      form: found.form,
      receiver: found.receiver,
      receiverKey: keyOf(found.receiver),
      event: found.event,
      handler: found.handler,
      settles: handlerSettles(found.handler),
    });
  });

  return {
    promise,
    executor,
    resolveName: first.name,
    rejectName: second?.name ?? null,
    sites,
    callbacks,
    listeners,
  };
}

/**
 * The variable a declarator names, when it is never assigned again (`const`,
 * or a `let`/`var` written only by its initializer): a stable alias.
 */
function singleAssignment(
  declarator: TSESTree.VariableDeclarator,
  sourceCode: Readonly<TSESLint.SourceCode>,
): Variable | null {
  if (declarator.id.type !== AST_NODE_TYPES.Identifier) return null;
  const name = declarator.id.name;
  const variable = sourceCode.getDeclaredVariables(declarator).find((v) => v.name === name);
  if (!variable) return null;
  return variable.references.every((ref) => !ref.isWrite() || ref.init === true) ? variable : null;
}

/**
 * `fn` is a node-style callback passed to `call`: its first parameter is named
 * like an error, and `call` is neither a listener registration nor an array
 * method. Returns the error parameter.
 */
function nodeStyleCallback(fn: FunctionNode, call: TSESTree.CallExpression): TSESTree.Identifier | null {
  const error = fn.params[0];
  if (error?.type !== AST_NODE_TYPES.Identifier || !ERROR_PARAMETER.test(error.name)) return null;
  const callee = skipWrappers(call.callee);
  if (callee.type === AST_NODE_TYPES.MemberExpression) {
    const method = memberName(callee);
    if (method !== null && (LISTEN_METHODS.has(method) || SYNC_CALLBACK_METHODS.has(method))) return null;
  }
  return error;
}
