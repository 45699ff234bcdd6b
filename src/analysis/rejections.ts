/**
 * Rejections: whether an awaited promise can reject at all, read from the
 * code of this file (an executor with no `reject`, a `.catch` that turns
 * every rejection into a value, a function of this file that returns one).
 */
import { AST_NODE_TYPES, ASTUtils, TSESLint, type TSESTree } from '@typescript-eslint/utils';
import {
  isFunctionNode,
  isResolveOnlyPromise,
  keyName,
  memberName,
  skipWrappers,
  walk,
  type FunctionNode,
} from './ast.js';
import { constDeclarator } from './owners.js';

/**
 * An awaited promise that cannot reject: `new Promise((resolve) => …)` whose
 * executor takes no `reject`, held in a `const` or returned by a function or
 * method of this file.
 */
export function neverRejects(node: TSESTree.Node, sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  if (node.type !== AST_NODE_TYPES.AwaitExpression) return false;
  return resolvesOnly(skipWrappers(node.argument), 0, sourceCode);
}

function resolvesOnly(
  expression: TSESTree.Expression,
  depth: number,
  sourceCode: Readonly<TSESLint.SourceCode>,
): boolean {
  if (depth > 2) return false;
  if (expression.type === AST_NODE_TYPES.NewExpression) return isResolveOnlyPromise(expression);
  if (expression.type === AST_NODE_TYPES.Identifier) {
    const init = constDeclarator(expression, sourceCode)?.init;
    return init !== undefined && resolvesOnly(skipWrappers(init), depth + 1, sourceCode);
  }
  if (expression.type === AST_NODE_TYPES.CallExpression) {
    // `p.catch(() => undefined)`: the handler turns every rejection into a value.
    const callee = skipWrappers(expression.callee);
    const handler = expression.arguments[0];
    if (
      callee.type === AST_NODE_TYPES.MemberExpression &&
      memberName(callee) === 'catch' &&
      handler !== undefined &&
      isFunctionNode(handler) &&
      !containsThrow(handler)
    ) {
      return true;
    }
    const target = calledFunction(expression, sourceCode);
    if (!target || target.async) return false;
    if (target.body.type !== AST_NODE_TYPES.BlockStatement)
      return resolvesOnly(skipWrappers(target.body), depth + 1, sourceCode);
    const returns = target.body.body.filter(
      (s): s is TSESTree.ReturnStatement => s.type === AST_NODE_TYPES.ReturnStatement,
    );
    return (
      returns.length === 1 &&
      returns[0]?.argument != null &&
      resolvesOnly(skipWrappers(returns[0].argument), depth + 1, sourceCode)
    );
  }
  return false;
}

/** The function a call invokes, when it is declared in this file: `f()`, `this.m()`. */
function calledFunction(call: TSESTree.CallExpression, sourceCode: Readonly<TSESLint.SourceCode>): FunctionNode | null {
  const callee = skipWrappers(call.callee);
  if (callee.type === AST_NODE_TYPES.Identifier) {
    const def = ASTUtils.findVariable(sourceCode.getScope(callee), callee.name)?.defs[0];
    if (def?.type === TSESLint.Scope.DefinitionType.FunctionName && isFunctionNode(def.node)) return def.node;
    if (def?.type === TSESLint.Scope.DefinitionType.Variable && def.node.init && isFunctionNode(def.node.init)) {
      return def.node.init;
    }
    return null;
  }
  if (
    callee.type === AST_NODE_TYPES.MemberExpression &&
    skipWrappers(callee.object).type === AST_NODE_TYPES.ThisExpression
  ) {
    const name = memberName(callee);
    let body: TSESTree.Node | undefined = call.parent;
    while (body && body.type !== AST_NODE_TYPES.ClassBody) body = body.parent;
    const method = body?.body.find(
      (member): member is TSESTree.MethodDefinition =>
        member.type === AST_NODE_TYPES.MethodDefinition && keyName(member.key, member.computed) === name,
    );
    return method?.value.type === AST_NODE_TYPES.FunctionExpression ? method.value : null;
  }
  return null;
}

/** A `throw` statement in a function's own body (not in functions nested in it). */
function containsThrow(fn: FunctionNode): boolean {
  let found = false;
  walk(
    fn.body,
    (node) => {
      if (node.type === AST_NODE_TYPES.ThrowStatement) found = true;
    },
    { intoFunctions: false },
  );
  return found;
}
