import {
  AST_NODE_TYPES,
  TSESLint,
  type ParserServicesWithTypeInformation,
  type TSESTree,
} from '@typescript-eslint/utils';
import ts from 'typescript';
import { classOfMember, enclosingFunction, functionName, keyName, type FunctionNode } from '../analysis/ast.js';
import { cancellingMethod, teardownGap, type TeardownGap } from '../analysis/class-teardown.js';
import type { Scopes } from '../analysis/lifetime.js';
import { fieldKey, ownerText, resolveOwner, type FieldOwner } from '../analysis/owners.js';
import {
  besideLoopRearm,
  overwritesArmedHandle,
  type LoopRearm,
  type OverwriteContext,
} from '../analysis/overwrites.js';
import { PathTracker, type Position } from '../analysis/paths.js';
import { clearedInOtherFiles } from '../analysis/program.js';
import { loopsOnEveryRun, reschedulesOnEveryRun, type FunctionPaths } from '../analysis/rearm.js';
import {
  atModuleLevel,
  callbackCapturesCallState,
  clearedLaterInBlock,
  clearsItselfThroughThis,
  DEFAULT_TEARDOWN_METHODS,
  handleUseOf,
  mayBeTimerCallee,
  rescheduledFunction,
  timerImportNames,
  timerKindOf,
  variableHandleIsUsed,
  type TimerKind,
} from '../analysis/timers.js';
import { clearInEndListener, type ClearInListener } from '../fixes/clear-in-listener.js';
import { createRule } from '../util/create-rule.js';
import { typedServices } from '../util/services.js';
import { indentOfLine } from '../fixes/layout.js';

export type Options = [
  {
    teardownMethods?: string[];
  },
];

export type MessageIds =
  | 'clearInListenerSuggestion'
  | 'clearOnTeardownSuggestion'
  | 'clearPreviousSuggestion'
  | 'intervalNeverCleared'
  | 'timeoutLoopNeverStops'
  | 'timerNotClearedOnTeardown'
  | 'timerOverwritten'
  | 'unrefSuggestion';

interface TimerCall {
  call: TSESTree.CallExpression;
  kind: TimerKind;
}

export default createRule<Options, MessageIds>({
  name: 'no-leaked-timer',
  meta: {
    type: 'problem',
    docs: {
      description:
        'Disallow intervals and self-rescheduling timeouts that nothing can clear, and timer handles lost before they are cleared',
      requiresTypeChecking: true,
    },
    hasSuggestions: true,
    defaultOptions: [{ teardownMethods: [...DEFAULT_TEARDOWN_METHODS] }],
    messages: {
      intervalNeverCleared:
        'The handle of `{{timer}}` is {{handle}}, so nothing can ever clear it: the interval fires until the process exits and keeps its callback, and everything it captures, alive{{repeat}}. {{fix}}.',
      timeoutLoopNeverStops:
        '`{{fn}}()` re-arms `{{timer}}` on every run and {{handle}} the handle, so the loop can never be stopped: it runs until the process exits, keeping its callback and everything it captures alive. Keep the handle and clear it on teardown, or return before re-arming once a stop flag is set.',
      timerNotClearedOnTeardown:
        '`{{place}}` holds {{what}}, but `{{teardown}}()` does not clear it (nor does any method it calls): {{after}}. Call `{{clear}}({{place}})` in `{{teardown}}()`.',
      timerOverwritten:
        '`{{place}} = {{timer}}(…)` in `{{fn}}()` replaces the previous handle without clearing it: if `{{fn}}()` runs again while that timer is armed, the old timer {{consequence}} and can no longer be cleared. Call `{{clear}}({{place}})` first, or return early while `{{place}}` is set.',
      clearPreviousSuggestion: 'Call `{{clear}}({{place}})` before re-arming it.',
      clearOnTeardownSuggestion: 'Call `{{clear}}({{place}})` at the start of `{{teardown}}()`.',
      unrefSuggestion:
        'Call `.unref()` on the interval: it still fires while the process runs, but no longer keeps the process alive on its own.',
      clearInListenerSuggestion: "Call `{{clear}}({{place}})` at the start of the `'{{event}}'` listener{{keep}}.",
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          teardownMethods: {
            type: 'array',
            items: { type: 'string' },
            uniqueItems: true,
            description:
              "Names of methods that end an object's life: a timer stored on a field must be cleared by one of them (or by a method they call). `Symbol.dispose` stands for `[Symbol.dispose]()`. Replaces the default list.",
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
    if (!sourceCode.text.includes('setInterval') && !sourceCode.text.includes('setTimeout')) return {};
    const teardownNames = new Set(options.teardownMethods ?? DEFAULT_TEARDOWN_METHODS);
    const scopes: Scopes = {
      declared: (node) => sourceCode.getDeclaredVariables(node),
      scopeOf: (node) => sourceCode.getScope(node),
    };

    const tracker = new PathTracker();
    const timers: TimerCall[] = [];
    const entries = new Map<TSESTree.Node, Position>();
    /** Local names bound to `node:timers` or its functions, so an aliased import is looked at. */
    const timerAliases = new Set<string>();
    const paths: FunctionPaths = { sourceCode, tracker, entries };
    const overwrites: OverwriteContext = { ...paths, services, scopes, timerAliases };

    function enterFunction(node: FunctionNode): void {
      const position = tracker.mark(node);
      if (position) entries.set(node, position);
    }

    /** The file's timer-loop re-arms into a named place, found once, when an overwrite is first asked about. */
    let rearms: LoopRearm[] | null = null;

    const listeners: TSESLint.RuleListener = {
      Program(node) {
        for (const name of timerImportNames(node)) timerAliases.add(name);
      },
      FunctionDeclaration: enterFunction,
      FunctionExpression: enterFunction,
      ArrowFunctionExpression: enterFunction,
      CallExpression(node) {
        tracker.mark(node);
        if (!mayBeTimerCallee(node.callee, timerAliases)) return;
        const kind = timerKindOf(node, sourceCode, services);
        if (kind) timers.push({ call: node, kind });
      },
      'Program:exit'() {
        const reportedOwners = new Set<unknown>();
        for (const timer of timers) check(timer, reportedOwners);
      },
    };
    return { ...listeners, ...(tracker.listeners as unknown as TSESLint.RuleListener) };

    function loopRearms(): readonly LoopRearm[] {
      if (rearms) return rearms;
      rearms = [];
      for (const { call, kind } of timers) {
        if (kind !== 'setTimeout' || !rescheduledFunction(call, sourceCode)) continue;
        const use = handleUseOf(call, sourceCode);
        if ((use.kind !== 'member' && use.kind !== 'variable') || !use.assignment) continue;
        const owner = resolveOwner(use.target, scopes.scopeOf);
        if (owner) rearms.push({ call, owner });
      }
      return rearms;
    }

    function check(timer: TimerCall, reportedOwners: Set<unknown>): void {
      const { call, kind } = timer;
      const use = handleUseOf(call, sourceCode);
      if (use.kind === 'escapes') return;
      const loop = kind === 'setTimeout' ? rescheduledFunction(call, sourceCode) : null;
      const repeats =
        kind === 'setInterval' || (loop !== null && loop.direct && reschedulesOnEveryRun(paths, loop.fn, call));
      const unused = use.kind === 'discarded' || (use.kind === 'variable' && !variableHandleIsUsed(use.variable));
      if (unused) {
        if (!repeats) return;
        // An unref'd timer whose callback holds only module state: a sweeper that cannot hold the process open.
        if (use.unref && !callbackCapturesCallState(call.arguments[0], sourceCode)) return;
        if (kind === 'setInterval' && clearsItselfThroughThis(call)) return;
        const report = unusedReport(call, kind, use.kind === 'variable' ? use.target.name : null, loop?.fn ?? null);
        const clearing =
          kind === 'setInterval'
            ? clearInEndListener(
                sourceCode,
                services,
                call,
                'clearInterval',
                use.kind === 'variable' ? use.target : null,
                (node) => timers.some((timer) => timer.call === node),
              )
            : null;
        const suggest = clearing
          ? clearInListenerSuggestion(clearing)
          : unrefSuggestion(services, call, kind, use.kind === 'discarded', sourceCode);
        context.report({ ...report, suggest });
        return;
      }
      // A loop that re-arms through other functions (`send(…, () => this.arm())`) outlives teardown as surely as a direct one.
      const outlives = repeats || (loop !== null && !loop.direct && loopsOnEveryRun(paths, call, loop.fn));
      if (use.kind === 'property') {
        const { definition } = use;
        const name = keyName(definition.key, false);
        if (name === null || definition.static) return;
        const classNode = definition.parent.parent;
        const owner: FieldOwner = {
          kind: 'field',
          key: fieldKey(classNode, name, false),
          classNode,
          name,
          isStatic: false,
        };
        checkTeardown(call, kind, owner, definition.key, reportedOwners, outlives);
        return;
      }
      const owner = resolveOwner(use.target, scopes.scopeOf);
      if (!owner) return;
      // An interval always repeats: a timer that does not is a `setTimeout` that fires once.
      if (owner.kind === 'field' && !owner.isStatic)
        checkTeardown(call, kind, owner, use.target, reportedOwners, outlives);
      // A loop re-arms from its own callback: the handle it replaces has just fired. So does a timer
      // armed in its place, on another branch beside the loop's re-arm.
      if (
        use.assignment &&
        !loop &&
        overwritesArmedHandle(overwrites, call, owner) &&
        !besideLoopRearm(call, owner, loopRearms())
      )
        context.report(overwriteReport(sourceCode, services, call, kind, use.target, use.assignment));
    }

    function checkTeardown(
      call: TSESTree.CallExpression,
      kind: TimerKind,
      owner: FieldOwner,
      target: TSESTree.Node,
      reportedOwners: Set<unknown>,
      repeats: boolean,
    ): void {
      if (reportedOwners.has(`teardown:${owner.key}`)) return;
      // A timer that fires once outlives teardown only as long as its delay: judged when the class
      // cancels it where the work it guards ends first, and so means it not to outlive that work.
      const cancelledIn = repeats ? null : cancellingMethod(owner, call, teardownNames, sourceCode);
      if (!repeats && (cancelledIn === null || clearedLaterInBlock(call, owner, sourceCode))) return;
      const gap = teardownGap(call, owner, teardownNames, sourceCode);
      if (!gap) return;
      // Another module clears it (a close handler kept apart, handed `self.timer`).
      const name = target.type === AST_NODE_TYPES.MemberExpression ? target.property : target;
      const tsName = services.esTreeNodeToTSNodeMap.get(name);
      if ((ts.isIdentifier(tsName) || ts.isPrivateIdentifier(tsName)) && clearedInOtherFiles(services.program, tsName))
        return;
      reportedOwners.add(`teardown:${owner.key}`);
      context.report(teardownReport(sourceCode, services, kind, owner, target, gap, cancelledIn));
    }
  },
});

type Report = TSESLint.ReportDescriptor<MessageIds>;

/** A repeating timer whose handle is dropped or never used: nothing can ever clear it. */
function unusedReport(
  call: TSESTree.CallExpression,
  kind: TimerKind,
  variable: string | null,
  loop: FunctionNode | null,
): Report {
  const handle = variable === null ? 'discarded' : `kept in \`${variable}\` but never used`;
  if (loop) {
    return {
      node: call.callee,
      messageId: 'timeoutLoopNeverStops',
      data: {
        fn: functionName(loop) ?? 'this function',
        timer: kind,
        handle: variable === null ? 'discards' : `never uses (\`${variable}\`)`,
      },
    };
  }
  const fn = enclosingFunction(call);
  const moduleLevel = atModuleLevel(call);
  const member = fn ? classOfMember(fn) : null;
  const isConstructor = member?.member.type === AST_NODE_TYPES.MethodDefinition && member.member.kind === 'constructor';
  const name = fn ? functionName(fn) : null;
  const each = isConstructor
    ? `; each \`new ${member.classNode.id?.name ?? 'instance'}()\` starts one more`
    : name
      ? `; each call of \`${name}()\` starts one more`
      : '; each run of this code starts one more';
  return {
    node: call.callee,
    messageId: 'intervalNeverCleared',
    data: {
      timer: kind,
      handle,
      repeat: moduleLevel ? '' : each,
      fix: moduleLevel
        ? 'Keep the handle and clear it on shutdown, or call `.unref()` on it so that it cannot hold the process open'
        : 'Keep the handle and call `clearInterval` on it when the work is done: store it where teardown can reach it, or return a function that clears it',
    },
  };
}

/**
 * A module-level interval whose value is discarded and whose callback holds
 * only module state, on a runtime whose handle has `unref()` (Node's
 * `Timeout`): `.unref()` lets the process exit while it is armed.
 */
function unrefSuggestion(
  services: ParserServicesWithTypeInformation,
  call: TSESTree.CallExpression,
  kind: TimerKind,
  discarded: boolean,
  sourceCode: Readonly<TSESLint.SourceCode>,
): TSESLint.SuggestionReportDescriptor<MessageIds>[] {
  if (kind !== 'setInterval' || !discarded || call.parent.type !== AST_NODE_TYPES.ExpressionStatement) return [];
  if (!atModuleLevel(call) || callbackCapturesCallState(call.arguments[0], sourceCode)) return [];
  const unref = services.getTypeAtLocation(call).getProperty('unref');
  if (!unref) return [];
  return [{ messageId: 'unrefSuggestion', fix: (fixer) => fixer.insertTextAfter(call, '.unref()') }];
}

/** Keep the handle and clear it in the listener for the end of what the timer works for. */
function clearInListenerSuggestion(
  clearing: ClearInListener | null,
): TSESLint.SuggestionReportDescriptor<MessageIds>[] {
  if (!clearing) return [];
  const { place, kept, event, fix } = clearing;
  return [
    {
      messageId: 'clearInListenerSuggestion',
      data: {
        keep: kept ? `, keeping the handle in a new \`const ${place}\`` : '',
        clear: 'clearInterval',
        place,
        event,
      },
      fix,
    },
  ];
}

/** A field's handle that a teardown method (or an owned emitter's close handler) does not clear. */
function teardownReport(
  sourceCode: Readonly<TSESLint.SourceCode>,
  services: ParserServicesWithTypeInformation,
  kind: TimerKind,
  owner: FieldOwner,
  target: TSESTree.Node,
  gap: TeardownGap,
  cancelledIn: string | null,
): Report {
  const teardown = gap.method;
  const path = gap.close
    ? `, and \`${gap.close.emitter}\` emitting \`'${gap.close.event}'\` ends the object's life as \`${gap.close.clearing}()\` does`
    : '';
  const place = ownerText(owner);
  const clear = kind === 'setInterval' ? 'clearInterval' : 'clearTimeout';
  const teardownFns = gap.fns;
  const body = teardownFns.length === 1 ? teardownFns[0]?.body : undefined;
  const teardownText = teardown.startsWith('Symbol.') ? `[${teardown}]` : teardown;
  return {
    node: target,
    messageId: 'timerNotClearedOnTeardown',
    data: {
      place,
      what:
        cancelledIn === null
          ? `${kind === 'setInterval' ? 'a `setInterval` handle' : 'the handle of a `setTimeout` loop'}${path}`
          : `the handle of a \`setTimeout\` that \`${cancelledIn}()\` cancels${path}`,
      after:
        cancelledIn === null
          ? 'after teardown the timer keeps firing and keeps the object alive'
          : 'after teardown the timer still fires, running its callback on the torn-down object and keeping it alive until then',
      teardown: teardownText,
      clear,
    },
    suggest:
      body?.type === AST_NODE_TYPES.BlockStatement
        ? [
            {
              messageId: 'clearOnTeardownSuggestion',
              data: { clear, place, teardown: teardownText },
              fix: (fixer) =>
                fixer.insertTextAfterRange(
                  [body.range[0], body.range[0] + 1],
                  `\n${indentInside(sourceCode, body)}${clearStatement(services, clear, place, target)}${body.body.length === 0 ? `\n${indentOfLine(sourceCode, body)}` : ''}`,
                ),
            },
          ]
        : [],
  };
}

/** Re-arming into a place that may still hold an armed handle. */
function overwriteReport(
  sourceCode: Readonly<TSESLint.SourceCode>,
  services: ParserServicesWithTypeInformation,
  call: TSESTree.CallExpression,
  kind: TimerKind,
  target: TSESTree.Node,
  assignment: TSESTree.AssignmentExpression,
): Report {
  const fn = enclosingFunction(call);
  const place = sourceCode.getText(target);
  const clear = kind === 'setInterval' ? 'clearInterval' : 'clearTimeout';
  const statement = assignment.parent;
  return {
    node: target,
    messageId: 'timerOverwritten',
    data: {
      place,
      timer: kind,
      fn: (fn && functionName(fn)) ?? 'this function',
      consequence: kind === 'setInterval' ? 'keeps firing forever' : 'still fires',
      clear,
    },
    suggest:
      statement.type === AST_NODE_TYPES.ExpressionStatement && isBlockChild(statement)
        ? [
            {
              messageId: 'clearPreviousSuggestion',
              data: { clear, place },
              fix: (fixer) =>
                fixer.insertTextBefore(
                  statement,
                  `${clearStatement(services, clear, place, target)}\n${indentOfLine(sourceCode, statement)}`,
                ),
            },
          ]
        : [],
  };
}

/**
 * `clearTimeout(this.t);`, or `if (this.t) clearTimeout(this.t);` when the
 * place's type admits `null` (which the clear functions do not accept).
 */
function clearStatement(
  services: ParserServicesWithTypeInformation,
  clear: string,
  place: string,
  target: TSESTree.Node,
): string {
  const type = services.getTypeAtLocation(target);
  const parts = type.isUnion() ? type.types : [type];
  const nullable = parts.some((part) => (part.flags & ts.TypeFlags.Null) !== 0);
  return nullable ? `if (${place}) ${clear}(${place});` : `${clear}(${place});`;
}

function isBlockChild(statement: TSESTree.Node): boolean {
  const parent = statement.parent;
  return (
    parent?.type === AST_NODE_TYPES.BlockStatement ||
    parent?.type === AST_NODE_TYPES.Program ||
    parent?.type === AST_NODE_TYPES.SwitchCase
  );
}

/** The indentation of a block's statements (its first one's, or the block's plus two spaces). */
function indentInside(sourceCode: Readonly<TSESLint.SourceCode>, block: TSESTree.BlockStatement): string {
  const first = block.body[0];
  if (first) return indentOfLine(sourceCode, first);
  return `${indentOfLine(sourceCode, block)}  `;
}
