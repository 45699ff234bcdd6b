import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import {
  enclosingFunction,
  functionName,
  isClassNode,
  walk,
  type ClassNode,
  type FunctionNode,
} from '../analysis/ast.js';
import { methodNames, TEARDOWN_METHOD } from '../analysis/intent.js';
import {
  isEndlessLoop,
  leavesLoop,
  loopFacts,
  loopKeyword,
  neverReturns,
  type EndlessLoop,
} from '../analysis/loops.js';
import { PathTracker } from '../analysis/paths.js';
import { isAbortSignalType } from '../analysis/types.js';
import { createRule } from '../util/create-rule.js';
import { typedServices } from '../util/services.js';

export type Options = [
  {
    checkYieldingLoops?: boolean;
  },
];

export type MessageIds = 'loopNeverStops' | 'loopOutlivesTeardown' | 'signalNeverChecked';

/** Property reads that consult a cancellation state, whatever the receiver's type. */
const CANCELLATION_READS = new Set(['aborted', 'throwIfAborted', 'isCancellationRequested']);

/** A loop head in the text: `while (true)`, `while (1)`, `while (!0)`, `for (;;)`, `for (…; true;…)`. */
const ENDLESS_HEAD = /\bwhile\s*\(\s*(?:true|!\s*0|!\s*false|[1-9]\d*)\s*\)|\bfor\s*\([^;()]*;\s*(?:true\s*)?;/;

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
    messages: {
      loopNeverStops:
        'This `{{loop}}` loop in {{fn}} awaits on every pass but {{why}}: nothing can stop it, so it keeps running, and keeps what it references alive, until the process exits. Give it a way out: take an `AbortSignal` and `break` when it is aborted, or `break` on a flag that a stop method sets.',
      loopOutlivesTeardown:
        'This `{{loop}}` loop in {{fn}} {{why}}, so `{{teardown}}()` cannot stop it: after teardown it keeps awaiting and running, holding `this` and everything it references. Set a flag (or abort a controller) in `{{teardown}}()` and `break` on it in the loop.',
      signalNeverChecked:
        'This `{{loop}}` loop in {{fn}} {{why}}: when the caller aborts, it keeps awaiting and running with everything it references. Check `{{signal}}.aborted` (and `break`) or call `{{signal}}.throwIfAborted()` on every pass, and pass `{{signal}}` to what it awaits.',
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
      const facts = loopFacts(loop);
      if (!facts.awaits) return;
      // A `continue` reached without passing a stop point: that pass can repeat for good, whatever
      // the other paths check (asked only when a stop point would otherwise clear the loop).
      let skipping: TSESTree.ContinueStatement | null | undefined;
      const skipped = (): TSESTree.ContinueStatement | null =>
        (skipping ??= facts.continues.find((jump) => isReachable(jump) && !stopsBefore(jump, loop)) ?? null);
      // A loop that never waits cannot outlive its caller; one that yields is stopped by its consumer.
      if (facts.yields && !checkYieldingLoops && !skipped()) return;
      if (facts.innerLoops.some((inner) => reported.has(inner))) return;
      if (facts.exits.some(isReachable) && !skipped()) {
        // The function takes a signal, so its caller expects it to stop when that fires; exits on
        // the loop's own conditions (a remote status, a successful read) do not keep that promise.
        // Only when nothing in the function looks at it: a signal turned into a promise or flag
        // before the loop (`const aborted = waitForAbort(signal)`) may be what the exits test.
        const signal = signalInScope(fn);
        if (!signal || consultsCancellationIn(fn.body)) return;
        if (facts.calls.some((call) => neverReturns(checker, services.esTreeNodeToTSNodeMap.get(call)))) return;
        reported.add(loop);
        context.report({
          loc: sourceCode.getFirstToken(loop)?.loc ?? loop.loc,
          messageId: 'signalNeverChecked',
          data: {
            loop: loopKeyword(loop),
            fn: describeFunction(fn),
            signal,
            why: `leaves only on its own conditions and never looks at \`${signal}\``,
          },
        });
        return;
      }
      if (facts.calls.some((call) => neverReturns(checker, services.esTreeNodeToTSNodeMap.get(call)))) return;
      if (consultsCancellation(loop) && !skipped()) return;

      reported.add(loop);
      const keyword = loopKeyword(loop);
      const name = describeFunction(fn);
      const loc = sourceCode.getFirstToken(loop)?.loc ?? loop.loc;
      const around = skipped();
      const signal = signalInScope(fn);
      if (signal) {
        const why = around
          ? `can go round through the \`continue\` on line ${String(around.loc.start.line)} without looking at \`${signal}\` or reaching a \`break\`, \`return\` or \`throw\``
          : `never looks at \`${signal}\`, and has no reachable \`break\`, \`return\` or \`throw\``;
        context.report({ loc, messageId: 'signalNeverChecked', data: { loop: keyword, fn: name, signal, why } });
        return;
      }
      const why = around
        ? `can go round through the \`continue\` on line ${String(around.loc.start.line)} without reaching a \`break\`, \`return\` or \`throw\` or checking an \`AbortSignal\` or stop flag`
        : 'has no reachable `break`, `return` or `throw` and checks no `AbortSignal` or stop flag';
      const teardown = teardownOf(fn);
      if (teardown) {
        context.report({ loc, messageId: 'loopOutlivesTeardown', data: { loop: keyword, fn: name, teardown, why } });
        return;
      }
      context.report({ loc, messageId: 'loopNeverStops', data: { loop: keyword, fn: name, why } });
    }

    /**
     * Does every path from the start of a pass to `jump` pass a stop point: a statement before
     * it (in each block around it, up to the loop's body) that yields, consults a cancellation
     * state, or is an `if` that can leave the loop (`if (this.stopped) break`)? A `continue`
     * inside a `catch` counts only what the `catch` itself runs before it.
     */
    function stopsBefore(jump: TSESTree.ContinueStatement, loop: EndlessLoop): boolean {
      let child: TSESTree.Node = jump;
      for (let p: TSESTree.Node | undefined = jump.parent; p && child !== loop.body; child = p, p = p.parent) {
        if (
          p.type === AST_NODE_TYPES.IfStatement &&
          p.test !== child &&
          (consultsCancellationIn(p.test) || testsFlagThePassResets(p.test, loop))
        ) {
          return true;
        }
        // `if (done) break; else continue;`, `case null: break loop; default: continue loop;`: the
        // test that chose this branch is the one that leaves the loop on another.
        if (p.type === AST_NODE_TYPES.IfStatement && p.test !== child) {
          const other = p.consequent === child ? p.alternate : p.consequent;
          if (other && isStopPoint(other, loop)) return true;
        }
        if (
          p.type === AST_NODE_TYPES.SwitchStatement &&
          p.cases.some((other) => other !== child && other.consequent.some((s) => isStopPoint(s, loop)))
        ) {
          return true;
        }
        const list =
          p.type === AST_NODE_TYPES.BlockStatement || p.type === AST_NODE_TYPES.Program
            ? p.body
            : p.type === AST_NODE_TYPES.SwitchCase
              ? p.consequent
              : null;
        if (!list) continue;
        for (const statement of list) {
          if (statement === child) break;
          if (isStopPoint(statement, loop)) return true;
        }
      }
      return false;
    }

    /**
     * `this.retry = false; … if (this.retry) continue;`: the pass sets the flag to a constant
     * itself, so only other code setting it again can send the loop round this way.
     */
    function testsFlagThePassResets(test: TSESTree.Expression, loop: EndlessLoop): boolean {
      let flag: TSESTree.Node = test;
      while (flag.type === AST_NODE_TYPES.UnaryExpression && flag.operator === '!') flag = flag.argument;
      if (flag.type !== AST_NODE_TYPES.Identifier && flag.type !== AST_NODE_TYPES.MemberExpression) return false;
      const text = sourceCode.getText(flag);
      const resets: TSESTree.Node[] = [];
      walk(
        loop.body,
        (node) => {
          if (
            node.type === AST_NODE_TYPES.AssignmentExpression &&
            node.operator === '=' &&
            node.right.type === AST_NODE_TYPES.Literal &&
            node.range[1] <= test.range[0] &&
            sourceCode.getText(node.left) === text
          ) {
            resets.push(node);
          }
        },
        { intoFunctions: false },
      );
      return resets.length > 0;
    }

    function isStopPoint(statement: TSESTree.Node, loop: EndlessLoop): boolean {
      const stops: TSESTree.Node[] = [];
      walk(
        statement,
        (node) => {
          if (node.type === AST_NODE_TYPES.YieldExpression) stops.push(node);
          else if (
            (node.type === AST_NODE_TYPES.BreakStatement ||
              node.type === AST_NODE_TYPES.ReturnStatement ||
              node.type === AST_NODE_TYPES.ThrowStatement) &&
            leavesLoop(node, loop) &&
            isReachable(node)
          ) {
            stops.push(node);
          }
        },
        { intoFunctions: false },
      );
      return stops.length > 0 || consultsCancellationIn(statement);
    }

    /** Reachable per code path analysis (a jump after an unconditional `continue` is not). */
    function isReachable(node: TSESTree.Node): boolean {
      const position = tracker.positions.get(node);
      return position === undefined || position.segments.some((segment) => segment.reachable);
    }

    /**
     * Does anything in the loop (nested callbacks included) consult a
     * cancellation state: read `.aborted`, call `.throwIfAborted()`, read a
     * cancellation token, or use an `AbortSignal` (pass it to what it awaits)?
     */
    function consultsCancellation(loop: EndlessLoop): boolean {
      return consultsCancellationIn(loop.body);
    }

    /** A read of a cancellation state (`.aborted`, `throwIfAborted()`) or a use of an `AbortSignal` in `root`. */
    function consultsCancellationIn(root: TSESTree.Node): boolean {
      const state = { found: false };
      const typed: TSESTree.Node[] = [];
      walk(root, (node, parent) => {
        if (state.found) return;
        if (node.type === AST_NODE_TYPES.MemberExpression) {
          const property = node.property;
          if (!node.computed && property.type === AST_NODE_TYPES.Identifier && CANCELLATION_READS.has(property.name)) {
            state.found = true;
            return;
          }
          typed.push(node);
          return;
        }
        if (node.type === AST_NODE_TYPES.Identifier && isValueReference(node, parent)) typed.push(node);
        // `read({ ...options, bytes: 1 })`: an object literal passed on, whose type may carry the signal.
        if (node.type === AST_NODE_TYPES.ObjectExpression) typed.push(node);
      });
      if (state.found) return true;
      // An `AbortSignal`, or an options object that carries one passed to a call (`readString(lp, options)`,
      // `read({ ...options, bytes: 1 })`).
      return typed.some((node) => {
        const type = services.getTypeAtLocation(node);
        if (isAbortSignalType(checker, type)) return true;
        const call = node.parent;
        const passed =
          (call?.type === AST_NODE_TYPES.CallExpression || call?.type === AST_NODE_TYPES.NewExpression) &&
          call.arguments.includes(node as TSESTree.Expression);
        if (!passed) return false;
        const property = checker.getNonNullableType(type).getProperty('signal');
        return (
          property !== undefined &&
          isAbortSignalType(
            checker,
            checker.getNonNullableType(
              checker.getTypeOfSymbolAtLocation(property, services.esTreeNodeToTSNodeMap.get(node)),
            ),
          )
        );
      });
    }

    /** An `AbortSignal` the function is given but the loop never looks at: a parameter or an options property. */
    function signalInScope(fn: FunctionNode): string | null {
      for (let f: FunctionNode | null = fn; f; f = enclosingFunction(f)) {
        for (const param of f.params) {
          const found = signalOfParameter(param);
          if (found) return found;
        }
      }
      return null;
    }

    function signalOfParameter(param: TSESTree.Parameter): string | null {
      const inner =
        param.type === AST_NODE_TYPES.AssignmentPattern
          ? param.left
          : param.type === AST_NODE_TYPES.TSParameterProperty
            ? param.parameter
            : param;
      if (inner.type === AST_NODE_TYPES.Identifier) {
        const type = services.getTypeAtLocation(inner);
        if (isAbortSignalType(checker, type)) return inner.name;
        const property = checker.getNonNullableType(type).getProperty('signal');
        if (property) {
          const tsNode = services.esTreeNodeToTSNodeMap.get(inner);
          if (isAbortSignalType(checker, checker.getTypeOfSymbolAtLocation(property, tsNode)))
            return `${inner.name}.signal`;
        }
        return null;
      }
      if (inner.type === AST_NODE_TYPES.ObjectPattern) {
        for (const property of inner.properties) {
          if (property.type !== AST_NODE_TYPES.Property) continue;
          const value = property.value.type === AST_NODE_TYPES.AssignmentPattern ? property.value.left : property.value;
          if (
            value.type === AST_NODE_TYPES.Identifier &&
            isAbortSignalType(checker, services.getTypeAtLocation(value))
          ) {
            return value.name;
          }
        }
      }
      return null;
    }

    /** The teardown method of the class the loop runs for (`close`, `stop`, `dispose`…), if it has one. */
    function teardownOf(fn: FunctionNode): string | null {
      const classNode = enclosingClass(fn);
      if (!classNode) return null;
      return methodNames(classNode, sourceCode).find((name) => TEARDOWN_METHOD.test(name)) ?? null;
    }
  },
});

function enclosingClass(node: TSESTree.Node): ClassNode | null {
  for (let p = node.parent; p; p = p.parent) if (isClassNode(p)) return p;
  return null;
}

function describeFunction(fn: FunctionNode): string {
  const name = functionName(fn);
  return name ? `\`${name}()\`` : 'this async function';
}

/** An identifier that denotes a value here: not a property key, a member name or a label. */
function isValueReference(node: TSESTree.Identifier, parent: TSESTree.Node | undefined): boolean {
  if (!parent) return false;
  switch (parent.type) {
    case AST_NODE_TYPES.MemberExpression:
      return parent.object === node || parent.computed;
    case AST_NODE_TYPES.Property:
      return parent.value === node && !(parent.shorthand && parent.parent.type === AST_NODE_TYPES.ObjectPattern);
    case AST_NODE_TYPES.LabeledStatement:
    case AST_NODE_TYPES.BreakStatement:
    case AST_NODE_TYPES.ContinueStatement:
    case AST_NODE_TYPES.MethodDefinition:
    case AST_NODE_TYPES.PropertyDefinition:
      return false;
    default:
      return true;
  }
}
