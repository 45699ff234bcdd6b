/**
 * Loops that only end from the inside: `while (true)`, `for (;;)`, `do … while (true)`.
 * Which statements leave such a loop (a `break` that targets it, a `continue`
 * or `break` to an enclosing label, a `return`, a `throw` nothing in the loop
 * catches), and what the loop waits on (`await`) or hands back (`yield`).
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import ts from 'typescript';
import { isFunctionNode, walk } from './ast.js';

export type EndlessLoop = TSESTree.WhileStatement | TSESTree.DoWhileStatement | TSESTree.ForStatement;

export type LoopJump =
  TSESTree.BreakStatement | TSESTree.ContinueStatement | TSESTree.ReturnStatement | TSESTree.ThrowStatement;

/** `true`, a non-zero number, `!0`, `!false` (and `!!` of a truthy constant). */
export function isConstantlyTrue(node: TSESTree.Expression): boolean {
  if (node.type === AST_NODE_TYPES.Literal) {
    return node.value === true || (typeof node.value === 'number' && node.value !== 0);
  }
  if (node.type === AST_NODE_TYPES.UnaryExpression && node.operator === '!') {
    return isConstantlyFalse(node.argument);
  }
  return false;
}

function isConstantlyFalse(node: TSESTree.Expression): boolean {
  if (node.type === AST_NODE_TYPES.Literal) return node.value === false || node.value === 0;
  if (node.type === AST_NODE_TYPES.UnaryExpression && node.operator === '!') return isConstantlyTrue(node.argument);
  return false;
}

/** A loop whose own test never ends it: `while (true)`, `do … while (1)`, `for (;;)`, `for (; true;)`. */
export function isEndlessLoop(node: TSESTree.Node): node is EndlessLoop {
  switch (node.type) {
    case AST_NODE_TYPES.WhileStatement:
    case AST_NODE_TYPES.DoWhileStatement:
      return isConstantlyTrue(node.test);
    case AST_NODE_TYPES.ForStatement:
      return node.test === null || isConstantlyTrue(node.test);
    default:
      return false;
  }
}

/** How an endless loop's text starts, for messages: `while (true)`, `for (;;)`, `do … while (true)`. */
export function loopKeyword(loop: EndlessLoop): string {
  if (loop.type === AST_NODE_TYPES.ForStatement) return loop.test === null ? 'for (;;)' : 'for (; true;)';
  if (loop.type === AST_NODE_TYPES.DoWhileStatement) return 'do … while (true)';
  return 'while (true)';
}

const LOOP_TYPES = new Set<AST_NODE_TYPES>([
  AST_NODE_TYPES.ForStatement,
  AST_NODE_TYPES.ForInStatement,
  AST_NODE_TYPES.ForOfStatement,
  AST_NODE_TYPES.WhileStatement,
  AST_NODE_TYPES.DoWhileStatement,
]);

/** What the body of a loop does, not counting nested functions. */
export interface LoopFacts {
  /** An `await`, `for await` or `await using` in the body. */
  awaits: boolean;
  /** A `yield` or `yield*`: the generator's consumer can stop it with `return()`. */
  yields: boolean;
  /** The `break`, `continue`, `return` and `throw` statements that leave the loop. */
  exits: LoopJump[];
  /** The calls in the body, outside nested functions (candidates for calls that never return). */
  calls: TSESTree.CallExpression[];
  /** Endless loops nested in the body. */
  innerLoops: EndlessLoop[];
  /** The `continue` statements that start the loop's next pass. */
  continues: TSESTree.ContinueStatement[];
}

/** Walks a loop's body once (not into nested functions) and collects its facts. */
export function loopFacts(loop: EndlessLoop): LoopFacts {
  const facts: LoopFacts = { awaits: false, yields: false, exits: [], calls: [], innerLoops: [], continues: [] };
  const roots: TSESTree.Node[] = [loop.body];
  // `for (;; await tick())`: the update runs on every pass too.
  if (loop.type === AST_NODE_TYPES.ForStatement && loop.update) roots.push(loop.update);
  for (const root of roots) {
    walk(
      root,
      (node) => {
        switch (node.type) {
          case AST_NODE_TYPES.AwaitExpression:
            facts.awaits = true;
            break;
          case AST_NODE_TYPES.ForOfStatement:
            if (node.await) facts.awaits = true;
            break;
          case AST_NODE_TYPES.VariableDeclaration:
            if (node.kind === 'await using') facts.awaits = true;
            break;
          case AST_NODE_TYPES.YieldExpression:
            facts.yields = true;
            break;
          case AST_NODE_TYPES.CallExpression:
            facts.calls.push(node);
            break;
          case AST_NODE_TYPES.ContinueStatement:
            if (jumpTarget(node) === loop) facts.continues.push(node);
            else if (leavesLoop(node, loop)) facts.exits.push(node);
            break;
          case AST_NODE_TYPES.BreakStatement:
          case AST_NODE_TYPES.ReturnStatement:
          case AST_NODE_TYPES.ThrowStatement:
            if (leavesLoop(node, loop)) facts.exits.push(node);
            break;
          default:
            if (node !== loop && isEndlessLoop(node)) facts.innerLoops.push(node);
        }
      },
      { intoFunctions: false },
    );
  }
  return facts;
}

/**
 * Does this jump leave `loop`? A `return` does; a `throw` does unless a `try`
 * inside the loop catches it; an unlabelled `break` does when `loop` is the
 * nearest loop or `switch` around it; a labelled `break` or `continue` does
 * when its label names `loop` itself (`break` only) or a statement around it.
 */
export function leavesLoop(jump: LoopJump, loop: EndlessLoop): boolean {
  switch (jump.type) {
    case AST_NODE_TYPES.ReturnStatement:
      return true;
    case AST_NODE_TYPES.ThrowStatement:
      return !caughtInside(jump, loop);
    case AST_NODE_TYPES.BreakStatement:
    case AST_NODE_TYPES.ContinueStatement: {
      const target = jumpTarget(jump);
      if (!target) return false;
      if (target === loop) return jump.type === AST_NODE_TYPES.BreakStatement;
      // A target around the loop: the jump leaves the loop on its way there.
      return isAncestor(target, loop);
    }
  }
}

/** The statement a `break` or `continue` goes to (for a label: the labelled statement's body). */
function jumpTarget(jump: TSESTree.BreakStatement | TSESTree.ContinueStatement): TSESTree.Node | null {
  const label = jump.label?.name;
  for (let p: TSESTree.Node | undefined = jump.parent; p && !isFunctionNode(p); p = p.parent) {
    if (label !== undefined) {
      if (p.type === AST_NODE_TYPES.LabeledStatement && p.label.name === label) return p.body;
      continue;
    }
    if (LOOP_TYPES.has(p.type)) return p;
    if (p.type === AST_NODE_TYPES.SwitchStatement && jump.type === AST_NODE_TYPES.BreakStatement) return p;
  }
  return null;
}

/** A `throw` inside the `try` block of a `try … catch` that is itself inside the loop. */
function caughtInside(jump: TSESTree.ThrowStatement, loop: EndlessLoop): boolean {
  let child: TSESTree.Node = jump;
  for (let p: TSESTree.Node | undefined = jump.parent; p && p !== loop; child = p, p = p.parent) {
    if (p.type === AST_NODE_TYPES.TryStatement && p.block === child && p.handler) return true;
  }
  return false;
}

function isAncestor(ancestor: TSESTree.Node, node: TSESTree.Node): boolean {
  for (let n: TSESTree.Node | undefined = node.parent; n; n = n.parent) if (n === ancestor) return true;
  return false;
}

/**
 * A call that does not come back normally: its resolved signature returns
 * `never` (`process.exit()`, `fail(): never`), or it is an assertion
 * (`assert(x)`, `asserts value is T`), which throws when its condition fails.
 */
export function neverReturns(checker: ts.TypeChecker, call: ts.CallExpression): boolean {
  const signature = checker.getResolvedSignature(call);
  if (!signature) return false;
  const predicate = checker.getTypePredicateOfSignature(signature);
  if (
    predicate &&
    (predicate.kind === ts.TypePredicateKind.AssertsThis || predicate.kind === ts.TypePredicateKind.AssertsIdentifier)
  ) {
    return true;
  }
  return (checker.getReturnTypeOfSignature(signature).flags & ts.TypeFlags.Never) !== 0;
}
