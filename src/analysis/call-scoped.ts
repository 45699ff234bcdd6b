/**
 * Call-scoped collections: a collection that lives for one outermost call.
 * It is reached through names (parameters, `const`s, destructured bindings),
 * each holding either the collection or an object from which a path of
 * properties leads to it (`ctx.visited`, `walk.schema.visited`). Every value
 * such a name holds is made in a call of the program (`new Set()`, an object
 * literal whose property is one): a parameter's from every call site the
 * program shows (`check(type, new Set())`, a fresh default
 * `memo = new Map()`, or a name of the caller that is itself call-scoped, as in
 * a recursion, direct or through other functions); a `const`'s from its
 * initializer. Every use of such a name is in place (`seen.add(x)`,
 * `ctx.visited.has(t)`, `for (… of seen)`, another property `ctx.schemas`) or
 * hands the value on to such a name: an argument of a function the program
 * shows, a property of an object literal that is, a `const` or a destructuring
 * (`const { ctx } = opts`). Never assigned, returned, stored, captured by a
 * function that outlives the call, or handed on inside a `try` that catches
 * (the catcher could carry on with it). A throw that skips a `delete` on such a
 * collection discards it with the call that made it.
 */
import ts from 'typescript';
import { argumentFor, callSitesOf, callingFunction, perProgram, runsWhereDefined } from './program.js';

/** At most this many names pass the collection, or an object leading to it, to each other. */
const MAX_HOLDERS = 64;

type HolderDeclaration = ts.ParameterDeclaration | ts.VariableDeclaration | ts.BindingElement;

/** A name that holds the collection (`chain` empty) or an object whose properties `chain` lead to it. */
interface Holder {
  declaration: HolderDeclaration;
  chain: readonly string[];
}

/** Does `parameter` hold a collection that lives for one outermost call of its function? */
export function parameterMadePerCall(program: ts.Program, parameter: ts.ParameterDeclaration): boolean {
  return holderLivesPerCall(program, { declaration: parameter, chain: [] });
}

/**
 * Does the collection `receiver` denotes (`seen`, `ctx.visited`, `opts.ctx.seen`) live for one
 * outermost call: is it reached only through call-scoped names?
 */
export function receiverLivesPerCall(program: ts.Program, receiver: ts.Expression): boolean {
  const chain: string[] = [];
  let node = skipOuter(receiver);
  while (ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.name)) {
    chain.unshift(node.name.text);
    node = skipOuter(node.expression);
  }
  if (!ts.isIdentifier(node)) return false;
  const declaration = holderDeclaration(program.getTypeChecker(), node);
  return declaration !== null && holderLivesPerCall(program, { declaration, chain });
}

const answers = new WeakMap<ts.Program, WeakMap<ts.Node, Map<string, boolean>>>();

function holderLivesPerCall(program: ts.Program, start: Holder): boolean {
  let byNode = answers.get(program);
  if (!byNode) {
    byNode = new WeakMap();
    answers.set(program, byNode);
  }
  const key = start.chain.join('.');
  const known = byNode.get(start.declaration)?.get(key);
  if (known !== undefined) return known;
  const visited = new Map<HolderDeclaration, Set<string>>();
  const answer = new Holders(program, visited).livePerCall(start);
  // Every name the search met passes the value to or from the others: one answer holds for all.
  const record = (declaration: ts.Node, chain: string, value: boolean): void => {
    let byChain = byNode.get(declaration);
    if (!byChain) {
      byChain = new Map();
      byNode.set(declaration, byChain);
    }
    byChain.set(chain, value);
  };
  if (answer) {
    for (const [declaration, chains] of visited) for (const chain of chains) record(declaration, chain, true);
  } else {
    record(start.declaration, key, false);
  }
  return answer;
}

/** The search over the names that hold one collection, or objects that lead to it. */
class Holders {
  private readonly checker: ts.TypeChecker;
  private readonly work: Holder[] = [];
  private count = 0;
  /** Some value the names hold is made in the program. */
  private made = false;

  constructor(
    private readonly program: ts.Program,
    private readonly visited: Map<HolderDeclaration, Set<string>>,
  ) {
    this.checker = program.getTypeChecker();
  }

  livePerCall(start: Holder): boolean {
    this.work.push(start);
    for (let holder = this.work.pop(); holder; holder = this.work.pop()) {
      const chains = this.visited.get(holder.declaration) ?? new Set<string>();
      const key = holder.chain.join('.');
      if (chains.has(key)) continue;
      chains.add(key);
      this.visited.set(holder.declaration, chains);
      if (++this.count > MAX_HOLDERS) return false;
      if (!this.madePerCall(holder) || !this.usedInPlace(holder)) return false;
    }
    // Names that only pass the value among themselves (a recursion no call of the program
    // enters) hold what callers the program does not show give them.
    return this.made;
  }

  private enqueue(declaration: HolderDeclaration, chain: readonly string[]): true {
    this.work.push({ declaration, chain });
    return true;
  }

  /** Is every value the name holds made in a call: by its initializer or by every call site? */
  private madePerCall({ declaration, chain }: Holder): boolean {
    if (ts.isParameter(declaration)) return this.passedPerCall(declaration, chain);
    if (ts.isVariableDeclaration(declaration)) return this.constMadePerCall(declaration, chain);
    // `const { ctx } = opts`, `function walk({ ctx }: Options)`: the path goes through the pattern.
    const path = [...chain];
    let element: ts.BindingElement = declaration;
    for (;;) {
      if (!ts.isObjectBindingPattern(element.parent)) return false;
      const key = elementKey(element);
      if (key === undefined || element.initializer) return false;
      path.unshift(key);
      const root = element.parent.parent;
      if (ts.isParameter(root)) return this.passedPerCall(root, path);
      if (ts.isVariableDeclaration(root)) return this.constMadePerCall(root, path);
      element = root;
    }
  }

  private constMadePerCall(declaration: ts.VariableDeclaration, chain: readonly string[]): boolean {
    if (!(ts.getCombinedNodeFlags(declaration) & ts.NodeFlags.Const)) return false;
    return declaration.initializer !== undefined && this.valueMadePerCall(declaration.initializer, chain);
  }

  /** Every call of the parameter's function passes such a value, or leaves it to such a default. */
  private passedPerCall(parameter: ts.ParameterDeclaration, chain: readonly string[]): boolean {
    const fn = parameter.parent;
    if (parameter.dotDotDotToken) return false;
    // In an async function or a generator the collection is live state across suspensions.
    if (ts.getCombinedModifierFlags(fn) & ts.ModifierFlags.Async) return false;
    if ('asteriskToken' in fn && fn.asteriskToken) return false;
    if (parameter.initializer && !this.valueMadePerCall(parameter.initializer, chain)) return false;
    const index = fn.parameters.indexOf(parameter);
    const { calls, reactions, complete } = callSitesOf(this.program, fn);
    // Callers the program does not show may pass a collection that outlives the call.
    if (!complete || reactions.length > 0 || calls.length === 0) return false;
    return calls.every((call) => {
      const argument = argumentFor(call, index);
      if (argument === 'spread') return false;
      if (argument === undefined) return parameter.initializer !== undefined;
      return this.valueMadePerCall(argument, chain);
    });
  }

  /** `new Set()`, `{ visited: new Set() }`, or a name (or its property) that must hold such a value. */
  private valueMadePerCall(expression: ts.Expression, chain: readonly string[]): boolean {
    const node = skipOuter(expression);
    if (ts.isNewExpression(node) || ts.isArrayLiteralExpression(node)) {
      this.made = chain.length === 0 || this.made;
      return chain.length === 0;
    }
    if (ts.isObjectLiteralExpression(node)) {
      const [first, ...rest] = chain;
      if (first === undefined) return (this.made = true);
      const value = propertyValue(node, first);
      return value !== null && this.valueMadePerCall(value, rest);
    }
    if (ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.name)) {
      return this.valueMadePerCall(node.expression, [node.name.text, ...chain]);
    }
    if (ts.isIdentifier(node)) {
      const declaration = holderDeclaration(this.checker, node);
      return declaration !== null && this.enqueue(declaration, chain);
    }
    return false;
  }

  /** Is every use of the name in its function in place, or a hand-off to another such name? */
  private usedInPlace({ declaration, chain }: Holder): boolean {
    const name = declaration.name;
    if (!ts.isIdentifier(name)) return false;
    const owner = ts.isParameter(declaration) ? declaration.parent : enclosingFunction(declaration);
    if (!owner || !('body' in owner) || !owner.body) return false;
    const symbol = this.checker.getSymbolAtLocation(name);
    if (!symbol) return false;
    let inPlace = true;
    const visit = (node: ts.Node): void => {
      if (!inPlace) return;
      if (ts.isIdentifier(node) && node !== name && node.text === name.text) {
        if (valueSymbol(this.checker, node) === symbol) inPlace = this.useInPlace(node, chain, !runsIn(node, owner));
        return;
      }
      ts.forEachChild(node, visit);
    };
    // The parameters' defaults too: `function f(ctx: Ctx, seen = ctx.visited)`.
    ts.forEachChild(owner, visit);
    return inPlace;
  }

  /**
   * Is this use of a value (leading to the collection through `chain`) in place, or a
   * hand-off to a call-scoped name? `nested`: the use is in a function that may outlive the call.
   */
  private useInPlace(expression: ts.Expression, chain: readonly string[], nested: boolean): boolean {
    let node = expression;
    while (
      ts.isParenthesizedExpression(node.parent) ||
      ts.isAsExpression(node.parent) ||
      ts.isNonNullExpression(node.parent) ||
      ts.isSatisfiesExpression(node.parent)
    ) {
      node = node.parent;
    }
    const parent = node.parent;
    if (ts.isPropertyAccessExpression(parent) && parent.expression === node) {
      return this.accessInPlace(parent, parent.name.text, chain, nested);
    }
    if (ts.isElementAccessExpression(parent) && parent.expression === node) {
      if (chain.length === 0) return !nested;
      const key = parent.argumentExpression;
      return ts.isStringLiteralLike(key) && this.accessInPlace(parent, key.text, chain, nested);
    }
    if (ts.isForOfStatement(parent) && parent.expression === node) return chain.length === 0 && !nested;
    if (ts.isBinaryExpression(parent) && EQUALITY.has(parent.operatorToken.kind)) return true;
    if (ts.isPrefixUnaryExpression(parent) && parent.operator === ts.SyntaxKind.ExclamationToken) return true;
    if (nested) return false;
    if (ts.isCallExpression(parent) && parent.arguments.includes(node)) {
      // A caller that catches the throw may carry on with what the callee left in it.
      if (catchesAround(parent)) return false;
      const target = parameterAt(this.checker, parent, parent.arguments.indexOf(node));
      return target !== null && this.bind(target, chain);
    }
    if (
      (ts.isPropertyAssignment(parent) && parent.initializer === node) ||
      (ts.isShorthandPropertyAssignment(parent) && parent.name === node)
    ) {
      const key = propertyKey(parent.name);
      return key !== undefined && this.useInPlace(parent.parent, [key, ...chain], nested);
    }
    if (ts.isVariableDeclaration(parent) && parent.initializer === node) {
      if (!(ts.getCombinedNodeFlags(parent) & ts.NodeFlags.Const)) return false;
      return this.bind(parent, chain);
    }
    return false;
  }

  /** `holder.key`: another property reaches nothing; the next one on the path carries on. */
  private accessInPlace(
    access: ts.PropertyAccessExpression | ts.ElementAccessExpression,
    key: string,
    chain: readonly string[],
    nested: boolean,
  ): boolean {
    const [first, ...rest] = chain;
    // A method or property of the collection itself: `seen.add(x)`, `seen.size`.
    if (first === undefined) return !nested;
    if (key !== first) return true;
    if (isWritten(access)) return false;
    return this.useInPlace(access, rest, nested);
  }

  /** The value is given to a parameter or a `const`: that name, or the pattern's binding on the path. */
  private bind(declaration: ts.ParameterDeclaration | ts.VariableDeclaration, chain: readonly string[]): boolean {
    if (ts.isIdentifier(declaration.name)) return this.enqueue(declaration, chain);
    return ts.isObjectBindingPattern(declaration.name) && this.bindPattern(declaration.name, chain);
  }

  private bindPattern(pattern: ts.ObjectBindingPattern, chain: readonly string[]): boolean {
    const [first, ...rest] = chain;
    // Destructuring the collection itself copies its own properties: not followed.
    if (first === undefined) return false;
    return pattern.elements.every((element) => {
      if (element.dotDotDotToken) return false;
      const key = elementKey(element);
      if (key === undefined) return false;
      if (key !== first) return true;
      if (element.initializer) return false;
      if (ts.isIdentifier(element.name)) return this.enqueue(element, rest);
      return ts.isObjectBindingPattern(element.name) && this.bindPattern(element.name, rest);
    });
  }
}

const EQUALITY = new Set([
  ts.SyntaxKind.EqualsEqualsEqualsToken,
  ts.SyntaxKind.ExclamationEqualsEqualsToken,
  ts.SyntaxKind.EqualsEqualsToken,
  ts.SyntaxKind.ExclamationEqualsToken,
]);

/** The parameter, `const` or destructured binding an identifier names. */
function holderDeclaration(checker: ts.TypeChecker, identifier: ts.Identifier): HolderDeclaration | null {
  const declaration = valueSymbol(checker, identifier)?.valueDeclaration;
  if (
    declaration &&
    (ts.isParameter(declaration) || ts.isVariableDeclaration(declaration) || ts.isBindingElement(declaration)) &&
    ts.isIdentifier(declaration.name)
  ) {
    return declaration;
  }
  return null;
}

/** The variable an identifier refers to, also in `{ ctx }` (where the name is the property's too). */
function valueSymbol(checker: ts.TypeChecker, identifier: ts.Identifier): ts.Symbol | undefined {
  const parent = identifier.parent;
  if (ts.isShorthandPropertyAssignment(parent) && parent.name === identifier) {
    return checker.getShorthandAssignmentValueSymbol(parent);
  }
  return checker.getSymbolAtLocation(identifier);
}

/** The value an object literal gives property `key`; null when a spread, a method or a computed name hides it. */
function propertyValue(literal: ts.ObjectLiteralExpression, key: string): ts.Expression | null {
  let found: ts.Expression | null = null;
  for (const property of literal.properties) {
    // A method reaches the object through `this`, under any name.
    if (
      ts.isSpreadAssignment(property) ||
      !(ts.isPropertyAssignment(property) || ts.isShorthandPropertyAssignment(property))
    )
      return null;
    if (ts.isPropertyAssignment(property) && ts.isFunctionExpression(skipOuter(property.initializer))) return null;
    const name = propertyKey(property.name);
    if (name === undefined) return null;
    if (name !== key) continue;
    if (found) return null;
    found = ts.isPropertyAssignment(property) ? property.initializer : property.name;
  }
  return found;
}

function propertyKey(name: ts.PropertyName): string | undefined {
  return ts.isIdentifier(name) || ts.isStringLiteralLike(name) || ts.isPrivateIdentifier(name) ? name.text : undefined;
}

function elementKey(element: ts.BindingElement): string | undefined {
  const key = element.propertyName ?? element.name;
  return ts.isIdentifier(key) || ts.isStringLiteralLike(key) ? key.text : undefined;
}

/** `ctx.visited = …`, `delete ctx.visited`, `ctx.visited++`: the path itself is changed. */
function isWritten(access: ts.Expression): boolean {
  let node: ts.Node = access;
  while (ts.isParenthesizedExpression(node.parent)) node = node.parent;
  const parent = node.parent;
  if (ts.isBinaryExpression(parent) && parent.left === node) {
    const kind = parent.operatorToken.kind;
    return kind >= ts.SyntaxKind.FirstAssignment && kind <= ts.SyntaxKind.LastAssignment;
  }
  return ts.isDeleteExpression(parent) || ts.isPrefixUnaryExpression(parent) || ts.isPostfixUnaryExpression(parent);
}

/** Does `node` run in `owner`'s own call: directly, or in synchronous callbacks that run in place? */
function runsIn(node: ts.Node, owner: ts.SignatureDeclaration): boolean {
  for (let p = node.parent; !ts.isSourceFile(p); p = p.parent) {
    if (p === owner) return true;
    if (!ts.isFunctionLike(p)) continue;
    if (!(ts.isArrowFunction(p) || ts.isFunctionExpression(p)) || !runsWhereDefined(p)) return false;
    if (ts.getCombinedModifierFlags(p) & ts.ModifierFlags.Async || p.asteriskToken) return false;
  }
  return false;
}

/** Is the call in the `try` block of a `try … catch` of the function it runs in? */
function catchesAround(call: ts.CallExpression): boolean {
  const fn = callingFunction(call);
  let child: ts.Node = call;
  for (let p = call.parent; !ts.isSourceFile(p) && p !== fn; child = p, p = p.parent) {
    if (ts.isTryStatement(p) && p.catchClause && p.tryBlock === child) return true;
  }
  return false;
}

function skipOuter(expression: ts.Expression): ts.Expression {
  let node = expression;
  while (
    ts.isParenthesizedExpression(node) ||
    ts.isAsExpression(node) ||
    ts.isNonNullExpression(node) ||
    ts.isSatisfiesExpression(node)
  ) {
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
