import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

/** A node's source on one line, cut to 60 characters: for naming code in messages. */
export function brief(sourceCode: Readonly<TSESLint.SourceCode>, node: TSESTree.Node): string {
  const text = sourceCode.getText(node).replace(/\s+/g, ' ');
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}
