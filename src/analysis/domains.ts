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
  everyCallSite,
  callSitesOf,
  callingFunction,
  constructionValues,
  handedCallbackCalls,
  instantiationsOf,
  isExtended,
  perProgram,
  runsPerEvent,
  runsWhereDefined,
} from './program.js';
import { calledBuiltin, isBuiltinFile, isFiniteType } from './types.js';
import type { ConstructionValue } from './program.js';
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
  // Nothing passed and no default: `undefined`, a value written in the source.
  return everyCallPasses(
    program,
    parameter,
    (value) => value === undefined || bounded(program, value, depth + 1, seen),
  );
}

/**
 * Is the parameter never assigned, and its function called, and only
 * called (no reaction: a promise reaction is called with whatever the
 * promise settles with), each call passing a value that `passes`: the
 * argument, or the default when there is none (`undefined` when there is
 * no default either)? A spread that hides the argument passes nothing.
 */
export function everyCallPasses(
  program: ts.Program,
  parameter: ts.ParameterDeclaration,
  passes: (value: ts.Expression | undefined) => boolean,
): boolean {
  if (parameter.dotDotDotToken || !ts.isIdentifier(parameter.name)) return false;
  if (parameterAssigned(program, parameter)) return false;
  const fn = parameter.parent;
  const index = fn.parameters.indexOf(parameter);
  let called = false;
  // Stops at the first call that passes something else, before the program's other files are read.
  const every = everyCallSite(program, fn, (call, kind) => {
    if (kind === 'reaction') return false;
    called = true;
    const argument = argumentFor(call, index);
    return argument !== 'spread' && passes(argument ?? parameter.initializer);
  });
  return every && called;
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
  const names = (target: ts.Node): boolean =>
    ts.isIdentifier(target) &&
    target.text === name &&
    // `({ x } = o)`: the shorthand names the property; the value it writes is `x`.
    (ts.isShorthandPropertyAssignment(target.parent) && target.parent.name === target
      ? checker.getShorthandAssignmentValueSymbol(target.parent)
      : checker.getSymbolAtLocation(target)) === symbol;
  // `x = …`, and a destructuring target that holds `x` (`[x] = list`, `({ x } = o)`), taken whole.
  const writes = (target: ts.Node): boolean => {
    if (names(target)) return true;
    if (!ts.isArrayLiteralExpression(target) && !ts.isObjectLiteralExpression(target)) return false;
    const inPattern = (node: ts.Node): boolean => names(node) || ts.forEachChild(node, inPattern) === true;
    return inPattern(target);
  };
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
      (ts.isForOfStatement(node) || ts.isForInStatement(node)) &&
      !ts.isVariableDeclarationList(node.initializer) &&
      writes(skipOuterExpressions(node.initializer))
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
 * Is `expression` fixed once its owners are set up: the same value on every
 * evaluation for a given object or module, so that a collection keyed by it
 * holds one entry per configuration, however often it grows? It is when it
 * is made only of literals and constants, module-level constants (evaluated
 * once), properties written only while their object is constructed
 * (`this.serverUrl`, set in the constructor from a `new` argument that is
 * no outside data), properties of such values, and parameters that every
 * call of their function fills with such values.
 */
export function isFixedAtSetUp(
  program: ts.Program,
  expression: ts.Expression,
  unseenCallers: 'outside' | 'unknown' = 'outside',
): boolean {
  return fixed(program, expression, 0, { seen: new Set(), unseen: unseenCallers });
}

interface FixedWalk {
  seen: Set<ts.Node>;
  /** What instances made by code the program does not show are configured with. */
  unseen: 'outside' | 'unknown';
}

function fixed(program: ts.Program, expression: ts.Expression, depth: number, walk: FixedWalk): boolean {
  const node = skipOuterExpressions(expression);
  if (isLiteral(node)) return true;
  const checker = program.getTypeChecker();
  if (isFiniteType(checker.getBaseConstraintOfType(checker.getTypeAtLocation(node)) ?? checker.getTypeAtLocation(node)))
    return true;
  if (depth > MAX_DEPTH) return false;
  const next = (e: ts.Expression): boolean => fixed(program, e, depth + 1, walk);
  if (ts.isTemplateExpression(node)) return node.templateSpans.every((span) => next(span.expression));
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    return next(node.left) && next(node.right);
  }
  if (ts.isConditionalExpression(node)) return next(node.whenTrue) && next(node.whenFalse);
  if (ts.isPropertyAccessExpression(node)) {
    const property = checker.getSymbolAtLocation(node.name);
    const values = property ? constructionValues(program, property) : null;
    if (!values) return false;
    // `this.url`: what the constructor put there; `url.hostname`: a property of a fixed value
    // (not a list's `length`, which its methods change).
    if (node.expression.kind === ts.SyntaxKind.ThisKeyword) {
      // Only a class's `this` is built by a constructor: an object literal's properties are not.
      if (!(property?.declarations ?? []).every((d) => ts.isPropertyDeclaration(d) || ts.isParameter(d))) return false;
      return values.every((v) => constructedFixed(program, v, walk.unseen));
    }
    return !checker.isArrayLikeType(checker.getTypeAtLocation(node.expression)) && next(node.expression);
  }
  if (ts.isCallExpression(node)) {
    // `host.toLowerCase()`, `String(port)`: a built-in that makes its result from its inputs alone.
    const callee = skipOuterExpressions(node.expression);
    const inputs = node.arguments.every((a) => !ts.isSpreadElement(a) && next(a));
    if (ts.isIdentifier(callee)) return callee.text === 'String' && isLibrary(program, callee) && inputs;
    return (
      ts.isPropertyAccessExpression(callee) &&
      PURE_STRING_METHODS.has(callee.name.text) &&
      isLibrary(program, callee.name) &&
      inputs &&
      next(callee.expression)
    );
  }
  if (!ts.isIdentifier(node)) return false;
  const declaration = checker.getSymbolAtLocation(node)?.valueDeclaration;
  if (!declaration) return false;
  if (ts.isParameter(declaration)) {
    if (walk.seen.has(declaration)) return true;
    walk.seen.add(declaration);
    return parameterFixed(program, declaration, depth, walk);
  }
  if (!ts.isVariableDeclaration(declaration) || !ts.isIdentifier(declaration.name)) return false;
  const list = declaration.parent;
  if (!ts.isVariableDeclarationList(list) || !(list.flags & ts.NodeFlags.Const)) return false;
  if (ts.isForOfStatement(list.parent) || ts.isForInStatement(list.parent)) return false;
  // A module-level constant is evaluated once.
  if (!callingFunction(declaration)) return true;
  return declaration.initializer !== undefined && next(declaration.initializer);
}

/** A parameter never assigned, whose function is only called, every call passing a fixed value. */
function parameterFixed(
  program: ts.Program,
  parameter: ts.ParameterDeclaration,
  depth: number,
  walk: FixedWalk,
): boolean {
  return everyCallPasses(program, parameter, (value) => value !== undefined && fixed(program, value, depth + 1, walk));
}

/**
 * A value a constructor or initializer puts in a property: fixed for its
 * object unless it is new on every evaluation (`randomUUID()`, `nextId++`),
 * or comes from a constructor argument that some `new` fills with a fresh
 * value or with outside data (a request handler's `new Session(req.user)`).
 * Instances the program does not show being made (a class used as a value,
 * or one the program never makes itself) are configured with outside data,
 * or (when only shown repetition counts) with unknown data.
 */
function constructedFixed(program: ts.Program, written: ConstructionValue, unseen: 'outside' | 'unknown'): boolean {
  if (written.kind === 'parameter') return argumentsAtSetUp(program, written.constructor, [written.index], unseen);
  if (!evaluatedAlike(program, written.value)) return false;
  if (!written.constructor) return true;
  const from = parameterOrigins(program, written.value, written.constructor);
  return argumentsAtSetUp(program, written.constructor, from, unseen);
}

/**
 * Does evaluating `expression` give the same value however often it runs,
 * given the same parameters: not a value new on every evaluation
 * (`randomUUID()`, `next++`), nor a variable that other code may write
 * (a module's `let current`)?
 */
function evaluatedAlike(program: ts.Program, expression: ts.Expression): boolean {
  if (isFreshPerCall(program, expression)) return false;
  const checker = program.getTypeChecker();
  let alike = true;
  const visit = (node: ts.Node): void => {
    if (!alike || ts.isFunctionLike(node)) return;
    if (ts.isIdentifier(node) && !(ts.isPropertyAccessExpression(node.parent) && node.parent.name === node)) {
      const declaration = checker.getSymbolAtLocation(node)?.valueDeclaration;
      if (
        declaration &&
        ts.isVariableDeclaration(declaration) &&
        ts.isVariableDeclarationList(declaration.parent) &&
        !(declaration.parent.flags & ts.NodeFlags.Const) &&
        !declaration.getSourceFile().isDeclarationFile
      ) {
        alike = false;
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(expression);
  return alike;
}

function argumentsAtSetUp(
  program: ts.Program,
  constructor: ts.ConstructorDeclaration,
  indexes: readonly number[],
  unseen: 'outside' | 'unknown',
): boolean {
  if (indexes.length === 0) return true;
  const { sites, complete } = instantiationsOf(program, constructor.parent);
  if ((!complete || sites.length === 0) && unseen === 'outside') return false;
  return sites.every((site) =>
    indexes.every((index) => {
      const argument = argumentFor(site, index);
      if (argument === 'spread') return false;
      // None passed: the parameter's default, evaluated by this `new`.
      if (!argument) {
        const initializer = constructor.parameters[index]?.initializer;
        return initializer === undefined || evaluatedAlike(program, initializer);
      }
      if (!evaluatedAlike(program, argument)) return false;
      const caller = callingFunction(site);
      if (!caller) return true;
      return !parameterOrigins(program, argument, caller).some((from) =>
        parameterTakesOutsideData(program, caller, from, unseen),
      );
    }),
  );
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

/** The answers of `parameterTakesOutsideData`, by function, parameter index and property path. */
const outsideAnswers = perProgram<ts.SignatureDeclaration, Map<string, boolean>>(() => new Map());
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
 * as small as the set-up. With `path`, only that property of the parameter
 * is asked about (`signingKey` of `{ signingKey, body }`): a call that passes
 * an object written in place gives that property's value.
 */
export function parameterTakesOutsideData(
  program: ts.Program,
  fn: ts.SignatureDeclaration,
  index: number,
  unseenCallers: 'outside' | 'unknown' = 'outside',
  path: readonly string[] = [],
): boolean {
  return takesOutside(program, fn, { index, path }, 0, new Set(), unseenCallers === 'outside');
}

function takesOutside(
  program: ts.Program,
  fn: ts.SignatureDeclaration,
  origin: Origin,
  depth: number,
  seen: Set<string>,
  unseen: boolean,
): boolean {
  // Only answers asked from the top are kept: deeper ones depend on the path that reached them.
  const answers = outsideAnswers(program, fn);
  const slot = `${String(origin.index)}:${origin.path.join('.')}:${unseen ? 'outside' : 'unknown'}`;
  const known = answers.get(slot);
  if (known !== undefined) return known;
  // A cycle (recursion) adds no caller of its own; past the depth, the callers are not known.
  const visit = `${String(fn.pos)}:${fn.getSourceFile().fileName}:${slot}`;
  if (seen.has(visit)) return false;
  // Past the depth the callers are not followed: a function that runs per event may pass its data.
  if (depth > MAX_CALLER_DEPTH) return unseen || runsPerEvent(program, fn);
  seen.add(visit);
  const answer = computeTakesOutside(program, fn, origin, depth, seen, unseen);
  if (depth === 0) answers.set(slot, answer);
  return answer;
}

function computeTakesOutside(
  program: ts.Program,
  fn: ts.SignatureDeclaration,
  { index, path }: Origin,
  depth: number,
  seen: Set<string>,
  unseen: boolean,
): boolean {
  if (path.length === 0 && takesFiniteValues(program, fn, index)) return false;
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
    const passed = selectProperty(argument, path);
    if (!passed) return false;
    if (passed.path.length === 0 && isFreshPerCall(program, passed.value)) return true;
    const caller = callingFunction(call);
    if (!caller) return false;
    return originsOf(program, passed.value, caller, passed.path).some((from) =>
      takesOutside(program, from.fn ?? caller, from, depth + 1, seen, unseen),
    );
  });
}

/**
 * The part of `value` that property `path` reads, as far as objects written
 * in place show it: `{ key: this.key, body }` with path `key` gives
 * `this.key`. Null when such an object has no such property (the read gives
 * `undefined`); the rest of the path when the value is not such an object.
 */
function selectProperty(
  value: ts.Expression,
  path: readonly string[],
): { value: ts.Expression; path: readonly string[] } | null {
  let node = skipOuterExpressions(value);
  let rest = path;
  while (rest.length > 0 && ts.isObjectLiteralExpression(node)) {
    const [name, ...after] = rest as [string, ...string[]];
    // A spread, an accessor, a method or a computed name may give the property: the whole object is read.
    const written: (ts.PropertyAssignment | ts.ShorthandPropertyAssignment)[] = [];
    for (const p of node.properties) {
      if (!(ts.isPropertyAssignment(p) || ts.isShorthandPropertyAssignment(p))) break;
      if (!ts.isIdentifier(p.name) && !ts.isStringLiteral(p.name)) break;
      written.push(p);
    }
    if (written.length !== node.properties.length) break;
    const property = written.reverse().find((p) => (p.name as ts.Identifier | ts.StringLiteral).text === name);
    if (!property) return null;
    node = skipOuterExpressions(ts.isPropertyAssignment(property) ? property.initializer : property.name);
    rest = after;
  }
  return { value: node, path: rest };
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
 * A parameter of a function, and the property path read from it (`opts.key`:
 * `['key']`). The function is the one asked about, unless `fn` names another:
 * the one that evaluates a promise whose settled value a reaction takes.
 */
export interface Origin {
  index: number;
  path: readonly string[];
  fn?: ts.SignatureDeclaration;
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
  return [...new Set(originsOf(program, expression, fn).flatMap((origin) => (origin.fn ? [] : [origin.index])))];
}

/**
 * The parameters of `fn` that `expression` is made from, each with the
 * property path read from it. Values are followed through property reads,
 * objects written in place (`{ key }.key` is `key`), `await`, what a
 * function of the program returns (its parameters taken from the call's
 * arguments), and what a promise settles with (`p.then((result) => …)`
 * reads what `p` settles with).
 */
export function originsOf(
  program: ts.Program,
  expression: ts.Expression,
  fn: ts.SignatureDeclaration,
  path: readonly string[] = [],
): Origin[] {
  originSteps = MAX_ORIGIN_STEPS;
  const found = origins(program, expression, fn, path, 0).filter((origin) => origin.index !== RECEIVER);
  const unique = new Map(
    found.map((origin) => [`${String(origin.fn?.pos ?? -1)}:${String(origin.index)}:${origin.path.join('.')}`, origin]),
  );
  return [...unique.values()];
}

const MAX_ORIGIN_DEPTH = 8;
/**
 * How many callee bodies one question may read: each return is read for
 * every call of it, so nested helpers could multiply the work. Past it, a
 * call is read by its receiver and arguments, as a call the program does
 * not show.
 */
const MAX_ORIGIN_STEPS = 64;
let originSteps = MAX_ORIGIN_STEPS;
/** The index that stands for `this` of a callee, the receiver of its call, while its returns are read. */
const RECEIVER = -1;

/**
 * Set while the values a callee returns are read: `opaque` when one of them
 * is made by code whose result the program does not show (a library call,
 * `new Promise(…)`, a reply read from a socket). Such a value is no
 * function of the parameters and the object's own state: the call is then
 * read as before, by its receiver and arguments.
 */
interface ReturnTrace {
  opaque: boolean;
}

function origins(
  program: ts.Program,
  expression: ts.Expression,
  fn: ts.SignatureDeclaration,
  path: readonly string[],
  depth: number,
  trace: ReturnTrace | null = null,
): Origin[] {
  if (depth > MAX_ORIGIN_DEPTH) {
    if (trace) trace.opaque = true;
    return [];
  }
  const node = skipOuterExpressions(expression);
  const next = (e: ts.Expression, at: readonly string[] = []): Origin[] =>
    origins(program, e, fn, at, depth + 1, trace);
  // In a callee's return, `this` is the receiver of the call (`event.getId()` returning
  // `this.event.event_id` reads the event the caller passes).
  if (trace && node.kind === ts.SyntaxKind.ThisKeyword) return [{ index: RECEIVER, path }];
  const all = (list: readonly ts.Expression[]): Origin[] => list.flatMap((e) => next(e));
  if (ts.isPropertyAccessExpression(node)) return next(node.expression, [node.name.text, ...path]);
  if (ts.isElementAccessExpression(node)) return next(node.expression);
  if (ts.isAwaitExpression(node)) return next(node.expression, path);
  if (ts.isTemplateExpression(node)) return all(node.templateSpans.map((span) => span.expression));
  if (ts.isBinaryExpression(node)) {
    // `a ?? b`, `a || b`: either value, with the same property read from it.
    const either =
      node.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken ||
      node.operatorToken.kind === ts.SyntaxKind.BarBarToken ||
      node.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken;
    return either ? [...next(node.left, path), ...next(node.right, path)] : all([node.left, node.right]);
  }
  if (ts.isConditionalExpression(node)) return [...next(node.whenTrue, path), ...next(node.whenFalse, path)];
  if (ts.isArrayLiteralExpression(node)) {
    return all(node.elements.map((element) => (ts.isSpreadElement(element) ? element.expression : element)));
  }
  if (ts.isObjectLiteralExpression(node)) {
    if (path.length > 0) {
      const selected = selectProperty(node, path);
      if (!selected) return [];
      if (selected.value !== node) return next(selected.value, selected.path);
    }
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
  if (ts.isNewExpression(node)) {
    if (trace) trace.opaque = true;
    return all((node.arguments ?? []).filter((a) => !ts.isSpreadElement(a)));
  }
  if (ts.isCallExpression(node)) {
    const returned = returnedOrigins(program, node, fn, path, depth, trace);
    if (returned) return returned;
    if (trace) trace.opaque = true;
    const callee = skipOuterExpressions(node.expression);
    const receiver = ts.isPropertyAccessExpression(callee) ? [callee.expression] : [];
    return all([...receiver, ...node.arguments.filter((a): a is ts.Expression => !ts.isSpreadElement(a))]);
  }
  // Anything else read in a callee's return (`+s`, a tagged template, `super`, a function) is no
  // value the program shows being made of its inputs.
  const unknown = (): Origin[] => {
    if (trace) trace.opaque = true;
    return [];
  };
  if (!ts.isIdentifier(node)) return isLiteral(node) ? [] : unknown();
  const checker = program.getTypeChecker();
  // `{ body }`: the name stands for the variable it reads, not for the property it writes.
  const symbol =
    ts.isShorthandPropertyAssignment(node.parent) && node.parent.name === node
      ? checker.getShorthandAssignmentValueSymbol(node.parent)
      : checker.getSymbolAtLocation(node);
  const declaration = symbol?.valueDeclaration;
  if (!declaration) return isLiteral(node) ? [] : unknown();
  let holder: ts.Node = declaration;
  // `{ key }` or `{ key: alias }` in a parameter or declaration: property `key` of what it destructures.
  let bound = path;
  while (ts.isBindingElement(holder) || ts.isObjectBindingPattern(holder) || ts.isArrayBindingPattern(holder)) {
    if (ts.isBindingElement(holder) && ts.isObjectBindingPattern(holder.parent)) {
      const name = holder.propertyName ?? holder.name;
      const text = ts.isIdentifier(name) || ts.isStringLiteral(name) ? name.text : undefined;
      bound = text !== undefined && !holder.dotDotDotToken ? [text, ...bound] : [];
    } else if (ts.isBindingElement(holder)) {
      bound = [];
    }
    holder = holder.parent;
  }
  if (ts.isParameter(holder)) {
    const owner = holder.parent;
    // `p.then((result) => …)`: the reaction's parameter is what `p` settles with, when that is
    // what a function of the program returns; `p` is evaluated by the function around the call.
    const settled = owner.parameters[0] === holder ? settledBy(owner) : null;
    const call = settled ? callGiving(program, settled.promise) : null;
    if (call && settled) {
      const evaluator = callingFunction(settled.reaction);
      const returned = evaluator ? returnedOrigins(program, call, evaluator, bound, depth, trace) : [];
      if (returned) return returned.map((origin) => (origin.fn || !evaluator ? origin : { ...origin, fn: evaluator }));
    }
    if (owner === fn) return [{ index: fn.parameters.indexOf(holder), path: bound }];
    // A parameter of a callback an array method runs in place: an element of its receiver.
    const callback = owner;
    if ((ts.isArrowFunction(callback) || ts.isFunctionExpression(callback)) && runsWhereDefined(callback)) {
      const call = callback.parent;
      if (ts.isCallExpression(call) && ts.isPropertyAccessExpression(call.expression)) {
        // `list.map(cb)`: the receiver; `Array.from(list, cb)`: the other arguments.
        const others = call.arguments.filter((a): a is ts.Expression => a !== callback && !ts.isSpreadElement(a));
        return all([call.expression.expression, ...others]);
      }
    }
    return unknown();
  }
  if (!ts.isVariableDeclaration(holder)) return unknown();
  const list = holder.parent;
  if (ts.isVariableDeclarationList(list) && ts.isForOfStatement(list.parent) && list.parent.initializer === list) {
    return next(list.parent.expression);
  }
  // A callee's `let filePath; if (…) filePath = …`: its initializer is not what it returns.
  if (trace && (!holder.initializer || !ts.isVariableDeclarationList(list) || !(list.flags & ts.NodeFlags.Const))) {
    trace.opaque = true;
  }
  return holder.initializer ? next(holder.initializer, bound) : [];
}

/**
 * What a call of a function of the program gives, in terms of `fn`'s
 * parameters: the origins of each value its body returns (of what it
 * resolves with, for an async function), its own parameters taken from the
 * call's arguments. Null when the callee is not a function of the program
 * with a body whose every `return` gives a value made only of its
 * parameters, the object's state, constants and what such functions return.
 */
function returnedOrigins(
  program: ts.Program,
  call: ts.CallExpression,
  fn: ts.SignatureDeclaration,
  path: readonly string[],
  depth: number,
  trace: ReturnTrace | null,
): Origin[] | null {
  const implementation = calledImplementation(program, call);
  if (!implementation?.body) return null;
  if (implementation === fn) return null;
  // A method a subclass may override returns what the override does.
  const holder = implementation.parent;
  if (ts.isClassLike(holder) && !ts.isConstructorDeclaration(implementation) && isExtended(program, holder))
    return null;
  if (originSteps <= 0) return null;
  originSteps--;
  const returns: ts.Expression[] = [];
  if (ts.isBlock(implementation.body)) {
    if (!collectReturns(implementation.body, returns) || returns.length === 0) return null;
  } else {
    returns.push(implementation.body);
  }
  const returned: Origin[] = [];
  const inner: ReturnTrace = { opaque: false };
  for (const value of returns) returned.push(...origins(program, value, implementation, path, depth + 1, inner));
  if (inner.opaque) return null;
  const found: Origin[] = [];
  for (const origin of returned) {
    if (origin.fn) {
      found.push(origin);
      continue;
    }
    const callee = skipOuterExpressions(call.expression);
    const argument =
      origin.index === RECEIVER
        ? ts.isPropertyAccessExpression(callee)
          ? callee.expression
          : undefined
        : argumentFor(call, origin.index);
    if (argument === 'spread') return null;
    if (!argument) continue;
    found.push(...origins(program, argument, fn, origin.path, depth + 1, trace));
  }
  return found;
}

/** The call whose result `expression` is, through `await` and `const` variables. */
function callGiving(program: ts.Program, expression: ts.Expression): ts.CallExpression | null {
  let node = skipOuterExpressions(expression);
  for (let step = 0; step < MAX_DEPTH; step++) {
    if (ts.isAwaitExpression(node)) node = skipOuterExpressions(node.expression);
    else if (ts.isIdentifier(node)) {
      const initializer = constDeclaration(program, node)?.initializer;
      if (!initializer) return null;
      node = skipOuterExpressions(initializer);
    } else break;
  }
  return ts.isCallExpression(node) ? node : null;
}

/** For the first parameter of `f` in `p.then(f)`: `p`, whose settled value it takes, and the `.then` call. */
function settledBy(fn: ts.SignatureDeclaration): { promise: ts.Expression; reaction: ts.CallExpression } | null {
  if (!ts.isArrowFunction(fn) && !ts.isFunctionExpression(fn)) return null;
  let outer: ts.Node = fn;
  while (ts.isParenthesizedExpression(outer.parent)) outer = outer.parent;
  const call = outer.parent;
  if (!ts.isCallExpression(call) || call.arguments[0] !== outer) return null;
  const callee = skipOuterExpressions(call.expression);
  if (!ts.isPropertyAccessExpression(callee) || callee.name.text !== 'then') return null;
  return { promise: callee.expression, reaction: call };
}
