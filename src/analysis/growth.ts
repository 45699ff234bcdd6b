/**
 * Whether a collection's growth repeats without bound: its key is new on
 * every call or comes from outside data, it runs per event, and it is not
 * confined to set-up (at module scope, in a constructor, behind a once-flag)
 * nor keyed by a bounded set of values.
 */
import {
  AST_NODE_TYPES,
  type ParserServicesWithTypeInformation,
  type TSESLint,
  type TSESTree,
} from '@typescript-eslint/utils';
import ts from 'typescript';
import { calleeName, enclosingFunction, runsInPlace, skipWrappers, type ClassNode, type FunctionNode } from './ast.js';
import { resultLivesPerCall } from './call-scoped.js';
import type { GrowUse, Use } from './collection-uses.js';
import {
  hasBoundedDomain,
  isFixedAtSetUp,
  isFreshPerCall,
  isHandedCallback,
  originsOf,
  parameterTakesOutsideData,
} from './domains.js';
import { keptBy, outermostClosure, type Lifetime, type Scopes } from './lifetime.js';
import type { Owner } from './owners.js';
import {
  callSitesOf,
  callingFunction,
  isPerEventHook,
  onceFlagAround,
  runsOnlyAtSetUp,
  runsPerEvent,
  type SetUpContext,
} from './program.js';
import { calledBuiltin, isBoundedKeyType, isBuiltinFile } from './types.js';
import { DIAGNOSTIC_BUILTINS, REGISTRATIONS } from './vocabulary.js';

/** What the questions below need of the file. */
export interface GrowthContext {
  sourceCode: TSESLint.SourceCode;
  services: ParserServicesWithTypeInformation;
  scopes: Scopes;
}

/** The function a call to which runs `site`: callbacks that run in place belong to their caller. */
export function growingFunction(site: TSESTree.Node): FunctionNode | null {
  let fn = enclosingFunction(site);
  while (fn && runsInPlace(fn)) fn = enclosingFunction(fn);
  return fn;
}

/**
 * `if (!this.populated) { …grow…; this.populated = true; }`: a block that sets
 * the flag its own test reads runs once (per process, or per instance for a
 * field of `this`), unless code elsewhere in the program clears the flag.
 */
export function growsBehindOnceFlag(ctx: GrowthContext, site: TSESTree.Node, lifetime: Lifetime): boolean {
  const { services } = ctx;
  const fn = enclosingFunction(site);
  const once = onceFlagAround(
    services.program,
    services.esTreeNodeToTSNodeMap.get(site),
    services.esTreeNodeToTSNodeMap.get(fn ?? ctx.sourceCode.ast),
  );
  return once === 'process' || (once === 'instance' && lifetime.kind === 'object' && !lifetime.isStatic);
}

/**
 * Growth in a function that the program calls only while the owner is set
 * up: at module scope for a module's collection, from the constructor for
 * an instance's.
 */
export function growsOnlyAtSetUp(ctx: GrowthContext, site: TSESTree.Node, owner: Owner, lifetime: Lifetime): boolean {
  if (lifetime.kind !== 'module' && lifetime.kind !== 'object') return false;
  const fn = growingFunction(site);
  if (!fn) return false;
  const { services } = ctx;
  const setUp: SetUpContext =
    lifetime.kind === 'object' && !lifetime.isStatic && owner.kind === 'field'
      ? { kind: 'instance', classNode: services.esTreeNodeToTSNodeMap.get(owner.classNode) }
      : { kind: 'module' };
  return runsOnlyAtSetUp(services.program, services.esTreeNodeToTSNodeMap.get(fn), setUp);
}

/** How many of the class's own callers are followed from the growing function to a hook. */
const MAX_HOOK_DEPTH = 3;

/**
 * Evidence that the object whose field grows at `use` outlives each call of
 * its methods, whatever the class is called: the growth runs, directly or
 * through the class's own methods that call it (up to three), in a hook of an
 * interface the class implements that its user calls per event (`class
 * Throttle implements Extension { onConnect(payload) … }`, see
 * `isPerEventHook`). Whoever calls an object's methods per event holds the
 * object across those calls.
 */
export function growsInPerEventHook(ctx: GrowthContext, use: GrowUse, classNode: ClassNode): boolean {
  const fn = growingFunction(use.site);
  if (!fn) return false;
  const { services } = ctx;
  const program = services.program;
  const tsClass = services.esTreeNodeToTSNodeMap.get(classNode);
  const seen = new Set<ts.SignatureDeclaration>();
  let level: ts.SignatureDeclaration[] = [services.esTreeNodeToTSNodeMap.get(fn)];
  for (let depth = 0; depth <= MAX_HOOK_DEPTH && level.length > 0; depth++) {
    const next: ts.SignatureDeclaration[] = [];
    for (const method of level) {
      if (seen.has(method)) continue;
      seen.add(method);
      if (isPerEventHook(program, method)) return true;
      for (const call of callSitesOf(program, method).calls) {
        const caller = callingFunction(call);
        if (caller && classOf(caller) === tsClass) next.push(caller);
      }
    }
    level = next;
  }
  return false;
}

/** The class whose member `fn` is, or inside whose member it stands. */
function classOf(fn: ts.Node): ts.ClassLikeDeclaration | null {
  for (let p: ts.Node = fn.parent; !ts.isSourceFile(p); p = p.parent) if (ts.isClassLike(p)) return p;
  return null;
}

/**
 * A closure's collection lives as long as the closure: known to be as long
 * as the module when the closure is registered on something that lives
 * that long, or when the function that made it runs only at module scope.
 * A closure a factory returns lives as long as whoever keeps it.
 */
export function closureLivesWithModule(
  ctx: GrowthContext,
  site: TSESTree.Node,
  declaringFunction: FunctionNode,
): boolean {
  const closure = outermostClosure(site, declaringFunction);
  if (closure && keptBy(closure, ctx.scopes) === 'registered') return true;
  const { services } = ctx;
  return runsOnlyAtSetUp(services.program, services.esTreeNodeToTSNodeMap.get(declaringFunction), { kind: 'module' });
}

/**
 * A closure's collection that dies with each call of the factory's callers:
 * the closure that grows it is only returned by the factory (alone or in the
 * object or array it returns), and every call of the factory in the program
 * uses the value in place, in a function, for the length of that function's
 * call (`const loaders = createLoaders(db); … loaders.user(id)` in a request
 * handler). Then each caller's call makes its own collection and drops it.
 */
export function closureDiesWithCallers(
  ctx: GrowthContext,
  site: TSESTree.Node,
  declaringFunction: FunctionNode,
): boolean {
  const closure = outermostClosure(site, declaringFunction);
  if (!closure || !onlyReturnedBy(closure, declaringFunction)) return false;
  const { services } = ctx;
  return resultLivesPerCall(services.program, services.esTreeNodeToTSNodeMap.get(declaringFunction));
}

/** Is `fn` only returned by `factory` (`return fn`, `return { user(id) {…} }`, an arrow's body)? */
function onlyReturnedBy(fn: FunctionNode, factory: FunctionNode): boolean {
  let node: TSESTree.Node = fn;
  for (;;) {
    const parent: TSESTree.Node = node.parent;
    switch (parent.type) {
      case AST_NODE_TYPES.Property:
        if (parent.value !== node) return false;
        node = parent;
        continue;
      case AST_NODE_TYPES.ObjectExpression:
      case AST_NODE_TYPES.ArrayExpression:
      case AST_NODE_TYPES.TSAsExpression:
      case AST_NODE_TYPES.TSSatisfiesExpression:
        node = parent;
        continue;
      case AST_NODE_TYPES.ReturnStatement:
        return enclosingFunction(parent) === factory;
      case AST_NODE_TYPES.ArrowFunctionExpression:
        return parent === factory && parent.body === node;
      default:
        return false;
    }
  }
}

/**
 * Growth that only records a diagnostic printed once per key:
 * `if (warned.has(k)) return; warned.add(k); console.warn(…)`, or the same
 * inside `if (!warned.has(k)) { … }`. The collection is only ever asked
 * `has` and grown; the growth stands in one block with the `has` test of
 * the same key that skips it, and with a call of a built-in that prints a
 * diagnostic (`console.warn`, `process.emitWarning`, resolved by the
 * checker). Each entry then stands for one warning a person has been shown:
 * the author expects few distinct keys, and a flood of them would show in
 * the output first. This is evidence about growth whose repetition the
 * program does not show, not about growth it shows running per event.
 */
export function remembersPrintedWarning(ctx: GrowthContext, use: GrowUse, uses: readonly Use[]): boolean {
  const key = use.key;
  if (!key) return false;
  const hasCalls = new Set<TSESTree.Node>();
  for (const other of uses) {
    if (other.kind === 'grow') continue;
    if (other.kind !== 'read' || other.method !== 'has') return false;
    const call = other.node.parent?.parent;
    if (call?.type === AST_NODE_TYPES.CallExpression) hasCalls.add(call);
  }
  const statement = use.site.parent;
  if (statement?.type !== AST_NODE_TYPES.ExpressionStatement || statement.expression !== use.site) return false;
  const block = statement.parent;
  if (block.type !== AST_NODE_TYPES.BlockStatement) return false;
  const keyText = ctx.sourceCode.getText(key);
  const testsKey = (test: TSESTree.Node): boolean =>
    test.type === AST_NODE_TYPES.CallExpression &&
    hasCalls.has(test) &&
    test.arguments.length === 1 &&
    test.arguments[0] !== undefined &&
    ctx.sourceCode.getText(test.arguments[0]) === keyText;
  const index = block.body.indexOf(statement);
  const skippedBefore = block.body
    .slice(0, index)
    .some(
      (s) =>
        s.type === AST_NODE_TYPES.IfStatement &&
        testsKey(skipWrappers(s.test)) &&
        s.alternate === null &&
        (s.consequent.type === AST_NODE_TYPES.ReturnStatement ||
          (s.consequent.type === AST_NODE_TYPES.BlockStatement &&
            s.consequent.body.length === 1 &&
            s.consequent.body[0]?.type === AST_NODE_TYPES.ReturnStatement)),
    );
  const runsWhenAbsent =
    block.parent.type === AST_NODE_TYPES.IfStatement &&
    block.parent.consequent === block &&
    block.parent.test.type === AST_NODE_TYPES.UnaryExpression &&
    block.parent.test.operator === '!' &&
    testsKey(skipWrappers(block.parent.test.argument));
  if (!skippedBefore && !runsWhenAbsent) return false;
  const { services } = ctx;
  return block.body.some((s) => {
    if (s === statement || s.type !== AST_NODE_TYPES.ExpressionStatement) return false;
    if (s.expression.type !== AST_NODE_TYPES.CallExpression) return false;
    const call = services.esTreeNodeToTSNodeMap.get(s.expression);
    return DIAGNOSTIC_BUILTINS.has(calledBuiltin(services.program, call) ?? '');
  });
}

/**
 * What the program itself shows of a growth repeating: its key is new on
 * every call (`this.nextId++`, `randomUUID()`), or the function that grows
 * it runs per event (registered as a listener, handler or interval, or
 * called from one). Evidence of this kind outweighs a name that says the
 * collection is a registry or that its function configures the program.
 */
export function growthShowsRepetition(ctx: GrowthContext, use: GrowUse): boolean {
  const { services } = ctx;
  const program = services.program;
  if (use.key) {
    const key = services.esTreeNodeToTSNodeMap.get(use.key);
    if (ts.isExpression(key) && isFreshPerCall(program, key)) return true;
  }
  const fn = repeatingFunction(ctx, use);
  return fn !== null && runsPerEvent(program, services.esTreeNodeToTSNodeMap.get(fn));
}

/**
 * The function whose calls repeat the growth: the growing function, or, for a
 * callback a built-in takes (`exec(cmd, cb)`, `readFile(path, cb)`), the
 * function that makes that call.
 */
function repeatingFunction(ctx: GrowthContext, use: GrowUse): FunctionNode | null {
  let fn = growingFunction(use.site);
  while (fn && handedToBuiltin(ctx.services, fn)) {
    if (!enclosingFunction(fn)) break;
    fn = growingFunction(fn);
  }
  return fn;
}

/**
 * Evidence that the growth repeats without bound: its key is new on every call
 * (`this.nextId++`, `randomUUID()`), or it runs per event (a registered listener,
 * handler or interval, or a function the program calls from one).
 */
export function growsPerEvent(ctx: GrowthContext, use: GrowUse): boolean {
  if (growthShowsRepetition(ctx, use)) return true;
  const { services } = ctx;
  const program = services.program;
  const fn = repeatingFunction(ctx, use);
  if (!fn) return false;
  const tsFn = services.esTreeNodeToTSNodeMap.get(fn);
  // A key made from a parameter: follow it to the callers that pass it. It is outside data
  // when some chain of callers reaches an event, a fresh value, or a caller the program does
  // not show (an exported API, a handler a framework calls); set-up data when every caller
  // passes its own state (`this.options.timezone`, a constant, a set-up table's entry).
  const key = use.key ? services.esTreeNodeToTSNodeMap.get(use.key) : null;
  const from = key && ts.isExpression(key) ? originsOf(program, key, tsFn) : [];
  if (from.length > 0) {
    return from.some((origin) =>
      parameterTakesOutsideData(program, origin.fn ?? tsFn, origin.index, 'unknown', origin.path),
    );
  }
  const { reactions } = callSitesOf(program, tsFn);
  return reactions.length > 0 || isHandedCallback(tsFn);
}

/**
 * `cb` in `exec(cmd, cb)`: a completion callback (its first parameter takes an error or
 * `null`) passed to a call that resolves to a built-in. A built-in's request handler
 * (`http.createServer((req, res) => …)`) takes no error first and runs per event.
 */
function handedToBuiltin(services: ParserServicesWithTypeInformation, fn: FunctionNode): boolean {
  const call = fn.parent;
  if (call.type !== AST_NODE_TYPES.CallExpression || call.callee === fn) return false;
  const name = calleeName(call.callee);
  if (name === null || REGISTRATIONS.has(name)) return false;
  const first = fn.params[0];
  if (!first) return false;
  const parts = ((type) => (type.isUnion() ? type.types : [type]))(services.getTypeAtLocation(first));
  const takesError =
    parts.some((part) => (part.flags & ts.TypeFlags.Null) !== 0) &&
    parts.some((part) => part.getProperty('message') !== undefined && part.getProperty('name') !== undefined);
  if (!takesError) return false;
  const program = services.program;
  const declaration = program
    .getTypeChecker()
    .getResolvedSignature(services.esTreeNodeToTSNodeMap.get(call))?.declaration;
  return declaration !== undefined && isBuiltinFile(program, declaration.getSourceFile());
}

/** A key of a finite or source-written type, or whose values all come from the source (literals, constants). */
export function isBoundedKey(services: ParserServicesWithTypeInformation, key: TSESTree.Node): boolean {
  if (isBoundedKeyType(services.program, keyType(services, key))) return true;
  const node = services.esTreeNodeToTSNodeMap.get(key);
  return ts.isExpression(node) && hasBoundedDomain(services.program, node);
}

/**
 * A key fixed once its owners are set up (`this.serverUrl.hostname`, set in
 * the constructor; a parameter every caller fills with such a value): one
 * entry per configuration, however often the growth runs. `unseenCallers`
 * says what instances made by code the program does not show are configured
 * with: outside data, or unknown data (when only shown repetition counts).
 */
export function isKeyFixedAtSetUp(
  services: ParserServicesWithTypeInformation,
  key: TSESTree.Node,
  unseenCallers: 'outside' | 'unknown',
): boolean {
  const node = services.esTreeNodeToTSNodeMap.get(key);
  return ts.isExpression(node) && isFixedAtSetUp(services.program, node, unseenCallers);
}

/** The type of a key, a type parameter's taken by its constraint. */
export function keyType(services: ParserServicesWithTypeInformation, key: TSESTree.Node): ts.Type {
  const type = services.getTypeAtLocation(key);
  return services.program.getTypeChecker().getBaseConstraintOfType(type) ?? type;
}
