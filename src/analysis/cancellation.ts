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
  return consultsOnTree(services.esTreeNodeToTSNodeMap.get(root), services.program, true);
}

/** `consultsCancellation` on TypeScript's tree, so that code in any file of the program can be asked. */
function consultsOnTree(root: ts.Node, program: ts.Program, followParameters: boolean): boolean {
  const checker = program.getTypeChecker();
  const state = { found: false };
  const typed: ts.Node[] = [];
  const parameterCalls: ts.CallExpression[] = [];
  const visit = (node: ts.Node): void => {
    if (state.found) return;
    if (ts.isPropertyAccessExpression(node)) {
      if (CANCELLATION_READS.has(node.name.text)) {
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
    if (followParameters && ts.isCallExpression(node) && ts.isIdentifier(node.expression) && isAwaited(node)) {
      parameterCalls.push(node);
    }
    ts.forEachChild(node, visit);
  };
  visit(root);
  if (state.found) return true;
  // An `AbortSignal`, or an options object that carries one passed to a call (`readString(lp, options)`,
  // `read({ ...options, bytes: 1 })`).
  const signalled = typed.some((node) => {
    const type = checker.getTypeAtLocation(node);
    if (isAbortSignalType(checker, type)) return true;
    const call = node.parent;
    const args: readonly ts.Node[] =
      ts.isCallExpression(call) || ts.isNewExpression(call) ? (call.arguments ?? []) : [];
    const passed = args.includes(node);
    // An options object with a property typed `AbortSignal`, whatever its name (`signal`, `abortSignal`).
    return passed && signalPropertyOf(checker, type, node) !== null;
  });
  return signalled || parameterCalls.some((call) => parameterConsults(program, call));
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
 * where it is passed whose body consults cancellation (one hop: that body's own
 * parameter calls are not followed). Not when the parameter is assigned in its
 * function, or when the function has callers the program cannot list.
 */
const passedFunctionsConsult = perProgram((program, parameter: ts.ParameterDeclaration): boolean => {
  const fn = parameter.parent;
  const body = 'body' in fn ? fn.body : undefined;
  if (!ts.isIdentifier(parameter.name) || !body || isAssignedIn(body, parameter.name.text)) return false;
  const index = fn.parameters.indexOf(parameter);
  const { calls, reactions, complete } = callSitesOf(program, fn);
  if (!complete || reactions.length > 0 || calls.length === 0) return false;
  return calls.every((site) => {
    const argument = argumentFor(site, index);
    if (argument === undefined || argument === 'spread') return false;
    const passed = skipOuterExpressions(argument);
    return (
      (ts.isArrowFunction(passed) || ts.isFunctionExpression(passed)) && consultsOnTree(passed.body, program, false)
    );
  });
});

/** `name = …` (or `name += …`) anywhere in `body`, nested functions included. */
function isAssignedIn(body: ts.Node, name: string): boolean {
  let assigned = false;
  const visit = (node: ts.Node): void => {
    if (assigned) return;
    if (
      ts.isBinaryExpression(node) &&
      node.operatorToken.kind >= ts.SyntaxKind.FirstAssignment &&
      node.operatorToken.kind <= ts.SyntaxKind.LastAssignment &&
      ts.isIdentifier(node.left) &&
      node.left.text === name
    ) {
      assigned = true;
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(body);
  return assigned;
}

/** An identifier that denotes a value here: not a property or member name, nor a label. */
function isValueReference(node: ts.Identifier): boolean {
  const parent = node.parent;
  if (ts.isPropertyAccessExpression(parent)) return parent.expression === node;
  if (ts.isPropertyAssignment(parent)) return parent.initializer === node;
  if (
    ts.isLabeledStatement(parent) ||
    ts.isBreakOrContinueStatement(parent) ||
    ts.isMethodDeclaration(parent) ||
    ts.isPropertyDeclaration(parent)
  ) {
    return false;
  }
  // `{ signal }` in a destructuring pattern names a property, and binds the name that follows it.
  return !(ts.isBindingElement(parent) && parent.propertyName === node);
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
