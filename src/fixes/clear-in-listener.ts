/**
 * The fix for a repeating timer whose handle nothing uses, in a function that
 * also registers the listener for the end of what the timer works for (a
 * request's `close`, a scope's `$destroy`): keep the handle (in the variable
 * it already has, or a new `const`) and clear it at the start of that
 * listener. Offered only when the listener is registered later in the same
 * block as the timer (or just before it, with only timers armed in between),
 * with an inline function, so the handle is initialized and in scope
 * wherever the listener runs.
 */
import {
  AST_NODE_TYPES,
  type ParserServicesWithTypeInformation,
  type TSESLint,
  type TSESTree,
} from '@typescript-eslint/utils';
import ts from 'typescript';
import { isFunctionNode, type FunctionNode } from '../analysis/ast.js';
import { listenerAddAt } from '../analysis/listeners.js';
import { CLOSE_EVENTS } from '../analysis/vocabulary.js';
import { indentUnit, variableAt } from './settle.js';
import { indentOfLine } from './layout.js';

type SourceCode = Readonly<TSESLint.SourceCode>;

export interface ClearInListener {
  /** The handle's name (the variable's, or the new `const`'s). */
  place: string;
  /** True when the edit declares the `const`. */
  kept: boolean;
  event: string;
  fix: TSESLint.ReportFixFunction;
}

/**
 * `call`: the `setInterval(…)` (or loop's `setTimeout(…)`). `handle`: the
 * variable it is kept in, or null when its value is discarded.
 */
export function clearInEndListener(
  sourceCode: SourceCode,
  services: ParserServicesWithTypeInformation,
  call: TSESTree.CallExpression,
  clear: string,
  handle: TSESTree.Identifier | null,
  isTimer: (call: TSESTree.CallExpression) => boolean,
): ClearInListener | null {
  // Arms a timer and does nothing else: `setInterval(…);` or `const handle = setInterval(…);` (the
  // shape this fix leaves, so that a second timer still finds the listener).
  const isTimerCall = (node: TSESTree.Node | null): boolean =>
    node?.type === AST_NODE_TYPES.CallExpression && isTimer(node);
  const isTimerStatement = (node: TSESTree.Statement): boolean =>
    (node.type === AST_NODE_TYPES.ExpressionStatement && isTimerCall(node.expression)) ||
    (node.type === AST_NODE_TYPES.VariableDeclaration &&
      node.declarations.every((declarator) => isTimerCall(declarator.init)));
  const statement = handle ? declarationOf(handle, call) : discardedStatement(call);
  if (!statement) return null;
  const block = statement.parent;
  if (block.type !== AST_NODE_TYPES.BlockStatement && block.type !== AST_NODE_TYPES.Program) return null;
  const index = block.body.indexOf(statement);
  let found: { listener: FunctionNode; event: string } | null = null;
  for (const candidate of block.body.slice(index + 1)) {
    found = endListener(candidate);
    if (found) break;
  }
  // A listener registered just before: only timers armed in between, so none of its events can come
  // before the handle's `const` is initialized.
  for (let i = index - 1; !found && i >= 0; i--) {
    const candidate = block.body[i];
    if (!candidate) break;
    found = endListener(candidate);
    if (!found && !isTimerStatement(candidate)) break;
  }
  if (!found) return null;
  const { listener, event } = found;

  let place: string;
  if (handle) {
    // The name must still mean the handle inside the listener.
    if (variableAt(sourceCode, listener.body, handle.name)?.identifiers[0] !== handle) return null;
    place = handle.name;
  } else {
    place = freshName(sourceCode, block, clear === 'clearInterval' ? 'interval' : 'timer');
  }
  const clearing = `${clear}(${place});`;
  const body = listener.body;
  let insert: (fixer: TSESLint.RuleFixer) => TSESLint.RuleFix;
  if (body.type === AST_NODE_TYPES.BlockStatement) {
    const inside = indentInside(sourceCode, body);
    const close = body.body.length === 0 ? `\n${indentOfLine(sourceCode, body)}` : '';
    insert = (fixer) =>
      fixer.insertTextAfterRange([body.range[0], body.range[0] + 1], `\n${inside}${clearing}${close}`);
  } else {
    // `() => x.emit('close')` becomes a block: only when nothing reads what the listener returns.
    if (!returnsVoid(services, listener)) return null;
    // An object or function would read as a block or a declaration at the head of a statement.
    if (
      body.type === AST_NODE_TYPES.ObjectExpression ||
      body.type === AST_NODE_TYPES.FunctionExpression ||
      body.type === AST_NODE_TYPES.ClassExpression
    ) {
      return null;
    }
    const outer = indentOfLine(sourceCode, listener);
    const inner = outer + indentUnit(sourceCode, listener);
    const text = `{\n${inner}${clearing}\n${inner}${sourceCode.getText(body)};\n${outer}}`;
    // The body starts after the last `=>` before it; a parenthesized body goes with its parentheses.
    const arrow = sourceCode
      .getTokens(listener)
      .filter((token) => token.value === '=>' && token.range[1] <= body.range[0])
      .at(-1);
    const after = arrow ? sourceCode.getTokenAfter(arrow) : null;
    if (!after) return null;
    const range: [number, number] = [after.range[0], listener.range[1]];
    insert = (fixer) => fixer.replaceTextRange(range, text);
  }
  const keep = handle ? null : `const ${place} = `;
  return {
    place,
    kept: keep !== null,
    event,
    fix: (fixer) => (keep ? [fixer.insertTextBefore(statement, keep), insert(fixer)] : [insert(fixer)]),
  };
}

/** `const handle = setInterval(…);`: the declaration statement, when the call is its only declarator's value. */
function declarationOf(handle: TSESTree.Identifier, call: TSESTree.CallExpression): TSESTree.Statement | null {
  const declarator = handle.parent;
  if (declarator.type !== AST_NODE_TYPES.VariableDeclarator || declarator.init !== call) return null;
  const declaration = declarator.parent;
  return declaration.declarations.length === 1 ? declaration : null;
}

/** `setInterval(…);` as a statement of its own. */
function discardedStatement(call: TSESTree.CallExpression): TSESTree.Statement | null {
  return call.parent.type === AST_NODE_TYPES.ExpressionStatement ? call.parent : null;
}

/**
 * `x.on('close', () => …)`: a statement registering (by the listener vocabulary
 * every rule shares) an inline function for an event that ends the emitter's life.
 */
function endListener(statement: TSESTree.Statement): { listener: FunctionNode; event: string } | null {
  if (statement.type !== AST_NODE_TYPES.ExpressionStatement) return null;
  const call = statement.expression;
  if (call.type !== AST_NODE_TYPES.CallExpression || call.callee.type !== AST_NODE_TYPES.MemberExpression) return null;
  const add = listenerAddAt(call, true);
  if (!add || add.call !== call) return null;
  const [name, listener] = call.arguments;
  if (name?.type !== AST_NODE_TYPES.Literal || typeof name.value !== 'string') return null;
  if (!listener || !isFunctionNode(listener)) return null;
  if (!CLOSE_EVENTS.has(name.value)) return null;
  return { listener, event: name.value };
}

/** `base`, or `base2`…: not visible in `block` and not declared nor read anywhere inside it. */
function freshName(sourceCode: SourceCode, block: TSESTree.BlockStatement | TSESTree.Program, base: string): string {
  const taken = new Set<string>();
  // The block's own scope (a function's body shares the function's): not that of its first
  // statement, which may have a scope of its own (a nested block, a loop, a function).
  const root = sourceCode.getScope(block);
  for (let scope: TSESLint.Scope.Scope | null = root; scope; scope = scope.upper) {
    for (const name of scope.set.keys()) taken.add(name);
  }
  const scopes = [root];
  for (let scope = scopes.pop(); scope; scope = scopes.pop()) {
    for (const name of scope.set.keys()) taken.add(name);
    for (const ref of scope.through) taken.add(ref.identifier.name);
    scopes.push(...scope.childScopes);
  }
  let name = base;
  for (let n = 2; taken.has(name); n++) name = `${base}${String(n)}`;
  return name;
}

/** The listener's contextual type returns `void` (or anything): its own return value is not read. */
function returnsVoid(services: ParserServicesWithTypeInformation, listener: FunctionNode): boolean {
  const checker = services.program.getTypeChecker();
  const node = services.esTreeNodeToTSNodeMap.get(listener);
  if (!ts.isArrowFunction(node) && !ts.isFunctionExpression(node)) return false;
  const contextual = checker.getContextualType(node);
  const signatures = contextual?.getCallSignatures() ?? [];
  if (signatures.length === 0) return false;
  const loose = ts.TypeFlags.Void | ts.TypeFlags.Any | ts.TypeFlags.Undefined;
  return signatures.every((signature) => (checker.getReturnTypeOfSignature(signature).flags & loose) !== 0);
}

function indentInside(sourceCode: SourceCode, block: TSESTree.BlockStatement): string {
  const first = block.body[0];
  if (first) return indentOfLine(sourceCode, first);
  return `${indentOfLine(sourceCode, block)}${indentUnit(sourceCode, block)}`;
}
