import { ASTUtils, AST_NODE_TYPES, TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { contains, isFunctionNode, memberName, skipWrappers, walk } from '../analysis/ast.js';
import { outsideEnclosingLoop, reracedInLoop } from '../analysis/loop-reactions.js';
import { constDeclarator } from '../analysis/owners.js';
import { textOf } from '../analysis/resources.js';
import { timeoutOf, type Timeout } from '../analysis/timeouts.js';
import { PROMISE_REACTIONS } from '../analysis/vocabulary.js';
import { callAcceptsSignal, isAbortSignalType } from '../analysis/types.js';
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
    const helpers = options.timeoutHelpers ?? [];
    const checkUncancellableWork = options.checkUncancellableWork === true;

    return {
      CallExpression(node) {
        const callee = skipWrappers(node.callee);
        if (
          callee.type !== AST_NODE_TYPES.MemberExpression ||
          skipWrappers(callee.object).type !== AST_NODE_TYPES.Identifier ||
          (skipWrappers(callee.object) as TSESTree.Identifier).name !== 'Promise'
        ) {
          return;
        }
        const method = memberName(callee);
        if (method !== 'race' && method !== 'any') return;
        const list = node.arguments[0];
        if (list?.type !== AST_NODE_TYPES.ArrayExpression) return;
        const elements = list.elements.filter(
          (e): e is TSESTree.Expression => e !== null && e.type !== AST_NODE_TYPES.SpreadElement,
        );
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
        return call.type === AST_NODE_TYPES.CallExpression && call.arguments.some((arg) => isSignal(arg));
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

    /**
     * Does a signal fire when the timeout wins? `AbortSignal.timeout()`, an
     * `AbortSignal.any()` of such, or a local controller's signal that something
     * aborts. A parameter (the caller's signal) does not; anything else is trusted.
     */
    function firesOnTimeout(node: TSESTree.Node, depth = 0): boolean {
      const expression = skipWrappers(node as TSESTree.Expression);
      if (depth > 3) return true;
      if (expression.type === AST_NODE_TYPES.Identifier) {
        const variable = ASTUtils.findVariable(sourceCode.getScope(expression), expression.name);
        const def = variable?.defs[0];
        if (def?.type === TSESLint.Scope.DefinitionType.Parameter) return false;
        if (def?.type === TSESLint.Scope.DefinitionType.Variable && def.node.init)
          return firesOnTimeout(def.node.init, depth + 1);
        return true;
      }
      if (expression.type === AST_NODE_TYPES.MemberExpression && memberName(expression) === 'signal') {
        const owner = skipWrappers(expression.object);
        if (owner.type !== AST_NODE_TYPES.Identifier) return true;
        const variable = ASTUtils.findVariable(sourceCode.getScope(owner), owner.name);
        const def = variable?.defs[0];
        if (def?.type === TSESLint.Scope.DefinitionType.Parameter) return false;
        // A controller of this function: it fires if something aborts it.
        return (
          variable?.references.some((ref) => {
            const member = ref.identifier.parent;
            return member.type === AST_NODE_TYPES.MemberExpression && memberName(member) === 'abort';
          }) ?? true
        );
      }
      return true;
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
      let notPassed: { call: TSESTree.CallExpression; index: number; viaOptions: boolean; property?: string } | null =
        null;
      let uncancellable: TSESTree.CallExpression | null = null;
      for (const call of work.flatMap(workCalls)) {
        if (call.arguments.some((arg) => passesTimeoutSignal(arg))) continue;
        const slot = callAcceptsSignal(checker, services.esTreeNodeToTSNodeMap.get(call));
        if (slot) notPassed ??= { call, ...slot };
        else uncancellable ??= call;
      }
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

    /** The calls a work element runs: the call itself, or the calls inside `Promise.all([...])`. */
    function workCalls(element: TSESTree.Expression, depth = 0): TSESTree.CallExpression[] {
      const node = skipWrappers(element);
      if (node.type === AST_NODE_TYPES.AwaitExpression) return workCalls(node.argument, depth);
      // `const requestPromise = fetch(url).then(…)`: the work is what the `const` was made from,
      // unless it was made outside a loop that races it again on every pass: then it is a
      // promise being waited on, not work started for this race (`raceInLoop` is about it).
      if (node.type === AST_NODE_TYPES.Identifier && depth < 2) {
        const declarator = constDeclarator(node, sourceCode);
        if (declarator?.id.type === AST_NODE_TYPES.Identifier && !outsideEnclosingLoop(node, declarator)) {
          return workCalls(declarator.init, depth + 1);
        }
        return [];
      }
      if (node.type !== AST_NODE_TYPES.CallExpression) return [];
      const callee = skipWrappers(node.callee);
      if (
        callee.type === AST_NODE_TYPES.MemberExpression &&
        skipWrappers(callee.object).type === AST_NODE_TYPES.Identifier &&
        (skipWrappers(callee.object) as TSESTree.Identifier).name === 'Promise'
      ) {
        const list = node.arguments[0] ? skipWrappers(node.arguments[0] as TSESTree.Expression) : null;
        if (list?.type === AST_NODE_TYPES.ArrayExpression) {
          return list.elements.flatMap((e) => (e && e.type !== AST_NODE_TYPES.SpreadElement ? workCalls(e) : []));
        }
        // `Promise.all(items.map((item) => work(item)))`: the work is the mapped call.
        if (list?.type === AST_NODE_TYPES.CallExpression && list.callee.type === AST_NODE_TYPES.MemberExpression) {
          const mapper = list.arguments[0];
          if (
            memberName(list.callee) === 'map' &&
            mapper &&
            isFunctionNode(mapper) &&
            mapper.body.type !== AST_NODE_TYPES.BlockStatement
          ) {
            return workCalls(mapper.body);
          }
        }
        return [];
      }
      // `.then(...)`/`.catch(...)` chains: the work is the call at the start of the chain.
      if (callee.type === AST_NODE_TYPES.MemberExpression && PROMISE_REACTIONS.has(memberName(callee) ?? '')) {
        return workCalls(callee.object);
      }
      return [node];
    }

    function isSignal(node: TSESTree.Node): boolean {
      return isAbortSignalType(checker, services.getTypeAtLocation(node));
    }

    /** An argument that hands the work a signal firing on timeout: the signal itself, `{ signal }`, or a spread. */
    function passesTimeoutSignal(node: TSESTree.Node, depth = 0): boolean {
      // `const requestInit = { ...init, signal }; fetch(url, requestInit)`: the options held in a `const`.
      if (node.type === AST_NODE_TYPES.Identifier && depth === 0 && !isSignal(node)) {
        const init = constDeclarator(node, sourceCode)?.init;
        if (init?.type === AST_NODE_TYPES.ObjectExpression) return passesTimeoutSignal(init, depth + 1);
      }
      if (node.type !== AST_NODE_TYPES.ObjectExpression) return isSignal(node) && firesOnTimeout(node);
      return node.properties.some(
        (p) =>
          p.type === AST_NODE_TYPES.SpreadElement ||
          (!p.computed &&
            p.key.type === AST_NODE_TYPES.Identifier &&
            /signal$/i.test(p.key.name) &&
            firesOnTimeout(p.value)),
      );
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
