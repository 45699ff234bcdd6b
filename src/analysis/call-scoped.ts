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
import { argumentFor, callSitesOf, callingFunction, perProgram } from './program.js';

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
    const handedTo = usedInPlace(checker, fn, parameter.name);
    if (!handedTo) return false;
    // Handed down to another function: its parameter must be call-scoped too.
    work.push(...handedTo);
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
 * Is the parameter only read in place in `fn` itself (`memo.has(x)`, `memo.set(x, y)`,
 * `for (… of memo)`) or handed to calls of functions declared in the program
 * (`merge(a, b, memo)`), never assigned, returned, stored, captured by a nested function
 * or handed to a call the program cannot follow (`held.push(memo)`)? The parameters it is
 * handed to, or null when it escapes.
 */
function usedInPlace(
  checker: ts.TypeChecker,
  fn: ts.SignatureDeclaration,
  name: ts.Identifier,
): ts.ParameterDeclaration[] | null {
  const symbol = checker.getSymbolAtLocation(name);
  if (!symbol) return null;
  const handedTo: ts.ParameterDeclaration[] = [];
  /** The uses through which the collection escapes. */
  const escapes: ts.Node[] = [];
  const visit = (node: ts.Node, nested: boolean): void => {
    if (escapes.length > 0) return;
    if (
      ts.isIdentifier(node) &&
      node !== name &&
      node.text === name.text &&
      checker.getSymbolAtLocation(node) === symbol
    ) {
      const parent = node.parent;
      if (nested) {
        escapes.push(node);
      } else if (
        (ts.isPropertyAccessExpression(parent) && parent.expression === node) ||
        (ts.isElementAccessExpression(parent) && parent.expression === node) ||
        (ts.isForOfStatement(parent) && parent.expression === node)
      ) {
        // read in place
      } else if (ts.isCallExpression(parent) && parent.arguments.some((argument) => argument === node)) {
        const target = parameterAt(checker, parent, parent.arguments.indexOf(node));
        if (target) handedTo.push(target);
        else escapes.push(node);
      } else {
        escapes.push(node);
      }
      return;
    }
    ts.forEachChild(node, (child) => {
      visit(child, nested || ts.isFunctionLike(child));
    });
  };
  if ('body' in fn && fn.body) visit(fn.body, false);
  return escapes.length === 0 ? handedTo : null;
}

/** The parameter of a function declared in the program that a call's argument at `index` fills. */
function parameterAt(checker: ts.TypeChecker, call: ts.CallExpression, index: number): ts.ParameterDeclaration | null {
  // Only a function whose body the program shows: an ambient or overload declaration may keep it.
  const declaration = checker.getResolvedSignature(call)?.declaration;
  if (!declaration || ts.isJSDocSignature(declaration) || !('body' in declaration) || !declaration.body) return null;
  const parameter = declaration.parameters[index];
  return parameter && !parameter.dotDotDotToken ? parameter : null;
}

/**
 * Does every value `factory` returns live for one call of the function that
 * called it? Every call the program shows is made inside a function, and the
 * value is used there in place: a method called on it
 * (`createLoaders(db).user(id)`), the value called (`makeLookup()(key)`), or a
 * `const` it initialises whose every use is such a call, in that function or
 * in a callback that runs where it is written
 * (`ids.map((id) => loaders.user(id))`). Never returned, stored, passed on or
 * captured by a function that outlives the call: whatever the value's
 * closures hold goes with that call.
 */
export const resultLivesPerCall: (program: ts.Program, factory: ts.SignatureDeclaration) => boolean = perProgram(
  (program, factory: ts.SignatureDeclaration) => livesPerCall(program, factory),
);

function livesPerCall(program: ts.Program, factory: ts.SignatureDeclaration): boolean {
  const { calls, reactions, complete } = callSitesOf(program, factory);
  if (!complete || reactions.length > 0 || calls.length === 0) return false;
  const checker = program.getTypeChecker();
  return calls.every((call) => {
    const caller = callingFunction(call);
    if (!caller) return false;
    const value = outerValue(call);
    if (calledInPlace(value)) return true;
    const declaration = value.parent;
    if (
      !ts.isVariableDeclaration(declaration) ||
      declaration.initializer !== value ||
      !ts.isIdentifier(declaration.name) ||
      !(ts.getCombinedNodeFlags(declaration) & ts.NodeFlags.Const)
    ) {
      return false;
    }
    const symbol = checker.getSymbolAtLocation(declaration.name);
    if (!symbol) return false;
    const name = declaration.name;
    let inPlace = true;
    const visit = (node: ts.Node): void => {
      if (!inPlace) return;
      if (ts.isIdentifier(node) && node !== name && node.text === name.text) {
        if (
          checker.getSymbolAtLocation(node) === symbol &&
          (callingFunction(node) !== caller || !calledInPlace(node))
        ) {
          inPlace = false;
        }
        return;
      }
      ts.forEachChild(node, visit);
    };
    if ('body' in caller && caller.body) visit(caller.body);
    return inPlace;
  });
}

/** The expression that carries a call's value on: through parentheses, `await`, `!` and `as`. */
function outerValue(node: ts.Expression): ts.Expression {
  let value = node;
  while (
    ts.isParenthesizedExpression(value.parent) ||
    ts.isAwaitExpression(value.parent) ||
    ts.isNonNullExpression(value.parent) ||
    ts.isAsExpression(value.parent)
  ) {
    value = value.parent;
  }
  return value;
}

/** `value.method(…)` or `value(…)`: used where it stands, not handed on. */
function calledInPlace(value: ts.Expression): boolean {
  const parent = value.parent;
  if (ts.isCallExpression(parent) && parent.expression === value) return true;
  return (
    ts.isPropertyAccessExpression(parent) &&
    parent.expression === value &&
    ts.isCallExpression(parent.parent) &&
    parent.parent.expression === parent
  );
}
