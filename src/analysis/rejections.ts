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
import { everyCallPasses } from './domains.js';
import { isExtended, resolved } from './program.js';
import { asyncBodyCannotReject, expressionCannotThrow, returnsOf } from './throws.js';
import { calledBuiltin, isBuiltinFile } from './types.js';

/** How many names, calls and callers' functions are followed from the `await` to the promise. */
const MAX_DEPTH = 3;

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
  // `func()` of a parameter nothing assigns: what every call of its function passes for it.
  const parameter = ts.isIdentifier(callee) ? parameterNamed(program, callee) : undefined;
  if (parameter) {
    // The arguments are evaluated first, at the `await`: they must not throw either.
    if (!node.arguments.every((argument) => expressionCannotThrow(program, argument))) return false;
    return everyCallPasses(
      program,
      parameter,
      (value) => value !== undefined && functionResolvesOnly(program, value, depth + 1),
    );
  }
  const target = calledImplementation(program, node);
  if (!target || isAsyncFunction(target) || ts.isConstructorDeclaration(target)) return false;
  if (!runsWhatItNames(program, callee, target)) return false;
  return bodyResolvesOnly(program, target, depth);
}

/** A function's returns all give promises that cannot reject (and it throws nothing itself). */
function bodyResolvesOnly(program: ts.Program, target: ts.FunctionLikeDeclaration, depth: number): boolean {
  if (!target.body) return false;
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
 * Does calling the function `value` gives (written there, or named by a
 * function declaration or a `const`) give a promise that cannot reject? An
 * `async` function cannot when its body cannot throw (a `catch` that takes
 * every error and throws nothing on, say) and what it awaits or returns
 * cannot reject (`asyncBodyCannotReject`); another function when it returns
 * only such promises.
 */
function functionResolvesOnly(program: ts.Program, value: ts.Expression, depth: number): boolean {
  if (depth > MAX_DEPTH) return false;
  const node = skipOuterExpressions(value);
  let fn: ts.FunctionLikeDeclaration | undefined;
  if (isFunctionLiteral(node)) fn = node;
  else if (ts.isIdentifier(node)) {
    const declaration = resolved(program.getTypeChecker(), node)?.valueDeclaration;
    const initializer = constInitializer(program, node);
    const inner = initializer && skipOuterExpressions(initializer);
    if (declaration && ts.isFunctionDeclaration(declaration)) fn = declaration;
    else if (inner && isFunctionLiteral(inner)) fn = inner;
  }
  if (!fn?.body) return false;
  return isAsyncFunction(fn)
    ? asyncBodyCannotReject(program, fn, (promise) => resolvesOnly(program, promise, depth + 1))
    : bodyResolvesOnly(program, fn, depth);
}

/** The parameter an identifier reads, when it reads one. */
function parameterNamed(program: ts.Program, id: ts.Identifier): ts.ParameterDeclaration | undefined {
  const declaration = program.getTypeChecker().getSymbolAtLocation(id)?.valueDeclaration;
  return declaration && ts.isParameter(declaration) ? declaration : undefined;
}

/**
 * Does the call run the body the checker resolved it to, whatever happens at
 * run time? The checker answers for the type: `let step = wait` may hold
 * another function by then, `cond ? wait : fail` has the type of `wait`, and
 * `base.wait()` may run a subclass's override. Followed are a function
 * declaration or a `const` that holds the function itself (imported or not),
 * and a method or arrow field of a class nothing in the program extends.
 */
function runsWhatItNames(program: ts.Program, callee: ts.Expression, target: ts.Node): boolean {
  const checker = program.getTypeChecker();
  const name = ts.isIdentifier(callee) ? callee : ts.isPropertyAccessExpression(callee) ? callee.name : null;
  if (!name) return false;
  const declaration = resolved(checker, name)?.valueDeclaration;
  if (!declaration) return false;
  // `f()`, `utils.f()`: a function declaration, or a `const` holding the function itself.
  if (ts.isFunctionDeclaration(declaration)) return declaration === target;
  if (ts.isVariableDeclaration(declaration)) {
    const list = declaration.parent;
    return (
      declaration.initializer !== undefined &&
      ts.isVariableDeclarationList(list) &&
      (list.flags & ts.NodeFlags.Const) !== 0 &&
      skipOuterExpressions(declaration.initializer) === target
    );
  }
  // `x.m()`: a method or arrow field of a class no class of the program extends.
  const member = ts.isMethodDeclaration(target) ? target : target.parent;
  if (declaration !== member || !(ts.isMethodDeclaration(member) || ts.isPropertyDeclaration(member))) return false;
  return ts.isClassLike(member.parent) && !isExtended(program, member.parent);
}

/**
 * `new Promise(…)`, or `new P(…)` of a class that extends the built-in
 * `Promise` directly, has no constructor of its own or one that only hands its
 * first parameter to `super`, declares no instance `then` (which `await`
 * calls) and no instance field initialiser (which could throw): each runs the
 * executor as a promise does. Known by the declarations the checker resolves,
 * not by the name at the call.
 */
function constructsPromise(program: ts.Program, construction: ts.NewExpression): boolean {
  const checker = program.getTypeChecker();
  const isBuiltinPromise = (expression: ts.Expression): boolean => {
    const symbol = resolved(checker, expression);
    return (
      symbol?.name === 'Promise' && (symbol.declarations ?? []).some((d) => isBuiltinFile(program, d.getSourceFile()))
    );
  };
  const isPromiseConstructor = (declaration: ts.Declaration | undefined): boolean =>
    declaration !== undefined &&
    ts.isConstructSignatureDeclaration(declaration) &&
    isBuiltinFile(program, declaration.getSourceFile()) &&
    constructedBuiltin(declaration) === 'new PromiseConstructor';
  const signature = checker.getResolvedSignature(construction)?.declaration;
  // Otherwise a subclass's own constructor: checked with the class below.
  if (
    !isPromiseConstructor(signature) &&
    (!signature || ts.isJSDocSignature(signature) || !ts.isConstructorDeclaration(signature))
  ) {
    return false;
  }
  if (isBuiltinPromise(construction.expression)) return true;
  const declaration = resolved(checker, construction.expression)?.valueDeclaration;
  if (!declaration || !ts.isClassLike(declaration)) return false;
  const base = declaration.heritageClauses?.find((h) => h.token === ts.SyntaxKind.ExtendsKeyword)?.types[0];
  if (!base || !isBuiltinPromise(base.expression)) return false;
  return declaration.members.every((member) => {
    if (ts.getCombinedModifierFlags(member) & ts.ModifierFlags.Static) return true;
    if (ts.isConstructorDeclaration(member)) return member.body === undefined || forwardsExecutor(member);
    if (ts.isPropertyDeclaration(member) && member.initializer) return false;
    return member.name === undefined || !ts.isIdentifier(member.name) || member.name.text !== 'then';
  });
}

/** `constructor(executor) { super(executor); }` and nothing else. */
function forwardsExecutor(constructor: ts.ConstructorDeclaration): boolean {
  const [only, ...rest] = constructor.body?.statements ?? [];
  const first = constructor.parameters[0];
  if (!only || rest.length > 0 || !first || !ts.isIdentifier(first.name) || !ts.isExpressionStatement(only)) {
    return false;
  }
  const call = only.expression;
  if (!ts.isCallExpression(call) || call.expression.kind !== ts.SyntaxKind.SuperKeyword) return false;
  const [passed, ...others] = call.arguments;
  return others.length === 0 && passed !== undefined && ts.isIdentifier(passed) && passed.text === first.name.text;
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
