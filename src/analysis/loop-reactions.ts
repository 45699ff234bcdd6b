/**
 * Loop reactions: a promise made once, outside a loop, and raced (or chained
 * on) on every pass of it. Each pass adds a reaction to the one promise, and
 * the reactions are released only when it settles. Also the loop-scope
 * questions this needs: the body of a loop, the innermost loop around a node,
 * and whether a variable is made outside a loop's body.
 */
import {
  ASTUtils,
  AST_NODE_TYPES,
  TSESLint,
  type ParserServicesWithTypeInformation,
  type TSESTree,
} from '@typescript-eslint/utils';
import { contains, enclosingFunction, isFunctionNode, memberName, skipWrappers, type FunctionNode } from './ast.js';
import { callSitesOf } from './program.js';
import { callReturnsKeptValue } from './summaries.js';
import { PROMISE_REACTIONS } from './vocabulary.js';

/** What the loop questions read: the source (for scopes), the parser services and the file's name. */
export interface LoopReactionContext {
  sourceCode: Readonly<TSESLint.SourceCode>;
  services: ParserServicesWithTypeInformation;
  /** The linted file, to keep to the call sites in it. */
  filename: string;
}

/**
 * The promise a race raced again on every pass of a loop, or null: an element
 * made outside the loop the race is in, or (when the race is in no loop) a
 * promise its function closes over, when that function is called in a loop of
 * this file through a receiver made outside that loop.
 */
export function reracedInLoop(
  race: TSESTree.CallExpression,
  elements: readonly TSESTree.Expression[],
  context: LoopReactionContext,
): TSESTree.Node | null {
  const { sourceCode, services } = context;
  let body: TSESTree.Node | null = null;
  for (let p: TSESTree.Node | undefined = race.parent; p && !isFunctionNode(p); p = p.parent) {
    body = loopBody(p);
    if (body) break;
  }
  if (!body) return racedByCallerLoop(race, elements, context);
  if (!contains(body, race)) return null;
  for (const element of elements) {
    let node = skipWrappers(element);
    // `connection.closed.then(…)`: a new promise each pass, but each adds a reaction to its receiver.
    while (
      node.type === AST_NODE_TYPES.CallExpression &&
      node.callee.type === AST_NODE_TYPES.MemberExpression &&
      PROMISE_REACTIONS.has(memberName(node.callee) ?? '')
    ) {
      node = skipWrappers(node.callee.object);
    }
    let outside = false;
    if (node.type === AST_NODE_TYPES.CallExpression) {
      // `feed.future(symbol)`: a call that hands back a promise its object keeps (a pending
      // per-key future), on an object made outside the loop, returns the same promise each pass.
      const root = receiverRoot(node.callee);
      outside =
        (root.type === AST_NODE_TYPES.ThisExpression ||
          (root.type === AST_NODE_TYPES.Identifier && madeOutside(root, body, sourceCode))) &&
        callReturnsKeptValue(services.program, services.esTreeNodeToTSNodeMap.get(node));
    } else if (node.type === AST_NODE_TYPES.Identifier) {
      outside = madeOutside(node, body, sourceCode);
    } else if (node.type === AST_NODE_TYPES.MemberExpression && !node.computed) {
      // `handle.promise`: made outside unless the handle is made again in the loop.
      const root = receiverRoot(node);
      outside = root.type !== AST_NODE_TYPES.Identifier || madeOutside(root, body, sourceCode);
    }
    if (outside) return node;
  }
  return null;
}

/**
 * `race(p) { return Promise.race([p, errorPromise]) }` in a helper that closes over
 * `errorPromise`, called in a loop of this file through a receiver (or a name) made
 * outside that loop: every pass adds a reaction to the one promise, as a race written
 * in the loop would. Returns the promise closed over.
 */
function racedByCallerLoop(
  race: TSESTree.CallExpression,
  elements: readonly TSESTree.Expression[],
  { sourceCode, services, filename }: LoopReactionContext,
): TSESTree.Identifier | null {
  const fn = enclosingFunction(race);
  if (!fn) return null;
  const captured = elements
    .map((element) => skipWrappers(element))
    .find(
      (node): node is TSESTree.Identifier =>
        node.type === AST_NODE_TYPES.Identifier && capturedBy(node, fn, sourceCode),
    );
  if (!captured) return null;
  const own = services.program.getSourceFile(filename);
  const { calls } = callSitesOf(services.program, services.esTreeNodeToTSNodeMap.get(fn));
  for (const call of calls) {
    if (call.getSourceFile() !== own) continue;
    const site = services.tsNodeToESTreeNodeMap.get(call);
    if (site.type !== AST_NODE_TYPES.CallExpression) continue;
    const body = innermostLoopBody(site);
    if (!body) continue;
    const root = receiverRoot(site.callee);
    if (root.type !== AST_NODE_TYPES.Identifier || !madeOutside(root, body, sourceCode)) continue;
    return captured;
  }
  return null;
}

/** The object at the start of a member chain (`a` of `a.b.c`), through wrappers. */
function receiverRoot(expression: TSESTree.Expression): TSESTree.Expression {
  let root: TSESTree.Expression = skipWrappers(expression);
  while (root.type === AST_NODE_TYPES.MemberExpression) root = skipWrappers(root.object);
  return root;
}

/** A variable of an enclosing scope that `fn` reads and never assigns. */
function capturedBy(id: TSESTree.Identifier, fn: FunctionNode, sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  const variable = ASTUtils.findVariable(sourceCode.getScope(id), id.name);
  const def = variable?.defs[0];
  if (!variable || def === undefined || contains(fn, def.node)) return false;
  if (def.type !== TSESLint.Scope.DefinitionType.Variable) return false;
  return !variable.references.some((ref) => ref.isWrite() && !ref.init && contains(fn, ref.identifier));
}

/** The body of the innermost loop around `node` in its own function. */
function innermostLoopBody(node: TSESTree.Node): TSESTree.Node | null {
  for (let p: TSESTree.Node | undefined = node.parent; p && !isFunctionNode(p); p = p.parent) {
    const body = loopBody(p);
    if (body && contains(body, node)) return body;
  }
  return null;
}

/** Is `declaration` outside the innermost loop (in the same function) around `use`? */
export function outsideEnclosingLoop(use: TSESTree.Node, declaration: TSESTree.Node): boolean {
  for (let p: TSESTree.Node | undefined = use.parent; p && !isFunctionNode(p); p = p.parent) {
    const body = loopBody(p);
    if (body) return !contains(body, declaration);
  }
  return false;
}

/** A variable declared outside the loop and not assigned again inside it. */
function madeOutside(id: TSESTree.Identifier, body: TSESTree.Node, sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  const variable = ASTUtils.findVariable(sourceCode.getScope(id), id.name);
  const def = variable?.defs[0];
  if (!variable || def === undefined || contains(body, def.node)) return false;
  return !variable.references.some((ref) => ref.isWrite() && !ref.init && contains(body, ref.identifier));
}

/** The body of a `for`, `for…in`, `for…of`, `while` or `do…while` loop; null for any other node. */
function loopBody(loop: TSESTree.Node): TSESTree.Node | null {
  switch (loop.type) {
    case AST_NODE_TYPES.ForStatement:
    case AST_NODE_TYPES.ForInStatement:
    case AST_NODE_TYPES.ForOfStatement:
    case AST_NODE_TYPES.WhileStatement:
    case AST_NODE_TYPES.DoWhileStatement:
      return loop.body;
    default:
      return null;
  }
}
