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
  // An executor that throws rejects its promise, `reject` or not.
  if (expression.type === AST_NODE_TYPES.NewExpression) {
    const executor = expression.arguments[0];
    return isResolveOnlyPromise(expression) && !(executor && isFunctionNode(executor) && mayReject(executor));
  }
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
      !mayReject(handler)
    ) {
      return true;
    }
    const target = calledFunction(expression, sourceCode);
    if (!target || target.async) return false;
    if (target.body.type !== AST_NODE_TYPES.BlockStatement)
      return resolvesOnly(skipWrappers(target.body), depth + 1, sourceCode);
    // A helper that throws before it returns hands the throw to the `await`; every `return`
    // it has, at any depth, must give a promise that cannot reject.
    if (containsThrow(target)) return false;
    const returns = returnsOf(target);
    return (
      returns.length > 0 &&
      returns.every(
        (statement) =>
          statement.argument != null && resolvesOnly(skipWrappers(statement.argument), depth + 1, sourceCode),
      )
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
/** The `return` statements of `fn`, not of the functions nested in it. */
function returnsOf(fn: FunctionNode): TSESTree.ReturnStatement[] {
  const found: TSESTree.ReturnStatement[] = [];
  walk(
    fn.body,
    (node) => {
      if (node.type === AST_NODE_TYPES.ReturnStatement) found.push(node);
    },
    { intoFunctions: false },
  );
  return found;
}

/**
 * A `throw` in `fn`, or a `Promise.reject(…)` it makes (`(error) => Promise.reject(error)`):
 * as an executor or a `.catch` handler, the promise then rejects.
 */
function mayReject(fn: FunctionNode): boolean {
  if (containsThrow(fn)) return true;
  let rejects = false;
  walk(
    fn.body,
    (node) => {
      if (node.type !== AST_NODE_TYPES.CallExpression) return;
      const callee = skipWrappers(node.callee);
      if (
        callee.type === AST_NODE_TYPES.MemberExpression &&
        skipWrappers(callee.object).type === AST_NODE_TYPES.Identifier &&
        (skipWrappers(callee.object) as TSESTree.Identifier).name === 'Promise' &&
        memberName(callee) === 'reject'
      ) {
        rejects = true;
      }
    },
    { intoFunctions: false },
  );
  return rejects;
}

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
