/**
 * Listeners: how a listener registration and its removal are recognised, how
 * long the target of a registration lives, and whether the registration runs
 * again on every call or once while something is being set up.
 */
import {
  ASTUtils,
  AST_NODE_TYPES,
  TSESLint,
  type ParserServicesWithTypeInformation,
  type TSESTree,
} from '@typescript-eslint/utils';
import ts from 'typescript';
import {
  calleeName,
  classOfMember,
  isConstructor,
  contains,
  enclosingClass,
  functionName,
  isFunctionNode,
  isLoop,
  memberName,
  runsInPlace,
  skipWrappers,
  walk,
  type ClassNode,
  type FunctionNode,
} from './ast.js';
import { CONFIGURATION_FUNCTION, classLooksLongLived, classMadeOnce } from './intent.js';
import { isModuleLevel, outlivesEnclosingCall, type Scopes } from './lifetime.js';
import { aliasTarget, classOfThis } from './owners.js';
import { argumentFor, callSitesOf as programCallSitesOf } from './program.js';
import { ADD_LISTENER, ADD_ONCE_LISTENER, REMOVE_LISTENER } from './resources.js';
import { isAbortSignalType, isBuiltinFactoryCall, isOwnSignalOf } from './types.js';

export { ADD_LISTENER, ADD_ONCE_LISTENER, REMOVE_LISTENER };

export interface ListenerAdd {
  call: TSESTree.CallExpression;
  method: string;
  /** The target; null for a bare `addEventListener(…)` (the global object). */
  receiver: TSESTree.Expression | null;
  event: TSESTree.Expression;
  handler: TSESTree.Expression;
}

export interface ListenerRemoval {
  call: TSESTree.CallExpression;
  method: string;
  receiver: TSESTree.Expression | null;
  /** null for `removeAllListeners()` without an event. */
  event: TSESTree.Expression | null;
  /** null for `removeAllListeners(…)`. */
  handler: TSESTree.Expression | null;
}

function receiverOf(call: TSESTree.CallExpression): { name: string; receiver: TSESTree.Expression | null } | null {
  const callee = skipWrappers(call.callee);
  if (callee.type === AST_NODE_TYPES.MemberExpression) {
    const name = memberName(callee);
    return name === null ? null : { name, receiver: skipWrappers(callee.object) };
  }
  if (callee.type === AST_NODE_TYPES.Identifier) return { name: callee.name, receiver: null };
  return null;
}

/** `target.on(event, handler)`, `target.addEventListener(event, handler, options)`, … */
export function listenerAddAt(call: TSESTree.CallExpression, includeOnce: boolean): ListenerAdd | null {
  const found = receiverOf(call);
  if (!found) return null;
  const { name, receiver } = found;
  if (!ADD_LISTENER.has(name) && !(includeOnce && ADD_ONCE_LISTENER.has(name))) return null;
  // A bare call is only the global `addEventListener`.
  if (receiver === null && name !== 'addEventListener') return null;
  const [event, handler] = call.arguments;
  if (
    !event ||
    !handler ||
    event.type === AST_NODE_TYPES.SpreadElement ||
    handler.type === AST_NODE_TYPES.SpreadElement
  ) {
    return null;
  }
  return { call, method: name, receiver, event, handler: skipWrappers(handler) };
}

export function listenerRemovalAt(call: TSESTree.CallExpression): ListenerRemoval | null {
  const found = receiverOf(call);
  if (!found) return null;
  const { name, receiver } = found;
  const [event, handler] = call.arguments;
  if (REMOVE_LISTENER.has(name) && event && handler) {
    if (event.type === AST_NODE_TYPES.SpreadElement || handler.type === AST_NODE_TYPES.SpreadElement) return null;
    return { call, method: name, receiver, event, handler: skipWrappers(handler) };
  }
  if (name === 'removeAllListeners' && receiver) {
    return {
      call,
      method: name,
      receiver,
      event: event && event.type !== AST_NODE_TYPES.SpreadElement ? event : null,
      handler: null,
    };
  }
  return null;
}

/**
 * How the options argument of `addEventListener` bounds the listener:
 * `signal` for `{ signal }` (removed when the caller's controller aborts),
 * `once` for `{ once: true }` alone (removed only when the event fires),
 * `unknown` when it is not an object literal we can read (a variable, a
 * spread), `none` otherwise.
 */
export function optionsBound(add: ListenerAdd): 'signal' | 'once' | 'unknown' | 'none' {
  if (add.method !== 'addEventListener') return 'none';
  const options = add.call.arguments[2];
  if (!options) return 'none';
  if (options.type === AST_NODE_TYPES.Literal) return 'none';
  if (options.type !== AST_NODE_TYPES.ObjectExpression) return 'unknown';
  let once = false;
  for (const property of options.properties) {
    if (property.type !== AST_NODE_TYPES.Property || property.computed) return 'unknown';
    const key = property.key.type === AST_NODE_TYPES.Identifier ? property.key.name : null;
    if (key === 'signal') return 'signal';
    if (key === 'once') {
      const value = property.value;
      if (value.type === AST_NODE_TYPES.Literal && value.value === false) continue;
      once = true;
    }
  }
  return once ? 'once' : 'none';
}

/** Globals that live as long as the process or the page. */
const GLOBAL_TARGETS = new Set([
  'process',
  'window',
  'document',
  'globalThis',
  'self',
  'navigator',
  'screen',
  'visualViewport',
]);

export type TargetLifetime =
  /** `process`, `window`, `document` and what hangs on them. */
  | { kind: 'global'; root: string }
  /** A module-level or imported binding and what hangs on it. */
  | { kind: 'module'; root: TSESLint.Scope.Variable }
  /** `this` or a field of it, in a method. */
  | { kind: 'object'; classNode: ClassNode }
  /** A variable of an outer function, shared by every call of a function that outlives it. */
  | { kind: 'closure'; root: TSESLint.Scope.Variable }
  /** A parameter (or a property of one): the caller's object; only an `AbortSignal` counts. */
  | { kind: 'parameter'; root: TSESLint.Scope.Variable }
  /** A connection's socket reached through a request or response parameter: keep-alive shares it. */
  | { kind: 'connection'; root: TSESLint.Scope.Variable };

const MAX_ALIAS_DEPTH = 4;

/**
 * How long the target of a registration in `fn` lives, from syntax alone, or
 * null when it is made by this call (a local) or cannot be told.
 */
export function targetLifetime(
  receiver: TSESTree.Expression | null,
  fn: FunctionNode,
  scopes: Scopes,
  depth = 0,
): TargetLifetime | null {
  if (receiver === null) return { kind: 'global', root: 'globalThis' };
  let root: TSESTree.Expression = skipWrappers(receiver);
  while (root.type === AST_NODE_TYPES.MemberExpression) root = skipWrappers(root.object);
  if (root.type === AST_NODE_TYPES.ThisExpression) {
    const cls = classOfThis(root);
    if (!cls) return null;
    return cls.isStatic
      ? { kind: 'global', root: cls.classNode.id?.name ?? 'this' }
      : { kind: 'object', classNode: cls.classNode };
  }
  if (root.type !== AST_NODE_TYPES.Identifier) return null;
  const variable = ASTUtils.findVariable(scopes.scopeOf(root), root.name);
  if (!variable || variable.defs.length === 0)
    return GLOBAL_TARGETS.has(root.name) ? { kind: 'global', root: root.name } : null;
  const def = variable.defs[0];
  if (!def) return null;
  const target = aliasTarget(variable);
  if (target && depth < MAX_ALIAS_DEPTH) {
    const aliased = targetLifetime(target, fn, scopes, depth + 1);
    if (aliased) return aliased;
  }
  if (isModuleLevel(variable.scope)) return { kind: 'module', root: variable };
  const declaring = variable.scope.variableScope.block;
  if (def.type === TSESLint.Scope.DefinitionType.Parameter) {
    // A callback's parameter is supplied by whatever calls the callback, usually
    // fresh for each call (a job's or a request's signal): only a declared
    // function's caller can hand over one long-lived signal.
    return isCallbackArgument(def.node) ? null : { kind: 'parameter', root: variable };
  }
  if (!isFunctionNode(declaring) || declaring === fn || !contains(declaring, fn)) return null;
  // A variable of an outer function: shared when `fn` outlives the outer call
  // (a returned method, a registered handler).
  return outlivesEnclosingCall(fn, scopes) ? { kind: 'closure', root: variable } : null;
}

/**
 * The parameter a receiver hangs on (`req` in `req.socket`), of `fn` or of a
 * function around it, callbacks included; null for anything else.
 */
export function parameterRoot(receiver: TSESTree.Expression, scopes: Scopes): TSESLint.Scope.Variable | null {
  let root: TSESTree.Expression = skipWrappers(receiver);
  while (root.type === AST_NODE_TYPES.MemberExpression) root = skipWrappers(root.object);
  if (root.type !== AST_NODE_TYPES.Identifier) return null;
  const variable = ASTUtils.findVariable(scopes.scopeOf(root), root.name);
  return variable?.defs[0]?.type === TSESLint.Scope.DefinitionType.Parameter ? variable : null;
}

/** A function passed inline as an argument: `new Worker(q, async (job, token, signal) => …)`. */
function isCallbackArgument(node: TSESTree.Node): boolean {
  const parent = node.parent;
  return (
    isFunctionNode(node) &&
    parent !== undefined &&
    (parent.type === AST_NODE_TYPES.CallExpression || parent.type === AST_NODE_TYPES.NewExpression) &&
    parent.callee !== node
  );
}

/** Callees that call their callback once: the callback runs as part of the code around it. */
const RUNS_ONCE_CALLEES = new Set([
  'then',
  'catch',
  'finally',
  'once',
  'prependOnceListener',
  'setTimeout',
  'setImmediate',
  'nextTick',
  'queueMicrotask',
  'requestAnimationFrame',
  'requestIdleCallback',
  'whenReady',
]);

/** Events that fire once in the life of their target. */
const ONE_SHOT_EVENTS = new Set(['DOMContentLoaded', 'load', 'ready', 'listening']);

/** An event that fires once in the life of its target: a listener for it goes when it fires. */
export function isOneShotEvent(event: TSESTree.Node): boolean {
  return event.type === AST_NODE_TYPES.Literal && typeof event.value === 'string' && ONE_SHOT_EVENTS.has(event.value);
}

/** A callback that runs at most once where it is passed: `.then(cb)`, `setTimeout(cb)`, `x.on('ready', cb)`. */
function runsOnceWhereItIs(fn: FunctionNode): boolean {
  const parent = fn.parent;
  if (parent.type !== AST_NODE_TYPES.CallExpression || parent.callee === fn) return false;
  const name = calleeName(skipWrappers(parent.callee));
  if (name === null) return false;
  if (RUNS_ONCE_CALLEES.has(name)) return true;
  if (ADD_LISTENER.has(name)) {
    const event = parent.arguments[0];
    if (event?.type === AST_NODE_TYPES.Literal && typeof event.value === 'string' && ONE_SHOT_EVENTS.has(event.value))
      return true;
  }
  return false;
}

/**
 * The function whose every call runs `node` again: the nearest enclosing
 * function that is not run in place (an IIFE, an array callback, a promise
 * executor) or once where it stands (`.then(cb)`, `setTimeout(cb)`). Null
 * when `node` runs during module initialisation, a static block or a field
 * initializer, or directly in a constructor (with `constructors`, the
 * constructor: it runs again for every instance).
 */
export function perCallFunction(node: TSESTree.Node, constructors = false): FunctionNode | null {
  let child: TSESTree.Node = node;
  for (let p: TSESTree.Node | undefined = node.parent; p; child = p, p = p.parent) {
    if (p.type === AST_NODE_TYPES.StaticBlock) return null;
    if (
      (p.type === AST_NODE_TYPES.PropertyDefinition || p.type === AST_NODE_TYPES.AccessorProperty) &&
      p.value === child
    ) {
      return null;
    }
    if (!isFunctionNode(p)) continue;
    if (runsInPlace(p) || runsOnceWhereItIs(p)) continue;
    if (isConstructor(p)) return constructors ? p : null;
    return p;
  }
  return null;
}

/** Names of functions that set a program up: run once per program (or per object, for a method). */
const SETUP_NAME =
  /^_*(init|initialize|initialise|setup|setUp|install|bootstrap|main|start|serve|boot|launch|enable|activate|configure|register|create[A-Z]\w*(Server|App|Application))(?![a-z])/;

/** Names of methods that set their own object up: run once per object (and per reconnect). */
const OBJECT_SETUP_NAME = /^_*(connect|open|listen|attach|bind|wire|hook)(?![a-z])/;

/**
 * Does `fn` set something up, once for the target's lifetime, rather than
 * serve calls? Its name says so (`init`, `setup`, `start`, `connect`,
 * `attachListeners`…) or every call of it in this file is made while setting
 * up (module initialisation, a constructor, another set-up function), and
 * what it sets up lives as long as the target:
 * - a plain function: the program (it runs once per program);
 * - a method, on its own object or fields (`object` targets): that object;
 * - a method of a class whose instances serve many calls (a server, a
 *   service, a singleton): the program;
 * - a method of an object literal made at module level: the program.
 * A set-up method of a short-lived object (a widget, a stream source made per
 * call) runs once per object, so a global target still collects its listeners.
 */
export function isSetupFunction(
  fn: FunctionNode,
  targetKind: TargetLifetime['kind'],
  scopes: Scopes,
  sourceCode: Readonly<TSESLint.SourceCode>,
  depth = 0,
): boolean {
  const name = functionName(fn);
  const calls = name === null || depth >= 2 ? [] : callSitesOf(fn, name, scopes);
  // A constructor runs once per object: set-up for the object's own members, but for a target
  // that outlives every object it is a per-call path (the program decides, in the rule).
  const outlivesObjects = targetKind === 'global' || targetKind === 'module';
  const callers = calls.map((call) => {
    const caller = perCallFunction(call, true);
    return caller && !outlivesObjects && isConstructor(caller) ? null : caller;
  });
  // Called only from module initialisation (or, for the object's own members, a constructor): it is that code.
  if (calls.length > 0 && callers.every((caller) => caller === null)) return true;
  if (!setupOnceForTarget(fn, targetKind, scopes, sourceCode)) return false;
  if (name !== null && (SETUP_NAME.test(name) || CONFIGURATION_FUNCTION.test(name))) return true;
  if (name !== null && targetKind === 'object' && OBJECT_SETUP_NAME.test(name)) return true;
  // `export default (…) => { … }`: a module's entry point or plugin, called by whoever loads it.
  if (name === null && fn.parent.type === AST_NODE_TYPES.ExportDefaultDeclaration) return true;
  return (
    calls.length > 0 &&
    callers.every((caller) => caller === null || isSetupFunction(caller, targetKind, scopes, sourceCode, depth + 1))
  );
}

/** Does running once per owner of `fn` mean running once for a target of this kind? */
function setupOnceForTarget(
  fn: FunctionNode,
  targetKind: TargetLifetime['kind'],
  scopes: Scopes,
  sourceCode: Readonly<TSESLint.SourceCode>,
): boolean {
  const member = classOfMember(fn);
  if (member) {
    if (targetKind === 'object' || member.isStatic) return true;
    // A target that outlives every instance collects one listener per instance: once per
    // instance is once per program only for a class made once (the program may say so too,
    // asked in the rule).
    return targetKind === 'global' || targetKind === 'module'
      ? classMadeOnce(member.classNode, sourceCode)
      : classLooksLongLived(member.classNode, sourceCode);
  }
  const parent = fn.parent;
  if (parent.type === AST_NODE_TYPES.Property && parent.value === fn) {
    // A method of an object literal: once per object, made where the literal stands. For the
    // object's own state (a variable of the factory that makes it) once per object is enough.
    return targetKind === 'object' || isModuleLevel(scopes.scopeOf(parent.parent));
  }
  return true;
}

/**
 * The kind of target a set-up function is judged for: a variable of the
 * function that makes the object literal `fn` is a method of (`const http =
 * createServer(); return { listen() { http.on(…) } }`) is that object's own
 * state, one per object as a field is, so it counts as an `object` target.
 */
export function setUpTargetKind(lifetime: TargetLifetime, fn: FunctionNode): TargetLifetime['kind'] {
  if (lifetime.kind !== 'closure') return lifetime.kind;
  const parent = fn.parent;
  if (parent.type !== AST_NODE_TYPES.Property || parent.value !== fn) return lifetime.kind;
  // The function that makes the literal, with no loop between: one object per call of it.
  let maker: TSESTree.Node | undefined = parent.parent.parent;
  while (maker && !isFunctionNode(maker)) {
    if (isLoop(maker)) return lifetime.kind;
    maker = maker.parent;
  }
  return maker !== undefined && lifetime.root.scope.variableScope.block === maker ? 'object' : lifetime.kind;
}

/** The calls of `fn` in this file: `name()` for a declared function, `this.name()` in its class for a method. */
function callSitesOf(fn: FunctionNode, name: string, scopes: Scopes): TSESTree.CallExpression[] {
  const member = classOfMember(fn);
  if (member) {
    if (
      member.member.type !== AST_NODE_TYPES.MethodDefinition &&
      member.member.type !== AST_NODE_TYPES.PropertyDefinition
    )
      return [];
    return methodCalls(member.classNode, name).filter((call) => call !== fn.parent);
  }
  const binding = localBinding(fn);
  if (!binding) return [];
  // Exported: called from other modules too.
  const holder = binding.type === AST_NODE_TYPES.VariableDeclarator ? binding.parent.parent : binding.parent;
  if (holder.type === AST_NODE_TYPES.ExportNamedDeclaration || holder.type === AST_NODE_TYPES.ExportDefaultDeclaration)
    return [];
  const calls: TSESTree.CallExpression[] = [];
  for (const variable of bindingVariables(binding, scopes)) {
    for (const ref of variable.references) {
      const parent = ref.identifier.parent;
      if (ref.init) continue;
      // Used as a value (a callback, an export): called from who knows where.
      if (parent.type !== AST_NODE_TYPES.CallExpression || parent.callee !== ref.identifier) {
        return [];
      }
      calls.push(parent);
    }
  }
  return calls;
}

/**
 * The declaration that binds a function to a local name: the function
 * declaration itself, or the declarator of `const f = () => …`; null for a
 * function kept in no binding of its own.
 */
export function localBinding(fn: FunctionNode): TSESTree.FunctionDeclaration | TSESTree.VariableDeclarator | null {
  if (fn.type === AST_NODE_TYPES.FunctionDeclaration) return fn;
  return fn.parent.type === AST_NODE_TYPES.VariableDeclarator && fn.parent.init === fn ? fn.parent : null;
}

/**
 * The variable a local binding gives the function: for a function declaration
 * only its name (the declaration also declares its parameters, whose uses are
 * not uses of the function).
 */
export function bindingVariables(
  binding: TSESTree.FunctionDeclaration | TSESTree.VariableDeclarator,
  scopes: Scopes,
): readonly TSESLint.Scope.Variable[] {
  const variables = scopes.declared(binding);
  if (binding.type !== AST_NODE_TYPES.FunctionDeclaration) return variables;
  return variables.filter((variable) => variable.name === binding.id?.name);
}

const methodCallIndex = new WeakMap<ClassNode, Map<string, TSESTree.CallExpression[] | null>>();

/** `this.name(…)` calls in a class, by method name; null for a method also used as a value. */
function methodCalls(classNode: ClassNode, name: string): TSESTree.CallExpression[] {
  let index = methodCallIndex.get(classNode);
  if (!index) {
    const built = new Map<string, TSESTree.CallExpression[] | null>();
    walk(classNode.body, (node) => {
      if (
        node.type !== AST_NODE_TYPES.MemberExpression ||
        skipWrappers(node.object).type !== AST_NODE_TYPES.ThisExpression
      )
        return;
      const member = memberName(node);
      if (member === null) return;
      const parent = node.parent;
      const isCall = parent.type === AST_NODE_TYPES.CallExpression && parent.callee === node;
      const list = built.get(member);
      if (!isCall) built.set(member, null);
      else if (list) list.push(parent);
      else if (list === undefined) built.set(member, [parent]);
    });
    index = built;
    methodCallIndex.set(classNode, index);
  }
  return index.get(name) ?? [];
}

/**
 * Is the registration at `node` guarded so that it runs once: inside an `if`
 * (or after an early-return `if`) whose test reads something `fn` writes (a
 * flag such as `if (!installed) { installed = true; … }`), or a test that
 * counts listeners (`listenerCount`, `listeners(…)`)?
 */
export function isOnceGuarded(
  node: TSESTree.Node,
  fn: FunctionNode,
  sourceCode: Readonly<TSESLint.SourceCode>,
): boolean {
  const tests: TSESTree.Expression[] = [];
  let child: TSESTree.Node = node;
  for (let p: TSESTree.Node | undefined = node.parent; p && p !== fn; child = p, p = p.parent) {
    if (p.type === AST_NODE_TYPES.IfStatement && p.test !== child) tests.push(p.test);
    if (p.type === AST_NODE_TYPES.ConditionalExpression && p.test !== child) tests.push(p.test);
    if (p.type === AST_NODE_TYPES.LogicalExpression && p.right === child) tests.push(p.left);
    if (p.type === AST_NODE_TYPES.BlockStatement) {
      // An earlier `if (done) return;` in the same block.
      for (const statement of p.body) {
        if (statement === child || statement.range[0] > node.range[0]) break;
        if (statement.type === AST_NODE_TYPES.IfStatement && exits(statement.consequent)) tests.push(statement.test);
      }
    }
  }
  if (tests.length === 0) return false;
  const written = writtenPlaces(fn, sourceCode);
  return tests.some((test) => {
    let guarded = false;
    walk(test, (part) => {
      if (guarded) return;
      if (part.type === AST_NODE_TYPES.Identifier && /^(listenerCount|listeners|rawListeners)$/.test(part.name))
        guarded = true;
      else if (part.type === AST_NODE_TYPES.Identifier || part.type === AST_NODE_TYPES.MemberExpression) {
        if (written.has(sourceCode.getText(part).replace(/\s+/g, ''))) guarded = true;
      }
    });
    return guarded;
  });
}

function exits(statement: TSESTree.Statement): boolean {
  if (statement.type === AST_NODE_TYPES.ReturnStatement || statement.type === AST_NODE_TYPES.ThrowStatement)
    return true;
  if (statement.type === AST_NODE_TYPES.BlockStatement) {
    const last = statement.body.at(-1);
    return last !== undefined && exits(last);
  }
  return false;
}

const writtenByFunction = new WeakMap<FunctionNode, Set<string>>();

/** The places `fn` assigns (`x = …`, `this.x = …`, `x ??= …`), as compact source text. */
export function writtenPlaces(fn: FunctionNode, sourceCode: Readonly<TSESLint.SourceCode>): Set<string> {
  let written = writtenByFunction.get(fn);
  if (!written) {
    const found = new Set<string>();
    walk(fn.body, (node) => {
      if (node.type === AST_NODE_TYPES.AssignmentExpression)
        found.add(sourceCode.getText(node.left).replace(/\s+/g, ''));
    });
    written = found;
    writtenByFunction.set(fn, written);
  }
  return written;
}

/**
 * Is the target made fresh by `fn` itself: `fn` assigns the target or a
 * place it hangs on (`this.socket = connect(); this.socket.on(…)`)?
 */
export function targetAssignedIn(
  receiver: TSESTree.Expression,
  fn: FunctionNode,
  sourceCode: Readonly<TSESLint.SourceCode>,
): boolean {
  const written = writtenPlaces(fn, sourceCode);
  if (written.size === 0) return false;
  for (let node: TSESTree.Expression = skipWrappers(receiver); ;) {
    if (written.has(sourceCode.getText(node).replace(/\s+/g, ''))) return true;
    if (node.type !== AST_NODE_TYPES.MemberExpression) return false;
    node = skipWrappers(node.object);
  }
}

/**
 * An event source by type: an `EventTarget` (has `addEventListener` and
 * `removeEventListener`) or an emitter (`on` or `addListener`, and
 * `removeListener` or `off`), for every non-nullish part of a union.
 */
export function isEventSourceType(checker: ts.TypeChecker, type: ts.Type): boolean {
  const nonNull = checker.getNonNullableType(type);
  if (nonNull.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown | ts.TypeFlags.Never)) return false;
  const parts = nonNull.isUnion() ? nonNull.types : [nonNull];
  return parts.every((part) => {
    const has = (name: string): boolean => checker.getPropertyOfType(checker.getApparentType(part), name) !== undefined;
    if (has('addEventListener') && has('removeEventListener')) return true;
    return (has('on') || has('addListener')) && (has('removeListener') || has('off'));
  });
}

/**
 * `this.addListener(…)` in a method of a class that declares that very
 * method itself: the class is its own registry of listeners (it keeps them in
 * a collection of its own, not an `EventEmitter` or `EventTarget` it inherits),
 * and a method adding to it through its own API is part of that API: whoever
 * calls it owns the bound, as a container's `set()` does for a map.
 */
export function addsThroughOwnApi(add: ListenerAdd, services: ParserServicesWithTypeInformation): boolean {
  if (add.receiver?.type !== AST_NODE_TYPES.ThisExpression) return false;
  const classNode = enclosingClass(add.call);
  if (!classNode) return false;
  const tsClass = services.esTreeNodeToTSNodeMap.get(classNode);
  const callee = services.esTreeNodeToTSNodeMap.get(add.call).expression;
  if (!ts.isPropertyAccessExpression(callee)) return false;
  const symbol = services.program.getTypeChecker().getSymbolAtLocation(callee.name);
  const declarations = symbol?.declarations ?? [];
  return (
    declarations.length > 0 &&
    declarations.every((declaration) => ts.isMethodDeclaration(declaration) && declaration.parent === tsClass)
  );
}

/** The variable a handler expression names (`onAbort`, or a named function expression's own name). */
export function handlerVariable(handler: TSESTree.Expression, scopes: Scopes): TSESLint.Scope.Variable | null {
  if (handler.type === AST_NODE_TYPES.Identifier) {
    return ASTUtils.findVariable(scopes.scopeOf(handler), handler.name) ?? null;
  }
  if (handler.type === AST_NODE_TYPES.FunctionExpression && handler.id) {
    return scopes.declared(handler).find((variable) => variable.name === handler.id?.name) ?? null;
  }
  return null;
}

/**
 * Does every call of `fn` in the program pass, for its parameter at `index`
 * (or that parameter's `property`, as in `{ signal }`), an object made for
 * that call: the `.signal` of a controller made with `new` in the calling
 * code with no loop or function between it and the call, or a built-in
 * factory's result (`AbortSignal.timeout(ms)`)? Then the listener goes with
 * that object, whatever the callee leaves on it.
 */
export function freshArgumentAtEveryCall(
  program: ts.Program,
  fn: ts.SignatureDeclaration,
  index: number,
  property: string | null,
): boolean {
  const { calls, reactions, complete } = programCallSitesOf(program, fn);
  if (!complete || calls.length === 0 || reactions.length > 0) return false;
  const checker = program.getTypeChecker();
  return calls.every((call) => {
    const argument = argumentFor(call, index);
    if (argument === undefined || argument === 'spread') return false;
    const value = property === null ? argument : propertyValue(unwrap(argument), property);
    return value !== null && madeForCall(program, checker, value, call, 0);
  });
}

function unwrap(node: ts.Expression): ts.Expression {
  let current = node;
  while (ts.isParenthesizedExpression(current) || ts.isNonNullExpression(current) || ts.isAsExpression(current)) {
    current = current.expression;
  }
  return current;
}

/** `{ signal: x }` or `{ signal }`: the value given for `property` in an object literal. */
function propertyValue(node: ts.Expression, property: string): ts.Expression | null {
  if (!ts.isObjectLiteralExpression(node)) return null;
  for (const element of node.properties) {
    if (!element.name || !ts.isIdentifier(element.name) || element.name.text !== property) continue;
    if (ts.isPropertyAssignment(element)) return element.initializer;
    if (ts.isShorthandPropertyAssignment(element)) return element.name;
    return null;
  }
  return null;
}

function madeForCall(
  program: ts.Program,
  checker: ts.TypeChecker,
  node: ts.Expression,
  call: ts.CallExpression,
  depth: number,
): boolean {
  const value = unwrap(node);
  if (ts.isCallExpression(value)) return isBuiltinFactoryCall(program, value);
  if (ts.isIdentifier(value)) {
    const initializer = depth < 2 ? localConstant(checker, value, call) : null;
    return initializer !== null && madeForCall(program, checker, initializer, call, depth + 1);
  }
  if (!ts.isPropertyAccessExpression(value)) return false;
  const owner = unwrap(value.expression);
  if (ts.isNewExpression(owner)) return true;
  if (!ts.isIdentifier(owner)) return false;
  const initializer = localConstant(checker, owner, call);
  return initializer !== null && ts.isNewExpression(unwrap(initializer));
}

/**
 * The initializer of a `const` declared in the code that makes `call`, with
 * no loop or function between the declaration and the call: one value per
 * run of that code, and so per call.
 */
function localConstant(checker: ts.TypeChecker, id: ts.Identifier, call: ts.CallExpression): ts.Expression | null {
  const declaration = checker.getSymbolAtLocation(id)?.valueDeclaration;
  if (!declaration || !ts.isVariableDeclaration(declaration) || !declaration.initializer) return null;
  const list = declaration.parent;
  if (!ts.isVariableDeclarationList(list) || !(list.flags & ts.NodeFlags.Const)) return null;
  const statement = list.parent;
  if (!ts.isVariableStatement(statement)) return null;
  const block = statement.parent;
  if (ts.isSourceFile(block)) return null;
  for (let p: ts.Node = call.parent; p !== block; p = p.parent) {
    if (ts.isSourceFile(p) || ts.isFunctionLike(p) || ts.isIterationStatement(p, false)) return null;
  }
  return declaration.initializer;
}

/** An identifier that names a parameter: a handler or event the caller passes in. */
export function isParameterName(node: TSESTree.Node, scopes: Scopes): boolean {
  if (node.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = handlerVariable(node, scopes);
  return variable?.defs[0]?.type === TSESLint.Scope.DefinitionType.Parameter;
}

/**
 * The caller's signal is made for each call: every call in the program
 * passes the signal of a controller it has just made (`delay(ms,
 * controller.signal)` with `const controller = new AbortController()` in
 * the same pass), so the listener goes with it. `root` is the parameter
 * the registration's target is (or hangs on).
 */
export function passedFreshEveryCall(
  add: ListenerAdd,
  fn: FunctionNode,
  root: TSESLint.Scope.Variable,
  scopes: Scopes,
  services: ParserServicesWithTypeInformation,
): boolean {
  const name = root.defs[0]?.name;
  const index = fn.params.findIndex(
    (param) => param === name || (param.type === AST_NODE_TYPES.AssignmentPattern && param.left === name),
  );
  if (index < 0 || !add.receiver) return false;
  const receiver = skipWrappers(add.receiver);
  let property: string | null = null;
  if (receiver.type === AST_NODE_TYPES.MemberExpression) {
    const object = skipWrappers(receiver.object);
    if (receiver.computed || object.type !== AST_NODE_TYPES.Identifier || handlerVariable(object, scopes) !== root)
      return false;
    property = memberName(receiver);
  } else if (receiver.type !== AST_NODE_TYPES.Identifier || handlerVariable(receiver, scopes) !== root) {
    return false;
  }
  return freshArgumentAtEveryCall(services.program, services.esTreeNodeToTSNodeMap.get(fn), index, property);
}

/**
 * Is the target the own signal of an object the caller handed in (through
 * `const` aliases): `request.signal`, `c.req.raw.signal`, read-only on an
 * object with methods (`isOwnSignalOf`)? It is made with that object and
 * aborted with it, so it lives as long as the object, and whether the
 * object outlives the call is the caller's business, as it is for any
 * other parameter. Only a signal handed over as such (`signal`,
 * `options.signal`) is the caller's signal.
 */
export function isArgumentsOwnSignal(
  receiver: TSESTree.Expression | null,
  scopes: Scopes,
  services: ParserServicesWithTypeInformation,
): boolean {
  let node = receiver === null ? null : skipWrappers(receiver);
  for (let depth = 0; node?.type === AST_NODE_TYPES.Identifier && depth < MAX_ALIAS_DEPTH; depth++) {
    const variable = ASTUtils.findVariable(scopes.scopeOf(node), node.name);
    const target = variable ? aliasTarget(variable) : null;
    node = target ? skipWrappers(target) : null;
  }
  if (node?.type !== AST_NODE_TYPES.MemberExpression || node.computed) return false;
  const access = services.esTreeNodeToTSNodeMap.get(node);
  return ts.isPropertyAccessExpression(access) && isOwnSignalOf(services.program.getTypeChecker(), access);
}

/**
 * Is a registration's target an event source by type (`isEventSourceType`),
 * and, for a parameter (the caller's object), an `AbortSignal`? A bare
 * `addEventListener(…)` (the global object) is one.
 */
export function hasEventSourceType(
  add: ListenerAdd,
  lifetime: TargetLifetime,
  checker: ts.TypeChecker,
  services: ParserServicesWithTypeInformation,
): boolean {
  if (!add.receiver) return true;
  const type = services.getTypeAtLocation(add.receiver);
  if (lifetime.kind === 'parameter') return isAbortSignalType(checker, type) && isEventSourceType(checker, type);
  // The socket of a request or response: an event source by its declaration in Node's typings.
  if (lifetime.kind === 'connection') return true;
  return isEventSourceType(checker, type);
}
