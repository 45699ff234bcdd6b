/**
 * Rejections: whether an awaited promise can reject at all, read from the
 * program's code through the checker (an executor with no `reject`, a
 * `.catch` that turns every rejection into a value, a function of any file of
 * the program that returns one).
 */
import type { ParserServicesWithTypeInformation, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import ts from 'typescript';
import { calledImplementation, constructedBuiltin, isAsyncFunction, skipOuterExpressions } from './callees.js';
import { calledBuiltin, isBuiltinFile } from './types.js';

/** How many names and calls are followed from the `await` to the promise. */
const MAX_DEPTH = 2;

/**
 * An awaited promise that cannot reject: `new Promise((resolve) => …)` (or a
 * subclass of `Promise` that hands its executor on) whose executor takes no
 * `reject`, held in a `const` or returned by a function or method of the
 * program, in this file or another.
 */
export function neverRejects(node: TSESTree.Node, services: ParserServicesWithTypeInformation): boolean {
  if (node.type !== AST_NODE_TYPES.AwaitExpression) return false;
  const awaited = services.esTreeNodeToTSNodeMap.get(node);
  return resolvesOnly(services.program, awaited.expression, 0);
}

function resolvesOnly(program: ts.Program, expression: ts.Expression, depth: number): boolean {
  if (depth > MAX_DEPTH) return false;
  const node = skipOuterExpressions(expression);
  // An executor that throws rejects its promise, `reject` or not.
  if (ts.isNewExpression(node)) {
    const executor = node.arguments?.[0];
    return (
      executor !== undefined &&
      constructsPromise(program, node) &&
      isFunctionLiteral(executor) &&
      executor.parameters.length < 2 &&
      !mayReject(program, executor)
    );
  }
  if (ts.isIdentifier(node)) {
    const initializer = constInitializer(program, node);
    return initializer !== undefined && resolvesOnly(program, initializer, depth + 1);
  }
  if (!ts.isCallExpression(node)) return false;
  // `p.catch(() => undefined)`: the handler turns every rejection into a value.
  const callee = skipOuterExpressions(node.expression);
  const handler = node.arguments[0];
  if (
    ts.isPropertyAccessExpression(callee) &&
    callee.name.text === 'catch' &&
    handler !== undefined &&
    isFunctionLiteral(handler) &&
    !mayReject(program, handler)
  ) {
    return true;
  }
  const target = calledImplementation(program, node);
  if (!target || isAsyncFunction(target) || ts.isConstructorDeclaration(target)) return false;
  if (!ts.isBlock(target.body)) return resolvesOnly(program, target.body, depth + 1);
  // A helper that throws before it returns hands the throw to the `await`; every `return`
  // it has, at any depth, must give a promise that cannot reject.
  if (containsThrow(target.body)) return false;
  const returns = returnsOf(target.body);
  return (
    returns.length > 0 &&
    returns.every((r) => r.expression !== undefined && resolvesOnly(program, r.expression, depth + 1))
  );
}

/**
 * `new Promise(…)`, or `new P(…)` of a subclass of it whose constructor (if it
 * declares one) only hands its first parameter to `super`: both run the
 * executor as a promise does. Known by the declarations the checker resolves,
 * not by the name at the call.
 */
function constructsPromise(program: ts.Program, construction: ts.NewExpression): boolean {
  const checker = program.getTypeChecker();
  const isPromiseConstructor = (declaration: ts.Declaration | undefined): boolean =>
    declaration !== undefined &&
    ts.isConstructSignatureDeclaration(declaration) &&
    isBuiltinFile(program, declaration.getSourceFile()) &&
    constructedBuiltin(declaration) === 'new PromiseConstructor';
  const declaration = checker.getResolvedSignature(construction)?.declaration;
  if (!declaration || ts.isJSDocSignature(declaration)) return false;
  if (isPromiseConstructor(declaration)) return true;
  if (!ts.isConstructorDeclaration(declaration) || !declaration.body) return false;
  const [only, ...rest] = declaration.body.statements;
  const first = declaration.parameters[0];
  if (!only || rest.length > 0 || !first || !ts.isIdentifier(first.name) || !ts.isExpressionStatement(only)) {
    return false;
  }
  const call = only.expression;
  if (!ts.isCallExpression(call) || call.expression.kind !== ts.SyntaxKind.SuperKeyword) return false;
  const [passed, ...others] = call.arguments;
  return (
    others.length === 0 &&
    passed !== undefined &&
    ts.isIdentifier(passed) &&
    passed.text === first.name.text &&
    isPromiseConstructor(checker.getResolvedSignature(call)?.declaration)
  );
}

function isFunctionLiteral(node: ts.Node): node is ts.ArrowFunction | ts.FunctionExpression {
  return ts.isArrowFunction(node) || ts.isFunctionExpression(node);
}

/** The initializer of the `const` an identifier names. */
function constInitializer(program: ts.Program, id: ts.Identifier): ts.Expression | undefined {
  const declaration = program.getTypeChecker().getSymbolAtLocation(id)?.valueDeclaration;
  if (!declaration || !ts.isVariableDeclaration(declaration) || !ts.isIdentifier(declaration.name)) return undefined;
  const list = declaration.parent;
  return ts.isVariableDeclarationList(list) && list.flags & ts.NodeFlags.Const ? declaration.initializer : undefined;
}

/** Visits `node` and what it holds, not the functions nested in it; stops when `visit` returns true. */
function someOwn(node: ts.Node, visit: (n: ts.Node) => boolean): boolean {
  const walk = (n: ts.Node): boolean => {
    if (visit(n)) return true;
    if (ts.isFunctionLike(n) || ts.isClassLike(n)) return false;
    return ts.forEachChild(n, walk) === true;
  };
  return ts.forEachChild(node, walk) === true;
}

/** The `return` statements of a body, not of the functions nested in it. */
function returnsOf(body: ts.Block): ts.ReturnStatement[] {
  const found: ts.ReturnStatement[] = [];
  someOwn(body, (n) => {
    if (ts.isReturnStatement(n)) found.push(n);
    return false;
  });
  return found;
}

function containsThrow(body: ts.Node): boolean {
  return someOwn(body, (n) => ts.isThrowStatement(n));
}

/**
 * A `throw` in `fn`, or a `Promise.reject(…)` it makes (`(error) => Promise.reject(error)`):
 * as an executor or a `.catch` handler, the promise then rejects.
 */
function mayReject(program: ts.Program, fn: ts.ArrowFunction | ts.FunctionExpression): boolean {
  const body = fn.body;
  const rejects = (n: ts.Node): boolean => {
    if (ts.isThrowStatement(n)) return true;
    return ts.isCallExpression(n) && calledBuiltin(program, n) === 'PromiseConstructor.reject';
  };
  return rejects(body) || someOwn(body, rejects);
}
