/**
 * Owners: the long-lived thing a resource hangs on, named by an access path.
 * `seen` (a variable), `this.cache` (a field of the enclosing class) and
 * `Registry.items` (a static field) are owners; aliases resolve to them
 * (`const c = this.cache; c.set(…)` grows `this.cache`).
 */
import { ASTUtils, AST_NODE_TYPES, TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { classOfMember, isClassNode, isFunctionNode, keyName, skipWrappers, type ClassNode } from './ast.js';

type Variable = TSESLint.Scope.Variable;

export interface VariableOwner {
  kind: 'variable';
  key: Variable;
  variable: Variable;
  name: string;
}

export interface FieldOwner {
  kind: 'field';
  key: string;
  classNode: ClassNode;
  name: string;
  isStatic: boolean;
}

export type Owner = VariableOwner | FieldOwner;

const MAX_ALIAS_DEPTH = 4;

export function fieldKey(classNode: ClassNode, name: string, isStatic: boolean): string {
  return `${String(classNode.range[0])}${isStatic ? ':static:' : ':'}${name}`;
}

/** The class whose instance (or constructor, in static code) `this` denotes here. */
export function classOfThis(node: TSESTree.ThisExpression): { classNode: ClassNode; isStatic: boolean } | null {
  let child: TSESTree.Node = node;
  for (let p: TSESTree.Node | undefined = node.parent; p; child = p, p = p.parent) {
    if (p.type === AST_NODE_TYPES.ArrowFunctionExpression) continue;
    if (isFunctionNode(p) || p.type === AST_NODE_TYPES.StaticBlock) {
      const owner = classOfMember(p);
      return owner ? { classNode: owner.classNode, isStatic: owner.isStatic } : null;
    }
    if (p.type === AST_NODE_TYPES.PropertyDefinition || p.type === AST_NODE_TYPES.AccessorProperty) {
      if (p.value !== child) return null;
      return { classNode: p.parent.parent, isStatic: p.static };
    }
    if (isClassNode(p)) return null;
  }
  return null;
}

function memberOwner(node: TSESTree.MemberExpression, scopeOf: ScopeOf): FieldOwner | null {
  const name = node.computed ? null : keyName(node.property, false);
  if (name === null) return null;
  return fieldOwnerOf(node.object, name, scopeOf);
}

/** The field `name` of what `objectExpression` denotes: `this` in a class, or a class by name (static). */
function fieldOwnerOf(objectExpression: TSESTree.Expression, name: string, scopeOf: ScopeOf): FieldOwner | null {
  const object = skipWrappers(objectExpression);
  if (object.type === AST_NODE_TYPES.ThisExpression) {
    const cls = classOfThis(object);
    if (!cls) return null;
    return { kind: 'field', key: fieldKey(cls.classNode, name, cls.isStatic), name, ...cls };
  }
  if (object.type === AST_NODE_TYPES.Identifier) {
    const variable = ASTUtils.findVariable(scopeOf(object), object.name);
    const def = variable?.defs[0];
    if (def?.type === TSESLint.Scope.DefinitionType.ClassName && isClassNode(def.node)) {
      return { kind: 'field', key: fieldKey(def.node, name, true), classNode: def.node, name, isStatic: true };
    }
  }
  return null;
}

export type ScopeOf = (node: TSESTree.Node) => TSESLint.Scope.Scope;

/**
 * The variable an identifier aliases, when it is a `const` (or a binding
 * never written again) initialised from another owner.
 */
export function aliasTarget(variable: Variable): TSESTree.Expression | null {
  if (variable.defs.length !== 1) return null;
  const def = variable.defs[0];
  if (
    def?.type !== TSESLint.Scope.DefinitionType.Variable ||
    def.node.id.type !== AST_NODE_TYPES.Identifier ||
    !def.node.init
  )
    return null;
  if (def.parent.kind !== 'const' && variable.references.some((r) => r.isWrite() && !r.init)) return null;
  const init = skipWrappers(def.node.init);
  if (init.type === AST_NODE_TYPES.Identifier || init.type === AST_NODE_TYPES.MemberExpression) return init;
  return null;
}

/** The owner an expression denotes, through aliases; null when it is not a named long-lived place. */
export function resolveOwner(expression: TSESTree.Expression, scopeOf: ScopeOf, depth = 0): Owner | null {
  const node = skipWrappers(expression);
  if (node.type === AST_NODE_TYPES.MemberExpression) return memberOwner(node, scopeOf);
  if (node.type !== AST_NODE_TYPES.Identifier) return null;
  const variable = ASTUtils.findVariable(scopeOf(node), node.name);
  if (!variable || variable.defs.length === 0) return null;
  const target = aliasTarget(variable);
  if (target) {
    // An alias chain longer than we follow (or a cycle) names no owner we can vouch for.
    if (depth >= MAX_ALIAS_DEPTH) return null;
    const resolved = resolveOwner(target, scopeOf, depth + 1);
    if (resolved) return resolved;
  }
  const destructured = destructuredFieldOwner(variable, scopeOf);
  if (destructured) return destructured;
  return { kind: 'variable', key: variable, variable, name: variable.name };
}

/**
 * The field a destructured binding takes, when the binding is never written
 * again: `const { queue } = this` (or `{ queue: q }`, `{ queue = [] }`) names
 * `this.queue`, so `queue.shift()` shrinks that field.
 */
export function destructuredFieldOwner(variable: Variable, scopeOf: ScopeOf): FieldOwner | null {
  if (variable.defs.length !== 1) return null;
  const def = variable.defs[0];
  if (def?.type !== TSESLint.Scope.DefinitionType.Variable || def.node.id.type !== AST_NODE_TYPES.ObjectPattern) {
    return null;
  }
  if (!def.node.init) return null;
  if (def.parent.kind !== 'const' && variable.references.some((r) => r.isWrite() && !r.init)) return null;
  const binding = def.name.parent;
  const property = binding.type === AST_NODE_TYPES.AssignmentPattern ? binding.parent : binding;
  if (property.type !== AST_NODE_TYPES.Property || property.parent !== def.node.id || property.computed) return null;
  const name = keyName(property.key, false);
  return name === null ? null : fieldOwnerOf(def.node.init, name, scopeOf);
}

interface ClassIndex {
  /** Field declarations by `fieldKey`. */
  fields: Map<string, TSESTree.PropertyDefinition | TSESTree.AccessorProperty>;
  /** Names of constructor parameter properties. */
  parameterProperties: Set<string>;
}

const classIndexes = new WeakMap<ClassNode, ClassIndex>();

/** The fields and parameter properties of a class, indexed once per class. */
function classIndex(classNode: ClassNode): ClassIndex {
  let index = classIndexes.get(classNode);
  if (index) return index;
  index = { fields: new Map(), parameterProperties: new Set() };
  for (const member of classNode.body.body) {
    if (member.type === AST_NODE_TYPES.PropertyDefinition || member.type === AST_NODE_TYPES.AccessorProperty) {
      const name = keyName(member.key, member.computed);
      const key = name === null ? null : fieldKey(classNode, name, member.static);
      if (key !== null && !index.fields.has(key)) index.fields.set(key, member);
    } else if (member.type === AST_NODE_TYPES.MethodDefinition && member.kind === 'constructor') {
      for (const param of member.value.params) {
        if (param.type !== AST_NODE_TYPES.TSParameterProperty) continue;
        const inner =
          param.parameter.type === AST_NODE_TYPES.AssignmentPattern ? param.parameter.left : param.parameter;
        index.parameterProperties.add(inner.name);
      }
    }
  }
  classIndexes.set(classNode, index);
  return index;
}

/** The declaration of a field: its `PropertyDefinition` (or `accessor`), if it has one. */
export function fieldDeclaration(owner: FieldOwner): TSESTree.PropertyDefinition | TSESTree.AccessorProperty | null {
  return classIndex(owner.classNode).fields.get(owner.key) ?? null;
}

/** A parameter property (`constructor(private cache: Map<…>)`): the value comes from the caller. */
export function isParameterProperty(owner: FieldOwner): boolean {
  return !owner.isStatic && classIndex(owner.classNode).parameterProperties.has(owner.name);
}

/** Declared code (`declare class`, `declare module`, `declare const`): there is no body to leak. */
export function isAmbient(node: TSESTree.Node): boolean {
  for (let n: TSESTree.Node | undefined = node; n; n = n.parent) {
    if ('declare' in n && n.declare) return true;
  }
  return false;
}

export function ownerText(owner: Owner): string {
  if (owner.kind === 'variable') return owner.name;
  if (owner.isStatic) return `${owner.classNode.id?.name ?? 'this'}.${owner.name}`;
  return `this.${owner.name}`;
}

/** The declarator of the `const` an identifier reads, when it has an initializer (`const t = …`, `const { a } = …`). */
export function constDeclarator(
  id: TSESTree.Identifier,
  sourceCode: Readonly<TSESLint.SourceCode>,
): (TSESTree.VariableDeclarator & { init: TSESTree.Expression }) | null {
  const def = ASTUtils.findVariable(sourceCode.getScope(id), id.name)?.defs[0];
  if (def?.type !== TSESLint.Scope.DefinitionType.Variable || def.parent.kind !== 'const' || !def.node.init)
    return null;
  return def.node as TSESTree.VariableDeclarator & { init: TSESTree.Expression };
}
