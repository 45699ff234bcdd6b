/**
 * Call-scoped parameters: a collection parameter that lives for one outermost
 * call. Every call of its function in the program passes a fresh collection
 * (`check(type, new Set())`), leaves it to a fresh default
 * (`merge(target, source, memo = new Map())`), or passes down a parameter of
 * the calling function that is itself call-scoped (a recursion, direct or
 * through other functions). Inside, the parameter is only used in place or
 * handed to calls, never stored, returned or reassigned. A throw that skips a
 * `delete` on such a collection discards it with the call.
 */
import ts from 'typescript';
import { argumentFor, callSitesOf, perProgram } from './program.js';

/** At most this many functions pass the collection down to each other. */
const MAX_FUNCTIONS = 8;

/** Does `parameter` hold a collection that lives for one outermost call of its function? */
export const parameterMadePerCall: (program: ts.Program, parameter: ts.ParameterDeclaration) => boolean = perProgram(
  (program, parameter: ts.ParameterDeclaration) => madePerCall(program, parameter),
);

function madePerCall(program: ts.Program, start: ts.ParameterDeclaration): boolean {
  const checker = program.getTypeChecker();
  const seen = new Set<ts.ParameterDeclaration>();
  const work = [start];
  for (let parameter = work.pop(); parameter; parameter = work.pop()) {
    if (seen.has(parameter)) continue;
    seen.add(parameter);
    if (seen.size > MAX_FUNCTIONS) return false;
    const fn = parameter.parent;
    if (!ts.isIdentifier(parameter.name) || parameter.dotDotDotToken) return false;
    // In an async function or a generator the collection is live state across suspensions.
    if (ts.getCombinedModifierFlags(fn) & ts.ModifierFlags.Async) return false;
    if ('asteriskToken' in fn && fn.asteriskToken) return false;
    if (parameter.initializer && !isFresh(parameter.initializer)) return false;
    if (!usedInPlace(checker, fn, parameter.name)) return false;
    const index = fn.parameters.indexOf(parameter);
    const { calls, reactions, complete } = callSitesOf(program, fn);
    // Callers the program does not show may pass a collection that outlives the call.
    if (!complete || reactions.length > 0 || calls.length === 0) return false;
    for (const call of calls) {
      const argument = argumentFor(call, index);
      if (argument === 'spread') return false;
      if (argument === undefined) {
        if (!parameter.initializer) return false;
        continue;
      }
      const value = skipOuter(argument);
      if (isFresh(value)) continue;
      const passed = ts.isIdentifier(value) ? checker.getSymbolAtLocation(value)?.valueDeclaration : undefined;
      if (passed && ts.isParameter(passed) && passed.parent === enclosingFunction(call)) {
        work.push(passed);
        continue;
      }
      return false;
    }
  }
  return true;
}

/** `new Set()`, `new Map(…)`, `[]`, `{}`: a collection made where it is written. */
function isFresh(expression: ts.Expression): boolean {
  const node = skipOuter(expression);
  return ts.isNewExpression(node) || ts.isArrayLiteralExpression(node) || ts.isObjectLiteralExpression(node);
}

function skipOuter(expression: ts.Expression): ts.Expression {
  let node = expression;
  while (ts.isParenthesizedExpression(node) || ts.isAsExpression(node) || ts.isNonNullExpression(node)) {
    node = node.expression;
  }
  return node;
}

function enclosingFunction(node: ts.Node): ts.SignatureDeclaration | undefined {
  for (let p = node.parent; p as ts.Node | undefined; p = p.parent) {
    if (ts.isFunctionLike(p)) return p;
  }
  return undefined;
}

/**
 * Is the parameter only read in place in `fn` (`memo.has(x)`, `memo.set(x, y)`, `for (… of memo)`)
 * or handed to a call (`merge(a, b, memo)`), never assigned, returned or stored?
 */
function usedInPlace(checker: ts.TypeChecker, fn: ts.SignatureDeclaration, name: ts.Identifier): boolean {
  const symbol = checker.getSymbolAtLocation(name);
  if (!symbol) return false;
  let inPlace = true;
  const visit = (node: ts.Node): void => {
    if (!inPlace) return;
    if (
      ts.isIdentifier(node) &&
      node !== name &&
      node.text === name.text &&
      checker.getSymbolAtLocation(node) === symbol
    ) {
      const parent = node.parent;
      const read =
        (ts.isPropertyAccessExpression(parent) && parent.expression === node) ||
        (ts.isElementAccessExpression(parent) && parent.expression === node) ||
        (ts.isForOfStatement(parent) && parent.expression === node) ||
        ((ts.isCallExpression(parent) || ts.isNewExpression(parent)) &&
          (parent.arguments ?? []).some((argument) => argument === node));
      if (!read) inPlace = false;
      return;
    }
    ts.forEachChild(node, visit);
  };
  if ('body' in fn && fn.body) visit(fn.body);
  return inPlace;
}
