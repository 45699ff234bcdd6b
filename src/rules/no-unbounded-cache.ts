import type { TypeOrValueSpecifier } from '@typescript-eslint/type-utils';
import { typeOrValueSpecifiersSchema } from '@typescript-eslint/type-utils';
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import type ts from 'typescript';
import { functionName, memberName } from '../analysis/ast.js';
import { shapeOfGrowthMethod, type CollectionShape, type GrowUse, type Use } from '../analysis/collection-uses.js';

type ShrinkUse = Extract<Use, { kind: 'shrink' }>;
import {
  CollectionIndex,
  collectionDeclaration,
  collectionUses,
  managedInOtherFiles,
  managedThroughOtherReceivers,
  type Candidate,
  type CollectionContext,
  type CollectionDeclaration,
} from '../analysis/collections.js';
import {
  closureDiesWithCallers,
  closureLivesWithModule,
  growingFunction,
  growsBehindOnceFlag,
  growsOnlyAtSetUp,
  growsPerEvent,
  growthShowsRepetition,
  isBoundedKey,
  isKeyFixedAtSetUp,
  growsInPerEventHook,
  remembersPrintedWarning,
} from '../analysis/growth.js';
import { freshKeyVariable, mayHaveFreshKey, removalMissesFreshEntries } from '../analysis/fresh-entries.js';
import {
  FunctionTexts,
  collectionLooksUnbounded,
  inTestHook,
  namedAsConfiguration,
  ownerShowsLongLife,
} from '../analysis/intent.js';
import { fillsAtInit, runsAfterSetUp } from '../analysis/lazy-init.js';
import { isFreshValue, ownerLifetime, runsPerCall, type Lifetime, type Scopes } from '../analysis/lifetime.js';
import { ownerText, type Owner } from '../analysis/owners.js';
import { removalCancelledByClearedTimer, removalIsReplaced } from '../analysis/replacements.js';
import { BOUNDED_CACHE_SPECIFIERS, hasCollectionShape, matchesSpecifiers, overridesGrowth } from '../analysis/types.js';
import {
  deleteInFinallyFix,
  deleteKeyFix,
  PLACEHOLDER_LIMIT,
  sizeCapFix,
  type BoundContext,
} from '../fixes/bound-collection.js';
import { weakCollectionFix } from '../fixes/weak-collection.js';
import { createRule } from '../util/create-rule.js';
import { typedServices } from '../util/services.js';

export type Options = [
  {
    allow?: TypeOrValueSpecifier[];
    checkArrays?: boolean;
    checkClosures?: boolean;
    checkEscaped?: boolean;
    checkObjects?: boolean;
    checkUntraced?: boolean;
  },
];

export type MessageIds =
  | 'arrayNeverShrinks'
  | 'capArraySuggestion'
  | 'capMapSuggestion'
  | 'capSeenSuggestion'
  | 'deleteInFinallySuggestion'
  | 'deleteKeySuggestion'
  | 'mapNeverShrinks'
  | 'objectNeverShrinks'
  | 'useWeakCollectionSuggestion';

export default createRule<Options, MessageIds>({
  name: 'no-unbounded-cache',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow long-lived Maps, Sets and dictionaries that gain entries on every call and never lose one',
      recommended: 'recommended',
      requiresTypeChecking: true,
    },
    hasSuggestions: true,
    defaultOptions: [
      {
        allow: [],
        checkArrays: false,
        checkClosures: false,
        checkEscaped: false,
        checkObjects: false,
        checkUntraced: false,
      },
    ],
    messages: {
      mapNeverShrinks:
        '`{{name}}` ({{lifetime}}) gains an entry on every call to {{where}} (line {{line}}) and nothing removes one. Delete entries when they are done, cap its size with eviction, sweep it on a TTL, or use a WeakMap or an LRU cache.',
      objectNeverShrinks:
        '`{{name}}` ({{lifetime}}) gains a key on every call to {{where}} (line {{line}}) and nothing deletes one. Delete keys when they are done, cap its size, or use a Map with eviction or an LRU cache.',
      arrayNeverShrinks:
        '`{{name}}` ({{lifetime}}) gains an element on every call to {{where}} (line {{line}}) and nothing removes one. Remove elements when they are done, cap its length, or use a bounded buffer.',
      useWeakCollectionSuggestion:
        'Make `{{name}}` a {{weak}}: its keys are objects, so an entry goes away when its key is no longer used.',
      capMapSuggestion:
        'Cap `{{name}}` at `{{limit}}` entries ({{placeholder}} is a placeholder: choose the limit), evicting the oldest entry before a new key is added. A later lookup of an evicted key misses, so its value is made again or is gone.',
      capSeenSuggestion:
        'Cap `{{name}}` at `{{limit}}` entries ({{placeholder}} is a placeholder: choose the limit), evicting the oldest entry before a new one is added. An evicted key is no longer remembered: `has()` is false for it again, so work it guards runs again.',
      capArraySuggestion:
        'Cap `{{name}}` at `{{limit}}` elements ({{placeholder}} is a placeholder: choose the limit), dropping the oldest before each push. Only the newest elements are kept, so reads no longer see older ones.',
      deleteInFinallySuggestion:
        'Delete the entry in a `finally` around the rest of {{where}}, so it lasts only as long as the call: {{reason}}.',
      deleteKeySuggestion:
        'Delete the key instead of setting it to `{{value}}`. A later read gets `undefined`, and `in`, `Object.keys()` and `for…in` no longer list the key.',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          allow: {
            ...typeOrValueSpecifiersSchema,
            description:
              'Types of bounded collections to accept (typescript-eslint TypeOrValueSpecifier form); `lru-cache` and `quick-lru` are always accepted.',
          },
          checkArrays: {
            type: 'boolean',
            description: 'Also report long-lived arrays that are pushed to on every call and never shortened.',
          },
          checkClosures: {
            type: 'boolean',
            description:
              'Also report collections kept by a closure whose lifetime the program does not show: one a factory returns or stores, where the factory is not only called at module scope.',
          },
          checkEscaped: {
            type: 'boolean',
            description:
              'Also report collections that escape to code this file cannot see (exported, passed to a function, returned), which might shrink them.',
          },
          checkObjects: {
            type: 'boolean',
            description:
              'Also report long-lived plain objects used as dictionaries (`obj[key] = value`) with no `delete`.',
          },
          checkUntraced: {
            type: 'boolean',
            description:
              'Also report growth that the program does not show running per event (in a registered listener, handler or interval, or a function one calls) and whose key is not new on every call: a memo or dedupe set behind a public function whose callers the program does not see, which may pass only a few values.',
          },
        },
      },
    ],
  },
  create(context, [options]) {
    // Asked first so that a project without type information gets the standard
    // error on every file, not only on files that pass the text check.
    const typed = typedServices(context);
    if (!typed) return {};
    const services = typed;
    const { sourceCode } = context;
    const text = sourceCode.text;
    const checkArrays = options.checkArrays === true;
    const checkObjects = options.checkObjects === true;
    const checkEscaped = options.checkEscaped === true;
    const checkClosures = options.checkClosures === true;
    const checkUntraced = options.checkUntraced === true;
    if (
      !text.includes('.set(') &&
      !text.includes('.add(') &&
      !text.includes('.getOrInsert') &&
      !(checkArrays && (text.includes('.push(') || text.includes('.unshift('))) &&
      !(checkObjects && text.includes(']'))
    ) {
      return {};
    }
    const program = services.program;
    const allow = [...BOUNDED_CACHE_SPECIFIERS, ...(options.allow ?? [])];
    const scopes: Scopes = {
      declared: (node) => sourceCode.getDeclaredVariables(node),
      scopeOf: (node) => sourceCode.getScope(node),
    };
    const texts = new FunctionTexts(sourceCode);
    const index = new CollectionIndex(scopes);
    const collections: CollectionContext = { sourceCode, services, scopes, index, checkEscaped };

    return {
      CallExpression(node) {
        const callee = node.callee;
        if (callee.type !== AST_NODE_TYPES.MemberExpression) return;
        const shape = shapeOfGrowthMethod(memberName(callee) ?? '');
        if (shape && (shape !== 'array' || checkArrays)) index.addGrowth(callee.object, shape);
      },
      'AssignmentExpression > MemberExpression.left[computed=true]'(node: TSESTree.MemberExpression) {
        if (checkObjects) index.addGrowth(node.object, 'object');
      },
      'VariableDeclarator[id.type="ObjectPattern"]'(node: TSESTree.VariableDeclarator) {
        index.addObjectPattern(node);
      },
      MemberExpression(node) {
        index.addMember(node);
      },
      'Program:exit'() {
        for (const candidate of index.candidates()) check(candidate);
      },
    };

    function check({ owner, shape }: Candidate): void {
      // 1. Syntax: where it lives, where it is declared, what every use does.
      const lifetime = ownerLifetime(owner);
      if (lifetime.kind === 'call') return;
      const declaration = collectionDeclaration(collections, owner);
      if (!declaration) return;
      const uses = collectionUses(collections, owner, shape);
      const grows = uses.filter((use): use is GrowUse => use.kind === 'grow');
      const shrinks = uses.filter((use): use is ShrinkUse => use.kind === 'shrink');
      if (uses.some((use) => use.kind === 'escape' && !checkEscaped)) return;
      const removals = shrinks.filter(
        (use) =>
          !inTestHook(use.node) &&
          !removalIsReplaced(collections, use, grows) &&
          !removalCancelledByClearedTimer(collections, use, shrinks),
      );
      // A removal bounds the collection, unless it cannot reach the entries of a growth under a
      // key new on every call (asked below, with types, of growth whose key is a function's `const`).
      if (removals.length > 0 && !grows.some((use) => mayHaveFreshKey(sourceCode, use))) return;
      if (uses.some((use) => use.kind === 'reset' && !isFreshValue(use.assignment?.right ?? null))) return;
      if (uses.some((use) => use.kind === 'reset' && runsAfterSetUp(sourceCode, scopes, use, owner, lifetime))) return;
      if (owner.kind === 'field' && managedThroughOtherReceivers(collections, owner, shape, lifetime)) return;
      const inits = uses.flatMap((use) => (use.kind === 'reset' && use.assignment ? [use.assignment] : []));
      const perCall = uses.filter(
        (use): use is GrowUse =>
          use.kind === 'grow' &&
          runsPerCall(use.site, owner, lifetime, scopes) &&
          !fillsAtInit(sourceCode, use.site, inits),
      );
      if (perCall.length === 0) return;
      if (!collectionLooksUnbounded(owner, uses, perCall, texts, sourceCode)) return;
      const named = namedAsConfiguration(owner, perCall);
      // A field of a class that shows no sign of outliving a call, unless it implements an interface
      // whose hooks its user may call per event (asked below, with types).
      const showsLongLife = ownerShowsLongLife(owner, sourceCode);
      if (!showsLongLife && (owner.kind !== 'field' || owner.classNode.implements.length === 0)) return;

      // 2. Types, for the few candidates left.
      // With removals, only growth under a fresh key that none of them can reach counts.
      const growth =
        removals.length === 0
          ? perCall
          : perCall.filter((use) => {
              const key = freshKeyVariable(collections, use);
              return key !== null && removals.every((r) => removalMissesFreshEntries(collections, r, use, key, uses));
            });
      if (growth.length === 0) return;
      // Such an object outlives each call when its user calls the hooks it grows in per event.
      if (
        !showsLongLife &&
        owner.kind === 'field' &&
        !growth.some((use) => growsInPerEventHook(collections, use, owner.classNode))
      ) {
        return;
      }
      const type = services.getTypeAtLocation(declaration.typed);
      if (!hasCollectionShape(program, type, shape)) return;
      if (matchesSpecifiers(program, type, allow)) return;
      if ((shape === 'Map' || shape === 'Set') && overridesGrowth(program, type, shape)) return;
      const unbounded = growth.filter(
        (use) =>
          // A name that says registry or configuration gives way only to repetition the program
          // shows: asked first, so that such a collection costs no key-domain question otherwise.
          (!named || growthShowsRepetition(collections, use)) &&
          (shape === 'array' ||
            !use.key ||
            (!isBoundedKey(services, use.key) &&
              !isKeyFixedAtSetUp(services, use.key, checkUntraced ? 'outside' : 'unknown'))) &&
          !growsOnlyAtSetUp(collections, use.site, owner, lifetime) &&
          !growsBehindOnceFlag(collections, use.site, lifetime) &&
          ((checkUntraced && !remembersPrintedWarning(collections, use, uses)) || growsPerEvent(collections, use)) &&
          (checkClosures ||
            lifetime.kind !== 'closure' ||
            closureLivesWithModule(collections, use.site, lifetime.declaringFunction)) &&
          !(lifetime.kind === 'closure' && closureDiesWithCallers(collections, use.site, lifetime.declaringFunction)),
      );
      const [first, ...rest] = unbounded;
      if (!first) return;
      if (owner.kind === 'field' && managedInOtherFiles(services, declaration, shape)) return;

      // 3. Report.
      context.report(
        neverShrinksReport(collections, owner, shape, lifetime, declaration, type, uses, [first, ...rest]),
      );
    }
  },
});

type Report = TSESLint.ReportDescriptor<MessageIds>;

/**
 * A long-lived collection that grows on every call at the `unbounded` sites
 * (the first is named) and that nothing shrinks, with the suggestions that fit:
 * a weak collection, a delete in `finally` for an entry that is not meant to
 * outlive its call, a size cap, or `delete` for a key set to `null`.
 */
function neverShrinksReport(
  ctx: BoundContext,
  owner: Owner,
  shape: CollectionShape,
  lifetime: Lifetime,
  declaration: CollectionDeclaration,
  type: ts.Type,
  uses: readonly Use[],
  unbounded: readonly [GrowUse, ...GrowUse[]],
): Report {
  const { services } = ctx;
  const site = unbounded[0].site;
  const data = {
    name: ownerText(owner),
    lifetime: describeLifetime(lifetime, shape),
    where: describeFunction(site),
    line: String(site.loc.start.line),
  };
  const messageId =
    shape === 'array' ? 'arrayNeverShrinks' : shape === 'object' ? 'objectNeverShrinks' : 'mapNeverShrinks';
  const weakFix =
    shape === 'Map' || shape === 'Set' ? weakCollectionFix(services, owner, type, shape, declaration, uses) : null;
  const suggest: TSESLint.SuggestionReportDescriptor<MessageIds>[] = [];
  if (weakFix) {
    suggest.push({
      messageId: 'useWeakCollectionSuggestion',
      data: { name: data.name, weak: shape === 'Map' ? 'WeakMap' : 'WeakSet' },
      fix: weakFix,
    });
  }
  // An entry that is not meant to outlive its call is deleted when the call ends; any other is
  // capped, unless its key is new to each call (then someone holds the key to look it up). A
  // promise the call awaits may be work in flight or a memo: both are offered.
  const inFinally = deleteInFinallyFix(ctx, shape, uses, unbounded);
  if (inFinally) {
    suggest.push({
      messageId: 'deleteInFinallySuggestion',
      data: {
        where: describeFunction(inFinally.body),
        reason:
          inFinally.kind === 'fresh'
            ? `its key is new to each call, and no other function uses \`${data.name}\``
            : inFinally.kind === 'unread'
              ? `nothing reads \`${data.name}\``
              : 'it holds work in flight that the call awaits. A later call with the same key then does the work again instead of reusing its result',
      },
      fix: inFinally.fix,
    });
  }
  if ((!inFinally || inFinally.kind === 'inflight') && !weakFix) {
    // With object keys a weak collection keeps every live entry; a cap is offered where it does not fit.
    const cap = sizeCapFix(ctx, owner, shape, declaration.report, uses, unbounded);
    if (cap) {
      suggest.push({
        messageId:
          shape === 'array'
            ? 'capArraySuggestion'
            : remembersKeys(shape, uses)
              ? 'capSeenSuggestion'
              : 'capMapSuggestion',
        data: { name: data.name, limit: cap.limit, placeholder: String(PLACEHOLDER_LIMIT) },
        fix: cap.fix,
      });
    }
  }
  if (shape === 'object') {
    const deleteKey = deleteKeyFix(ctx, type, uses);
    if (deleteKey)
      suggest.push({ messageId: 'deleteKeySuggestion', data: { value: deleteKey.value }, fix: deleteKey.fix });
  }
  return { node: declaration.report, messageId, data, suggest };
}

/** A Set, or a Map only asked `has()` and never `get()`: it remembers keys, not values. */
function remembersKeys(shape: CollectionShape, uses: readonly Use[]): boolean {
  if (shape === 'Set') return true;
  const methods = uses.flatMap((use) => (use.kind === 'read' && use.method ? [use.method] : []));
  return methods.includes('has') && !methods.includes('get');
}

/** The function a call to which grows the collection; callbacks that run in place belong to their caller. */
function describeFunction(site: TSESTree.Node): string {
  const fn = growingFunction(site);
  if (!fn) return 'the module';
  const name = functionName(fn);
  return name ? `\`${name}()\`` : `the function on line ${String(fn.loc.start.line)}`;
}

/** `an array`, `an object`, `a Map`. */
function article(shape: CollectionShape): string {
  return /^[aeiou]/i.test(shape) ? 'an' : 'a';
}

/** How long the collection lives, in the words of the message. */
function describeLifetime(lifetime: Lifetime, shape: CollectionShape): string {
  switch (lifetime.kind) {
    case 'module':
      return `a module-level ${shape}`;
    case 'object':
      return lifetime.isStatic
        ? `a static ${shape} of ${lifetime.classNode.id?.name ?? 'its class'}`
        : `${article(shape)} ${shape} field that lives as long as its ${lifetime.classNode.id?.name ?? 'object'}`;
    case 'closure': {
      const name = functionName(lifetime.declaringFunction);
      return `${article(shape)} ${shape} kept by a closure that outlives ${name ? `\`${name}()\`` : 'the call that made it'}`;
    }
    case 'call':
      return `a local ${shape}`;
  }
}
