import type { ParserServicesWithTypeInformation, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { calledBuiltin } from './types.js';
import { NON_THROWING_BUILTINS } from './vocabulary.js';

/**
 * Whether a call cannot throw to its caller: it resolves, through the type
 * checker, to a built-in of `NON_THROWING_BUILTINS` declared by TypeScript's
 * default library or Node's types. Anything else, and anything the checker
 * cannot resolve, may throw. Ask it only about candidates: it costs one
 * signature resolution.
 */
export function callCannotThrow(node: TSESTree.Node, services: ParserServicesWithTypeInformation): boolean {
  if (node.type !== AST_NODE_TYPES.CallExpression) return false;
  const name = calledBuiltin(services.program, services.esTreeNodeToTSNodeMap.get(node));
  return name !== undefined && NON_THROWING_BUILTINS.has(name);
}
