/**
 * What one occurrence of a collection does to it: grows it, shrinks it,
 * resets it, reads it, iterates it, aliases it, or lets it escape to code
 * this file cannot see.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { memberName, outermostAlias } from './ast.js';

export type CollectionShape = 'Map' | 'Set' | 'object' | 'array';

/** What one occurrence does to the collection. */
export type Use =
  /** `map.set(k, v)`, `set.add(x)`, `arr.push(x)`, `obj[k] = v`: `site` is the call or assignment. */
  | { kind: 'grow'; node: TSESTree.Node; site: TSESTree.Node; key: TSESTree.Node | undefined }
  /** `delete`, `clear`, `shift`, `splice`, `delete obj[k]`, `arr.length = 0` */
  | { kind: 'shrink'; node: TSESTree.Node }
  /** An assignment of a new value. */
  | { kind: 'reset'; node: TSESTree.Node; assignment: TSESTree.AssignmentExpression | null }
  /** `cache ??= new Map()`: set-up on first use. */
  | { kind: 'lazyInit'; node: TSESTree.Node }
  /** `for…of`, spread, `forEach`, `keys`, `size`: needs a strong, enumerable collection. */
  | { kind: 'iterate'; node: TSESTree.Node }
  /** `get`, `has`, truthiness; `method` is the name when it is a method call. */
  | { kind: 'read'; node: TSESTree.Node; method: string | null }
  /** `const c = this.cache`: the declarator whose variable aliases the collection. */
  | { kind: 'alias'; node: TSESTree.Node; declarator: TSESTree.VariableDeclarator }
  /** Passed, returned, stored, exported: other code may shrink it. */
  | { kind: 'escape'; node: TSESTree.Node };

export type UseKind = Use['kind'];

/** A use that grows the collection. */
export type GrowUse = Extract<Use, { kind: 'grow' }>;

/** A use that assigns the collection a new value. */
export type ResetUse = Extract<Use, { kind: 'reset' }>;

/** Does calling `name` on a collection of this shape remove entries (`delete`, `clear`, `shift`, …)? */
export function isShrinkMethod(shape: CollectionShape, name: string): boolean {
  return SHRINK[shape].has(name);
}

const GROW: Record<CollectionShape, ReadonlySet<string>> = {
  Map: new Set(['set', 'getOrInsert', 'getOrInsertComputed']),
  Set: new Set(['add']),
  array: new Set(['push', 'unshift']),
  object: new Set(),
};
const SHRINK: Record<CollectionShape, ReadonlySet<string>> = {
  Map: new Set(['delete', 'clear']),
  Set: new Set(['delete', 'clear']),
  array: new Set(['shift', 'pop', 'splice']),
  object: new Set(),
};
const ITERATE: ReadonlySet<string> = new Set([
  'forEach',
  'keys',
  'values',
  'entries',
  'size',
  'length',
  'map',
  'filter',
  'reduce',
  'some',
  'every',
  'find',
  'findIndex',
  'indexOf',
  'includes',
  'slice',
  'join',
  'at',
  'union',
  'intersection',
  'difference',
  'symmetricDifference',
  'isSubsetOf',
  'isSupersetOf',
  'isDisjointFrom',
]);

/** The shape a growth method implies: `set` a Map, `add` a Set, `push` an array. */
export function shapeOfGrowthMethod(name: string): CollectionShape | null {
  for (const shape of ['Map', 'Set', 'array'] as const) if (GROW[shape].has(name)) return shape;
  return null;
}

function isAssignmentTarget(node: TSESTree.Node): boolean {
  const parent = node.parent;
  if (!parent) return false;
  return (
    (parent.type === AST_NODE_TYPES.AssignmentExpression && parent.left === node) ||
    (parent.type === AST_NODE_TYPES.UpdateExpression && parent.argument === node)
  );
}

function classifyMemberUse(member: TSESTree.MemberExpression, node: TSESTree.Node, shape: CollectionShape): Use {
  const name = memberName(member);
  const call =
    member.parent.type === AST_NODE_TYPES.CallExpression && member.parent.callee === member ? member.parent : null;
  if (shape === 'object') {
    const outer = outermostAlias(member);
    if (outer.parent?.type === AST_NODE_TYPES.UnaryExpression && outer.parent.operator === 'delete') {
      return { kind: 'shrink', node };
    }
    if (
      member.computed &&
      isAssignmentTarget(outer) &&
      (name === null || member.property.type !== AST_NODE_TYPES.Literal)
    ) {
      return { kind: 'grow', node, site: outer.parent ?? outer, key: member.property };
    }
    return { kind: 'read', node, method: null };
  }
  if (name === null) return { kind: 'read', node, method: null };
  if (call) {
    if (GROW[shape].has(name)) return { kind: 'grow', node, site: call, key: call.arguments[0] };
    if (SHRINK[shape].has(name)) return { kind: 'shrink', node };
    if (ITERATE.has(name)) return { kind: 'iterate', node };
    return { kind: 'read', node, method: name };
  }
  if (shape === 'array' && name === 'length' && isAssignmentTarget(outermostAlias(member))) {
    return { kind: 'shrink', node };
  }
  if (ITERATE.has(name) || (member.computed && member.property.type !== AST_NODE_TYPES.Literal))
    return { kind: 'iterate', node };
  return { kind: 'read', node, method: null };
}

/**
 * Classifies one occurrence (an identifier reference or a `this.x` member
 * expression) of a collection of the given shape.
 */
export function classifyUse(occurrence: TSESTree.Node, shape: CollectionShape): Use {
  const node = outermostAlias(occurrence);
  const parent = node.parent;
  if (!parent) return { kind: 'escape', node };
  switch (parent.type) {
    case AST_NODE_TYPES.MemberExpression:
      if (parent.object === node) return classifyMemberUse(parent, node, shape);
      return { kind: 'read', node, method: null };
    case AST_NODE_TYPES.AssignmentExpression:
      if (parent.left === node) {
        return parent.operator === '??=' || parent.operator === '||='
          ? { kind: 'lazyInit', node }
          : { kind: 'reset', node, assignment: parent };
      }
      return { kind: 'escape', node };
    case AST_NODE_TYPES.VariableDeclarator:
      return parent.id.type === AST_NODE_TYPES.Identifier && parent.init === node
        ? { kind: 'alias', node, declarator: parent }
        : { kind: 'escape', node };
    case AST_NODE_TYPES.ForOfStatement:
    case AST_NODE_TYPES.ForInStatement:
      return parent.right === node ? { kind: 'iterate', node } : { kind: 'reset', node, assignment: null };
    case AST_NODE_TYPES.SpreadElement:
      return parent.parent.type === AST_NODE_TYPES.ArrayExpression ||
        (parent.parent.type === AST_NODE_TYPES.ObjectExpression && shape === 'object')
        ? { kind: 'iterate', node }
        : { kind: 'escape', node };
    case AST_NODE_TYPES.UnaryExpression:
      return parent.operator === 'delete'
        ? { kind: 'reset', node, assignment: null }
        : { kind: 'read', node, method: null };
    case AST_NODE_TYPES.IfStatement:
    case AST_NODE_TYPES.ConditionalExpression:
    case AST_NODE_TYPES.WhileStatement:
      return parent.test === node ? { kind: 'read', node, method: null } : { kind: 'escape', node };
    case AST_NODE_TYPES.BinaryExpression:
      return { kind: 'read', node, method: null };
    case AST_NODE_TYPES.LogicalExpression:
      // `if (!this.cache || …)` reads it; `x = this.cache ?? other` hands it on.
      return isInTestPosition(parent) ? { kind: 'read', node, method: null } : { kind: 'escape', node };
    case AST_NODE_TYPES.ExpressionStatement:
    case AST_NODE_TYPES.TSTypeQuery:
      return { kind: 'read', node, method: null };
    default:
      return { kind: 'escape', node };
  }
}

function isInTestPosition(node: TSESTree.Node): boolean {
  let current = node;
  while (
    current.parent?.type === AST_NODE_TYPES.LogicalExpression ||
    current.parent?.type === AST_NODE_TYPES.UnaryExpression
  ) {
    current = current.parent;
  }
  const parent = current.parent;
  return (
    (parent?.type === AST_NODE_TYPES.IfStatement && parent.test === current) ||
    (parent?.type === AST_NODE_TYPES.ConditionalExpression && parent.test === current) ||
    (parent?.type === AST_NODE_TYPES.WhileStatement && parent.test === current) ||
    parent?.type === AST_NODE_TYPES.ExpressionStatement
  );
}
