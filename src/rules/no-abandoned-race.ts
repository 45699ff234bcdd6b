import type { TSESTree } from '@typescript-eslint/utils';
import { skipWrappers } from '../analysis/ast.js';
import { reracedInLoop } from '../analysis/loop-reactions.js';
import { abandonedWork, racedElements, type RaceContext } from '../analysis/raced-work.js';
import { timeoutCleared } from '../analysis/timeout-clearing.js';
import { timeoutOf, type Timeout } from '../analysis/timeouts.js';
import { abortSignalTimeoutFix } from '../fixes/abort-signal-timeout.js';
import { clearRaceTimerFix } from '../fixes/clear-race-timer.js';
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
  | 'clearKeptTimerSuggestion'
  | 'clearTimerSuggestion'
  | 'abortTimerSuggestion'
  | 'inlineTimerSuggestion'
  | 'inlineTimerRemoveHelperSuggestion'
  | 'raceInLoop'
  | 'signalNotPassed'
  | 'timerNeverCleared'
  | 'useAbortSignalTimeoutSuggestion'
  | 'workNeverAborted';

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
      clearKeptTimerSuggestion:
        'Clear `{{name}}` in `.finally()` on the race, so the timer does not fire after the race settles.',
      abortTimerSuggestion:
        'Give the timer the signal of a new `{{name}}` and abort it in `.finally()` on the race, so the timer does not fire after the race settles.',
      clearTimerSuggestion:
        "Keep the timer's handle in `{{name}}` and clear it in `.finally()` on the race, so it does not fire after the race settles.",
      inlineTimerSuggestion:
        'Make the timer of `{{helper}}()` in place with its handle kept in `{{name}}`, and clear it in `.finally()` on the race, so it does not fire after the race settles.',
      inlineTimerRemoveHelperSuggestion:
        'Make the timer of `{{helper}}()` in place with its handle kept in `{{name}}`, clear it in `.finally()` on the race, so it does not fire after the race settles, and remove `{{helper}}()`, now unused.',
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
        const armed = timeouts.find((timeout) => timeout !== null && !timeoutCleared(timeout, node, raceContext));
        if (armed) {
          const fix = clearRaceTimerFix(sourceCode, services, node, armed);
          const messageId = fix?.aborted
            ? 'abortTimerSuggestion'
            : fix?.kept
              ? 'clearKeptTimerSuggestion'
              : !fix?.helper
                ? 'clearTimerSuggestion'
                : fix.helper.removed
                  ? 'inlineTimerRemoveHelperSuggestion'
                  : 'inlineTimerSuggestion';
          context.report({
            node,
            messageId: 'timerNeverCleared',
            data: { timeout: brief(sourceCode, armed.node) },
            suggest: fix ? [{ messageId, data: { name: fix.name, helper: fix.helper?.name ?? '' }, fix: fix.fix }] : [],
          });
        }
        checkWork(node, work, timeouts.find((t): t is Timeout => t !== null) ?? null);
      },
    };

    function checkWork(
      race: TSESTree.CallExpression,
      work: readonly TSESTree.Expression[],
      timeout: Timeout | null,
    ): void {
      const { notPassed, uncancellable } = abandonedWork(work, raceContext, timeout?.callback ?? null);
      if (notPassed) {
        // Mechanical only when the one piece of work is that call itself (not a Promise.all of calls).
        const only = work.length === 1 && work[0] ? skipWrappers(work[0]) : null;
        const fix = only === notPassed.call ? abortSignalTimeoutFix(sourceCode, race, notPassed, timeout) : null;
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

    function calleeText(call: TSESTree.CallExpression): string {
      return brief(sourceCode, call.callee);
    }
  },
});
