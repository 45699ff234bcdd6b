/**
 * Suggestions that bound a collection that only grows, built from the growth
 * sites the report names:
 *
 * - a size cap: before each growth of a Map or Set, evict the oldest entry
 *   once it holds a limit's worth (Maps and Sets iterate in insertion
 *   order); before each `push` of an array, drop its first element;
 * - a delete in `finally`: an entry added under a key new to the call (or to
 *   a collection nothing reads) lives only as long as the call;
 * - `delete obj[k]` where a dictionary's key is set to `null` or `undefined`.
 *
 * Each returns null whenever the edit could not be made without repeating an
 * expression that has effects, or where it would not keep the code's meaning
 * beyond what the suggestion's message states.
 */
import { containsMultilineToken, returnsThenable, usedOutside } from './finally.js';
import {
  AST_NODE_TYPES,
  type ParserServicesWithTypeInformation,
  type TSESLint,
  type TSESTree,
} from '@typescript-eslint/utils';
import ts from 'typescript';
import { enclosingFunction, isFunctionNode, memberName, outermostAlias, walk } from '../analysis/ast.js';
import type { CollectionShape, GrowUse, Use } from '../analysis/collection-uses.js';
import { freshKeyVariable } from '../analysis/fresh-entries.js';
import { growingFunction } from '../analysis/growth.js';
import type { Owner } from '../analysis/owners.js';
import { indentBefore, spellsIdentifier } from './layout.js';

/** What the builders below need of the file. */
export interface BoundContext {
  sourceCode: Readonly<TSESLint.SourceCode>;
  services: ParserServicesWithTypeInformation;
}

/** The placeholder limit a size cap starts with; the message asks the user to choose it. */
export const PLACEHOLDER_LIMIT = 1000;

type Fix = TSESLint.ReportFixFunction;

/** A size cap for a Map, a Set or an array, with the name of the limit it declares. */
export interface SizeCap {
  fix: Fix;
  limit: string;
}

/**
 * `if (m.size >= LIMIT && !m.has(k)) { const oldest = m.keys().next(); if (!oldest.done) m.delete(oldest.value); }`
 * before each `m.set(k, v)` / `s.add(k)`, or `if (a.length >= LIMIT) a.shift();` before each
 * `a.push(x)`, with `const LIMIT = 1000;` declared at the top level before the collection's
 * statement. Refused for keys new on every call (an entry someone is waiting to look up would be
 * evicted), for Map values that are functions (a callback would be dropped unseen), for arrays
 * read by position, and wherever an expression would have to be repeated.
 */
export function sizeCapFix(
  ctx: BoundContext,
  owner: Owner,
  shape: CollectionShape,
  declarationNode: TSESTree.Node,
  uses: readonly Use[],
  sites: readonly GrowUse[],
): SizeCap | null {
  if (shape === 'object' || sites.length === 0) return null;
  const { sourceCode, services } = ctx;
  if (shape === 'array' && !arrayReadsKeepMeaning(uses)) return null;
  const anchor = topLevelInsertionPoint(sourceCode, declarationNode);
  if (anchor === null) return null;
  const limit = uniqueName(sourceCode, `${screamingSnake(owner.name)}_LIMIT`);
  const oldest = uniqueName(sourceCode, 'oldest');
  const edits: { statement: TSESTree.ExpressionStatement; text: string }[] = [];
  for (const use of sites) {
    const call = use.site;
    if (call.type !== AST_NODE_TYPES.CallExpression || call.optional) return null;
    const callee = call.callee;
    if (callee.type !== AST_NODE_TYPES.MemberExpression || callee.computed || callee.optional) return null;
    if (!isRepeatable(callee.object)) return null;
    const statement = statementOf(call);
    if (!statement) return null;
    const indent = indentBefore(sourceCode, statement);
    if (indent === null) return null;
    const unit = indentUnit(sourceCode, statement, indent);
    const receiver = sourceCode.getText(callee.object);
    const method = memberName(callee);
    if (shape === 'array') {
      if (method !== 'push' || call.arguments.length !== 1) return null;
      if (call.arguments[0]?.type === AST_NODE_TYPES.SpreadElement) return null;
      edits.push({ statement, text: `if (${receiver}.length >= ${limit}) ${receiver}.shift();\n${indent}` });
      continue;
    }
    if (method !== (shape === 'Map' ? 'set' : 'add')) return null;
    const key = call.arguments[0];
    if (!key || key.type === AST_NODE_TYPES.SpreadElement || !isRepeatable(key)) return null;
    if (freshKeyVariable(ctx, use) !== null) return null;
    const value = call.arguments[1];
    if (shape === 'Map' && value && isCallable(services, value)) return null;
    const lines = [
      `if (${receiver}.size >= ${limit} && !${receiver}.has(${sourceCode.getText(key)})) {`,
      `${indent}${unit}const ${oldest} = ${receiver}.keys().next();`,
      `${indent}${unit}if (!${oldest}.done) ${receiver}.delete(${oldest}.value);`,
      `${indent}}`,
    ];
    edits.push({ statement, text: `${lines.join('\n')}\n${indent}` });
  }
  if (new Set(edits.map((edit) => edit.statement)).size !== edits.length) return null;
  return {
    limit,
    fix: (fixer) => [
      fixer.insertTextBeforeRange(
        [anchor.offset, anchor.offset],
        `${anchor.indent}const ${limit} = ${String(PLACEHOLDER_LIMIT)};\n\n`,
      ),
      ...edits.map((edit) => fixer.insertTextBefore(edit.statement, edit.text)),
    ],
  };
}

/**
 * `m.set(k, v); rest…` → `m.set(k, v); try { rest… } finally { m.delete(k); }`, for the only
 * growth of a Map or Set whose entry is not meant to outlive the call: its key is new to the call
 * (or nothing reads the collection at all, or the value is a promise the call awaits: work in
 * flight), no other function uses the collection, and the key is not handed out. The growth must
 * be a statement of the function's own body, so that `finally` runs when the call ends; `kind`
 * says which of the three reasons holds.
 */
export function deleteInFinallyFix(
  ctx: BoundContext,
  shape: CollectionShape,
  uses: readonly Use[],
  sites: readonly GrowUse[],
): { fix: Fix; kind: 'fresh' | 'unread' | 'inflight'; body: TSESTree.Node } | null {
  if ((shape !== 'Map' && shape !== 'Set') || sites.length !== 1) return null;
  const use = sites[0];
  if (!use) return null;
  const { sourceCode } = ctx;
  const call = use.site;
  if (call.type !== AST_NODE_TYPES.CallExpression || call.optional) return null;
  const callee = call.callee;
  if (callee.type !== AST_NODE_TYPES.MemberExpression || callee.computed || callee.optional) return null;
  if (memberName(callee) !== (shape === 'Map' ? 'set' : 'add')) return null;
  const key = call.arguments[0];
  if (!key || key.type === AST_NODE_TYPES.SpreadElement) return null;
  if (!isRepeatable(key) || !isRepeatable(callee.object)) return null;
  if (!rootNeverReassigned(sourceCode, key) || !rootNeverReassigned(sourceCode, callee.object)) return null;
  const fn = enclosingFunction(call);
  if (!fn || growingFunction(call) !== fn || fn.body.type !== AST_NODE_TYPES.BlockStatement) return null;
  const statement = statementOf(call);
  if (statement?.parent !== fn.body) return null;
  // Every use other than growth and set-up runs in this call (not in a closure that may run
  // later): no other code reads the entry. The key is not handed out either.
  const others = uses.filter((u) => u.kind !== 'grow' && u.kind !== 'reset');
  if (!others.every((u) => growingFunction(u.node) === fn)) return null;
  if (keyLeavesCall(sourceCode, key, fn)) return null;
  const body = fn.body.body;
  const region = body.slice(body.indexOf(statement) + 1);
  const kind =
    freshKeyVariable(ctx, use) !== null
      ? 'fresh'
      : others.length === 0
        ? 'unread'
        : awaitsStoredPromise(ctx, call.arguments[1], region)
          ? 'inflight'
          : null;
  if (!kind) return null;
  const first = region[0];
  const last = region.at(-1);
  if (!first || !last) return null;
  // Declarations that hoist out of the region would become block-scoped inside `try`.
  if (
    region.some(
      (s) =>
        s.type === AST_NODE_TYPES.FunctionDeclaration ||
        s.type === AST_NODE_TYPES.ClassDeclaration ||
        (s.type === AST_NODE_TYPES.VariableDeclaration && s.kind === 'var'),
    )
  ) {
    return null;
  }
  // A name the region declares and a closure before it reads would be out of that closure's sight.
  if (region.some((statement) => usedOutside(statement, [first.range[0], last.range[1]], sourceCode) !== null)) {
    return null;
  }
  // Re-indenting the region must not change a string, template or JSX text over several lines.
  if (region.some((statement) => containsMultilineToken(statement))) return null;
  // A promise returned from inside \`try\` settles after \`finally\` has run: the entry would go first.
  if (region.some((statement) => returnsThenable(statement, fn, ctx.services))) return null;
  const indent = indentBefore(sourceCode, statement);
  if (indent === null) return null;
  const unit = indentUnit(sourceCode, statement, indent);
  const regionText = sourceCode.text
    .slice(first.range[0], last.range[1])
    .split('\n')
    .map((line, i) => (i === 0 || line.trim() === '' ? line : `${unit}${line}`))
    .join('\n');
  const text =
    `try {\n${indent}${unit}${regionText}\n${indent}} finally {\n` +
    `${indent}${unit}${sourceCode.getText(callee.object)}.delete(${sourceCode.getText(key)});\n${indent}}`;
  return { kind, body: fn.body, fix: (fixer) => fixer.replaceTextRange([first.range[0], last.range[1]], text) };
}

/**
 * `obj[k] = null;` / `obj[k] = undefined;` → `delete obj[k];` for a dictionary (an index
 * signature, keys that are not literal types), on every such statement.
 */
export function deleteKeyFix(
  ctx: BoundContext,
  declarationType: ts.Type,
  uses: readonly Use[],
): { fix: Fix; value: string } | null {
  const { services, sourceCode } = ctx;
  const checker = services.program.getTypeChecker();
  if (checker.getIndexInfosOfType(checker.getNonNullableType(declarationType)).length === 0) return null;
  const clears: TSESTree.AssignmentExpression[] = [];
  let value: string | null = null;
  for (const use of uses) {
    if (use.kind !== 'grow') continue;
    const site = use.site;
    if (site.type !== AST_NODE_TYPES.AssignmentExpression || site.operator !== '=') continue;
    const cleared = clearedValue(site.right);
    if (!cleared) continue;
    if (site.parent.type !== AST_NODE_TYPES.ExpressionStatement) return null;
    if (site.left.type !== AST_NODE_TYPES.MemberExpression || !site.left.computed || site.left.optional) return null;
    if (isLiteralKeyType(services.getTypeAtLocation(site.left.property))) return null;
    if (value !== null && value !== cleared) value = 'null` or `undefined';
    else value = cleared;
    clears.push(site);
  }
  if (clears.length === 0 || value === null) return null;
  return {
    value,
    fix: (fixer) => clears.map((site) => fixer.replaceText(site, `delete ${sourceCode.getText(site.left)}`)),
  };
}

function clearedValue(node: TSESTree.Expression): string | null {
  if (node.type === AST_NODE_TYPES.Literal && node.value === null && !('regex' in node)) return 'null';
  if (node.type === AST_NODE_TYPES.Identifier && node.name === 'undefined') return 'undefined';
  if (
    node.type === AST_NODE_TYPES.UnaryExpression &&
    node.operator === 'void' &&
    node.argument.type === AST_NODE_TYPES.Literal
  ) {
    return 'undefined';
  }
  return null;
}

function isLiteralKeyType(type: ts.Type): boolean {
  const parts = type.isUnion() ? type.types : [type];
  return parts.some((part) => part.isLiteral() || (part.flags & ts.TypeFlags.UniqueESSymbol) !== 0);
}

/** Is the value a function (or may it be one)? Evicting it would drop a callback nobody then calls. */
function isCallable(services: ParserServicesWithTypeInformation, node: TSESTree.Node): boolean {
  const checker = services.program.getTypeChecker();
  const type = checker.getNonNullableType(services.getTypeAtLocation(node));
  const parts = type.isUnion() ? type.types : [type];
  return parts.some((part) => part.getCallSignatures().length > 0 || (part.flags & ts.TypeFlags.Any) !== 0);
}

/**
 * Array methods whose result does not depend on which position an element has (a cap shifts
 * every position), or that count from the end (`at(-1)`, `slice(-n)`); callbacks that take no
 * index.
 */
const POSITION_FREE: ReadonlySet<string> = new Set([
  'length',
  'filter',
  'map',
  'some',
  'every',
  'find',
  'findLast',
  'forEach',
  'includes',
  'join',
  'values',
  'reduce',
  'flatMap',
]);

/** Does every use of the array keep its meaning when its oldest elements are dropped? */
function arrayReadsKeepMeaning(uses: readonly Use[]): boolean {
  return uses.every((use) => {
    switch (use.kind) {
      case 'grow':
        return (
          use.site.type === AST_NODE_TYPES.CallExpression &&
          use.site.callee.type === AST_NODE_TYPES.MemberExpression &&
          memberName(use.site.callee) === 'push'
        );
      case 'reset':
      case 'lazyInit':
        return true;
      case 'iterate':
      case 'read':
        return readKeepsMeaning(use.node);
      default:
        return false;
    }
  });
}

function readKeepsMeaning(occurrence: TSESTree.Node): boolean {
  const parent = occurrence.parent;
  if (parent?.type === AST_NODE_TYPES.ForOfStatement) return true;
  if (parent?.type === AST_NODE_TYPES.SpreadElement) return true;
  if (parent?.type !== AST_NODE_TYPES.MemberExpression || parent.object !== occurrence) return false;
  if (parent.computed) return false;
  const name = memberName(parent);
  const call = outermostAlias(parent).parent;
  const isCall = call?.type === AST_NODE_TYPES.CallExpression && call.callee === outermostAlias(parent);
  if (name === 'length') return !isCall;
  if (!isCall || !name) return false;
  const args = call.arguments;
  if (name === 'at' || name === 'slice') {
    const first = args[0];
    return (
      first?.type === AST_NODE_TYPES.UnaryExpression && first.operator === '-' && (name === 'at' || args.length === 1)
    );
  }
  if (!POSITION_FREE.has(name)) return false;
  const callback = args[0];
  if (!callback || !isFunctionNode(callback)) return callback === undefined || name === 'includes' || name === 'join';
  return callback.params.length <= (name === 'reduce' ? 2 : 1);
}

/** Identifiers, `this`, literals and non-computed member chains of those: safe to write twice. */
function isRepeatable(node: TSESTree.Node): boolean {
  switch (node.type) {
    case AST_NODE_TYPES.Identifier:
    case AST_NODE_TYPES.ThisExpression:
      return true;
    case AST_NODE_TYPES.Literal:
      return !('regex' in node && node.regex);
    case AST_NODE_TYPES.MemberExpression:
      return !node.computed && !node.optional && isRepeatable(node.object);
    default:
      return false;
  }
}

/**
 * `map.set(k, pending); … await pending;`: the value is a promise the call itself awaits, so the
 * entry stands for work in flight (a dedupe of concurrent calls), whether or not it is also kept
 * as a memo afterwards; the message says which of the two deleting it ends.
 */
function awaitsStoredPromise(
  ctx: BoundContext,
  value: TSESTree.Node | undefined,
  region: readonly TSESTree.Statement[],
): boolean {
  if (value?.type !== AST_NODE_TYPES.Identifier) return false;
  const type = ctx.services.getTypeAtLocation(value);
  if (!type.getProperty('then')) return false;
  let found = false;
  for (const statement of region) {
    walk(
      statement,
      (node) => {
        if (
          node.type === AST_NODE_TYPES.AwaitExpression &&
          node.argument.type === AST_NODE_TYPES.Identifier &&
          node.argument.name === value.name
        ) {
          found = true;
        }
      },
      { intoFunctions: false },
    );
  }
  return found;
}

/**
 * Is the variable at the root of the key used by a closure that may run after the call, or
 * handed out (returned, stored in an object, array or variable)? Then someone may look the
 * entry up after the call ends.
 */
function keyLeavesCall(sourceCode: Readonly<TSESLint.SourceCode>, key: TSESTree.Node, fn: TSESTree.Node): boolean {
  let root = key;
  while (root.type === AST_NODE_TYPES.MemberExpression) root = root.object;
  if (root.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = findVariable(sourceCode, root);
  if (!variable) return true;
  return variable.references.some((ref) => {
    const id = ref.identifier;
    if (ref.init === true) return false;
    if (growingFunction(id) !== fn) return true;
    let outer: TSESTree.Node = id;
    while (outer.parent.type === AST_NODE_TYPES.MemberExpression && outer.parent.object === outer) outer = outer.parent;
    const parent = outer.parent;
    switch (parent.type) {
      case AST_NODE_TYPES.ReturnStatement:
      case AST_NODE_TYPES.ArrayExpression:
      case AST_NODE_TYPES.VariableDeclarator:
        return true;
      case AST_NODE_TYPES.AssignmentExpression:
        return parent.right === outer;
      case AST_NODE_TYPES.Property:
        return parent.value === outer;
      default:
        return false;
    }
  });
}

function findVariable(
  sourceCode: Readonly<TSESLint.SourceCode>,
  id: TSESTree.Identifier,
): TSESLint.Scope.Variable | null {
  let scope: TSESLint.Scope.Scope | null = sourceCode.getScope(id);
  while (scope) {
    const variable = scope.set.get(id.name);
    if (variable) return variable;
    scope = scope.upper;
  }
  return null;
}

/** The identifier at the root of a member chain is never assigned after its declaration. */
function rootNeverReassigned(sourceCode: Readonly<TSESLint.SourceCode>, node: TSESTree.Node): boolean {
  let root = node;
  while (root.type === AST_NODE_TYPES.MemberExpression) root = root.object;
  if (root.type !== AST_NODE_TYPES.Identifier) return true;
  const variable = findVariable(sourceCode, root);
  return variable !== null && variable.references.every((ref) => !ref.isWrite() || ref.init === true);
}

/** The statement a growth call is, when it is one on its own in a list of statements. */
function statementOf(node: TSESTree.Node): TSESTree.ExpressionStatement | null {
  const statement = node.parent;
  if (statement?.type !== AST_NODE_TYPES.ExpressionStatement) return null;
  const list = statement.parent;
  return list.type === AST_NODE_TYPES.BlockStatement ||
    list.type === AST_NODE_TYPES.Program ||
    list.type === AST_NODE_TYPES.SwitchCase ||
    list.type === AST_NODE_TYPES.StaticBlock
    ? statement
    : null;
}

/** The whitespace before `node` on its line, or null when something else precedes it there. */
type Located = Pick<TSESTree.Node, 'loc' | 'range'>;

/** One level of indentation, as the statement's block shows it. */
function indentUnit(sourceCode: Readonly<TSESLint.SourceCode>, statement: TSESTree.Node, indent: string): string {
  const block = statement.parent;
  if (block && block.type !== AST_NODE_TYPES.Program) {
    const outer = /^\s*/.exec(sourceCode.lines[block.loc.start.line - 1] ?? '')?.[0] ?? '';
    if (indent.startsWith(outer) && indent.length > outer.length) return indent.slice(outer.length);
  }
  return indent.startsWith('\t') ? '\t' : '  ';
}

/**
 * Where a top-level declaration goes: the start of the line of the program-level statement
 * holding `node` (or, for a hoisted function declaration, of the first statement after the
 * imports), above the comments attached to it (those with no blank line in between).
 */
function topLevelInsertionPoint(
  sourceCode: Readonly<TSESLint.SourceCode>,
  node: TSESTree.Node,
): { offset: number; indent: string } | null {
  let statement: TSESTree.Node = node;
  while (statement.parent && statement.parent.type !== AST_NODE_TYPES.Program) statement = statement.parent;
  const program = statement.parent;
  if (program?.type !== AST_NODE_TYPES.Program) return null;
  // A function declaration is hoisted: code above it may call it while the module loads, before a
  // constant declared just above it is initialised. The constant then goes after the imports.
  if (declarationOf(statement)?.type === AST_NODE_TYPES.FunctionDeclaration) {
    const first = program.body.find(
      (s) =>
        s.type !== AST_NODE_TYPES.ImportDeclaration &&
        s.type !== AST_NODE_TYPES.TSImportEqualsDeclaration &&
        !(s.type === AST_NODE_TYPES.ExpressionStatement && s.directive !== undefined),
    );
    if (!first) return null;
    statement = first;
  }
  let start: Located = statement;
  const declared = declarationOf(statement);
  if (declared?.type === AST_NODE_TYPES.ClassDeclaration) {
    for (const decorator of declared.decorators) if (decorator.range[0] < start.range[0]) start = decorator;
  }
  const comments = sourceCode.getCommentsBefore(statement);
  for (let i = comments.length - 1; i >= 0; i--) {
    const comment = comments[i];
    if (!comment || comment.range[0] >= start.range[0]) continue;
    if (start.loc.start.line - comment.loc.end.line > 1) break;
    start = comment;
  }
  const indent = indentBefore(sourceCode, start);
  if (indent === null) return null;
  return { offset: start.range[0] - indent.length, indent };
}

/** The declaration a top-level statement makes, through `export`. */
function declarationOf(statement: TSESTree.Node): TSESTree.Node | null {
  return statement.type === AST_NODE_TYPES.ExportNamedDeclaration ||
    statement.type === AST_NODE_TYPES.ExportDefaultDeclaration
    ? statement.declaration
    : statement;
}

/** `editedLongLink` → `EDITED_LONG_LINK`; `#cache` → `CACHE`. */
function screamingSnake(name: string): string {
  const words = name
    .replace(/^[#_$]+/, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .toUpperCase();
  return /^[A-Z_]/.test(words) ? words : `_${words}`;
}

/** `base`, or `base2`, `base3`, … : the first that no identifier of the file spells. */
function uniqueName(sourceCode: Readonly<TSESLint.SourceCode>, base: string): string {
  for (let n = 1; ; n++) {
    const name = n === 1 ? base : `${base}${String(n)}`;
    if (!spellsIdentifier(sourceCode, name)) return name;
  }
}
