/**
 * Lifetimes: how long an owner lives, and whether a site runs once (module
 * initialisation, a constructor) or again on every call.
 */
import { ASTUtils, AST_NODE_TYPES, TSESLint, type TSESTree } from '@typescript-eslint/utils';
import {
  calleeName,
  classOfMember,
  isClassNode,
  isFunctionNode,
  runsInPlace,
  skipWrappers,
  type ClassNode,
  type FunctionNode,
} from './ast.js';
import type { FieldOwner, Owner } from './owners.js';
import { REGISTRATIONS } from './vocabulary.js';

export type Lifetime =
  | { kind: 'module' }
  | { kind: 'object'; classNode: ClassNode; isStatic: boolean }
  | { kind: 'closure'; declaringFunction: FunctionNode }
  | { kind: 'call' };

/** Module, script or namespace scope: what is declared there lives as long as the module. */
export function isModuleLevel(scope: TSESLint.Scope.Scope): boolean {
  const type = scope.variableScope.type;
  return (
    type === TSESLint.Scope.ScopeType.module ||
    type === TSESLint.Scope.ScopeType.global ||
    type === TSESLint.Scope.ScopeType.tsModule
  );
}

/** Where a variable's value lives: module scope, a function's scope, or a class's. */
export function variableLifetime(variable: TSESLint.Scope.Variable): Lifetime {
  if (isModuleLevel(variable.scope)) return { kind: 'module' };
  const scope = variable.scope.variableScope;
  const block = scope.block;
  if (isFunctionNode(block)) return { kind: 'closure', declaringFunction: block };
  return { kind: 'call' };
}

export function fieldLifetime(owner: FieldOwner): Lifetime {
  return { kind: 'object', classNode: owner.classNode, isStatic: owner.isStatic };
}

/** How long an owner's value lives: a variable's scope, or a field's object or class. */
export function ownerLifetime(owner: Owner): Lifetime {
  return owner.kind === 'field' ? fieldLifetime(owner) : variableLifetime(owner.variable);
}

/** The scope queries lifetimes need, from ESLint's `sourceCode`. */
export interface Scopes {
  /** `sourceCode.getDeclaredVariables` */
  declared: (node: TSESTree.Node) => readonly TSESLint.Scope.Variable[];
  /** `sourceCode.getScope` */
  scopeOf: (node: TSESTree.Node) => TSESLint.Scope.Scope;
}

/** Globals that live as long as the process or page. */
const GLOBAL_TARGETS = new Set(['process', 'globalThis', 'window', 'document', 'self', 'navigator', 'console']);

/**
 * Does the receiver of a registration live at least as long as the module:
 * a global target, a module-level or imported binding, or `this` and its
 * fields (the object that runs the method outlives the call)?
 */
export function isLongLivedReceiver(expression: TSESTree.Expression, scopes: Scopes): boolean {
  let node: TSESTree.Expression = skipWrappers(expression);
  while (node.type === AST_NODE_TYPES.MemberExpression) node = skipWrappers(node.object);
  if (node.type === AST_NODE_TYPES.ThisExpression) return true;
  if (node.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = ASTUtils.findVariable(scopes.scopeOf(node), node.name);
  if (!variable || variable.defs.length === 0) return GLOBAL_TARGETS.has(node.name);
  return isModuleLevel(variable.scope);
}

/**
 * Does a function created inside a call outlive that call? It does when it is
 * returned (alone or inside an object or array), stored on an object, or
 * registered as a listener, interval or handler, directly or through a
 * `const` it is bound to.
 */
export function outlivesEnclosingCall(fn: FunctionNode, scopes: Scopes): boolean {
  return valueOutlives(fn, scopes, 0) !== null;
}

/**
 * How a function outlives the call that made it: `registered` on something
 * that lives as long as the module (a global target, a module-level object,
 * `this`, an interval), or `handedOut` (returned or stored): then it lives as
 * long as whoever keeps it, which this code does not show.
 */
export type KeptBy = 'registered' | 'handedOut';

export function keptBy(fn: FunctionNode, scopes: Scopes): KeptBy | null {
  return valueOutlives(fn, scopes, 0);
}

function valueOutlives(value: TSESTree.Node, scopes: Scopes, depth: number): KeptBy | null {
  let node: TSESTree.Node = value;
  for (;;) {
    const parent: TSESTree.Node | undefined = node.parent;
    if (!parent) return null;
    switch (parent.type) {
      case AST_NODE_TYPES.ReturnStatement:
      case AST_NODE_TYPES.ExportDefaultDeclaration:
        return 'handedOut';
      case AST_NODE_TYPES.ArrowFunctionExpression:
        return parent.body === node ? 'handedOut' : null;
      case AST_NODE_TYPES.Property:
      case AST_NODE_TYPES.ObjectExpression:
      case AST_NODE_TYPES.ArrayExpression:
      case AST_NODE_TYPES.ConditionalExpression:
      case AST_NODE_TYPES.LogicalExpression:
      case AST_NODE_TYPES.TSAsExpression:
      case AST_NODE_TYPES.TSSatisfiesExpression:
        node = parent;
        continue;
      case AST_NODE_TYPES.AssignmentExpression:
        return parent.right === node && parent.left.type === AST_NODE_TYPES.MemberExpression ? 'handedOut' : null;
      case AST_NODE_TYPES.CallExpression: {
        if (parent.callee === node) return null;
        const name = calleeName(parent.callee);
        if (name === null || !REGISTRATIONS.has(name)) return null;
        // `setInterval(cb)`: kept by the runtime. `x.on('e', cb)`: kept as long as `x` lives.
        const callee = parent.callee;
        return callee.type !== AST_NODE_TYPES.MemberExpression || isLongLivedReceiver(callee.object, scopes)
          ? 'registered'
          : null;
      }
      case AST_NODE_TYPES.VariableDeclarator: {
        // `const handler = (x) => …; emitter.on('x', handler)` or `return handler`.
        if (depth >= 2 || parent.init !== node) return null;
        let kept: KeptBy | null = null;
        for (const variable of scopes.declared(parent)) {
          for (const ref of variable.references) {
            if (ref.init) continue;
            const how = valueOutlives(ref.identifier, scopes, depth + 1);
            if (how === 'registered') return how;
            kept ??= how;
          }
        }
        return kept;
      }
      default:
        return null;
    }
  }
}

/**
 * Does `site` run on a per-call path for this owner, rather than once while
 * the owner is being set up?
 * - module owners: inside any function that is not an immediately invoked one;
 * - instance fields: anywhere but directly in the constructor or a field initializer;
 * - static fields: anywhere but directly in a static block or static initializer;
 * - closure-held values: inside a nested function that outlives the declaring call.
 */
export function runsPerCall(site: TSESTree.Node, owner: Owner, lifetime: Lifetime, scopes: Scopes): boolean {
  switch (lifetime.kind) {
    case 'module':
      return crossesRepeatingBoundary(site, null);
    case 'object':
      return crossesRepeatingBoundary(site, owner.kind === 'field' ? owner : null);
    case 'closure':
      return closureGrowsPerCall(site, lifetime.declaringFunction, scopes);
    case 'call':
      return false;
  }
}

function crossesRepeatingBoundary(site: TSESTree.Node, field: FieldOwner | null): boolean {
  for (let node: TSESTree.Node | undefined = site.parent; node; node = node.parent) {
    if (isFunctionNode(node)) {
      if (runsInPlace(node)) continue;
      const member = classOfMember(node);
      if (field && member && member.classNode === field.classNode) {
        const { member: m } = member;
        // Directly in the owner's constructor: set-up, unless the owner is static
        // (every `new` runs the constructor again).
        if (m.type === AST_NODE_TYPES.MethodDefinition && m.kind === 'constructor') return field.isStatic;
      }
      return true;
    }
    if (node.type === AST_NODE_TYPES.StaticBlock) return false;
    if (node.type === AST_NODE_TYPES.PropertyDefinition && node.value && isAncestor(node.value, site)) {
      // A field initializer runs once per instance (per `new`), a static one once.
      if (node.static) return false;
      return field === null || field.isStatic || field.classNode !== node.parent.parent;
    }
    if (isClassNode(node) && field && node === field.classNode) return false;
  }
  return false;
}

function isAncestor(ancestor: TSESTree.Node, node: TSESTree.Node): boolean {
  for (let n: TSESTree.Node | undefined = node; n; n = n.parent) if (n === ancestor) return true;
  return false;
}

function closureGrowsPerCall(site: TSESTree.Node, declaringFunction: FunctionNode, scopes: Scopes): boolean {
  const outermost = outermostClosure(site, declaringFunction);
  return outermost !== null && outlivesEnclosingCall(outermost, scopes);
}

/** The outermost function between `site` and `declaringFunction` that does not run in place. */
export function outermostClosure(site: TSESTree.Node, declaringFunction: FunctionNode): FunctionNode | null {
  let outermost: FunctionNode | null = null;
  for (let node: TSESTree.Node | undefined = site.parent; node && node !== declaringFunction; node = node.parent) {
    if (isFunctionNode(node) && !runsInPlace(node)) outermost = node;
  }
  return outermost;
}

/** A value made here: `new X()`, an object or array literal, `Object.create(…)`. */
export function isFreshValue(expression: TSESTree.Expression | null | undefined): boolean {
  if (!expression) return false;
  const node = skipWrappers(expression);
  if (
    node.type === AST_NODE_TYPES.NewExpression ||
    node.type === AST_NODE_TYPES.ObjectExpression ||
    node.type === AST_NODE_TYPES.ArrayExpression
  ) {
    return true;
  }
  return (
    node.type === AST_NODE_TYPES.CallExpression &&
    node.callee.type === AST_NODE_TYPES.MemberExpression &&
    node.callee.object.type === AST_NODE_TYPES.Identifier &&
    node.callee.object.name === 'Object' &&
    node.callee.property.type === AST_NODE_TYPES.Identifier &&
    node.callee.property.name === 'create'
  );
}

/**
 * Does this owner die with the call that made it, taking whatever `site`
 * put in it? It does when it is a variable declared in a function (not a
 * parameter: that value is the caller's), every value it is given is made
 * there, it never leaves the call (returned, stored, passed on, captured by a
 * closure that outlives the call), and `site` runs within that call. A
 * recursion guard (`visiting.add(n); walk(n); visiting.delete(n)` on a set
 * local to the outer call) is one: a throw ends the call and the set with it.
 */
/**
 * A variable declared in `fn` (once) whose every value is made there: its
 * initializer and each `=` assigned to it pass `isNew`.
 */
export function holdsOnlyNewValues(
  variable: TSESLint.Scope.Variable,
  fn: FunctionNode,
  isNew: (value: TSESTree.Expression | null) => boolean,
): boolean {
  if (variable.defs.length !== 1 || variable.scope.variableScope.block !== fn) return false;
  const def = variable.defs[0];
  if (def?.type !== TSESLint.Scope.DefinitionType.Variable || !isNew(def.node.init)) return false;
  return variable.references.every((ref) => {
    if (ref.init || !ref.isWrite()) return true;
    const parent = ref.identifier.parent;
    return parent.type === AST_NODE_TYPES.AssignmentExpression && parent.operator === '=' && isNew(parent.right);
  });
}

const EQUALITY = new Set(['===', '!==', '==', '!=']);

/** `null` or `undefined`, as written. */
export function isNullish(node: TSESTree.Expression): boolean {
  return (
    (node.type === AST_NODE_TYPES.Literal && node.value === null) ||
    (node.type === AST_NODE_TYPES.Identifier && node.name === 'undefined')
  );
}

export function diesWithCall(owner: Owner, site: TSESTree.Node, scopes: Scopes): boolean {
  if (owner.kind !== 'variable') return false;
  const { variable } = owner;
  const lifetime = variableLifetime(variable);
  if (lifetime.kind === 'module' || lifetime.kind === 'object') return false;
  if (variable.defs.length !== 1) return false;
  const def = variable.defs[0];
  if (def?.type !== TSESLint.Scope.DefinitionType.Variable) return false;
  // `let cells: Set<string> | undefined;`, filled later by `cells = new Set(…)`.
  const unset = !def.node.init || isNullish(def.node.init);
  if (!unset && !isFreshValue(def.node.init)) return false;
  if (lifetime.kind === 'closure' && closureGrowsPerCall(site, lifetime.declaringFunction, scopes)) return false;
  return variable.references.every((ref) => {
    if (ref.init) return true;
    const id = ref.identifier;
    const parent = id.parent;
    if (ref.isWrite()) {
      return parent.type === AST_NODE_TYPES.AssignmentExpression && parent.left === id && isFreshValue(parent.right);
    }
    if (lifetime.kind === 'closure' && closureGrowsPerCall(id, lifetime.declaringFunction, scopes)) return false;
    // Only used in place: `seen.add(x)`, `seen.size`, `for (… of seen)`, `x in seen`, `seen[k]`,
    // `seen === undefined`, `!seen`.
    return (
      (parent.type === AST_NODE_TYPES.MemberExpression && parent.object === id) ||
      (parent.type === AST_NODE_TYPES.ForOfStatement && parent.right === id) ||
      (parent.type === AST_NODE_TYPES.BinaryExpression && parent.operator === 'in' && parent.right === id) ||
      (parent.type === AST_NODE_TYPES.BinaryExpression && EQUALITY.has(parent.operator)) ||
      (parent.type === AST_NODE_TYPES.UnaryExpression && parent.operator === '!')
    );
  });
}
