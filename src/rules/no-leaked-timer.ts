import { ASTUtils, AST_NODE_TYPES, TSESLint, type TSESTree } from '@typescript-eslint/utils';
import ts from 'typescript';
import {
  classOfMember,
  contains,
  enclosingFunction,
  functionName,
  isFunctionNode,
  keyName,
  memberName,
  skipWrappers,
  thisMember,
  walk,
  type ClassNode,
  type FunctionNode,
} from '../analysis/ast.js';
import { fieldLifetime, runsPerCall, variableLifetime, type Lifetime, type Scopes } from '../analysis/lifetime.js';
import { fieldKey, ownerText, resolveOwner, type FieldOwner, type Owner } from '../analysis/owners.js';
import { PathTracker, type Position } from '../analysis/paths.js';
import { loopsOnEveryRun, reschedulesOnEveryRun, type FunctionPaths } from '../analysis/rearm.js';
import {
  atModuleLevel,
  bindTarget,
  callbackCapturesCallState,
  callReleases,
  classFacts,
  clearsItselfThroughThis,
  DEFAULT_TEARDOWN_METHODS,
  denotesOwner,
  enclosingClass,
  functionDenoted,
  functionReleasesCached,
  handleUseOf,
  mayBeTimerCallee,
  reachedWithout,
  rescheduledFunction,
  timerImportNames,
  timerKindOf,
  variableHandleIsUsed,
  type Reschedule,
  type TimerKind,
} from '../analysis/timers.js';
import { callSitesOf as programCallSites } from '../analysis/program.js';
import { CLOSE_EVENTS } from '../analysis/vocabulary.js';
import { ADD_LISTENER, ADD_ONCE_LISTENER } from '../analysis/resources.js';
import { createRule } from '../util/create-rule.js';
import { typedServices } from '../util/services.js';

export type Options = [
  {
    teardownMethods?: string[];
  },
];

export type MessageIds =
  | 'clearOnTeardownSuggestion'
  | 'clearPreviousSuggestion'
  | 'intervalNeverCleared'
  | 'timeoutLoopNeverStops'
  | 'timerNotClearedOnTeardown'
  | 'timerOverwritten';

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
      recommended: 'strict',
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
        '`{{place}}` holds {{what}}, but `{{teardown}}()` does not clear it (nor does any method it calls): after teardown the timer keeps firing and keeps the object alive. Call `{{clear}}({{place}})` in `{{teardown}}()`.',
      timerOverwritten:
        '`{{place}} = {{timer}}(…)` in `{{fn}}()` replaces the previous handle without clearing it: if `{{fn}}()` runs again while that timer is armed, the old timer {{consequence}} and can no longer be cleared. Call `{{clear}}({{place}})` first, or return early while `{{place}}` is set.',
      clearPreviousSuggestion: 'Call `{{clear}}({{place}})` before re-arming it.',
      clearOnTeardownSuggestion: 'Call `{{clear}}({{place}})` at the start of `{{teardown}}()`.',
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
    const sourceFile = services.esTreeNodeToTSNodeMap.get(sourceCode.ast);
    /** Local names bound to `node:timers` or its functions, so an aliased import is looked at. */
    const timerAliases = new Set<string>();
    const paths: FunctionPaths = { sourceCode, tracker, entries };

    function enterFunction(node: FunctionNode): void {
      const position = tracker.mark(node);
      if (position) entries.set(node, position);
    }

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
        reportUnused(call, kind, use.kind === 'variable' ? use.target.name : null, loop?.fn ?? null);
        return;
      }
      // A loop that re-arms through other functions (`send(…, () => this.arm())`) outlives teardown as surely as a direct one.
      const outlives = repeats || (loop !== null && !loop.direct && loopsOnEveryRun(paths, call, loop.fn));
      if (use.kind === 'property') {
        const { definition } = use;
        const name = keyName(definition.key, false);
        if (name === null || definition.static || !outlives) return;
        const classNode = definition.parent.parent;
        const owner: FieldOwner = {
          kind: 'field',
          key: fieldKey(classNode, name, false),
          classNode,
          name,
          isStatic: false,
        };
        checkTeardown(call, kind, owner, definition.key, reportedOwners);
        return;
      }
      const owner = resolveOwner(use.target, scopes.scopeOf);
      if (!owner) return;
      if (owner.kind === 'field' && !owner.isStatic && outlives)
        checkTeardown(call, kind, owner, use.target, reportedOwners);
      if (use.assignment) checkOverwrite(call, kind, owner, use.target, use.assignment, loop);
    }

    function reportUnused(
      call: TSESTree.CallExpression,
      kind: TimerKind,
      variable: string | null,
      loop: FunctionNode | null,
    ): void {
      const handle = variable === null ? 'discarded' : `kept in \`${variable}\` but never used`;
      if (loop) {
        context.report({
          node: call.callee,
          messageId: 'timeoutLoopNeverStops',
          data: {
            fn: functionName(loop) ?? 'this function',
            timer: kind,
            handle: variable === null ? 'discards' : `never uses (\`${variable}\`)`,
          },
        });
        return;
      }
      const fn = enclosingFunction(call);
      const moduleLevel = atModuleLevel(call);
      const member = fn ? classOfMember(fn) : null;
      const isConstructor =
        member?.member.type === AST_NODE_TYPES.MethodDefinition && member.member.kind === 'constructor';
      const name = fn ? functionName(fn) : null;
      const each = isConstructor
        ? `; each \`new ${member.classNode.id?.name ?? 'instance'}()\` starts one more`
        : name
          ? `; each call of \`${name}()\` starts one more`
          : '; each run of this code starts one more';
      context.report({
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
      });
    }

    function checkTeardown(
      call: TSESTree.CallExpression,
      kind: TimerKind,
      owner: FieldOwner,
      target: TSESTree.Node,
      reportedOwners: Set<unknown>,
    ): void {
      if (reportedOwners.has(`teardown:${owner.key}`)) return;
      const { methods } = classFacts(owner.classNode, sourceCode);
      const teardowns = [...methods.keys()].filter((name) => teardownNames.has(name));
      if (teardowns.length === 0) return;
      // An interval that clears itself when its work is done.
      const callback = call.arguments[0];
      if (callback && callback.type !== AST_NODE_TYPES.SpreadElement) {
        const direct = skipWrappers(callback);
        const fn = isFunctionNode(direct) ? direct : functionDenoted(bindTarget(direct), sourceCode);
        if (fn && functionReleasesCached(fn, owner, sourceCode)) return;
      }
      let teardown = teardowns[0] ?? 'close';
      let path = '';
      const clearing = teardowns.find((name) =>
        methods.get(name)?.some((fn) => functionReleasesCached(fn, owner, sourceCode)),
      );
      if (clearing !== undefined) {
        // Teardown clears it; the other end of the object's life, its own stream closing, must too.
        const handler = closeHandlerMissing(owner);
        if (handler === null) return;
        teardown = handler.method;
        path = `, and \`${handler.emitter}\` emitting \`'${handler.event}'\` ends the object's life as \`${clearing}()\` does`;
      }
      reportedOwners.add(`teardown:${owner.key}`);
      const place = ownerText(owner);
      const clear = kind === 'setInterval' ? 'clearInterval' : 'clearTimeout';
      const teardownFns = methods.get(teardown) ?? [];
      const body = teardownFns.length === 1 ? teardownFns[0]?.body : undefined;
      const teardownText = teardown.startsWith('Symbol.') ? `[${teardown}]` : teardown;
      context.report({
        node: target,
        messageId: 'timerNotClearedOnTeardown',
        data: {
          place,
          what: `${kind === 'setInterval' ? 'a `setInterval` handle' : 'the handle of a `setTimeout` loop'}${path}`,
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
                      `\n${indentInside(body)}${clearStatement(clear, place, target)}${body.body.length === 0 ? `\n${indentOf(body)}` : ''}`,
                    ),
                },
              ]
            : [],
      });
    }

    /**
     * The method that handles the `close` event of an emitter the object owns
     * for its whole life (a `readonly` field or parameter property: it can
     * never get another one, so once that emitter closes the object is done),
     * when that handler does not let go of the handle in `owner`. Null when
     * every such handler clears it, or there is none (a handler that is not
     * one method, `this.onClose` or `() => this.onClose()`, is not judged).
     */
    function closeHandlerMissing(owner: FieldOwner): { method: string; emitter: string; event: string } | null {
      let missing: { method: string; emitter: string; event: string } | null = null;
      walk(
        owner.classNode.body,
        (node) => {
          if (missing !== null || node.type !== AST_NODE_TYPES.CallExpression) return;
          const callee = skipWrappers(node.callee);
          if (callee.type !== AST_NODE_TYPES.MemberExpression || !isListenerRegistration(memberName(callee))) return;
          const [event, handler] = node.arguments;
          if (
            event?.type !== AST_NODE_TYPES.Literal ||
            typeof event.value !== 'string' ||
            !CLOSE_EVENTS.has(event.value)
          )
            return;
          if (!handler || handler.type === AST_NODE_TYPES.SpreadElement || !ownedForLife(skipWrappers(callee.object)))
            return;
          const method = handlerMethod(skipWrappers(handler));
          if (method === null) return;
          const fns = classFacts(owner.classNode, sourceCode).methods.get(method) ?? [];
          if (fns.length > 0 && !fns.some((fn) => functionReleasesCached(fn, owner, sourceCode)))
            missing = { method, emitter: sourceCode.getText(callee.object), event: event.value };
        },
        { intoFunctions: true },
      );
      return missing;
    }

    /** `this.onClose`, `this.onClose.bind(this)`, `() => this.onClose()`, `() => { this.onClose(); }` → `onClose`. */
    function handlerMethod(handler: TSESTree.Expression): string | null {
      const node = bindTarget(handler);
      if (node.type === AST_NODE_TYPES.MemberExpression) return thisMember(node) ? memberName(node) : null;
      if (node.type !== AST_NODE_TYPES.ArrowFunctionExpression && node.type !== AST_NODE_TYPES.FunctionExpression)
        return null;
      let body: TSESTree.Node = node.body;
      if (body.type === AST_NODE_TYPES.BlockStatement) {
        const only = body.body.length === 1 ? body.body[0] : undefined;
        if (only?.type !== AST_NODE_TYPES.ExpressionStatement) return null;
        body = only.expression;
      }
      body = skipWrappers(body);
      if (body.type !== AST_NODE_TYPES.CallExpression) return null;
      const callee = skipWrappers(body.callee);
      if (node.type === AST_NODE_TYPES.FunctionExpression || callee.type !== AST_NODE_TYPES.MemberExpression)
        return null;
      return thisMember(callee) ? memberName(callee) : null;
    }

    /** A `readonly` field of the class (`this.stream`), or the constructor's `readonly` parameter property (`stream`). */
    function ownedForLife(node: TSESTree.Node): boolean {
      if (node.type === AST_NODE_TYPES.MemberExpression) {
        const member = thisMember(node);
        if (member) return member.type === AST_NODE_TYPES.PropertyDefinition && member.readonly;
        const name = memberName(node);
        const classNode =
          skipWrappers(node.object).type === AST_NODE_TYPES.ThisExpression ? enclosingClass(node) : null;
        return classNode !== null && name !== null && readonlyParameterProperty(classNode, name);
      }
      if (node.type !== AST_NODE_TYPES.Identifier) return false;
      const def = ASTUtils.findVariable(sourceCode.getScope(node), node.name)?.defs[0];
      if (def?.type !== TSESLint.Scope.DefinitionType.Parameter) return false;
      let p: TSESTree.Node = def.name.parent;
      if (p.type === AST_NODE_TYPES.AssignmentPattern) p = p.parent;
      return p.type === AST_NODE_TYPES.TSParameterProperty && p.readonly;
    }

    function readonlyParameterProperty(classNode: ClassNode, name: string): boolean {
      for (const member of classNode.body.body) {
        if (member.type !== AST_NODE_TYPES.MethodDefinition || member.kind !== 'constructor') continue;
        for (const param of member.value.params) {
          if (param.type !== AST_NODE_TYPES.TSParameterProperty || !param.readonly) continue;
          const inner =
            param.parameter.type === AST_NODE_TYPES.AssignmentPattern ? param.parameter.left : param.parameter;
          if (inner.name === name) return true;
        }
      }
      return false;
    }

    function checkOverwrite(
      call: TSESTree.CallExpression,
      kind: TimerKind,
      owner: Owner,
      target: TSESTree.Node,
      assignment: TSESTree.AssignmentExpression,
      loop: Reschedule | null,
    ): void {
      // A loop re-arms from its own callback: the handle it replaces has just fired.
      if (loop) return;
      const lifetime: Lifetime = owner.kind === 'field' ? fieldLifetime(owner) : variableLifetime(owner.variable);
      // `handledAt` also answers "does this run only once?" (then nothing is overwritten).
      const fn = enclosingFunction(call);
      if (!fn || handledAt(call, owner, lifetime, 0)) return;
      const place = sourceCode.getText(target);
      const clear = kind === 'setInterval' ? 'clearInterval' : 'clearTimeout';
      const statement = assignment.parent;
      context.report({
        node: target,
        messageId: 'timerOverwritten',
        data: {
          place,
          timer: kind,
          fn: functionName(fn) ?? 'this function',
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
                      `${clearStatement(clear, place, target)}\n${indentOf(statement)}`,
                    ),
                },
              ]
            : [],
      });
    }

    /**
     * Is the handle in `owner` let go of, or known to be empty, whenever `site`
     * runs: it runs once per owner, inside a timer's own callback, after a
     * guard on the handle or on a flag its function sets, after a release on
     * every path from its function's start, or in a private helper every one
     * of whose callers is such a site.
     */
    function handledAt(site: TSESTree.Node, owner: Owner, lifetime: Lifetime, depth: number): boolean {
      if (!runsPerCall(site, owner, lifetime, scopes)) return true;
      if (insideTimerCallback(site)) return true;
      const fn = enclosingFunction(site);
      if (!fn) return true;
      if (guarded(fn, site, owner)) return true;
      const at = tracker.positions.get(site);
      if (!at || !reachedWithout(at, releasesIn(fn, owner, site))) return true;
      if (depth >= 3) return false;
      const callers = callSitesOf(fn);
      return (
        callers !== null &&
        callers.length > 0 &&
        callers.every((caller) => handledAt(caller, owner, lifetime, depth + 1))
      );
    }

    /** The calls in `fn` (not in nested functions) that let go of the handle in `owner`. */
    function releasesIn(fn: FunctionNode, owner: Owner, except: TSESTree.Node): Position[] {
      const found: Position[] = [];
      walk(
        fn.body,
        (node) => {
          if (node.type !== AST_NODE_TYPES.CallExpression || node === except) return;
          if (!callReleases(node, owner, sourceCode)) return;
          const position = tracker.positions.get(node);
          if (position) found.push(position);
        },
        { intoFunctions: false },
      );
      return found;
    }

    /**
     * Every call of a function in the program, and every promise reaction it
     * is registered as (`p.then(f, f)`: it runs once, where that runs), when
     * all of them are in this file. Null when some use is not a call (it is
     * passed on) or some caller is in another file: those sites cannot be
     * judged from here.
     */
    function callSitesOf(fn: FunctionNode): TSESTree.CallExpression[] | null {
      const { calls, reactions, complete } = programCallSites(services.program, services.esTreeNodeToTSNodeMap.get(fn));
      if (!complete) return null;
      const found: TSESTree.CallExpression[] = [];
      for (const call of [...calls, ...reactions]) {
        if (call.getSourceFile() !== sourceFile) return null;
        const node = services.tsNodeToESTreeNodeMap.get(call);
        if (node.type !== AST_NODE_TYPES.CallExpression) return null;
        found.push(node);
      }
      return found;
    }

    /** Inside the callback of a timer: the handle being replaced is that timer's, which has fired. */
    function insideTimerCallback(node: TSESTree.Node): boolean {
      for (let p: TSESTree.Node | undefined = node.parent; p; p = p.parent) {
        if (!isFunctionNode(p)) continue;
        const parent = p.parent;
        if (
          parent.type === AST_NODE_TYPES.CallExpression &&
          parent.arguments[0] === p &&
          mayBeTimerCallee(parent.callee, timerAliases)
        )
          return true;
      }
      return false;
    }

    /**
     * Is the re-arm guarded: a test before it (or around it) reads the handle
     * (`if (this.timer) return`, `if (!this.timer)`), or reads a flag the same
     * function sets (`if (this.started) return; this.started = true`) and
     * decides whether the re-arm runs (a test whose branches both go on to the
     * re-arm, `if (n === 0) n = 30`, guards nothing)?
     */
    function guarded(fn: FunctionNode, site: TSESTree.Node, owner: Owner): boolean {
      const written: Owner[] = [];
      const tests: { test: TSESTree.Node; control: TSESTree.Node }[] = [];
      // The function and the functions around it (a guard before a nested function is defined counts).
      for (let scope: TSESTree.Node | null = fn; scope; scope = enclosingFunction(scope)) {
        const body = scope.body;
        walk(
          body,
          (node) => {
            if (node.type === AST_NODE_TYPES.AssignmentExpression && !contains(node, site)) {
              const left = resolveOwner(node.left, scopes.scopeOf);
              if (left) written.push(left);
            }
            if (node.range[0] >= site.range[0]) return;
            if (node.type === AST_NODE_TYPES.IfStatement || node.type === AST_NODE_TYPES.ConditionalExpression)
              tests.push({ test: node.test, control: node });
            else if (node.type === AST_NODE_TYPES.LogicalExpression) tests.push({ test: node.left, control: node });
            else if (node.type === AST_NODE_TYPES.SwitchStatement)
              tests.push({ test: node.discriminant, control: node });
            else if (node.type === AST_NODE_TYPES.WhileStatement) tests.push({ test: node.test, control: node });
          },
          { intoFunctions: false },
        );
        if (classOfMember(scope)) break;
      }
      const reads = (root: TSESTree.Node, flags: readonly Owner[], depth: number): boolean => {
        let found = false;
        walk(root, (node) => {
          if (found) return;
          if (flags.some((flag) => denotesOwner(node, flag, sourceCode))) found = true;
          // `if (this.isStarted()) return`: a method of the class that reads the flag.
          else if (depth === 0 && node.type === AST_NODE_TYPES.CallExpression) {
            const value = thisMember(node.callee)?.value;
            if (value && isFunctionNode(value) && reads(value.body, flags, depth + 1)) found = true;
          }
        });
        return found;
      };
      return tests.some(
        ({ test, control }) => reads(test, [owner], 0) || (decides(control, site) && reads(test, written, 0)),
      );
    }

    /**
     * Does the test of `control` decide whether `site` runs: `site` is inside
     * one of its branches, or a branch leaves before reaching it (`return`,
     * `throw`, `break`, `continue`), or it is a loop that waits on it?
     */
    function decides(control: TSESTree.Node, site: TSESTree.Node): boolean {
      switch (control.type) {
        case AST_NODE_TYPES.IfStatement:
          return (
            contains(control.consequent, site) ||
            (control.alternate !== null && contains(control.alternate, site)) ||
            !completesNormally(control.consequent) ||
            (control.alternate !== null && !completesNormally(control.alternate))
          );
        case AST_NODE_TYPES.ConditionalExpression:
          return contains(control.consequent, site) || contains(control.alternate, site);
        case AST_NODE_TYPES.LogicalExpression:
          return contains(control.right, site);
        case AST_NODE_TYPES.SwitchStatement:
          return (
            contains(control, site) ||
            control.cases.some((branch) => branch.consequent.some((statement) => !completesNormally(statement)))
          );
        default:
          return true;
      }
    }

    /** Can `statement` run to its end: it does not end in a `return`, `throw`, `break` or `continue` on every branch? */
    function completesNormally(statement: TSESTree.Statement): boolean {
      switch (statement.type) {
        case AST_NODE_TYPES.ReturnStatement:
        case AST_NODE_TYPES.ThrowStatement:
        case AST_NODE_TYPES.BreakStatement:
        case AST_NODE_TYPES.ContinueStatement:
          return false;
        case AST_NODE_TYPES.BlockStatement:
          return statement.body.every(completesNormally);
        case AST_NODE_TYPES.IfStatement:
          return (
            statement.alternate === null ||
            completesNormally(statement.consequent) ||
            completesNormally(statement.alternate)
          );
        default:
          return true;
      }
    }

    /**
     * `clearTimeout(this.t);`, or `if (this.t) clearTimeout(this.t);` when the
     * place's type admits `null` (which the clear functions do not accept).
     */
    function clearStatement(clear: string, place: string, target: TSESTree.Node): string {
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

    function indentOf(node: TSESTree.Node): string {
      const line = sourceCode.lines[node.loc.start.line - 1] ?? '';
      return /^\s*/.exec(line)?.[0] ?? '';
    }

    /** The indentation of a block's statements (its first one's, or the block's plus two spaces). */
    function indentInside(block: TSESTree.BlockStatement): string {
      const first = block.body[0];
      if (first) return indentOf(first);
      return `${indentOf(block)}  `;
    }
  },
});

/** `on`, `once`, `addEventListener`…: a call that hands a listener to an emitter. */
function isListenerRegistration(name: string | null): boolean {
  return name !== null && (ADD_LISTENER.has(name) || ADD_ONCE_LISTENER.has(name));
}
