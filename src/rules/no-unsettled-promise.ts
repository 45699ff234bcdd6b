import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import ts from 'typescript';
import {
  contains,
  enclosingFunction,
  isFunctionNode,
  isPlainReference,
  isResolveOnlyPromise,
  memberName,
  skipWrappers,
  walk,
  type FunctionNode,
} from '../analysis/ast.js';
import type { EmitterContext } from '../analysis/emitters.js';
import { PathTracker, type Leak, type Position } from '../analysis/paths.js';
import {
  isOneShotListener,
  isPipeCall,
  unlistenedFailures,
  unwiredPipes,
  type UnlistenedFailure,
  type UnwiredPipe,
} from '../analysis/settle-events.js';
import {
  modelExecutor,
  promiseExecutor,
  type ExecutorModel,
  type ListenerSite,
  type SettleSite,
  type SettlingCallback,
} from '../analysis/settlers.js';
import {
  storedSettlerFailures,
  type StoredSettlerFailure,
  type StoredSettlerState,
} from '../analysis/stored-settlers.js';
import { PROMISE_REACTIONS } from '../analysis/vocabulary.js';
import { errorListenerCode, insertAfterStatement, statementOf } from '../fixes/error-listener.js';
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
      addErrorListenerSuggestion: 'Reject on `error` too: `{{code}}`.',
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

    const emitters: EmitterContext = { services, checker, sourceCode };
    const stored: StoredSettlerState = { membersByName: null, found: new Set() };
    const tracker = new PathTracker();
    const models: ExecutorModel[] = [];
    /** Nodes whose code path position the checks need. */
    const toMark = new Set<TSESTree.Node>();
    const jumps = new Set<TSESTree.Node>();
    /** Calls and switches in executors: asked about only when a path leaks. */
    const extras = new Map<FunctionNode, TSESTree.Node[]>();
    const inExtras = new Set<TSESTree.Node>();
    /** The `await`s of an async executor outside any `try` with a `catch` in it. */
    const asyncAwaits = new Map<FunctionNode, TSESTree.AwaitExpression[]>();
    /** Dropped `p.then(…).catch(h)` / `p.then(…, h)` chains in each executor. */
    const chains = new Map<FunctionNode, PromiseChain[]>();
    /** `src.pipe(dest)` calls in each executor. */
    const pipes = new Map<FunctionNode, TSESTree.CallExpression[]>();
    /** The `catch` clauses in each function nested in an executor. */
    const catches = new Map<FunctionNode, TSESTree.CatchClause[]>();

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
        toMark.add(executor);
        if (executor.async) {
          const awaits = unguardedAwaits(executor);
          for (const node of awaits) toMark.add(node);
          asyncAwaits.set(executor, awaits);
        }
        for (const site of model.sites) toMark.add(site.node);
        for (const callback of model.callbacks) toMark.add(callback.fn);
        walk(executor.body, (child) => {
          if (child.type === AST_NODE_TYPES.ReturnStatement || child.type === AST_NODE_TYPES.ThrowStatement)
            jumps.add(child);
          // A nested executor's body is walked again for its own promise: record each node once.
          if (
            (child.type === AST_NODE_TYPES.CallExpression || child.type === AST_NODE_TYPES.SwitchStatement) &&
            !inExtras.has(child)
          ) {
            inExtras.add(child);
            toMark.add(child);
            const fn = enclosingFunction(child);
            if (fn) {
              const list = extras.get(fn);
              if (list) list.push(child);
              else extras.set(fn, [child]);
            }
          }
          if (child.type === AST_NODE_TYPES.CatchClause && !toMark.has(child.body)) {
            toMark.add(child.body);
            const fn = enclosingFunction(child);
            if (fn) {
              const list = catches.get(fn);
              if (list) list.push(child);
              else catches.set(fn, [child]);
            }
          }
          if (child.type === AST_NODE_TYPES.CallExpression && isPipeCall(child)) {
            const list = pipes.get(executor);
            if (list) list.push(child);
            else pipes.set(executor, [child]);
          }
          const chain = child.type === AST_NODE_TYPES.CallExpression ? droppedChain(child) : null;
          if (chain) {
            toMark.add(chain.handler);
            const list = chains.get(executor);
            if (list) list.push(chain);
            else chains.set(executor, [chain]);
          }
        });
      },
      '*'(node: TSESTree.Node) {
        if (jumps.has(node)) tracker.markJump(node);
        else if (toMark.has(node)) tracker.mark(node);
      },
      'Program:exit'() {
        for (const model of models) check(model);
      },
    };
    return { ...listeners, ...(tracker.listeners as unknown as TSESLint.RuleListener) };

    function check(model: ExecutorModel): void {
      const byFunction = new Map<FunctionNode, SettleSite[]>();
      for (const site of model.sites) {
        const list = byFunction.get(site.fn);
        if (list) list.push(site);
        else byFunction.set(site.fn, [site]);
      }

      const executorSites = byFunction.get(model.executor) ?? [];
      // In an async executor a `throw` rejects only the executor's own promise: it ends the path unsettled.
      const executorLeak = leakIn(model.executor, executorSites, null, model.executor.async);
      if (!executorLeak && model.executor.async) {
        const rejected = awaitBeforeSettling(model.executor, executorSites);
        if (rejected) {
          context.report({
            ...where({ end: 'normal', jump: null }, model.promise),
            messageId: 'executorPathNeverSettles',
            data: {
              path: `awaits on line ${String(rejected.loc.start.line)} outside a \`try\` (in an async executor a rejection there rejects only the executor's own promise)`,
              settlers: settlerNames(model),
              them: model.rejectName ? 'them' : 'it',
            },
          });
        }
      }
      if (executorLeak) {
        context.report({
          ...where(executorLeak, model.promise),
          messageId: 'executorPathNeverSettles',
          data: {
            path: describePath(executorLeak, model.executor, 's'),
            settlers: settlerNames(model),
            them: model.rejectName ? 'them' : 'it',
          },
        });
      }
      // A timer armed in the executor that settles (a deadline) settles it whatever the events do.
      if (model.sites.some((site) => site.fn === model.executor && isTimerHandoff(site))) return;
      // So does a settling `abort` listener (an `AbortSignal.timeout`, a caller's cancellation).
      if (model.listeners.some((listener) => listener.settles && listener.event === 'abort')) return;
      if (checkCallbacks) {
        for (const callback of model.callbacks) checkCallback(model, callback, byFunction);
        for (const chain of chains.get(model.executor) ?? []) checkChain(model, chain, byFunction);
        for (const listener of model.listeners) checkSwallowingListener(model, listener, byFunction);
      }
      if (checkEvents) {
        for (const found of unlistenedFailures(emitters, model)) {
          context.report(unlistenedReport(sourceCode, model, found));
        }
        for (const found of unwiredPipes(emitters, model, pipes.get(model.executor))) {
          context.report(unwiredPipeReport(sourceCode, model, found));
        }
        for (const found of storedSettlerFailures(emitters, stored, model)) {
          context.report(storedSettlerReport(sourceCode, found));
        }
      }
    }

    /** `setTimeout(settle, ms)` or `setTimeout(() => reject(…), ms)`. */
    function isTimerHandoff(site: SettleSite): boolean {
      const call = site.node.type === AST_NODE_TYPES.CallExpression ? site.node : site.node.parent;
      if (call?.type !== AST_NODE_TYPES.CallExpression) return false;
      const callee = call.callee;
      const name =
        callee.type === AST_NODE_TYPES.Identifier
          ? callee.name
          : callee.type === AST_NODE_TYPES.MemberExpression
            ? memberName(callee)
            : null;
      const first = call.arguments[0];
      return name === 'setTimeout' && first !== undefined && (site.node === call || contains(first, site.node));
    }

    /**
     * A normal path from the function's entry to its end through none of the
     * sites, or null. With `throws`, also an explicit `throw` reached that way.
     */
    function leakIn(
      fn: FunctionNode,
      sites: readonly SettleSite[],
      rethrown: string | null = null,
      throwsLeak = false,
      from: TSESTree.Node = fn,
    ): Leak | null {
      const counts = (leak: Leak | null): leak is Leak =>
        leak !== null &&
        (leak.end === 'normal' ||
          (throwsLeak && leak.jump?.type === AST_NODE_TYPES.ThrowStatement) ||
          (rethrown !== null && throwsError(leak.jump, rethrown)));
      const start = tracker.positions.get(from);
      if (!start) return null;
      const releases: Position[] = [];
      for (const site of sites) {
        const position = tracker.positions.get(site.node);
        // A site the traversal did not place: do not guess.
        if (!position) return null;
        releases.push(position);
      }
      const leak = tracker.findLeak(start, releases);
      if (!counts(leak)) return null;
      // Calls that never return (`process.exit()`, a `never` helper) and exhaustive
      // `switch`es end or cover the path: ask the types only now.
      const stops = (extras.get(fn) ?? [])
        .filter((node) => endsPath(node))
        .flatMap((node) => {
          const position = tracker.positions.get(node);
          return position ? [position] : [];
        });
      if (stops.length === 0) return leak;
      const again = tracker.findLeak(start, [...releases, ...stops]);
      return counts(again) ? again : null;
    }

    /** The first unguarded `await` of an async executor that a path reaches before settling, if any. */
    function awaitBeforeSettling(
      executor: FunctionNode,
      sites: readonly SettleSite[],
    ): TSESTree.AwaitExpression | null {
      const awaits = asyncAwaits.get(executor) ?? [];
      const start = tracker.positions.get(executor);
      if (!start || awaits.length === 0) return null;
      const releases: Position[] = [];
      for (const site of sites) {
        const position = tracker.positions.get(site.node);
        if (!position) return null;
        releases.push(position);
      }
      const byPosition = new Map<Position, TSESTree.AwaitExpression>();
      for (const node of awaits) {
        const position = tracker.positions.get(node);
        if (position) byPosition.set(position, node);
      }
      const reached = tracker.between(start, releases, [...byPosition.keys()]);
      const first = reached
        .map((position) => byPosition.get(position))
        .filter((node): node is TSESTree.AwaitExpression => node !== undefined)
        .sort((a, b) => a.range[0] - b.range[0])[0];
      return first ?? null;
    }

    /**
     * `throw err` (or `throw new Error(err.message)`): the callback's own error
     * escaping. Other throws in a callback are assertions (`done() called twice`)
     * that run after the promise has settled.
     */
    function throwsError(jump: TSESTree.Node | null, error: string): boolean {
      if (jump?.type !== AST_NODE_TYPES.ThrowStatement) return false;
      let found = false;
      walk(jump.argument, (node) => {
        if (node.type === AST_NODE_TYPES.Identifier && node.name === error) found = true;
      });
      return found;
    }

    function endsPath(node: TSESTree.Node): boolean {
      if (node.type === AST_NODE_TYPES.CallExpression) {
        return (services.getTypeAtLocation(node).flags & ts.TypeFlags.Never) !== 0;
      }
      if (node.type !== AST_NODE_TYPES.SwitchStatement || node.cases.some((c) => c.test === null)) return false;
      const discriminant = checker.getNonNullableType(services.getTypeAtLocation(node.discriminant));
      const parts = discriminant.isUnion() ? discriminant.types : [discriminant];
      if (!parts.every((part) => part.isLiteral() || (part.flags & ts.TypeFlags.BooleanLiteral) !== 0)) return false;
      const covered = new Set(node.cases.flatMap((c) => (c.test ? [services.getTypeAtLocation(c.test)] : [])));
      return parts.every((part) => covered.has(part));
    }

    function checkCallback(
      model: ExecutorModel,
      callback: SettlingCallback,
      byFunction: Map<FunctionNode, SettleSite[]>,
    ): void {
      // Another argument of the same call settles too (`db.each(sql, onRow, onDone)`): not the only route.
      if (callback.call.arguments.some((arg) => arg !== callback.fn && isSettling(model, arg))) return;
      // A listener elsewhere in the executor settles too: the error branch may be routed there
      // (a reconnect that ends in 'close', say), so the callback is not the only route.
      if (model.sites.some((site) => site.kind === 'listen' && !contains(callback.fn, site.node))) return;
      // Something after the call settles on every path: the callback is not the only route.
      const callPosition = tracker.positions.get(callback.call);
      if (!callPosition) return;
      const others = (byFunction.get(callback.outer) ?? []).filter((site) => site.node !== callback.call);
      const otherPositions = others.flatMap((site) => {
        const position = tracker.positions.get(site.node);
        return position ? [position] : [];
      });
      if (tracker.findLeak(callPosition, otherPositions)?.end !== 'normal') return;
      if (!looksLikeError(callback.error)) return;
      // A `throw` in a callback does not reject the promise: it escapes to whoever called back.
      const leak = leakIn(callback.fn, byFunction.get(callback.fn) ?? [], callback.error.name);
      if (!leak) return;
      const reject = model.rejectName;
      context.report({
        ...where(leak, callback.fn),
        messageId: 'callbackPathNeverSettles',
        data: {
          callee: calleeText(callback.call),
          path: describePath(leak, callback.fn, ''),
          settlers: settlerNames(model),
          error: callback.error.name,
          fix: reject
            ? `Call \`${reject}(${callback.error.name})\` there`
            : `Take \`reject\` as the executor's second parameter and call \`reject(${callback.error.name})\` there`,
        },
      });
    }

    /**
     * `p.then(settle).catch(handler)` whose result is dropped: when `p` (or `settle`)
     * fails, only `handler` runs, and a handler that logs and ends leaves the promise
     * pending. Reported when the chain is the one route to settling, like a callback.
     */
    function checkChain(model: ExecutorModel, chain: PromiseChain, byFunction: Map<FunctionNode, SettleSite[]>): void {
      const success = chain.then.arguments[0];
      if (!success || !isSettling(model, skipWrappers(success as TSESTree.Expression))) return;
      // A listener elsewhere in the executor settles too: not the only route.
      if (model.sites.some((site) => site.kind === 'listen' && !contains(chain.call, site.node))) return;
      // Something after the chain settles on every path: not the only route.
      const outer = enclosingFunction(chain.call);
      const callPosition = tracker.positions.get(chain.call);
      if (!outer || !callPosition) return;
      const others = (byFunction.get(outer) ?? []).flatMap((site) => {
        const position = contains(chain.call, site.node) ? undefined : tracker.positions.get(site.node);
        return position ? [position] : [];
      });
      if (tracker.findLeak(callPosition, others)?.end !== 'normal') return;
      const leak = leakIn(chain.handler, byFunction.get(chain.handler) ?? []);
      if (!leak) return;
      // Only now ask the types: the chain hangs off a promise.
      const callee = chain.then.callee as TSESTree.MemberExpression;
      if (!services.getTypeAtLocation(callee.object).getProperty('then')) return;
      const first = chain.handler.params[0];
      const error = first?.type === AST_NODE_TYPES.Identifier ? first.name : 'error';
      const reject = model.rejectName;
      const take = first ? '' : ", take the error as the handler's parameter,";
      context.report({
        ...where(leak, chain.handler),
        messageId: 'callbackPathNeverSettles',
        data: {
          callee: chainText(chain.call),
          path: describePath(leak, chain.handler, ''),
          settlers: settlerNames(model),
          error,
          fix: reject
            ? `${first ? 'C' : 'Take the error as its parameter and c'}all \`${reject}(${error})\` there`
            : `Take \`reject\` as the executor's second parameter${take} and call \`reject(${error})\` there`,
        },
      });
    }

    /**
     * A listener for an event that comes once (`end`, `load`, a `once()`
     * registration) that settles in a `try` and whose `catch` swallows the
     * failure: after the catch nothing else will call it, and the promise stays
     * pending. Repeated events (`data`, `message`) may settle on a later call.
     */
    function checkSwallowingListener(
      model: ExecutorModel,
      listener: ListenerSite,
      byFunction: Map<FunctionNode, SettleSite[]>,
    ): void {
      if (!listener.settles) return;
      const fn = skipWrappers(listener.handler as TSESTree.Expression);
      if (!isFunctionNode(fn)) return;
      const clauses = catches.get(fn);
      if (!clauses) return;
      // Another listener settles on an event that can still come (a `close` after the `end`): not the only route.
      if (model.listeners.some((other) => other !== listener && other.settles && other.event !== 'error')) return;
      const sites = byFunction.get(fn) ?? [];
      for (const clause of clauses) {
        const block = clause.parent.block;
        // The `try` settles itself: the failure caught is that of the settling computation.
        if (!sites.some((site) => site.kind === 'settle' && contains(block, site.node))) continue;
        const leak = leakIn(fn, sites, null, false, clause.body);
        if (!leak || !isOneShotListener(emitters, listener)) continue;
        const param = clause.param?.type === AST_NODE_TYPES.Identifier ? clause.param.name : null;
        const error = param ?? 'error';
        const reject = model.rejectName;
        const take = param ? '' : `, catch the error as \`${error}\`,`;
        context.report({
          ...where(leak, fn),
          messageId: 'callbackPathNeverSettles',
          data: {
            callee: listenerText(listener),
            path: `${describePath(leak, fn, '')} from its \`catch\` (line ${String(clause.loc.start.line)})`,
            settlers: settlerNames(model),
            error,
            fix: reject
              ? `${param ? 'C' : `Catch the error as \`${error}\` and c`}all \`${reject}(${error})\` in the \`catch\``
              : `Take \`reject\` as the executor's second parameter${take} and call \`reject(${error})\` in the \`catch\``,
          },
        });
        return;
      }
    }

    /** `x.on` for `x.on('end', …)`, `x.onload` for `x.onload = …`. */
    function listenerText(listener: ListenerSite): string {
      const node = listener.node;
      return node.type === AST_NODE_TYPES.CallExpression ? calleeText(node) : brief(sourceCode, node.left);
    }

    /** `msg.then(…).catch` for a chain's last callee. */
    function chainText(call: TSESTree.CallExpression): string {
      const callee = skipWrappers(call.callee);
      if (callee.type !== AST_NODE_TYPES.MemberExpression) return calleeText(call);
      const object = skipWrappers(callee.object);
      const name = memberName(callee) ?? '';
      if (object.type === AST_NODE_TYPES.CallExpression) return `${chainText(object)}(…).${name}`;
      return `${brief(sourceCode, object)}.${name}`;
    }

    function isSettling(model: ExecutorModel, node: TSESTree.Node): boolean {
      if (isFunctionNode(node)) return model.sites.some((site) => site.fn === node);
      return model.sites.some((site) => site.node === node);
    }

    /** The error parameter is typed like one (or not typed at all): `Error | null`, `any`, `unknown`. */
    function looksLikeError(parameter: TSESTree.Identifier): boolean {
      const type = services.getTypeAtLocation(parameter);
      if (type.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) return true;
      const nonNull = checker.getNonNullableType(type);
      if (nonNull.flags & ts.TypeFlags.Never) return true;
      const parts = nonNull.isUnion() ? nonNull.types : [nonNull];
      return parts.every((part) => part.getProperty('message') !== undefined);
    }

    function settlerNames(model: ExecutorModel): string {
      return model.rejectName ? `\`${model.resolveName}\` or \`${model.rejectName}\`` : `\`${model.resolveName}\``;
    }

    /** `returns at line 12` / `reach its end (line 15)`, with the verb's third-person `s` or not. */
    function describePath(leak: Leak, fn: FunctionNode, s: 's' | ''): string {
      if (leak.jump?.type === AST_NODE_TYPES.ReturnStatement)
        return `return${s} at line ${String(leak.jump.loc.start.line)}`;
      if (leak.jump?.type === AST_NODE_TYPES.ThrowStatement)
        return `throw${s} at line ${String(leak.jump.loc.start.line)}`;
      return `reach${s ? 'es' : ''} its end (line ${String(fn.loc.end.line)})`;
    }

    /** Report at the `return` on the path, or at the head of the function or promise. */
    function where(leak: Leak, head: TSESTree.Node): { loc: TSESTree.SourceLocation } {
      if (leak.jump?.type === AST_NODE_TYPES.ReturnStatement || leak.jump?.type === AST_NODE_TYPES.ThrowStatement) {
        return { loc: leak.jump.loc };
      }
      if (head.type === AST_NODE_TYPES.NewExpression)
        return { loc: { start: head.loc.start, end: head.callee.loc.end } };
      if (isFunctionNode(head)) return { loc: { start: head.loc.start, end: head.body.loc.start } };
      return { loc: head.loc };
    }

    function calleeText(call: TSESTree.CallExpression): string {
      return brief(sourceCode, call.callee);
    }
  },
});

type Report = TSESLint.ReportDescriptor<MessageIds>;
type SourceCode = Readonly<TSESLint.SourceCode>;

function unlistenedReport(sourceCode: SourceCode, model: ExecutorModel, found: UnlistenedFailure): Report {
  const { success, kind, quiet } = found;
  const emitter = brief(sourceCode, success.receiver);
  const reject = model.rejectName ?? 'reject';
  if (quiet) {
    return {
      node: quiet.node,
      messageId: 'errorListenerNeverSettles',
      data: { emitter, event: success.event, reject },
    };
  }
  const code = errorListenerCode(sourceCode, success, kind, model.rejectName);
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
    suggest: addErrorListenerSuggestion(sourceCode, code, after),
  };
}

function unwiredPipeReport(
  sourceCode: SourceCode,
  model: ExecutorModel,
  { success, pipe, source }: UnwiredPipe,
): Report {
  const reject = model.rejectName ?? 'reject';
  const name = brief(sourceCode, source);
  const code = model.rejectName && isPlainReference(source) ? `${name}.once('error', ${model.rejectName});` : null;
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
    suggest: addErrorListenerSuggestion(sourceCode, code, after),
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

/** Insert `code` (an `error` listener) after the statement `after`, as a suggestion. */
function addErrorListenerSuggestion(
  sourceCode: SourceCode,
  code: string | null,
  after: TSESTree.Node | null,
): TSESLint.SuggestionReportDescriptor<MessageIds>[] {
  if (!code || !after) return [];
  return [
    { messageId: 'addErrorListenerSuggestion', data: { code }, fix: insertAfterStatement(sourceCode, after, code) },
  ];
}

/** A promise chain whose failure handler is an inline function. */
interface PromiseChain {
  /** The outermost call, whose result is dropped. */
  call: TSESTree.CallExpression;
  /** The `.then()` whose first callback is the success route. */
  then: TSESTree.CallExpression;
  /** The failure route: `.catch(handler)` or `.then(…, handler)`. */
  handler: FunctionNode;
}

/** `p.then(a).catch(h)` or `p.then(a, h)` as a statement of its own, with `h` inline. */
function droppedChain(call: TSESTree.CallExpression): PromiseChain | null {
  const parent =
    call.parent.type === AST_NODE_TYPES.UnaryExpression && call.parent.operator === 'void'
      ? call.parent.parent
      : call.parent;
  if (parent.type !== AST_NODE_TYPES.ExpressionStatement) return null;
  const callee = skipWrappers(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return null;
  const name = memberName(callee);
  if (name === null || !PROMISE_REACTIONS.has(name)) return null;
  let then: TSESTree.CallExpression;
  let handler: TSESTree.Node | undefined;
  if (name === 'catch') {
    const inner = skipWrappers(callee.object);
    if (inner.type !== AST_NODE_TYPES.CallExpression || inner.arguments.length !== 1) return null;
    const innerCallee = skipWrappers(inner.callee);
    if (innerCallee.type !== AST_NODE_TYPES.MemberExpression || memberName(innerCallee) !== 'then') return null;
    then = inner;
    handler = call.arguments[0];
  } else if (name === 'then' && call.arguments.length === 2) {
    then = call;
    handler = call.arguments[1];
  } else {
    return null;
  }
  return handler && isFunctionNode(handler) ? { call, then, handler } : null;
}

/** `await`s in an async executor's own body (not in nested functions) that no enclosing `try … catch` of it catches. */
function unguardedAwaits(executor: FunctionNode): TSESTree.AwaitExpression[] {
  const found: TSESTree.AwaitExpression[] = [];
  walk(
    executor.body,
    (node) => {
      if (node.type !== AST_NODE_TYPES.AwaitExpression) return;
      if (cannotReject(node.argument)) return;
      let child: TSESTree.Node = node;
      for (let p: TSESTree.Node | undefined = node.parent; p && p !== executor; child = p, p = p.parent) {
        if (p.type === AST_NODE_TYPES.TryStatement && p.block === child && p.handler) return;
      }
      found.push(node);
    },
    { intoFunctions: false },
  );
  return found;
}

/**
 * An awaited value that cannot reject: `new Promise((resolve) => …)` with no
 * `reject`, or a chain that ends in `.catch(…)` (its handler decides).
 */
function cannotReject(argument: TSESTree.Expression): boolean {
  const node = skipWrappers(argument);
  if (node.type === AST_NODE_TYPES.NewExpression) return isResolveOnlyPromise(node);
  return (
    node.type === AST_NODE_TYPES.CallExpression &&
    node.callee.type === AST_NODE_TYPES.MemberExpression &&
    memberName(node.callee) === 'catch'
  );
}
