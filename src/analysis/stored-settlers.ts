/**
 * Stored settlers: an executor that keeps its `resolve`/`reject` in an entry
 * of a field's collection (`this.pending.set(id, { resolve, reject })`) and
 * returns. Whoever takes the entry out and calls its `resolve`/`reject`
 * settles the promise; when the only functions in the file that do so are
 * listeners for a success event (`message`) on an emitter that can fail, a
 * failure or a close of that emitter leaves every stored promise pending.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import {
  enclosingFunction,
  keyName,
  memberName,
  outermostAlias,
  skipWrappers,
  walk,
  type FunctionNode,
} from './ast.js';
import { failingEmitterOf, type EmitterContext } from './emitters.js';
import { firstString, isListenCall } from './settle-events.js';
import type { ExecutorModel } from './settlers.js';
import { DOM_SUCCESS_EVENTS, TERMINAL_EVENTS } from './vocabulary.js';

/** What the stored-settler question keeps for a whole file. */
export interface StoredSettlerState {
  /** Member accesses of the file by property name, built on first need. */
  membersByName: Map<string, TSESTree.MemberExpression[]> | null;
  /** Registrations already found: each is found once per file, whatever executor stores into it. */
  found: Set<TSESTree.Node>;
}

/** A listener for a success event on an emitter: `x.onmessage = fn`, `x.addEventListener('message', fn)`. */
export interface SuccessRegistration {
  node: TSESTree.Node;
  receiver: TSESTree.Expression;
  event: string;
}

/** A registration that is the only one to settle the entries an executor stored in `field`. */
export interface StoredSettlerFailure {
  registration: SuccessRegistration;
  /** The collection the settlers are stored in: `this.pending`. */
  field: TSESTree.MemberExpression;
}

/**
 * For each entry the executor stores its settlers in, the registrations of the
 * functions that take them out and settle them, when all of them are success
 * listeners on emitters that can fail and none settles the entries in a loop
 * (a sweep on failure). Each registration is returned once per `state`.
 */
export function storedSettlerFailures(
  context: EmitterContext,
  state: StoredSettlerState,
  model: ExecutorModel,
): StoredSettlerFailure[] {
  const { services, checker, sourceCode } = context;
  const failures: StoredSettlerFailure[] = [];
  for (const site of model.sites) {
    if (site.kind !== 'handoff' || site.fn !== model.executor) continue;
    const stored = storedEntry(site.node);
    if (!stored) continue;
    // Only the keys that hold this executor's settlers.
    for (const entry of (site.node.parent as TSESTree.Property).parent.properties) {
      if (entry.type !== AST_NODE_TYPES.Property || entry.computed) continue;
      const key = keyName(entry.key, false);
      if (key !== null && !model.sites.some((other) => other.node === entry.value)) stored.keys.delete(key);
    }
    if (stored.keys.size === 0) continue;
    const field = checker.getSymbolAtLocation(services.esTreeNodeToTSNodeMap.get(stored.field.property));
    if (!field) continue;
    const settlingFns = new Set<FunctionNode>();
    // Each function's body is read once, however many accesses it has.
    const read = new Set<FunctionNode>();
    state.membersByName ??= membersByName(sourceCode.ast);
    for (const access of state.membersByName.get(stored.fieldName) ?? []) {
      if (access === stored.field) continue;
      const fn = enclosingFunction(access);
      if (!fn || read.has(fn)) continue;
      if (checker.getSymbolAtLocation(services.esTreeNodeToTSNodeMap.get(access.property)) !== field) continue;
      read.add(fn);
      if (callsStoredKey(fn, stored.keys)) settlingFns.add(fn);
    }
    if (settlingFns.size === 0) continue;
    // A function that settles entries in a loop over them is a sweep (`for (const c of
    // pending.values()) c.reject(err)`): the path that settles what a failure leaves.
    if ([...settlingFns].some((fn) => settlesInLoop(fn, stored.keys))) continue;
    const registrations = [...settlingFns].map(successRegistration);
    if (registrations.some((r) => r === null)) continue;
    for (const registration of registrations) {
      if (!registration || state.found.has(registration.node)) continue;
      const kind = failingEmitterOf(context, registration.receiver);
      if (!kind || (kind === 'dom' && !DOM_SUCCESS_EVENTS.has(registration.event))) continue;
      state.found.add(registration.node);
      failures.push({ registration, field: stored.field });
    }
  }
  return failures;
}

/** The file's non-computed member accesses by property name. */
function membersByName(root: TSESTree.Node): Map<string, TSESTree.MemberExpression[]> {
  const found = new Map<string, TSESTree.MemberExpression[]>();
  walk(root, (node) => {
    if (node.type !== AST_NODE_TYPES.MemberExpression || node.computed) return;
    if (node.property.type !== AST_NODE_TYPES.Identifier) return;
    const list = found.get(node.property.name);
    if (list) list.push(node);
    else found.set(node.property.name, [node]);
  });
  return found;
}

/**
 * A settler stored in an entry of a field's collection:
 * `this.pending.set(id, { resolve, reject })` → the field `this.pending` and the
 * entry's keys that hold settlers.
 */
function storedEntry(reference: TSESTree.Node): {
  field: TSESTree.MemberExpression & { property: TSESTree.Identifier };
  fieldName: string;
  keys: Set<string>;
} | null {
  const property = reference.parent;
  if (property?.type !== AST_NODE_TYPES.Property || property.value !== reference) return null;
  const object = property.parent;
  if (object.type !== AST_NODE_TYPES.ObjectExpression) return null;
  const call = outermostAlias(object).parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression || !call.arguments.includes(object)) return null;
  const callee = skipWrappers(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return null;
  const field = skipWrappers(callee.object);
  if (field.type !== AST_NODE_TYPES.MemberExpression || field.computed) return null;
  if (field.property.type !== AST_NODE_TYPES.Identifier) return null;
  const keys = new Set<string>();
  for (const entry of object.properties) {
    if (entry.type !== AST_NODE_TYPES.Property || entry.computed) continue;
    const key = keyName(entry.key, false);
    if (key !== null && entry.value.type === AST_NODE_TYPES.Identifier) keys.add(key);
  }
  return {
    field: field as TSESTree.MemberExpression & { property: TSESTree.Identifier },
    fieldName: field.property.name,
    keys,
  };
}

/** `fn` calls `x.reject(…)` (or another stored key) inside a loop of its own body. */
function settlesInLoop(fn: FunctionNode, keys: ReadonlySet<string>): boolean {
  return callsStoredKey(fn, keys, (call) => {
    for (let p: TSESTree.Node | undefined = call.parent; p && p !== fn; p = p.parent) {
      if (
        p.type === AST_NODE_TYPES.ForOfStatement ||
        p.type === AST_NODE_TYPES.ForInStatement ||
        p.type === AST_NODE_TYPES.ForStatement ||
        p.type === AST_NODE_TYPES.WhileStatement
      ) {
        return true;
      }
    }
    return false;
  });
}

/**
 * `fn` calls `x.resolve(…)` for one of the stored entry's keys, in its own body
 * (and, with `where`, at a call that `where` accepts).
 */
function callsStoredKey(
  fn: FunctionNode,
  keys: ReadonlySet<string>,
  where: (call: TSESTree.CallExpression) => boolean = () => true,
): boolean {
  let found = false;
  walk(
    fn.body,
    (node) => {
      if (found || node.type !== AST_NODE_TYPES.CallExpression) return;
      const callee = skipWrappers(node.callee);
      if (callee.type === AST_NODE_TYPES.MemberExpression && keys.has(memberName(callee) ?? '') && where(node))
        found = true;
    },
    { intoFunctions: false },
  );
  return found;
}

/** `fn` is a listener for a success event on an emitter: `x.onmessage = fn`, `x.addEventListener('message', fn)`. */
function successRegistration(fn: FunctionNode): SuccessRegistration | null {
  const outer = outermostAlias(fn);
  const parent = outer.parent;
  if (!parent) return null;
  let found: SuccessRegistration | null = null;
  if (
    parent.type === AST_NODE_TYPES.AssignmentExpression &&
    parent.right === outer &&
    parent.left.type === AST_NODE_TYPES.MemberExpression
  ) {
    const name = memberName(parent.left);
    if (name !== null && /^on[a-z]+$/.test(name))
      found = { node: parent, receiver: skipWrappers(parent.left.object), event: name.slice(2) };
  } else if (parent.type === AST_NODE_TYPES.CallExpression && parent.arguments[1] === outer && isListenCall(parent)) {
    const event = firstString(parent);
    const callee = skipWrappers(parent.callee) as TSESTree.MemberExpression;
    if (event !== null) found = { node: parent, receiver: skipWrappers(callee.object), event };
  }
  return found && !TERMINAL_EVENTS.has(found.event) ? found : null;
}
