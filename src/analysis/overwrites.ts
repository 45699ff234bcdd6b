/**
 * Overwriting a timer handle: whether re-arming a timer into a place that
 * holds the previous handle (`this.timer = setTimeout(…)`) can replace one
 * that is still armed, or the old handle is let go of (or known empty)
 * whenever the re-arm runs: on every path before it, behind a guard on the
 * handle or on a flag, inside the timer's own callback, or at sites that
 * run once per owner.
 */
import { AST_NODE_TYPES, type ParserServicesWithTypeInformation, type TSESTree } from '@typescript-eslint/utils';
import {
  classOfMember,
  contains,
  enclosingFunction,
  isFunctionNode,
  startingWithinBy,
  thisMember,
  walk,
  type FunctionNode,
} from './ast.js';
import { ownerLifetime, runsPerCall, type Lifetime, type Scopes } from './lifetime.js';
import { resolveOwner, type Owner } from './owners.js';
import type { Position } from './paths.js';
import { callSitesOf as programCallSites } from './program.js';
import type { FunctionPaths } from './rearm.js';
import { callReleases, denotesOwner, mayBeTimerCallee, reachedWithout, sameOwner } from './timers.js';

/** What the overwrite questions need of one file: its code paths, its types and scopes, its timer imports. */
export interface OverwriteContext extends FunctionPaths {
  services: ParserServicesWithTypeInformation;
  scopes: Scopes;
  /** Local names bound to `node:timers` or its functions. */
  timerAliases: ReadonlySet<string>;
}

/**
 * Can arming the timer at `call` replace a handle in `owner` that is still
 * armed? Not when nothing around the call runs it again for the same owner,
 * or the old handle is let go of first (`handledAt` also answers "does this
 * run only once?": then nothing is overwritten).
 */
export function overwritesArmedHandle(context: OverwriteContext, call: TSESTree.CallExpression, owner: Owner): boolean {
  const lifetime = ownerLifetime(owner);
  const fn = enclosingFunction(call);
  return fn !== null && !handledAt(context, call, owner, lifetime, 0);
}

/**
 * Is the handle in `owner` let go of, or known to be empty, whenever `site`
 * runs: it runs once per owner, inside a timer's own callback, after a
 * guard on the handle or on a flag its function sets, after a release on
 * every path from its function's start, or in a private helper every one
 * of whose callers is such a site.
 */
function handledAt(
  context: OverwriteContext,
  site: TSESTree.Node,
  owner: Owner,
  lifetime: Lifetime,
  depth: number,
): boolean {
  if (!runsPerCall(site, owner, lifetime, context.scopes)) return true;
  if (insideTimerCallback(site, context.timerAliases)) return true;
  const fn = enclosingFunction(site);
  if (!fn) return true;
  if (guarded(context, fn, site, owner)) return true;
  const at = context.tracker.positions.get(site);
  if (!at || !reachedWithout(at, releasesIn(context, fn, owner, site))) return true;
  if (depth >= 3) return false;
  const callers = callSitesOf(context, fn);
  return (
    callers !== null &&
    callers.length > 0 &&
    callers.every((caller) => handledAt(context, caller, owner, lifetime, depth + 1))
  );
}

/** The calls in `fn` (not in nested functions) that let go of the handle in `owner`. */
function releasesIn(context: OverwriteContext, fn: FunctionNode, owner: Owner, except: TSESTree.Node): Position[] {
  const found: Position[] = [];
  walk(
    fn.body,
    (node) => {
      if (node.type !== AST_NODE_TYPES.CallExpression || node === except) return;
      if (!callReleases(node, owner, context.sourceCode)) return;
      const position = context.tracker.positions.get(node);
      if (position) found.push(position);
    },
    { intoFunctions: false },
  );
  return found;
}

/**
 * Every call of a function in the program, and every promise reaction it
 * is registered as (`p.then(f, f)`: it runs once, where that runs), when
 * all of them are in this file. Null when some use is not a call (it is
 * passed on) or some caller is in another file: those sites cannot be
 * judged from here.
 */
function callSitesOf(context: OverwriteContext, fn: FunctionNode): TSESTree.CallExpression[] | null {
  const { services } = context;
  const { calls, reactions, complete } = programCallSites(services.program, services.esTreeNodeToTSNodeMap.get(fn));
  if (!complete) return null;
  const sourceFile = services.esTreeNodeToTSNodeMap.get(context.sourceCode.ast);
  const found: TSESTree.CallExpression[] = [];
  for (const call of [...calls, ...reactions]) {
    if (call.getSourceFile() !== sourceFile) return null;
    const node = services.tsNodeToESTreeNodeMap.get(call);
    if (node.type !== AST_NODE_TYPES.CallExpression) return null;
    found.push(node);
  }
  return found;
}

/** Inside the callback of a timer: the handle being replaced is that timer's, which has fired. */
function insideTimerCallback(node: TSESTree.Node, timerAliases: ReadonlySet<string>): boolean {
  for (let p: TSESTree.Node | undefined = node.parent; p; p = p.parent) {
    if (!isFunctionNode(p)) continue;
    const parent = p.parent;
    if (
      parent.type === AST_NODE_TYPES.CallExpression &&
      parent.arguments[0] === p &&
      mayBeTimerCallee(parent.callee, timerAliases)
    )
      return true;
  }
  return false;
}

/**
 * Is the re-arm guarded: a test before it (or around it) reads the handle
 * (`if (this.timer) return`, `if (!this.timer)`), or reads a flag the same
 * function sets (`if (this.started) return; this.started = true`) and
 * decides whether the re-arm runs (a test whose branches both go on to the
 * re-arm, `if (n === 0) n = 30`, guards nothing)?
 */
function guarded(context: OverwriteContext, fn: FunctionNode, site: TSESTree.Node, owner: Owner): boolean {
  const { sourceCode, scopes } = context;
  const written: Owner[] = [];
  const tests: { test: TSESTree.Node; control: TSESTree.Node }[] = [];
  // The function and the functions around it (a guard before a nested function is defined counts).
  for (let scope: TSESTree.Node | null = fn; scope; scope = enclosingFunction(scope)) {
    const body = scope.body;
    walk(
      body,
      (node) => {
        if (node.type === AST_NODE_TYPES.AssignmentExpression && !contains(node, site)) {
          const left = resolveOwner(node.left, scopes.scopeOf);
          if (left) written.push(left);
        }
        if (node.range[0] >= site.range[0]) return;
        if (node.type === AST_NODE_TYPES.IfStatement || node.type === AST_NODE_TYPES.ConditionalExpression)
          tests.push({ test: node.test, control: node });
        else if (node.type === AST_NODE_TYPES.LogicalExpression) tests.push({ test: node.left, control: node });
        else if (node.type === AST_NODE_TYPES.SwitchStatement) tests.push({ test: node.discriminant, control: node });
        else if (node.type === AST_NODE_TYPES.WhileStatement) tests.push({ test: node.test, control: node });
      },
      { intoFunctions: false },
    );
    if (classOfMember(scope)) break;
  }
  const reads = (root: TSESTree.Node, flags: readonly Owner[], depth: number): boolean => {
    let found = false;
    walk(root, (node) => {
      if (found) return;
      if (flags.some((flag) => denotesOwner(node, flag, sourceCode))) found = true;
      // `if (this.isStarted()) return`: a method of the class that reads the flag.
      else if (depth === 0 && node.type === AST_NODE_TYPES.CallExpression) {
        const value = thisMember(node.callee)?.value;
        if (value && isFunctionNode(value) && reads(value.body, flags, depth + 1)) found = true;
      }
    });
    return found;
  };
  return tests.some(
    ({ test, control }) => reads(test, [owner], 0) || (decides(control, site) && reads(test, written, 0)),
  );
}

/**
 * Does the test of `control` decide whether `site` runs: `site` is inside
 * one of its branches, or a branch leaves before reaching it (`return`,
 * `throw`, `break`, `continue`), or it is a loop that waits on it?
 */
function decides(control: TSESTree.Node, site: TSESTree.Node): boolean {
  switch (control.type) {
    case AST_NODE_TYPES.IfStatement:
      return (
        contains(control.consequent, site) ||
        (control.alternate !== null && contains(control.alternate, site)) ||
        !completesNormally(control.consequent) ||
        (control.alternate !== null && !completesNormally(control.alternate))
      );
    case AST_NODE_TYPES.ConditionalExpression:
      return contains(control.consequent, site) || contains(control.alternate, site);
    case AST_NODE_TYPES.LogicalExpression:
      return contains(control.right, site);
    case AST_NODE_TYPES.SwitchStatement:
      return (
        contains(control, site) ||
        control.cases.some((branch) => branch.consequent.some((statement) => !completesNormally(statement)))
      );
    default:
      return true;
  }
}

/** Can `statement` run to its end: it does not end in a `return`, `throw`, `break` or `continue` on every branch? */
function completesNormally(statement: TSESTree.Statement): boolean {
  switch (statement.type) {
    case AST_NODE_TYPES.ReturnStatement:
    case AST_NODE_TYPES.ThrowStatement:
    case AST_NODE_TYPES.BreakStatement:
    case AST_NODE_TYPES.ContinueStatement:
      return false;
    case AST_NODE_TYPES.BlockStatement:
      return statement.body.every(completesNormally);
    case AST_NODE_TYPES.IfStatement:
      return (
        statement.alternate === null ||
        completesNormally(statement.consequent) ||
        completesNormally(statement.alternate)
      );
    default:
      return true;
  }
}

/** A timer loop's re-arm: a timer whose callback runs its function again, stored in `owner`. */
export interface LoopRearm {
  call: TSESTree.CallExpression;
  owner: Owner;
}

/**
 * Does `call` stand where a loop's re-arm of the same owner stands: in the
 * same function, on another branch of the same test (`if (busy) this.t =
 * setTimeout(done, 2000); else this.t = setTimeout(this.poll, 5000)`)? It
 * then replaces the same handle the re-arm does, one whose timer has fired.
 */
export function besideLoopRearm(call: TSESTree.CallExpression, owner: Owner, rearms: readonly LoopRearm[]): boolean {
  const fn = enclosingFunction(call);
  // `rearms` are in source order: only those starting inside the same function are read.
  const inside = fn ? startingWithinBy(rearms, fn.range[0], fn.range[1], (rearm) => rearm.call) : rearms;
  return inside.some(
    (rearm) =>
      rearm.call !== call &&
      sameOwner(rearm.owner, owner) &&
      enclosingFunction(rearm.call) === fn &&
      onOtherBranches(call, rearm.call),
  );
}

/** Are `a` and `b` in different branches of one `if`, `?:` or `switch`, so that no run reaches both? */
function onOtherBranches(a: TSESTree.Node, b: TSESTree.Node): boolean {
  for (let p: TSESTree.Node | undefined = a.parent; p; p = p.parent) {
    if (!contains(p, b)) continue;
    // The innermost node holding both.
    if (p.type === AST_NODE_TYPES.IfStatement || p.type === AST_NODE_TYPES.ConditionalExpression) {
      const branches = [p.consequent, p.alternate];
      return (
        branches.some((x) => x && contains(x, a)) &&
        branches.some((x) => x && contains(x, b)) &&
        !branches.some((x) => x && contains(x, a) && contains(x, b))
      );
    }
    if (p.type === AST_NODE_TYPES.SwitchStatement) {
      // Cases that fall through reach the next one: only cases that end in a jump are apart.
      const caseOf = (n: TSESTree.Node) => p.cases.find((c) => contains(c, n));
      const first = caseOf(a);
      const second = caseOf(b);
      return first !== undefined && second !== undefined && first !== second && endsInJump(first) && endsInJump(second);
    }
    return false;
  }
  return false;
}

function endsInJump(branch: TSESTree.SwitchCase): boolean {
  const last = branch.consequent.at(-1);
  return (
    last !== undefined &&
    (last.type === AST_NODE_TYPES.BreakStatement ||
      last.type === AST_NODE_TYPES.ReturnStatement ||
      last.type === AST_NODE_TYPES.ThrowStatement ||
      last.type === AST_NODE_TYPES.ContinueStatement)
  );
}
