/**
 * Value domains: can an expression take only values written in the source
 * code (literals, constants, a finite type), or can it carry data from
 * outside (requests, messages, files)?
 *
 * A key with a bounded domain cannot make a collection grow without bound,
 * however often the growth runs. The evidence is structural and follows
 * values to where they come from: a `const` to its initializer, an element to
 * its constant array or string, a parameter to every call of its function in
 * the program (through the program index).
 */
import ts from 'typescript';
import { calledImplementation, skipOuterExpressions } from './callees.js';
import {
  argumentFor,
  callSitesOf,
  callingFunction,
  handedCallbackCalls,
  perProgram,
  runsPerEvent,
  runsWhereDefined,
} from './program.js';
import { calledBuiltin, isBuiltinFile, isFiniteType } from './types.js';
import { FRESH_VALUE_BUILTINS, PURE_STRING_METHODS } from './vocabulary.js';

/** How far a value is followed through constants and parameters. */
const MAX_DEPTH = 4;

/** Can `expression` take only values written in the program's source? */
export function hasBoundedDomain(program: ts.Program, expression: ts.Expression): boolean {
  return bounded(program, expression, 0, new Set());
}

function bounded(program: ts.Program, expression: ts.Expression, depth: number, seen: Set<ts.Node>): boolean {
  const node = skipOuterExpressions(expression);
  if (seen.has(node)) return true;
  seen.add(node);
  if (isLiteral(node)) return true;
  const checker = program.getTypeChecker();
  const type = checker.getTypeAtLocation(node);
  if (isFiniteType(checker.getBaseConstraintOfType(type) ?? type)) return true;
  if (depth >= MAX_DEPTH) return false;
  const next = (e: ts.Expression): boolean => bounded(program, e, depth + 1, seen);
  if (ts.isTemplateExpression(node)) return node.templateSpans.every((span) => next(span.expression));
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    return next(node.left) && next(node.right);
  }
  if (ts.isConditionalExpression(node)) return next(node.whenTrue) && next(node.whenFalse);
  if (ts.isElementAccessExpression(node)) return isConstantCollection(program, node.expression, depth, seen);
  if (ts.isIdentifier(node)) return identifierBounded(program, node, depth, seen);
  if (ts.isCallExpression(node)) {
    return builtinOfBounded(program, node, depth, seen) || returnsBounded(program, node, depth, seen);
  }
  return false;
}

/**
 * A built-in that makes its result from its inputs alone, given bounded
 * inputs: `name.toLowerCase()` of a bounded string, `parts.join(',')` of a
 * tuple whose elements have a finite type or of a constant list, `String(kind)`.
 */
function builtinOfBounded(program: ts.Program, call: ts.CallExpression, depth: number, seen: Set<ts.Node>): boolean {
  const checker = program.getTypeChecker();
  const next = (e: ts.Expression): boolean => bounded(program, e, depth + 1, seen);
  const argumentsBounded = (): boolean =>
    call.arguments.every((argument) => !ts.isSpreadElement(argument) && next(argument));
  const callee = skipOuterExpressions(call.expression);
  if (ts.isIdentifier(callee)) {
    return callee.text === 'String' && call.arguments.length === 1 && isLibrary(program, callee) && argumentsBounded();
  }
  if (!ts.isPropertyAccessExpression(callee)) return false;
  const method = callee.name.text;
  if (!PURE_STRING_METHODS.has(method) && method !== 'join') return false;
  if (!isLibrary(program, callee.name)) return false;
  const receiver = checker.getTypeAtLocation(callee.expression);
  const parts = receiver.isUnion() ? receiver.types : [receiver];
  if (PURE_STRING_METHODS.has(method) && parts.every((part) => part.flags & ts.TypeFlags.StringLike)) {
    return next(callee.expression) && argumentsBounded();
  }
  if (method !== 'join') return false;
  // The elements' type bounds each element, not how many there are: an array of flags joined is
  // bounded only when its length is too (a tuple) or it is a constant list.
  if (!checker.isTupleType(receiver))
    return isConstantCollection(program, callee.expression, depth, seen) && argumentsBounded();
  const elements = checker.getTypeArguments(receiver as ts.TypeReference);
  return (
    elements.length > 0 &&
    elements.every((element) => isFiniteType(checker.getBaseConstraintOfType(element) ?? element)) &&
    argumentsBounded()
  );
}

/** Is the name declared by TypeScript's library or Node's types (not by the program)? */
function isLibrary(program: ts.Program, name: ts.Node): boolean {
  const declaration = program.getTypeChecker().getSymbolAtLocation(name)?.declarations?.[0];
  return declaration !== undefined && isBuiltinFile(program, declaration.getSourceFile());
}

/**
 * A call of a function of the program every one of whose returns is bounded
 * (`keyOf(purpose, kind)` returning `` `${purpose}:${kind}` `` of finite parts).
 * Its parameters take the domain of all its calls, this one included.
 */
function returnsBounded(program: ts.Program, call: ts.CallExpression, depth: number, seen: Set<ts.Node>): boolean {
  const implementation = calledImplementation(program, call);
  if (!implementation) return false;
  const body = implementation.body;
  if (!ts.isBlock(body)) return bounded(program, body, depth + 1, seen);
  const returns: ts.Expression[] = [];
  if (!collectReturns(body, returns)) return false;
  return returns.length > 0 && returns.every((e) => bounded(program, e, depth + 1, seen));
}

/** The values a body returns, outside nested functions; false when some `return` gives none. */
function collectReturns(node: ts.Node, out: ts.Expression[]): boolean {
  if (ts.isFunctionLike(node)) return true;
  if (ts.isReturnStatement(node)) {
    if (!node.expression) return false;
    out.push(node.expression);
    return true;
  }
  return ts.forEachChild(node, (child) => (collectReturns(child, out) ? undefined : true)) !== true;
}

function isLiteral(node: ts.Expression): boolean {
  switch (node.kind) {
    case ts.SyntaxKind.StringLiteral:
    case ts.SyntaxKind.NoSubstitutionTemplateLiteral:
    case ts.SyntaxKind.NumericLiteral:
    case ts.SyntaxKind.BigIntLiteral:
    case ts.SyntaxKind.TrueKeyword:
    case ts.SyntaxKind.FalseKeyword:
    case ts.SyntaxKind.NullKeyword:
      return true;
    default:
      return ts.isIdentifier(node) && node.text === 'undefined';
  }
}

/** A string literal, or an array literal of bounded elements, reached directly or through a `const`. */
function isConstantCollection(
  program: ts.Program,
  expression: ts.Expression,
  depth: number,
  seen: Set<ts.Node>,
): boolean {
  let node = skipOuterExpressions(expression);
  if (ts.isIdentifier(node)) {
    const declaration = constDeclaration(program, node);
    if (!declaration?.initializer) return false;
    node = skipOuterExpressions(declaration.initializer);
  }
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return true;
  return (
    ts.isArrayLiteralExpression(node) &&
    node.elements.every((element) => !ts.isSpreadElement(element) && bounded(program, element, depth + 1, seen))
  );
}

/** The `const x = …` an identifier refers to, if that is what it refers to. */
function constDeclaration(program: ts.Program, id: ts.Identifier): ts.VariableDeclaration | null {
  const declaration = program.getTypeChecker().getSymbolAtLocation(id)?.valueDeclaration;
  if (!declaration || !ts.isVariableDeclaration(declaration) || !ts.isIdentifier(declaration.name)) return null;
  const list = declaration.parent;
  return ts.isVariableDeclarationList(list) && list.flags & ts.NodeFlags.Const ? declaration : null;
}

function identifierBounded(program: ts.Program, id: ts.Identifier, depth: number, seen: Set<ts.Node>): boolean {
  const symbol = program.getTypeChecker().getSymbolAtLocation(id);
  const declaration = symbol?.valueDeclaration;
  if (!symbol || !declaration) return false;
  if (ts.isVariableDeclaration(declaration)) {
    const list = declaration.parent;
    if (!ts.isVariableDeclarationList(list) || !(list.flags & ts.NodeFlags.Const)) return false;
    // `for (const name of NAMES)`: one of a constant list.
    if (ts.isForOfStatement(list.parent) && list.parent.initializer === list) {
      return ts.isIdentifier(declaration.name) && isConstantCollection(program, list.parent.expression, depth, seen);
    }
    return (
      ts.isIdentifier(declaration.name) &&
      declaration.initializer !== undefined &&
      bounded(program, declaration.initializer, depth + 1, seen)
    );
  }
  if (ts.isParameter(declaration)) return parameterBounded(program, declaration, depth, seen);
  return false;
}

/**
 * A parameter never assigned in its function, whose function is called in
 * the program and only called, each call passing a bounded argument (or none,
 * with a bounded default).
 */
function parameterBounded(
  program: ts.Program,
  parameter: ts.ParameterDeclaration,
  depth: number,
  seen: Set<ts.Node>,
): boolean {
  if (parameter.dotDotDotToken || !ts.isIdentifier(parameter.name)) return false;
  const fn = parameter.parent;
  const index = fn.parameters.indexOf(parameter);
  if (parameterAssigned(program, parameter)) return false;
  const { calls, reactions, complete } = callSitesOf(program, fn);
  // A promise reaction is called with whatever the promise settles with.
  if (!complete || calls.length === 0 || reactions.length > 0) return false;
  return calls.every((call) => {
    const argument = argumentFor(call, index);
    if (argument === 'spread') return false;
    if (!argument)
      return parameter.initializer === undefined || bounded(program, parameter.initializer, depth + 1, seen);
    return bounded(program, argument, depth + 1, seen);
  });
}

/**
 * Is the parameter written anywhere in its function (`x = …`, `x += …`,
 * `x++`)? Once per `Program` and parameter: every key that reaches the
 * parameter asks, and the function's body is walked each time.
 */
const parameterAssigned = perProgram((program, parameter: ts.ParameterDeclaration): boolean => {
  const symbol = program.getTypeChecker().getSymbolAtLocation(parameter.name);
  return symbol === undefined || isAssignedIn(program, parameter.parent, symbol);
});

function isAssignedIn(program: ts.Program, fn: ts.SignatureDeclaration, symbol: ts.Symbol): boolean {
  const checker = program.getTypeChecker();
  const name = symbol.name;
  const writes = (target: ts.Node): boolean =>
    ts.isIdentifier(target) && target.text === name && checker.getSymbolAtLocation(target) === symbol;
  let found = false;
  const visit = (node: ts.Node): void => {
    if (found) return;
    if (
      ts.isBinaryExpression(node) &&
      node.operatorToken.kind >= ts.SyntaxKind.FirstAssignment &&
      node.operatorToken.kind <= ts.SyntaxKind.LastAssignment &&
      writes(skipOuterExpressions(node.left))
    ) {
      found = true;
      return;
    }
    if (
      (ts.isPrefixUnaryExpression(node) || ts.isPostfixUnaryExpression(node)) &&
      (node.operator === ts.SyntaxKind.PlusPlusToken || node.operator === ts.SyntaxKind.MinusMinusToken) &&
      writes(node.operand)
    ) {
      found = true;
      return;
    }
    ts.forEachChild(node, visit);
  };
  if ('body' in fn && fn.body) visit(fn.body);
  return found;
}

/**
 * Is `expression` new on every evaluation: a counter's next value
 * (`this.nextId++`, `++seq`), a clock, a random number or UUID, a new
 * symbol, or a template or sum with such a part? A key like that makes a
 * collection grow on every call, whoever the caller is.
 */
export function isFreshPerCall(program: ts.Program, expression: ts.Expression): boolean {
  return fresh(program, expression, 0);
}

function fresh(program: ts.Program, expression: ts.Expression, depth: number): boolean {
  const node = skipOuterExpressions(expression);
  if (depth > MAX_DEPTH) return false;
  const next = (e: ts.Expression): boolean => fresh(program, e, depth + 1);
  if (
    (ts.isPostfixUnaryExpression(node) || ts.isPrefixUnaryExpression(node)) &&
    node.operator === ts.SyntaxKind.PlusPlusToken
  ) {
    return true;
  }
  if (ts.isBinaryExpression(node)) {
    if (node.operatorToken.kind === ts.SyntaxKind.PlusEqualsToken) return true;
    if (node.operatorToken.kind === ts.SyntaxKind.PlusToken) return next(node.left) || next(node.right);
    return false;
  }
  if (ts.isTemplateExpression(node)) return node.templateSpans.some((span) => next(span.expression));
  if (ts.isIdentifier(node)) {
    const declaration = program.getTypeChecker().getSymbolAtLocation(node)?.valueDeclaration;
    if (!declaration || !ts.isVariableDeclaration(declaration) || !declaration.initializer) return false;
    const list = declaration.parent;
    if (!ts.isVariableDeclarationList(list) || !(list.flags & ts.NodeFlags.Const)) return false;
    // A module-level `const STAMP = Date.now()` is evaluated once, not on every call.
    if (!callingFunction(declaration)) return false;
    return next(declaration.initializer);
  }
  if (!ts.isCallExpression(node)) return false;
  const callee = skipOuterExpressions(node.expression);
  // `String(id)`, `id.toString()`: the same value in another form.
  if (ts.isIdentifier(callee) && callee.text === 'String' && node.arguments[0]) return next(node.arguments[0]);
  if (ts.isPropertyAccessExpression(callee) && callee.name.text === 'toString') return next(callee.expression);
  const name = calledBuiltin(program, node);
  return name !== undefined && FRESH_VALUE_BUILTINS.has(name);
}

/** The answers of `parameterTakesOutsideData`, by function and parameter index. */
const outsideAnswers = perProgram<ts.SignatureDeclaration, Map<number, boolean>>(() => new Map());
const MAX_CALLER_DEPTH = 3;

/**
 * Can parameter `index` of `fn` carry data from outside the program's own
 * set-up? It can when the program does not show all its callers (a
 * registered listener or handler, an exported API, a handler a framework
 * calls, a function used as a value), or when some call passes a value new
 * on every call, or one made from a parameter of its caller that can. A
 * callback handed to a function of the program that only calls it has that
 * function's calls of it as its callers. A call that passes the caller's own
 * state (`this.options.timezone`, a constant, a lookup in a set-up table)
 * shows set-up data, however often it runs: a memo fed only that way stays
 * as small as the set-up.
 */
export function parameterTakesOutsideData(
  program: ts.Program,
  fn: ts.SignatureDeclaration,
  index: number,
  unseenCallers: 'outside' | 'unknown' = 'outside',
): boolean {
  return takesOutside(program, fn, index, 0, new Set(), unseenCallers === 'outside');
}

function takesOutside(
  program: ts.Program,
  fn: ts.SignatureDeclaration,
  index: number,
  depth: number,
  seen: Set<string>,
  unseen: boolean,
): boolean {
  // Only answers asked from the top are kept: deeper ones depend on the path that reached them.
  const byIndex = outsideAnswers(program, fn);
  const slot = index * 2 + (unseen ? 1 : 0);
  const known = byIndex.get(slot);
  if (known !== undefined) return known;
  // A cycle (recursion) adds no caller of its own; past the depth, the callers are not known.
  const visit = `${String(fn.pos)}:${fn.getSourceFile().fileName}:${String(index)}`;
  if (seen.has(visit)) return false;
  // Past the depth the callers are not followed: a function that runs per event may pass its data.
  if (depth > MAX_CALLER_DEPTH) return unseen || runsPerEvent(program, fn);
  seen.add(visit);
  const answer = computeTakesOutside(program, fn, index, depth, seen, unseen);
  if (depth === 0) byIndex.set(slot, answer);
  return answer;
}

function computeTakesOutside(
  program: ts.Program,
  fn: ts.SignatureDeclaration,
  index: number,
  depth: number,
  seen: Set<string>,
  unseen: boolean,
): boolean {
  if (takesFiniteValues(program, fn, index)) return false;
  const { calls, reactions, complete } = callSitesOf(program, fn);
  if (reactions.length > 0) return true;
  // A callback handed to a function of the program that only calls it is called with what that
  // function passes (`each(phase, (hook) => …)` calling `use(hook)` for each of its own hooks).
  const handed = !complete && isHandedCallback(fn) ? handedCallbackCalls(program, fn) : null;
  const shown = handed ?? (complete && calls.length > 0 ? calls : null);
  if (shown === null) {
    // A listener, handler or interval is called by the code it is registered with, with its data.
    if (runsPerEvent(program, fn)) return true;
    // Callers the program does not show: outside data, or (when only shown repetition counts)
    // unknown. A callback handed to any other call (`server.on('request', (req) => …)`) is called
    // by that code with its own data: outside data either way.
    return unseen || isHandedCallback(fn);
  }
  // Every call is shown: what the parameter takes is what they pass, however often they run
  // (a function called per event with a literal takes that literal).
  return shown.some((call) => {
    const argument = argumentFor(call, index);
    if (argument === 'spread') return true;
    if (!argument) return false;
    if (isFreshPerCall(program, argument)) return true;
    const caller = callingFunction(call);
    if (!caller) return false;
    return parameterOrigins(program, argument, caller).some((from) =>
      takesOutside(program, caller, from, depth + 1, seen, unseen),
    );
  });
}

/** A function expression passed as an argument: the callee calls it, with arguments of its own. */
export function isHandedCallback(fn: ts.SignatureDeclaration): boolean {
  if (!ts.isFunctionExpression(fn) && !ts.isArrowFunction(fn)) return false;
  let outer: ts.Node = fn;
  while (ts.isParenthesizedExpression(outer.parent)) outer = outer.parent;
  const parent = outer.parent;
  return (
    (ts.isCallExpression(parent) || ts.isNewExpression(parent)) && (parent.arguments ?? []).some((a) => a === outer)
  );
}

/**
 * The parameter's declared type has finitely many values, or is a list of
 * such (`filter: Q | Q[]` with `Q extends 'message' | 'edited_message'`):
 * whatever any caller passes, it is one of the values the source names.
 */
function takesFiniteValues(program: ts.Program, fn: ts.SignatureDeclaration, index: number): boolean {
  const parameter = fn.parameters[index];
  if (!parameter || parameter.dotDotDotToken) return false;
  const checker = program.getTypeChecker();
  const finite = (type: ts.Type): boolean => {
    const constraint = checker.getBaseConstraintOfType(type) ?? type;
    const value = checker.getNonNullableType(constraint);
    const parts = value.isUnion() ? value.types : [value];
    return parts.every((part) => {
      if (isFiniteType(part)) return true;
      const element = checker.isArrayType(part) ? checker.getTypeArguments(part as ts.TypeReference)[0] : undefined;
      return element !== undefined && isFiniteType(checker.getBaseConstraintOfType(element) ?? element);
    });
  };
  return finite(checker.getTypeAtLocation(parameter));
}

/**
 * The indexes of the parameters of `fn` that `expression` is made from
 * (`id`, `msg.id`, `` `${host}:${port}` ``, `raw.trim()`, `rows[0]`, an
 * element of a parameter's list in `for … of` or an array callback).
 */
export function parameterOrigins(
  program: ts.Program,
  expression: ts.Expression,
  fn: ts.SignatureDeclaration,
): number[] {
  return [...new Set(origins(program, expression, fn, 0))];
}

function origins(program: ts.Program, expression: ts.Expression, fn: ts.SignatureDeclaration, depth: number): number[] {
  if (depth > 8) return [];
  const node = skipOuterExpressions(expression);
  const next = (e: ts.Expression): number[] => origins(program, e, fn, depth + 1);
  const all = (list: readonly ts.Expression[]): number[] => list.flatMap(next);
  if (ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node)) return next(node.expression);
  if (ts.isAwaitExpression(node)) return next(node.expression);
  if (ts.isTemplateExpression(node)) return all(node.templateSpans.map((span) => span.expression));
  if (ts.isBinaryExpression(node)) return all([node.left, node.right]);
  if (ts.isConditionalExpression(node)) return all([node.whenTrue, node.whenFalse]);
  if (ts.isArrayLiteralExpression(node)) {
    return all(node.elements.map((element) => (ts.isSpreadElement(element) ? element.expression : element)));
  }
  if (ts.isObjectLiteralExpression(node)) {
    return all(
      node.properties.flatMap((p) =>
        ts.isPropertyAssignment(p)
          ? [p.initializer]
          : ts.isShorthandPropertyAssignment(p)
            ? [p.name]
            : ts.isSpreadAssignment(p)
              ? [p.expression]
              : [],
      ),
    );
  }
  if (ts.isNewExpression(node)) return all((node.arguments ?? []).filter((a) => !ts.isSpreadElement(a)));
  if (ts.isCallExpression(node)) {
    const callee = skipOuterExpressions(node.expression);
    const receiver = ts.isPropertyAccessExpression(callee) ? [callee.expression] : [];
    return all([...receiver, ...node.arguments.filter((a): a is ts.Expression => !ts.isSpreadElement(a))]);
  }
  if (!ts.isIdentifier(node)) return [];
  const declaration = program.getTypeChecker().getSymbolAtLocation(node)?.valueDeclaration;
  if (!declaration) return [];
  let holder: ts.Node = declaration;
  while (ts.isBindingElement(holder) || ts.isObjectBindingPattern(holder) || ts.isArrayBindingPattern(holder)) {
    holder = holder.parent;
  }
  if (ts.isParameter(holder)) {
    if (holder.parent === fn) return [fn.parameters.indexOf(holder)];
    // A parameter of a callback an array method runs in place: an element of its receiver.
    const callback = holder.parent;
    if ((ts.isArrowFunction(callback) || ts.isFunctionExpression(callback)) && runsWhereDefined(callback)) {
      const call = callback.parent;
      if (ts.isCallExpression(call) && ts.isPropertyAccessExpression(call.expression)) {
        // `list.map(cb)`: the receiver; `Array.from(list, cb)`: the other arguments.
        const others = call.arguments.filter((a): a is ts.Expression => a !== callback && !ts.isSpreadElement(a));
        return all([call.expression.expression, ...others]);
      }
    }
    return [];
  }
  if (!ts.isVariableDeclaration(holder)) return [];
  const list = holder.parent;
  if (ts.isVariableDeclarationList(list) && ts.isForOfStatement(list.parent) && list.parent.initializer === list) {
    return next(list.parent.expression);
  }
  return holder.initializer ? next(holder.initializer) : [];
}
