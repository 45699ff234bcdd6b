import { typeOrValueSpecifiersSchema } from '@typescript-eslint/type-utils';
import {
  AST_NODE_TYPES,
  type ParserServicesWithTypeInformation,
  type TSESLint,
  type TSESTree,
} from '@typescript-eslint/utils';
import { contains, isFunctionNode, skipWrappers, type FunctionNode } from '../analysis/ast.js';
import { isDropAssignment, isSettlingCall, PairIndex } from '../analysis/pairing.js';
import { resourceSitesAt, type CustomPair, type ResourceKind, type ResourceSite } from '../analysis/resources.js';
import { promiseExecutor } from '../analysis/settlers.js';
import { skippedRelease, type SkippedRelease } from '../analysis/skipped-releases.js';
import { DISPOSE_METHODS } from '../analysis/vocabulary.js';
import { buildFinallyFix, extendTryFix } from '../fixes/finally.js';
import { usingFix } from '../fixes/using.js';
import { releaseOnRejectionFix } from '../fixes/rejection-handler.js';
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

export type MessageIds =
  | 'cleanupSkippedOnSomePaths'
  | 'cleanupSkippedOnThrow'
  | 'moveToFinallySuggestion'
  | 'releaseOnRejectionSuggestion'
  | 'useUsingSuggestion';

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
      releaseOnRejectionSuggestion:
        'Also run `{{release}}` when the promise rejects, in a rejection handler that rethrows the error.',
      useUsingSuggestion:
        'Declare `{{handle}}` with `{{keyword}}` in place of `{{release}}`: its type disposes of it when the block ends, on every path.',
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
      const { acquire, release } = resourceSitesAt(node, sourceCode, pairs);
      // Only the places a question can name need a position: acquires, releases, the calls that
      // settle a release (`.finally()`, `.then()`) and, with `assumeCallsThrow`, every call.
      const position = acquire || release || assumeCallsThrow || isSettlingCall(node) ? tracker.mark(node) : null;
      if (acquire) index.acquires.push(acquire);
      if (release) index.addRelease(release);
      // Any call may throw; the pair's own acquire and release are filtered out when it is checked.
      // Registering, arming or adding an entry (and undoing it) is bookkeeping, not work that fails.
      if (
        assumeCallsThrow &&
        position &&
        node.type === AST_NODE_TYPES.CallExpression &&
        !isBookkeeping(acquire) &&
        !isBookkeeping(release)
      ) {
        index.addThrower(position);
      }
    }

    /** The acquires whose call is being traversed: each is placed again when its call returns. */
    const pendingAcquires = new Set<TSESTree.Node>();

    const listeners: TSESLint.RuleListener = {
      CallExpression(node) {
        visitSite(node);
        if (index.acquires.at(-1)?.node === node) pendingAcquires.add(node);
      },
      // An acquire takes effect when its call returns, not when ESLint enters it: in a `try`, the
      // code path forks to the `catch` at the first member read (`pool.getConnection`), and a path
      // that leaves there never held the resource.
      'CallExpression:exit'(node: TSESTree.CallExpression) {
        if (pendingAcquires.delete(node)) tracker.mark(node);
      },
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
      CatchClause: (node) => {
        tracker.markCatch();
        tracker.mark(node);
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
        for (const acquire of index.acquires) {
          const skipped = skippedRelease(index, acquire);
          if (skipped) report(context, services, autofix, acquire, skipped);
        }
      },
    };
    return { ...listeners, ...(tracker.listeners as unknown as TSESLint.RuleListener) };
  },
});

type Context = Readonly<TSESLint.RuleContext<MessageIds, Options>>;

/** A listener registered or removed, a timer armed or cleared, an entry added or deleted. */
function isBookkeeping(site: ResourceSite | null): boolean {
  return site !== null && (site.kind === 'listener' || site.kind === 'timer' || site.kind === 'entry');
}

/** Reports a skipped release: on a throw with the `finally` fix, otherwise with the condition that skips it. */
function report(
  context: Context,
  services: ParserServicesWithTypeInformation,
  autofix: boolean,
  acquire: ResourceSite,
  skipped: SkippedRelease,
): void {
  if (skipped.kind === 'throw') {
    reportOnThrow(context, services, autofix, acquire, skipped);
    return;
  }
  const direct = skipped.kind === 'path' ? skipped.direct : [];
  const data = {
    ...messageData(context.sourceCode, acquire, skipped.release),
    condition: condition(context.sourceCode, acquire, skipped),
  };
  if (skipped.kind === 'outcome' && skipped.outcome === 'fulfils') {
    // Released in a fulfilment handler only: the same release in a rejection handler that rethrows.
    const fix = releaseOnRejectionFix(context.sourceCode, skipped.release.node);
    context.report({
      node: skipped.release.node,
      messageId: 'cleanupSkippedOnSomePaths',
      data,
      suggest: fix ? [{ messageId: 'releaseOnRejectionSuggestion', data, fix }] : [],
    });
    return;
  }
  reportSomePaths(context, services, acquire, skipped.release, data, direct);
}

/** What the release depends on, for the `{{condition}}` of `cleanupSkippedOnSomePaths`. */
function condition(
  sourceCode: Readonly<TSESLint.SourceCode>,
  acquire: ResourceSite,
  skipped: Exclude<SkippedRelease, { kind: 'throw' }>,
): string {
  switch (skipped.kind) {
    case 'event': {
      const events = [...new Set(skipped.events.map((event) => sourceCode.getText(event)))].join(' or ');
      const others = [...new Set(skipped.others.map((event) => sourceCode.getText(event)))].join(', ');
      return `runs only when ${events} is emitted (the ${others} listener settles the promise without it)`;
    }
    case 'outcome':
      return `runs only when the promise ${skipped.outcome}`;
    case 'dropped': {
      const { dropped } = skipped;
      return `finds nothing once \`${sourceCode.getText(dropped)}\` on line ${String(dropped.loc.start.line)} lets go of the handle unreleased (release it before letting go)`;
    }
    case 'path':
      if (skipped.caught) {
        const { thrower, handler } = skipped.caught;
        return `is skipped when ${describeThrower(sourceCode, thrower)} on line ${String(thrower.loc.start.line)} throws and the \`catch\` on line ${String(handler.loc.start.line)} carries on`;
      }
      return describeCondition(sourceCode, skipped.at, acquire.node, skipped.fn, skipped.jump);
  }
}

function describeCondition(
  sourceCode: Readonly<TSESLint.SourceCode>,
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
function describe(sourceCode: Readonly<TSESLint.SourceCode>, node: TSESTree.Node): string {
  if (node.type !== AST_NODE_TYPES.CallExpression) return brief(sourceCode, node);
  const [first, ...rest] = node.arguments;
  const args = first ? `${brief(sourceCode, first)}${rest.length > 0 ? ', …' : ''}` : '';
  return `${brief(sourceCode, node.callee)}(${args})`;
}

function describeThrower(sourceCode: Readonly<TSESLint.SourceCode>, node: TSESTree.Node): string {
  if (node.type === AST_NODE_TYPES.ThrowStatement) return 'the `throw`';
  if (node.type === AST_NODE_TYPES.AwaitExpression)
    return `\`await ${describe(sourceCode, skipWrappers(node.argument))}\``;
  return `\`${describe(sourceCode, node)}\``;
}

function messageData(
  sourceCode: Readonly<TSESLint.SourceCode>,
  acquire: ResourceSite,
  release: ResourceSite,
): Record<string, string> {
  return {
    release: describe(sourceCode, release.node),
    acquire: describe(sourceCode, acquire.node),
    resource: RESOURCE[acquire.kind].noun,
    stays: RESOURCE[acquire.kind].stays,
    line: String(acquire.node.loc.start.line),
  };
}

function reportSomePaths(
  context: Context,
  services: ParserServicesWithTypeInformation,
  acquire: ResourceSite,
  release: ResourceSite,
  data: Record<string, string>,
  direct: readonly TSESTree.Node[],
): void {
  const fix = direct.length > 0 ? buildFinallyFix(context, services, acquire.node, direct, 'moveBranch') : null;
  context.report({
    node: release.node,
    messageId: 'cleanupSkippedOnSomePaths',
    data,
    suggest: [
      ...usingSuggestion(context, services, acquire, release, direct, data),
      ...(fix ? [{ messageId: 'moveToFinallySuggestion' as const, data, fix }] : []),
    ],
  });
}

/** `await using handle = …` for a handle whose type is disposable, in place of every release of it here. */
function usingSuggestion(
  context: Context,
  services: ParserServicesWithTypeInformation,
  acquire: ResourceSite,
  release: ResourceSite,
  direct: readonly TSESTree.Node[],
  data: Record<string, string>,
): TSESLint.SuggestionReportDescriptor<MessageIds>[] {
  const releases = direct.includes(release.node) ? direct : [release.node, ...direct];
  const using = usingFix(context, services, acquire.node, releases);
  if (!using) return [];
  return [
    {
      messageId: 'useUsingSuggestion',
      data: { ...data, handle: using.handle, keyword: using.keyword },
      fix: using.fix,
    },
  ];
}

function reportOnThrow(
  context: Context,
  services: ParserServicesWithTypeInformation,
  autofix: boolean,
  acquire: ResourceSite,
  skipped: Extract<SkippedRelease, { kind: 'throw' }>,
): void {
  const { release, thrower } = skipped;
  const data = {
    ...messageData(context.sourceCode, acquire, release),
    thrower: describeThrower(context.sourceCode, thrower),
    throwLine: String(thrower.loc.start.line),
  };
  // The release after the acquire's region, or in (the `finally` of) a `try` that starts after it.
  // An acquire made in a promise executor counts from the statement that makes the promise, which goes
  // into the \`try\` too: a throw there may come before the acquire, so only a release that is harmless
  // then (removing a listener that is not there does nothing) may move.
  const placed = skipped.placedAt;
  const fix = !skipped.movable
    ? null
    : placed
      ? acquire.kind === 'listener'
        ? buildFinallyFix(context, services, placed, [release.node], 'throwOnly', true)
        : null
      : (buildFinallyFix(context, services, acquire.node, [release.node], 'throwOnly') ??
        extendTryFix(context, services, acquire.node, release.node, false));
  // Several releases (one in each branch that ends, or before each return): one in `finally` takes their
  // place. That moves each to the end of its path, which a suggestion may do and `--fix` may not. So may
  // moving statements into a `try` whose `catch` would now see their throws.
  const moved = fix
    ? null
    : skipped.direct.length > 1
      ? buildFinallyFix(context, services, acquire.node, skipped.direct, 'moveBranch')
      : skipped.movable
        ? extendTryFix(context, services, acquire.node, release.node, true)
        : null;
  const suggestion = !autofix ? fix : moved;
  context.report({
    node: release.node,
    messageId: 'cleanupSkippedOnThrow',
    data,
    fix: autofix ? fix : null,
    suggest: [
      ...usingSuggestion(context, services, acquire, release, skipped.direct, data),
      ...(suggestion ? [{ messageId: 'moveToFinallySuggestion' as const, data, fix: suggestion }] : []),
    ],
  });
}
