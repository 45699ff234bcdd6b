import { typeOrValueSpecifiersSchema } from '@typescript-eslint/type-utils';
import { ASTUtils, AST_NODE_TYPES, TSESLint, type TSESTree } from '@typescript-eslint/utils';
import {
  contains,
  enclosingFunction,
  isFunctionNode,
  keyName,
  memberName,
  skipWrappers,
  startingWithin,
  walk,
  type FunctionNode,
} from '../analysis/ast.js';
import { diesWithCall, holdsOnlyNewValues, isFreshValue, type Scopes } from '../analysis/lifetime.js';
import { resolveOwner, type Owner } from '../analysis/owners.js';
import {
  assertsOnResource,
  guardedRelease,
  inOtherBranch,
  recordAcquireGuards,
  type AcquireGuards,
} from '../analysis/guards.js';
import { PathTracker, type Position } from '../analysis/paths.js';
import {
  ADD_LISTENER,
  ADD_ONCE_LISTENER,
  acquireAt,
  helperSiteAt,
  releaseAt,
  releaseKeys,
  textOf,
  type CustomPair,
  type ResourceKind,
  type ResourceSite,
} from '../analysis/resources.js';
import { collectionKindOf, isBuiltinFactoryCall, isDisposableType, matchesSpecifiers } from '../analysis/types.js';
import { buildFinallyFix } from '../fixes/finally.js';
import { createRule } from '../util/create-rule.js';
import { brief } from '../util/text.js';
import { typedServices } from '../util/services.js';
import { promiseExecutor } from '../analysis/settlers.js';
import { neverRejects } from '../analysis/rejections.js';
import { callDoesNothing } from '../analysis/summaries.js';
import { callCannotThrow } from '../analysis/throws.js';
import {
  inCatchAfter,
  inCatchAround,
  inFinallyAfterRelease,
  isProtected,
  releasedByFinally,
} from '../analysis/try-blocks.js';
import { DISPOSE_METHODS } from '../analysis/vocabulary.js';

export type Options = [
  {
    assumeCallsThrow?: boolean;
    autofix?: boolean;
    pairs?: CustomPair[];
  },
];

export type MessageIds = 'cleanupSkippedOnSomePaths' | 'cleanupSkippedOnThrow' | 'moveToFinallySuggestion';

/** Where a matching release sits relative to the acquire's function. */
type Placement =
  /** In the same function: the path analysis decides. */
  | { kind: 'direct'; site: ResourceSite; at: TSESTree.Node }
  /** In a promise callback that runs whatever the outcome: `.finally(cb)`, or `.then(a, b)` releasing in both. */
  | { kind: 'settled'; site: ResourceSite; at: TSESTree.CallExpression }
  /** In a promise callback that runs on one outcome only: `.then(a)`, `.catch(b)`. */
  | { kind: 'outcome'; site: ResourceSite; outcome: 'fulfils' | 'rejects' }
  /**
   * In a listener that a promise executor registers and that settles the promise (`req.on('response',
   * (res) => { clearTimeout(t); resolve(res) })`): it runs on that outcome only.
   */
  | { kind: 'event'; site: ResourceSite; handler: FunctionNode; event: TSESTree.Node }
  /** In some other function (a returned disposer, a listener, a timer): ownership is handed on. */
  | { kind: 'handedOn'; site: ResourceSite };

const RESOURCE: Record<ResourceKind, { noun: string; stays: string }> = {
  entry: { noun: 'the entry added by', stays: 'stays' },
  listener: { noun: 'the listener added by', stays: 'stays attached' },
  timer: { noun: 'the timer started by', stays: 'stays armed' },
  lock: { noun: 'the lock taken by', stays: 'stays held' },
  count: { noun: 'the count raised by', stays: 'stays raised' },
  custom: { noun: 'the resource opened by', stays: 'stays open' },
  disposable: { noun: 'the handle opened by', stays: 'stays open' },
};

/** Calls that end a listener target's life here: its listeners go with it. */
const TEARDOWN_CALL = /^(close|destroy|end|terminate|dispose|abort|disconnect|kill|removeAllListeners)$/;

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

    const scopes: Scopes = {
      declared: (node) => sourceCode.getDeclaredVariables(node),
      scopeOf: (node) => sourceCode.getScope(node),
    };
    const tracker = new PathTracker();
    const acquires: ResourceSite[] = [];
    const releasesByKey = new Map<string, ResourceSite[]>();
    /** What can throw, by code path (function): an acquire's question looks only at its own. */
    const throwersByPath = new Map<Position['codePath'], Position[]>();
    const addThrower = (position: Position): void => {
      const list = throwersByPath.get(position.codePath);
      if (list) list.push(position);
      else throwersByPath.set(position.codePath, [position]);
    };
    const guards: AcquireGuards = { texts: new Map(), tests: new Map() };
    /** Computed once, at the first question, after the traversal has recorded everything. */
    let acquiresByKeyOnce: Map<string, ResourceSite[]> | null = null;
    const callsByFunction = new WeakMap<TSESTree.Node, (TSESTree.CallExpression | TSESTree.NewExpression)[]>();
    /** `handle = null`, `handle = undefined`: where a handle variable lets go of what it held. */
    const dropAssignments = new Set<TSESTree.AssignmentExpression>();
    const settlingByExecutor = new WeakMap<
      FunctionNode,
      { handler: FunctionNode; event: TSESTree.Node; target: TSESTree.Expression }[]
    >();
    const acquiresByKey = (): Map<string, ResourceSite[]> => {
      if (!acquiresByKeyOnce) {
        acquiresByKeyOnce = new Map();
        for (const acquire of acquires) {
          const list = acquiresByKeyOnce.get(acquire.pairKey);
          if (list) list.push(acquire);
          else acquiresByKeyOnce.set(acquire.pairKey, [acquire]);
        }
      }
      return acquiresByKeyOnce;
    };
    /** The calls and `new`s in a function (or the program), collected once per function. */
    const callsIn = (body: TSESTree.Node): (TSESTree.CallExpression | TSESTree.NewExpression)[] => {
      let calls = callsByFunction.get(body);
      if (!calls) {
        const found: (TSESTree.CallExpression | TSESTree.NewExpression)[] = [];
        walk(body, (node) => {
          if (node.type === AST_NODE_TYPES.CallExpression || node.type === AST_NODE_TYPES.NewExpression)
            found.push(node);
        });
        calls = found;
        callsByFunction.set(body, calls);
      }
      return calls;
    };

    function visitSite(node: TSESTree.Node): void {
      const acquire = acquireAt(node, sourceCode, pairs) ?? helperSiteAt(node, sourceCode, 'acquire');
      const release = releaseAt(node, sourceCode, pairs) ?? helperSiteAt(node, sourceCode, 'release');
      // Only the places a question can name need a position: acquires, releases, the calls that
      // settle a release (`.finally()`, `.then()`) and, with `assumeCallsThrow`, every call.
      const position = acquire || release || assumeCallsThrow || isSettlingCall(node) ? tracker.mark(node) : null;
      if (acquire) acquires.push(acquire);
      if (release) {
        for (const key of releaseKeys(release)) {
          const list = releasesByKey.get(key);
          if (list) list.push(release);
          else releasesByKey.set(key, [release]);
        }
      }
      // Any call may throw; the pair's own acquire and release are filtered out when it is checked.
      if (assumeCallsThrow && position && node.type === AST_NODE_TYPES.CallExpression) {
        addThrower(position);
      }
    }

    function isSettlingCall(node: TSESTree.Node): boolean {
      if (node.type !== AST_NODE_TYPES.CallExpression) return false;
      const callee = skipWrappers(node.callee);
      if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
      const method = memberName(callee);
      return method === 'finally' || method === 'then';
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
        const value = node.right;
        const empty =
          (value.type === AST_NODE_TYPES.Literal && value.value === null) ||
          (value.type === AST_NODE_TYPES.Identifier && value.name === 'undefined');
        if (empty && node.left.type === AST_NODE_TYPES.Identifier) {
          dropAssignments.add(node);
          tracker.mark(node);
        }
      },
      AwaitExpression(node) {
        const position = tracker.mark(node);
        if (position) addThrower(position);
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
        for (const acquire of acquires) check(acquire);
      },
    };
    return { ...listeners, ...(tracker.listeners as unknown as TSESLint.RuleListener) };

    function check(acquire: ResourceSite): void {
      // Most candidates (every `const x = call()` may hold a disposable) have no release at all.
      const releases = releasesByKey.get(acquire.pairKey);
      if (!releases) return;
      // An acquire in a promise executor runs in place, when `new Promise(…)` runs: its function
      // is the one around that, and anything awaiting the promise settles after it.
      // (Unless the executor releases it itself: then its own paths decide.)
      const own = enclosingFunction(acquire.node);
      const made = promiseOfExecutor(own);
      // A timer made there is the promise's own deadline: whether it is cleared depends on what else
      // settles the promise, which no-abandoned-race asks of the race it is in.
      const executed =
        made && own && acquire.kind !== 'timer' && !releases.some((r) => contains(own, r.node)) ? made : null;
      const start = tracker.positions.get(executed ?? acquire.node);
      if (!start) return;
      const fn = enclosingFunction(executed ?? acquire.node);
      recordAcquireGuards(guards, acquire, fn, sourceCode);
      const placements: Placement[] = [];
      // Releases after the acquire and inside its function: `place` finds no pair elsewhere.
      const after = startingWithin(releases, acquire.node.range[1], fn ? fn.range[1] : Infinity);
      for (const release of [...releasesInStoredChain(acquire, releases), ...after]) {
        if (isRearm(release) || !sameBindings(acquire, release) || inOtherBranch(acquire.node, release.node)) continue;
        // A release whose body sets a flag and returns holds nothing back when skipped.
        if (releasesNothing(release)) continue;
        const placement = place(release, fn);
        if (placement) placements.push(placement);
      }
      // Released in some of the listeners that settle the promise: the others are paths without it.
      if (placements.length > 0 && placements.every((p) => p.kind === 'event') && fn) {
        const releasing = new Set(placements.map((p) => p.handler));
        // A settling event of the handle itself (a stream's 'finish') is the resource ending on its own.
        const handle = acquire.kind === 'disposable' ? acquire.receiver : null;
        const skipping = settlingListeners(fn).filter(
          (listener) =>
            !releasing.has(listener.handler) &&
            !(handle && textOf(listener.target, sourceCode) === textOf(handle, sourceCode)),
        );
        const [first] = placements;
        if (skipping.length > 0 && first && targetOutlivesListeners(acquire, fn)) {
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
      if (handleHandedOn(acquire, fn)) return;
      if (acquire.kind === 'listener' && (targetManagedHere(acquire, fn) || targetMadeHere(acquire, fn))) return;
      if (acquire.kind === 'entry' && (!isCollection(acquire) || entryDiesWithCall(acquire))) return;
      if (acquire.kind === 'custom' && !hasPairType(acquire)) return;
      if (acquire.kind === 'disposable' && !isDisposableHandle(acquire)) return;

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
          .between(start, covering, throwersByPath.get(start.codePath) ?? [], coveredJumps)
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
     * `new Promise((resolve, reject) => { … })` whose executor is `fn`: the executor runs
     * when the promise is made, so what it acquires is acquired there.
     */
    function promiseOfExecutor(fn: FunctionNode | null): TSESTree.NewExpression | null {
      const parent = fn?.parent;
      if (parent?.type !== AST_NODE_TYPES.NewExpression || promiseExecutor(parent) !== fn) return null;
      return tracker.positions.has(parent) ? parent : null;
    }

    /**
     * The listeners a promise executor registers (`target.on(event, cb)`, `once`, `addEventListener`)
     * whose callback calls the executor's `resolve` or `reject`: the ways the promise can settle.
     */
    function settlingListeners(
      fn: FunctionNode,
    ): { handler: FunctionNode; event: TSESTree.Node; target: TSESTree.Expression }[] {
      const cached = settlingByExecutor.get(fn);
      if (cached) return cached;
      const found: { handler: FunctionNode; event: TSESTree.Node; target: TSESTree.Expression }[] = [];
      if (fn.parent.type === AST_NODE_TYPES.NewExpression && promiseExecutor(fn.parent) === fn) {
        // `resolve` and `reject`: the executor's parameters.
        const settlers = sourceCode
          .getDeclaredVariables(fn)
          .filter((variable) => variable.defs.some((def) => def.type === TSESLint.Scope.DefinitionType.Parameter));
        walk(
          fn.body,
          (node) => {
            if (node.type !== AST_NODE_TYPES.CallExpression || node.callee.type !== AST_NODE_TYPES.MemberExpression)
              return;
            const method = memberName(node.callee);
            if (!method || !(ADD_LISTENER.has(method) || ADD_ONCE_LISTENER.has(method))) return;
            const [event, handler] = node.arguments;
            if (!event || !handler || !isFunctionNode(handler)) return;
            const settles = settlers.some((variable) =>
              variable.references.some((ref) => {
                const call = ref.identifier.parent;
                return (
                  call.type === AST_NODE_TYPES.CallExpression &&
                  call.callee === ref.identifier &&
                  contains(handler, call)
                );
              }),
            );
            if (settles) found.push({ handler, event, target: node.callee.object });
          },
          { intoFunctions: false },
        );
      }
      settlingByExecutor.set(fn, found);
      return found;
    }

    /**
     * The resource outlives the executor's listeners: not a listener on the same target
     * as the settling ones (those go when the target does).
     */
    function targetOutlivesListeners(acquire: ResourceSite, fn: FunctionNode): boolean {
      return acquire.kind !== 'listener' || !targetMadeHere(acquire, fn);
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
        return position && dropAssignments.has(assignment) ? [position] : [];
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
     * The same text can name different variables: `for (const id of added) s.add(id)`
     * and `for (const id of removed) s.delete(id)` pair no entry. An entry's key,
     * when it is a plain name, must be one binding in the acquire and the release.
     */
    function sameBindings(acquire: ResourceSite, release: ResourceSite): boolean {
      if (
        acquire.kind !== 'entry' ||
        acquire.node.type !== AST_NODE_TYPES.CallExpression ||
        release.node.type !== AST_NODE_TYPES.CallExpression
      ) {
        return true;
      }
      const a = acquire.node.arguments[0];
      const r = release.node.arguments[0];
      if (a?.type !== AST_NODE_TYPES.Identifier || r?.type !== AST_NODE_TYPES.Identifier) return true;
      const av = ASTUtils.findVariable(sourceCode.getScope(a), a.name);
      const rv = ASTUtils.findVariable(sourceCode.getScope(r), r.name);
      return av === rv;
    }

    function releasesNothing(release: ResourceSite): boolean {
      if (release.node.type !== AST_NODE_TYPES.CallExpression) return false;
      return callDoesNothing(services.program, services.esTreeNodeToTSNodeMap.get(release.node));
    }

    /** `clearTimeout(t); t = setTimeout(…)`: re-arming the same handle, not releasing it. */
    function isRearm(release: ResourceSite): boolean {
      const statement = release.node.parent;
      if (statement?.type !== AST_NODE_TYPES.ExpressionStatement) return false;
      const holder = statement.parent;
      if (holder.type !== AST_NODE_TYPES.BlockStatement && holder.type !== AST_NODE_TYPES.Program) return false;
      const next = holder.body[holder.body.indexOf(statement) + 1];
      if (!next) return false;
      const keys = releaseKeys(release);
      return keys.some((key) =>
        startingWithin(acquiresByKey().get(key) ?? [], next.range[0], next.range[1]).some((acquire) =>
          contains(next, acquire.node),
        ),
      );
    }

    /**
     * A timer or lock handle stored where someone else will release it: pushed
     * into a queue, put in an object, passed to a call, assigned to a field.
     */
    function handleHandedOn(acquire: ResourceSite, fn: FunctionNode | null): boolean {
      if (acquire.kind !== 'timer' && acquire.kind !== 'lock' && acquire.kind !== 'disposable') return false;
      const name = /^(?:timer|handle|disposable):([\w$]+)$/.exec(acquire.pairKey)?.[1];
      if (!name) return false;
      const scope = sourceCode.getScope(acquire.node);
      const variable = ASTUtils.findVariable(scope, name);
      if (!variable) return false;
      return variable.references.some((ref) => {
        if (ref.init || (fn && !contains(fn, ref.identifier))) return false;
        const node = ref.identifier;
        const parent = node.parent;
        switch (parent.type) {
          case AST_NODE_TYPES.CallExpression:
            // A disposable passed to a call is used, not given away: `await write(handle, data)`.
            if (parent.callee === node || acquire.kind === 'disposable') return false;
            // `pool.release(handle)`: giving it back is the release itself.
            if (releasesByKey.get(acquire.pairKey)?.some((release) => release.node === parent)) return false;
            return !/^clear(Timeout|Interval)$/.test(sourceCode.getText(parent.callee));
          case AST_NODE_TYPES.NewExpression:
          case AST_NODE_TYPES.Property:
          case AST_NODE_TYPES.ArrayExpression:
          case AST_NODE_TYPES.ReturnStatement:
            return true;
          case AST_NODE_TYPES.AssignmentExpression:
            return parent.right === node;
          case AST_NODE_TYPES.VariableDeclarator:
            return parent.init === node;
          default:
            return false;
        }
      });
    }

    /**
     * A listener on a target this function closes, destroys or hands to someone
     * else: it lives and dies with the target, not with this call.
     */
    function targetManagedHere(acquire: ResourceSite, fn: FunctionNode | null): boolean {
      if (acquire.node.type !== AST_NODE_TYPES.CallExpression) return false;
      const callee = skipWrappers(acquire.node.callee);
      if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
      const target = textOf(callee.object, sourceCode);
      return callsIn(fn ?? sourceCode.ast).some((call) => {
        const c = skipWrappers(call.callee);
        if (c.type === AST_NODE_TYPES.MemberExpression && textOf(c.object, sourceCode) === target) {
          return TEARDOWN_CALL.test(memberName(c) ?? '');
        }
        // A recursive call (a retry) runs this code again: it takes no listener off our hands.
        if (fn && isCallOf(call, fn)) return false;
        return call.arguments.some((arg) => textOf(arg, sourceCode) === target);
      });
    }

    /** `f(…)` inside `function f` (the same binding), or `this.m(…)` inside method `m`. */
    function isCallOf(call: TSESTree.CallExpression | TSESTree.NewExpression, fn: FunctionNode): boolean {
      if (call.type !== AST_NODE_TYPES.CallExpression) return false;
      const callee = skipWrappers(call.callee);
      if (callee.type === AST_NODE_TYPES.Identifier) {
        const def = ASTUtils.findVariable(sourceCode.getScope(callee), callee.name)?.defs[0];
        return (
          def !== undefined &&
          (def.node === fn || (def.node.type === AST_NODE_TYPES.VariableDeclarator && def.node.init === fn))
        );
      }
      const method = fn.parent;
      return (
        callee.type === AST_NODE_TYPES.MemberExpression &&
        skipWrappers(callee.object).type === AST_NODE_TYPES.ThisExpression &&
        method.type === AST_NODE_TYPES.MethodDefinition &&
        !method.computed &&
        memberName(callee) === keyName(method.key, false)
      );
    }

    /**
     * `let signal = AbortSignal.timeout(ms); signal.addEventListener(…)`: every value
     * the target ever holds is made in this call, so each gets at most one listener
     * from here, and the listener goes when its target does.
     */
    function targetMadeHere(acquire: ResourceSite, fn: FunctionNode | null): boolean {
      if (!fn || acquire.node.type !== AST_NODE_TYPES.CallExpression) return false;
      const callee = skipWrappers(acquire.node.callee);
      if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
      const target = skipWrappers(callee.object);
      if (target.type !== AST_NODE_TYPES.Identifier) return false;
      const variable = ASTUtils.findVariable(sourceCode.getScope(target), target.name);
      return variable !== null && holdsOnlyNewValues(variable, fn, madeHere);
    }

    function madeHere(value: TSESTree.Expression | null): boolean {
      if (!value) return false;
      if (isFreshValue(value)) return true;
      const node = skipWrappers(value);
      return (
        node.type === AST_NODE_TYPES.CallExpression &&
        isBuiltinFactoryCall(services.program, services.esTreeNodeToTSNodeMap.get(node))
      );
    }

    /** Where a release sits: in the acquire's function, in a promise callback of it, or handed on. */
    function place(release: ResourceSite, fn: FunctionNode | null): Placement | null {
      const releaseFn = enclosingFunction(release.node);
      if (releaseFn === fn) return { kind: 'direct', site: release, at: guardedRelease(release, guards, sourceCode) };
      // The outermost function between the release and `fn`.
      let nested: FunctionNode | null = releaseFn;
      while (nested && enclosingFunction(nested) !== fn) nested = enclosingFunction(nested);
      if (!nested) return null;
      const call = nested.parent;
      if (call.type === AST_NODE_TYPES.CallExpression && call.callee.type === AST_NODE_TYPES.MemberExpression) {
        const method = memberName(call.callee);
        const index = call.arguments.findIndex((argument) => argument === nested);
        if (method === 'finally') return { kind: 'settled', site: release, at: call };
        if (method === 'then' && call.arguments.length >= 2) {
          const other = call.arguments[index === 0 ? 1 : 0];
          if (other && releasesInside(other, release)) return { kind: 'settled', site: release, at: call };
          return { kind: 'outcome', site: release, outcome: index === 0 ? 'fulfils' : 'rejects' };
        }
        if (method === 'then') return { kind: 'outcome', site: release, outcome: 'fulfils' };
        if (method === 'catch') return { kind: 'outcome', site: release, outcome: 'rejects' };
      }
      const outcome = fn ? settlingListeners(fn).find((listener) => listener.handler === nested) : undefined;
      if (outcome) return { kind: 'event', site: release, handler: outcome.handler, event: outcome.event };
      return { kind: 'handedOn', site: release };
    }

    /**
     * `const query = load(id).then((r) => { pending.delete(id); … }); pending.set(id, query)`:
     * the entry's value is a promise chain, made just before, whose reaction releases it. The
     * release comes first in the source, but runs when the stored promise settles.
     */
    function releasesInStoredChain(acquire: ResourceSite, releases: readonly ResourceSite[]): ResourceSite[] {
      if (acquire.kind !== 'entry' || acquire.node.type !== AST_NODE_TYPES.CallExpression) return [];
      const value = acquire.node.arguments[1];
      if (value?.type !== AST_NODE_TYPES.Identifier) return [];
      const def = ASTUtils.findVariable(sourceCode.getScope(value), value.name)?.defs[0];
      if (def?.type !== TSESLint.Scope.DefinitionType.Variable || def.parent.kind !== 'const') return [];
      const init = def.node.init;
      if (!init || init.range[1] > acquire.node.range[0]) return [];
      if (enclosingFunction(init) !== enclosingFunction(acquire.node)) return [];
      return startingWithin(releases, init.range[0], init.range[1]);
    }

    function releasesInside(node: TSESTree.Node, release: ResourceSite): boolean {
      const keys = releaseKeys(release);
      return keys.some((key) =>
        startingWithin(releasesByKey.get(key) ?? [], node.range[0], node.range[1]).some(
          (other) => other !== release && contains(node, other.node),
        ),
      );
    }

    /** A `pairs` entry with a `type` applies only to receivers of those types. */
    function hasPairType(acquire: ResourceSite): boolean {
      const name = /^custom:([^:]+):/.exec(acquire.pairKey)?.[1];
      const pair = pairs.find((p) => p.acquire === name);
      if (!pair?.type || pair.type.length === 0) return true;
      if (!acquire.receiver) return false;
      return matchesSpecifiers(services.program, services.getTypeAtLocation(acquire.receiver), pair.type);
    }

    function isDisposableHandle(acquire: ResourceSite): boolean {
      return (
        acquire.receiver !== null && isDisposableType(services.program, services.getTypeAtLocation(acquire.receiver))
      );
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
      for (const [key, list] of releasesByKey) {
        if (!key.startsWith(prefix)) continue;
        if (list.some((release) => !placed.has(release.node))) return true;
      }
      return false;
    }

    /** An entry in a collection made by this call and kept by nothing that outlives it. */
    function entryDiesWithCall(acquire: ResourceSite): boolean {
      if (!acquire.receiver) return false;
      const owner = resolveOwner(acquire.receiver, scopes.scopeOf);
      return owner !== null && (diesWithCall(owner, acquire.node, scopes) || madeInCall(owner, acquire.node));
    }

    /**
     * `const items = new Map(state.items); items.set(…); … return { items }`: a collection
     * this very call makes (every value it holds is new here), in a function that does not
     * suspend, is a value being built, even when it is returned or stored: a throw discards
     * it with the call, and what a normal path leaves in it is the result.
     */
    function madeInCall(owner: Owner, site: TSESTree.Node): boolean {
      if (owner.kind !== 'variable') return false;
      const { variable } = owner;
      const fn = enclosingFunction(site);
      // In an async function or a generator the collection is live state across suspensions
      // (a local semaphore of running tasks): others run while the entry is in it.
      if (!fn || fn.async || fn.generator) return false;
      return holdsOnlyNewValues(variable, fn, isFreshValue);
    }

    function isCollection(acquire: ResourceSite): boolean {
      if (!acquire.receiver) return false;
      const kind = collectionKindOf(services.program, services.getTypeAtLocation(acquire.receiver));
      return kind !== null;
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
