/**
 * Timers: which calls arm a Node.js or DOM timer (by the symbol they call, not
 * only by name), where the handle goes, which function a timer re-runs, what
 * its callback keeps alive, and which methods of a class let go of a handle.
 */
import {
  ASTUtils,
  AST_NODE_TYPES,
  TSESLint,
  type ParserServicesWithTypeInformation,
  type TSESTree,
} from '@typescript-eslint/utils';
import {
  calleeName,
  enclosingClass,
  isFunctionNode,
  keyName,
  memberName,
  skipWrappers,
  walk,
  type ClassNode,
  type FunctionNode,
} from './ast.js';
import { inheritedCallReleases } from './inherited-release.js';
import { isModuleLevel } from './lifetime.js';
import { resolveOwner, type Owner, type ScopeOf } from './owners.js';
import type { Position } from './paths.js';

export type TimerKind = 'setInterval' | 'setTimeout';

/** Modules whose `setTimeout`/`setInterval` return a handle (not `node:timers/promises`). */
export const TIMER_MODULES: ReadonlySet<string> = new Set(['timers', 'node:timers']);
/** Global objects the timer functions hang on. */
const GLOBAL_OBJECTS = new Set(['globalThis', 'window', 'global', 'self']);
export const TIMER_NAMES: ReadonlySet<string> = new Set(['setInterval', 'setTimeout']);
export const CLEAR_TIMER = /^clear(Timeout|Interval)$/;

/**
 * The methods that end an object's life by default: `TEARDOWN_METHOD`'s
 * unambiguous names, `Symbol.dispose`, and the unmount hooks of UI frameworks.
 */
export const DEFAULT_TEARDOWN_METHODS: readonly string[] = [
  'close',
  'destroy',
  'dispose',
  'stop',
  'shutdown',
  'teardown',
  'disconnect',
  'terminate',
  'quit',
  'cleanup',
  'unmount',
  'Symbol.dispose',
  'Symbol.asyncDispose',
  'componentWillUnmount',
  'ngOnDestroy',
  'disconnectedCallback',
];

/** The name a `node:timers` import binds (`setInterval`), `'*'` for the module itself, or null. */
function importedTimerName(def: TSESLint.Scope.Definition): string | null {
  if (def.type !== TSESLint.Scope.DefinitionType.ImportBinding) return null;
  const declaration = def.parent;
  if (declaration.type !== AST_NODE_TYPES.ImportDeclaration || !TIMER_MODULES.has(declaration.source.value))
    return null;
  const specifier = def.node;
  if (
    specifier.type === AST_NODE_TYPES.ImportNamespaceSpecifier ||
    specifier.type === AST_NODE_TYPES.ImportDefaultSpecifier
  ) {
    return '*';
  }
  if (specifier.type === AST_NODE_TYPES.ImportSpecifier && specifier.imported.type === AST_NODE_TYPES.Identifier) {
    return specifier.imported.name;
  }
  return null;
}

/**
 * `setInterval(…)` / `setTimeout(…)` as the global function, `globalThis.`,
 * `window.`, `global.` or `self.` forms, or imported from `node:timers`
 * (under any local name, or through its namespace). A local function or
 * method that happens to be called `setTimeout` is not a timer; globals are
 * confirmed with the type checker (declared in a declaration file).
 */
export function timerKindOf(
  call: TSESTree.CallExpression,
  sourceCode: Readonly<TSESLint.SourceCode>,
  services: ParserServicesWithTypeInformation,
): TimerKind | null {
  const callee = skipWrappers(call.callee);
  let name: string;
  let global: TSESTree.Node;
  if (callee.type === AST_NODE_TYPES.Identifier) {
    const variable = ASTUtils.findVariable(sourceCode.getScope(callee), callee.name);
    const def = variable?.defs[0];
    if (def) {
      const imported = importedTimerName(def);
      return imported !== null && TIMER_NAMES.has(imported) ? (imported as TimerKind) : null;
    }
    if (!TIMER_NAMES.has(callee.name)) return null;
    name = callee.name;
    global = callee;
  } else if (callee.type === AST_NODE_TYPES.MemberExpression) {
    const property = memberName(callee);
    if (property === null || !TIMER_NAMES.has(property)) return null;
    const object = skipWrappers(callee.object);
    if (object.type !== AST_NODE_TYPES.Identifier) return null;
    const variable = ASTUtils.findVariable(sourceCode.getScope(object), object.name);
    const def = variable?.defs[0];
    if (def) return importedTimerName(def) === '*' ? (property as TimerKind) : null;
    if (!GLOBAL_OBJECTS.has(object.name)) return null;
    name = property;
    global = callee;
  } else {
    return null;
  }
  // A global: confirm that it is the runtime's, declared in a library's declaration file.
  const symbol = services.program.getTypeChecker().getSymbolAtLocation(services.esTreeNodeToTSNodeMap.get(global));
  const declarations = symbol?.declarations ?? [];
  if (declarations.some((d) => !d.getSourceFile().isDeclarationFile)) return null;
  return name as TimerKind;
}

/** `clearTimeout(x)` / `clearInterval(x)` in any of their forms (by name: a clear is never a false alarm). */
export function isClearCall(call: TSESTree.CallExpression): boolean {
  const name = calleeName(skipWrappers(call.callee));
  return name !== null && CLEAR_TIMER.test(name);
}

/** Where a timer's handle goes. */
export type HandleUse =
  | { kind: 'discarded'; unref: boolean }
  | {
      kind: 'variable';
      unref: boolean;
      variable: TSESLint.Scope.Variable;
      target: TSESTree.Identifier;
      assignment: TSESTree.AssignmentExpression | null;
    }
  | { kind: 'member'; unref: boolean; target: TSESTree.MemberExpression; assignment: TSESTree.AssignmentExpression }
  /** A field initializer: `private timer = setInterval(…)`. */
  | { kind: 'property'; unref: boolean; definition: TSESTree.PropertyDefinition | TSESTree.AccessorProperty }
  /** Returned, passed on, pushed into a collection, assigned with `??=`: someone else may clear it. */
  | { kind: 'escapes' };

/** The node a value flows into, past wrappers and `.unref()`/`.ref()` chained on it. */
function outerUse(call: TSESTree.CallExpression): { node: TSESTree.Node; unref: boolean } {
  let node: TSESTree.Node = call;
  let unref = false;
  for (;;) {
    const parent: TSESTree.Node = node.parent;
    if (
      (parent.type === AST_NODE_TYPES.TSNonNullExpression ||
        parent.type === AST_NODE_TYPES.TSAsExpression ||
        parent.type === AST_NODE_TYPES.TSSatisfiesExpression ||
        parent.type === AST_NODE_TYPES.TSTypeAssertion ||
        parent.type === AST_NODE_TYPES.ChainExpression) &&
      parent.expression === node
    ) {
      node = parent;
      continue;
    }
    if (
      parent.type === AST_NODE_TYPES.MemberExpression &&
      parent.object === node &&
      parent.parent.type === AST_NODE_TYPES.CallExpression &&
      parent.parent.callee === parent
    ) {
      const method = memberName(parent);
      if (method === 'unref' || method === 'ref') {
        if (method === 'unref') unref = true;
        node = parent.parent;
        continue;
      }
    }
    return { node, unref };
  }
}

/** Methods on a handle that neither clear it nor hand it on. */
const INERT_HANDLE_METHODS = new Set(['unref', 'ref', 'hasRef', 'refresh']);

export function handleUseOf(call: TSESTree.CallExpression, sourceCode: Readonly<TSESLint.SourceCode>): HandleUse {
  const { node, unref } = outerUse(call);
  const parent = node.parent;
  if (!parent) return { kind: 'escapes' };
  if (parent.type === AST_NODE_TYPES.ExpressionStatement) return { kind: 'discarded', unref };
  if (
    parent.type === AST_NODE_TYPES.UnaryExpression &&
    parent.operator === 'void' &&
    parent.parent.type === AST_NODE_TYPES.ExpressionStatement
  ) {
    return { kind: 'discarded', unref };
  }
  if (
    parent.type === AST_NODE_TYPES.VariableDeclarator &&
    parent.init === node &&
    parent.id.type === AST_NODE_TYPES.Identifier
  ) {
    const variable = sourceCode.getDeclaredVariables(parent)[0];
    if (!variable) return { kind: 'escapes' };
    return {
      kind: 'variable',
      unref: unref || unrefedThrough(variable),
      variable,
      target: parent.id,
      assignment: null,
    };
  }
  if (
    (parent.type === AST_NODE_TYPES.PropertyDefinition || parent.type === AST_NODE_TYPES.AccessorProperty) &&
    parent.value === node &&
    !parent.computed
  ) {
    return { kind: 'property', unref, definition: parent };
  }
  if (parent.type === AST_NODE_TYPES.AssignmentExpression && parent.right === node && parent.operator === '=') {
    const left = parent.left;
    if (left.type === AST_NODE_TYPES.Identifier) {
      const variable = ASTUtils.findVariable(sourceCode.getScope(left), left.name);
      if (!variable) return { kind: 'escapes' };
      return { kind: 'variable', unref: unref || unrefedThrough(variable), variable, target: left, assignment: parent };
    }
    if (left.type === AST_NODE_TYPES.MemberExpression)
      return { kind: 'member', unref, target: left, assignment: parent };
  }
  return { kind: 'escapes' };
}

/** `t.unref()` on the variable somewhere. */
function unrefedThrough(variable: TSESLint.Scope.Variable): boolean {
  return variable.references.some((ref) => {
    const member = ref.identifier.parent;
    return (
      member.type === AST_NODE_TYPES.MemberExpression &&
      member.object === ref.identifier &&
      memberName(member) === 'unref'
    );
  });
}

/**
 * Is a variable's handle ever used for more than `unref()`/`ref()`? A read
 * that clears it, returns it, passes it on or exports it counts; so does any
 * read we cannot classify.
 */
export function variableHandleIsUsed(variable: TSESLint.Scope.Variable): boolean {
  // `export const t = setInterval(…)`: the importer holds the handle.
  if (variable.defs.some((def) => def.parent?.parent.type === AST_NODE_TYPES.ExportNamedDeclaration)) return true;
  return variable.references.some((ref) => {
    if (!ref.isRead()) return false;
    const member = ref.identifier.parent;
    if (
      member.type === AST_NODE_TYPES.MemberExpression &&
      member.object === ref.identifier &&
      INERT_HANDLE_METHODS.has(memberName(member) ?? '')
    ) {
      return false;
    }
    return true;
  });
}

/** A timer that re-arms itself: the enclosing function its callback runs again. */
export interface Reschedule {
  fn: FunctionNode;
  /**
   * The callback is that function, or calls it in its own body. Otherwise it
   * gets there through a nested callback or a helper it calls, which may not
   * run every time.
   */
  direct: boolean;
}

/**
 * The function a timer re-runs, when the timer is armed inside it: `setTimeout(poll, ms)`
 * or `setTimeout(() => poll(), ms)` inside `poll`, `setTimeout(() => this.tick(), ms)`
 * or `setTimeout(this.tick.bind(this), ms)` inside the method `tick`; indirectly,
 * `setTimeout(() => this.run(), ms)` inside `arm()` where `run()` calls `this.arm()`.
 */
export function rescheduledFunction(
  call: TSESTree.CallExpression,
  sourceCode: Readonly<TSESLint.SourceCode>,
): Reschedule | null {
  const callback = call.arguments[0];
  if (!callback || callback.type === AST_NODE_TYPES.SpreadElement) return null;
  const enclosing = new Set<FunctionNode>();
  for (let p: TSESTree.Node | undefined = call.parent; p; p = p.parent) if (isFunctionNode(p)) enclosing.add(p);
  if (enclosing.size === 0) return null;
  const direct = skipWrappers(callback);
  if (!isFunctionNode(direct)) {
    const target = functionDenoted(bindTarget(direct), sourceCode);
    if (!target) return null;
    if (enclosing.has(target)) return { fn: target, direct: true };
    return reachesEnclosing(target, enclosing, sourceCode, 1);
  }
  if (enclosing.has(direct)) return null;
  return reachesEnclosing(direct, enclosing, sourceCode, 0);
}

/** Does `fn` call one of `enclosing`: in its own body (direct at depth 0), in a nested callback, or through helpers? */
function reachesEnclosing(
  fn: FunctionNode,
  enclosing: ReadonlySet<FunctionNode>,
  sourceCode: Readonly<TSESLint.SourceCode>,
  depth: number,
): Reschedule | null {
  const own: FunctionNode[] = [];
  const nested: FunctionNode[] = [];
  walk(fn.body, (node) => {
    if (node.type !== AST_NODE_TYPES.CallExpression) return;
    // A function handed to a call as a callback (`p.then(this.next, this.next)`) may run later, as a nested one.
    for (const argument of callbackArguments(node, sourceCode)) nested.push(argument);
    const target = functionDenoted(skipWrappers(node.callee), sourceCode);
    if (!target) return;
    let inNested = false;
    for (let p: TSESTree.Node | undefined = node.parent; p && p !== fn; p = p.parent) {
      if (isFunctionNode(p)) {
        inNested = true;
        break;
      }
    }
    (inNested ? nested : own).push(target);
  });
  const hit = own.find((target) => enclosing.has(target));
  if (hit) return { fn: hit, direct: depth === 0 };
  const nestedHit = nested.find((target) => enclosing.has(target));
  if (nestedHit) return { fn: nestedHit, direct: false };
  if (depth >= 2) return null;
  for (const helper of [...own, ...nested]) {
    if (helper === fn) continue;
    const found = reachesEnclosing(helper, enclosing, sourceCode, depth + 1);
    if (found) return { fn: found.fn, direct: false };
  }
  return null;
}

/**
 * The functions of this file a call is handed by name as arguments
 * (`p.then(this.next, this.next)`, `emitter.once('pong', onPong)`,
 * `queue.push(this.run.bind(this))`), not the inline ones.
 */
export function callbackArguments(
  call: TSESTree.CallExpression,
  sourceCode: Readonly<TSESLint.SourceCode>,
): FunctionNode[] {
  const found: FunctionNode[] = [];
  for (const argument of call.arguments) {
    if (argument.type === AST_NODE_TYPES.SpreadElement) continue;
    const node = bindTarget(skipWrappers(argument));
    if (isFunctionNode(node)) continue;
    const target = functionDenoted(node, sourceCode);
    if (target && !found.includes(target)) found.push(target);
  }
  return found;
}

/** `f.bind(x)` → `f`. */
export function bindTarget(node: TSESTree.Expression): TSESTree.Expression {
  if (node.type === AST_NODE_TYPES.CallExpression) {
    const callee = skipWrappers(node.callee);
    if (callee.type === AST_NODE_TYPES.MemberExpression && memberName(callee) === 'bind')
      return skipWrappers(callee.object);
  }
  return node;
}

/** The function an expression names: a function binding, a named function expression, or `this.method`. */
export function functionDenoted(node: TSESTree.Node, sourceCode: Readonly<TSESLint.SourceCode>): FunctionNode | null {
  if (node.type === AST_NODE_TYPES.Identifier) {
    const variable = ASTUtils.findVariable(sourceCode.getScope(node), node.name);
    const def = variable?.defs[0];
    if (!def || variable.defs.length !== 1) return null;
    if (def.type === TSESLint.Scope.DefinitionType.FunctionName && isFunctionNode(def.node)) return def.node;
    if (def.type === TSESLint.Scope.DefinitionType.Variable && def.node.init) {
      const init = skipWrappers(def.node.init);
      return isFunctionNode(init) ? init : null;
    }
    return null;
  }
  if (
    node.type === AST_NODE_TYPES.MemberExpression &&
    skipWrappers(node.object).type === AST_NODE_TYPES.ThisExpression
  ) {
    const name = memberName(node);
    const classNode = enclosingClass(node);
    if (name === null || !classNode) return null;
    return classFacts(classNode, sourceCode).methods.get(name)?.[0] ?? null;
  }
  return null;
}

/**
 * Does a timer callback keep anything alive beyond module state: `this`, or a
 * variable of an enclosing function? A callback we cannot see into is assumed to.
 */
export function callbackCapturesCallState(
  callback: TSESTree.Node | undefined,
  sourceCode: Readonly<TSESLint.SourceCode>,
): boolean {
  if (!callback || callback.type === AST_NODE_TYPES.SpreadElement) return true;
  const node = skipWrappers(callback as TSESTree.Expression);
  if (node.type === AST_NODE_TYPES.Identifier) {
    const variable = ASTUtils.findVariable(sourceCode.getScope(node), node.name);
    return variable !== null && variable.defs.length > 0 && !isModuleLevel(variable.scope);
  }
  if (!isFunctionNode(node)) return true;
  const scope = sourceCode.getScope(node);
  if (scope.through.some((ref) => ref.resolved !== null && !isModuleLevel(ref.resolved.scope))) return true;
  if (node.type !== AST_NODE_TYPES.ArrowFunctionExpression) return false;
  let usesThis = false;
  walk(node.body, (child) => {
    if (child.type === AST_NODE_TYPES.ThisExpression && !usesThis) {
      // `this` of a nested non-arrow function is its own.
      for (let p: TSESTree.Node | undefined = child.parent; p && p !== node; p = p.parent) {
        if (isFunctionNode(p) && p.type !== AST_NODE_TYPES.ArrowFunctionExpression) return;
      }
      usesThis = true;
    }
  });
  return usesThis;
}

/** Runs where it stands at module level: outside every function (or in immediately invoked ones). */
export function atModuleLevel(node: TSESTree.Node): boolean {
  for (let p: TSESTree.Node | undefined = node.parent; p; p = p.parent) {
    if (isFunctionNode(p)) {
      const parent = p.parent;
      if (!(parent.type === AST_NODE_TYPES.CallExpression && parent.callee === p)) return false;
    }
    if (p.type === AST_NODE_TYPES.ClassBody) return false;
  }
  return true;
}

export interface ClassFacts {
  /** Methods and function-valued fields by name (`Symbol.dispose` for `[Symbol.dispose]`). */
  methods: Map<string, FunctionNode[]>;
}

const classFactsCache = new WeakMap<ClassNode, ClassFacts>();

export function classFacts(classNode: ClassNode, sourceCode: Readonly<TSESLint.SourceCode>): ClassFacts {
  let facts = classFactsCache.get(classNode);
  if (facts) return facts;
  const methods = new Map<string, FunctionNode[]>();
  for (const member of classNode.body.body) {
    if (member.type !== AST_NODE_TYPES.MethodDefinition && member.type !== AST_NODE_TYPES.PropertyDefinition) continue;
    const value = member.value;
    if (!value || !isFunctionNode(value)) continue;
    const name = keyName(member.key, member.computed) ?? (member.computed ? sourceCode.getText(member.key) : null);
    if (name === null) continue;
    const list = methods.get(name);
    if (list) list.push(value);
    else methods.set(name, [value]);
  }
  facts = { methods };
  classFactsCache.set(classNode, facts);
  return facts;
}

export function sameOwner(a: Owner, b: Owner): boolean {
  return a.kind === 'field'
    ? b.kind === 'field' && a.key === b.key
    : b.kind === 'variable' && a.variable === b.variable;
}

/**
 * Does an expression that reads `owner` let go of its handle: passed to a
 * call (`clearInterval(this.t)`, `this.cancel(this.t)`, inside an array or
 * object argument), or `.close()`d / `[Symbol.dispose]()`d?
 */
function releasesHandle(read: TSESTree.Node): boolean {
  let node: TSESTree.Node = read;
  for (;;) {
    const parent: TSESTree.Node | undefined = node.parent;
    if (!parent) return false;
    switch (parent.type) {
      case AST_NODE_TYPES.TSNonNullExpression:
      case AST_NODE_TYPES.TSAsExpression:
      case AST_NODE_TYPES.ChainExpression:
      case AST_NODE_TYPES.ArrayExpression:
      case AST_NODE_TYPES.ObjectExpression:
      case AST_NODE_TYPES.Property:
      case AST_NODE_TYPES.LogicalExpression:
        node = parent;
        continue;
      case AST_NODE_TYPES.ConditionalExpression:
        if (parent.test === node) return false;
        node = parent;
        continue;
      case AST_NODE_TYPES.CallExpression:
      case AST_NODE_TYPES.NewExpression:
        return parent.callee !== node;
      case AST_NODE_TYPES.MemberExpression: {
        if (parent.object !== node) return false;
        const name =
          memberName(parent) ??
          (parent.computed
            ? parent.property.type === AST_NODE_TYPES.MemberExpression
              ? memberName(parent.property)
              : null
            : null);
        return (name === 'close' || name === 'dispose') && parent.parent.type === AST_NODE_TYPES.CallExpression;
      }
      case AST_NODE_TYPES.VariableDeclarator:
        // `const t = this.timer; clearTimeout(t)`: an alias; the clear through it is checked by owner.
        return false;
      default:
        return false;
    }
  }
}

/**
 * Does `fn` (or a method of the same class it calls on `this`, or a function
 * of this file it calls by name, transitively) let go of the handle in `owner`?
 */
export function functionReleases(
  fn: FunctionNode,
  owner: Owner,
  sourceCode: Readonly<TSESLint.SourceCode>,
  seen: Set<FunctionNode> = new Set(),
): boolean {
  if (seen.has(fn)) return false;
  seen.add(fn);
  const summary = releaseSummary(fn, sourceCode);
  const scopeOf: ScopeOf = (n) => sourceCode.getScope(n);
  if (summary.releasing.some((node) => readsOwner(node, owner, scopeOf))) return true;
  if (owner.kind === 'field' && summary.inherited.some((call) => baseMethodReleases(call, owner.name, sourceCode))) {
    return true;
  }
  return summary.callees.some((callee) => functionReleases(callee, owner, sourceCode, seen));
}

/**
 * What a function's own body lets go of, whatever the handle: the reads
 * that release what they read (`clearTimeout(x)`, `x.close()`), the calls
 * of methods the class inherits (`super.stop()`), and the functions it runs
 * (callees it names, setters it assigns, its own listeners it emits to).
 * Walked once per function, so that asking about every field of a class
 * costs each method once, not once per field and arm.
 */
interface ReleaseSummary {
  releasing: readonly (TSESTree.MemberExpression | TSESTree.Identifier)[];
  inherited: readonly TSESTree.CallExpression[];
  callees: readonly FunctionNode[];
}

const releaseSummaries = new WeakMap<FunctionNode, ReleaseSummary>();

function releaseSummary(fn: FunctionNode, sourceCode: Readonly<TSESLint.SourceCode>): ReleaseSummary {
  const known = releaseSummaries.get(fn);
  if (known) return known;
  const releasing: (TSESTree.MemberExpression | TSESTree.Identifier)[] = [];
  const inherited: TSESTree.CallExpression[] = [];
  const callees: FunctionNode[] = [];
  walk(fn.body, (node) => {
    // `this.state = x` runs the class's `set state`; `this.emit('e')` runs its own `'e'` listeners.
    if (node.type === AST_NODE_TYPES.AssignmentExpression) {
      const setter = setterAssigned(node.left);
      if (setter) callees.push(setter);
    } else if (node.type === AST_NODE_TYPES.CallExpression) {
      callees.push(...ownListenersRun(node, sourceCode));
    }
    if (node.type !== AST_NODE_TYPES.MemberExpression && node.type !== AST_NODE_TYPES.Identifier) return;
    if (node.parent.type === AST_NODE_TYPES.MemberExpression && node.parent.object !== node) return;
    if (node.parent.type === AST_NODE_TYPES.CallExpression && node.parent.callee === node) {
      const target = functionDenoted(node, sourceCode);
      if (target) callees.push(target);
      else inherited.push(node.parent);
      return;
    }
    if (releasesHandle(node)) releasing.push(node);
  });
  const summary = { releasing, inherited, callees };
  releaseSummaries.set(fn, summary);
  return summary;
}

/**
 * `super.stop()`, or `this.stopMonitor()` that the class inherits: does the
 * method the checker resolves it to (in this file or another) let go of `this.<field>`?
 */
function baseMethodReleases(
  call: TSESTree.CallExpression,
  field: string,
  sourceCode: Readonly<TSESLint.SourceCode>,
): boolean {
  const callee = skipWrappers(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const receiver = skipWrappers(callee.object).type;
  if (receiver !== AST_NODE_TYPES.Super && receiver !== AST_NODE_TYPES.ThisExpression) return false;
  const services = sourceCode.parserServices;
  if (!services?.program || !services.esTreeNodeToTSNodeMap) return false;
  const tsCall = services.esTreeNodeToTSNodeMap.get(call);
  return inheritedCallReleases(services.program.getTypeChecker(), tsCall, field);
}

/** The setter of the class that `this.name = …` runs, when the class declares one. */
function setterAssigned(target: TSESTree.Node): FunctionNode | null {
  if (
    target.type !== AST_NODE_TYPES.MemberExpression ||
    skipWrappers(target.object).type !== AST_NODE_TYPES.ThisExpression
  )
    return null;
  const name = memberName(target);
  const classNode = enclosingClass(target);
  if (name === null || !classNode) return null;
  for (const member of classNode.body.body) {
    if (member.type !== AST_NODE_TYPES.MethodDefinition || member.kind !== 'set' || member.static) continue;
    if (keyName(member.key, member.computed) === name && isFunctionNode(member.value)) return member.value;
  }
  return null;
}

/**
 * `this.emit(event, …)`, or `this.events.emit(event, …)` on an emitter a field
 * holds: the listeners the class adds to that same object for that event
 * (`this.on(event, this.onChange)`, `this.events.once(event, () => …)` in the
 * constructor), which the emit runs. Events are matched by their text
 * (`Events.Changed`, `'change'`).
 */
function ownListenersRun(call: TSESTree.CallExpression, sourceCode: Readonly<TSESLint.SourceCode>): FunctionNode[] {
  const callee = skipWrappers(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression || memberName(callee) !== 'emit') return [];
  const receiver = ownReceiver(callee.object);
  const event = call.arguments[0];
  const classNode = enclosingClass(call);
  if (receiver === null || !event || event.type === AST_NODE_TYPES.SpreadElement || !classNode) return [];
  return ownListeners(classNode, sourceCode).get(`${receiver} ${eventText(event, sourceCode)}`) ?? [];
}

/** `this` (as `''`) or a field of it, `this.events` (as `events`): an object the class's code reaches the same way everywhere. */
function ownReceiver(node: TSESTree.Expression): string | null {
  const object = skipWrappers(node);
  if (object.type === AST_NODE_TYPES.ThisExpression) return '';
  if (
    object.type === AST_NODE_TYPES.MemberExpression &&
    !object.computed &&
    skipWrappers(object.object).type === AST_NODE_TYPES.ThisExpression
  )
    return memberName(object);
  return null;
}

const ownListenerCache = new WeakMap<ClassNode, Map<string, FunctionNode[]>>();

/** The handlers a class adds to its own object or its fields' emitters, by receiver and event text. */
function ownListeners(classNode: ClassNode, sourceCode: Readonly<TSESLint.SourceCode>): Map<string, FunctionNode[]> {
  let found = ownListenerCache.get(classNode);
  if (found) return found;
  const byEvent = new Map<string, FunctionNode[]>();
  walk(classNode.body, (node) => {
    if (node.type !== AST_NODE_TYPES.CallExpression) return;
    const callee = skipWrappers(node.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression || !OWN_LISTEN.has(memberName(callee) ?? '')) return;
    const receiver = ownReceiver(callee.object);
    const [event, handler] = node.arguments;
    if (
      receiver === null ||
      !event ||
      !handler ||
      event.type === AST_NODE_TYPES.SpreadElement ||
      handler.type === AST_NODE_TYPES.SpreadElement
    )
      return;
    const direct = skipWrappers(handler);
    const fn = isFunctionNode(direct) ? direct : functionDenoted(bindTarget(direct), sourceCode);
    if (!fn) return;
    const key = `${receiver} ${eventText(event, sourceCode)}`;
    byEvent.set(key, [...(byEvent.get(key) ?? []), fn]);
  });
  found = byEvent;
  ownListenerCache.set(classNode, found);
  return found;
}

const OWN_LISTEN: ReadonlySet<string> = new Set([
  'on',
  'addListener',
  'prependListener',
  'once',
  'prependOnceListener',
]);

function eventText(event: TSESTree.Expression, sourceCode: Readonly<TSESLint.SourceCode>): string {
  return event.type === AST_NODE_TYPES.Literal
    ? JSON.stringify(event.value)
    : sourceCode.getText(event).replace(/\s+/g, '');
}

function readsOwner(node: TSESTree.MemberExpression | TSESTree.Identifier, owner: Owner, scopeOf: ScopeOf): boolean {
  if (
    owner.kind === 'field' ? node.type !== AST_NODE_TYPES.MemberExpression : node.type !== AST_NODE_TYPES.Identifier
  ) {
    // An alias (`const t = this.timer`) is an identifier that resolves to the field.
    if (node.type !== AST_NODE_TYPES.Identifier) return false;
  }
  if (
    node.type === AST_NODE_TYPES.MemberExpression &&
    owner.kind === 'field' &&
    (node.computed ? null : keyName(node.property, false)) !== owner.name
  ) {
    return false;
  }
  if (node.type === AST_NODE_TYPES.Identifier && isDeclarationOrKey(node)) return false;
  const resolved = resolveOwner(node, scopeOf);
  return resolved !== null && sameOwner(resolved, owner);
}

function isDeclarationOrKey(node: TSESTree.Identifier): boolean {
  const parent = node.parent;
  return (
    (parent.type === AST_NODE_TYPES.VariableDeclarator && parent.id === node) ||
    (parent.type === AST_NODE_TYPES.Property && parent.key === node && !parent.computed && parent.value !== node) ||
    (parent.type === AST_NODE_TYPES.MemberExpression && parent.property === node && !parent.computed)
  );
}

/**
 * Is there a path from the start of `target`'s function to `target` that
 * passes none of `handlers`? Walks ESLint's code path segments backwards.
 */
export function reachedWithout(target: Position, handlers: readonly Position[]): boolean {
  const handlerOrders = new Map<TSESLint.CodePathSegment, number[]>();
  for (const handler of handlers) {
    if (handler.codePath !== target.codePath) continue;
    for (const segment of handler.segments) {
      const list = handlerOrders.get(segment);
      if (list) list.push(handler.order);
      else handlerOrders.set(segment, [handler.order]);
    }
  }
  const initial = target.codePath.initialSegment;
  const seen = new Set<TSESLint.CodePathSegment>();
  const stack: { segment: TSESLint.CodePathSegment; first: boolean }[] = target.segments.map((segment) => ({
    segment,
    first: true,
  }));
  while (stack.length > 0) {
    const item = stack.pop();
    if (!item) break;
    const { segment, first } = item;
    if (!first) {
      if (seen.has(segment)) continue;
      seen.add(segment);
    }
    const orders = handlerOrders.get(segment) ?? [];
    if (first ? orders.some((order) => order < target.order) : orders.length > 0) continue;
    if (segment === initial) return true;
    for (const previous of segment.prevSegments) stack.push({ segment: previous, first: false });
  }
  return false;
}

/**
 * Does this call let go of the handle in `owner`: it passes the handle
 * (`clearTimeout(this.t)`, `cancel([this.t])`), calls `.close()` on it, or
 * calls a function of this file that does?
 */
export function callReleases(
  call: TSESTree.CallExpression,
  owner: Owner,
  sourceCode: Readonly<TSESLint.SourceCode>,
): boolean {
  const scopeOf: ScopeOf = (n) => sourceCode.getScope(n);
  let found = false as boolean;
  const visit = (node: TSESTree.Node): void => {
    if (found) return;
    if (
      (node.type === AST_NODE_TYPES.MemberExpression || node.type === AST_NODE_TYPES.Identifier) &&
      readsOwner(node, owner, scopeOf)
    ) {
      if (releasesHandle(node)) found = true;
    }
  };
  for (const argument of call.arguments) walk(argument, visit, { intoFunctions: false });
  if (found) return true;
  const callee = skipWrappers(call.callee);
  // `this.timer.close()`
  if (callee.type === AST_NODE_TYPES.MemberExpression) {
    const object = skipWrappers(callee.object);
    if (
      (object.type === AST_NODE_TYPES.MemberExpression || object.type === AST_NODE_TYPES.Identifier) &&
      readsOwner(object, owner, scopeOf) &&
      releasesHandle(object)
    ) {
      return true;
    }
  }
  const target = functionDenoted(callee, sourceCode);
  return target !== null && functionReleasesCached(target, owner, sourceCode);
}

/**
 * Is the timer armed at `call` let go of by the very next statement of its
 * block (`this.t = setTimeout(noop, 0); clearTimeout(this.t);`)? It never
 * stays armed.
 */
export function clearedLaterInBlock(
  call: TSESTree.CallExpression,
  owner: Owner,
  sourceCode: Readonly<TSESLint.SourceCode>,
): boolean {
  let statement: TSESTree.Node = call;
  while (statement.parent && statement.parent.type !== AST_NODE_TYPES.BlockStatement) {
    if (isFunctionNode(statement.parent)) return false;
    statement = statement.parent;
  }
  const block = statement.parent;
  if (block?.type !== AST_NODE_TYPES.BlockStatement) return false;
  const later = block.body[block.body.indexOf(statement as TSESTree.Statement) + 1];
  return (
    later?.type === AST_NODE_TYPES.ExpressionStatement &&
    later.expression.type === AST_NODE_TYPES.CallExpression &&
    callReleases(later.expression, owner, sourceCode)
  );
}

/**
 * Does `fn`, which arms the timer at `arm`, also cancel it where the work
 * ends another way: a release of `owner` on another branch than the arm
 * (`if (connected) clearTimeout(this.t); else if (lost) this.t = setTimeout(…)`),
 * or in a callback it hands on (`stream.once('data', () => clearTimeout(this.t))`)?
 * A release in a block that the arm follows (`clearTimeout(this.t); this.t =
 * setTimeout(…)`, guarded by a test or not) only replaces the previous timer.
 */
export function cancelsOnOtherBranch(
  fn: FunctionNode,
  arm: TSESTree.CallExpression,
  owner: Owner,
  sourceCode: Readonly<TSESLint.SourceCode>,
): boolean {
  const scopeOf: ScopeOf = (n) => sourceCode.getScope(n);
  const armPath = new Set<TSESTree.Node>();
  for (let p: TSESTree.Node = arm; p !== fn && p.type !== AST_NODE_TYPES.Program; p = p.parent) armPath.add(p);
  let found = false as boolean;
  walk(fn.body, (node) => {
    if (found) return;
    if (node.type !== AST_NODE_TYPES.MemberExpression && node.type !== AST_NODE_TYPES.Identifier) return;
    if (!readsOwner(node, owner, scopeOf) || !releasesHandle(node)) return;
    let child: TSESTree.Node = node;
    let meet: TSESTree.Node | undefined = node.parent;
    while (meet && meet !== fn && !armPath.has(meet)) {
      // A callback between the release and the arm's branch: it runs later, on its own event.
      if (isFunctionNode(meet)) {
        found = true;
        return;
      }
      child = meet;
      meet = meet.parent;
    }
    if (!meet) return;
    const inBlock = meet === fn.body || meet.type === AST_NODE_TYPES.BlockStatement;
    if (inBlock && child.range[1] <= arm.range[0]) return;
    if (!inBlock) found = true;
  });
  return found;
}

const releaseCache = new WeakMap<FunctionNode, Map<unknown, boolean>>();

/** `functionReleases`, remembered per function and owner. */
export function functionReleasesCached(
  fn: FunctionNode,
  owner: Owner,
  sourceCode: Readonly<TSESLint.SourceCode>,
): boolean {
  let byOwner = releaseCache.get(fn);
  if (!byOwner) {
    byOwner = new Map();
    releaseCache.set(fn, byOwner);
  }
  const key = owner.kind === 'field' ? owner.key : owner.variable;
  let answer = byOwner.get(key);
  if (answer === undefined) {
    answer = functionReleases(fn, owner, sourceCode);
    byOwner.set(key, answer);
  }
  return answer;
}

/** Does `node` (an identifier or member expression) denote `owner`? */
export function denotesOwner(node: TSESTree.Node, owner: Owner, sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  if (node.type !== AST_NODE_TYPES.MemberExpression && node.type !== AST_NODE_TYPES.Identifier) return false;
  return readsOwner(node, owner, (n) => sourceCode.getScope(n));
}

/** The local names a file's imports bind to `node:timers` or its functions, so an aliased import is looked at. */
export function timerImportNames(program: TSESTree.Program): string[] {
  const names: string[] = [];
  for (const statement of program.body) {
    if (statement.type !== AST_NODE_TYPES.ImportDeclaration || !TIMER_MODULES.has(statement.source.value)) continue;
    for (const specifier of statement.specifiers) names.push(specifier.local.name);
  }
  return names;
}

/**
 * Could this callee arm a timer, by its name alone: `setTimeout`, a local
 * name of a `node:timers` import (`aliases`), or `x.setInterval`? A cheap
 * test before `timerKindOf` asks the scopes and the checker.
 */
export function mayBeTimerCallee(callee: TSESTree.Expression, aliases: ReadonlySet<string>): boolean {
  const node = skipWrappers(callee);
  if (node.type === AST_NODE_TYPES.Identifier) return TIMER_NAMES.has(node.name) || aliases.has(node.name);
  if (
    node.type !== AST_NODE_TYPES.MemberExpression ||
    node.computed ||
    node.property.type !== AST_NODE_TYPES.Identifier
  )
    return false;
  return TIMER_NAMES.has(node.property.name);
}

/** `setInterval(function () { … clearInterval(this) … })`: Node passes the handle as `this`. */
export function clearsItselfThroughThis(call: TSESTree.CallExpression): boolean {
  const callback = call.arguments[0];
  if (callback?.type !== AST_NODE_TYPES.FunctionExpression) return false;
  let found = false;
  walk(
    callback.body,
    (node) => {
      if (
        node.type === AST_NODE_TYPES.CallExpression &&
        isClearCall(node) &&
        node.arguments[0]?.type === AST_NODE_TYPES.ThisExpression
      ) {
        found = true;
      }
    },
    { intoFunctions: false },
  );
  return found;
}
