/**
 * Cancellation: whether code consults a cancellation state (reads
 * `signal.aborted`, calls `signal.throwIfAborted()`, reads a cancellation
 * token, or hands an `AbortSignal` on to what it awaits), and which
 * `AbortSignal` a function is given (a parameter, an options property, a
 * destructured `{ signal }`).
 */
import { AST_NODE_TYPES, type ParserServicesWithTypeInformation, type TSESTree } from '@typescript-eslint/utils';
import ts from 'typescript';
import { enclosingFunction, walk, type FunctionNode } from './ast.js';
import { skipOuterExpressions } from './callees.js';
import { argumentFor, callSitesOf, perProgram } from './program.js';
import { isAbortSignalType, signalPropertyOf } from './types.js';
import { CANCELLATION_READS } from './vocabulary.js';

/** What the cancellation questions ask the types with: the parser services and their checker. */
export interface TypeContext {
  services: ParserServicesWithTypeInformation;
  checker: ts.TypeChecker;
}

/**
 * A read of a cancellation state (`.aborted`, `throwIfAborted()`) or a use of
 * an `AbortSignal` anywhere in `root`, nested callbacks included. The syntactic
 * reads are looked for first; the types are asked only when none is found.
 * A call of a function the code was given (`retrieve(headers)`, a parameter)
 * consults cancellation when every caller in the program passes a function
 * that does (`(headers) => resource.retrieve(id, { ...options, headers })`).
 */
export function consultsCancellation(root: TSESTree.Node, { services }: TypeContext): boolean {
  return consultsOnTree(services.esTreeNodeToTSNodeMap.get(root), services.program, null);
}

/**
 * `consultsCancellation` on TypeScript's tree, so that code in any file of the program can be asked.
 * `passed`: the function a caller hands to a helper, whose own parameters hold what the helper
 * gives it, not a signal of the caller's: only what it captures counts then.
 */
function consultsOnTree(root: ts.Node, program: ts.Program, passed: ts.SignatureDeclaration | null): boolean {
  const checker = program.getTypeChecker();
  const state = { found: false };
  const typed: ts.Node[] = [];
  const parameterCalls: ts.CallExpression[] = [];
  const visit = (node: ts.Node): void => {
    if (state.found) return;
    if (ts.isPropertyAccessExpression(node)) {
      if (CANCELLATION_READS.has(node.name.text) && !(passed && readsParameterOf(checker, node, passed))) {
        state.found = true;
        return;
      }
      typed.push(node);
    } else if (ts.isElementAccessExpression(node) || ts.isObjectLiteralExpression(node)) {
      // `read({ ...options, bytes: 1 })`: an object literal passed on, whose type may carry the signal.
      typed.push(node);
    } else if (ts.isIdentifier(node) && isValueReference(node)) {
      typed.push(node);
    }
    if (!passed && ts.isCallExpression(node) && ts.isIdentifier(node.expression) && isAwaited(node)) {
      parameterCalls.push(node);
    }
    ts.forEachChild(node, visit);
  };
  visit(root);
  if (state.found) return true;
  // An `AbortSignal`, or an options object that carries one passed to a call (`readString(lp, options)`,
  // `read({ ...options, bytes: 1 })`).
  const signalled = typed.some((node) => {
    if (passed && readsParameterOf(checker, node, passed)) return false;
    const type = checker.getTypeAtLocation(node);
    if (isAbortSignalType(checker, type)) return true;
    let argument = node;
    while (ts.isParenthesizedExpression(argument.parent)) argument = argument.parent;
    const call = argument.parent;
    const args: readonly ts.Node[] =
      ts.isCallExpression(call) || ts.isNewExpression(call) ? (call.arguments ?? []) : [];
    if (!args.includes(argument)) return false;
    // An options object with a property typed `AbortSignal`, whatever its name (`signal`, `abortSignal`).
    const property = signalPropertyOf(checker, type, node);
    if (property === null) return false;
    // In a passed function, `{ ...request, tag }` carries the helper's own value, not the caller's.
    return !(passed && ts.isObjectLiteralExpression(node) && signalFromParameterOf(checker, node, property, passed));
  });
  return signalled || parameterCalls.some((call) => parameterConsults(program, call));
}

/** Does `node` read a parameter of `fn` (`request`, `request.signal`, `request?.signal.aborted`)? */
function readsParameterOf(checker: ts.TypeChecker, node: ts.Node, fn: ts.SignatureDeclaration): boolean {
  let root = node;
  while (
    ts.isPropertyAccessExpression(root) ||
    ts.isElementAccessExpression(root) ||
    ts.isParenthesizedExpression(root)
  )
    root = root.expression;
  if (!ts.isIdentifier(root)) return false;
  const declaration = checker.getSymbolAtLocation(root)?.valueDeclaration;
  return declaration !== undefined && ts.isParameter(declaration) && declaration.parent === fn;
}

/**
 * In an object literal whose type has the signal property `property`: does that property come
 * from a parameter of `fn` (written `signal: request.signal`, or spread from `...request`)
 * rather than from something the function captures?
 */
function signalFromParameterOf(
  checker: ts.TypeChecker,
  literal: ts.ObjectLiteralExpression,
  property: string,
  fn: ts.SignatureDeclaration,
): boolean {
  // The last element that gives the property decides its value.
  for (const element of [...literal.properties].reverse()) {
    if (ts.isSpreadAssignment(element)) {
      if (checker.getTypeAtLocation(element.expression).getProperty(property) === undefined) continue;
      return readsParameterOf(checker, element.expression, fn);
    }
    if (ts.isIdentifier(element.name) && element.name.text === property) {
      if (ts.isPropertyAssignment(element)) return readsParameterOf(checker, element.initializer, fn);
      if (ts.isShorthandPropertyAssignment(element)) return readsParameterOf(checker, element.name, fn);
      return false;
    }
  }
  return false;
}

/** The call's value is what an `await` waits for: `await get()`, `await get().withResponse()`, `await (x ?? get())`. */
function isAwaited(call: ts.CallExpression): boolean {
  for (let node: ts.Node = call; !ts.isFunctionLike(node) && !ts.isStatement(node); node = node.parent) {
    if (ts.isAwaitExpression(node.parent)) return true;
  }
  return false;
}

/** A call of a parameter whose every caller in the program passes a function that consults cancellation. */
function parameterConsults(program: ts.Program, call: ts.CallExpression): boolean {
  const declaration = program.getTypeChecker().getSymbolAtLocation(call.expression)?.valueDeclaration;
  return declaration !== undefined && ts.isParameter(declaration) && passedFunctionsConsult(program, declaration);
}

/**
 * Every call of the parameter's function passes, for it, a function written
 * where it is passed whose body consults cancellation with what it captures
 * (one hop: that body's own parameter calls are not followed). Only for a
 * function declaration or a `const` holding a function (a method may be
 * reached through a base type or a destructured binding the index does not
 * list), whose parameter is only ever called; not when the function has
 * callers the program cannot list. An exported helper is judged by its
 * callers in the program.
 */
const passedFunctionsConsult = perProgram((program, parameter: ts.ParameterDeclaration): boolean => {
  const fn = parameter.parent;
  const held =
    ts.isFunctionDeclaration(fn) ||
    ((ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) && ts.isVariableDeclaration(fn.parent));
  if (!held || !fn.body || !onlyCalled(program.getTypeChecker(), parameter, fn.body)) return false;
  const index = fn.parameters.indexOf(parameter);
  const { calls, reactions, complete } = callSitesOf(program, fn);
  if (!complete || reactions.length > 0 || calls.length === 0) return false;
  return calls.every((site) => {
    const argument = argumentFor(site, index);
    if (argument === undefined || argument === 'spread') return false;
    const passed = skipOuterExpressions(argument);
    return (
      (ts.isArrowFunction(passed) || ts.isFunctionExpression(passed)) && consultsOnTree(passed.body, program, passed)
    );
  });
});

/**
 * Every use of the parameter in the function's body calls it: it is never
 * written (`retrieve = …`, `for (retrieve of …)`, `[retrieve] = …`) nor handed on.
 */
function onlyCalled(checker: ts.TypeChecker, parameter: ts.ParameterDeclaration, body: ts.Node): boolean {
  if (!ts.isIdentifier(parameter.name)) return false;
  const name = parameter.name.text;
  const symbol = checker.getSymbolAtLocation(parameter.name);
  let ok = true;
  const visit = (node: ts.Node): void => {
    if (!ok) return;
    if (ts.isIdentifier(node) && node.text === name && checker.getSymbolAtLocation(node) === symbol) {
      if (!(ts.isCallExpression(node.parent) && node.parent.expression === node)) ok = false;
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(body);
  return ok;
}

/**
 * An identifier that denotes a value here: not a property or member name, a label, or a name a
 * destructuring binds (`{ signal } = options` takes the signal out, it does not look at it).
 */
function isValueReference(node: ts.Identifier): boolean {
  const parent = node.parent;
  if (ts.isPropertyAccessExpression(parent)) return parent.expression === node;
  if (ts.isPropertyAssignment(parent)) return parent.initializer === node;
  if (
    ts.isLabeledStatement(parent) ||
    ts.isBreakOrContinueStatement(parent) ||
    ts.isMethodDeclaration(parent) ||
    ts.isPropertyDeclaration(parent) ||
    ts.isGetAccessorDeclaration(parent) ||
    ts.isSetAccessorDeclaration(parent)
  ) {
    return false;
  }
  // `{ signal }` in a binding pattern binds the name; `{ signal: s }` names the property and binds `s`.
  if (ts.isBindingElement(parent) && parent.parent.kind === ts.SyntaxKind.ObjectBindingPattern) {
    return parent.propertyName !== undefined && parent.name === node;
  }
  // `({ signal } = options)`: the same, in an assignment.
  if (ts.isShorthandPropertyAssignment(parent)) return !isAssignedTo(parent.parent);
  return true;
}

/** `({ a } = b)`: an object literal that is the target of an assignment. */
function isAssignedTo(literal: ts.ObjectLiteralExpression): boolean {
  let node: ts.Node = literal;
  while (ts.isParenthesizedExpression(node.parent)) node = node.parent;
  const parent = node.parent;
  return (
    ts.isBinaryExpression(parent) && parent.operatorToken.kind === ts.SyntaxKind.EqualsToken && parent.left === node
  );
}

/** `signal.aborted`, `signal.throwIfAborted`, `token.isCancellationRequested`: a read of a cancellation state. */
function isCancellationRead(node: TSESTree.MemberExpression): boolean {
  return (
    !node.computed && node.property.type === AST_NODE_TYPES.Identifier && CANCELLATION_READS.has(node.property.name)
  );
}

/** A read of a cancellation state anywhere in `root` (not a signal merely handed on). */
export function readsCancellation(root: TSESTree.Node): boolean {
  let found = false;
  walk(root, (node) => {
    if (!found && node.type === AST_NODE_TYPES.MemberExpression && isCancellationRead(node)) found = true;
  });
  return found;
}

/**
 * The `AbortSignal` that `fn` (or a function around it) is given, as code
 * names it: a parameter (`signal`), an options parameter's property
 * (`options.signal`) or a destructured one (`{ signal }`). Null when none is.
 */
export function signalInScope(fn: FunctionNode, context: TypeContext): string | null {
  for (let f: FunctionNode | null = fn; f; f = enclosingFunction(f)) {
    for (const param of f.params) {
      const found = signalOfParameter(param, context);
      if (found) return found;
    }
  }
  return null;
}

function signalOfParameter(param: TSESTree.Parameter, { services, checker }: TypeContext): string | null {
  const inner =
    param.type === AST_NODE_TYPES.AssignmentPattern
      ? param.left
      : param.type === AST_NODE_TYPES.TSParameterProperty
        ? param.parameter
        : param;
  if (inner.type === AST_NODE_TYPES.Identifier) {
    const type = services.getTypeAtLocation(inner);
    if (isAbortSignalType(checker, type)) return inner.name;
    // An options object with a property typed `AbortSignal`, whatever its name.
    const property = signalPropertyOf(checker, type, services.esTreeNodeToTSNodeMap.get(inner));
    return property === null ? null : `${inner.name}.${property}`;
  }
  if (inner.type === AST_NODE_TYPES.ObjectPattern) {
    for (const property of inner.properties) {
      if (property.type !== AST_NODE_TYPES.Property) continue;
      const value = property.value.type === AST_NODE_TYPES.AssignmentPattern ? property.value.left : property.value;
      if (value.type === AST_NODE_TYPES.Identifier && isAbortSignalType(checker, services.getTypeAtLocation(value))) {
        return value.name;
      }
    }
  }
  return null;
}
