/**
 * The `using` fix for a handle whose type is disposable: `const handle = await
 * open(path)` becomes `await using handle = await open(path)`, and the release
 * statements go. The handle's `[Symbol.asyncDispose]()` (or
 * `[Symbol.dispose]()`) then runs when the block ends, on every path.
 *
 * It is a suggestion, never a `--fix`: the dispose method is the type's, which
 * need not do what the removed release did, and disposal moves to the end of
 * the block. Offered only where that move cannot matter: nothing after a
 * release awaits or touches the handle before the block ends.
 */
import {
  AST_NODE_TYPES,
  type ParserServicesWithTypeInformation,
  type TSESLint,
  type TSESTree,
} from '@typescript-eslint/utils';
import ts from 'typescript';
import { enclosingFunction, isFunctionNode, isLoop, memberName, skipWrappers, walk } from '../analysis/ast.js';
import { disposal } from '../analysis/types.js';
import { releaseStatement, removal, returnsThenable, statementInList } from './finally.js';
import { isJavaScriptFile } from './layout.js';

export interface UsingFix {
  fix: TSESLint.ReportFixFunction;
  /** `using` or `await using`. */
  keyword: string;
  handle: string;
}

export function usingFix(
  context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>,
  services: ParserServicesWithTypeInformation,
  acquire: TSESTree.Node,
  releases: readonly TSESTree.Node[],
): UsingFix | null {
  const { sourceCode } = context;
  const { program } = services;
  // TypeScript lowers `using` below ESNext; JavaScript runs as written, on runtimes that may lack it.
  if (isJavaScriptFile(context.filename)) return null;
  if (program.getCompilerOptions().target === ts.ScriptTarget.ESNext) return null;

  const declaration = statementInList(acquire);
  if (declaration?.type !== AST_NODE_TYPES.VariableDeclaration || declaration.kind !== 'const') return null;
  if (declaration.declarations.length !== 1 || declaration.parent.type !== AST_NODE_TYPES.BlockStatement) return null;
  const [declarator] = declaration.declarations;
  if (!declarator?.init || declarator.id.type !== AST_NODE_TYPES.Identifier) return null;
  const init = skipWrappers(declarator.init);
  const call = init.type === AST_NODE_TYPES.AwaitExpression ? skipWrappers(init.argument) : init;
  if (call !== acquire) return null;
  const fn = enclosingFunction(declaration);
  if (!fn) return null;

  const held = disposal(program, services.getTypeAtLocation(declarator.id));
  if (!held) return null;
  const statements = releases.map(releaseStatement);
  if (statements.some((statement) => statement === null) || statements.length === 0) return null;
  const removed = statements as TSESTree.ExpressionStatement[];
  const awaited = removed.some(
    (statement) => skipWrappers(statement.expression).type === AST_NODE_TYPES.AwaitExpression,
  );
  const asynchronous = awaited || !held.sync;
  if (asynchronous && !fn.async) return null;
  const keyword = asynchronous ? 'await using' : 'using';
  if (!globalType(program, asynchronous ? 'AsyncDisposable' : 'Disposable')) return null;

  const [variable] = sourceCode.getDeclaredVariables(declarator);
  if (!variable) return null;
  const block = declaration.parent;
  const releasedBy = new Set(removed.map((statement) => releaseCallee(statement, variable.name)));
  if (releasedBy.has(null)) return null;
  for (const ref of variable.references) {
    if (ref.init) continue;
    const id = ref.identifier;
    if (removed.some((statement) => statement.range[0] <= id.range[0] && id.range[1] <= statement.range[1])) continue;
    // Only used in place: a closure could run after the block disposed of it, and a handle that is
    // returned, stored or passed on as a value must outlive the block.
    if (enclosingFunction(id) !== fn || !usedInPlace(id)) return null;
    // Another call of the release would run on a disposed handle.
    const member = id.parent;
    if (member.type === AST_NODE_TYPES.MemberExpression && releasedBy.has(memberName(member))) return null;
  }
  if (removed.some((statement) => enclosingFunction(statement) !== fn)) return null;
  if (removed.some((statement) => !disposedSoonAfter(statement, block, variable.name))) return null;
  // Disposal runs as the function returns: before a promise it returns has settled.
  const after = block.body.slice(block.body.indexOf(declaration) + 1);
  if (after.some((statement) => returnsThenable(statement, fn, services))) return null;
  if (removed.some((statement) => sourceCode.getCommentsBefore(statement).length > 0)) return null;

  const text = sourceCode.text;
  return {
    keyword,
    handle: variable.name,
    fix: (fixer) => [
      fixer.replaceTextRange([declaration.range[0], declaration.range[0] + 'const'.length], keyword),
      ...removed.map((statement) => {
        const edit = removal(statement, text);
        return fixer.replaceTextRange([edit.start, edit.end], edit.text);
      }),
    ],
  };
}

/** Does the program declare the global type `name` (TypeScript's `esnext.disposable` library, or Node's types)? */
function globalType(program: ts.Program, name: string): boolean {
  const symbol = program.getTypeChecker().resolveName(name, undefined, ts.SymbolFlags.Type, false);
  return symbol !== undefined;
}

/** The method that `statement` calls on `handle` (`handle.close()`, `await handle?.end()`), or null. */
function releaseCallee(statement: TSESTree.ExpressionStatement, handle: string): string | null {
  let expression = skipWrappers(statement.expression);
  if (expression.type === AST_NODE_TYPES.AwaitExpression) expression = skipWrappers(expression.argument);
  if (expression.type !== AST_NODE_TYPES.CallExpression) return null;
  const callee = skipWrappers(expression.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return null;
  const object = skipWrappers(callee.object);
  if (object.type !== AST_NODE_TYPES.Identifier || object.name !== handle) return null;
  return memberName(callee);
}

/** `handle.read(…)`, `handle.fd`, `write(handle, data)`, `if (handle)`: a use that does not keep the handle. */
function usedInPlace(id: TSESTree.Node): boolean {
  let node: TSESTree.Node = id;
  while (
    node.parent?.type === AST_NODE_TYPES.TSNonNullExpression ||
    node.parent?.type === AST_NODE_TYPES.TSAsExpression ||
    node.parent?.type === AST_NODE_TYPES.ChainExpression
  ) {
    node = node.parent;
  }
  const parent = node.parent;
  if (!parent) return false;
  switch (parent.type) {
    case AST_NODE_TYPES.MemberExpression:
      return parent.object === node;
    case AST_NODE_TYPES.CallExpression:
      return parent.arguments.includes(node as TSESTree.CallExpressionArgument);
    case AST_NODE_TYPES.IfStatement:
    case AST_NODE_TYPES.ConditionalExpression:
      return parent.test === node;
    case AST_NODE_TYPES.BinaryExpression:
      return true;
    case AST_NODE_TYPES.LogicalExpression:
      return parent.left === node;
    case AST_NODE_TYPES.UnaryExpression:
      return parent.operator === '!' || parent.operator === 'typeof';
    default:
      return false;
  }
}

/**
 * Once `release` would have run, does the block end soon: does every statement that
 * runs until `block` ends (or a `return`/`throw` leaves it) neither await nor touch
 * the handle? Those statements now run with the handle still open.
 */
function disposedSoonAfter(release: TSESTree.Statement, block: TSESTree.BlockStatement, handle: string): boolean {
  let current: TSESTree.Node = release;
  while (current !== block) {
    const parent: TSESTree.Node | undefined = current.parent;
    if (!parent || isFunctionNode(parent) || isLoop(parent)) return false;
    // A `finally` would run after the release, and the release in a `finally` runs on throws too.
    if (parent.type === AST_NODE_TYPES.TryStatement && parent.finalizer) return false;
    const list =
      parent.type === AST_NODE_TYPES.BlockStatement || parent.type === AST_NODE_TYPES.SwitchCase
        ? parent.type === AST_NODE_TYPES.BlockStatement
          ? parent.body
          : parent.consequent
        : null;
    if (list) {
      for (const statement of list.slice(list.indexOf(current as TSESTree.Statement) + 1)) {
        if (suspendsOrTouches(statement, handle)) return false;
        if (statement.type === AST_NODE_TYPES.ReturnStatement || statement.type === AST_NODE_TYPES.ThrowStatement) {
          return true;
        }
      }
      // A `break` out of a `switch` goes on after it; the case's fall-through runs the next case.
      if (parent.type === AST_NODE_TYPES.SwitchCase) return false;
    }
    current = parent;
  }
  return true;
}

function suspendsOrTouches(statement: TSESTree.Statement, handle: string): boolean {
  let found = false;
  walk(statement, (node) => {
    if (
      node.type === AST_NODE_TYPES.AwaitExpression ||
      node.type === AST_NODE_TYPES.YieldExpression ||
      (node.type === AST_NODE_TYPES.ForOfStatement && node.await) ||
      (node.type === AST_NODE_TYPES.Identifier && node.name === handle)
    ) {
      found = true;
    }
  });
  return found;
}
