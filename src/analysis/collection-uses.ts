/**
 * What one occurrence of a collection does to it: grows it, shrinks it,
 * resets it, reads it, iterates it, aliases it, or lets it escape to code
 * this file cannot see.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { memberName, outermostAlias } from './ast.js';

export type CollectionShape = 'Map' | 'Set' | 'object' | 'array';

export type UseKind =
  | 'grow' // map.set, set.add, arr.push, obj[k] = v
  | 'shrink' // delete, clear, shift, splice, delete obj[k], arr.length = 0
  | 'reset' // assignment of a new value
  | 'lazyInit' // cache ??= new Map(), or an assignment guarded by a test of the same place
  | 'iterate' // for…of, spread, forEach, keys, size: needs a strong, enumerable collection
  | 'read' // get, has, typeof, truthiness
  | 'alias' // const c = this.cache
  | 'escape'; // passed, returned, stored, exported: other code may shrink it

export interface Use {
  kind: UseKind;
  /** The node standing for the collection at this site (after `!`, `as` wrappers). */
  node: TSESTree.Node;
  /** For `grow`: the call or assignment that adds, and its key expression when there is one. */
  site?: TSESTree.Node;
  key?: TSESTree.Node;
}

const GROW: Record<CollectionShape, ReadonlySet<string>> = {
  Map: new Set(['set']),
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
]);

/** Method names that add to or remove from a collection: the cheap text gate of the rules. */
export function growthMethods(shape: CollectionShape): ReadonlySet<string> {
  return GROW[shape];
}

function isAssignmentTarget(node: TSESTree.Node): boolean {
  const parent = node.parent;
  if (!parent) return false;
  return (
    (parent.type === AST_NODE_TYPES.AssignmentExpression && parent.left === node) ||
    (parent.type === AST_NODE_TYPES.UpdateExpression && parent.argument === node)
  );
}

function classifyMemberUse(
  member: TSESTree.MemberExpression,
  node: TSESTree.Node,
  shape: CollectionShape,
): Use {
  const name = memberName(member);
  const call = member.parent.type === AST_NODE_TYPES.CallExpression && member.parent.callee === member ? member.parent : null;
  if (shape === 'object') {
    const outer = outermostAlias(member);
    if (outer.parent?.type === AST_NODE_TYPES.UnaryExpression && outer.parent.operator === 'delete') {
      return { kind: 'shrink', node };
    }
    if (member.computed && isAssignmentTarget(outer) && (name === null || member.property.type !== AST_NODE_TYPES.Literal)) {
      return { kind: 'grow', node, site: outer.parent, key: member.property };
    }
    return { kind: 'read', node };
  }
  if (name === null) return { kind: 'read', node };
  if (call) {
    if (GROW[shape].has(name)) return { kind: 'grow', node, site: call, key: call.arguments[0] };
    if (SHRINK[shape].has(name)) return { kind: 'shrink', node };
    if (ITERATE.has(name)) return { kind: 'iterate', node };
    return { kind: 'read', node };
  }
  if (shape === 'array' && name === 'length' && isAssignmentTarget(outermostAlias(member))) {
    return { kind: 'shrink', node };
  }
  return { kind: ITERATE.has(name) ? 'iterate' : 'read', node };
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
      return { kind: 'read', node };
    case AST_NODE_TYPES.AssignmentExpression:
      if (parent.left === node) {
        return { kind: parent.operator === '??=' || parent.operator === '||=' ? 'lazyInit' : 'reset', node };
      }
      return { kind: 'escape', node };
    case AST_NODE_TYPES.VariableDeclarator:
      return parent.id.type === AST_NODE_TYPES.Identifier && parent.init === node
        ? { kind: 'alias', node }
        : { kind: 'escape', node };
    case AST_NODE_TYPES.ForOfStatement:
    case AST_NODE_TYPES.ForInStatement:
      return parent.right === node ? { kind: 'iterate', node } : { kind: 'reset', node };
    case AST_NODE_TYPES.SpreadElement:
      return parent.parent.type === AST_NODE_TYPES.ArrayExpression ||
        (parent.parent.type === AST_NODE_TYPES.ObjectExpression && shape === 'object')
        ? { kind: 'iterate', node }
        : { kind: 'escape', node };
    case AST_NODE_TYPES.UnaryExpression:
      return parent.operator === 'delete' ? { kind: 'reset', node } : { kind: 'read', node };
    case AST_NODE_TYPES.IfStatement:
    case AST_NODE_TYPES.ConditionalExpression:
    case AST_NODE_TYPES.WhileStatement:
      return parent.test === node ? { kind: 'read', node } : { kind: 'escape', node };
    case AST_NODE_TYPES.BinaryExpression:
      return { kind: 'read', node };
    case AST_NODE_TYPES.LogicalExpression:
      // `if (!this.cache || …)` reads it; `x = this.cache ?? other` hands it on.
      return isInTestPosition(parent) ? { kind: 'read', node } : { kind: 'escape', node };
    case AST_NODE_TYPES.ExpressionStatement:
    case AST_NODE_TYPES.TSTypeQuery:
      return { kind: 'read', node };
    default:
      return { kind: 'escape', node };
  }
}

function isInTestPosition(node: TSESTree.Node): boolean {
  let current = node;
  while (current.parent?.type === AST_NODE_TYPES.LogicalExpression || current.parent?.type === AST_NODE_TYPES.UnaryExpression) {
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
