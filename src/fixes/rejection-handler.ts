/**
 * The fix for a release that runs only when a promise fulfils (`p.then((v) => {
 * release(); … })`): the same release also runs when the promise rejects, in a
 * rejection handler that rethrows, so the chain settles as before. The
 * fulfilment path is left as it is; only the rejection path changes.
 */
import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { contains, enclosingFunction, memberName, walk, type FunctionNode } from '../analysis/ast.js';
import { releaseStatement } from './finally.js';
import { eolOf, indentStep, lineIndent } from './layout.js';

export function releaseOnRejectionFix(
  sourceCode: Readonly<TSESLint.SourceCode>,
  release: TSESTree.Node,
): TSESLint.ReportFixFunction | null {
  const statement = releaseStatement(release);
  if (!statement) return null;
  const onFulfilled = enclosingFunction(statement);
  if (!onFulfilled || onFulfilled.body.type !== AST_NODE_TYPES.BlockStatement) return null;
  if (!onFulfilled.body.body.includes(statement)) return null;
  const call = onFulfilled.parent;
  if (
    call.type !== AST_NODE_TYPES.CallExpression ||
    call.callee.type !== AST_NODE_TYPES.MemberExpression ||
    memberName(call.callee) !== 'then' ||
    call.arguments[0] !== onFulfilled
  ) {
    return null;
  }
  const names = outerNames(statement, onFulfilled, sourceCode);
  if (!names) return null;
  const awaits = containsAwait(statement);
  const text = sourceCode.text;
  const eol = eolOf(text);
  const releaseText = sourceCode.getText(statement);
  const [, onRejected] = call.arguments;

  if (!onRejected) {
    if (sourceCode.getCommentsInside(statement).length > 0) return null;
    const indent = lineIndent(text, onFulfilled.body.range[1] - 1);
    const unit = indentStep(indent);
    const param = ['error', 'reason', 'cause'].find((name) => !names.has(name));
    if (!param) return null;
    const handler = `${awaits ? 'async ' : ''}(${param}) => {${eol}${indent}${unit}${releaseText}${eol}${indent}${unit}throw ${param};${eol}${indent}}`;
    return (fixer) => fixer.insertTextAfter(onFulfilled, `, ${handler}`);
  }

  // A rejection handler is there already: it releases first, then does what it did.
  if (
    onRejected.type !== AST_NODE_TYPES.ArrowFunctionExpression &&
    onRejected.type !== AST_NODE_TYPES.FunctionExpression
  ) {
    return null;
  }
  if (call.arguments.length > 2) return null;
  if (awaits && !onRejected.async) return null;
  if (hasThis(statement) && onRejected.type !== AST_NODE_TYPES.ArrowFunctionExpression) return null;
  // A name of the release that the handler declares again would mean something else there.
  if (declaresAny(onRejected, names, sourceCode)) return null;
  const body = onRejected.body;
  if (body.type === AST_NODE_TYPES.BlockStatement) {
    const first = body.body[0];
    const indent = first
      ? lineIndent(text, first.range[0])
      : `${lineIndent(text, body.range[1] - 1)}${indentStep(lineIndent(text, body.range[1] - 1))}`;
    return (fixer) => fixer.insertTextAfterRange([body.range[0], body.range[0] + 1], `${eol}${indent}${releaseText}`);
  }
  // `(error) => reject(error)`: a block that releases, then returns what the expression did.
  const indent = lineIndent(text, onRejected.range[0]);
  const unit = indentStep(indent);
  const expression = sourceCode.getText(body);
  const open = sourceCode.getTokenBefore(body);
  const wrapped = open?.value === '(' && sourceCode.getTokenAfter(body)?.value === ')';
  const range: [number, number] = wrapped ? [open.range[0], body.range[1] + 1] : [body.range[0], body.range[1]];
  const block = `{${eol}${indent}${unit}${releaseText}${eol}${indent}${unit}return ${expression};${eol}${indent}}`;
  return (fixer) => fixer.replaceTextRange(range, block);
}

/**
 * The names the release reads, when each resolves outside the fulfilment
 * handler (so that it means the same in another handler); null when one is
 * the handler's own (its parameter, a local), or the release reads a `this`
 * or `arguments` that belong to a non-arrow handler.
 */
function outerNames(
  statement: TSESTree.Node,
  onFulfilled: FunctionNode,
  sourceCode: Readonly<TSESLint.SourceCode>,
): Set<string> | null {
  if (hasThis(statement) && onFulfilled.type !== AST_NODE_TYPES.ArrowFunctionExpression) return null;
  const identifiers: TSESTree.Identifier[] = [];
  walk(statement, (node, parent) => {
    if (node.type !== AST_NODE_TYPES.Identifier) return;
    if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.property === node && !parent.computed) return;
    if (parent?.type === AST_NODE_TYPES.Property && parent.key === node && !parent.computed && !parent.shorthand)
      return;
    identifiers.push(node);
  });
  const names = new Set<string>();
  for (const identifier of identifiers) {
    if (identifier.name === 'arguments') return null;
    names.add(identifier.name);
    const definition = ASTUtils.findVariable(sourceCode.getScope(identifier), identifier)?.defs[0]?.node;
    if (definition && contains(onFulfilled, definition)) return null;
  }
  return names;
}

function declaresAny(fn: FunctionNode, names: ReadonlySet<string>, sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  const scopes = [sourceCode.getScope(fn)];
  // The array grows while it is read: each handler scope adds its children.
  for (const scope of scopes) {
    if (scope.variables.some((variable) => names.has(variable.name))) return true;
    scopes.push(...scope.childScopes.filter((child) => contains(fn, child.block)));
  }
  return false;
}

function hasThis(node: TSESTree.Node): boolean {
  let found = false;
  walk(node, (child) => {
    if (child.type === AST_NODE_TYPES.ThisExpression) found = true;
  });
  return found;
}

function containsAwait(node: TSESTree.Node): boolean {
  let found = false;
  walk(node, (child) => {
    if (child.type === AST_NODE_TYPES.AwaitExpression) found = true;
  });
  return found;
}
