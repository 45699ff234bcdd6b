import { AST_NODE_TYPES, TSESLint, type TSESTree } from '@typescript-eslint/utils';
import {
  classOfMember,
  contains,
  isConstructor,
  functionName,
  memberName,
  skipWrappers,
  type ClassNode,
  type FunctionNode,
} from '../analysis/ast.js';
import {
  ADD_ONCE_LISTENER,
  handlerVariable,
  isEventSourceType,
  isOnceGuarded,
  isSetupFunction,
  listenerAddAt,
  listenerRemovalAt,
  optionsBound,
  perCallFunction,
  targetAssignedIn,
  targetLifetime,
  type ListenerAdd,
  type ListenerRemoval,
  type TargetLifetime,
} from '../analysis/listeners.js';
import type { Scopes } from '../analysis/lifetime.js';
import { runsOnlyAtSetUp } from '../analysis/program.js';
import { classOfThis } from '../analysis/owners.js';
import { textOf } from '../analysis/resources.js';
import { isAbortSignalType } from '../analysis/types.js';
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
        "Every call of {{fn}} adds `{{handler}}` as a listener for '{{event}}' to `{{target}}`, which {{lifetime}}, and nothing removes it: the listeners pile up with everything they capture. Remove it with `{{remove}}` when the call is done (in a `finally` block or a returned cleanup){{alternative}}.",
      inlineListenerNeverRemoved:
        "Every call of {{fn}} adds an inline listener for '{{event}}' to `{{target}}`, which {{lifetime}}, and an inline function can never be removed: the listeners pile up with everything they capture. Keep the handler in a variable and remove it with `{{remove}}` when the call is done (in a `finally` block or a returned cleanup){{alternative}}.",
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
    const removals: ListenerRemoval[] = [];
    /** `x.destroy()`, `x.removeAllListeners()`…: the target's compact text. */
    const teardowns: TSESTree.CallExpression[] = [];

    return {
      CallExpression(node) {
        const add = listenerAddAt(node, checkOnce);
        if (add) {
          adds.push(add);
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
        const index = indexRemovals();
        for (const add of adds) check(add, index);
      },
    };

    interface RemovalIndex {
      byVariable: Map<TSESLint.Scope.Variable, ListenerRemoval[]>;
      byText: Map<string, ListenerRemoval[]>;
      /** Compact receiver texts of teardown calls and `removeAllListeners`. */
      teardownTexts: Map<string, TSESTree.CallExpression[]>;
      /** Removals of one handler, by the compact text of their target. */
      byReceiver: Map<string, ListenerRemoval[]>;
    }

    function indexRemovals(): RemovalIndex {
      const byVariable = new Map<TSESLint.Scope.Variable, ListenerRemoval[]>();
      const byText = new Map<string, ListenerRemoval[]>();
      const byReceiver = new Map<string, ListenerRemoval[]>();
      for (const removal of removals) {
        if (!removal.handler) continue;
        const variable = handlerVariable(removal.handler, scopes);
        if (variable) push(byVariable, variable, removal);
        push(byText, textOf(removal.handler, sourceCode), removal);
        if (removal.receiver) push(byReceiver, textOf(removal.receiver, sourceCode), removal);
      }
      const teardownTexts = new Map<string, TSESTree.CallExpression[]>();
      for (const call of teardowns) {
        const callee = skipWrappers(call.callee) as TSESTree.MemberExpression;
        push(teardownTexts, textOf(skipWrappers(callee.object), sourceCode), call);
      }
      return { byVariable, byText, teardownTexts, byReceiver };
    }

    function check(add: ListenerAdd, index: RemovalIndex): void {
      const bound = optionsBound(add);
      if (bound !== 'none') return;
      if (resultUsed(add.call)) return;
      const fn = perCallFunction(add.call, true);
      if (!fn) return;
      const lifetime = targetLifetime(add.receiver, fn, scopes);
      if (!lifetime) return;
      // A constructor runs once per instance: only a target that outlives every instance collects,
      // and only when instances are made after set-up (asked of the program below).
      if (isConstructor(fn) && lifetime.kind !== 'global' && lifetime.kind !== 'module') return;
      if (isParameter(add.handler) || (add.event.type !== AST_NODE_TYPES.Literal && isParameter(add.event))) return;
      if (
        lifetime.kind !== 'global' &&
        lifetime.kind !== 'parameter' &&
        add.receiver &&
        targetAssignedIn(add.receiver, fn, sourceCode)
      ) {
        return;
      }
      const handler = handlerIdentity(add);
      if (handler === 'unknown') return;
      if (handler !== 'inline' && isRemoved(add, handler, index)) return;
      if (replacesPrevious(add, fn, index)) return;
      if (targetTornDown(add, index)) return;
      if (isSetupFunction(fn, lifetime.kind, scopes, sourceCode)) return;
      if (isOnceGuarded(add.call, fn, sourceCode)) return;
      if (!hasEventSourceType(add, lifetime)) return;
      // Every caller in the program runs once per process: module scope, or behind a once-flag.
      if (runsOnlyAtSetUp(services.program, services.esTreeNodeToTSNodeMap.get(fn), { kind: 'module' })) return;
      report(add, fn, lifetime, handler === 'inline');
    }

    /** `const off = emitter.on(…)`, `return target.on(…)`: the result may be an unsubscribe. */
    function resultUsed(call: TSESTree.CallExpression): boolean {
      let node: TSESTree.Node = call;
      while (node.parent.type === AST_NODE_TYPES.ChainExpression) node = node.parent;
      const parent = node.parent;
      if (parent.type === AST_NODE_TYPES.ExpressionStatement) return false;
      // `emitter.on('a', f).on('b', g)`: chained registrations.
      if (parent.type === AST_NODE_TYPES.MemberExpression && parent.object === node) return false;
      // `cond && x.on(…)`, `a ? x.on(…) : y` as statements.
      if (
        (parent.type === AST_NODE_TYPES.LogicalExpression || parent.type === AST_NODE_TYPES.ConditionalExpression) &&
        parent.parent.type === AST_NODE_TYPES.ExpressionStatement
      ) {
        return false;
      }
      // `void x.on(…)`
      return !(parent.type === AST_NODE_TYPES.UnaryExpression && parent.operator === 'void');
    }

    function isParameter(node: TSESTree.Node): boolean {
      if (node.type !== AST_NODE_TYPES.Identifier) return false;
      const variable = handlerVariable(node, scopes);
      return variable?.defs[0]?.type === TSESLint.Scope.DefinitionType.Parameter;
    }

    /**
     * How the handler can be named again for removal: its variable, its compact
     * text (a field, a method reference), `inline` (a function or `.bind()` made
     * here), or `unknown` (anything else, or a handler that escapes to be removed elsewhere).
     */
    function handlerIdentity(add: ListenerAdd): TSESLint.Scope.Variable | { text: string } | 'inline' | 'unknown' {
      const handler = add.handler;
      const variable = handlerVariable(handler, scopes);
      if (variable && variable.defs.length > 0) return escapes(variable, add) ? 'unknown' : variable;
      if (handler.type === AST_NODE_TYPES.Identifier) return { text: textOf(handler, sourceCode) };
      if (handler.type === AST_NODE_TYPES.ArrowFunctionExpression || handler.type === AST_NODE_TYPES.FunctionExpression)
        return 'inline';
      if (handler.type === AST_NODE_TYPES.CallExpression) {
        const callee = skipWrappers(handler.callee);
        return callee.type === AST_NODE_TYPES.MemberExpression && memberName(callee) === 'bind' ? 'inline' : 'unknown';
      }
      if (handler.type === AST_NODE_TYPES.MemberExpression && !handler.computed)
        return { text: textOf(handler, sourceCode) };
      return 'unknown';
    }

    /**
     * Does the handler's variable go somewhere it may be removed from later:
     * returned, stored, or passed to a call other than a registration?
     */
    function escapes(variable: TSESLint.Scope.Variable, add: ListenerAdd): boolean {
      return variable.references.some((ref) => {
        if (ref.init || ref.identifier === add.handler) return false;
        const parent = ref.identifier.parent;
        if (parent.type === AST_NODE_TYPES.CallExpression) {
          if (parent.callee === ref.identifier) return false;
          const other = listenerAddAt(parent, true) ?? listenerRemovalAt(parent);
          return !(other && other.handler === ref.identifier);
        }
        return (
          parent.type === AST_NODE_TYPES.ReturnStatement ||
          parent.type === AST_NODE_TYPES.Property ||
          parent.type === AST_NODE_TYPES.ArrayExpression ||
          parent.type === AST_NODE_TYPES.ArrowFunctionExpression ||
          (parent.type === AST_NODE_TYPES.AssignmentExpression && parent.right === ref.identifier) ||
          (parent.type === AST_NODE_TYPES.VariableDeclarator && parent.init === ref.identifier)
        );
      });
    }

    /**
     * `this.removeEventListener('open', this.#handlers.open); this.addEventListener('open', fn)`:
     * the function first removes the listener kept from its previous call (a field or
     * an outer variable) for the same event on the same target, so each call replaces
     * one listener instead of adding one (event-handler property setters).
     */
    function replacesPrevious(add: ListenerAdd, fn: FunctionNode, index: RemovalIndex): boolean {
      if (!add.receiver) return false;
      const onTarget = index.byReceiver.get(textOf(add.receiver, sourceCode)) ?? [];
      return onTarget.some((removal) => {
        const kept = removal.handler;
        if (!kept || removal.call.range[1] > add.call.range[0]) return false;
        if (!contains(fn, removal.call) || !sameEvent(add.event, removal.event)) return false;
        if (kept.type === AST_NODE_TYPES.MemberExpression) return true;
        const variable = kept.type === AST_NODE_TYPES.Identifier ? handlerVariable(kept, scopes) : null;
        const declared = variable?.defs[0]?.node;
        return declared !== undefined && !contains(fn, declared);
      });
    }

    /** A removal of the same handler for the same event, anywhere it can be named again. */
    function isRemoved(
      add: ListenerAdd,
      handler: TSESLint.Scope.Variable | { text: string },
      index: RemovalIndex,
    ): boolean {
      const byText = 'text' in handler;
      const candidates = byText ? (index.byText.get(handler.text) ?? []) : (index.byVariable.get(handler) ?? []);
      const addClass = thisClass(add.handler);
      return candidates.some((removal) => {
        if (!sameEvent(add.event, removal.event)) return false;
        // `this.onResize` names the same function only within one class.
        if (byText && addClass && removal.handler && thisClass(removal.handler) !== addClass) return false;
        return true;
      });
    }

    /**
     * The target is ended or cleared where its listeners go with it: `x.destroy()`,
     * `x.close()`, `x.removeAllListeners(event?)` on the same target (or a place it
     * hangs on), in the same class for `this` targets.
     */
    function targetTornDown(add: ListenerAdd, index: RemovalIndex): boolean {
      if (!add.receiver) return false;
      const addClass = thisClass(add.receiver);
      for (let node: TSESTree.Expression = skipWrappers(add.receiver); ;) {
        const calls = index.teardownTexts.get(textOf(node, sourceCode)) ?? [];
        const found = calls.some((call) => {
          const callee = skipWrappers(call.callee) as TSESTree.MemberExpression;
          if (addClass && thisClass(callee.object) !== addClass) return false;
          if (memberName(callee) === 'removeAllListeners') {
            const event = call.arguments[0];
            return !event || event.type === AST_NODE_TYPES.SpreadElement || sameEvent(add.event, event);
          }
          return true;
        });
        if (found) return true;
        if (node.type !== AST_NODE_TYPES.MemberExpression) return false;
        node = skipWrappers(node.object);
      }
    }

    /** The class of the `this` an expression hangs on, if it does. */
    function thisClass(node: TSESTree.Node): ClassNode | null {
      let root: TSESTree.Node = node;
      while (root.type === AST_NODE_TYPES.MemberExpression) root = skipWrappers(root.object);
      return root.type === AST_NODE_TYPES.ThisExpression ? (classOfThis(root)?.classNode ?? null) : null;
    }

    /** Two event arguments name the same event unless both are different string literals. */
    function sameEvent(a: TSESTree.Node, b: TSESTree.Node | null): boolean {
      if (!b) return true;
      if (a.type === AST_NODE_TYPES.Literal && b.type === AST_NODE_TYPES.Literal) return a.value === b.value;
      return true;
    }

    function hasEventSourceType(add: ListenerAdd, lifetime: TargetLifetime): boolean {
      if (!add.receiver) return true;
      const type = services.getTypeAtLocation(add.receiver);
      if (lifetime.kind === 'parameter') return isAbortSignalType(checker, type) && isEventSourceType(checker, type);
      return isEventSourceType(checker, type);
    }

    function report(add: ListenerAdd, fn: FunctionNode, lifetime: TargetLifetime, inline: boolean): void {
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
          remove: isDom ? 'removeEventListener' : 'removeListener',
          alternative: isDom ? ', or pass `{ signal }` from an AbortController you abort then' : '',
        },
      });
    }
  },
});

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
