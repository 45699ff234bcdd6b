import type { ParserServicesWithTypeInformation, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import ts from 'typescript';
import { calledImplementation, constructedBuiltin } from './callees.js';
import { builtinName, isBuiltinFile } from './types.js';
import { IN_PLACE_ARRAY_METHODS, ITERATING_CONSTRUCTORS, NON_THROWING_BUILTINS } from './vocabulary.js';

/**
 * Whether a call cannot throw to its caller (nor, awaited, reject). It cannot
 * when it resolves, through the type checker, to a built-in of
 * `NON_THROWING_BUILTINS` declared by TypeScript's default library or Node's
 * types, or to a function of the program whose body cannot: no `throw`
 * outside a `try` that catches it, no `await` of anything but such a call,
 * and no call but to such functions (followed `MAX_DEPTH` calls deep). An
 * array method that runs its callbacks in place (`list.map(x => …)`) cannot
 * throw when the callbacks written there cannot. Anything else, and anything
 * the checker cannot resolve (a parameter, a value typed `any`, a method
 * declared without a body), may throw. Ask it only about candidates.
 */
export function callCannotThrow(node: TSESTree.Node, services: ParserServicesWithTypeInformation): boolean {
  if (node.type !== AST_NODE_TYPES.CallExpression && node.type !== AST_NODE_TYPES.NewExpression) return false;
  return tsCallCannotThrow(services.program, services.esTreeNodeToTSNodeMap.get(node), MAX_DEPTH);
}

/**
 * Can running the statement or expression `node` not throw (the functions it
 * only creates aside)? The same reading as `callCannotThrow`, for any node: a
 * read of a property is not taken to throw, a call is asked as above.
 */
export function evaluationCannotThrow(node: TSESTree.Node, services: ParserServicesWithTypeInformation): boolean {
  return nodeCannotThrow(services.program, services.esTreeNodeToTSNodeMap.get(node), MAX_DEPTH);
}

/**
 * Can the `async` function `fn` not reject? Its body must not throw (read as
 * `callCannotThrow` reads a body), every promise it awaits must be one that
 * `settles` says cannot reject, and so must every promise it returns without
 * awaiting (inside a `try` or not: its rejection comes after the `try` is
 * left). Its parameters must be plain names: a default or a pattern is
 * evaluated in the function and can throw there.
 */
export function asyncBodyCannotReject(
  program: ts.Program,
  fn: ts.FunctionLikeDeclaration,
  settles: (promise: ts.Expression) => boolean,
): boolean {
  if (!fn.body || fn.parameters.some((p) => p.initializer || !ts.isIdentifier(p.name))) return false;
  if (!ts.isBlock(fn.body)) {
    const body = fn.body;
    const checker = program.getTypeChecker();
    const value = ts.isAwaitExpression(skipParens(body)) ? null : body;
    return (
      nodeCannotThrow(program, body, MAX_DEPTH, settles) &&
      (value === null || !isThenable(checker, checker.getTypeAtLocation(value)) || settles(value))
    );
  }
  return nodeCannotThrow(program, fn.body, MAX_DEPTH, settles);
}

/** Can evaluating `expression` not throw (the functions it only creates aside)? */
export function expressionCannotThrow(program: ts.Program, expression: ts.Expression): boolean {
  return nodeCannotThrow(program, expression, MAX_DEPTH);
}

/** The `return` statements of a block, not of the functions nested in it. */
export function returnsOf(block: ts.Block): ts.ReturnStatement[] {
  const found: ts.ReturnStatement[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node) || ts.isClassLike(node)) return;
    if (ts.isReturnStatement(node)) found.push(node);
    ts.forEachChild(node, visit);
  };
  ts.forEachChild(block, visit);
  return found;
}

/** A type with a `then` member (or one the checker cannot read): awaiting it may run a rejection. */
function isThenable(checker: ts.TypeChecker, type: ts.Type): boolean {
  if (type.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) return true;
  const parts = type.isUnion() ? type.types : [type];
  return parts.some((part) => checker.getPropertyOfType(checker.getApparentType(part), 'then') !== undefined);
}

/** How many calls deep a body is followed; past that, a call may throw. */
const MAX_DEPTH = 3;

/** Per program function and remaining depth: can its body not throw? The answer depends on nothing else. */
const bodyCache = new WeakMap<ts.Node, Map<number, boolean>>();

function tsCallCannotThrow(program: ts.Program, call: ts.CallExpression | ts.NewExpression, depth: number): boolean {
  const checker = program.getTypeChecker();
  const declaration = checker.getResolvedSignature(call)?.declaration;
  if (!declaration || ts.isJSDocSignature(declaration)) return false;
  const file = declaration.getSourceFile();
  if (isBuiltinFile(program, file)) {
    const name = ts.isConstructSignatureDeclaration(declaration)
      ? constructedBuiltin(declaration)
      : builtinName(declaration);
    if (name === undefined) return false;
    if (NON_THROWING_BUILTINS.has(name)) {
      // `new Map(entries)` iterates its argument: only an array is iterated without running code.
      if (ITERATING_CONSTRUCTORS.has(name) && !iteratesArrays(program, call.arguments ?? [])) return false;
      return argumentsCannotThrow(program, call, depth);
    }
    const [holder, method] = name.split('.');
    if ((holder === 'Array' || holder === 'ReadonlyArray') && method && IN_PLACE_ARRAY_METHODS.has(method)) {
      // Each callback written in place must not throw; a callback passed by name is not followed.
      return (call.arguments ?? []).every((argument) => {
        const fn = skipParens(argument);
        if (ts.isArrowFunction(fn) || ts.isFunctionExpression(fn))
          return (
            !fn.modifiers?.some((m) => m.kind === ts.SyntaxKind.AsyncKeyword) && bodyCannotThrow(program, fn, depth)
          );
        return false;
      });
    }
    return false;
  }
  if (depth <= 0) return false;
  const implementation = calledImplementation(program, call);
  if (!implementation) return false;
  return argumentsCannotThrow(program, call, depth) && bodyCannotThrow(program, implementation, depth - 1);
}

/** The arguments are evaluated before the call: they must not throw either. */
function argumentsCannotThrow(program: ts.Program, call: ts.CallExpression | ts.NewExpression, depth: number): boolean {
  return (call.arguments ?? []).every((argument) => nodeCannotThrow(program, argument, depth));
}

function bodyCannotThrow(program: ts.Program, fn: ts.FunctionLikeDeclaration, depth: number): boolean {
  let byDepth = bodyCache.get(fn);
  const known = byDepth?.get(depth);
  if (known !== undefined) return known;
  const body = fn.body;
  const result = body !== undefined && nodeCannotThrow(program, body, depth);
  if (!byDepth) bodyCache.set(fn, (byDepth = new Map<number, boolean>()));
  byDepth.set(depth, result);
  return result;
}

/** A body with more calls than this is taken to be able to throw, unread: a leaf helper makes few. */
const MAX_CALLS = 12;

/**
 * Can running `node` (not the functions it only creates) not throw? A first
 * pass over the syntax finds what throws without asking the checker (a
 * `throw`, a `yield`, an `await` of anything but a call, too many calls);
 * only then are the calls resolved, one by one.
 */
function nodeCannotThrow(
  program: ts.Program,
  node: ts.Node,
  depth: number,
  settles?: (promise: ts.Expression) => boolean,
): boolean {
  const calls: (ts.CallExpression | ts.NewExpression)[] = [];
  const iterated: ts.Expression[] = [];
  // Read as the body of an `async` function (`settles` given): what it awaits, and what it returns, must settle.
  const awaited: ts.Expression[] = [];
  const returned: ts.Expression[] = [];
  // Set inside the visitor (TypeScript's narrowing does not see that).
  let safe = true as boolean;
  const visit = (n: ts.Node): void => {
    if (!safe) return;
    // Making a class runs its `extends` expression, decorators, computed keys and static parts:
    // not read here, so it may throw.
    if (ts.isClassLike(n)) {
      safe = false;
      return;
    }
    // A function written here is created, not run; only a computed name of it is evaluated.
    if (ts.isFunctionLike(n)) {
      const name = n.name;
      if (name && ts.isComputedPropertyName(name)) visit(name.expression);
      return;
    }
    // Spreading or destructuring a value iterates it: only an array is iterated without running code.
    if (ts.isSpreadElement(n)) iterated.push(n.expression);
    if (ts.isVariableDeclaration(n) && ts.isArrayBindingPattern(n.name) && n.initializer) iterated.push(n.initializer);
    if (
      ts.isBinaryExpression(n) &&
      n.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
      ts.isArrayLiteralExpression(skipParens(n.left))
    ) {
      iterated.push(n.right);
    }
    if (ts.isThrowStatement(n) || ts.isYieldExpression(n) || ts.isTaggedTemplateExpression(n)) {
      safe = false;
      return;
    }
    if (ts.isTryStatement(n) && n.catchClause) {
      // What the `try` block throws is caught: only the handler and the `finally` can throw on.
      // A promise it returns unawaited settles after the `try` is left: it is not caught.
      if (settles) {
        for (const r of returnsOf(n.tryBlock)) {
          if (r.expression && !ts.isAwaitExpression(skipParens(r.expression))) returned.push(r.expression);
        }
      }
      visit(n.catchClause.block);
      if (n.finallyBlock) visit(n.finallyBlock);
      return;
    }
    if (settles && ts.isReturnStatement(n) && n.expression && !ts.isAwaitExpression(skipParens(n.expression))) {
      returned.push(n.expression);
    }
    if (settles && ts.isAwaitExpression(n)) {
      awaited.push(n.expression);
    } else if (ts.isAwaitExpression(n) && !ts.isCallExpression(skipParens(n.expression))) {
      safe = false;
      return;
    }
    if (ts.isForOfStatement(n)) {
      if (n.awaitModifier) {
        safe = false;
        return;
      }
      iterated.push(n.expression);
    }
    if (ts.isCallExpression(n) || ts.isNewExpression(n)) {
      calls.push(n);
      if (calls.length > MAX_CALLS) safe = false;
      // Its callee and arguments are read with it, when it is resolved.
      return;
    }
    ts.forEachChild(n, visit);
  };
  visit(node);
  if (!safe) return false;
  const checker = program.getTypeChecker();
  if (iterated.some((expression) => !isListType(checker, checker.getTypeAtLocation(expression)))) return false;
  if (settles) {
    if (!awaited.every(settles)) return false;
    if (returned.some((e) => isThenable(checker, checker.getTypeAtLocation(e)) && !settles(e))) return false;
  }
  // The callee's own expression (`this.items.get(k).push`) is evaluated first.
  return calls.every(
    (call) => tsCallCannotThrow(program, call, depth) && nodeCannotThrow(program, call.expression, depth),
  );
}

/** Is every argument an array (or absent): what a collection constructor iterates without running code? */
function iteratesArrays(program: ts.Program, args: readonly ts.Expression[]): boolean {
  const checker = program.getTypeChecker();
  return args.every((argument) => {
    const type = checker.getTypeAtLocation(argument);
    const parts = type.isUnion() ? type.types : [type];
    return parts.every(
      (part) => isListType(checker, part) || (part.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Null)) !== 0,
    );
  });
}

/** An array or a tuple: iterated by the built-in iterator, which runs no code of the program. */
function isListType(checker: ts.TypeChecker, type: ts.Type): boolean {
  return checker.isArrayType(type) || checker.isTupleType(type);
}

function skipParens(node: ts.Expression): ts.Expression {
  let inner = node;
  while (ts.isParenthesizedExpression(inner) || ts.isAsExpression(inner) || ts.isNonNullExpression(inner))
    inner = inner.expression;
  return inner;
}
