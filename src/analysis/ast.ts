/** Small syntactic helpers shared by the analysis modules. */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { visitorKeys } from '@typescript-eslint/visitor-keys';

export type FunctionNode =
  TSESTree.ArrowFunctionExpression | TSESTree.FunctionDeclaration | TSESTree.FunctionExpression;

export type ClassNode = TSESTree.ClassDeclaration | TSESTree.ClassExpression;

export function isFunctionNode(node: TSESTree.Node): node is FunctionNode {
  return (
    node.type === AST_NODE_TYPES.ArrowFunctionExpression ||
    node.type === AST_NODE_TYPES.FunctionDeclaration ||
    node.type === AST_NODE_TYPES.FunctionExpression
  );
}

export function isClassNode(node: TSESTree.Node): node is ClassNode {
  return node.type === AST_NODE_TYPES.ClassDeclaration || node.type === AST_NODE_TYPES.ClassExpression;
}

/** The static name of a member access: `a.b`, `a['b']`, `a.#b` (as `#b`). */
export function memberName(node: TSESTree.MemberExpression): string | null {
  if (!node.computed) {
    return node.property.type === AST_NODE_TYPES.PrivateIdentifier ? `#${node.property.name}` : node.property.name;
  }
  if (node.property.type === AST_NODE_TYPES.Literal && typeof node.property.value === 'string') {
    return node.property.value;
  }
  return null;
}

/** The name of a class member or object property key, `#x` for private names. */
export function keyName(key: TSESTree.Node, computed: boolean): string | null {
  if (key.type === AST_NODE_TYPES.PrivateIdentifier) return `#${key.name}`;
  if (!computed && key.type === AST_NODE_TYPES.Identifier) return key.name;
  if (key.type === AST_NODE_TYPES.Literal && typeof key.value === 'string') return key.value;
  return null;
}

/**
 * Steps over wrappers that do not change which value an expression denotes:
 * `x!`, `x as T`, `x satisfies T`, `<T>x`, and parentheses (already gone in ESTree).
 */
export function outermostAlias(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  for (;;) {
    const parent = current.parent;
    if (
      parent &&
      (parent.type === AST_NODE_TYPES.TSNonNullExpression ||
        parent.type === AST_NODE_TYPES.TSAsExpression ||
        parent.type === AST_NODE_TYPES.TSSatisfiesExpression ||
        parent.type === AST_NODE_TYPES.TSTypeAssertion) &&
      parent.expression === current
    ) {
      current = parent;
      continue;
    }
    return current;
  }
}

/** Removes the same wrappers from the inside: the expression a wrapped one denotes. */
export function skipWrappers(node: TSESTree.Expression): TSESTree.Expression {
  let current = node;
  while (
    current.type === AST_NODE_TYPES.TSNonNullExpression ||
    current.type === AST_NODE_TYPES.TSAsExpression ||
    current.type === AST_NODE_TYPES.TSSatisfiesExpression ||
    current.type === AST_NODE_TYPES.TSTypeAssertion ||
    current.type === AST_NODE_TYPES.ChainExpression
  ) {
    current = current.expression;
  }
  return current;
}

/** `x`, `this`, `a.b.c`: a reference that can be written again elsewhere and name the same thing. */
export function isPlainReference(node: TSESTree.Node): boolean {
  if (node.type === AST_NODE_TYPES.Identifier || node.type === AST_NODE_TYPES.ThisExpression) return true;
  return node.type === AST_NODE_TYPES.MemberExpression && !node.computed && isPlainReference(node.object);
}

/** `(function () { … })()` and `(() => { … })()`: runs once, where it stands. */
export function isImmediatelyInvoked(fn: FunctionNode): boolean {
  const parent = fn.parent;
  return parent.type === AST_NODE_TYPES.CallExpression && parent.callee === fn;
}

/** Array methods whose callbacks run in place, before the call returns. */
export const SYNC_CALLBACK_METHODS: ReadonlySet<string> = new Set([
  'map',
  'forEach',
  'filter',
  'reduce',
  'reduceRight',
  'some',
  'every',
  'find',
  'findIndex',
  'findLast',
  'findLastIndex',
  'flatMap',
  'sort',
  'toSorted',
  'from',
]);

/**
 * A function that runs where it stands, before the surrounding code goes on:
 * an immediately invoked one, a callback of an array method (`list.map(x => …)`),
 * or a `new Promise` executor.
 */
export function runsInPlace(fn: FunctionNode): boolean {
  if (isImmediatelyInvoked(fn)) return true;
  const parent = fn.parent;
  if (parent.type === AST_NODE_TYPES.NewExpression) {
    return parent.callee.type === AST_NODE_TYPES.Identifier && parent.callee.name === 'Promise';
  }
  if (parent.type !== AST_NODE_TYPES.CallExpression || parent.callee === fn) return false;
  const callee = parent.callee;
  return callee.type === AST_NODE_TYPES.MemberExpression && SYNC_CALLBACK_METHODS.has(memberName(callee) ?? '');
}

/** A `for`, `for…in`, `for…of`, `while` or `do…while` statement. */
export function isLoop(
  node: TSESTree.Node,
): node is
  | TSESTree.WhileStatement
  | TSESTree.DoWhileStatement
  | TSESTree.ForStatement
  | TSESTree.ForInStatement
  | TSESTree.ForOfStatement {
  return (
    node.type === AST_NODE_TYPES.WhileStatement ||
    node.type === AST_NODE_TYPES.DoWhileStatement ||
    node.type === AST_NODE_TYPES.ForStatement ||
    node.type === AST_NODE_TYPES.ForInStatement ||
    node.type === AST_NODE_TYPES.ForOfStatement
  );
}

/**
 * Does `node` hold a `return`, `throw`, `break`, `continue` or `yield` of `fn` (not of a
 * function written inside it)?
 */
export function jumpsFrom(node: TSESTree.Node, fn: TSESTree.Node | null): boolean {
  let found = false;
  walk(
    node,
    (child) => {
      if (
        (child.type === AST_NODE_TYPES.ReturnStatement ||
          child.type === AST_NODE_TYPES.ThrowStatement ||
          child.type === AST_NODE_TYPES.BreakStatement ||
          child.type === AST_NODE_TYPES.ContinueStatement ||
          child.type === AST_NODE_TYPES.YieldExpression) &&
        enclosingFunction(child) === fn
      ) {
        found = true;
      }
    },
    { intoFunctions: false },
  );
  return found;
}

/** What an assignment (`x = …`, `this.n += 1`) or a `++`/`--` writes; null for any other node. */
export function writtenTarget(node: TSESTree.Node): TSESTree.Node | null {
  if (node.type === AST_NODE_TYPES.AssignmentExpression) return node.left;
  if (node.type === AST_NODE_TYPES.UpdateExpression) return node.argument;
  return null;
}

/** The nearest function around `node` (not `node` itself), or null at the top level. */
export function enclosingFunction(node: TSESTree.Node): FunctionNode | null {
  for (let p = node.parent; p; p = p.parent) {
    if (isFunctionNode(p)) return p;
  }
  return null;
}

/** The name a call's callee goes by: `f` for `f()`, `on` for `x.on()`, null otherwise. */
export function calleeName(callee: TSESTree.Node): string | null {
  if (callee.type === AST_NODE_TYPES.Identifier) return callee.name;
  if (callee.type === AST_NODE_TYPES.MemberExpression) return memberName(callee);
  return null;
}

/** A readable name for a function: `handle`, `Cache.get`, or null when anonymous. */
export function functionName(fn: FunctionNode): string | null {
  if (fn.id) return fn.id.name;
  const parent = fn.parent;
  switch (parent.type) {
    case AST_NODE_TYPES.MethodDefinition:
    case AST_NODE_TYPES.PropertyDefinition:
    case AST_NODE_TYPES.Property:
      return keyName(parent.key, parent.computed);
    case AST_NODE_TYPES.VariableDeclarator:
      return parent.id.type === AST_NODE_TYPES.Identifier ? parent.id.name : null;
    case AST_NODE_TYPES.AssignmentExpression:
      if (parent.left.type === AST_NODE_TYPES.MemberExpression) return memberName(parent.left);
      if (parent.left.type === AST_NODE_TYPES.Identifier) return parent.left.name;
      return null;
    default:
      return null;
  }
}

/** The class a constructor, method, accessor or field initializer belongs to. */
export function classOfMember(
  node: TSESTree.Node,
): { classNode: ClassNode; isStatic: boolean; member: TSESTree.Node } | null {
  const parent = node.parent;
  if (!parent) return null;
  if (
    (parent.type === AST_NODE_TYPES.MethodDefinition ||
      parent.type === AST_NODE_TYPES.PropertyDefinition ||
      parent.type === AST_NODE_TYPES.AccessorProperty) &&
    parent.value === node
  ) {
    return { classNode: parent.parent.parent, isStatic: parent.static, member: parent };
  }
  if (parent.type === AST_NODE_TYPES.ClassBody && node.type === AST_NODE_TYPES.StaticBlock) {
    return { classNode: parent.parent, isStatic: true, member: node };
  }
  return null;
}

/** Is `fn` a class's constructor? */
export function isConstructor(fn: TSESTree.Node): boolean {
  return (
    fn.parent?.type === AST_NODE_TYPES.MethodDefinition && fn.parent.kind === 'constructor' && fn.parent.value === fn
  );
}

/** `new Promise((resolve) => …)`: an inline executor that takes no `reject`, so the promise cannot reject. */
export function isResolveOnlyPromise(node: TSESTree.Node): boolean {
  if (node.type !== AST_NODE_TYPES.NewExpression) return false;
  const executor = node.arguments[0];
  return (
    node.callee.type === AST_NODE_TYPES.Identifier &&
    node.callee.name === 'Promise' &&
    executor !== undefined &&
    isFunctionNode(executor) &&
    executor.params.length < 2
  );
}

export function isNode(value: unknown): value is TSESTree.Node {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

/** Does `outer`'s source range include `inner`'s? */
export function contains(outer: TSESTree.Node, inner: TSESTree.Node): boolean {
  return outer.range[0] <= inner.range[0] && inner.range[1] <= outer.range[1];
}

/**
 * The items of `sorted` (in source order, as a traversal records them) whose
 * node starts in `[from, to)`, found by binary search: a question about one
 * function costs what that function holds, not what the file holds.
 */
export function startingWithin<T extends { node: TSESTree.Node }>(sorted: readonly T[], from: number, to: number): T[] {
  return startingWithinBy(sorted, from, to, (item) => item.node);
}

/** `startingWithin` for items sorted by the start of another node of theirs (`nodeOf`). */
export function startingWithinBy<T>(
  sorted: readonly T[],
  from: number,
  to: number,
  nodeOf: (item: T) => TSESTree.Node,
): T[] {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    const item = sorted[mid];
    if ((item === undefined ? Infinity : nodeOf(item).range[0]) < from) low = mid + 1;
    else high = mid;
  }
  const found: T[] = [];
  for (let i = low; i < sorted.length; i++) {
    const item = sorted[i];
    if (item === undefined || nodeOf(item).range[0] >= to) break;
    found.push(item);
  }
  return found;
}

/**
 * Visits `root` and every node below it (with its parent), iteratively. With
 * `intoFunctions: false`, functions nested below `root` are not entered.
 */
export function walk(
  root: TSESTree.Node,
  visit: (node: TSESTree.Node, parent: TSESTree.Node | undefined) => void,
  options?: { intoFunctions?: boolean },
): void {
  const intoFunctions = options?.intoFunctions ?? true;
  // Two parallel stacks rather than a pair per node: the walk runs over whole classes and functions on every lint.
  const nodes: TSESTree.Node[] = [root];
  const parents: (TSESTree.Node | undefined)[] = [root.parent];
  while (nodes.length > 0) {
    const node = nodes.pop() as TSESTree.Node;
    const parent = parents.pop();
    visit(node, parent);
    if (!intoFunctions && node !== root && isFunctionNode(node)) continue;
    // Only the keys that hold children (typescript-eslint's visitor keys), not every property.
    const keys = visitorKeys[node.type] ?? Object.keys(node).filter((key) => key !== 'parent');
    for (const key of keys) {
      const value: unknown = (node as unknown as Record<string, unknown>)[key];
      if (Array.isArray(value)) {
        for (const child of value as unknown[]) {
          if (isNode(child)) {
            nodes.push(child);
            parents.push(node);
          }
        }
      } else if (isNode(value)) {
        nodes.push(value);
        parents.push(node);
      }
    }
  }
}

/**
 * The instance member that `this.name` names in the class around the access:
 * a method (`take() {…}`) or a field (`take = () => {…}`), not a static one.
 */
export function thisMember(callee: TSESTree.Node): TSESTree.MethodDefinition | TSESTree.PropertyDefinition | null {
  if (callee.type !== AST_NODE_TYPES.MemberExpression || callee.computed) return null;
  if (skipWrappers(callee.object).type !== AST_NODE_TYPES.ThisExpression) return null;
  const name = keyName(callee.property, false);
  if (name === null) return null;
  for (let p: TSESTree.Node | undefined = callee.parent; p; p = p.parent) {
    if (p.type === AST_NODE_TYPES.ClassBody) return instanceMembers(p).get(name) ?? null;
  }
  return null;
}

type InstanceMember = TSESTree.MethodDefinition | TSESTree.PropertyDefinition;

/** Per class body: its instance methods and fields by name, the first of each name (asked once per `this.x` call). */
const instanceMemberCache = new WeakMap<TSESTree.ClassBody, Map<string, InstanceMember>>();

function instanceMembers(body: TSESTree.ClassBody): Map<string, InstanceMember> {
  let members = instanceMemberCache.get(body);
  if (members) return members;
  members = new Map();
  for (const member of body.body) {
    if (member.type !== AST_NODE_TYPES.MethodDefinition && member.type !== AST_NODE_TYPES.PropertyDefinition) continue;
    if (member.static) continue;
    const name = keyName(member.key, member.computed);
    if (name !== null && !members.has(name)) members.set(name, member);
  }
  instanceMemberCache.set(body, members);
  return members;
}

/** The class whose `this` an expression inside it sees (through arrows). */
export function enclosingClass(node: TSESTree.Node): ClassNode | null {
  for (let p: TSESTree.Node | undefined = node.parent; p; p = p.parent) {
    if (p.type === AST_NODE_TYPES.ClassBody) return p.parent;
    if (p.type === AST_NODE_TYPES.FunctionDeclaration) return null;
    if (p.type === AST_NODE_TYPES.FunctionExpression) {
      const parent = p.parent;
      if (parent.type !== AST_NODE_TYPES.MethodDefinition && parent.type !== AST_NODE_TYPES.PropertyDefinition)
        return null;
    }
  }
  return null;
}

/** The tests of the `if`s between `node` and `stop` whose branches hold `node`: what decides whether it runs. */
export function branchTestsAround(node: TSESTree.Node, stop: TSESTree.Node): TSESTree.Expression[] {
  const tests: TSESTree.Expression[] = [];
  let child: TSESTree.Node = node;
  for (let p: TSESTree.Node | undefined = node.parent; p && p !== stop; child = p, p = p.parent) {
    if (p.type === AST_NODE_TYPES.IfStatement && p.test !== child) tests.push(p.test);
  }
  return tests;
}
