import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { enclosingFunction, functionName, type FunctionNode } from '../analysis/ast.js';
import { teardownAround } from '../analysis/intent.js';
import { isEndlessLoop, loopKeyword, unstoppableLoop, type EndlessLoop, type LoopContext } from '../analysis/loops.js';
import { PathTracker } from '../analysis/paths.js';
import {
  addSignalSuggestion,
  checkSignalSuggestion,
  stopFlagSuggestion,
  type LoopStopContext,
  type LoopStopSuggestion,
} from '../fixes/loop-stop.js';
import { createRule } from '../util/create-rule.js';
import { typedServices } from '../util/services.js';

export type Options = [
  {
    checkYieldingLoops?: boolean;
  },
];

export type MessageIds =
  | 'loopNeverStops'
  | 'loopOutlivesTeardown'
  | 'signalNeverChecked'
  | 'checkSignalSuggestion'
  | 'throwIfAbortedSuggestion'
  | 'addSignalSuggestion'
  | 'addSignalThrowSuggestion'
  | 'checkStopFlagSuggestion'
  | 'addStopFlagSuggestion';

/**
 * What an endless loop head can look like in the text, a superset of what `isEndlessLoop`
 * accepts: a `while` whose test starts with a literal after any `!` and `(` (`while (true)`,
 * `while (!!1)`, `while (0x1)`), a `for` whose test is empty or starts so (`for (;;)`,
 * `for (let i = next(); ; i++)`, `for (; true;)`).
 */
const ENDLESS_HEAD = /\bwhile\s*\(\s*[!(\s]*(?:true|false|\d)|\bfor\s*\([^;]*;\s*(?:[!(\s]*(?:true|false|\d)[^;]*)?;/;

interface Candidate {
  loop: EndlessLoop;
  fn: FunctionNode;
}

export default createRule<Options, MessageIds>({
  name: 'no-unstoppable-loop',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow endless loops in async functions that await and that nothing can stop',
      recommended: 'strict',
      requiresTypeChecking: true,
    },
    hasSuggestions: true,
    messages: {
      loopNeverStops:
        'This `{{loop}}` loop in {{fn}} awaits on every pass but {{why}}: nothing can stop it, so it keeps running, and keeps what it references alive, until the process exits. Give it a way out: take an `AbortSignal` and `break` when it is aborted, or `break` on a flag that a stop method sets.',
      loopOutlivesTeardown:
        'This `{{loop}}` loop in {{fn}} {{why}}, so `{{teardown}}()` cannot stop it: after teardown it keeps awaiting and running, holding `this` and everything it references. Set a flag (or abort a controller) in `{{teardown}}()` and `break` on it in the loop.',
      signalNeverChecked:
        'This `{{loop}}` loop in {{fn}} {{why}}: when the caller aborts, it keeps awaiting and running with everything it references. Check `{{signal}}.aborted` (and `break`) or call `{{signal}}.throwIfAborted()` on every pass, and pass `{{signal}}` to what it awaits.',
      checkSignalSuggestion:
        'Run the loop only while `{{signal}}` is not aborted: once it is, the loop ends before its next pass, as a `break` would.',
      throwIfAbortedSuggestion:
        'Call `{{call}}` at the start of each pass: once the signal is aborted, the loop throws its reason instead of going round.',
      addSignalSuggestion:
        'Take an optional `{{signal}}` parameter and run the loop only while it is not aborted (callers that pass none see no change).',
      addSignalThrowSuggestion:
        'Take an optional `{{signal}}` parameter and call `{{call}}` at the start of each pass, so that aborting it throws out of the loop (callers that pass none see no change).',
      checkStopFlagSuggestion:
        'Run the loop only while `{{check}}`: once `{{teardown}}()` sets `{{flag}}` to `{{value}}`, the loop ends before its next pass.',
      addStopFlagSuggestion:
        'Add a `{{flag}}` field that `{{teardown}}()` sets first, and run the loop only while it is unset: after `{{teardown}}()`, the loop ends before its next pass and does not run again.',
    },
    defaultOptions: [{ checkYieldingLoops: false }],
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          checkYieldingLoops: {
            type: 'boolean',
            description:
              'Also report endless loops that yield (in async generators): only a consumer that calls return() can stop them.',
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
    if (!sourceCode.text.includes('await') || !ENDLESS_HEAD.test(sourceCode.text)) return {};
    const checker = services.program.getTypeChecker();
    const checkYieldingLoops = options.checkYieldingLoops === true;
    const tracker = new PathTracker();
    const loops: LoopContext = { services, checker, sourceCode, tracker };
    const fixes: LoopStopContext = { services, checker, sourceCode, filename: context.filename };
    /** Candidate loops around the node being visited, innermost last. */
    const open: Candidate[] = [];
    /** Loops already reported: a loop around one of them is not reported again. */
    const reported = new Set<EndlessLoop>();

    const enter = (node: EndlessLoop): void => {
      if (!isEndlessLoop(node)) return;
      const fn = enclosingFunction(node);
      if (!fn?.async) return;
      open.push({ loop: node, fn });
    };
    const exit = (node: EndlessLoop): void => {
      const candidate = open.at(-1);
      if (candidate?.loop !== node) return;
      open.pop();
      check(candidate);
    };
    const jump = (node: TSESTree.Node): void => {
      if (open.length > 0) tracker.mark(node);
    };

    const listeners: TSESLint.RuleListener = {
      WhileStatement: enter,
      DoWhileStatement: enter,
      ForStatement: enter,
      'WhileStatement:exit': exit,
      'DoWhileStatement:exit': exit,
      'ForStatement:exit': exit,
      BreakStatement: jump,
      ContinueStatement: jump,
      ReturnStatement: jump,
      ThrowStatement: jump,
    };
    return { ...listeners, ...(tracker.listeners as unknown as TSESLint.RuleListener) };

    function check({ loop, fn }: Candidate): void {
      const found = unstoppableLoop(loop, fn, loops, { checkYieldingLoops, reported });
      if (!found) return;
      reported.add(loop);
      const loc = sourceCode.getFirstToken(loop)?.loc ?? loop.loc;
      const keyword = loopKeyword(loop);
      const name = describeFunction(fn);
      const { signal, around } = found;
      if (signal) {
        const why = found.ownConditions
          ? `leaves only on its own conditions and never looks at \`${signal}\``
          : around
            ? `can go round through the \`continue\` on line ${String(around.loc.start.line)} without looking at \`${signal}\``
            : `never looks at \`${signal}\`, and has no reachable \`break\`, \`return\` or \`throw\``;
        context.report({
          loc,
          messageId: 'signalNeverChecked',
          data: { loop: keyword, fn: name, signal, why },
          suggest: suggest(checkSignalSuggestion(loop, fn, signal, fixes)),
        });
        return;
      }
      const owner = teardownAround(fn, sourceCode);
      const teardown = owner?.name ?? null;
      const why = found.ownConditions
        ? `leaves only on its own conditions, and none of them reads what \`${String(teardown)}()\` changes on every path`
        : around
          ? `can go round through the \`continue\` on line ${String(around.loc.start.line)} without reaching a \`break\`, \`return\` or \`throw\` or checking an \`AbortSignal\` or stop flag`
          : 'has no reachable `break`, `return` or `throw` and checks no `AbortSignal` or stop flag';
      if (owner && teardown) {
        context.report({
          loc,
          messageId: 'loopOutlivesTeardown',
          data: { loop: keyword, fn: name, teardown, why },
          suggest: suggest(stopFlagSuggestion(loop, fn, owner.classNode, teardown, fixes)),
        });
        return;
      }
      context.report({
        loc,
        messageId: 'loopNeverStops',
        data: { loop: keyword, fn: name, why },
        suggest: suggest(addSignalSuggestion(loop, fn, fixes)),
      });
    }
  },
});

function suggest(suggestion: LoopStopSuggestion | null): TSESLint.SuggestionReportDescriptor<MessageIds>[] {
  if (!suggestion) return [];
  const { data, fix } = suggestion;
  switch (suggestion.kind) {
    case 'checkSignal':
      return [{ messageId: 'checkSignalSuggestion', data, fix }];
    case 'throwIfAborted':
      return [{ messageId: 'throwIfAbortedSuggestion', data, fix }];
    case 'addSignal':
      return [{ messageId: 'addSignalSuggestion', data, fix }];
    case 'addSignalThrow':
      return [{ messageId: 'addSignalThrowSuggestion', data, fix }];
    case 'checkStopFlag':
      return [{ messageId: 'checkStopFlagSuggestion', data, fix }];
    case 'addStopFlag':
      return [{ messageId: 'addStopFlagSuggestion', data, fix }];
  }
}

function describeFunction(fn: FunctionNode): string {
  const name = functionName(fn);
  return name ? `\`${name}()\`` : 'this async function';
}
