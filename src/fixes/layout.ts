/**
 * The text layout every fix builder keeps: the file's line endings, its
 * indentation and its step, and whether the file is JavaScript (no type
 * annotations in what a fix writes).
 */
import { AST_TOKEN_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

/** A replacement of `[start, end)` of the file's text. */
export interface Edit {
  start: number;
  end: number;
  text: string;
}

let lastText: string | null = null;
let lastEol = '\n';

/**
 * The file's line ending: CRLF when it has one, LF otherwise. Every fix of a
 * file asks, so the answer for the last text asked about is kept: searching
 * the whole text once per report would cost the reports times the file.
 */
export function eolOf(text: string): string {
  if (text !== lastText) {
    lastEol = text.includes('\r\n') ? '\r\n' : '\n';
    lastText = text;
  }
  return lastEol;
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

/** Per parse, the names asked of `spellsIdentifier` and their answers, then every identifier token's name. */
interface Spelled {
  answers: Map<string, boolean>;
  all: ReadonlySet<string> | null;
}
const spelledNames = new WeakMap<TSESTree.Program, Spelled>();

/** Names asked by scanning the text before the file's identifier tokens are all read at once. */
const SCANNED_NAMES = 16;

/**
 * Does an identifier token of the file spell `name`? The first few names asked of a parse
 * look up the token only at the places the text holds them (one scan of the text each);
 * past that, the names of all identifier tokens are read once. Either way a lint pays at
 * most a fixed number of passes over the file, however many fixes ask.
 */
export function spellsIdentifier(sourceCode: Readonly<TSESLint.SourceCode>, name: string): boolean {
  let spelled = spelledNames.get(sourceCode.ast);
  if (!spelled) {
    spelled = { answers: new Map(), all: null };
    spelledNames.set(sourceCode.ast, spelled);
  }
  if (spelled.all) return spelled.all.has(name);
  let answer = spelled.answers.get(name);
  if (answer !== undefined) return answer;
  if (spelled.answers.size >= SCANNED_NAMES) {
    spelled.all = new Set(
      sourceCode.ast.tokens.filter((t) => t.type === AST_TOKEN_TYPES.Identifier).map((t) => t.value),
    );
    return spelled.all.has(name);
  }
  answer = false;
  const text = sourceCode.text;
  for (let at = text.indexOf(name); at !== -1 && !answer; at = text.indexOf(name, at + 1)) {
    const token = sourceCode.getTokenByRangeStart(at);
    answer = token?.type === AST_TOKEN_TYPES.Identifier && token.value === name;
  }
  spelled.answers.set(name, answer);
  return answer;
}
