/**
 * Callees: the code a call runs, through the checker. One resolver for every
 * question that reads the body of a called function (can it throw, can its
 * promise reject): the declaration the checker resolves the call to, or the
 * implementation beside its overloads, when the program holds its body.
 */
import ts from 'typescript';
import { isBuiltinFile } from './types.js';

/** A function-like declaration with a body. */
export type Implementation = ts.FunctionLikeDeclaration & { body: ts.ConciseBody };

/**
 * The body-holding declaration a call of the program runs: none for a built-in,
 * a declaration file, a library, or a callee the checker cannot resolve (a
 * parameter, a value typed `any`, a method declared without a body).
 */
export function calledImplementation(
  program: ts.Program,
  call: ts.CallExpression | ts.NewExpression,
): Implementation | undefined {
  const declaration = program.getTypeChecker().getResolvedSignature(call)?.declaration;
  if (!declaration || ts.isJSDocSignature(declaration)) return undefined;
  const file = declaration.getSourceFile();
  if (file.isDeclarationFile || isBuiltinFile(program, file) || program.isSourceFileFromExternalLibrary(file)) {
    return undefined;
  }
  return implementationOf(declaration);
}

/** The declaration itself when it has a body, or the implementation beside its overloads. */
export function implementationOf(declaration: ts.SignatureDeclaration): Implementation | undefined {
  if (hasBody(declaration)) return declaration;
  const parent: ts.Node = declaration.parent;
  const siblings: readonly ts.Node[] | undefined =
    ts.isFunctionDeclaration(declaration) && ts.isSourceFile(parent)
      ? parent.statements
      : ts.isMethodDeclaration(declaration) && (ts.isClassDeclaration(parent) || ts.isClassExpression(parent))
        ? parent.members
        : undefined;
  const name = declaration.name?.getText();
  const isStatic = (d: ts.Node): boolean =>
    (ts.getCombinedModifierFlags(d as ts.Declaration) & ts.ModifierFlags.Static) !== 0;
  // The overloads of `static m` and of an instance `m` share a name, not an implementation.
  return siblings?.find(
    (d): d is Implementation =>
      hasBody(d) &&
      d.kind === declaration.kind &&
      isStatic(d) === isStatic(declaration) &&
      (d as ts.FunctionLikeDeclaration).name?.getText() === name,
  );
}

function hasBody(d: ts.Node): d is Implementation {
  return (
    (ts.isFunctionDeclaration(d) ||
      ts.isMethodDeclaration(d) ||
      ts.isFunctionExpression(d) ||
      ts.isArrowFunction(d) ||
      ts.isConstructorDeclaration(d)) &&
    d.body !== undefined
  );
}

/** `new Map()`: the construct signature of `MapConstructor`, named `new MapConstructor`. */
export function constructedBuiltin(declaration: ts.ConstructSignatureDeclaration): string | undefined {
  const container = declaration.parent;
  return ts.isInterfaceDeclaration(container) ? `new ${container.name.text}` : undefined;
}

/** Does the function declare `async`? */
export function isAsyncFunction(fn: ts.FunctionLikeDeclaration): boolean {
  return ts.getCombinedModifierFlags(fn) & ts.ModifierFlags.Async ? true : false;
}

/** `(x)` → `x`: parentheses only, unlike `skipOuterExpressions`. */
export function skipParentheses(expression: ts.Expression): ts.Expression {
  let node = expression;
  while (ts.isParenthesizedExpression(node)) node = node.expression;
  return node;
}

/** An expression without parentheses, type assertions and `!`. */
export function skipOuterExpressions(expression: ts.Expression): ts.Expression {
  let node = expression;
  while (
    ts.isParenthesizedExpression(node) ||
    ts.isAsExpression(node) ||
    ts.isNonNullExpression(node) ||
    ts.isSatisfiesExpression(node) ||
    ts.isTypeAssertionExpression(node)
  ) {
    node = node.expression;
  }
  return node;
}
