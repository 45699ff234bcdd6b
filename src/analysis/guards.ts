/**
 * Guards: the `if` tests around an acquire or a release, and whether the test
 * around a release is a branch of the work or only a check on the resource
 * itself (the acquire's own guard, a test the acquire's guard implies, a
 * null check on the handle, a read of the entry's own contents).
 */
import { ASTUtils, AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import {
  branchTestsAround,
  contains,
  isFunctionNode,
  memberName,
  skipWrappers,
  walk,
  type FunctionNode,
} from './ast.js';
import { constDeclarator } from './owners.js';
import { textOf, type ResourceSite } from './resources.js';

/** The tests of the `if`s whose consequent holds `node`, up to `fn`. */
export function guardTestsAround(node: TSESTree.Node, fn: FunctionNode | null): TSESTree.Expression[] {
  const tests: TSESTree.Expression[] = [];
  let child: TSESTree.Node = node;
  for (let p = node.parent; p && p !== fn; child = p, p = p.parent) {
    if (p.type === AST_NODE_TYPES.IfStatement && p.consequent === child) tests.push(p.test);
  }
  return tests;
}

/**
 * `if (timer) clearTimeout(timer)`: a guard that only checks the handle is not a branch.
 * The node that stands for the release on the paths: the `if` when its test is such a
 * guard, the release itself otherwise.
 */
export function guardedRelease(
  release: ResourceSite,
  acquire: { node: TSESTree.Node; tests: readonly TSESTree.Expression[] },
  sourceCode: Readonly<TSESLint.SourceCode>,
): TSESTree.Node {
  const acquireTests = acquire.tests;
  let expression: TSESTree.Node = release.node;
  if (expression.parent?.type === AST_NODE_TYPES.AwaitExpression) expression = expression.parent;
  const statement = expression.parent;
  if (statement?.type !== AST_NODE_TYPES.ExpressionStatement) return release.node;
  // The release directly in the block of the \`if\` (`if (timer) { clearTimeout(timer); timer = undefined; }`).
  let holder: TSESTree.Node = statement;
  if (holder.parent.type === AST_NODE_TYPES.BlockStatement) holder = holder.parent;
  const guard = holder.parent;
  if (guard.type !== AST_NODE_TYPES.IfStatement || guard.consequent !== holder || guard.alternate) return release.node;
  // `if (type.isUnion()) { seen.add(type); convert(type); seen.delete(type); }`: a test around the
  // acquire too decides nothing between them; the release stands for itself.
  if (contains(guard, acquire.node)) return release.node;
  // Whenever the acquire ran, the release's test holds: the acquire's own guard
  // (`if (blocking) this.active++` … `finally { if (blocking) this.active-- }`), or one it
  // implies (`if (!runner || shouldCreate) runner = create()` … `if (shouldCreate) runner.release()`,
  // with `const shouldCreate = !runner || …`).
  if (acquireTests.some((test) => implies(test, guard.test, sourceCode))) return guard;
  if (release.kind === 'entry' && readsEntry(guard.test, release, sourceCode)) return guard;
  const handle = release.node.type === AST_NODE_TYPES.CallExpression ? release.node.arguments[0] : undefined;
  const callee = release.node.type === AST_NODE_TYPES.CallExpression ? skipWrappers(release.node.callee) : null;
  const subject = handle ?? (callee?.type === AST_NODE_TYPES.MemberExpression ? callee.object : callee);
  if (!subject) return release.node;
  return testsHandle(guard.test, textOf(subject, sourceCode), sourceCode) ? guard : release.node;
}

/**
 * `if (map.get(k)?.size === 0) map.delete(k)`: the entry is deleted when its
 * own contents say it is no longer used (a reference count, a list of
 * waiters): its life is governed by what it holds, not by this path.
 */
function readsEntry(
  test: TSESTree.Expression,
  release: ResourceSite,
  sourceCode: Readonly<TSESLint.SourceCode>,
): boolean {
  if (release.node.type !== AST_NODE_TYPES.CallExpression || !release.receiver) return false;
  const key = release.node.arguments[0];
  if (!key) return false;
  const entry = { receiver: textOf(release.receiver, sourceCode), key: textOf(key, sourceCode) };
  let found = false;
  walk(test, (node) => {
    if (!found && node.type === AST_NODE_TYPES.CallExpression) found = lookupOf(node, 'get', entry, sourceCode);
  });
  return found;
}

/**
 * A test about which handle this is, not about how the work went: the
 * handle's truthiness (`if (timer)`), or a comparison of the handle with
 * another value (`if (runner !== this.runner)`: release only what this
 * function made, not what it borrowed).
 */
function testsHandle(test: TSESTree.Expression, handle: string, sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  let node = skipWrappers(test);
  let negated = false;
  while (node.type === AST_NODE_TYPES.UnaryExpression && node.operator === '!') {
    negated = !negated;
    node = skipWrappers(node.argument);
  }
  // `if (!timer) clearTimeout(timer)` runs only when there is nothing to release: a branch.
  if (textOf(node, sourceCode) === handle) return !negated;
  return (
    node.type === AST_NODE_TYPES.BinaryExpression &&
    ['===', '!==', '==', '!='].includes(node.operator) &&
    (textOf(node.left, sourceCode) === handle || textOf(node.right, sourceCode) === handle)
  );
}

/** `a || b || c`, as its parts. */
function disjuncts(expression: TSESTree.Expression): TSESTree.Expression[] {
  const node = skipWrappers(expression);
  if (node.type === AST_NODE_TYPES.LogicalExpression && node.operator === '||') {
    return [...disjuncts(node.left), ...disjuncts(node.right)];
  }
  return [node];
}

/**
 * Does `test` being true imply `required`? Each part of `test` (split on `||`) is `required`
 * itself or one of its parts, where a \`const\` in `required` stands for its initializer.
 */
function implies(
  test: TSESTree.Expression,
  required: TSESTree.Expression,
  sourceCode: Readonly<TSESLint.SourceCode>,
): boolean {
  const accepted = new Set<string>([textOf(required, sourceCode)]);
  for (const part of disjuncts(required)) {
    accepted.add(textOf(part, sourceCode));
    const declarator = part.type === AST_NODE_TYPES.Identifier ? constDeclarator(part, sourceCode) : null;
    if (declarator?.init) for (const inner of disjuncts(declarator.init)) accepted.add(textOf(inner, sourceCode));
  }
  return disjuncts(test).every((part) => accepted.has(textOf(part, sourceCode)));
}

/**
 * `if (v === null) nulls.add(k) else nulls.delete(k)`: the two branches of one
 * `if` keep a set up to date; even when a loop runs both, they are not a pair.
 */
export function inOtherBranch(acquire: TSESTree.Node, release: TSESTree.Node): boolean {
  for (let p = release.parent; p && !isFunctionNode(p); p = p.parent) {
    if (!contains(p, acquire)) continue;
    if (p.type !== AST_NODE_TYPES.IfStatement || !p.alternate) return false;
    return (
      (contains(p.consequent, acquire) && contains(p.alternate, release)) ||
      (contains(p.alternate, acquire) && contains(p.consequent, release))
    );
  }
  return false;
}

/** A `throw` that is the whole branch of an `if` whose test reads what the acquire changed. */
export function assertsOnResource(
  jump: TSESTree.Node,
  acquire: ResourceSite,
  sourceCode: Readonly<TSESLint.SourceCode>,
): boolean {
  // Only for a count: for a handle or an entry, a throw on its state (a file too large, a map
  // over its limit) is an ordinary failure that the release should still follow.
  if (jump.type !== AST_NODE_TYPES.ThrowStatement || acquire.kind !== 'count') return false;
  const branch =
    jump.parent.type === AST_NODE_TYPES.BlockStatement && jump.parent.body.length === 1 ? jump.parent : jump;
  const test = branch.parent.type === AST_NODE_TYPES.IfStatement ? branch.parent.test : null;
  const node = acquire.node;
  const changed =
    node.type === AST_NODE_TYPES.UpdateExpression
      ? node.argument
      : node.type === AST_NODE_TYPES.AssignmentExpression
        ? node.left
        : acquire.receiver;
  if (!test || !changed) return false;
  const text = textOf(changed, sourceCode);
  let reads = false;
  walk(test, (part) => {
    if (!reads && textOf(part, sourceCode) === text) reads = true;
  });
  return reads;
}

/**
 * `afterState = afterState ?? this.pending.get(key); if (afterState === undefined) return;`:
 * a jump taken only when the acquire's own entry is no longer there (something else
 * removed it while this function waited) leaves nothing behind to release.
 */
export function takenWhenEntryGone(
  jump: TSESTree.Node,
  acquire: ResourceSite,
  fn: FunctionNode | null,
  sourceCode: Readonly<TSESLint.SourceCode>,
): boolean {
  if (acquire.kind !== 'entry' || acquire.node.type !== AST_NODE_TYPES.CallExpression || !acquire.receiver)
    return false;
  const key = acquire.node.arguments[0];
  if (!key) return false;
  let child: TSESTree.Node = jump;
  let guard: TSESTree.IfStatement | null = null;
  for (let p = jump.parent; p && p !== fn && !isFunctionNode(p); child = p, p = p.parent) {
    if (p.type === AST_NODE_TYPES.IfStatement && p.test !== child) {
      guard = p.consequent === child ? p : null;
      break;
    }
  }
  if (!guard) return false;
  const entry = { receiver: textOf(acquire.receiver, sourceCode), key: textOf(key, sourceCode) };
  const absent = absenceTested(guard.test);
  if (!absent) return false;
  if (absent.kind === 'has') return lookupOf(absent.node, 'has', entry, sourceCode);
  if (lookupOf(absent.node, 'get', entry, sourceCode)) return true;
  if (absent.node.type !== AST_NODE_TYPES.Identifier) return false;
  const value = valueBefore(guard, absent.node, sourceCode);
  return value !== null && mirrorsLookup(value, entry, sourceCode);
}

/** What a test says is missing: `!m.has(k)` (the call), `!v`, `v === undefined`, `v == null` (the value). */
function absenceTested(test: TSESTree.Expression): { kind: 'has' | 'value'; node: TSESTree.Expression } | null {
  const node = skipWrappers(test);
  if (node.type === AST_NODE_TYPES.UnaryExpression && node.operator === '!') {
    const operand = skipWrappers(node.argument);
    const callee = operand.type === AST_NODE_TYPES.CallExpression ? skipWrappers(operand.callee) : null;
    const isHas = callee?.type === AST_NODE_TYPES.MemberExpression && memberName(callee) === 'has';
    return { kind: isHas ? 'has' : 'value', node: operand };
  }
  if (node.type !== AST_NODE_TYPES.BinaryExpression || !['===', '=='].includes(node.operator)) return null;
  const nothing = (side: TSESTree.Node): boolean =>
    (side.type === AST_NODE_TYPES.Identifier && side.name === 'undefined') ||
    (side.type === AST_NODE_TYPES.Literal && side.value === null);
  if (nothing(node.right) && node.left.type !== AST_NODE_TYPES.PrivateIdentifier) {
    return { kind: 'value', node: skipWrappers(node.left) };
  }
  if (nothing(node.left)) return { kind: 'value', node: skipWrappers(node.right) };
  return null;
}

/** `m.get(k)` / `m.has(k)` on the acquire's owner and key. */
function lookupOf(
  node: TSESTree.Expression,
  method: 'get' | 'has',
  entry: { receiver: string; key: string },
  sourceCode: Readonly<TSESLint.SourceCode>,
): boolean {
  const call = skipWrappers(node);
  if (call.type !== AST_NODE_TYPES.CallExpression) return false;
  const callee = skipWrappers(call.callee);
  const [argument] = call.arguments;
  return (
    callee.type === AST_NODE_TYPES.MemberExpression &&
    memberName(callee) === method &&
    textOf(skipWrappers(callee.object), sourceCode) === entry.receiver &&
    argument !== undefined &&
    textOf(argument, sourceCode) === entry.key
  );
}

/** `m.get(k)`, `earlier ?? m.get(k)`, `earlier || m.get(k)`: empty only if the entry is. */
function mirrorsLookup(
  value: TSESTree.Expression,
  entry: { receiver: string; key: string },
  sourceCode: Readonly<TSESLint.SourceCode>,
): boolean {
  const node = skipWrappers(value);
  if (node.type === AST_NODE_TYPES.LogicalExpression && (node.operator === '??' || node.operator === '||')) {
    return mirrorsLookup(node.right, entry, sourceCode);
  }
  return lookupOf(node, 'get', entry, sourceCode);
}

/**
 * The value `variable` holds when `statement` runs: the assignment or declaration just
 * before it in the same block, or the initializer of a `const`.
 */
function valueBefore(
  statement: TSESTree.Statement,
  variable: TSESTree.Identifier,
  sourceCode: Readonly<TSESLint.SourceCode>,
): TSESTree.Expression | null {
  const holder = statement.parent;
  if (holder.type === AST_NODE_TYPES.BlockStatement || holder.type === AST_NODE_TYPES.Program) {
    const previous = holder.body[holder.body.indexOf(statement) - 1];
    if (previous?.type === AST_NODE_TYPES.ExpressionStatement) {
      const assignment = skipWrappers(previous.expression);
      if (
        assignment.type === AST_NODE_TYPES.AssignmentExpression &&
        assignment.operator === '=' &&
        assignment.left.type === AST_NODE_TYPES.Identifier &&
        assignment.left.name === variable.name
      ) {
        return assignment.right;
      }
    }
    if (previous?.type === AST_NODE_TYPES.VariableDeclaration) {
      const declarator = previous.declarations.find(
        (d) => d.id.type === AST_NODE_TYPES.Identifier && d.id.name === variable.name,
      );
      if (declarator?.init) return declarator.init;
    }
  }
  return constDeclarator(variable, sourceCode)?.init ?? null;
}

/**
 * `if (signal.aborted) { reject(…); return; }` after `signal.addEventListener('abort', onAbort)`
 * in the same function, where `onAbort` releases the resource: once the function sees the
 * signal aborted, the signal has run its listeners, so the release has run before the jump.
 * The signal is matched by the variable it is reached from and the path to it
 * (`controller?.signal`), never by its text alone.
 */
export function takenAfterAbortRelease(
  jump: TSESTree.Node,
  releases: readonly ResourceSite[],
  fn: FunctionNode | null,
  sourceCode: Readonly<TSESLint.SourceCode>,
): boolean {
  if (!fn) return false;
  const tested: ReachedFrom[] = [];
  for (const test of branchTestsAround(jump, fn)) {
    walk(test, (node) => {
      if (node.type !== AST_NODE_TYPES.MemberExpression || memberName(node) !== 'aborted') return;
      const signal = reachedFrom(node.object, sourceCode);
      if (signal) tested.push(signal);
    });
  }
  if (tested.length === 0) return false;
  let released = false as boolean;
  walk(fn.body, (node) => {
    if (released || node.type !== AST_NODE_TYPES.CallExpression) return;
    const callee = skipWrappers(node.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression || memberName(callee) !== 'addEventListener') return;
    const [event, handler] = node.arguments;
    if (event?.type !== AST_NODE_TYPES.Literal || event.value !== 'abort' || !handler) return;
    if (handler.type === AST_NODE_TYPES.SpreadElement) return;
    const target = reachedFrom(callee.object, sourceCode);
    if (!target || !tested.some((signal) => sameReach(signal, target))) return;
    const listener = listenerFunction(handler, sourceCode);
    if (listener && releases.some((release) => contains(listener, release.node))) released = true;
  });
  return released;
}

/** A variable and the members read from it: `controller?.signal` is `controller` and `signal`. */
interface ReachedFrom {
  variable: TSESLint.Scope.Variable;
  path: string;
}

function reachedFrom(node: TSESTree.Node, sourceCode: Readonly<TSESLint.SourceCode>): ReachedFrom | null {
  const names: string[] = [];
  let current = skipWrappers(node as TSESTree.Expression);
  while (current.type === AST_NODE_TYPES.MemberExpression) {
    const name = memberName(current);
    if (name === null) return null;
    names.unshift(name);
    current = skipWrappers(current.object);
  }
  if (current.type !== AST_NODE_TYPES.Identifier) return null;
  const variable = ASTUtils.findVariable(sourceCode.getScope(current), current.name);
  return variable ? { variable, path: names.join('.') } : null;
}

function sameReach(a: ReachedFrom, b: ReachedFrom): boolean {
  return a.variable === b.variable && a.path === b.path;
}

/** The function a listener argument is: written in place, or a `const` holding one. */
function listenerFunction(node: TSESTree.Expression, sourceCode: Readonly<TSESLint.SourceCode>): FunctionNode | null {
  const value = skipWrappers(node);
  if (isFunctionNode(value)) return value;
  if (value.type !== AST_NODE_TYPES.Identifier) return null;
  const declarator = constDeclarator(value, sourceCode);
  const init = declarator ? skipWrappers(declarator.init) : null;
  return init && isFunctionNode(init) ? init : null;
}
