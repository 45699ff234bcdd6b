import { ASTUtils, AST_NODE_TYPES, TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { contains, isFunctionNode, memberName, skipWrappers, walk } from '../analysis/ast.js';
import { reracedInLoop } from '../analysis/loop-reactions.js';
import { abandonedWork, isSignalValue, racedElements, type RaceContext } from '../analysis/raced-work.js';
import { textOf } from '../analysis/resources.js';
import { timeoutOf, type Timeout } from '../analysis/timeouts.js';
import { createRule } from '../util/create-rule.js';
import { brief } from '../util/text.js';
import { typedServices } from '../util/services.js';

export type Options = [
  {
    checkUncancellableWork?: boolean;
    timeoutHelpers?: string[];
  },
];

export type MessageIds =
  'raceInLoop' | 'signalNotPassed' | 'timerNeverCleared' | 'useAbortSignalTimeoutSuggestion' | 'workNeverAborted';

export default createRule<Options, MessageIds>({
  name: 'no-abandoned-race',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow Promise.race timeouts that leave the work running and the timer armed',
      recommended: 'recommended',
      requiresTypeChecking: true,
    },
    hasSuggestions: true,
    defaultOptions: [{ checkUncancellableWork: false, timeoutHelpers: [] }],
    messages: {
      timerNeverCleared:
        'The timer behind `{{timeout}}` stays armed after the race settles, holding its closure and keeping the process alive. Keep its handle and clear it in a `finally` block, or use a timer with a `signal` you abort.',
      signalNotPassed:
        '`{{callee}}()` accepts a `signal` but gets none: when the timeout wins it keeps running with everything it captured. Pass one that aborts when the timeout wins (`AbortSignal.timeout(ms)`, or a controller aborted in `finally`).',
      workNeverAborted:
        '`{{callee}}()` keeps running when the timeout wins and has no way to be told to stop. Give it an `AbortSignal` to watch, or do not race it against a timer.',
      raceInLoop:
        '`{{element}}` was created outside this loop and is raced on every iteration: each race adds a reaction to it that is only released when it settles. Race it once outside the loop, or listen to an `AbortSignal` and remove the listener each time.',
      useAbortSignalTimeoutSuggestion:
        'Drop the race and pass `signal: AbortSignal.timeout({{ms}})` to `{{callee}}()`.',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          checkUncancellableWork: {
            type: 'boolean',
            description: 'Also report work that cannot be cancelled at all (its callee takes no AbortSignal).',
          },
          timeoutHelpers: {
            type: 'array',
            items: { type: 'string' },
            description:
              'Names of functions that return a timeout promise, for helpers whose bodies the rule cannot see.',
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
    if (!sourceCode.text.includes('Promise.race') && !sourceCode.text.includes('Promise.any')) return {};
    const checker = services.program.getTypeChecker();
    const raceContext: RaceContext = { sourceCode, services, checker };
    const helpers = options.timeoutHelpers ?? [];
    const checkUncancellableWork = options.checkUncancellableWork === true;

    return {
      CallExpression(node) {
        const elements = racedElements(node);
        if (!elements) return;
        const reraced = reracedInLoop(node, elements, { sourceCode, services, filename: context.filename });
        if (reraced) {
          context.report({ node, messageId: 'raceInLoop', data: { element: brief(sourceCode, reraced) } });
        }
        const timeouts = elements.map((element) => timeoutOf(element, { sourceCode, services, helpers }));
        if (!timeouts.some(Boolean)) return;
        const work = elements.filter((_, index) => !timeouts[index]);
        if (work.length === 0) return;
        checkTimers(
          node,
          timeouts.filter((t): t is Timeout => t !== null),
        );
        checkWork(node, work, timeouts.find((t): t is Timeout => t !== null) ?? null);
      },
    };

    function checkTimers(race: TSESTree.CallExpression, timeouts: readonly Timeout[]): void {
      const armed = timeouts.find((timeout) => !isCleared(timeout, race));
      if (!armed) return;
      context.report({ node: race, messageId: 'timerNeverCleared', data: { timeout: brief(sourceCode, armed.node) } });
    }

    /** Cleared: a signal reaches the timer, or its handle is cleared outside the timer's own callback. */
    function isCleared(timeout: Timeout, race: TSESTree.CallExpression): boolean {
      // A signal reaches it, or it was unref'd on purpose (a guard that cannot hold the process).
      if (timeout.signal || timeout.unref) return true;
      if (timeout.kind === 'helper') {
        const call = skipWrappers(timeout.node as TSESTree.Expression);
        return (
          call.type === AST_NODE_TYPES.CallExpression && call.arguments.some((arg) => isSignalValue(arg, raceContext))
        );
      }
      // `timeout.clear()` / `cleanup()` of the helper's result, in a `finally` or settled handler.
      if (timeout.kind === 'helperResult') {
        const clearCalls = new Set(timeout.clearCalls ?? []);
        if (clearCalls.size === 0) return false;
        const callsClear = (region: TSESTree.Node): boolean => {
          let found = false;
          walk(region, (child) => {
            if (
              !found &&
              child.type === AST_NODE_TYPES.CallExpression &&
              clearCalls.has(textOf(child.callee, sourceCode))
            )
              found = true;
          });
          return found;
        };
        return cleanupRegions(race).some((region) =>
          Array.isArray(region) ? region.length === 2 && region.every(callsClear) : callsClear(region),
        );
      }
      if (timeout.kind !== 'promiseTimer' || !timeout.handle) return false;
      // Cleared on every path after the race: in a `finally` around it, in `.finally()`
      // on it, or in both handlers of `.then(onFulfilled, onRejected)` on it.
      const handle = timeout.handle;
      const timerNode = timerExpression(timeout);
      const clears = (region: TSESTree.Node): boolean => {
        let found = false;
        walk(region, (child) => {
          if (found || child.type !== AST_NODE_TYPES.CallExpression) return;
          const callee = skipWrappers(child.callee);
          if (callee.type !== AST_NODE_TYPES.Identifier || !/^clear(Timeout|Interval)$/.test(callee.name)) return;
          const arg = child.arguments[0];
          if (arg?.type !== AST_NODE_TYPES.Identifier || arg.name !== handle) return;
          if (timerNode && contains(timerNode, child)) return;
          found = true;
        });
        return found;
      };
      const clearsIn = (region: TSESTree.Node | TSESTree.Node[]): boolean =>
        Array.isArray(region) ? region.length === 2 && region.every(clears) : clears(region);
      if (cleanupRegions(race).some(clearsIn)) return true;
      // `Promise.race([work.finally(() => clearTimeout(t)), timer])`: when the work settles first it
      // clears the timer; when the timer wins it has fired.
      const list = race.arguments[0];
      const others =
        list?.type === AST_NODE_TYPES.ArrayExpression
          ? list.elements.filter(
              (e): e is TSESTree.Expression =>
                e !== null && e !== timeout.node && e.type !== AST_NODE_TYPES.SpreadElement,
            )
          : [];
      return others.length > 0 && others.every((other) => settledRegions(other).some(clearsIn));
    }

    /** The handlers chained on an expression that run whichever way it settles: `.finally(cb)`, `.then(a, b)`. */
    function settledRegions(expression: TSESTree.Expression): (TSESTree.Node | TSESTree.Node[])[] {
      const node = skipWrappers(expression);
      if (node.type !== AST_NODE_TYPES.CallExpression) return [];
      const callee = skipWrappers(node.callee);
      if (callee.type !== AST_NODE_TYPES.MemberExpression) return [];
      const method = memberName(callee);
      if (method === 'finally') return [...node.arguments];
      if (method === 'then') return [[...node.arguments]];
      return [];
    }

    /**
     * What runs after the race whatever its outcome: the `finally` blocks around
     * it (in its function), `.finally(cb)` chained on it, and the two handlers of
     * `.then(onFulfilled, onRejected)` chained on it (both must clear).
     */
    function cleanupRegions(race: TSESTree.CallExpression): (TSESTree.Node | TSESTree.Node[])[] {
      const regions: (TSESTree.Node | TSESTree.Node[])[] = [];
      let child: TSESTree.Node = race;
      for (let p: TSESTree.Node | undefined = race.parent; p && !isFunctionNode(p); child = p, p = p.parent) {
        if (p.type === AST_NODE_TYPES.TryStatement && p.block === child && p.finalizer) regions.push(p.finalizer);
        if (
          p.type === AST_NODE_TYPES.MemberExpression &&
          p.object === child &&
          p.parent.type === AST_NODE_TYPES.CallExpression
        ) {
          const method = memberName(p);
          if (method === 'finally') regions.push(...p.parent.arguments);
          if (method === 'then') regions.push([...p.parent.arguments]);
        }
      }
      return regions;
    }

    /** The expression a timeout stands for (through a `const`). */
    function timerExpression(timeout: Timeout): TSESTree.Node | null {
      const node = skipWrappers(timeout.node as TSESTree.Expression);
      if (node.type !== AST_NODE_TYPES.Identifier) return node;
      const def = ASTUtils.findVariable(sourceCode.getScope(node), node.name)?.defs[0];
      return def?.type === TSESLint.Scope.DefinitionType.Variable ? def.node.init : null;
    }

    function checkWork(
      race: TSESTree.CallExpression,
      work: readonly TSESTree.Expression[],
      timeout: Timeout | null,
    ): void {
      const { notPassed, uncancellable } = abandonedWork(work, raceContext);
      if (notPassed) {
        // Mechanical only when the one piece of work is that call itself (not a Promise.all of calls).
        const only = work.length === 1 && work[0] ? skipWrappers(work[0]) : null;
        const fix = only === notPassed.call ? abortSignalTimeoutFix(race, notPassed, timeout) : null;
        context.report({
          node: race,
          messageId: 'signalNotPassed',
          data: { callee: calleeText(notPassed.call) },
          suggest: fix
            ? [
                {
                  messageId: 'useAbortSignalTimeoutSuggestion',
                  data: { ms: sourceCode.getText(timeout?.ms ?? race), callee: calleeText(notPassed.call) },
                  fix,
                },
              ]
            : [],
        });
      }
      if (uncancellable && checkUncancellableWork) {
        context.report({ node: race, messageId: 'workNeverAborted', data: { callee: calleeText(uncancellable) } });
      }
    }

    /**
     * `Promise.race([work(a), timeout(ms)])` → `work(a, { signal: AbortSignal.timeout(ms) })`,
     * when the delay is a plain value and the signal's slot is the next argument
     * (or the options object already there).
     */
    function abortSignalTimeoutFix(
      race: TSESTree.CallExpression,
      target: { call: TSESTree.CallExpression; index: number; viaOptions: boolean; property?: string },
      timeout: Timeout | null,
    ): TSESLint.ReportFixFunction | null {
      const ms = timeout?.ms;
      if (!ms || !isPlainValue(ms)) return null;
      // The reaction computes what the race yields on timeout: dropping the race would drop it.
      if (timeout.chained === true) return null;
      const { call, index, viaOptions } = target;
      const key = target.property ?? 'signal';
      const signal = `AbortSignal.timeout(${sourceCode.getText(ms)})`;
      const callText = sourceCode.getText(call);
      const offset = call.range[0];
      let replacement: string | null = null;
      const existing = call.arguments[index];
      if (viaOptions && existing?.type === AST_NODE_TYPES.ObjectExpression) {
        // The options already name a signal (the caller's): combining them is not mechanical.
        const named = existing.properties.some(
          (p) => p.type !== AST_NODE_TYPES.Property || (p.key.type === AST_NODE_TYPES.Identifier && p.key.name === key),
        );
        if (named) return null;
        const open = existing.range[0] - offset + 1;
        const sep = existing.properties.length > 0 ? ', ' : '';
        replacement = `${callText.slice(0, open)} ${key}: ${signal}${sep}${callText.slice(open).replace(/^\s*/, existing.properties.length > 0 ? '' : ' ')}`;
      } else if (call.arguments.length === index) {
        const arg = viaOptions ? `{ ${key}: ${signal} }` : signal;
        const close = call.range[1] - offset - 1;
        replacement = `${callText.slice(0, close)}${index > 0 ? ', ' : ''}${arg}${callText.slice(close)}`;
      }
      if (replacement === null) return null;
      const text = replacement;
      return (fixer) => fixer.replaceText(race, text);
    }

    function isPlainValue(node: TSESTree.Node): boolean {
      return (
        node.type === AST_NODE_TYPES.Literal ||
        node.type === AST_NODE_TYPES.Identifier ||
        (node.type === AST_NODE_TYPES.MemberExpression && !node.computed && isPlainValue(node.object)) ||
        node.type === AST_NODE_TYPES.ThisExpression
      );
    }

    function calleeText(call: TSESTree.CallExpression): string {
      return brief(sourceCode, call.callee);
    }
  },
});
