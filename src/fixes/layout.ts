/**
 * The text layout every fix builder keeps: the file's line endings, its
 * indentation and its step, and whether the file is JavaScript (no type
 * annotations in what a fix writes).
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

/** A replacement of `[start, end)` of the file's text. */
export interface Edit {
  start: number;
  end: number;
  text: string;
}

/** The file's line ending: CRLF when it has one, LF otherwise. */
export function eolOf(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

/** One level of indentation, in the style of `indent`: a tab, or two spaces. */
export function indentStep(indent: string): string {
  return indent.includes('\t') ? '\t' : '  ';
}

/** The leading whitespace of the line holding `offset`, up to `offset`. */
export function lineIndent(text: string, offset: number): string {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*/.exec(text.slice(lineStart, offset))?.[0] ?? '';
}

/** The whitespace before `node` on its line, or null when code precedes it there. */
export function indentBefore(
  sourceCode: Readonly<TSESLint.SourceCode>,
  node: Pick<TSESTree.Node, 'loc'> | TSESTree.Token,
): string | null {
  const line = sourceCode.lines[node.loc.start.line - 1] ?? '';
  const before = line.slice(0, node.loc.start.column);
  return /^\s*$/.test(before) ? before : null;
}

/** The leading whitespace of the line `node` starts on. */
export function indentOfLine(
  sourceCode: Readonly<TSESLint.SourceCode>,
  node: Pick<TSESTree.Node, 'loc'> | TSESTree.Comment,
): string {
  return /^\s*/.exec(sourceCode.lines[node.loc.start.line - 1] ?? '')?.[0] ?? '';
}

/** A JavaScript file (`.js`, `.cjs`, `.mjs`, `.jsx`): what a fix writes carries no types. */
export function isJavaScriptFile(fileName: string): boolean {
  return /\.[cm]?jsx?$/i.test(fileName);
}
