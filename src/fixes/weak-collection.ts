/**
 * The suggestion to make a `Map` a `WeakMap` (or a `Set` a `WeakSet`):
 * `new Map()` becomes `new WeakMap()`, and a `Map<K, V>` annotation with it.
 * Offered only where a weak collection serves every use.
 */
import {
  AST_NODE_TYPES,
  type ParserServicesWithTypeInformation,
  type TSESLint,
  type TSESTree,
} from '@typescript-eslint/utils';
import ts from 'typescript';
import { outermostAlias } from '../analysis/ast.js';
import type { CollectionDeclaration } from '../analysis/collections.js';
import type { Use } from '../analysis/collection-uses.js';
import { keyType } from '../analysis/growth.js';
import type { Owner } from '../analysis/owners.js';
import { collectionKeyType, isObjectKeyType } from '../analysis/types.js';
import { WEAK_COLLECTION_METHODS } from '../analysis/vocabulary.js';

/**
 * `new Map()` → `new WeakMap()` (and a `Map<K, V>` annotation with it), when
 * every key is an object, every use is one a weak collection also has, no
 * alias is annotated with the strong type, and no other type constrains it.
 */
export function weakCollectionFix(
  services: ParserServicesWithTypeInformation,
  owner: Owner,
  type: ts.Type,
  shape: 'Map' | 'Set',
  declaration: CollectionDeclaration,
  uses: readonly Use[],
): TSESLint.ReportFixFunction | null {
  const weakCompatible = uses.every(
    (use) =>
      (use.kind === 'grow' && use.key !== undefined && isObjectKeyType(keyType(services, use.key))) ||
      (use.kind === 'read' && use.method !== null && WEAK_COLLECTION_METHODS.has(use.method)) ||
      use.kind === 'lazyInit',
  );
  if (!weakCompatible) return null;
  const declaredKey = collectionKeyType(services.program.getTypeChecker(), type);
  if (declaredKey && !isObjectKeyType(declaredKey)) return null;
  if (owner.kind === 'field' && (owner.classNode.implements.length > 0 || owner.classNode.superClass)) return null;
  if (owner.kind === 'variable' && hasAnnotatedAlias(owner.variable)) return null;
  const init = declaration.init;
  if (
    init?.type !== AST_NODE_TYPES.NewExpression ||
    init.callee.type !== AST_NODE_TYPES.Identifier ||
    init.callee.name !== shape ||
    init.arguments.length > 0
  ) {
    return null;
  }
  // In JavaScript a JSDoc `@type` (on the declaration or as a cast) pins the strong type.
  if (hasJSDocType(services, init)) return null;
  const callee = init.callee;
  const annotation = declaration.annotation;
  let annotationName: TSESTree.Identifier | null = null;
  if (annotation) {
    if (
      annotation.type !== AST_NODE_TYPES.TSTypeReference ||
      annotation.typeName.type !== AST_NODE_TYPES.Identifier ||
      annotation.typeName.name !== shape
    ) {
      return null;
    }
    annotationName = annotation.typeName;
  }
  const weak = shape === 'Map' ? 'WeakMap' : 'WeakSet';
  return (fixer) => {
    const fixes = [fixer.replaceText(callee, weak)];
    if (annotationName) fixes.push(fixer.replaceText(annotationName, weak));
    return fixes;
  };
}

/** `/** @type {Set<T>} *\/ const s = new Set()`, or a JSDoc cast around the `new`. */
function hasJSDocType(services: ParserServicesWithTypeInformation, init: TSESTree.Expression): boolean {
  let node: ts.Node = services.esTreeNodeToTSNodeMap.get(init).parent;
  while (ts.isParenthesizedExpression(node)) {
    if (ts.getJSDocTypeTag(node)) return true;
    node = node.parent;
  }
  return ts.getJSDocType(node) !== undefined;
}

/** `const k: Map<K, V> = known`: the alias's annotation would no longer fit a WeakMap. */
function hasAnnotatedAlias(variable: TSESLint.Scope.Variable): boolean {
  return variable.references.some((ref) => {
    const parent = outermostAlias(ref.identifier).parent;
    return parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.id.typeAnnotation !== undefined;
  });
}
