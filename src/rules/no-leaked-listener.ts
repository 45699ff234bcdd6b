import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import {
  classOfMember,
  contains,
  functionName,
  isFunctionNode,
  isConstructor,
  memberName,
  skipWrappers,
  type FunctionNode,
} from '../analysis/ast.js';
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
import {
  ADD_ONCE_LISTENER,
  addsThroughOwnApi,
  handlerVariable,
  hasEventSourceType,
  isArgumentsOwnSignal,
  isOnceGuarded,
  isOneShotEvent,
  isParameterName,
  isSetupFunction,
  listenerAddAt,
  listenerRemovalAt,
  optionsBound,
  parameterRoot,
  passedFreshEveryCall,
  perCallFunction,
  setUpTargetKind,
  targetAssignedIn,
  targetLifetime,
  type ListenerAdd,
  type ListenerRemoval,
  type TargetLifetime,
} from '../analysis/listeners.js';
import { isNodeStream, isSharedSocket } from '../analysis/emitters.js';
import { isNeverCalled, runsOnlyAtSetUp } from '../analysis/program.js';
import { TARGET_TEARDOWN_CALLS } from '../analysis/vocabulary.js';
import { endsFirst, listenerFunctions, runsOnlyOnEvent, type EarlierEnd } from '../analysis/removal-timing.js';
import {
  guardFlagSuggestion,
  listenerCleanupSuggestions,
  sameListenerSuggestion,
  type CleanupSuggestionId,
  type SameListenerSuggestionId,
} from '../fixes/listener-cleanup.js';
import { createRule } from '../util/create-rule.js';
import { brief } from '../util/text.js';
import { typedServices } from '../util/services.js';

export type Options = [
  {
    checkOnce?: boolean;
  },
];

export type MessageIds =
  | 'inlineListenerNeverRemoved'
  | 'listenerNeverRemoved'
  | 'onceListenerMayNeverFire'
  | CleanupSuggestionId
  | SameListenerSuggestionId
  | 'setGuardFlagSuggestion';

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
    case 'connection':
      return 'outlives the request: a keep-alive connection keeps its socket for the requests after this one';
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
    hasSuggestions: true,
    messages: {
      listenerNeverRemoved:
        "Every call of {{fn}} adds `{{handler}}` as a listener for '{{event}}' to `{{target}}`, which {{lifetime}}, and nothing removes it{{until}}: the listeners pile up with everything they capture. Remove it with `{{remove}}` when the call is done (in a `finally` block or a returned cleanup){{alternative}}.",
      inlineListenerNeverRemoved:
        "Every call of {{fn}} adds an inline listener for '{{event}}' to `{{target}}`, which {{lifetime}}, and an inline function can never be removed{{until}}: the listeners pile up with everything they capture. Keep the handler in a variable and remove it with `{{remove}}` when the call is done (in a `finally` block or a returned cleanup){{alternative}}.",
      onceListenerMayNeverFire:
        "Every call of {{fn}} adds a once-only listener for '{{event}}' to `{{target}}`, which {{lifetime}}; it is removed only when '{{event}}' fires, and until then the listeners pile up with everything they capture. Remove it with `{{remove}}` when the call is done (in a `finally` block or a returned cleanup).",
      removeInFinallySuggestion:
        'Run the rest of the call in `try` and remove the listener with `{{method}}` in `finally`, so it goes when the call ends.',
      abortInFinallySuggestion:
        'Pass the `signal` of a new `AbortController` with the listener, run the rest of the call in `try` and abort the controller in `finally`, so the listener goes when the call ends.',
      removeInCleanupSuggestion:
        'Remove the listener with `{{method}}` in the cleanup function the call returns, so it goes when the caller cleans up.',
      abortInCleanupSuggestion:
        'Pass the `signal` of a new `AbortController` with the listener and abort the controller in the cleanup function the call returns, so the listener goes when the caller cleans up.',
      removeInNewCleanupSuggestion:
        'Return a cleanup function that removes the listener with `{{method}}`, so it goes when the caller cleans up.',
      abortInNewCleanupSuggestion:
        'Pass the `signal` of a new `AbortController` with the listener and return a cleanup function that aborts the controller, so the listener goes when the caller cleans up.',
      passSameListenerSuggestion:
        'Pass `{{handler}}` to the `{{method}}` call on line {{line}}, which removes another function now.',
      nameSameListenerSuggestion:
        'Keep the listener in `{{name}}` and pass it to the `{{method}}` call on line {{line}}, which removes another function now.',
      setGuardFlagSuggestion: 'Set `{{flag}}` to `true` after adding the listener, so the guard lets it be added once.',
      abortWhenSettledSuggestion:
        'Pass the `signal` of a new `AbortController` with the listener and abort the controller in `.finally()` of the promise, so the listener goes when the promise settles.',
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
        if (callee.type === AST_NODE_TYPES.MemberExpression && TARGET_TEARDOWN_CALLS.has(memberName(callee) ?? ''))
          teardowns.push(node);
      },
      'Program:exit'() {
        if (adds.length === 0) return;
        const index = indexListeners(registrations, removals, teardowns, file);
        for (const add of adds) check(add, index);
      },
    };

    function sameListenerSuggestions(add: ListenerAdd, index: ListenerIndex) {
      const removal = otherFunctionRemoval(add, index, sourceCode, scopes);
      const suggestion = removal ? sameListenerSuggestion(sourceCode, services, add, removal) : null;
      return suggestion ? [suggestion] : [];
    }

    /**
     * `req.socket` of a request parameter (a callback's too): a target that outlives the request,
     * unless the function is also handed the connection itself (`'upgrade'`, `'connect'`: the
     * socket leaves HTTP and serves no later request).
     */
    function sharedSocketLifetime(add: ListenerAdd, scopes: Scopes): TargetLifetime | null {
      if (!add.receiver) return null;
      const root = parameterRoot(add.receiver, scopes);
      if (!root || !isSharedSocket(services, add.receiver)) return null;
      const holder = root.defs[0]?.node;
      const handed =
        holder !== undefined &&
        isFunctionNode(holder) &&
        holder.params.some((param) => param !== root.defs[0]?.name && isNodeStream(services, param));
      return handed ? null : { kind: 'connection', root };
    }

    function check(add: ListenerAdd, index: ListenerIndex): void {
      const bound = optionsBound(add);
      if (bound === 'signal' || bound === 'unknown') return;
      if (resultUsed(add.call)) return;
      const fn = perCallFunction(add.call, true);
      if (!fn) return;
      const lifetime = sharedSocketLifetime(add, scopes) ?? targetLifetime(add.receiver, fn, scopes);
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
        const listening = listenerFunctions(add, fn, index, file);
        if (!removed.every((removal) => runsOnlyOnEvent(removal.call, fn, listening, scopes))) return;
        const first = endsFirst(add, fn, lifetime, removed, listening, file);
        if (first === null) return;
        until = untilText(add, handler === 'inline', earlierEndText(first, sourceCode));
      }
      if (replacesPrevious(add, fn, index, file)) return;
      if (targetTornDown(add, index, sourceCode)) return;
      if (isSetupFunction(fn, setUpTargetKind(lifetime, fn), scopes, sourceCode)) return;
      if (isOnceGuarded(add.call, fn, sourceCode)) return;
      if (!hasEventSourceType(add, lifetime, checker, services)) return;
      // The class keeps its own listeners; its own method adding through that API is part of it.
      if (addsThroughOwnApi(add, services)) return;
      if (lifetime.kind === 'parameter' && isArgumentsOwnSignal(add.receiver, scopes, services)) return;
      const tsFn = services.esTreeNodeToTSNodeMap.get(fn);
      // Every caller in the program runs once per process: module scope, or behind a once-flag.
      if (runsOnlyAtSetUp(services.program, tsFn, { kind: 'module' })) return;
      // Nothing here calls it: only its source text is read (to run in a worker), or nothing at all.
      if (isNeverCalled(services.program, tsFn)) return;
      if (lifetime.kind === 'parameter' && passedFreshEveryCall(add, fn, lifetime.root, scopes, services)) return;
      const report = listenerReport(sourceCode, add, fn, lifetime, handler === 'inline', until);
      const suggest = ADD_ONCE_LISTENER.has(add.method)
        ? []
        : [
            ...(removed.length === 0 ? sameListenerSuggestions(add, index) : []),
            ...[guardFlagSuggestion(sourceCode, add)].filter((suggestion) => suggestion !== null),
            ...listenerCleanupSuggestions(sourceCode, services, add),
          ];
      context.report(suggest.length > 0 ? { ...report, suggest } : report);
    }
  },
});

/**
 * The file's one removal for the same target and event that passes another function, one that no
 * registration on that target adds: made to pass this registration's handler.
 */
function otherFunctionRemoval(
  add: ListenerAdd,
  index: ListenerIndex,
  sourceCode: Readonly<TSESLint.SourceCode>,
  scopes: Scopes,
): { call: TSESTree.CallExpression; method: string; handler: TSESTree.Expression } | null {
  if (!add.receiver || add.event.type !== AST_NODE_TYPES.Literal) return null;
  const candidates = unaddedRemovals(index, targetKey(add.receiver, sourceCode), sourceCode, scopes)
    .get(add.event.value)
    ?.filter((removal) => {
      const variable = removal.handler ? handlerVariable(removal.handler, scopes) : null;
      return !(variable && variable === handlerVariable(add.handler, scopes));
    });
  if (!candidates) return null;
  const [only] = candidates;
  return candidates.length === 1 && only?.handler
    ? { call: only.call, method: only.method, handler: only.handler }
    : null;
}

const unaddedRemovalCaches = new WeakMap<ListenerIndex, Map<string, Map<unknown, ListenerRemoval[]>>>();

/**
 * The removals on one target, by their literal event, whose handler no
 * registration on that target adds by name (an inline function is a new one
 * each time, whatever its text). Once per file and target: every
 * registration on `process` or `this.socket` asks about the same ones.
 */
function unaddedRemovals(
  index: ListenerIndex,
  key: string,
  sourceCode: Readonly<TSESLint.SourceCode>,
  scopes: Scopes,
): Map<unknown, ListenerRemoval[]> {
  let byKey = unaddedRemovalCaches.get(index);
  if (!byKey) {
    byKey = new Map();
    unaddedRemovalCaches.set(index, byKey);
  }
  const known = byKey.get(key);
  if (known) return known;
  const added = new Set(
    (index.registrations.get(key) ?? [])
      .filter((other) => handlerIdentity(other, { sourceCode, scopes }) !== 'inline')
      .map((other) => sourceCode.getText(other.handler)),
  );
  const byEvent = new Map<unknown, ListenerRemoval[]>();
  for (const removal of index.byReceiver.get(key) ?? []) {
    const { event, handler } = removal;
    if (!handler || event?.type !== AST_NODE_TYPES.Literal || added.has(sourceCode.getText(handler))) continue;
    const list = byEvent.get(event.value);
    if (list) list.push(removal);
    else byEvent.set(event.value, [removal]);
  }
  byKey.set(key, byEvent);
  return byEvent;
}

/** What the call that added a listener can end through before its event fires, for the message. */
function earlierEndText(end: EarlierEnd, sourceCode: Readonly<TSESLint.SourceCode>): string {
  switch (end.kind) {
    case 'nextPass':
      return 'the loop can go on to its next pass';
    case 'listener':
      return `a '${brief(sourceCode, end.event)}' listener on \`${brief(sourceCode, end.target)}\` can settle the promise`;
    case 'callback':
      return end.callee === null
        ? 'another callback can settle the promise'
        : `the \`${end.callee}\` callback can settle the promise`;
  }
}

/** The words that say why a removal that waits for the event comes too late. */
function untilText(add: ListenerAdd, inline: boolean, first: string): string {
  const event = add.event.type === AST_NODE_TYPES.Literal ? `'${String(add.event.value)}'` : 'its event';
  return inline
    ? `; \`{ once: true }\` drops it only when ${event} fires, and ${first} before it does`
    : ` but ${event} firing, and ${first} before it does`;
}

function listenerReport(
  sourceCode: Readonly<TSESLint.SourceCode>,
  add: ListenerAdd,
  fn: FunctionNode,
  lifetime: TargetLifetime,
  inline: boolean,
  until: string,
): TSESLint.ReportDescriptor<MessageIds> {
  const member = classOfMember(fn);
  const name = isConstructor(fn) ? `new ${member?.classNode.id?.name ?? 'this class'}()` : functionName(fn);
  const isDom = add.method === 'addEventListener';
  const once = ADD_ONCE_LISTENER.has(add.method);
  const event = add.event.type === AST_NODE_TYPES.Literal ? String(add.event.value) : sourceCode.getText(add.event);
  return {
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
  };
}
