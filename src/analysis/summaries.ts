/**
 * Function summaries: what a call does, read from the body of the one
 * function the checker says it runs. Answers are cached per `Program` and
 * call.
 */
import ts from 'typescript';
import { calledImplementation, skipParentheses } from './callees.js';
import { fieldIsEverSet, isExtended, perProgram } from './program.js';
import { calledBuiltin } from './types.js';

/**
 * A call that changes nothing outside its own object's flags: the function
 * it runs (a function, or a method of a class nothing in the program
 * extends) only sets fields of `this` to constants, returns nothing, a
 * constant or `Promise.resolve()`, and runs code only under a test of a
 * field that nothing ever sets on the class's instances. A `release()` like
 * that holds nothing back when it is skipped. A call the checker cannot
 * resolve to a body does something.
 */
export const callDoesNothing: (program: ts.Program, call: ts.CallExpression) => boolean = perProgram(
  (program, call: ts.CallExpression) => {
    const declaration = calledImplementation(program, call);
    if (!declaration || ts.isConstructorDeclaration(declaration)) return false;
    const body = declaration.body;
    let owner: ts.ClassLikeDeclaration | null = null;
    if (ts.isMethodDeclaration(declaration)) {
      if (!ts.isClassLike(declaration.parent) || isExtended(program, declaration.parent)) return false;
      owner = declaration.parent;
    }
    const inert = new Inert(program, owner);
    return ts.isBlock(body) ? body.statements.every((s) => inert.statement(s)) : inert.constant(body);
  },
);

class Inert {
  private readonly checker: ts.TypeChecker;

  constructor(
    private readonly program: ts.Program,
    private readonly owner: ts.ClassLikeDeclaration | null,
  ) {
    this.checker = program.getTypeChecker();
  }

  statement(node: ts.Statement): boolean {
    if (ts.isEmptyStatement(node)) return true;
    if (ts.isBlock(node)) return node.statements.every((s) => this.statement(s));
    if (ts.isReturnStatement(node)) return !node.expression || this.constant(node.expression);
    if (ts.isExpressionStatement(node)) return this.ownFlag(node.expression);
    if (ts.isIfStatement(node)) {
      return this.neverSetField(node.expression) && (!node.elseStatement || this.statement(node.elseStatement));
    }
    return false;
  }

  /** `undefined`, `null`, `true`, `42`, `'done'`, or `Promise.resolve()` of one of those. */
  constant(node: ts.Expression): boolean {
    const value = skipParentheses(node);
    if (isConstant(value)) return true;
    if (!ts.isCallExpression(value) || value.arguments.some((a) => !isConstant(skipParentheses(a)))) return false;
    return calledBuiltin(this.program, value) === 'PromiseConstructor.resolve';
  }

  /** `this.released = true`: a flag of the object itself. */
  private ownFlag(node: ts.Expression): boolean {
    const expression = skipParentheses(node);
    return (
      ts.isBinaryExpression(expression) &&
      expression.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
      ts.isPropertyAccessExpression(expression.left) &&
      expression.left.expression.kind === ts.SyntaxKind.ThisKeyword &&
      isConstant(skipParentheses(expression.right))
    );
  }

  /** `this.connection`, `this.connection != null`, `this.connection !== undefined`: false on every instance. */
  private neverSetField(test: ts.Expression): boolean {
    if (!this.owner) return false;
    let value = skipParentheses(test);
    if (ts.isBinaryExpression(value)) {
      const op = value.operatorToken.kind;
      const inequality =
        op === ts.SyntaxKind.ExclamationEqualsToken || op === ts.SyntaxKind.ExclamationEqualsEqualsToken;
      if (!inequality) return false;
      const right = skipParentheses(value.right);
      if (right.kind !== ts.SyntaxKind.NullKeyword && !(ts.isIdentifier(right) && right.text === 'undefined'))
        return false;
      value = skipParentheses(value.left);
    }
    if (!ts.isPropertyAccessExpression(value) || value.expression.kind !== ts.SyntaxKind.ThisKeyword) return false;
    const field = this.checker.getSymbolAtLocation(value.name);
    return field !== undefined && !fieldIsEverSet(this.program, field, this.owner);
  }
}

function isConstant(node: ts.Expression): boolean {
  if (ts.isPrefixUnaryExpression(node) && node.operator === ts.SyntaxKind.MinusToken) {
    return ts.isNumericLiteral(node.operand);
  }
  return (
    node.kind === ts.SyntaxKind.TrueKeyword ||
    node.kind === ts.SyntaxKind.FalseKeyword ||
    node.kind === ts.SyntaxKind.NullKeyword ||
    (ts.isIdentifier(node) && node.text === 'undefined') ||
    ts.isNumericLiteral(node) ||
    ts.isStringLiteral(node) ||
    ts.isNoSubstitutionTemplateLiteral(node)
  );
}

/**
 * A call whose result is a value the callee keeps: every `return` gives a
 * field of `this` (`return this.ready`), an entry read from one
 * (`return this.futures.get(k)`), or a variable each of whose values is such
 * a read or is stored in a field or entry of `this` (a get-or-create: at least one value is read back)
 * (`let p = this.futures.get(k); if (!p) { p = new Promise(…); this.futures.set(k, p); } return p`).
 * Calls made again return the same promise until the object lets it go.
 */
export const callReturnsKeptValue: (program: ts.Program, call: ts.CallExpression) => boolean = perProgram(
  (program, call: ts.CallExpression) => {
    const declaration = calledImplementation(program, call);
    if (!declaration || !ts.isMethodDeclaration(declaration)) return false;
    const body = declaration.body;
    const returns: ts.Expression[] = [];
    const bare: ts.ReturnStatement[] = [];
    const visit = (node: ts.Node): void => {
      if (ts.isFunctionLike(node)) return;
      if (ts.isReturnStatement(node)) {
        if (node.expression) returns.push(node.expression);
        else bare.push(node);
      }
      ts.forEachChild(node, visit);
    };
    ts.forEachChild(body, visit);
    if (bare.length > 0 || returns.length === 0) return false;
    return returns.every((value) => {
      const expression = skipParentheses(value);
      if (readsKept(expression)) return true;
      return ts.isIdentifier(expression) && variableHoldsKept(program, expression, body);
    });
  },
);

/** `this.ready`, `this.futures.get(k)`: a value the object holds. */
function readsKept(node: ts.Expression): boolean {
  const expression = skipParentheses(node);
  if (ts.isPropertyAccessExpression(expression)) return expression.expression.kind === ts.SyntaxKind.ThisKeyword;
  return (
    ts.isCallExpression(expression) &&
    ts.isPropertyAccessExpression(expression.expression) &&
    expression.expression.name.text === 'get' &&
    ts.isPropertyAccessExpression(expression.expression.expression) &&
    expression.expression.expression.expression.kind === ts.SyntaxKind.ThisKeyword
  );
}

/** Every value assigned to the variable is kept: read from the object, or stored in it too. */
function variableHoldsKept(program: ts.Program, id: ts.Identifier, body: ts.Block): boolean {
  const checker = program.getTypeChecker();
  const symbol = checker.getSymbolAtLocation(id);
  const declaration = symbol?.valueDeclaration;
  if (!symbol || !declaration || !ts.isVariableDeclaration(declaration) || !isWithin(declaration, body)) return false;
  const values: ts.Expression[] = declaration.initializer ? [declaration.initializer] : [];
  let stored = false;
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node)) return;
    if (
      ts.isBinaryExpression(node) &&
      node.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
      ts.isIdentifier(node.left) &&
      checker.getSymbolAtLocation(node.left) === symbol
    ) {
      values.push(node.right);
    }
    // `this.futures.set(k, p)`, `this.current = p`: the variable's value is kept by the object.
    if (
      ts.isCallExpression(node) &&
      ts.isPropertyAccessExpression(node.expression) &&
      node.expression.name.text === 'set' &&
      ts.isPropertyAccessExpression(node.expression.expression) &&
      node.expression.expression.expression.kind === ts.SyntaxKind.ThisKeyword
    ) {
      const value = node.arguments[1];
      if (value && ts.isIdentifier(value) && checker.getSymbolAtLocation(value) === symbol) stored = true;
    }
    if (
      ts.isBinaryExpression(node) &&
      node.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
      ts.isPropertyAccessExpression(node.left) &&
      node.left.expression.kind === ts.SyntaxKind.ThisKeyword &&
      ts.isIdentifier(node.right) &&
      checker.getSymbolAtLocation(node.right) === symbol
    ) {
      stored = true;
    }
    ts.forEachChild(node, visit);
  };
  ts.forEachChild(body, visit);
  // A get-or-create: some value is read back from the object, and any other is stored there.
  return values.some((value) => readsKept(value)) && values.every((value) => readsKept(value) || stored);
}

function isWithin(node: ts.Node, outer: ts.Node): boolean {
  return node.pos >= outer.pos && node.end <= outer.end;
}
