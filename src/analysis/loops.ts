/**
 * Loops that only end from the inside: `while (true)`, `for (;;)`, `do … while (true)`.
 * Which statements leave such a loop (a `break` that targets it, a `continue`
 * or `break` to an enclosing label, a `return`, a `throw` nothing in the loop
 * catches), and what the loop waits on (`await`) or hands back (`yield`).
 */
import {
  AST_NODE_TYPES,
  type ParserServicesWithTypeInformation,
  type TSESLint,
  type TSESTree,
} from '@typescript-eslint/utils';
import ts from 'typescript';
import { branchTestsAround, isFunctionNode, walk, type FunctionNode } from './ast.js';
import { consultsCancellation, readsCancellation, signalInScope, type TypeContext } from './cancellation.js';
import { teardownAround } from './intent.js';
import { neverRejects } from './rejections.js';
import { teardownReach } from './teardown-reach.js';
import { classFacts } from './timers.js';
import type { PathTracker } from './paths.js';

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

/** What the questions about stopping a loop need: the types, the source text and the code paths. */
export interface LoopContext extends TypeContext {
  sourceCode: Readonly<TSESLint.SourceCode>;
  /** Has placed the jumps inside candidate loops during the traversal. */
  tracker: PathTracker;
}

/** Why an endless loop that awaits cannot be stopped from outside. */
export interface UnstoppableLoop {
  /** The `AbortSignal` the function is given, as code names it (`signal`, `options.signal`), or null. */
  signal: string | null;
  /**
   * The loop has reachable exits, but only on its own conditions: it never looks at `signal`
   * or, without one, nothing the teardown method of its object does reaches them.
   */
  ownConditions: boolean;
  /** A `continue` reached without passing a stop point: that pass can repeat for good. */
  around: TSESTree.ContinueStatement | null;
}

/**
 * Can nothing stop this endless loop of the async function `fn`? It awaits,
 * and it has no reachable exit and consults no cancellation state (or a
 * `continue` goes round past every one), or it exits only on its own
 * conditions while the function is given an `AbortSignal` it never looks at,
 * or (in an object with a teardown method) that the teardown does not reach.
 * A loop that yields is stopped by its consumer unless `checkYieldingLoops`;
 * a loop around one in `reported` is not asked about again.
 */
export function unstoppableLoop(
  loop: EndlessLoop,
  fn: FunctionNode,
  context: LoopContext,
  { checkYieldingLoops, reported }: { checkYieldingLoops: boolean; reported: ReadonlySet<EndlessLoop> },
): UnstoppableLoop | null {
  const { tracker, checker, services } = context;
  const facts = loopFacts(loop);
  if (!facts.awaits) return null;
  const isReachable = (node: TSESTree.Node): boolean => reachable(node, tracker);
  // A `continue` reached without passing a stop point: that pass can repeat for good, whatever
  // the other paths check (asked only when a stop point would otherwise clear the loop).
  // When the function is given a signal, the caller stops the loop through it: a pass that goes
  // round must look at it, and the loop's own exits on the way (`if (!retryable) throw error`) do not count.
  const given = signalInScope(fn, context);
  let skipping: TSESTree.ContinueStatement | null | undefined;
  const skipped = (): TSESTree.ContinueStatement | null =>
    (skipping ??=
      facts.continues.find(
        (jump) => isReachable(jump) && !stopsBefore(jump, loop, context, given === null ? null : countersOf(loop)),
      ) ?? null);
  const neverReturning = (): boolean =>
    facts.calls.some((call) => neverReturns(checker, services.esTreeNodeToTSNodeMap.get(call)));
  // A loop that never waits cannot outlive its caller; one that yields is stopped by its consumer.
  if (facts.yields && !checkYieldingLoops && !skipped()) return null;
  if (facts.innerLoops.some((inner) => reported.has(inner))) return null;
  if (facts.exits.some(isReachable) && !skipped()) {
    // The function takes a signal, so its caller expects it to stop when that fires; exits on
    // the loop's own conditions (a remote status, a successful read) do not keep that promise.
    // Only when nothing in the function looks at it: a signal turned into a promise or flag
    // before the loop (`const aborted = waitForAbort(signal)`) may be what the exits test.
    if (!given) {
      return outlivesTeardown(loop, fn, facts, context) && !neverReturning()
        ? { signal: null, ownConditions: true, around: null }
        : null;
    }
    if (consultsCancellation(fn.body, context)) return null;
    if (neverReturning()) return null;
    return { signal: given, ownConditions: true, around: null };
  }
  if (neverReturning()) return null;
  if (consultsCancellation(loop.body, context) && !skipped()) return null;
  const around = skipped();
  return { signal: given, ownConditions: false, around };
}

/**
 * An object with a teardown method is stopped through it. A loop with exits outlives the
 * teardown when the teardown sets what one exit tests on some of its paths only (`close()`
 * returns early before `this.closed = true`), or when the loop retries until some work
 * succeeds (it goes round only from a \`catch\`, with no bound on its passes) and nothing the
 * teardown does changes state the loop reads.
 */
function outlivesTeardown(loop: EndlessLoop, fn: FunctionNode, facts: LoopFacts, context: LoopContext): boolean {
  const owner = teardownAround(fn, context.sourceCode);
  const teardown = owner ? (classFacts(owner.classNode, context.sourceCode).methods.get(owner.name) ?? []) : [];
  if (!owner || teardown.length === 0 || consultsCancellation(loop.body, context)) return false;
  const reach = teardownReach(loop, fn, owner.classNode, teardown, facts.exits, context.sourceCode);
  if (reach.always) return false;
  return reach.sometimes || (retriesUntilSuccess(loop, facts) && !boundedByCounter(loop, facts));
}

/**
 * `while (true) { try { await connect(); break; } catch { … } }`: a \`try\` in the body whose
 * block ends by leaving the loop, so only a failure sends it round.
 */
function retriesUntilSuccess(loop: EndlessLoop, facts: LoopFacts): boolean {
  if (loop.body.type !== AST_NODE_TYPES.BlockStatement) return false;
  return loop.body.body.some((statement) => {
    if (statement.type !== AST_NODE_TYPES.TryStatement || !statement.handler) return false;
    const last = statement.block.body.at(-1);
    return last !== undefined && facts.exits.includes(last as LoopJump);
  });
}

/**
 * `if (++attempt > max) throw error`: an exit under a test of a counter the loop counts up
 * (in the test, in its body or in a \`for\` update) ends it after a bounded number of passes.
 */
function boundedByCounter(loop: EndlessLoop, facts: LoopFacts): boolean {
  const counters = countersOf(loop);
  return facts.exits.some((exit) => underCounterTest(exit, loop, counters));
}

/** The names the loop counts up or down: `++i`, `attempt += 1`, in its body or its \`for\` update. */
function countersOf(loop: EndlessLoop): Set<string> {
  const counted = new Set<string>();
  const count = (node: TSESTree.Node): void => {
    const target =
      node.type === AST_NODE_TYPES.UpdateExpression
        ? node.argument
        : node.type === AST_NODE_TYPES.AssignmentExpression && (node.operator === '+=' || node.operator === '-=')
          ? node.left
          : null;
    if (target?.type === AST_NODE_TYPES.Identifier) counted.add(target.name);
  };
  walk(loop.body, count, { intoFunctions: false });
  if (loop.type === AST_NODE_TYPES.ForStatement && loop.update) walk(loop.update, count);
  return counted;
}

/** Is `exit` in a branch of an \`if\` (inside `loop`) whose test reads one of `counters`? */
function underCounterTest(exit: TSESTree.Node, loop: EndlessLoop, counters: ReadonlySet<string>): boolean {
  if (counters.size === 0) return false;
  const names: string[] = [];
  for (const test of branchTestsAround(exit, loop)) {
    walk(test, (node) => {
      if (node.type === AST_NODE_TYPES.Identifier) names.push(node.name);
    });
  }
  return names.some((name) => counters.has(name));
}

/** Reachable per code path analysis (a jump after an unconditional `continue` is not). */
function reachable(node: TSESTree.Node, tracker: PathTracker): boolean {
  const position = tracker.positions.get(node);
  return position === undefined || position.segments.some((segment) => segment.reachable);
}

/**
 * Does every path from the start of a pass to `jump` pass a stop point: a statement before
 * it (in each block around it, up to the loop's body) that yields, consults a cancellation
 * state, or is an `if` that can leave the loop (`if (this.stopped) break`)? A `continue`
 * inside a `catch` counts only what the `catch` itself runs before it. With `counters` (the
 * caller stops the loop through a signal), a jump out on the loop's own conditions is no stop
 * point, unless a test of a counter the loop counts up decides it (`if (++attempt > max) throw`).
 */
function stopsBefore(
  jump: TSESTree.ContinueStatement,
  loop: EndlessLoop,
  context: LoopContext,
  counters: ReadonlySet<string> | null,
): boolean {
  let child: TSESTree.Node = jump;
  for (let p: TSESTree.Node | undefined = jump.parent; p && child !== loop.body; child = p, p = p.parent) {
    if (
      p.type === AST_NODE_TYPES.IfStatement &&
      p.test !== child &&
      (consultsCancellation(p.test, context) || testsFlagThePassResets(p.test, loop, context.sourceCode))
    ) {
      return true;
    }
    // `if (done) break; else continue;`, `case null: break loop; default: continue loop;`: the
    // test that chose this branch is the one that leaves the loop on another.
    if (p.type === AST_NODE_TYPES.IfStatement && p.test !== child) {
      const other = p.consequent === child ? p.alternate : p.consequent;
      if (other && isStopPoint(other, loop, context, counters)) return true;
    }
    if (
      p.type === AST_NODE_TYPES.SwitchStatement &&
      p.cases.some((other) => other !== child && other.consequent.some((s) => isStopPoint(s, loop, context, counters)))
    ) {
      return true;
    }
    const list =
      p.type === AST_NODE_TYPES.BlockStatement || p.type === AST_NODE_TYPES.Program
        ? p.body
        : p.type === AST_NODE_TYPES.SwitchCase
          ? p.consequent
          : null;
    if (!list) continue;
    for (const statement of list) {
      if (statement === child) break;
      if (isStopPoint(statement, loop, context, counters)) return true;
    }
  }
  return false;
}

/**
 * `this.retry = false; … if (this.retry) continue;`: the pass sets the flag to a constant
 * itself, so only other code setting it again can send the loop round this way.
 */
function testsFlagThePassResets(
  test: TSESTree.Expression,
  loop: EndlessLoop,
  sourceCode: Readonly<TSESLint.SourceCode>,
): boolean {
  let flag: TSESTree.Node = test;
  while (flag.type === AST_NODE_TYPES.UnaryExpression && flag.operator === '!') flag = flag.argument;
  if (flag.type !== AST_NODE_TYPES.Identifier && flag.type !== AST_NODE_TYPES.MemberExpression) return false;
  const text = sourceCode.getText(flag);
  const resets: TSESTree.Node[] = [];
  walk(
    loop.body,
    (node) => {
      if (
        node.type === AST_NODE_TYPES.AssignmentExpression &&
        node.operator === '=' &&
        node.right.type === AST_NODE_TYPES.Literal &&
        node.range[1] <= test.range[0] &&
        sourceCode.getText(node.left) === text
      ) {
        resets.push(node);
      }
    },
    { intoFunctions: false },
  );
  return resets.length > 0;
}

/**
 * A statement that yields, consults a cancellation state, or holds a reachable jump out of
 * `loop` (with `counters`, only one a counter test decides). Handing a signal to work whose
 * rejection is swallowed (`await sleep(ms, undefined, { signal }).catch(() => undefined)`) stops nothing.
 */
function isStopPoint(
  statement: TSESTree.Node,
  loop: EndlessLoop,
  context: LoopContext,
  counters: ReadonlySet<string> | null,
): boolean {
  const stops: TSESTree.Node[] = [];
  walk(
    statement,
    (node) => {
      if (node.type === AST_NODE_TYPES.YieldExpression) stops.push(node);
      else if (
        (node.type === AST_NODE_TYPES.BreakStatement ||
          node.type === AST_NODE_TYPES.ReturnStatement ||
          node.type === AST_NODE_TYPES.ThrowStatement) &&
        (counters === null || underCounterTest(node, loop, counters)) &&
        leavesLoop(node, loop) &&
        reachable(node, context.tracker)
      ) {
        stops.push(node);
      }
    },
    { intoFunctions: false },
  );
  if (stops.length > 0) return true;
  if (swallowsAbort(statement, context.services)) return readsCancellation(statement);
  return consultsCancellation(statement, context);
}

/** `await work(signal).catch(() => undefined);`: an awaited statement whose promise cannot reject. */
function swallowsAbort(statement: TSESTree.Node, services: ParserServicesWithTypeInformation): boolean {
  const expression =
    statement.type === AST_NODE_TYPES.ExpressionStatement
      ? statement.expression
      : statement.type === AST_NODE_TYPES.VariableDeclaration && statement.declarations.length === 1
        ? statement.declarations[0].init
        : null;
  return expression?.type === AST_NODE_TYPES.AwaitExpression && neverRejects(expression, services);
}
