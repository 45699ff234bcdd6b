/**
 * Timeouts: is this promise one that settles from a timer? Recognises
 * `new Promise((resolve) => setTimeout(resolve, ms))` (and its reject form),
 * `setTimeout` from `node:timers/promises`, a `const` holding either, and a
 * call to a function whose declaration (in this file or another, found
 * through the type checker) returns one, plus helpers named in options.
 */
import {
  ASTUtils,
  AST_NODE_TYPES,
  TSESLint,
  type ParserServicesWithTypeInformation,
  type TSESTree,
} from '@typescript-eslint/utils';
import ts from 'typescript';
import { isFunctionNode, memberName, outermostAlias, skipWrappers, walk, type FunctionNode } from './ast.js';
import { constDeclarator } from './owners.js';
import { PROMISE_REACTIONS } from './vocabulary.js';

export interface Timeout {
  kind: 'promiseTimer' | 'timersPromises' | 'helper' | 'helperResult';
  /** The element raced (or the expression found behind a `const`). */
  node: TSESTree.Node;
  /** Where a `new Promise` timer's handle is stored (`timer = setTimeout(…)`, `this.timer = …`), as source text. */
  handle: string | null;
  /** The delay, when it is written at the timer (`setTimeout(r, ms)`, `sleep(ms)`). */
  ms: TSESTree.Node | null;
  /** The `signal` passed to a `node:timers/promises` timer or to a helper, if any. */
  signal: TSESTree.Node | null;
  /** `setTimeout(…).unref()`: the timer cannot keep the process alive. */
  unref: boolean;
  /** The function a `new Promise` timer runs when it fires, when it is written there. */
  callback?: FunctionNode | null;
  /**
   * Reached through a reaction (`sleep(ms).then(() => 'timeout')`): what the
   * race yields on timeout is computed by code that dropping the race would lose.
   */
  chained?: boolean;
  /**
   * For a timer promise taken from a helper's result (`deadline(ms).promise`,
   * `const { promise, cleanup } = createTimeout(ms)`): the calls that clear it,
   * as source text (`timeout.clear`, `cleanup`), from the functions of the same
   * result that call `clearTimeout`.
   */
  clearCalls?: readonly string[];
}

export interface TimeoutContext {
  sourceCode: Readonly<TSESLint.SourceCode>;
  services: ParserServicesWithTypeInformation;
  /** Names of helper functions to treat as timeouts (the `timeoutHelpers` option). */
  helpers: readonly string[];
}

const TIMERS_PROMISES = new Set(['node:timers/promises', 'timers/promises']);

export function timeoutOf(element: TSESTree.Node, context: TimeoutContext, depth = 0): Timeout | null {
  const node = element.type === AST_NODE_TYPES.SpreadElement ? null : skipWrappers(element as TSESTree.Expression);
  if (!node || depth > 3) return null;
  if (node.type === AST_NODE_TYPES.NewExpression) return promiseTimer(node, element);
  // `timeout.promise` of `const timeout = deadline(ms)`.
  if (
    node.type === AST_NODE_TYPES.MemberExpression &&
    !node.computed &&
    node.object.type === AST_NODE_TYPES.Identifier
  ) {
    const declarator = constDeclarator(node.object, context.sourceCode);
    const property = memberName(node);
    if (
      declarator?.id.type === AST_NODE_TYPES.Identifier &&
      declarator.init.type === AST_NODE_TYPES.CallExpression &&
      property !== null
    ) {
      const object = node.object.name;
      return helperResult(declarator.init, property, element, (clearer) => `${object}.${clearer}`, context);
    }
    return null;
  }
  if (node.type === AST_NODE_TYPES.Identifier) {
    const declarator = constDeclarator(node, context.sourceCode);
    if (!declarator) return null;
    // `const { promise: timeout, cleanup } = createTimeout(ms)`.
    if (declarator.id.type === AST_NODE_TYPES.ObjectPattern && declarator.init.type === AST_NODE_TYPES.CallExpression) {
      const pattern = declarator.id;
      const bound = new Map<string, string>();
      for (const p of pattern.properties) {
        if (p.type !== AST_NODE_TYPES.Property || p.computed || p.key.type !== AST_NODE_TYPES.Identifier) continue;
        if (p.value.type === AST_NODE_TYPES.Identifier) bound.set(p.key.name, p.value.name);
      }
      const property = [...bound].find(([, local]) => local === node.name)?.[0];
      if (!property) return null;
      return helperResult(declarator.init, property, element, (clearer) => bound.get(clearer) ?? null, context);
    }
    const found = timeoutOf(declarator.init, context, depth + 1);
    return found ? { ...found, node: element } : null;
  }
  if (node.type !== AST_NODE_TYPES.CallExpression) return null;
  // `sleep(ms).then(() => 'timeout')`: a reaction on a timeout settles when the timer fires.
  const callee = skipWrappers(node.callee);
  if (callee.type === AST_NODE_TYPES.MemberExpression && PROMISE_REACTIONS.has(memberName(callee) ?? '')) {
    const found = timeoutOf(callee.object, context, depth + 1);
    return found ? { ...found, node: element, chained: true } : null;
  }
  const signal = signalArgument(node);
  if (isTimersPromisesSetTimeout(node.callee, context)) {
    return { kind: 'timersPromises', node: element, handle: null, ms: node.arguments[0] ?? null, signal, unref: false };
  }
  const name =
    node.callee.type === AST_NODE_TYPES.Identifier
      ? node.callee.name
      : node.callee.type === AST_NODE_TYPES.MemberExpression
        ? memberName(node.callee)
        : null;
  if ((name !== null && context.helpers.includes(name)) || declarationReturnsTimeout(node, context)) {
    return { kind: 'helper', node: element, handle: null, ms: helperDelay(node, context), signal, unref: false };
  }
  return null;
}

/**
 * `(async () => { await new Promise(… setTimeout …); throw … })()`: the timer
 * an async IIFE awaits first, with where its handle goes, as the IIFE's timeout.
 */
export function iifeTimer(call: TSESTree.CallExpression): Timeout | null {
  const callee = skipWrappers(call.callee);
  if (
    (callee.type !== AST_NODE_TYPES.ArrowFunctionExpression && callee.type !== AST_NODE_TYPES.FunctionExpression) ||
    callee.body.type !== AST_NODE_TYPES.BlockStatement
  ) {
    return null;
  }
  const first = callee.body.body[0];
  if (first?.type !== AST_NODE_TYPES.ExpressionStatement || first.expression.type !== AST_NODE_TYPES.AwaitExpression)
    return null;
  const awaited = skipWrappers(first.expression.argument);
  return awaited.type === AST_NODE_TYPES.NewExpression ? promiseTimer(awaited, call) : null;
}

/** `new Promise((resolve, reject) => { … setTimeout(…, ms) … })`, with where its handle goes. */
function promiseTimer(node: TSESTree.NewExpression, element: TSESTree.Node): Timeout | null {
  if (node.callee.type !== AST_NODE_TYPES.Identifier || node.callee.name !== 'Promise') return null;
  const executor = node.arguments[0];
  if (!executor || !isFunctionNode(executor)) return null;
  let timer: TSESTree.CallExpression | null = null;
  walk(executor.body, (child) => {
    if (timer || child.type !== AST_NODE_TYPES.CallExpression) return;
    const callee = skipWrappers(child.callee);
    const isTimer =
      (callee.type === AST_NODE_TYPES.Identifier && callee.name === 'setTimeout') ||
      (callee.type === AST_NODE_TYPES.MemberExpression && memberName(callee) === 'setTimeout');
    if (isTimer) timer = child;
  });
  const found = timer as TSESTree.CallExpression | null;
  if (!found) return null;
  let handle: string | null = null;
  const parent = found.parent;
  // `timer = setTimeout(…)`, also through a cast (`… as unknown as number`).
  const stored = outermostAlias(found);
  const holder = stored.parent;
  if (holder?.type === AST_NODE_TYPES.AssignmentExpression && holder.right === stored) {
    // `timer = …`, or a field of the object: `this.timer = …`.
    const left = holder.left;
    if (left.type === AST_NODE_TYPES.Identifier) handle = left.name;
    else if (
      left.type === AST_NODE_TYPES.MemberExpression &&
      !left.computed &&
      left.object.type === AST_NODE_TYPES.ThisExpression
    ) {
      const hash = left.property.type === AST_NODE_TYPES.PrivateIdentifier ? '#' : '';
      handle = `this.${hash}${left.property.name}`;
    }
  }
  const unref =
    parent.type === AST_NODE_TYPES.MemberExpression &&
    parent.object === found &&
    memberName(parent) === 'unref' &&
    parent.parent.type === AST_NODE_TYPES.CallExpression;
  const callback = found.arguments[0];
  return {
    kind: 'promiseTimer',
    node: element,
    handle,
    ms: found.arguments[1] ?? null,
    signal: null,
    unref,
    callback: callback && isFunctionNode(callback) ? callback : null,
  };
}

/**
 * A property of a helper's returned object literal that holds a timer promise,
 * with the calls (named through `call`'s result by `name`) that clear it: the
 * other properties whose functions call `clearTimeout`/`clearInterval`.
 */
function helperResult(
  call: TSESTree.CallExpression,
  property: string,
  element: TSESTree.Node,
  name: (clearer: string) => string | null,
  context: TimeoutContext,
): Timeout | null {
  const checker = context.services.program.getTypeChecker();
  const declaration = checker.getResolvedSignature(context.services.esTreeNodeToTSNodeMap.get(call))?.getDeclaration();
  if (!declaration || !('body' in declaration) || !declaration.body || !ts.isBlock(declaration.body)) return null;
  if (declaration.getSourceFile().isDeclarationFile) return null;
  for (const statement of declaration.body.statements) {
    if (!ts.isReturnStatement(statement) || !statement.expression) continue;
    const returned = statement.expression;
    if (!ts.isObjectLiteralExpression(returned)) continue;
    let timer = false;
    const clearCalls: string[] = [];
    for (const member of returned.properties) {
      const key = member.name && ts.isIdentifier(member.name) ? member.name.text : null;
      if (key === null) continue;
      const value = ts.isPropertyAssignment(member)
        ? member.initializer
        : ts.isShorthandPropertyAssignment(member)
          ? member
          : ts.isMethodDeclaration(member)
            ? member
            : null;
      if (!value) continue;
      if (key === property) timer = holdsTimerPromise(checker, value);
      else if (containsCallNamed(value, 'clearTimeout') || containsCallNamed(value, 'clearInterval')) {
        const text = name(key);
        if (text) clearCalls.push(text);
      }
    }
    if (timer) {
      return {
        kind: 'helperResult',
        node: element,
        handle: null,
        ms: call.arguments[0] ?? null,
        signal: null,
        unref: false,
        clearCalls,
      };
    }
  }
  return null;
}

/** `promise` for `const promise = new Promise((_, reject) => { … setTimeout(…) … })`. */
function holdsTimerPromise(checker: ts.TypeChecker, value: ts.Node): boolean {
  let node: ts.Node = value;
  if (ts.isIdentifier(node) || ts.isShorthandPropertyAssignment(node)) {
    const symbol = ts.isShorthandPropertyAssignment(node)
      ? checker.getShorthandAssignmentValueSymbol(node)
      : checker.getSymbolAtLocation(node);
    const declaration = symbol?.valueDeclaration;
    if (!declaration || !ts.isVariableDeclaration(declaration) || !declaration.initializer) return false;
    node = declaration.initializer;
  }
  if (!ts.isNewExpression(node) || node.expression.getText() !== 'Promise') return false;
  const executor = node.arguments?.[0];
  return executor !== undefined && containsCallNamed(executor, 'setTimeout');
}

/** `{ signal }` or `{ signal: controller.signal }` among a call's arguments. */
function signalArgument(call: TSESTree.CallExpression): TSESTree.Node | null {
  for (const argument of call.arguments) {
    if (argument.type !== AST_NODE_TYPES.ObjectExpression) continue;
    for (const property of argument.properties) {
      if (
        property.type === AST_NODE_TYPES.Property &&
        !property.computed &&
        property.key.type === AST_NODE_TYPES.Identifier &&
        property.key.name === 'signal'
      ) {
        return property.value;
      }
    }
  }
  return null;
}

/** `setTimeout` imported from `node:timers/promises` (any local name), or `timers.setTimeout` on its namespace. */
function isTimersPromisesSetTimeout(callee: TSESTree.Expression, context: TimeoutContext): boolean {
  const node = skipWrappers(callee);
  const binding =
    node.type === AST_NODE_TYPES.Identifier
      ? node
      : node.type === AST_NODE_TYPES.MemberExpression && !node.computed
        ? skipWrappers(node.object)
        : null;
  if (binding?.type !== AST_NODE_TYPES.Identifier) return false;
  const def = ASTUtils.findVariable(context.sourceCode.getScope(binding), binding.name)?.defs[0];
  if (def?.type !== TSESLint.Scope.DefinitionType.ImportBinding) return false;
  const declaration = def.parent;
  if (declaration.type !== AST_NODE_TYPES.ImportDeclaration || !TIMERS_PROMISES.has(declaration.source.value))
    return false;
  const specifier = def.node;
  if (node.type === AST_NODE_TYPES.MemberExpression) {
    return specifier.type === AST_NODE_TYPES.ImportNamespaceSpecifier && memberName(node) === 'setTimeout';
  }
  return (
    specifier.type === AST_NODE_TYPES.ImportSpecifier &&
    specifier.imported.type === AST_NODE_TYPES.Identifier &&
    specifier.imported.name === 'setTimeout'
  );
}

/**
 * The called function's declaration (through the checker, so imported
 * helpers count) returns a timer promise: a `new Promise` whose executor
 * calls `setTimeout`, or a `node:timers/promises` timer.
 */
function declarationReturnsTimeout(call: TSESTree.CallExpression, context: TimeoutContext): boolean {
  const checker = context.services.program.getTypeChecker();
  return tsCallIsTimeout(context.services.esTreeNodeToTSNodeMap.get(call), checker, 0);
}

/**
 * The argument of a helper call that is the timer's delay in milliseconds: the helper's body
 * arms one `setTimeout`, whose delay is one of the helper's parameters as it is
 * (`(ms) => new Promise((r) => setTimeout(r, ms))`). Null when the body is out of sight or
 * computes the delay (`seconds * 1000`): the argument is then not the delay.
 */
function helperDelay(call: TSESTree.CallExpression, context: TimeoutContext): TSESTree.Node | null {
  const checker = context.services.program.getTypeChecker();
  const index = delayParameter(context.services.esTreeNodeToTSNodeMap.get(call), checker, 0);
  return index >= 0 ? (call.arguments[index] ?? null) : null;
}

/**
 * Which parameter of the function `call` runs is the delay of its one timer: the delay of its
 * `setTimeout` (or `timers/promises` timer), or of a helper it calls (two levels deep), when that
 * delay is the parameter as it is. -1 when there is none such.
 */
function delayParameter(call: ts.CallExpression, checker: ts.TypeChecker, depth: number): number {
  if (depth > 2) return -1;
  const declaration = checker.getResolvedSignature(call)?.getDeclaration();
  if (!declaration || !('body' in declaration) || !declaration.body) return -1;
  if (declaration.getSourceFile().isDeclarationFile) return -1;
  const delays: (ts.Expression | undefined)[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node)) {
      if (ts.isIdentifier(node.expression) && node.expression.text === 'setTimeout') {
        delays.push(node.arguments[1]);
      } else if (isImportedFromTimersPromises(node.expression, checker)) {
        delays.push(node.arguments[0]);
      } else {
        const inner = delayParameter(node, checker, depth + 1);
        if (inner >= 0) delays.push(node.arguments[inner]);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(declaration.body);
  const [delay] = delays;
  if (delays.length !== 1 || !delay || !ts.isIdentifier(delay)) return -1;
  const symbol = checker.getSymbolAtLocation(delay);
  return declaration.parameters.findIndex((parameter) => checker.getSymbolAtLocation(parameter.name) === symbol);
}

/** A call whose callee's body makes a timer promise, or calls another function that does (two levels deep). */
function tsCallIsTimeout(call: ts.CallExpression, checker: ts.TypeChecker, depth: number): boolean {
  if (depth > 2) return false;
  if (isImportedFromTimersPromises(call.expression, checker)) return true;
  const declaration = checker.getResolvedSignature(call)?.getDeclaration();
  if (!declaration || !('body' in declaration) || !declaration.body) return false;
  if (declaration.getSourceFile().isDeclarationFile) return false;
  // A function that returns something other than a timer (`return await fetch(req)` in a retry
  // helper that sleeps between attempts) settles with its work, not with the timer.
  if (returnsOtherThanTimer(declaration.body, checker, depth)) return false;
  let found = false;
  const visit = (node: ts.Node): void => {
    if (found) return;
    if (ts.isNewExpression(node) && node.expression.getText() === 'Promise') {
      const executor = node.arguments?.[0];
      if (executor && containsCallNamed(executor, 'setTimeout')) found = true;
    } else if (ts.isCallExpression(node) && tsCallIsTimeout(node, checker, depth + 1)) {
      found = true;
    }
    if (!ts.isFunctionLike(node)) ts.forEachChild(node, visit);
  };
  // The body itself may be the promise: `(ms) => new Promise(…)`.
  visit(declaration.body);
  return found;
}

/** Does some `return` of the body (outside nested functions) give a value that is not a timer promise? */
function returnsOtherThanTimer(body: ts.Node, checker: ts.TypeChecker, depth: number): boolean {
  if (!ts.isBlock(body)) return !isTimerExpression(body, checker, depth);
  let other = false;
  const visit = (node: ts.Node): void => {
    if (other || ts.isFunctionLike(node)) return;
    if (ts.isReturnStatement(node) && node.expression && !isTimerExpression(node.expression, checker, depth)) {
      other = true;
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(body);
  return other;
}

/** `new Promise(… setTimeout …)`, a call that makes one, or a reaction chained on either, awaited or not. */
function isTimerExpression(expression: ts.Node, checker: ts.TypeChecker, depth: number): boolean {
  let node = expression;
  while (ts.isParenthesizedExpression(node) || ts.isAwaitExpression(node) || ts.isAsExpression(node)) {
    node = node.expression;
  }
  // `const p = new Promise(…); return p;`
  if (ts.isIdentifier(node)) {
    const declaration = checker.getSymbolAtLocation(node)?.valueDeclaration;
    if (!declaration || !ts.isVariableDeclaration(declaration) || !declaration.initializer) return false;
    const list = declaration.parent;
    if (!ts.isVariableDeclarationList(list) || !(list.flags & ts.NodeFlags.Const)) return false;
    return depth < 3 && isTimerExpression(declaration.initializer, checker, depth + 1);
  }
  if (ts.isNewExpression(node)) {
    const executor = node.arguments?.[0];
    return (
      node.expression.getText() === 'Promise' && executor !== undefined && containsCallNamed(executor, 'setTimeout')
    );
  }
  if (!ts.isCallExpression(node)) return false;
  const callee = node.expression;
  if (ts.isPropertyAccessExpression(callee) && PROMISE_REACTIONS.has(callee.name.text)) {
    return isTimerExpression(callee.expression, checker, depth);
  }
  return tsCallIsTimeout(node, checker, depth + 1);
}

function containsCallNamed(root: ts.Node, name: string): boolean {
  let found = false;
  const visit = (node: ts.Node): void => {
    if (found) return;
    if (ts.isCallExpression(node)) {
      const callee = node.expression;
      if (
        (ts.isIdentifier(callee) && callee.text === name) ||
        (ts.isPropertyAccessExpression(callee) && callee.name.text === name)
      ) {
        found = true;
        return;
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(root);
  return found;
}

function isImportedFromTimersPromises(callee: ts.Expression, checker: ts.TypeChecker): boolean {
  const symbol = checker.getSymbolAtLocation(callee);
  const declaration = symbol?.declarations?.[0];
  if (!declaration || !ts.isImportSpecifier(declaration)) return false;
  const module = declaration.parent.parent.parent.moduleSpecifier;
  return (
    ts.isStringLiteral(module) &&
    TIMERS_PROMISES.has(module.text) &&
    (declaration.propertyName ?? declaration.name).text === 'setTimeout'
  );
}
