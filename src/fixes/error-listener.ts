/**
 * The fix that adds an `error` listener calling the executor's `reject` after
 * the registration (or `pipe()` call) a report names: `x.once('error', reject);`,
 * `x.addEventListener('error', reject);` or `x.onerror = reject;`, on a line of
 * its own with the statement's indent. Offered only when the receiver is safe
 * to name again and the registration is a statement of its own.
 */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { isPlainReference } from '../analysis/ast.js';
import type { FailingEmitter } from '../analysis/emitters.js';
import type { ListenerSite } from '../analysis/settlers.js';
import { indentOfLine } from './layout.js';

/** `x.once('error', reject);` for a receiver that is safe to name again. */
export function errorListenerCode(
  sourceCode: Readonly<TSESLint.SourceCode>,
  listener: ListenerSite,
  kind: FailingEmitter,
  reject: string | null,
): string | null {
  if (!reject || !isPlainReference(listener.receiver)) return null;
  const receiver = sourceCode.getText(listener.receiver);
  if (listener.form === 'property') return `${receiver}.onerror = ${reject};`;
  if (kind === 'dom') return `${receiver}.addEventListener('error', ${reject});`;
  return `${receiver}.once('error', ${reject});`;
}

/** The expression statement a registration (or its `.on()` chain) makes up, if any. */
export function statementOf(node: TSESTree.Node): TSESTree.ExpressionStatement | null {
  let current: TSESTree.Node = node;
  while (
    current.parent?.type === AST_NODE_TYPES.MemberExpression &&
    current.parent.object === current &&
    current.parent.parent.type === AST_NODE_TYPES.CallExpression &&
    current.parent.parent.callee === current.parent
  ) {
    current = current.parent.parent;
  }
  return current.parent?.type === AST_NODE_TYPES.ExpressionStatement ? current.parent : null;
}

/** Insert `code` (an `error` listener) on a line of its own after the statement `after`, with its indent. */
export function insertAfterStatement(
  sourceCode: Readonly<TSESLint.SourceCode>,
  after: TSESTree.Node,
  code: string,
): TSESLint.ReportFixFunction {
  return (fixer) => fixer.insertTextAfter(after, `\n${indentOfLine(sourceCode, after)}${code}`);
}
