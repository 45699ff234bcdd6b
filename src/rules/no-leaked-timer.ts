import { ASTUtils, AST_NODE_TYPES, TSESLint, type TSESTree } from '@typescript-eslint/utils';
import ts from 'typescript';
import {
  classOfMember,
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
import type { Scopes } from '../analysis/lifetime.js';
import { fieldKey, ownerText, resolveOwner, type FieldOwner, type Owner } from '../analysis/owners.js';
import { overwritesArmedHandle, type OverwriteContext } from '../analysis/overwrites.js';
import { PathTracker, type Position } from '../analysis/paths.js';
import { loopsOnEveryRun, reschedulesOnEveryRun, type FunctionPaths } from '../analysis/rearm.js';
import {
  atModuleLevel,
  bindTarget,
  callbackCapturesCallState,
  classFacts,
  clearsItselfThroughThis,
  DEFAULT_TEARDOWN_METHODS,
  enclosingClass,
  functionDenoted,
  functionReleasesCached,
  handleUseOf,
  mayBeTimerCallee,
  rescheduledFunction,
  timerImportNames,
  timerKindOf,
  variableHandleIsUsed,
  type Reschedule,
  type TimerKind,
} from '../analysis/timers.js';
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
    /** Local names bound to `node:timers` or its functions, so an aliased import is looked at. */
    const timerAliases = new Set<string>();
    const paths: FunctionPaths = { sourceCode, tracker, entries };
    const overwrites: OverwriteContext = { ...paths, services, scopes, timerAliases };

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
      if (loop || !overwritesArmedHandle(overwrites, call, owner)) return;
      const fn = enclosingFunction(call);
      if (!fn) return;
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
