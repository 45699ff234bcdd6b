import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { isFunctionNode, isPlainReference, memberName, skipWrappers, type FunctionNode } from '../analysis/ast.js';
import { PathTracker, type Leak } from '../analysis/paths.js';
import {
  unlistenedFailures,
  unwiredPipes,
  type UnlistenedFailure,
  type UnwiredPipe,
} from '../analysis/settle-events.js';
import {
  awaitBeforeSettling,
  callbackLeak,
  chainLeak,
  executorLeak,
  executorRecords,
  recordExecutor,
  settlesWhateverHappens,
  sitesByFunction,
  swallowedFailure,
  type PromiseChain,
  type SettleContext,
  type SwallowedFailure,
} from '../analysis/settle-paths.js';
import {
  modelExecutor,
  promiseExecutor,
  type ExecutorModel,
  type ListenerSite,
  type SettlingCallback,
} from '../analysis/settlers.js';
import {
  storedSettlerFailures,
  type StoredSettlerFailure,
  type StoredSettlerState,
} from '../analysis/stored-settlers.js';
import { errorListenerCode, insertAfterStatement, statementOf } from '../fixes/error-listener.js';
import {
  rejectBinding,
  rejectInListener,
  resolveReturned,
  settleJump,
  settleRegion,
  wrapInTry,
  type RejectBinding,
  type SettleEdit,
  type SettleTarget,
} from '../fixes/settle.js';
import { createRule } from '../util/create-rule.js';
import { brief } from '../util/text.js';
import { typedServices } from '../util/services.js';

export type Options = [
  {
    checkCallbacks?: boolean;
    checkEvents?: boolean;
  },
];

export type MessageIds =
  | 'addErrorListenerSuggestion'
  | 'rejectAtEndSuggestion'
  | 'rejectInListenerSuggestion'
  | 'rejectInsteadOfThrowSuggestion'
  | 'rejectOnReturnSuggestion'
  | 'resolveReturnedSuggestion'
  | 'wrapInTrySuggestion'
  | 'callbackPathNeverSettles'
  | 'errorListenerNeverSettles'
  | 'errorNotListened'
  | 'executorNeverSettles'
  | 'executorPathNeverSettles';

export default createRule<Options, MessageIds>({
  name: 'no-unsettled-promise',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow `new Promise` executors that can leave the promise pending forever on some path',
      recommended: 'strict',
      requiresTypeChecking: true,
    },
    hasSuggestions: true,
    defaultOptions: [{ checkCallbacks: true, checkEvents: true }],
    messages: {
      executorNeverSettles:
        'This promise never settles: its executor never calls {{settlers}} nor hands {{them}} on, so whoever awaits it waits forever and keeps what it holds. Settle it, or hand {{settlers}} to what will.',
      executorPathNeverSettles:
        'This promise stays pending forever when its executor {{path}}: that path neither calls {{settlers}} nor hands {{them}} on to anything that will, so whoever awaits it waits forever and keeps what it holds. Settle it on that path too.',
      callbackPathNeverSettles:
        'The callback passed to `{{callee}}()` can {{path}} without calling {{settlers}}: on that path (its `{{error}}` branch, typically) the promise stays pending forever with everything it holds. {{fix}}.',
      errorNotListened:
        '`{{emitter}}` settles this promise on `{{event}}` but nothing settles it on {{failure}}: if `{{emitter}}` fails, `{{event}}` never comes and the promise stays pending forever with its listeners and what they hold. {{fix}}.',
      errorListenerNeverSettles:
        'The `error` listener on `{{emitter}}` does not settle this promise, which waits for `{{event}}`: after an error that event never comes, and the promise stays pending forever with everything it holds. Call `{{reject}}` in it.',
      addErrorListenerSuggestion: 'Reject on `error` too: `{{code}}`{{take}}.',
      rejectAtEndSuggestion: 'Call `{{code}}` where the failure path ends{{take}}.',
      rejectInListenerSuggestion: 'Call `{{code}}` at the end of the `error` listener{{take}}.',
      rejectOnReturnSuggestion: 'Reject before returning: `{{code}}`{{take}}.',
      rejectInsteadOfThrowSuggestion:
        'Reject with the thrown value instead of throwing it (nothing catches that throw): `{{code}}`{{take}}.',
      wrapInTrySuggestion:
        "Wrap the executor's body in `try` and call `{{code}}` in its `catch`{{take}}, so that a rejected `await` (or a throw) rejects this promise.",
      resolveReturnedSuggestion:
        "Resolve with the returned value instead of returning it (an executor's return value is dropped): `{{code}}`.",
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          checkCallbacks: {
            type: 'boolean',
            description:
              'Report node-style callbacks (first parameter an error) in the executor that can return without settling.',
          },
          checkEvents: {
            type: 'boolean',
            description: "Report emitters that settle the promise on a success event but not on `'error'`.",
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
    if (!sourceCode.text.includes('new Promise')) return {};
    const checker = services.program.getTypeChecker();
    const checkCallbacks = options.checkCallbacks !== false;
    const checkEvents = options.checkEvents !== false;
    const env: FixEnv = { sourceCode, checker, toTs: (node) => services.esTreeNodeToTSNodeMap.get(node) };

    const tracker = new PathTracker();
    const records = executorRecords();
    const paths: SettleContext = { services, checker, sourceCode, tracker, records };
    const stored: StoredSettlerState = { membersByName: null, found: new Set() };
    const models: ExecutorModel[] = [];

    const listeners: TSESLint.RuleListener = {
      NewExpression(node) {
        const executor = promiseExecutor(node);
        if (!executor) return;
        const model = modelExecutor(node, executor, sourceCode);
        if (!model) return;
        if (model.sites.length === 0) {
          // `resolve` taken and never used: nothing can settle this promise. (`new Promise(() => {})`,
          // an empty executor and `_resolve` say "never" on purpose.)
          const empty = executor.body.type === AST_NODE_TYPES.BlockStatement && executor.body.body.length === 0;
          if (!model.resolveName.startsWith('_') && !empty) {
            context.report({
              loc: { start: node.loc.start, end: node.callee.loc.end },
              messageId: 'executorNeverSettles',
              data: { settlers: settlerNames(model), them: model.rejectName ? 'them' : 'it' },
            });
          }
          return;
        }
        models.push(model);
        recordExecutor(records, model);
      },
      '*'(node: TSESTree.Node) {
        if (records.jumps.has(node)) tracker.markJump(node);
        else if (records.toMark.has(node)) tracker.mark(node);
      },
      'CallExpression:exit'(node: TSESTree.CallExpression) {
        if (!records.atExit.has(node)) return;
        const entered = tracker.positions.get(node);
        const left = tracker.mark(node);
        if (entered) tracker.positions.set(node, entered);
        if (left) records.exitPositions.set(node, left);
      },
      'Program:exit'() {
        for (const model of models) check(model);
      },
    };
    return { ...listeners, ...(tracker.listeners as unknown as TSESLint.RuleListener) };

    function check(model: ExecutorModel): void {
      const byFunction = sitesByFunction(model);
      const executorSites = byFunction.get(model.executor) ?? [];
      const leak = executorLeak(paths, model, executorSites);
      if (!leak && model.executor.async) {
        const rejected = awaitBeforeSettling(paths, model.executor, executorSites);
        if (rejected) context.report(awaitReport(sourceCode, model, rejected));
      }
      if (leak) context.report(executorPathReport(env, model, leak));
      if (settlesWhateverHappens(model)) return;
      if (checkCallbacks) {
        for (const callback of model.callbacks) {
          const found = callbackLeak(paths, model, callback, byFunction);
          if (found) context.report(callbackReport(env, model, callback, found));
        }
        for (const chain of records.chains.get(model.executor) ?? []) {
          const found = chainLeak(paths, model, chain, byFunction);
          if (found) context.report(chainReport(env, model, chain, found));
        }
        for (const listener of model.listeners) {
          const found = swallowedFailure(paths, model, listener, byFunction);
          if (found) context.report(swallowedReport(env, model, listener, found));
        }
      }
      if (checkEvents) {
        for (const found of unlistenedFailures(paths, model)) {
          context.report(unlistenedReport(sourceCode, model, found));
        }
        for (const found of unwiredPipes(paths, model, records.pipes.get(model.executor))) {
          context.report(unwiredPipeReport(sourceCode, model, found));
        }
        for (const found of storedSettlerFailures(paths, stored, model)) {
          context.report(storedSettlerReport(sourceCode, found));
        }
      }
    }
  },
});

type Report = TSESLint.ReportDescriptor<MessageIds>;
type SourceCode = Readonly<TSESLint.SourceCode>;
type Suggestion = TSESLint.SuggestionReportDescriptor<MessageIds>;
type FixEnv = Omit<SettleTarget, 'model' | 'fn' | 'leak'>;

/** An `await` of an async executor outside a `try`: a rejection there leaves the promise pending. */
function awaitReport(sourceCode: SourceCode, model: ExecutorModel, rejected: TSESTree.AwaitExpression): Report {
  return {
    ...where({ end: 'normal', jump: null }, model.promise),
    messageId: 'executorPathNeverSettles',
    data: {
      path: `awaits on line ${String(rejected.loc.start.line)} outside a \`try\` (in an async executor a rejection there rejects only the executor's own promise)`,
      settlers: settlerNames(model),
      them: model.rejectName ? 'them' : 'it',
    },
    suggest: settleSuggestion(wrapInTry(sourceCode, model)),
  };
}

function executorPathReport(env: FixEnv, model: ExecutorModel, leak: Leak): Report {
  const target: SettleTarget = { ...env, model, fn: model.executor, leak };
  const edit =
    leak.jump?.type === AST_NODE_TYPES.ThrowStatement && model.executor.async
      ? settleJump(target, null)
      : resolveReturned(target);
  return {
    ...where(leak, model.promise),
    messageId: 'executorPathNeverSettles',
    data: {
      path: describePath(leak, model.executor, 's'),
      settlers: settlerNames(model),
      them: model.rejectName ? 'them' : 'it',
    },
    suggest: settleSuggestion(edit),
  };
}

function callbackReport(env: FixEnv, model: ExecutorModel, callback: SettlingCallback, leak: Leak): Report {
  const { sourceCode } = env;
  const reject = model.rejectName;
  const error = callback.error.name;
  const branch = errorBranch(callback.fn, callback.error);
  const target: SettleTarget = { ...env, model, fn: callback.fn, leak };
  const edit = branch ? settleRegion(target, branch.region, callback.error, branch.endsFunction) : null;
  return callbackPathReport(model, leak, callback.fn, edit, {
    callee: calleeText(sourceCode, callback.call),
    path: describePath(leak, callback.fn, ''),
    error,
    fix: reject
      ? `Call \`${reject}(${error})\` there`
      : `Take \`reject\` as the executor's second parameter and call \`reject(${error})\` there`,
  });
}

function chainReport(env: FixEnv, model: ExecutorModel, chain: PromiseChain, leak: Leak): Report {
  const { sourceCode } = env;
  const first = chain.handler.params[0];
  const body = chain.handler.body;
  const edit =
    body.type === AST_NODE_TYPES.BlockStatement
      ? settleRegion(
          { ...env, model, fn: chain.handler, leak },
          body,
          first?.type === AST_NODE_TYPES.Identifier ? first : null,
          true,
        )
      : null;
  const error = first?.type === AST_NODE_TYPES.Identifier ? first.name : 'error';
  const reject = model.rejectName;
  const take = first ? '' : ", take the error as the handler's parameter,";
  return callbackPathReport(model, leak, chain.handler, edit, {
    callee: chainText(sourceCode, chain.call),
    path: describePath(leak, chain.handler, ''),
    error,
    fix: reject
      ? `${first ? 'C' : 'Take the error as its parameter and c'}all \`${reject}(${error})\` there`
      : `Take \`reject\` as the executor's second parameter${take} and call \`reject(${error})\` there`,
  });
}

function swallowedReport(
  env: FixEnv,
  model: ExecutorModel,
  listener: ListenerSite,
  { fn, clause, leak }: SwallowedFailure,
): Report {
  const { sourceCode } = env;
  const binding = clause.param?.type === AST_NODE_TYPES.Identifier ? clause.param : null;
  const param = binding?.name ?? null;
  const tryStatement = clause.parent;
  const endsFunction =
    !tryStatement.finalizer && fn.body.type === AST_NODE_TYPES.BlockStatement && fn.body.body.at(-1) === tryStatement;
  const edit = settleRegion({ ...env, model, fn, leak }, clause.body, binding, endsFunction);
  const error = param ?? 'error';
  const reject = model.rejectName;
  const take = param ? '' : `, catch the error as \`${error}\`,`;
  return callbackPathReport(model, leak, fn, edit, {
    callee: listenerText(sourceCode, listener),
    path: `${describePath(leak, fn, '')} from its \`catch\` (line ${String(clause.loc.start.line)})`,
    error,
    fix: reject
      ? `${param ? 'C' : `Catch the error as \`${error}\` and c`}all \`${reject}(${error})\` in the \`catch\``
      : `Take \`reject\` as the executor's second parameter${take} and call \`reject(${error})\` in the \`catch\``,
  });
}

/** A path through a callback, chain handler or listener `fn` that returns without settling. */
function callbackPathReport(
  model: ExecutorModel,
  leak: Leak,
  fn: FunctionNode,
  edit: SettleEdit | null,
  data: { callee: string; path: string; error: string; fix: string },
): Report {
  return {
    ...where(leak, fn),
    messageId: 'callbackPathNeverSettles',
    data: { ...data, settlers: settlerNames(model) },
    suggest: settleSuggestion(edit),
  };
}

/** The suggestion for a settling edit, worded by its kind. */
function settleSuggestion(edit: SettleEdit | null): Suggestion[] {
  if (!edit) return [];
  const messageId: MessageIds = {
    append: 'rejectAtEndSuggestion' as const,
    listener: 'rejectInListenerSuggestion' as const,
    return: 'rejectOnReturnSuggestion' as const,
    throw: 'rejectInsteadOfThrowSuggestion' as const,
    resolve: 'resolveReturnedSuggestion' as const,
    wrap: 'wrapInTrySuggestion' as const,
  }[edit.kind];
  return [{ messageId, data: { take: takeText(edit.added), code: edit.code }, fix: edit.fix }];
}

/** The clause that says the edit takes `reject`, or nothing. */
function takeText(added: string | null): string {
  return added ? `, taking \`${added}\` as the executor's second parameter` : '';
}

/**
 * The branch of a node-style callback that runs on failure: the consequent of
 * an `if (err)` (or `err != null`) among its top-level statements, and whether
 * falling off it ends the callback.
 */
function errorBranch(
  fn: FunctionNode,
  error: TSESTree.Identifier,
): { region: TSESTree.Statement; endsFunction: boolean } | null {
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) return null;
  const body = fn.body.body;
  for (const statement of body) {
    if (statement.type !== AST_NODE_TYPES.IfStatement || !testsError(statement.test, error.name)) continue;
    return { region: statement.consequent, endsFunction: statement === body.at(-1) };
  }
  return null;
}

/** `err`, `err != null`, `err !== null`, `err !== undefined`. */
function testsError(test: TSESTree.Expression, name: string): boolean {
  if (test.type === AST_NODE_TYPES.Identifier) return test.name === name;
  if (test.type !== AST_NODE_TYPES.BinaryExpression || (test.operator !== '!=' && test.operator !== '!==')) {
    return false;
  }
  const isError = (side: TSESTree.Node) => side.type === AST_NODE_TYPES.Identifier && side.name === name;
  const isNothing = (side: TSESTree.Node) =>
    (side.type === AST_NODE_TYPES.Literal && side.value === null) ||
    (side.type === AST_NODE_TYPES.Identifier && side.name === 'undefined');
  return (isError(test.left) && isNothing(test.right)) || (isError(test.right) && isNothing(test.left));
}

function unlistenedReport(sourceCode: SourceCode, model: ExecutorModel, found: UnlistenedFailure): Report {
  const { success, kind, quiet } = found;
  const emitter = brief(sourceCode, success.receiver);
  const reject = model.rejectName ?? 'reject';
  if (quiet) {
    return {
      node: quiet.node,
      messageId: 'errorListenerNeverSettles',
      data: { emitter, event: success.event, reject },
      suggest: settleSuggestion(rejectInListener(sourceCode, model, quiet.handler)),
    };
  }
  const binding = rejectBinding(sourceCode, model, success.node);
  const code = binding ? errorListenerCode(sourceCode, success, kind, binding.name) : null;
  const after = code ? statementOf(success.node) : null;
  return {
    node: success.node,
    messageId: 'errorNotListened',
    data: {
      emitter,
      event: success.event,
      failure: kind === 'node' ? '`error` or `close`' : '`error`',
      fix:
        kind === 'node'
          ? `Also listen for \`error\` and call \`${reject}\`, or use \`stream.finished()\` / \`events.once()\`, which reject on error`
          : `Also handle \`error\` and call \`${reject}\``,
    },
    suggest: addErrorListenerSuggestion(sourceCode, code, after, binding),
  };
}

function unwiredPipeReport(
  sourceCode: SourceCode,
  model: ExecutorModel,
  { success, pipe, source }: UnwiredPipe,
): Report {
  const reject = model.rejectName ?? 'reject';
  const name = brief(sourceCode, source);
  const binding = rejectBinding(sourceCode, model, pipe);
  const code = binding && isPlainReference(source) ? `${name}.once('error', ${binding.name});` : null;
  const after = code ? statementOf(pipe) : null;
  return {
    node: success.node,
    messageId: 'errorNotListened',
    data: {
      emitter: brief(sourceCode, pipe),
      event: success.event,
      failure: `an \`error\` of \`${name}\`, which \`pipe()\` does not forward`,
      fix: `Also listen for \`error\` on \`${name}\` and call \`${reject}\`, or use \`stream.pipeline()\`, which forwards every stream's error`,
    },
    suggest: addErrorListenerSuggestion(sourceCode, code, after, binding),
  };
}

function storedSettlerReport(sourceCode: SourceCode, { registration, field }: StoredSettlerFailure): Report {
  const emitter = brief(sourceCode, registration.receiver);
  const collection = brief(sourceCode, field);
  return {
    node: registration.node,
    messageId: 'errorNotListened',
    data: {
      emitter,
      event: registration.event,
      failure: `\`error\` or \`close\`, for the promises stored in \`${collection}\` on line ${String(field.loc.start.line)}`,
      fix: `Reject every entry of \`${collection}\` when \`${emitter}\` fails or closes, and clear it`,
    },
  };
}

/** Insert `code` (an `error` listener) after the statement `after`, as a suggestion, taking `reject` if needed. */
function addErrorListenerSuggestion(
  sourceCode: SourceCode,
  code: string | null,
  after: TSESTree.Node | null,
  binding: RejectBinding | null,
): Suggestion[] {
  if (!code || !after || !binding) return [];
  const insert = insertAfterStatement(sourceCode, after, code);
  return [
    {
      messageId: 'addErrorListenerSuggestion',
      data: { take: takeText(binding.added ? binding.name : null), code },
      fix: (fixer) => [...binding.declare(fixer), insert(fixer) as TSESLint.RuleFix],
    },
  ];
}

/** `x.on` for `x.on('end', …)`, `x.onload` for `x.onload = …`. */
function listenerText(sourceCode: SourceCode, listener: ListenerSite): string {
  const node = listener.node;
  return node.type === AST_NODE_TYPES.CallExpression ? calleeText(sourceCode, node) : brief(sourceCode, node.left);
}

/** `msg.then(…).catch` for a chain's last callee. */
function chainText(sourceCode: SourceCode, call: TSESTree.CallExpression): string {
  const callee = skipWrappers(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return calleeText(sourceCode, call);
  const object = skipWrappers(callee.object);
  const name = memberName(callee) ?? '';
  if (object.type === AST_NODE_TYPES.CallExpression) return `${chainText(sourceCode, object)}(…).${name}`;
  return `${brief(sourceCode, object)}.${name}`;
}

function calleeText(sourceCode: SourceCode, call: TSESTree.CallExpression): string {
  return brief(sourceCode, call.callee);
}

function settlerNames(model: ExecutorModel): string {
  return model.rejectName ? `\`${model.resolveName}\` or \`${model.rejectName}\`` : `\`${model.resolveName}\``;
}

/** `returns at line 12` / `reach its end (line 15)`, with the verb's third-person `s` or not. */
function describePath(leak: Leak, fn: FunctionNode, s: 's' | ''): string {
  if (leak.jump?.type === AST_NODE_TYPES.ReturnStatement)
    return `return${s} at line ${String(leak.jump.loc.start.line)}`;
  if (leak.jump?.type === AST_NODE_TYPES.ThrowStatement) return `throw${s} at line ${String(leak.jump.loc.start.line)}`;
  return `reach${s ? 'es' : ''} its end (line ${String(fn.loc.end.line)})`;
}

/** Report at the `return` on the path, or at the head of the function or promise. */
function where(leak: Leak, head: TSESTree.Node): { loc: TSESTree.SourceLocation } {
  if (leak.jump?.type === AST_NODE_TYPES.ReturnStatement || leak.jump?.type === AST_NODE_TYPES.ThrowStatement) {
    return { loc: leak.jump.loc };
  }
  if (head.type === AST_NODE_TYPES.NewExpression) return { loc: { start: head.loc.start, end: head.callee.loc.end } };
  if (isFunctionNode(head)) return { loc: { start: head.loc.start, end: head.body.loc.start } };
  return { loc: head.loc };
}
