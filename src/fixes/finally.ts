/**
 * The fix that moves a release into `finally`: the statements after the
 * acquire go into `try`, the release leaves its old place(s) and runs in
 * `finally`. Built from the same nodes the report names, so the report and
 * the fix agree on the region and the release. Returns null whenever the
 * result could not be the same program on the paths it must not change.
 */
import {
  AST_NODE_TYPES,
  type ParserServicesWithTypeInformation,
  type TSESLint,
  type TSESTree,
} from '@typescript-eslint/utils';
import ts from 'typescript';
import { TOOL_DIRECTIVE } from '../analysis/vocabulary.js';
import { contains, enclosingFunction, isFunctionNode, isLoop, jumpsFrom, skipWrappers, walk } from '../analysis/ast.js';
import { eolOf, indentStep, lineIndent, type Edit } from './layout.js';

/**
 * - `throwOnly`: the release already runs on every normal path, from the same
 *   block as the acquire; only throws skip it. Nothing else changes: a `--fix`.
 * - `moveBranch`: the release sits in a branch; moving it changes normal
 *   paths too, so it is offered as a suggestion.
 */
export type FinallyFixMode = 'throwOnly' | 'moveBranch';

type StatementList = TSESTree.BlockStatement | TSESTree.Program;

/**
 * `withAcquire`: the acquire's own statement goes into the `try` too (an acquire made in a promise
 * executor, whose awaited promise throws in that statement). The caller vouches that the release is
 * harmless when the acquire has not happened yet.
 */
export function buildFinallyFix(
  context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>,
  services: ParserServicesWithTypeInformation,
  acquire: TSESTree.Node,
  releases: readonly TSESTree.Node[],
  mode: FinallyFixMode,
  withAcquire = false,
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
  const from = withAcquire ? index : index + 1;
  if (mode === 'throwOnly') {
    if (statements.length !== 1) return null;
    const at = list.body.indexOf(firstRelease);
    if (at <= from) return null;
    region = list.body.slice(from, at);
    end = firstRelease.range[1];
  } else {
    region = list.body.slice(from);
    const last = region.at(-1);
    if (!last) return null;
    end = last.range[1];
    if (!statements.every((statement) => region.some((s) => contains(s, statement)))) return null;
  }
  if (region.length === 0) return null;
  // A jump in the acquire's own statement (`if (count++ > max) return;`) leaves after the acquire
  // and before the `try`: the `finally` would not cover that path.
  if (!withAcquire && jumpsFrom(acquireStatement, fn)) return null;
  // A release inside a loop of the region runs once per pass; in `finally` it would run once.
  if (statements.some((statement) => inLoopWithin(statement, region, list))) return null;
  const first = region[0];
  const last = region.at(-1);
  if (!first || !last) return null;
  // Statements that cannot stand inside `try`, or whose meaning would change there.
  if (region.some((statement) => !movableIntoTry(statement))) return null;
  // A name declared in the region and used after it would be hidden inside `try`: it is declared
  // before the `try` and assigned inside it. A use before the region (hoisting, closures) cannot move.
  const hoists: Hoist[] = [];
  for (const statement of region) {
    const use = usedOutside(statement, [first.range[0], last.range[1]], sourceCode);
    if (use === 'before') return null;
    if (use === 'after') {
      const hoist = hoistOf(statement, sourceCode, services);
      if (!hoist) return null;
      hoists.push(hoist);
    }
  }
  if (region.some((statement) => containsMultilineToken(statement))) return null;
  // Comments on the release: a directive (`// @ts-expect-error`, `// eslint-disable-next-line`) would be
  // stranded; a plain comment goes with the release when its branch goes as a whole (it says why the
  // release is there), and would be stranded otherwise.
  const comments = statements.map((statement) => sourceCode.getCommentsBefore(statement));
  if (comments.flat().some((comment) => TOOL_DIRECTIVE.test(comment.value))) return null;
  const branches = statements.map((statement) =>
    mode === 'moveBranch' ? emptiedBranch(statement, sourceCode, comments[statements.indexOf(statement)] ?? []) : null,
  );
  if (statements.some((_, i) => (comments[i] ?? []).length > 0 && !branches[i])) return null;
  // Only one release's comments can go into `finally` without repeating or losing one.
  const commented = comments.filter((list) => list.length > 0);
  if (commented.length > 1) return null;
  if (mode === 'throwOnly' && region.some((statement) => yieldsOrJumpsOut(statement, fn, region))) return null;
  // Without `await`, a promise returned from inside `try` settles after `finally` has run.
  if (mode === 'moveBranch' && !fn?.async && region.some((statement) => returnsThenable(statement, fn, services))) {
    return null;
  }

  // Edits inside the region: take out the releases, await returned promises, assign hoisted names.
  const edits: Edit[] = hoists.map((hoist) => hoist.edit);
  if (mode === 'moveBranch') {
    statements.forEach((statement, i) => {
      const branch = branches[i];
      edits.push(branch ? removal(branch, text) : removal(statement, text));
    });
    if (fn?.async) {
      for (const statement of region) collectReturnAwaits(statement, fn, services, edits);
    }
  }
  const indent = lineIndent(text, acquireStatement.range[0]);
  const unit = indentStep(indent);
  const eol = eolOf(text);
  const carried = (commented[0] ?? []).map((comment) => sourceCode.getText(comment));
  const releaseText = [...carried, sourceCode.getText(firstRelease)].join(`${eol}${indent}${unit}`);

  // The region is one try/catch: give it the finally instead of nesting it in another try.
  const only = region.length === 1 && !withAcquire ? region[0] : undefined;
  if (only?.type === AST_NODE_TYPES.TryStatement && !only.finalizer && only.handler) {
    const handlerEnd = only.handler.range[1];
    const tryIndent = lineIndent(text, only.range[0]);
    const inner = applyEdits(text.slice(only.range[0], handlerEnd), edits, only.range[0]);
    const extended = `${inner} finally {${eol}${tryIndent}${unit}${releaseText}${eol}${tryIndent}}`;
    if (mode === 'throwOnly') {
      // Only whitespace may stand between the try/catch and the release: nothing is lost.
      if (text.slice(only.range[1], firstRelease.range[0]).trim() !== '') return null;
      return (fixer) => fixer.replaceTextRange([only.range[0], firstRelease.range[1]], extended);
    }
    return (fixer) => fixer.replaceTextRange([only.range[0], only.range[1]], extended);
  }

  // With the acquire's statement, the region starts at the end of the line before it.
  const regionStart = withAcquire ? lineBreakBefore(text, acquireStatement) : acquireStatement.range[1];
  if (regionStart === null) return null;
  const regionEnd = mode === 'throwOnly' ? firstRelease.range[0] : end;
  let body = applyEdits(text.slice(regionStart, regionEnd), edits, regionStart).replace(/\s+$/, '');
  body = body.replace(/\n(?=[^\r\n])/g, `\n${unit}`);
  const declarations = hoists.map((hoist) => `${eol}${indent}${hoist.declaration}`).join('');
  const replacement = `${declarations}${eol}${indent}try {${body}${eol}${indent}} finally {${eol}${indent}${unit}${releaseText}${eol}${indent}}`;
  return (fixer) => fixer.replaceTextRange([regionStart, end], replacement);
}

/**
 * The release already sits in a `try` that starts after the acquire: in its
 * `finally` (the statements in between are what a throw escapes through), or
 * as the last statement of its block (it needs a `finally`). The statements
 * between the acquire and the `try` move into the `try` block, and a release
 * in the block moves into a new `finally`.
 *
 * Normal paths stay as they were: the moved statements reach the `try` as
 * before, and the release was the block's last step. Throws change: the
 * release now runs on them, and the moved statements' throws reach the
 * `try`'s `catch`, if it has one. `catchToo` allows that (a suggestion);
 * without it, a `try` with a `catch` gets no `--fix` when statements move.
 */
export function extendTryFix(
  context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>,
  services: ParserServicesWithTypeInformation,
  acquire: TSESTree.Node,
  release: TSESTree.Node,
  catchToo: boolean,
): TSESLint.ReportFixFunction | null {
  const { sourceCode } = context;
  const text = sourceCode.text;
  const acquireStatement = statementInList(acquire);
  const releaseAt = releaseStatement(release);
  if (!acquireStatement || !releaseAt) return null;
  const list = acquireStatement.parent as StatementList;
  const index = list.body.indexOf(acquireStatement);
  const fn = enclosingFunction(acquire);
  const tryStatement = list.body.find((statement) => contains(statement, releaseAt));
  if (tryStatement?.type !== AST_NODE_TYPES.TryStatement || list.body.indexOf(tryStatement) <= index) return null;
  if (enclosingFunction(releaseAt) !== fn || jumpsFrom(acquireStatement, fn)) return null;
  const { block, handler, finalizer } = tryStatement;
  const inFinally = finalizer !== null && contains(finalizer, releaseAt);
  const lastOfBlock = releaseAt.parent === block && block.body.at(-1) === releaseAt && !finalizer;
  if (!inFinally && !lastOfBlock) return null;
  const moved = list.body.slice(index + 1, list.body.indexOf(tryStatement));
  if (inFinally && moved.length === 0) return null;
  if (handler && moved.length > 0 && !catchToo) return null;
  if (moved.some((statement) => !movableIntoTry(statement) || containsMultilineToken(statement))) return null;
  // A return, yield or jump out of the moved statements, or out of a block that now gets a `finally`,
  // would now pass the release: a path that does not throw would change.
  const jumps = (statements: readonly TSESTree.Statement[]): boolean =>
    statements.some((statement) => yieldsOrJumpsOut(statement, fn, statements) || returnsFrom(statement, fn));
  if (jumps(moved) || (lastOfBlock && jumps(block.body))) return null;
  // A name the moved statements declare stays visible to the block, and one used after the `try` is
  // hoisted. The `catch` and `finally` would read a hoisted name unassigned on the throws that now reach
  // them: refused.
  const hoists: Hoist[] = [];
  const first = moved[0];
  for (const statement of moved) {
    if (referencedIn(statement, [block.range[1], tryStatement.range[1]], sourceCode)) return null;
    const use = usedOutside(statement, [first?.range[0] ?? 0, block.range[1]], sourceCode);
    if (use === 'before') return null;
    if (use === 'after') {
      const hoist = hoistOf(statement, sourceCode, services);
      if (!hoist) return null;
      hoists.push(hoist);
    }
  }
  const comments = sourceCode.getCommentsBefore(releaseAt);
  if (lastOfBlock && comments.length > 0) return null;

  const indent = lineIndent(text, acquireStatement.range[0]);
  const unit = indentStep(indent);
  const eol = eolOf(text);
  const movedText = applyEdits(
    text.slice(acquireStatement.range[1], tryStatement.range[0]),
    hoists.map((hoist) => hoist.edit),
    acquireStatement.range[1],
  )
    .replace(/\s+$/, '')
    .replace(/\n(?=[^\r\n])/g, `\n${unit}`);
  const blockStart = block.range[0] + 1;
  const inner = lastOfBlock
    ? applyEdits(text.slice(blockStart, block.range[1]), [removal(releaseAt, text)], blockStart)
    : text.slice(blockStart, block.range[1]);
  const tryIndent = lineIndent(text, tryStatement.range[0]);
  const rest = text.slice(block.range[1], tryStatement.range[1]);
  const added = lastOfBlock
    ? ` finally {${eol}${tryIndent}${unit}${sourceCode.getText(releaseAt)}${eol}${tryIndent}}`
    : '';
  const declarations = hoists.map((hoist) => `${eol}${indent}${hoist.declaration}`).join('');
  const replacement = `${declarations}${eol}${indent}try {${movedText}${inner}${rest}${added}`;
  return (fixer) => fixer.replaceTextRange([acquireStatement.range[1], tryStatement.range[1]], replacement);
}

/** Is a name that `statement` declares referenced in `[start, end]`? */
function referencedIn(
  statement: TSESTree.Statement,
  [start, end]: readonly [number, number],
  sourceCode: Readonly<TSESLint.SourceCode>,
): boolean {
  return sourceCode
    .getDeclaredVariables(statement)
    .some((variable) =>
      variable.references.some((ref) => ref.identifier.range[0] >= start && ref.identifier.range[1] <= end),
    );
}

/** A `return` of `fn` in `statement`. */
function returnsFrom(statement: TSESTree.Statement, fn: TSESTree.Node | null): boolean {
  let found = false;
  walk(
    statement,
    (child) => {
      if (child.type === AST_NODE_TYPES.ReturnStatement && enclosingFunction(child) === fn) found = true;
    },
    { intoFunctions: false },
  );
  return found;
}

/** Where the line break before `statement` starts, when only whitespace stands between them. */
function lineBreakBefore(text: string, statement: TSESTree.Statement): number | null {
  const newline = text.lastIndexOf('\n', statement.range[0] - 1);
  if (newline < 0 || text.slice(newline + 1, statement.range[0]).trim() !== '') return null;
  return text[newline - 1] === '\r' ? newline - 1 : newline;
}

/**
 * Is `node` inside a loop that is itself inside one of the region's statements (or is one)?
 * A loop around the acquire's `list` holds the whole `try`, release and all.
 */
function inLoopWithin(node: TSESTree.Node, region: readonly TSESTree.Statement[], list: StatementList): boolean {
  for (let p: TSESTree.Node | undefined = node; p && p !== list; p = p.parent) {
    if (isFunctionNode(p)) return false;
    if (isLoop(p)) return true;
    if (region.includes(p as TSESTree.Statement)) return false;
  }
  return false;
}

/** The statement around `node` that sits directly in a block or the program body. */
export function statementInList(node: TSESTree.Node): TSESTree.Statement | null {
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
export function releaseStatement(release: TSESTree.Node): TSESTree.ExpressionStatement | null {
  let node: TSESTree.Node = release;
  if (node.parent?.type === AST_NODE_TYPES.AwaitExpression) node = node.parent;
  const parent = node.parent;
  return parent?.type === AST_NODE_TYPES.ExpressionStatement && skipWrappers(parent.expression) === node
    ? parent
    : null;
}

/**
 * A statement that may move into a block: not an import or export, not a
 * `declare` or namespace statement, and not a `using` declaration (whose
 * disposal would move to the end of the new `try`).
 */
export function movableIntoTry(statement: TSESTree.Statement): boolean {
  switch (statement.type) {
    case AST_NODE_TYPES.ImportDeclaration:
    case AST_NODE_TYPES.ExportNamedDeclaration:
    case AST_NODE_TYPES.ExportDefaultDeclaration:
    case AST_NODE_TYPES.ExportAllDeclaration:
    case AST_NODE_TYPES.TSImportEqualsDeclaration:
    case AST_NODE_TYPES.TSExportAssignment:
    case AST_NODE_TYPES.TSNamespaceExportDeclaration:
    case AST_NODE_TYPES.TSModuleDeclaration:
      return false;
    case AST_NODE_TYPES.VariableDeclaration:
      return !statement.declare && statement.kind !== 'using' && statement.kind !== 'await using';
    default:
      return !('declare' in statement && statement.declare);
  }
}

/**
 * Does the statement declare a block-scoped name (a `let`, `const`, class,
 * function, type, interface or enum) that is referenced outside `[start, end]`,
 * before the region (hoisting, closures) or only after it?
 */
export function usedOutside(
  statement: TSESTree.Statement,
  [start, end]: readonly [number, number],
  sourceCode: Readonly<TSESLint.SourceCode>,
): 'before' | 'after' | null {
  if (statement.type === AST_NODE_TYPES.VariableDeclaration && statement.kind === 'var') return null;
  let after = false;
  for (const variable of sourceCode.getDeclaredVariables(statement)) {
    for (const ref of variable.references) {
      if (ref.identifier.range[0] < start) return 'before';
      if (ref.identifier.range[1] > end) after = true;
    }
  }
  return after ? 'after' : null;
}

/** A declaration moved out of the region: `declaration` goes before `try`, `edit` turns the statement into assignments. */
interface Hoist {
  declaration: string;
  edit: Edit;
}

/**
 * `const x = init;` used after the region becomes `let x;` before the `try` and
 * `x = init;` inside it. The declaration keeps the name's written type; without
 * one, TypeScript types the `let` from its assignment (an "auto-typed" `let`),
 * which it does only when every use is in the declaring function (a closure
 * would see `any`) and the initializer's type is not a literal type that the
 * assignment would widen. Null when the statement cannot move that way.
 */
function hoistOf(
  statement: TSESTree.Statement,
  sourceCode: Readonly<TSESLint.SourceCode>,
  services: ParserServicesWithTypeInformation,
): Hoist | null {
  if (statement.type !== AST_NODE_TYPES.VariableDeclaration) return null;
  if (statement.kind !== 'let' && statement.kind !== 'const') return null;
  if (sourceCode.getCommentsInside(statement).length > 0) return null;
  const checker = services.program.getTypeChecker();
  const names: string[] = [];
  const assignments: string[] = [];
  for (const declarator of statement.declarations) {
    const { id, init } = declarator;
    const annotation = id.typeAnnotation;
    const variables = sourceCode.getDeclaredVariables(declarator);
    if (variables.length === 0) return null;
    if (id.type === AST_NODE_TYPES.Identifier) {
      if (annotation) {
        names.push(`${id.name}${sourceCode.getText(annotation)}`);
      } else {
        if (!autoTyped(variables, services, checker)) return null;
        names.push(id.name);
      }
      if (init) assignments.push(`${id.name} = ${sourceCode.getText(init)}`);
      continue;
    }
    // `const { a, b } = init;` (or `[a, b]`): `let a, b;` and `({ a, b } = init);`. Each name is auto-typed.
    if (!init || !autoTyped(variables, services, checker)) return null;
    // Names destructured together from a union narrow each other as `const`s (`if (ok) value…`), not as `let`s.
    if (checker.getTypeAtLocation(services.esTreeNodeToTSNodeMap.get(init)).isUnion()) return null;
    const pattern = sourceCode.text.slice(id.range[0], annotation ? annotation.range[0] : id.range[1]).trimEnd();
    names.push(...variables.map((variable) => variable.name));
    assignments.push(`(${pattern} = ${sourceCode.getText(init)})`);
  }
  const declaration = `let ${names.join(', ')};`;
  if (assignments.length === 0) {
    return { declaration, edit: { start: statement.range[0], end: statement.range[1], text: '' } };
  }
  const text = assignments.length === 1 ? `${assignments[0] ?? ''};` : `${assignments.join(', ')};`;
  return { declaration, edit: { start: statement.range[0], end: statement.range[1], text } };
}

/** May `let name;` stand for these variables' `const` declarations without losing their types? */
function autoTyped(
  variables: readonly TSESLint.Scope.Variable[],
  services: ParserServicesWithTypeInformation,
  checker: ts.TypeChecker,
): boolean {
  return variables.every((variable) => {
    const home = variable.scope.variableScope;
    if (!variable.references.every((ref) => ref.from.variableScope === home)) return false;
    const [definition] = variable.defs;
    if (!definition) return false;
    const type = checker.getTypeAtLocation(services.esTreeNodeToTSNodeMap.get(definition.name));
    // A `const` condition narrows what it tested where it is read (`const isText = typeof x ===
    // 'string'; if (isText) x.length`); a `let` does not.
    return !hasLiteralType(type) && !hasBooleanPart(type);
  });
}

function hasBooleanPart(type: ts.Type): boolean {
  const parts = type.isUnion() ? type.types : [type];
  return parts.some((part) => (part.flags & (ts.TypeFlags.BooleanLike | ts.TypeFlags.BooleanLiteral)) !== 0);
}

/** A literal type (or a union with one), which an auto-typed `let` would widen to its base type. */
function hasLiteralType(type: ts.Type): boolean {
  const parts = type.isUnion() ? type.types : [type];
  // `boolean` is `true | false`: only one of the two is a literal the assignment would widen.
  const booleans = parts.filter((part) => (part.flags & ts.TypeFlags.BooleanLiteral) !== 0).length;
  return booleans === 1 || parts.some((part) => part.isLiteral() || (part.flags & ts.TypeFlags.EnumLiteral) !== 0);
}

/** A string, template or JSX text over several lines: re-indenting would change its value. */
export function containsMultilineToken(node: TSESTree.Node): boolean {
  let found = false;
  walk(node, (child) => {
    if (
      (child.type === AST_NODE_TYPES.TemplateLiteral ||
        child.type === AST_NODE_TYPES.Literal ||
        child.type === AST_NODE_TYPES.JSXText) &&
      child.loc.start.line !== child.loc.end.line
    ) {
      found = true;
    }
  });
  return found;
}

/**
 * A `yield` of the function (a consumer's `.return()` there would now run the
 * release), or a `break`/`continue` whose target is outside the region (it
 * would now pass the release): either changes a path that does not throw.
 */
function yieldsOrJumpsOut(
  statement: TSESTree.Statement,
  fn: TSESTree.Node | null,
  region: readonly TSESTree.Statement[],
): boolean {
  let found = false;
  walk(statement, (child) => {
    if (found) return;
    if (child.type === AST_NODE_TYPES.YieldExpression && enclosingFunction(child) === fn) found = true;
    if (child.type === AST_NODE_TYPES.BreakStatement || child.type === AST_NODE_TYPES.ContinueStatement) {
      if (!targetInside(child, region)) found = true;
    }
  });
  return found;
}

function targetInside(
  jump: TSESTree.BreakStatement | TSESTree.ContinueStatement,
  region: readonly TSESTree.Statement[],
): boolean {
  for (let p: TSESTree.Node | undefined = jump.parent; p; p = p.parent) {
    if (isFunctionNode(p)) return true;
    if (jump.label) {
      if (p.type === AST_NODE_TYPES.LabeledStatement && p.label.name === jump.label.name) return true;
    } else if (
      isLoop(p) ||
      (p.type === AST_NODE_TYPES.SwitchStatement && jump.type === AST_NODE_TYPES.BreakStatement)
    ) {
      return true;
    }
    if (region.includes(p as TSESTree.Statement)) return false;
  }
  return false;
}

export function returnsThenable(
  statement: TSESTree.Node,
  fn: TSESTree.Node | null,
  services: ParserServicesWithTypeInformation,
): boolean {
  let found = false;
  walk(statement, (child) => {
    if (child.type === AST_NODE_TYPES.ReturnStatement && child.argument && enclosingFunction(child) === fn) {
      if (isThenable(child.argument, services)) found = true;
    }
  });
  return found;
}

export function isThenable(node: TSESTree.Node, services: ParserServicesWithTypeInformation): boolean {
  const type = services.getTypeAtLocation(node);
  const checker = services.program.getTypeChecker();
  const parts = type.isUnion() ? type.types : [type];
  return parts.some((part) => {
    const then = checker.getPropertyOfType(checker.getApparentType(part), 'then');
    return then !== undefined && checker.getTypeOfSymbol(then).getCallSignatures().length > 0;
  });
}

/** In an async function, `return promise` inside `try` would run `finally` before it settles. */
export function collectReturnAwaits(
  node: TSESTree.Node,
  fn: TSESTree.Node,
  services: ParserServicesWithTypeInformation,
  edits: Edit[],
): void {
  walk(node, (child) => {
    if (child.type !== AST_NODE_TYPES.ReturnStatement || !child.argument) return;
    if (enclosingFunction(child) !== fn) return;
    const argument = child.argument;
    if (argument.type === AST_NODE_TYPES.AwaitExpression || !isThenable(argument, services)) return;
    const needsParens = argument.type === AST_NODE_TYPES.SequenceExpression;
    edits.push({ start: argument.range[0], end: argument.range[0], text: needsParens ? 'await (' : 'await ' });
    if (needsParens) edits.push({ start: argument.range[1], end: argument.range[1], text: ')' });
  });
}

/** Removes a statement; a lone statement on its line goes with its line. */
/**
 * The `if` around `release` when the release is all it does and nothing is lost
 * by dropping it: no `else`, no comments but the release's own (`carried`, which go
 * with it), a condition without side effects,
 * and no name that only the condition reads (which would leave it unused).
 */
function emptiedBranch(
  release: TSESTree.ExpressionStatement,
  sourceCode: Readonly<TSESLint.SourceCode>,
  carried: readonly TSESTree.Comment[],
): TSESTree.IfStatement | null {
  const block = release.parent;
  const branch =
    block.type === AST_NODE_TYPES.BlockStatement && block.body.length === 1
      ? block.parent
      : block === release.parent
        ? block
        : null;
  if (branch?.type !== AST_NODE_TYPES.IfStatement || branch.alternate) return null;
  if (branch.consequent !== release && branch.consequent !== block) return null;
  const list = branch.parent.type;
  if (list !== AST_NODE_TYPES.BlockStatement && list !== AST_NODE_TYPES.Program && list !== AST_NODE_TYPES.SwitchCase)
    return null;
  if (sourceCode.getCommentsInside(branch).some((comment) => !carried.includes(comment)) || !isPure(branch.test)) {
    return null;
  }
  const [start, end] = branch.test.range;
  const readOnlyHere: string[] = [];
  walk(branch.test, (node, parent) => {
    if (node.type !== AST_NODE_TYPES.Identifier) return;
    if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.property === node && !parent.computed) return;
    let scope: TSESLint.Scope.Scope | null = sourceCode.getScope(node);
    for (; scope; scope = scope.upper) {
      const variable = scope.set.get(node.name);
      if (!variable) continue;
      if (
        !variable.references.some(
          (ref) => ref.isRead() && (ref.identifier.range[0] < start || ref.identifier.range[1] > end),
        )
      ) {
        readOnlyHere.push(node.name);
      }
      return;
    }
  });
  return readOnlyHere.length === 0 ? branch : null;
}

/** An expression that only reads: evaluating it or not changes nothing. */
function isPure(node: TSESTree.Node): boolean {
  switch (node.type) {
    case AST_NODE_TYPES.Identifier:
    case AST_NODE_TYPES.Literal:
    case AST_NODE_TYPES.ThisExpression:
      return true;
    case AST_NODE_TYPES.MemberExpression:
      return isPure(node.object) && (!node.computed || isPure(node.property));
    case AST_NODE_TYPES.ChainExpression:
    case AST_NODE_TYPES.TSNonNullExpression:
    case AST_NODE_TYPES.TSAsExpression:
      return isPure(node.expression);
    case AST_NODE_TYPES.UnaryExpression:
      return node.operator !== 'delete' && isPure(node.argument);
    case AST_NODE_TYPES.BinaryExpression:
    case AST_NODE_TYPES.LogicalExpression:
      return isPure(node.left) && isPure(node.right);
    case AST_NODE_TYPES.ConditionalExpression:
      return isPure(node.test) && isPure(node.consequent) && isPure(node.alternate);
    case AST_NODE_TYPES.TemplateLiteral:
      return node.expressions.every(isPure);
    default:
      return false;
  }
}

export function removal(statement: TSESTree.Statement, text: string): Edit {
  const parent = statement.parent;
  if (
    parent.type !== AST_NODE_TYPES.BlockStatement &&
    parent.type !== AST_NODE_TYPES.Program &&
    parent.type !== AST_NODE_TYPES.SwitchCase
  ) {
    return { start: statement.range[0], end: statement.range[1], text: '{}' };
  }
  const lineStart = text.lastIndexOf('\n', statement.range[0] - 1) + 1;
  const before = text.slice(lineStart, statement.range[0]);
  const lineEnd = text.indexOf('\n', statement.range[1]);
  const after = text.slice(statement.range[1], lineEnd === -1 ? text.length : lineEnd);
  if (/^\s*$/.test(before) && /^\s*$/.test(after)) {
    return { start: lineStart - 1, end: lineEnd === -1 ? text.length : lineEnd, text: '' };
  }
  // A comment after the statement keeps its line and indentation.
  const trailing = /^\s*(?=\/[/*])/.exec(after);
  if (/^\s*$/.test(before) && trailing) {
    return { start: statement.range[0], end: statement.range[1] + trailing[0].length, text: '' };
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
