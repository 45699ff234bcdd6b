/**
 * Handoffs: whether releasing what an acquire took is the job of the function
 * that took it. It is not when the handle is handed to someone else, when a
 * listener's target is torn down or made in the same call (the listener goes
 * with it), when an entry's collection dies with the call, or when the
 * receiver is not of a type that makes the acquire a resource at all.
 */
import { AST_NODE_TYPES, ASTUtils, type TSESTree } from '@typescript-eslint/utils';
import ts from 'typescript';
import { contains, enclosingFunction, keyName, memberName, skipWrappers, type FunctionNode } from './ast.js';
import { receiverLivesPerCall } from './call-scoped.js';
import { diesWithCall, holdsOnlyNewValues, isFreshValue } from './lifetime.js';
import { resolveOwner, type Owner } from './owners.js';
import type { PairIndex } from './pairing.js';
import { textOf, type ResourceSite } from './resources.js';
import { CLEAR_TIMER } from './timers.js';
import { collectionKindOf, isBuiltinFactoryCall, isDisposableType, matchesSpecifiers } from './types.js';
import { TARGET_TEARDOWN_CALLS } from './vocabulary.js';

/**
 * Must the function around `acquire` (`fn`, null at the top level) release it? Not when
 * the handle is handed on, a listener's target is managed or made here, an entry is in no
 * built-in collection or in one that dies with the call, or a `pairs` entry's or a
 * disposable's receiver is not of a type that makes it a resource.
 */
export function releaseOwedHere(index: PairIndex, acquire: ResourceSite, fn: FunctionNode | null): boolean {
  if (handleHandedOn(index, acquire, fn)) return false;
  if (acquire.kind === 'listener' && (targetManagedHere(index, acquire, fn) || targetMadeHere(index, acquire, fn)))
    return false;
  if (acquire.kind === 'entry' && (!isCollection(index, acquire) || entryDiesWithCall(index, acquire))) return false;
  if (acquire.kind === 'custom' && !hasPairType(index, acquire)) return false;
  if (acquire.kind === 'disposable' && !isDisposableHandle(index, acquire)) return false;
  return true;
}

/**
 * The resource outlives the executor's listeners: not a listener on the same target
 * as the settling ones (those go when the target does).
 */
export function targetOutlivesListeners(index: PairIndex, acquire: ResourceSite, fn: FunctionNode): boolean {
  return acquire.kind !== 'listener' || !targetMadeHere(index, acquire, fn);
}

/**
 * A timer or lock handle stored where someone else will release it: pushed
 * into a queue, put in an object, passed to a call, assigned to a field.
 */
function handleHandedOn(index: PairIndex, acquire: ResourceSite, fn: FunctionNode | null): boolean {
  if (acquire.kind !== 'timer' && acquire.kind !== 'lock' && acquire.kind !== 'disposable') return false;
  const name = /^(?:timer|handle|disposable):([\w$]+)$/.exec(acquire.pairKey)?.[1];
  if (!name) return false;
  const { sourceCode } = index;
  const scope = sourceCode.getScope(acquire.node);
  const variable = ASTUtils.findVariable(scope, name);
  if (!variable) return false;
  return variable.references.some((ref) => {
    if (ref.init || (fn && !contains(fn, ref.identifier))) return false;
    const node = ref.identifier;
    const parent = node.parent;
    switch (parent.type) {
      case AST_NODE_TYPES.CallExpression:
        // A disposable passed to a call is used, not given away: `await write(handle, data)`.
        if (parent.callee === node || acquire.kind === 'disposable') return false;
        // `pool.release(handle)`: giving it back is the release itself.
        if (index.releasesByKey.get(acquire.pairKey)?.some((release) => release.node === parent)) return false;
        return !CLEAR_TIMER.test(sourceCode.getText(parent.callee));
      case AST_NODE_TYPES.NewExpression:
      case AST_NODE_TYPES.Property:
      case AST_NODE_TYPES.ArrayExpression:
      case AST_NODE_TYPES.ReturnStatement:
        return true;
      case AST_NODE_TYPES.AssignmentExpression:
        return parent.right === node;
      case AST_NODE_TYPES.VariableDeclarator:
        return parent.init === node;
      default:
        return false;
    }
  });
}

/**
 * A listener on a target this function closes, destroys or hands to someone
 * else: it lives and dies with the target, not with this call.
 */
function targetManagedHere(index: PairIndex, acquire: ResourceSite, fn: FunctionNode | null): boolean {
  if (acquire.node.type !== AST_NODE_TYPES.CallExpression) return false;
  const callee = skipWrappers(acquire.node.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const { sourceCode } = index;
  const target = textOf(callee.object, sourceCode);
  return index.callsIn(fn ?? sourceCode.ast).some((call) => {
    const c = skipWrappers(call.callee);
    if (c.type === AST_NODE_TYPES.MemberExpression && textOf(c.object, sourceCode) === target) {
      return TARGET_TEARDOWN_CALLS.has(memberName(c) ?? '');
    }
    // A recursive call (a retry) runs this code again: it takes no listener off our hands.
    if (fn && isCallOf(index, call, fn)) return false;
    return call.arguments.some((arg) => textOf(arg, sourceCode) === target);
  });
}

/** `f(…)` inside `function f` (the same binding), or `this.m(…)` inside method `m`. */
function isCallOf(index: PairIndex, call: TSESTree.CallExpression | TSESTree.NewExpression, fn: FunctionNode): boolean {
  if (call.type !== AST_NODE_TYPES.CallExpression) return false;
  const callee = skipWrappers(call.callee);
  if (callee.type === AST_NODE_TYPES.Identifier) {
    const def = ASTUtils.findVariable(index.sourceCode.getScope(callee), callee.name)?.defs[0];
    return (
      def !== undefined &&
      (def.node === fn || (def.node.type === AST_NODE_TYPES.VariableDeclarator && def.node.init === fn))
    );
  }
  const method = fn.parent;
  return (
    callee.type === AST_NODE_TYPES.MemberExpression &&
    skipWrappers(callee.object).type === AST_NODE_TYPES.ThisExpression &&
    method.type === AST_NODE_TYPES.MethodDefinition &&
    !method.computed &&
    memberName(callee) === keyName(method.key, false)
  );
}

/**
 * `let signal = AbortSignal.timeout(ms); signal.addEventListener(…)`: every value
 * the target ever holds is made in this call, so each gets at most one listener
 * from here, and the listener goes when its target does.
 */
function targetMadeHere(index: PairIndex, acquire: ResourceSite, fn: FunctionNode | null): boolean {
  if (!fn || acquire.node.type !== AST_NODE_TYPES.CallExpression) return false;
  const callee = skipWrappers(acquire.node.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const target = skipWrappers(callee.object);
  if (target.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = ASTUtils.findVariable(index.sourceCode.getScope(target), target.name);
  return variable !== null && holdsOnlyNewValues(variable, fn, (value) => madeHere(index, value));
}

function madeHere(index: PairIndex, value: TSESTree.Expression | null): boolean {
  if (!value) return false;
  if (isFreshValue(value)) return true;
  const node = skipWrappers(value);
  return (
    node.type === AST_NODE_TYPES.CallExpression &&
    isBuiltinFactoryCall(index.services.program, index.services.esTreeNodeToTSNodeMap.get(node))
  );
}

/** An entry in a collection made by this call and kept by nothing that outlives it. */
function entryDiesWithCall(index: PairIndex, acquire: ResourceSite): boolean {
  if (!acquire.receiver) return false;
  const { scopes, services } = index;
  const owner = resolveOwner(acquire.receiver, scopes.scopeOf);
  if (owner && (diesWithCall(owner, acquire.node, scopes) || madeInCall(owner, acquire.node))) return true;
  // `function walk(type, seen: Set<string>) { seen.add(type); … walk(child, seen); seen.delete(type) }`
  // with every outermost call passing `new Set()`, or `ctx.visited` on a context object made
  // per outermost call (`{ visited: new Set() }`) and passed down: the collection lives for that call.
  const receiver = skipWrappers(acquire.receiver);
  if (receiver.type !== AST_NODE_TYPES.Identifier && receiver.type !== AST_NODE_TYPES.MemberExpression) return false;
  const node = services.esTreeNodeToTSNodeMap.get(receiver);
  return ts.isExpression(node) && receiverLivesPerCall(services.program, node);
}

/**
 * `const items = new Map(state.items); items.set(…); … return { items }`: a collection
 * this very call makes (every value it holds is new here), in a function that does not
 * suspend, is a value being built, even when it is returned or stored: a throw discards
 * it with the call, and what a normal path leaves in it is the result.
 */
function madeInCall(owner: Owner, site: TSESTree.Node): boolean {
  if (owner.kind !== 'variable') return false;
  const { variable } = owner;
  const fn = enclosingFunction(site);
  // In an async function or a generator the collection is live state across suspensions
  // (a local semaphore of running tasks): others run while the entry is in it.
  if (!fn || fn.async || fn.generator) return false;
  return holdsOnlyNewValues(variable, fn, isFreshValue);
}

function isCollection(index: PairIndex, acquire: ResourceSite): boolean {
  if (!acquire.receiver) return false;
  const { services } = index;
  const kind = collectionKindOf(services.program, services.getTypeAtLocation(acquire.receiver));
  return kind !== null;
}

/** A `pairs` entry with a `type` applies only to receivers of those types. */
function hasPairType(index: PairIndex, acquire: ResourceSite): boolean {
  const name = /^custom:([^:]+):/.exec(acquire.pairKey)?.[1];
  const pair = index.pairs.find((p) => p.acquire === name);
  if (!pair?.type || pair.type.length === 0) return true;
  if (!acquire.receiver) return false;
  const { services } = index;
  return matchesSpecifiers(services.program, services.getTypeAtLocation(acquire.receiver), pair.type);
}

function isDisposableHandle(index: PairIndex, acquire: ResourceSite): boolean {
  const { services } = index;
  return acquire.receiver !== null && isDisposableType(services.program, services.getTypeAtLocation(acquire.receiver));
}
