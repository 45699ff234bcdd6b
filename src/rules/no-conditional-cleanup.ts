import { typeOrValueSpecifiersSchema } from '@typescript-eslint/type-utils';
import { ASTUtils, AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { contains, enclosingFunction, isFunctionNode, skipWrappers, type FunctionNode } from '../analysis/ast.js';
import { assertsOnResource, recordAcquireGuards } from '../analysis/guards.js';
import { releaseOwedHere, targetOutlivesListeners } from '../analysis/handoffs.js';
import {
  isDropAssignment,
  isSettlingCall,
  PairIndex,
  placementsOf,
  promiseOfExecutor,
  settlingListeners,
  type Placement,
} from '../analysis/pairing.js';
import { type Position } from '../analysis/paths.js';
import { neverRejects } from '../analysis/rejections.js';
import {
  acquireAt,
  helperSiteAt,
  releaseAt,
  textOf,
  type CustomPair,
  type ResourceKind,
  type ResourceSite,
} from '../analysis/resources.js';
import { promiseExecutor } from '../analysis/settlers.js';
import { callCannotThrow } from '../analysis/throws.js';
import {
  inCatchAfter,
  inCatchAround,
  inFinallyAfterRelease,
  isProtected,
  releasedByFinally,
} from '../analysis/try-blocks.js';
import { DISPOSE_METHODS } from '../analysis/vocabulary.js';
import { buildFinallyFix } from '../fixes/finally.js';
import { createRule } from '../util/create-rule.js';
import { typedServices } from '../util/services.js';
import { brief } from '../util/text.js';

export type Options = [
  {
    assumeCallsThrow?: boolean;
    autofix?: boolean;
    pairs?: CustomPair[];
  },
];

export type MessageIds = 'cleanupSkippedOnSomePaths' | 'cleanupSkippedOnThrow' | 'moveToFinallySuggestion';

const RESOURCE: Record<ResourceKind, { noun: string; stays: string }> = {
  entry: { noun: 'the entry added by', stays: 'stays' },
  listener: { noun: 'the listener added by', stays: 'stays attached' },
  timer: { noun: 'the timer started by', stays: 'stays armed' },
  lock: { noun: 'the lock taken by', stays: 'stays held' },
  count: { noun: 'the count raised by', stays: 'stays raised' },
  custom: { noun: 'the resource opened by', stays: 'stays open' },
  disposable: { noun: 'the handle opened by', stays: 'stays open' },
};

/** Files with none of these have nothing to pair: the rule asks nothing of them. */
const GATE = new RegExp(
  [
    String.raw`\.(set|add|acquire|lock|connect|getConnection|on|addListener|prependListener|addEventListener)\(`,
    // A release of a disposable handle; the handle's type decides whether it is one.
    String.raw`\.(${[...DISPOSE_METHODS].join('|')})\(`,
    'setTimeout|setInterval',
    String.raw`\+\+|\+=`,
  ].join('|'),
);

export default createRule<Options, MessageIds>({
  name: 'no-conditional-cleanup',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require cleanup that pairs with an acquire to run on every path, in a finally block',
      recommended: 'recommended',
      requiresTypeChecking: true,
    },
    fixable: 'code',
    hasSuggestions: true,
    defaultOptions: [{ assumeCallsThrow: false, autofix: true, pairs: [] }],
    messages: {
      cleanupSkippedOnSomePaths:
        '`{{release}}` {{condition}}; {{resource}} `{{acquire}}` on line {{line}} {{stays}} on every other path. Release it in a `finally` block.',
      cleanupSkippedOnThrow:
        '`{{release}}` is skipped when {{thrower}} on line {{throwLine}} throws; {{resource}} `{{acquire}}` on line {{line}} {{stays}}. Release it in a `finally` block.',
      moveToFinallySuggestion: 'Move `{{release}}` into a `finally` block that covers everything after `{{acquire}}`.',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          assumeCallsThrow: {
            type: 'boolean',
            description:
              'Count synchronous calls between the acquire and the release as able to throw (awaits always count).',
          },
          autofix: {
            type: 'boolean',
            description:
              'Apply the finally fix with `--fix` where only a throw skips the release; when false it is offered as a suggestion.',
          },
          pairs: {
            type: 'array',
            description: 'Project-specific acquire/release method pairs, matched on the same receiver.',
            items: {
              type: 'object',
              additionalProperties: false,
              required: ['acquire', 'release'],
              properties: {
                acquire: { type: 'string', description: 'Method that acquires, e.g. `open`.' },
                release: { type: 'string', description: 'Method on the same receiver that releases, e.g. `close`.' },
                type: {
                  ...typeOrValueSpecifiersSchema,
                  description:
                    'Only receivers of these types (typescript-eslint TypeOrValueSpecifier form); any receiver when absent.',
                },
              },
            },
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
    const pairs = options.pairs ?? [];
    const customGate = pairs.some((pair) => sourceCode.text.includes(`.${pair.acquire}(`));
    if (!GATE.test(sourceCode.text) && !customGate) return {};
    const assumeCallsThrow = options.assumeCallsThrow === true;
    const autofix = options.autofix !== false;

    const index = new PairIndex(sourceCode, services, pairs);
    const { tracker } = index;

    function visitSite(node: TSESTree.Node): void {
      const acquire = acquireAt(node, sourceCode, pairs) ?? helperSiteAt(node, sourceCode, 'acquire');
      const release = releaseAt(node, sourceCode, pairs) ?? helperSiteAt(node, sourceCode, 'release');
      // Only the places a question can name need a position: acquires, releases, the calls that
      // settle a release (`.finally()`, `.then()`) and, with `assumeCallsThrow`, every call.
      const position = acquire || release || assumeCallsThrow || isSettlingCall(node) ? tracker.mark(node) : null;
      if (acquire) index.acquires.push(acquire);
      if (release) index.addRelease(release);
      // Any call may throw; the pair's own acquire and release are filtered out when it is checked.
      if (assumeCallsThrow && position && node.type === AST_NODE_TYPES.CallExpression) {
        index.addThrower(position);
      }
    }

    const listeners: TSESLint.RuleListener = {
      CallExpression: visitSite,
      UpdateExpression: visitSite,
      'AssignmentExpression[operator=/^[+-]=$/]': visitSite,
      // A promise executor runs in place: its acquires are placed where the promise is made.
      'NewExpression:exit'(node: TSESTree.NewExpression) {
        if (promiseExecutor(node)) tracker.mark(node);
      },
      'AssignmentExpression[operator="="]'(node: TSESTree.AssignmentExpression) {
        if (isDropAssignment(node)) {
          index.dropAssignments.add(node);
          tracker.mark(node);
        }
      },
      AwaitExpression(node) {
        const position = tracker.mark(node);
        if (position) index.addThrower(position);
      },
      IfStatement(node) {
        tracker.mark(node);
      },
      CatchClause: () => {
        tracker.markCatch();
      },
      ReturnStatement: (node) => {
        tracker.markJump(node);
      },
      BreakStatement: (node) => {
        tracker.markJump(node);
      },
      ContinueStatement: (node) => {
        tracker.markJump(node);
      },
      ThrowStatement: (node) => {
        tracker.markJump(node);
      },
      'Program:exit'() {
        for (const acquire of index.acquires) check(acquire);
      },
    };
    return { ...listeners, ...(tracker.listeners as unknown as TSESLint.RuleListener) };

    function check(acquire: ResourceSite): void {
      // Most candidates (every `const x = call()` may hold a disposable) have no release at all.
      const releases = index.releasesByKey.get(acquire.pairKey);
      if (!releases) return;
      // An acquire in a promise executor runs in place, when `new Promise(…)` runs: its function
      // is the one around that, and anything awaiting the promise settles after it.
      // (Unless the executor releases it itself: then its own paths decide.)
      const own = enclosingFunction(acquire.node);
      const made = promiseOfExecutor(index, own);
      // A timer made there is the promise's own deadline: whether it is cleared depends on what else
      // settles the promise, which no-abandoned-race asks of the race it is in.
      const executed =
        made && own && acquire.kind !== 'timer' && !releases.some((r) => contains(own, r.node)) ? made : null;
      const start = tracker.positions.get(executed ?? acquire.node);
      if (!start) return;
      const fn = enclosingFunction(executed ?? acquire.node);
      recordAcquireGuards(index.guards, acquire, fn, sourceCode);
      const placements = placementsOf(index, acquire, releases, fn);
      // Released in some of the listeners that settle the promise: the others are paths without it.
      if (placements.length > 0 && placements.every((p) => p.kind === 'event') && fn) {
        const releasing = new Set(placements.map((p) => p.handler));
        // A settling event of the handle itself (a stream's 'finish') is the resource ending on its own.
        const handle = acquire.kind === 'disposable' ? acquire.receiver : null;
        const skipping = settlingListeners(index, fn).filter(
          (listener) =>
            !releasing.has(listener.handler) &&
            !(handle && textOf(listener.target, sourceCode) === textOf(handle, sourceCode)),
        );
        const [first] = placements;
        if (skipping.length > 0 && first && targetOutlivesListeners(index, acquire, fn)) {
          const events = [...new Set(placements.map((p) => sourceCode.getText(p.event)))].join(' or ');
          const others = [...new Set(skipping.map((l) => sourceCode.getText(l.event)))].join(', ');
          const condition = `runs only when ${events} is emitted (the ${others} listener settles the promise without it)`;
          reportSomePaths(acquire, first.site, condition, []);
        }
        return;
      }
      if (
        placements.length === 0 ||
        placements.some((p) => p.kind !== 'direct' && p.kind !== 'settled' && p.kind !== 'outcome')
      )
        return;
      if (!releaseOwedHere(index, acquire, fn)) return;

      const first = placements.map((p) => p.site).sort((a, b) => a.node.range[0] - b.node.range[0])[0];
      if (!first) return;
      const covering = placements.flatMap((p) => {
        if (p.kind === 'direct' || p.kind === 'settled') {
          const position = tracker.positions.get(p.at);
          return position ? [position] : [];
        }
        return [];
      });
      const outcomes = placements.filter((p): p is Extract<Placement, { kind: 'outcome' }> => p.kind === 'outcome');
      const outcome = outcomes[0];
      // `.then(a).catch(b)` releasing in both covers every settlement of the chain.
      if (outcomes.some((p) => p.outcome === 'fulfils') && outcomes.some((p) => p.outcome === 'rejects')) return;

      if (covering.length === 0) {
        if (outcome && !(outcome.outcome === 'rejects' && releasedElsewhere(acquire, placements))) {
          reportSomePaths(acquire, first, `runs only when the promise ${outcome.outcome}`, []);
        }
        return;
      }
      // A release that no path from the acquire reaches is an alternative, not a pair
      // (`set(k, rest); return;` in one branch, `delete(k)` in another).
      if (!tracker.reachesAny(start, covering)) return;
      const releaseNodes = placements.map((p) => p.site.node);
      const coveredJumps = new Set(
        tracker
          .jumpsIn(start.codePath)
          .filter(
            (jump) =>
              (jump.node.type === AST_NODE_TYPES.BreakStatement ||
                jump.node.type === AST_NODE_TYPES.ContinueStatement) &&
              releasedByFinally(jump.node, fn, releaseNodes),
          )
          .map((jump) => jump.node),
      );
      // `handle = null` before the release runs: the release then finds nothing to close.
      const dropped = acquire.kind === 'disposable' ? droppedBefore(acquire, start, covering, coveredJumps) : null;
      if (dropped) {
        const condition = `finds nothing once \`${sourceCode.getText(dropped)}\` on line ${String(dropped.loc.start.line)} lets go of the handle unreleased (release it before letting go)`;
        reportSomePaths(acquire, first, condition, []);
        return;
      }
      const leak = tracker.findLeak(start, covering, coveredJumps);
      if (leak?.end === 'normal') {
        const direct = placements.flatMap((p) => (p.kind === 'direct' ? [p.site.node] : []));
        // Released only in the `catch` of a `try` around the acquire: an undo of a failed
        // attempt, as with a rejection-only release, when other code releases on success.
        if (
          direct.length === placements.length &&
          direct.every((release) => inCatchAfter(release, acquire.node)) &&
          releasedElsewhere(acquire, placements)
        ) {
          return;
        }
        reportSomePaths(acquire, first, describeCondition(first.node, acquire.node, fn, leak.jump), direct);
        return;
      }
      const throwers = [
        ...(executed ? awaitsAround(executed, fn) : []),
        ...tracker
          .between(start, covering, index.throwersByPath.get(start.codePath) ?? [], coveredJumps)
          .filter((candidate) => !contains(candidate.node, acquire.node) && !contains(acquire.node, candidate.node)),
      ].filter(
        (candidate) =>
          !releaseNodes.some((r) => contains(candidate.node, r)) &&
          !inFinallyAfterRelease(candidate.node, acquire.node, releaseNodes) &&
          !neverRejects(candidate.node, sourceCode) &&
          !callCannotThrow(candidate.node, services),
      );
      // `count++; if (count > max) throw …`: an assertion on the resource itself; when it
      // fires the count is already wrong, and releasing would not make it right.
      if (leak?.end === 'throw' && leak.jump !== null && assertsOnResource(leak.jump, acquire, sourceCode)) return;
      if (leak?.end === 'throw') {
        // A rethrow in a `catch` around the acquire is reached only if something after
        // the acquire throws, outside a `finally` that releases first.
        const rethrow = leak.jump !== null && inCatchAround(leak.jump, acquire.node);
        if (!rethrow || throwers.some((t) => !releasedByFinally(t.node, fn, releaseNodes))) {
          reportOnThrow(acquire, first, leak.jump ?? first.node, placements, executed === null);
        }
        return;
      }
      const thrower = throwers.find((candidate) => !isProtected(candidate.node, fn, releaseNodes));
      if (thrower) reportOnThrow(acquire, first, thrower.node, placements, executed === null);
    }

    /**
     * An assignment of `null` or `undefined` to the handle's variable that some path from the
     * acquire reaches before any release: the handle is dropped, not released.
     */
    function droppedBefore(
      acquire: ResourceSite,
      start: Position,
      covering: readonly Position[],
      coveredJumps: ReadonlySet<TSESTree.Node>,
    ): TSESTree.AssignmentExpression | null {
      const handle = acquire.receiver;
      if (handle?.type !== AST_NODE_TYPES.Identifier) return null;
      const variable = ASTUtils.findVariable(sourceCode.getScope(handle), handle.name);
      if (!variable) return null;
      const positions = variable.references.flatMap((ref) => {
        const assignment = ref.identifier.parent;
        if (assignment.type !== AST_NODE_TYPES.AssignmentExpression || assignment.left !== ref.identifier) return [];
        const position = tracker.positions.get(assignment);
        return position && index.dropAssignments.has(assignment) ? [position] : [];
      });
      if (positions.length === 0) return null;
      const found = tracker.between(start, covering, positions, coveredJumps)[0];
      return found ? (found.node as TSESTree.AssignmentExpression) : null;
    }

    /** The `await`s around `node` in `fn`: each settles after `node` ran, and may throw then. */
    function awaitsAround(node: TSESTree.Node, fn: FunctionNode | null): Position[] {
      const found: Position[] = [];
      for (let p = node.parent; p && p !== fn; p = p.parent) {
        if (isFunctionNode(p)) break;
        const position = p.type === AST_NODE_TYPES.AwaitExpression ? tracker.positions.get(p) : undefined;
        if (position) found.push(position);
      }
      return found;
    }

    /**
     * A release only when the promise rejects (or only in a `catch`) is an undo of a failed attempt; on
     * success the resource is meant to stay, and is released by other code: a
     * release of the same kind on the same owner elsewhere in the file (a
     * response handler deleting by the reply's id, a listener removing itself).
     */
    function releasedElsewhere(acquire: ResourceSite, placements: readonly Placement[]): boolean {
      const cut = acquire.pairKey.lastIndexOf(':');
      if (cut <= 0 || (acquire.kind !== 'entry' && acquire.kind !== 'listener')) return false;
      const prefix = acquire.pairKey.slice(0, cut + 1);
      const placed = new Set(placements.map((p) => p.site.node));
      for (const [key, list] of index.releasesByKey) {
        if (!key.startsWith(prefix)) continue;
        if (list.some((release) => !placed.has(release.node))) return true;
      }
      return false;
    }

    // ---- messages ----------------------------------------------------------

    function describeCondition(
      release: TSESTree.Node,
      acquire: TSESTree.Node,
      fn: FunctionNode | null,
      jump: TSESTree.Node | null,
    ): string {
      let child: TSESTree.Node = release;
      for (let p = release.parent; p && p !== fn && !contains(p, acquire); child = p, p = p.parent) {
        switch (p.type) {
          case AST_NODE_TYPES.IfStatement:
          case AST_NODE_TYPES.ConditionalExpression:
            if (p.test === child) break;
            return p.consequent === child
              ? `runs only when \`${brief(sourceCode, p.test)}\``
              : `runs only when \`${brief(sourceCode, p.test)}\` is false`;
          case AST_NODE_TYPES.LogicalExpression:
            if (p.right === child)
              return `runs only when \`${brief(sourceCode, p.left)}\` is ${p.operator === '&&' ? 'truthy' : 'falsy'}`;
            break;
          case AST_NODE_TYPES.SwitchCase:
            return p.test ? `runs only in \`case ${brief(sourceCode, p.test)}:\`` : 'runs only in `default:`';
          case AST_NODE_TYPES.CatchClause:
            return 'runs only when the `try` block throws';
          case AST_NODE_TYPES.TryStatement:
            if (p.block === child && p.handler)
              return 'is skipped when the `try` block throws and the `catch` block carries on';
            break;
          default:
            if (isFunctionNode(p)) return 'runs only in a callback';
        }
      }
      if (jump) return `is skipped by the \`${keyword(jump)}\` on line ${String(jump.loc.start.line)}`;
      return 'does not run on every path';
    }

    function keyword(jump: TSESTree.Node): string {
      switch (jump.type) {
        case AST_NODE_TYPES.BreakStatement:
          return 'break';
        case AST_NODE_TYPES.ContinueStatement:
          return 'continue';
        case AST_NODE_TYPES.ThrowStatement:
          return 'throw';
        default:
          return 'return';
      }
    }

    /** `this.inflight.set(id, …)`, `clearTimeout(timer)`, `this.active++`. */
    function describe(node: TSESTree.Node): string {
      if (node.type !== AST_NODE_TYPES.CallExpression) return brief(sourceCode, node);
      const [first, ...rest] = node.arguments;
      const args = first ? `${brief(sourceCode, first)}${rest.length > 0 ? ', …' : ''}` : '';
      return `${brief(sourceCode, node.callee)}(${args})`;
    }

    function describeThrower(node: TSESTree.Node): string {
      if (node.type === AST_NODE_TYPES.ThrowStatement) return 'the `throw`';
      if (node.type === AST_NODE_TYPES.AwaitExpression) return `\`await ${describe(skipWrappers(node.argument))}\``;
      return `\`${describe(node)}\``;
    }

    function messageData(acquire: ResourceSite, release: ResourceSite): Record<string, string> {
      return {
        release: describe(release.node),
        acquire: describe(acquire.node),
        resource: RESOURCE[acquire.kind].noun,
        stays: RESOURCE[acquire.kind].stays,
        line: String(acquire.node.loc.start.line),
      };
    }

    function reportSomePaths(
      acquire: ResourceSite,
      release: ResourceSite,
      condition: string,
      direct: readonly TSESTree.Node[],
    ): void {
      const data = { ...messageData(acquire, release), condition };
      const fix = direct.length > 0 ? buildFinallyFix(context, services, acquire.node, direct, 'moveBranch') : null;
      context.report({
        node: release.node,
        messageId: 'cleanupSkippedOnSomePaths',
        data,
        suggest: fix ? [{ messageId: 'moveToFinallySuggestion', data, fix }] : [],
      });
    }

    function reportOnThrow(
      acquire: ResourceSite,
      release: ResourceSite,
      thrower: TSESTree.Node,
      placements: readonly Placement[],
      fixable: boolean,
    ): void {
      const data = {
        ...messageData(acquire, release),
        thrower: describeThrower(thrower),
        throwLine: String(thrower.loc.start.line),
      };
      // An acquire inside a promise executor has no statement of its own function to start a `try` after.
      const single = fixable && placements.length === 1 && placements[0]?.kind === 'direct';
      const fix = single ? buildFinallyFix(context, services, acquire.node, [release.node], 'throwOnly') : null;
      context.report({
        node: release.node,
        messageId: 'cleanupSkippedOnThrow',
        data,
        fix: autofix ? fix : null,
        suggest: !autofix && fix ? [{ messageId: 'moveToFinallySuggestion', data, fix }] : [],
      });
    }
  },
});
