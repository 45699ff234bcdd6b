import { AST_NODE_TYPES, TSESLint, type TSESTree } from '@typescript-eslint/utils';
import {
  calleeName,
  classOfMember,
  contains,
  isConstructor,
  isFunctionNode,
  functionName,
  memberName,
  runsInPlace,
  skipWrappers,
  walk,
  type FunctionNode,
} from '../analysis/ast.js';
import {
  ADD_ONCE_LISTENER,
  handlerVariable,
  hasEventSourceType,
  isOnceGuarded,
  isOneShotEvent,
  isParameterName,
  isSetupFunction,
  listenerAddAt,
  listenerRemovalAt,
  optionsBound,
  passedFreshEveryCall,
  perCallFunction,
  targetAssignedIn,
  targetLifetime,
  type ListenerAdd,
  type ListenerRemoval,
  type TargetLifetime,
} from '../analysis/listeners.js';
import type { Scopes } from '../analysis/lifetime.js';
import {
  handlerIdentity,
  indexListeners,
  removalsOf,
  replacesPrevious,
  resultUsed,
  targetKey,
  targetTornDown,
  type ListenerFile,
  type ListenerIndex,
} from '../analysis/listener-removals.js';
import { runsOnlyAtSetUp } from '../analysis/program.js';
import { textOf } from '../analysis/resources.js';
import { createRule } from '../util/create-rule.js';
import { brief } from '../util/text.js';
import { typedServices } from '../util/services.js';

export type Options = [
  {
    checkOnce?: boolean;
  },
];

export type MessageIds = 'inlineListenerNeverRemoved' | 'listenerNeverRemoved' | 'onceListenerMayNeverFire';

/** Calls that end a target's life: its listeners go with it. */
const TEARDOWN_CALL = /^(close|destroy|end|terminate|dispose|abort|disconnect|kill|removeAllListeners)$/;

/** How many local helpers deep a call is followed (`cleanup()` called by `finish()` called by a listener). */
const MAX_HELPER_DEPTH = 3;

const GATE = /addEventListener|\.(on|addListener|prependListener)\(/;
const ONCE_GATE = /\.(once|prependOnceListener)\(/;

/** What an add's target lives as long as, for the message. */
function lifetimeText(lifetime: TargetLifetime): string {
  switch (lifetime.kind) {
    case 'global':
      if (lifetime.root === 'process') return 'lives as long as the process';
      if (lifetime.root === 'globalThis' || lifetime.root === 'self') return 'lives as long as the program';
      if (/^(window|document|navigator|screen|visualViewport)$/.test(lifetime.root)) return 'lives as long as the page';
      return 'is static and lives as long as the module';
    case 'module':
      return 'is module-level and lives as long as the module';
    case 'object':
      return 'belongs to the object and outlives the call';
    case 'closure':
      return 'is shared by every call';
    case 'parameter':
      return "is the caller's AbortSignal and can outlive the call";
  }
}

export default createRule<Options, MessageIds>({
  name: 'no-leaked-listener',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow listeners added on every call to a longer-lived target and never removed',
      recommended: 'strict',
      requiresTypeChecking: true,
    },
    defaultOptions: [{ checkOnce: false }],
    messages: {
      listenerNeverRemoved:
        "Every call of {{fn}} adds `{{handler}}` as a listener for '{{event}}' to `{{target}}`, which {{lifetime}}, and nothing removes it{{until}}: the listeners pile up with everything they capture. Remove it with `{{remove}}` when the call is done (in a `finally` block or a returned cleanup){{alternative}}.",
      inlineListenerNeverRemoved:
        "Every call of {{fn}} adds an inline listener for '{{event}}' to `{{target}}`, which {{lifetime}}, and an inline function can never be removed{{until}}: the listeners pile up with everything they capture. Keep the handler in a variable and remove it with `{{remove}}` when the call is done (in a `finally` block or a returned cleanup){{alternative}}.",
      onceListenerMayNeverFire:
        "Every call of {{fn}} adds a once-only listener for '{{event}}' to `{{target}}`, which {{lifetime}}; it is removed only when '{{event}}' fires, and until then the listeners pile up with everything they capture. Remove it with `{{remove}}` when the call is done (in a `finally` block or a returned cleanup).",
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          checkOnce: {
            type: 'boolean',
            description:
              'Also report `once()` and `prependOnceListener()` listeners added on every call: they pile up while their event does not fire.',
          },
        },
      },
    ],
  },
  create(context, [options]) {
    const typed = typedServices(context);
    if (!typed) return {};
    const services = typed;
    const { sourceCode } = context;
    const checkOnce = options.checkOnce === true;
    if (!GATE.test(sourceCode.text) && !(checkOnce && ONCE_GATE.test(sourceCode.text))) return {};
    const checker = services.program.getTypeChecker();
    const scopes: Scopes = {
      declared: (node) => sourceCode.getDeclaredVariables(node),
      scopeOf: (node) => sourceCode.getScope(node),
    };

    const adds: ListenerAdd[] = [];
    /** Every registration, `once()` included. */
    const registrations: ListenerAdd[] = [];
    const removals: ListenerRemoval[] = [];
    /** `x.destroy()`, `x.removeAllListeners()`…: calls that end or clear their target. */
    const teardowns: TSESTree.CallExpression[] = [];
    const file: ListenerFile = { sourceCode, scopes };

    return {
      CallExpression(node) {
        const add = listenerAddAt(node, true);
        if (add) {
          registrations.push(add);
          if (checkOnce || !ADD_ONCE_LISTENER.has(add.method)) adds.push(add);
          return;
        }
        const removal = listenerRemovalAt(node);
        if (removal) removals.push(removal);
        const callee = skipWrappers(node.callee);
        if (callee.type === AST_NODE_TYPES.MemberExpression && TEARDOWN_CALL.test(memberName(callee) ?? ''))
          teardowns.push(node);
      },
      'Program:exit'() {
        if (adds.length === 0) return;
        const index = indexListeners(registrations, removals, teardowns, file);
        for (const add of adds) check(add, index);
      },
    };

    function check(add: ListenerAdd, index: ListenerIndex): void {
      const bound = optionsBound(add);
      if (bound === 'signal' || bound === 'unknown') return;
      if (resultUsed(add.call)) return;
      const fn = perCallFunction(add.call, true);
      if (!fn) return;
      const lifetime = targetLifetime(add.receiver, fn, scopes);
      if (!lifetime) return;
      // A constructor runs once per instance: only a target that outlives every instance collects,
      // and only when instances are made after set-up (asked of the program below).
      if (isConstructor(fn) && lifetime.kind !== 'global' && lifetime.kind !== 'module') return;
      if (
        isParameterName(add.handler, scopes) ||
        (add.event.type !== AST_NODE_TYPES.Literal && isParameterName(add.event, scopes))
      )
        return;
      if (
        lifetime.kind !== 'global' &&
        lifetime.kind !== 'parameter' &&
        add.receiver &&
        targetAssignedIn(add.receiver, fn, sourceCode)
      ) {
        return;
      }
      const handler = handlerIdentity(add, file);
      if (handler === 'unknown') return;
      const removed = handler === 'inline' ? [] : removalsOf(add, handler, index);
      // Removed only when the event fires (`{ once: true }`, or a removal that only the target's
      // own listeners run): a leak only where the call can end before the event fires.
      let until = '';
      if (bound === 'once' || removed.length > 0) {
        if (isOneShotEvent(add.event)) return;
        const listening = listenerFunctions(add, fn, index);
        if (!removed.every((removal) => runsOnlyOnEvent(removal.call, fn, listening, 0))) return;
        const first = endsFirst(add, fn, lifetime, removed, listening);
        if (first === null) return;
        until = untilText(add, handler === 'inline', first);
      }
      if (replacesPrevious(add, fn, index, file)) return;
      if (targetTornDown(add, index, sourceCode)) return;
      if (isSetupFunction(fn, lifetime.kind, scopes, sourceCode)) return;
      if (isOnceGuarded(add.call, fn, sourceCode)) return;
      if (!hasEventSourceType(add, lifetime, checker, services)) return;
      // Every caller in the program runs once per process: module scope, or behind a once-flag.
      if (runsOnlyAtSetUp(services.program, services.esTreeNodeToTSNodeMap.get(fn), { kind: 'module' })) return;
      if (lifetime.kind === 'parameter' && passedFreshEveryCall(add, fn, lifetime.root, scopes, services)) return;
      report(add, fn, lifetime, handler === 'inline', until);
    }

    /** The functions registered as listeners on the add's target within `fn`: they run only when its events fire. */
    function listenerFunctions(add: ListenerAdd, fn: FunctionNode, index: ListenerIndex): Set<FunctionNode> {
      const found = new Set<FunctionNode>();
      for (const other of index.registrations.get(targetKey(add.receiver, sourceCode)) ?? []) {
        if (!contains(fn, other.call)) continue;
        const handler = functionOf(other.handler);
        if (handler) found.add(handler);
      }
      return found;
    }

    /** The function an expression names or is: an inline function, or a local `const f = () => …`/`function f`. */
    function functionOf(node: TSESTree.Node): FunctionNode | null {
      if (isFunctionNode(node)) return node;
      if (node.type !== AST_NODE_TYPES.Identifier) return null;
      const def = handlerVariable(node, scopes)?.defs[0];
      if (!def) return null;
      if (def.node.type === AST_NODE_TYPES.FunctionDeclaration) return def.node;
      if (def.node.type === AST_NODE_TYPES.VariableDeclarator && def.node.init) {
        const init = skipWrappers(def.node.init);
        return isFunctionNode(init) ? init : null;
      }
      return null;
    }

    /**
     * The uses of a function kept in a local binding (`const cleanup = () => …`,
     * `function finish() {…}`), or null when it is not kept in one.
     */
    function localUses(inner: FunctionNode): TSESTree.Identifier[] | null {
      const binding =
        inner.type === AST_NODE_TYPES.FunctionDeclaration
          ? inner
          : inner.parent.type === AST_NODE_TYPES.VariableDeclarator && inner.parent.init === inner
            ? inner.parent
            : null;
      if (!binding) return null;
      const uses: TSESTree.Identifier[] = [];
      for (const variable of scopes.declared(binding)) {
        for (const ref of variable.references) {
          if (!ref.init) uses.push(ref.identifier as TSESTree.Identifier);
        }
      }
      return uses;
    }

    /**
     * Does `node` run only when a listener of the target runs: inside one of
     * `listening`, or in a local helper that is only called from such places
     * (`const cleanup = () => { … }` called by each listener)?
     */
    function runsOnlyOnEvent(
      node: TSESTree.Node,
      fn: FunctionNode,
      listening: ReadonlySet<FunctionNode>,
      depth: number,
    ): boolean {
      for (let p: TSESTree.Node | undefined = node.parent; p && p !== fn; p = p.parent) {
        if (!isFunctionNode(p)) continue;
        if (listening.has(p)) return true;
        if (runsInPlace(p)) continue;
        const uses = depth < MAX_HELPER_DEPTH ? localUses(p) : null;
        return (
          uses !== null &&
          uses.length > 0 &&
          uses.every(
            (use) =>
              use.parent.type === AST_NODE_TYPES.CallExpression &&
              use.parent.callee === use &&
              runsOnlyOnEvent(use.parent, fn, listening, depth + 1),
          )
        );
      }
      return false;
    }

    /**
     * Where the call can end before the add's event fires, leaving the
     * listener behind: the promise it sits in is settled by another callback
     * that runs no removal (`setTimeout(resolve, ms)`), or, for the caller's
     * signal, a loop adds a fresh handler on every pass. Null when the call
     * ends only through the event.
     */
    function endsFirst(
      add: ListenerAdd,
      fn: FunctionNode,
      lifetime: TargetLifetime,
      removed: readonly ListenerRemoval[],
      listening: ReadonlySet<FunctionNode>,
    ): string | null {
      let child: TSESTree.Node = add.call;
      for (let p: TSESTree.Node | undefined = add.call.parent; p && p !== fn; child = p, p = p.parent) {
        if (isFunctionNode(p)) {
          const executor = promiseOf(p);
          if (!executor) return null;
          return settledElsewhere(add, executor, removed, listening);
        }
        if (
          lifetime.kind === 'parameter' &&
          isLoop(p) &&
          p.body === child &&
          freshPerPass(add, p.body) &&
          passCanRepeat(p.body)
        )
          return 'the loop can go on to its next pass';
      }
      return null;
    }

    /** `new Promise((resolve, reject) => …)`: the executor and its settlers' variables. */
    function promiseOf(executor: FunctionNode): TSESLint.Scope.Variable[] | null {
      const parent = executor.parent;
      if (
        parent.type !== AST_NODE_TYPES.NewExpression ||
        parent.callee.type !== AST_NODE_TYPES.Identifier ||
        parent.callee.name !== 'Promise' ||
        parent.arguments[0] !== executor
      ) {
        return null;
      }
      const names = executor.params
        .slice(0, 2)
        .flatMap((param) => (param.type === AST_NODE_TYPES.Identifier ? [param.name] : []));
      return scopes.declared(executor).filter((variable) => names.includes(variable.name));
    }

    /** The first place the promise is settled later, by something other than the target's listeners, without a removal. */
    function settledElsewhere(
      add: ListenerAdd,
      settlers: readonly TSESLint.Scope.Variable[],
      removed: readonly ListenerRemoval[],
      listening: ReadonlySet<FunctionNode>,
    ): string | null {
      const executor = settlers[0]?.defs[0]?.node;
      if (!executor || !isFunctionNode(executor)) return null;
      for (const settler of settlers) {
        for (const ref of settler.references) {
          if (ref.init || !ref.isRead()) continue;
          if (ref.identifier.type !== AST_NODE_TYPES.Identifier) continue;
          const found = settlesWithoutRemoval(add, ref.identifier, executor, removed, listening, 0);
          if (found !== null) return found;
        }
      }
      return null;
    }

    /**
     * Does the settler (or a local helper using it) at `site` settle the
     * promise later, from a callback that is not a listener of the target and
     * runs no removal of the handler? Called in the executor's own code it
     * settles now, before anything could be left behind.
     */
    function settlesWithoutRemoval(
      add: ListenerAdd,
      site: TSESTree.Identifier,
      executor: FunctionNode,
      removed: readonly ListenerRemoval[],
      listening: ReadonlySet<FunctionNode>,
      depth: number,
    ): string | null {
      let inner: FunctionNode | null = null;
      for (let p: TSESTree.Node | undefined = site.parent; p && p !== executor; p = p.parent) {
        if (isFunctionNode(p) && !runsInPlace(p)) {
          inner = p;
          break;
        }
      }
      if (inner === null) {
        const call = site.parent;
        return call.type === AST_NODE_TYPES.CallExpression && call.arguments.includes(site)
          ? handedTo(add, call)
          : null;
      }
      if (listening.has(inner) || reachesRemoval(inner, removed, 0)) return null;
      const parent = inner.parent;
      if (parent.type === AST_NODE_TYPES.CallExpression && parent.arguments.some((argument) => argument === inner))
        return handedTo(add, parent);
      const uses = depth < MAX_HELPER_DEPTH ? localUses(inner) : null;
      for (const use of uses ?? []) {
        const found = settlesWithoutRemoval(add, use, executor, removed, listening, depth + 1);
        if (found !== null) return found;
      }
      return null;
    }

    /** Does `inner` run a removal of the handler, itself or through a local helper it calls? */
    function reachesRemoval(inner: FunctionNode, removed: readonly ListenerRemoval[], depth: number): boolean {
      if (removed.some((removal) => contains(inner, removal.call))) return true;
      if (depth >= MAX_HELPER_DEPTH) return false;
      let reaches = false;
      walk(inner.body, (node) => {
        if (reaches || node.type !== AST_NODE_TYPES.CallExpression) return;
        const helper = functionOf(skipWrappers(node.callee));
        if (helper && helper !== inner && reachesRemoval(helper, removed, depth + 1)) reaches = true;
      });
      return reaches;
    }

    /** What a settler handed to `call` waits for: null for another listener of the same target. */
    function handedTo(add: ListenerAdd, call: TSESTree.CallExpression): string | null {
      const registration = listenerAddAt(call, true);
      if (registration) {
        const target = registration.receiver ? textOf(registration.receiver, sourceCode) : '';
        if (target === (add.receiver ? textOf(add.receiver, sourceCode) : '')) return null;
        return `a '${brief(sourceCode, registration.event)}' listener on \`${brief(sourceCode, registration.receiver ?? call.callee)}\` can settle the promise`;
      }
      const name = calleeName(skipWrappers(call.callee));
      return name === null
        ? 'another callback can settle the promise'
        : `the \`${name}\` callback can settle the promise`;
    }

    /** The handler is made afresh in the loop body: every pass adds a different function. */
    function freshPerPass(add: ListenerAdd, body: TSESTree.Statement): boolean {
      if (isFunctionNode(add.handler)) return true;
      const declared = handlerVariable(add.handler, scopes)?.defs[0]?.node;
      return declared !== undefined && contains(body, declared);
    }

    /** The words that say why a removal that waits for the event comes too late. */
    function untilText(add: ListenerAdd, inline: boolean, first: string): string {
      const event = add.event.type === AST_NODE_TYPES.Literal ? `'${String(add.event.value)}'` : 'its event';
      return inline
        ? `; \`{ once: true }\` drops it only when ${event} fires, and ${first} before it does`
        : ` but ${event} firing, and ${first} before it does`;
    }

    function report(
      add: ListenerAdd,
      fn: FunctionNode,
      lifetime: TargetLifetime,
      inline: boolean,
      until: string,
    ): void {
      const member = classOfMember(fn);
      const name = isConstructor(fn) ? `new ${member?.classNode.id?.name ?? 'this class'}()` : functionName(fn);
      const isDom = add.method === 'addEventListener';
      const once = ADD_ONCE_LISTENER.has(add.method);
      const event = add.event.type === AST_NODE_TYPES.Literal ? String(add.event.value) : sourceCode.getText(add.event);
      context.report({
        node: add.call,
        messageId: once ? 'onceListenerMayNeverFire' : inline ? 'inlineListenerNeverRemoved' : 'listenerNeverRemoved',
        data: {
          fn: name === null || !contains(fn, add.call) ? 'this callback' : `\`${name}\``,
          handler: brief(sourceCode, add.handler),
          event,
          target: add.receiver ? brief(sourceCode, add.receiver) : 'globalThis',
          lifetime: lifetimeText(lifetime),
          until,
          remove: isDom ? 'removeEventListener' : 'removeListener',
          alternative: isDom ? ', or pass `{ signal }` from an AbortController you abort then' : '',
        },
      });
    }
  },
});

function isLoop(
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
 * Can a pass of the loop end without leaving it: the body has a `continue`,
 * or its last statement is not a `return` or `throw`?
 */
function passCanRepeat(body: TSESTree.Statement): boolean {
  const continues: TSESTree.Node[] = [];
  walk(
    body,
    (node) => {
      if (node.type === AST_NODE_TYPES.ContinueStatement) continues.push(node);
    },
    { intoFunctions: false },
  );
  if (continues.length > 0) return true;
  const last = body.type === AST_NODE_TYPES.BlockStatement ? body.body.at(-1) : body;
  return last?.type !== AST_NODE_TYPES.ReturnStatement && last?.type !== AST_NODE_TYPES.ThrowStatement;
}
