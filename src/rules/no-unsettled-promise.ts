import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import ts from 'typescript';
import {
  contains,
  enclosingFunction,
  isFunctionNode,
  isResolveOnlyPromise,
  keyName,
  memberName,
  outermostAlias,
  skipWrappers,
  walk,
  type FunctionNode,
} from '../analysis/ast.js';
import { failingEmitterKind, type FailingEmitter } from '../analysis/emitters.js';
import { PathTracker, type Leak, type Position } from '../analysis/paths.js';
import {
  LISTEN_METHODS,
  modelExecutor,
  promiseExecutor,
  type ExecutorModel,
  type ListenerSite,
  type SettleSite,
  type SettlingCallback,
} from '../analysis/settlers.js';
import { ONE_SHOT_EVENTS, PROMISE_REACTIONS } from '../analysis/vocabulary.js';
import { ADD_ONCE_LISTENER } from '../analysis/resources.js';
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

/** Events after which a failed emitter says nothing more: a listener on one covers failure. */
const TERMINAL_EVENTS = new Set(['error', 'close', 'loadend']);

/** DOM events that mean "it worked" on targets that can fail (`img`, `XMLHttpRequest`, `WebSocket`, `FileReader`, `IDBRequest`, `Worker`). */
const DOM_SUCCESS_EVENTS = new Set([
  'load',
  'open',
  'success',
  'message',
  'complete',
  'loadeddata',
  'loadedmetadata',
  'canplay',
  'canplaythrough',
  'upgradeneeded',
]);

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
    /** Member accesses of the file by property name, built on first need. */
    let membersByName: Map<string, TSESTree.MemberExpression[]> | null = null;
    const reportedRegistrations = new Set<TSESTree.Node>();
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
        checkListeners(model);
        checkPipeSources(model);
        checkStoredSettlers(model);
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
        if (!leak || !isOneShot(listener)) continue;
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

    /** A registration whose handler runs at most once. */
    function isOneShot(listener: ListenerSite): boolean {
      const node = listener.node;
      if (node.type === AST_NODE_TYPES.CallExpression) {
        const callee = skipWrappers(node.callee);
        const method = callee.type === AST_NODE_TYPES.MemberExpression ? memberName(callee) : null;
        if (method !== null && ADD_ONCE_LISTENER.has(method)) return true;
        if (method === 'addEventListener' && hasOnceOption(node.arguments[2])) return true;
      }
      return ONE_SHOT_EVENTS.has(listener.event) && emitterKind(listener.receiver) !== null;
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

    function checkListeners(model: ExecutorModel): void {
      for (const group of listenersByReceiver(model)) {
        if (group.some((l) => l.settles && TERMINAL_EVENTS.has(l.event))) continue;
        const success = group.find((l) => l.settles && !TERMINAL_EVENTS.has(l.event));
        if (!success) continue;
        const kind = emitterKind(success.receiver);
        if (!kind) continue;
        if (kind === 'dom' ? success.form === 'on' || !DOM_SUCCESS_EVENTS.has(success.event) : success.form !== 'on')
          continue;
        const emitter = brief(sourceCode, success.receiver);
        const reject = model.rejectName ?? 'reject';
        const quiet = group.find((l) => !l.settles && l.event === 'error');
        if (quiet) {
          context.report({
            node: quiet.node,
            messageId: 'errorListenerNeverSettles',
            data: { emitter, event: success.event, reject },
          });
          continue;
        }
        const code = errorListenerCode(success, kind, model.rejectName);
        const after = code ? statementOf(success.node) : null;
        context.report({
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
          suggest: addErrorListenerSuggestion(code, after),
        });
      }
    }

    /** The executor's listeners, grouped by the emitter they are registered on. */
    function listenersByReceiver(model: ExecutorModel): IterableIterator<ListenerSite[]> {
      const byReceiver = new Map<string, ListenerSite[]>();
      for (const listener of model.listeners) {
        const list = byReceiver.get(listener.receiverKey);
        if (list) list.push(listener);
        else byReceiver.set(listener.receiverKey, [listener]);
      }
      return byReceiver.values();
    }

    /** Insert `code` (an `error` listener) after the statement `after`, as a suggestion. */
    function addErrorListenerSuggestion(
      code: string | null,
      after: TSESTree.Node | null,
    ): TSESLint.SuggestionReportDescriptor<MessageIds>[] {
      if (!code || !after) return [];
      return [
        {
          messageId: 'addErrorListenerSuggestion',
          data: { code },
          fix: (fixer) => fixer.insertTextAfter(after, `\n${indentOf(after)}${code}`),
        },
      ];
    }

    /**
     * `src.pipe(dest)` with `dest`'s success and failure both wired: `pipe()`
     * does not forward `src`'s errors to `dest`, so a failing `src` leaves `dest`
     * waiting, and the promise with it, unless something listens on `src` too.
     */
    function checkPipeSources(model: ExecutorModel): void {
      const calls = pipes.get(model.executor);
      if (!calls) return;
      for (const group of listenersByReceiver(model)) {
        // An unwired destination is reported by the event check itself.
        if (!group.some((l) => l.settles && TERMINAL_EVENTS.has(l.event))) continue;
        const waiting = group.filter((l) => l.settles && !TERMINAL_EVENTS.has(l.event));
        const success = waiting.find((l) => ONE_SHOT_EVENTS.has(l.event)) ?? waiting[0];
        if (!success) continue;
        const pipe = calls.find((call) => pipesInto(call, success.receiver));
        if (!pipe) continue;
        const source = unwiredSource(model, pipe);
        if (!source || emitterKind(success.receiver) !== 'node') continue;
        const reject = model.rejectName ?? 'reject';
        const name = brief(sourceCode, source);
        const code =
          model.rejectName && isPlainReference(source) ? `${name}.once('error', ${model.rejectName});` : null;
        const after = code ? statementOf(pipe) : null;
        context.report({
          node: success.node,
          messageId: 'errorNotListened',
          data: {
            emitter: brief(sourceCode, pipe),
            event: success.event,
            failure: `an \`error\` of \`${name}\`, which \`pipe()\` does not forward`,
            fix: `Also listen for \`error\` on \`${name}\` and call \`${reject}\`, or use \`stream.pipeline()\`, which forwards every stream's error`,
          },
          suggest: addErrorListenerSuggestion(code, after),
        });
      }
    }

    /**
     * The executor stores its settlers in an entry of a field's collection
     * (`this.pending.set(id, { resolve, reject })`) and returns: whoever takes the
     * entry out and calls its `resolve`/`reject` settles it. When the only
     * functions in the file that do so are listeners for a success event
     * (`message`) on an emitter that can fail, a failure or a close of that emitter
     * leaves every stored promise pending.
     */
    function checkStoredSettlers(model: ExecutorModel): void {
      for (const site of model.sites) {
        if (site.kind !== 'handoff' || site.fn !== model.executor) continue;
        const stored = storedEntry(site.node);
        if (!stored) continue;
        // Only the keys that hold this executor's settlers.
        for (const entry of (site.node.parent as TSESTree.Property).parent.properties) {
          if (entry.type !== AST_NODE_TYPES.Property || entry.computed) continue;
          const key = keyName(entry.key, false);
          if (key !== null && !model.sites.some((other) => other.node === entry.value)) stored.keys.delete(key);
        }
        if (stored.keys.size === 0) continue;
        const field = checker.getSymbolAtLocation(services.esTreeNodeToTSNodeMap.get(stored.field.property));
        if (!field) continue;
        const settlingFns = new Set<FunctionNode>();
        // Each function's body is read once, however many accesses it has.
        const read = new Set<FunctionNode>();
        for (const access of membersOf(stored.fieldName)) {
          if (access === stored.field) continue;
          const fn = enclosingFunction(access);
          if (!fn || read.has(fn)) continue;
          if (checker.getSymbolAtLocation(services.esTreeNodeToTSNodeMap.get(access.property)) !== field) continue;
          read.add(fn);
          if (callsStoredKey(fn, stored.keys)) settlingFns.add(fn);
        }
        if (settlingFns.size === 0) continue;
        // A function that settles entries in a loop over them is a sweep (`for (const c of
        // pending.values()) c.reject(err)`): the path that settles what a failure leaves.
        if ([...settlingFns].some((fn) => settlesInLoop(fn, stored.keys))) continue;
        const registrations = [...settlingFns].map(successRegistration);
        if (registrations.some((r) => r === null)) continue;
        for (const registration of registrations) {
          if (!registration || reportedRegistrations.has(registration.node)) continue;
          const kind = emitterKind(registration.receiver);
          if (!kind || (kind === 'dom' && !DOM_SUCCESS_EVENTS.has(registration.event))) continue;
          reportedRegistrations.add(registration.node);
          const emitter = brief(sourceCode, registration.receiver);
          const collection = brief(sourceCode, stored.field);
          context.report({
            node: registration.node,
            messageId: 'errorNotListened',
            data: {
              emitter,
              event: registration.event,
              failure: `\`error\` or \`close\`, for the promises stored in \`${collection}\` on line ${String(stored.field.loc.start.line)}`,
              fix: `Reject every entry of \`${collection}\` when \`${emitter}\` fails or closes, and clear it`,
            },
          });
        }
      }
    }

    function membersOf(name: string): TSESTree.MemberExpression[] {
      if (!membersByName) {
        const found = new Map<string, TSESTree.MemberExpression[]>();
        walk(sourceCode.ast, (node) => {
          if (node.type !== AST_NODE_TYPES.MemberExpression || node.computed) return;
          if (node.property.type !== AST_NODE_TYPES.Identifier) return;
          const list = found.get(node.property.name);
          if (list) list.push(node);
          else found.set(node.property.name, [node]);
        });
        membersByName = found;
      }
      return membersByName.get(name) ?? [];
    }

    /** `fn` calls `x.reject(…)` (or another stored key) inside a loop of its own body. */
    function settlesInLoop(fn: FunctionNode, keys: ReadonlySet<string>): boolean {
      let found = false;
      walk(
        fn.body,
        (node) => {
          if (found || node.type !== AST_NODE_TYPES.CallExpression) return;
          const callee = skipWrappers(node.callee);
          if (callee.type !== AST_NODE_TYPES.MemberExpression || !keys.has(memberName(callee) ?? '')) return;
          for (let p: TSESTree.Node | undefined = node.parent; p && p !== fn; p = p.parent) {
            if (
              p.type === AST_NODE_TYPES.ForOfStatement ||
              p.type === AST_NODE_TYPES.ForInStatement ||
              p.type === AST_NODE_TYPES.ForStatement ||
              p.type === AST_NODE_TYPES.WhileStatement
            ) {
              found = true;
              return;
            }
          }
        },
        { intoFunctions: false },
      );
      return found;
    }

    /** `fn` calls `x.resolve(…)` for one of the stored entry's keys, in its own body. */
    function callsStoredKey(fn: FunctionNode, keys: ReadonlySet<string>): boolean {
      let found = false;
      walk(
        fn.body,
        (node) => {
          if (found || node.type !== AST_NODE_TYPES.CallExpression) return;
          const callee = skipWrappers(node.callee);
          if (callee.type === AST_NODE_TYPES.MemberExpression && keys.has(memberName(callee) ?? '')) found = true;
        },
        { intoFunctions: false },
      );
      return found;
    }

    /** `fn` is a listener for a success event on an emitter: `x.onmessage = fn`, `x.addEventListener('message', fn)`. */
    function successRegistration(
      fn: FunctionNode,
    ): { node: TSESTree.Node; receiver: TSESTree.Expression; event: string } | null {
      const outer = outermostAlias(fn);
      const parent = outer.parent;
      if (!parent) return null;
      let found: { node: TSESTree.Node; receiver: TSESTree.Expression; event: string } | null = null;
      if (
        parent.type === AST_NODE_TYPES.AssignmentExpression &&
        parent.right === outer &&
        parent.left.type === AST_NODE_TYPES.MemberExpression
      ) {
        const name = memberName(parent.left);
        if (name !== null && /^on[a-z]+$/.test(name))
          found = { node: parent, receiver: skipWrappers(parent.left.object), event: name.slice(2) };
      } else if (
        parent.type === AST_NODE_TYPES.CallExpression &&
        parent.arguments[1] === outer &&
        isListenCall(parent)
      ) {
        const event = firstString(parent);
        const callee = skipWrappers(parent.callee) as TSESTree.MemberExpression;
        if (event !== null) found = { node: parent, receiver: skipWrappers(callee.object), event };
      }
      return found && !TERMINAL_EVENTS.has(found.event) ? found : null;
    }

    /** `call` pipes into `receiver`: `receiver` is the call itself (`a.pipe(b).on(…)`) or its destination. */
    function pipesInto(call: TSESTree.CallExpression, receiver: TSESTree.Expression): boolean {
      const target = skipWrappers(receiver);
      const destination = call.arguments[0];
      return (
        target === call ||
        (destination !== undefined &&
          destination.type !== AST_NODE_TYPES.SpreadElement &&
          sameTarget(skipWrappers(destination), target))
      );
    }

    /**
     * The first stream upstream of `call` (through `a.pipe(b).pipe(c)` chains)
     * that Node's typings say can fail and that nothing listens on for `error`
     * or `close`, nor is handed to another call that might (`finished(src, …)`).
     */
    function unwiredSource(model: ExecutorModel, call: TSESTree.CallExpression): TSESTree.Expression | null {
      const sources: TSESTree.Expression[] = [];
      let current: TSESTree.Expression = call;
      while (current.type === AST_NODE_TYPES.CallExpression && isPipeCall(current)) {
        let object = skipWrappers((current.callee as TSESTree.MemberExpression).object);
        // `src.on('error', reject).pipe(dest)`: a listener chained on the source.
        let wired = false;
        while (object.type === AST_NODE_TYPES.CallExpression && isListenCall(object)) {
          if (FAILURE_EVENTS.has(firstString(object) ?? '')) wired = true;
          object = skipWrappers((object.callee as TSESTree.MemberExpression).object);
        }
        // `a.pipe(b).pipe(c)`: the middle stream is `b`, the inner call's destination.
        const stream =
          object.type === AST_NODE_TYPES.CallExpression && isPipeCall(object) ? object.arguments[0] : object;
        if (!wired && stream && stream.type !== AST_NODE_TYPES.SpreadElement) sources.push(skipWrappers(stream));
        current = object;
      }
      for (const source of sources) {
        if (isWired(model, source)) continue;
        if (emitterKind(source) !== 'node') continue;
        return source;
      }
      return null;
    }

    /** Something listens on `source` for failure, or `source` is handed to a call that may. */
    function isWired(model: ExecutorModel, source: TSESTree.Expression): boolean {
      if (model.listeners.some((l) => FAILURE_EVENTS.has(l.event) && sameTarget(skipWrappers(l.receiver), source)))
        return true;
      if (source.type === AST_NODE_TYPES.Identifier) {
        const variable = ASTUtils.findVariable(sourceCode.getScope(source), source.name);
        if (!variable) return true;
        return variable.references.some((ref) => ref.identifier !== source && wiresFailure(ref.identifier));
      }
      let handed = false;
      walk(model.executor.body, (node) => {
        if (
          !handed &&
          node.type === AST_NODE_TYPES.CallExpression &&
          !isPipeCall(node) &&
          node.arguments.some(
            (arg) => arg.type !== AST_NODE_TYPES.SpreadElement && sameTarget(skipWrappers(arg), source),
          )
        )
          handed = true;
      });
      return handed;
    }

    /** A reference that listens for `error`/`close` (through `.on(…)` chains) or is passed to a call other than `pipe()`. */
    function wiresFailure(identifier: TSESTree.Node): boolean {
      let current = outermostAlias(identifier) as TSESTree.Expression;
      const parent = current.parent;
      if (
        (parent.type === AST_NODE_TYPES.CallExpression || parent.type === AST_NODE_TYPES.NewExpression) &&
        parent.arguments.includes(current)
      ) {
        return !(parent.type === AST_NODE_TYPES.CallExpression && isPipeCall(parent));
      }
      for (;;) {
        const member = current.parent;
        if (member.type !== AST_NODE_TYPES.MemberExpression || member.object !== current) return false;
        const call = member.parent;
        if (call.type !== AST_NODE_TYPES.CallExpression || call.callee !== member || !isListenCall(call)) return false;
        if (FAILURE_EVENTS.has(firstString(call) ?? '')) return true;
        current = call;
      }
    }

    /** The same emitter: one variable, `this`, or the same member path. */
    function sameTarget(a: TSESTree.Expression, b: TSESTree.Expression): boolean {
      if (a === b) return true;
      if (a.type === AST_NODE_TYPES.Identifier && b.type === AST_NODE_TYPES.Identifier) {
        if (a.name !== b.name) return false;
        const va = ASTUtils.findVariable(sourceCode.getScope(a), a.name);
        return va !== null && va === ASTUtils.findVariable(sourceCode.getScope(b), b.name);
      }
      if (!isPlainReference(a) || !isPlainReference(b)) return false;
      return sourceCode.getText(a).replace(/\s+/g, '') === sourceCode.getText(b).replace(/\s+/g, '');
    }

    function emitterKind(receiver: TSESTree.Expression): FailingEmitter | null {
      const tsNode = services.esTreeNodeToTSNodeMap.get(receiver);
      return failingEmitterKind(services.program, checker.getTypeAtLocation(tsNode), tsNode);
    }

    /** `x.once('error', reject);` for a receiver that is safe to name again. */
    function errorListenerCode(listener: ListenerSite, kind: FailingEmitter, reject: string | null): string | null {
      if (!reject || !isPlainReference(listener.receiver)) return null;
      const receiver = sourceCode.getText(listener.receiver);
      if (listener.form === 'property') return `${receiver}.onerror = ${reject};`;
      if (kind === 'dom') return `${receiver}.addEventListener('error', ${reject});`;
      return `${receiver}.once('error', ${reject});`;
    }

    function isPlainReference(node: TSESTree.Node): boolean {
      if (node.type === AST_NODE_TYPES.Identifier || node.type === AST_NODE_TYPES.ThisExpression) return true;
      return node.type === AST_NODE_TYPES.MemberExpression && !node.computed && isPlainReference(node.object);
    }

    /** The expression statement a registration (or its `.on()` chain) makes up, if any. */
    function statementOf(node: TSESTree.Node): TSESTree.ExpressionStatement | null {
      let current: TSESTree.Node = node;
      while (
        current.parent?.type === AST_NODE_TYPES.MemberExpression &&
        current.parent.object === current &&
        current.parent.parent.type === AST_NODE_TYPES.CallExpression &&
        current.parent.parent.callee === current.parent
      ) {
        current = current.parent.parent;
      }
      return current.parent?.type === AST_NODE_TYPES.ExpressionStatement ? current.parent : null;
    }

    function indentOf(node: TSESTree.Node): string {
      return /^\s*/.exec(sourceCode.lines[node.loc.start.line - 1] ?? '')?.[0] ?? '';
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

/**
 * A settler stored in an entry of a field's collection:
 * `this.pending.set(id, { resolve, reject })` → the field `this.pending` and the
 * entry's keys that hold settlers.
 */
function storedEntry(reference: TSESTree.Node): {
  field: TSESTree.MemberExpression & { property: TSESTree.Identifier };
  fieldName: string;
  keys: Set<string>;
} | null {
  const property = reference.parent;
  if (property?.type !== AST_NODE_TYPES.Property || property.value !== reference) return null;
  const object = property.parent;
  if (object.type !== AST_NODE_TYPES.ObjectExpression) return null;
  const call = outermostAlias(object).parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression || !call.arguments.includes(object)) return null;
  const callee = skipWrappers(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return null;
  const field = skipWrappers(callee.object);
  if (field.type !== AST_NODE_TYPES.MemberExpression || field.computed) return null;
  if (field.property.type !== AST_NODE_TYPES.Identifier) return null;
  const keys = new Set<string>();
  for (const entry of object.properties) {
    if (entry.type !== AST_NODE_TYPES.Property || entry.computed) continue;
    const key = keyName(entry.key, false);
    if (key !== null && entry.value.type === AST_NODE_TYPES.Identifier) keys.add(key);
  }
  return {
    field: field as TSESTree.MemberExpression & { property: TSESTree.Identifier },
    fieldName: field.property.name,
    keys,
  };
}

/** Events whose listener covers a source's failure. */
const FAILURE_EVENTS = new Set(['error', 'close']);

/** `a.pipe(b)`: one destination argument. */
function isPipeCall(call: TSESTree.CallExpression): boolean {
  const callee = skipWrappers(call.callee);
  return (
    callee.type === AST_NODE_TYPES.MemberExpression &&
    memberName(callee) === 'pipe' &&
    call.arguments.length >= 1 &&
    call.arguments.length <= 2
  );
}

/** `x.on(…)`, `x.once(…)`, `x.addEventListener(…)`. */
function isListenCall(call: TSESTree.CallExpression): boolean {
  const callee = skipWrappers(call.callee);
  return callee.type === AST_NODE_TYPES.MemberExpression && LISTEN_METHODS.has(memberName(callee) ?? '');
}

/** The first argument as a plain string. */
function firstString(call: TSESTree.CallExpression): string | null {
  const first = call.arguments[0];
  return first?.type === AST_NODE_TYPES.Literal && typeof first.value === 'string' ? first.value : null;
}

/** `{ once: true }` as an `addEventListener` option. */
function hasOnceOption(node: TSESTree.Node | undefined): boolean {
  if (node?.type !== AST_NODE_TYPES.ObjectExpression) return false;
  return node.properties.some(
    (property) =>
      property.type === AST_NODE_TYPES.Property &&
      !property.computed &&
      property.key.type === AST_NODE_TYPES.Identifier &&
      property.key.name === 'once' &&
      property.value.type === AST_NODE_TYPES.Literal &&
      property.value.value === true,
  );
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
