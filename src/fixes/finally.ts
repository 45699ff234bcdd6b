/**
 * The fix that moves a release into `finally`: the statements after the
 * acquire go into `try`, the release leaves its old place(s) and runs in
 * `finally`. Built from the same nodes the report names, so the report and
 * the fix agree on the region and the release. Returns null whenever the
 * result could not be the same program on the paths it must not change.
 */
import { AST_NODE_TYPES, type ParserServicesWithTypeInformation, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { enclosingFunction, isFunctionNode, skipWrappers } from '../analysis/ast.js';

/**
 * - `throwOnly`: the release already runs on every normal path, from the same
 *   block as the acquire; only throws skip it. Nothing else changes: a `--fix`.
 * - `moveBranch`: the release sits in a branch; moving it changes normal
 *   paths too, so it is offered as a suggestion.
 */
export type FinallyFixMode = 'throwOnly' | 'moveBranch';

type StatementList = TSESTree.BlockStatement | TSESTree.Program;

interface Edit {
  start: number;
  end: number;
  text: string;
}

export function buildFinallyFix(
  context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>,
  services: ParserServicesWithTypeInformation,
  acquire: TSESTree.Node,
  releases: readonly TSESTree.Node[],
  mode: FinallyFixMode,
): TSESLint.ReportFixFunction | null {
  const { sourceCode } = context;
  const text = sourceCode.text;
  const acquireStatement = statementInList(acquire);
  if (!acquireStatement) return null;
  const list = acquireStatement.parent as StatementList;
  const index = list.body.indexOf(acquireStatement);
  const fn = enclosingFunction(acquire);
  const releaseStatements = releases.map(releaseStatement);
  if (releaseStatements.some((statement) => statement === null)) return null;
  const statements = releaseStatements as TSESTree.ExpressionStatement[];
  const firstRelease = statements[0];
  if (!firstRelease) return null;

  let region: TSESTree.Statement[];
  let end: number;
  if (mode === 'throwOnly') {
    if (statements.length !== 1) return null;
    const at = list.body.indexOf(firstRelease);
    if (at <= index + 1) return null;
    region = list.body.slice(index + 1, at);
    end = firstRelease.range[1];
    const after = list.body.slice(at + 1);
    if (after.some((statement) => referencesAny(statement, topLevelNames(region)))) return null;
  } else {
    region = list.body.slice(index + 1);
    const last = region.at(-1);
    if (!last) return null;
    end = last.range[1];
    if (!statements.every((statement) => region.some((s) => contains(s, statement)))) return null;
  }
  if (region.length === 0) return null;
  const names = topLevelNames(region);
  if (statements.some((statement) => referencesAny(statement, names))) return null;
  if (region.some((statement) => containsMultilineTemplate(statement))) return null;

  // Edits inside the region: take out the releases, await returned promises.
  const edits: Edit[] = [];
  if (mode === 'moveBranch') {
    for (const statement of statements) edits.push(removal(statement, text));
    if (fn?.async) {
      for (const statement of region) collectReturnAwaits(statement, fn, services, edits);
    }
  }
  const indent = lineIndent(text, acquireStatement.range[0]);
  const unit = indent.includes('\t') ? '\t' : '  ';
  const releaseText = sourceCode.getText(firstRelease);

  // The region is one try/catch: give it the finally instead of nesting it in another try.
  const only = region.length === 1 ? region[0] : undefined;
  if (only?.type === AST_NODE_TYPES.TryStatement && !only.finalizer && only.handler) {
    const handlerEnd = only.handler.range[1];
    const tryIndent = lineIndent(text, only.range[0]);
    const inner = applyEdits(text.slice(only.range[0], handlerEnd), edits, only.range[0]);
    const extended = `${inner} finally {\n${tryIndent}${unit}${releaseText}\n${tryIndent}}`;
    if (mode === 'throwOnly') {
      return (fixer) => fixer.replaceTextRange([only.range[0], firstRelease.range[1]], extended);
    }
    return (fixer) => fixer.replaceTextRange([only.range[0], only.range[1]], extended);
  }

  const regionStart = acquireStatement.range[1];
  const regionEnd = mode === 'throwOnly' ? firstRelease.range[0] : end;
  let body = applyEdits(text.slice(regionStart, regionEnd), edits, regionStart).replace(/\s+$/, '');
  body = body.replace(/\n(?=[^\n])/g, `\n${unit}`);
  const replacement = `\n${indent}try {${body}\n${indent}} finally {\n${indent}${unit}${releaseText}\n${indent}}`;
  return (fixer) => fixer.replaceTextRange([regionStart, end], replacement);
}

/** The statement around `node` that sits directly in a block or the program body. */
function statementInList(node: TSESTree.Node): TSESTree.Statement | null {
  let current: TSESTree.Node = node;
  for (let p = node.parent; p; current = p, p = p.parent) {
    if (isFunctionNode(p)) return null;
    if (p.type === AST_NODE_TYPES.BlockStatement || p.type === AST_NODE_TYPES.Program) {
      if (p.type === AST_NODE_TYPES.BlockStatement && p.parent.type === AST_NODE_TYPES.StaticBlock) return null;
      return current as TSESTree.Statement;
    }
  }
  return null;
}

/** `release();` or `await client.release();` standing alone as a statement. */
function releaseStatement(release: TSESTree.Node): TSESTree.ExpressionStatement | null {
  let node: TSESTree.Node = release;
  if (node.parent?.type === AST_NODE_TYPES.AwaitExpression) node = node.parent;
  const parent = node.parent;
  return parent?.type === AST_NODE_TYPES.ExpressionStatement && skipWrappers(parent.expression) === node ? parent : null;
}

/** Names declared at the top level of the region: they would be hidden inside `try`. */
function topLevelNames(region: readonly TSESTree.Statement[]): Set<string> {
  const names = new Set<string>();
  for (const statement of region) {
    if (statement.type === AST_NODE_TYPES.VariableDeclaration && statement.kind !== 'var') {
      for (const declarator of statement.declarations) collectPatternNames(declarator.id, names);
    } else if (statement.type === AST_NODE_TYPES.FunctionDeclaration || statement.type === AST_NODE_TYPES.ClassDeclaration) {
      names.add(statement.id.name);
    }
  }
  return names;
}

function collectPatternNames(pattern: TSESTree.Node, names: Set<string>): void {
  switch (pattern.type) {
    case AST_NODE_TYPES.Identifier:
      names.add(pattern.name);
      return;
    case AST_NODE_TYPES.ObjectPattern:
      for (const property of pattern.properties) {
        collectPatternNames(property.type === AST_NODE_TYPES.Property ? property.value : property.argument, names);
      }
      return;
    case AST_NODE_TYPES.ArrayPattern:
      for (const element of pattern.elements) if (element) collectPatternNames(element, names);
      return;
    case AST_NODE_TYPES.RestElement:
      collectPatternNames(pattern.argument, names);
      return;
    case AST_NODE_TYPES.AssignmentPattern:
      collectPatternNames(pattern.left, names);
      return;
    default:
      return;
  }
}

/** Does `node` mention one of `names` as a variable (not as a property name)? */
function referencesAny(node: TSESTree.Node, names: ReadonlySet<string>): boolean {
  if (names.size === 0) return false;
  let found = false;
  walk(node, (child, parent) => {
    if (found || child.type !== AST_NODE_TYPES.Identifier || !names.has(child.name)) return;
    const isPropertyName =
      (parent?.type === AST_NODE_TYPES.MemberExpression && parent.property === child && !parent.computed) ||
      (parent?.type === AST_NODE_TYPES.Property && parent.key === child && !parent.computed && !parent.shorthand);
    if (!isPropertyName) found = true;
  });
  return found;
}

function containsMultilineTemplate(node: TSESTree.Node): boolean {
  let found = false;
  walk(node, (child) => {
    if (child.type === AST_NODE_TYPES.TemplateLiteral && child.loc.start.line !== child.loc.end.line) found = true;
  });
  return found;
}

/** In an async function, `return promise` inside `try` would run `finally` before it settles. */
function collectReturnAwaits(
  node: TSESTree.Node,
  fn: TSESTree.Node,
  services: ParserServicesWithTypeInformation,
  edits: Edit[],
): void {
  walk(node, (child) => {
    if (child.type !== AST_NODE_TYPES.ReturnStatement || !child.argument) return;
    if (enclosingFunction(child) !== fn) return;
    const argument = child.argument;
    if (argument.type === AST_NODE_TYPES.AwaitExpression) return;
    const type = services.getTypeAtLocation(argument);
    const checker = services.program.getTypeChecker();
    const parts = type.isUnion() ? type.types : [type];
    const thenable = parts.some((part) => {
      const then = checker.getPropertyOfType(checker.getApparentType(part), 'then');
      return then !== undefined && checker.getTypeOfSymbol(then).getCallSignatures().length > 0;
    });
    if (!thenable) return;
    const needsParens = argument.type === AST_NODE_TYPES.SequenceExpression;
    edits.push({ start: argument.range[0], end: argument.range[0], text: needsParens ? 'await (' : 'await ' });
    if (needsParens) edits.push({ start: argument.range[1], end: argument.range[1], text: ')' });
  });
}

/** Removes a statement; a lone statement on its line goes with its line. */
function removal(statement: TSESTree.ExpressionStatement, text: string): Edit {
  const parent = statement.parent;
  if (parent.type !== AST_NODE_TYPES.BlockStatement && parent.type !== AST_NODE_TYPES.Program && parent.type !== AST_NODE_TYPES.SwitchCase) {
    return { start: statement.range[0], end: statement.range[1], text: '{}' };
  }
  const lineStart = text.lastIndexOf('\n', statement.range[0] - 1) + 1;
  const before = text.slice(lineStart, statement.range[0]);
  const lineEnd = text.indexOf('\n', statement.range[1]);
  const after = text.slice(statement.range[1], lineEnd === -1 ? text.length : lineEnd);
  if (/^\s*$/.test(before) && /^\s*$/.test(after)) {
    return { start: lineStart - 1, end: lineEnd === -1 ? text.length : lineEnd, text: '' };
  }
  return { start: statement.range[0], end: statement.range[1], text: '' };
}

function applyEdits(slice: string, edits: readonly Edit[], offset: number): string {
  let result = slice;
  for (const edit of [...edits].sort((a, b) => b.start - a.start)) {
    const start = Math.max(edit.start - offset, 0);
    const end = Math.max(edit.end - offset, start);
    result = result.slice(0, start) + edit.text + result.slice(end);
  }
  return result;
}

function lineIndent(text: string, offset: number): string {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*/.exec(text.slice(lineStart, offset))?.[0] ?? '';
}

function contains(outer: TSESTree.Node, inner: TSESTree.Node): boolean {
  return outer.range[0] <= inner.range[0] && inner.range[1] <= outer.range[1];
}

function walk(root: TSESTree.Node, visit: (node: TSESTree.Node, parent: TSESTree.Node | undefined) => void): void {
  const stack: [TSESTree.Node, TSESTree.Node | undefined][] = [[root, root.parent]];
  while (stack.length > 0) {
    const item = stack.pop();
    if (!item) break;
    const [node, parent] = item;
    visit(node, parent);
    for (const [key, value] of Object.entries(node)) {
      if (key === 'parent') continue;
      if (Array.isArray(value)) {
        for (const child of value as unknown[]) if (isNode(child)) stack.push([child, node]);
      } else if (isNode(value)) {
        stack.push([value, node]);
      }
    }
  }
}

function isNode(value: unknown): value is TSESTree.Node {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}
