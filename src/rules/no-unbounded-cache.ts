import type { TypeOrValueSpecifier } from '@typescript-eslint/type-utils';
import { isBuiltinSymbolLike, typeOrValueSpecifiersSchema } from '@typescript-eslint/type-utils';
import { AST_NODE_TYPES, ESLintUtils, TSESLint, type TSESTree } from '@typescript-eslint/utils';
import * as ts from 'typescript';
import { enclosingFunction, functionName, isFunctionNode, memberName, outermostAlias } from '../analysis/ast.js';
import { CONFIGURATION_FUNCTION, REGISTRY_NAME, REMOVER_FUNCTION, classLooksLongLived } from '../analysis/intent.js';
import { classifyUse, type CollectionShape, type Use } from '../analysis/collection-uses.js';
import { fieldLifetime, runsPerCall, variableLifetime, type Lifetime, type Scopes } from '../analysis/lifetime.js';
import {
  fieldDeclaration,
  isParameterProperty,
  ownerText,
  resolveOwner,
  type FieldOwner,
  type Owner,
  type VariableOwner,
} from '../analysis/owners.js';
import {
  BOUNDED_CACHE_SPECIFIERS,
  collectionKindOf,
  isFiniteType,
  isObjectKeyType,
  matchesSpecifiers,
  overridesGrowth,
} from '../analysis/types.js';
import { createRule } from '../util/create-rule.js';

export type Options = [
  {
    allow?: TypeOrValueSpecifier[];
    checkArrays?: boolean;
    checkObjects?: boolean;
  },
];

export type MessageIds = 'arrayNeverShrinks' | 'mapNeverShrinks' | 'objectNeverShrinks' | 'useWeakCollectionSuggestion';

interface Candidate {
  owner: Owner;
  /** Member expressions and identifiers that denote the owner. */
  occurrences: TSESTree.Node[];
}

const GROWTH_CALLS = new Set(['set', 'add', 'push', 'unshift']);
const CONTAINER_METHOD = /^(set|add|put|push|store|insert|save|register)$/;
const TEST_HOOK = /(For|In|Only)_?(Tests?|Testing)$|^_*(test|testing)[A-Z_]/;
const SHRINK_TEXT = /\.(delete|clear|splice|shift|pop)\(|\bdelete\s/;
const SYNC_FS_TEXT = /\b(readFileSync|readdirSync|statSync|lstatSync|existsSync|realpathSync)\(/;

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
    defaultOptions: [{ allow: [], checkArrays: false, checkObjects: false }],
    messages: {
      mapNeverShrinks:
        '`{{name}}` ({{lifetime}}) gains an entry on every call to {{where}} (line {{line}}) and nothing removes one. Delete entries when they are done, cap its size with eviction, sweep it on a TTL, or use a WeakMap or an LRU cache.',
      objectNeverShrinks:
        '`{{name}}` ({{lifetime}}) gains a key on every call to {{where}} (line {{line}}) and nothing deletes one. Delete keys when they are done, cap its size, or use a Map with eviction or an LRU cache.',
      arrayNeverShrinks:
        '`{{name}}` ({{lifetime}}) gains an element on every call to {{where}} (line {{line}}) and nothing removes one. Remove elements when they are done, cap its length, or use a bounded buffer.',
      useWeakCollectionSuggestion:
        'Make `{{name}}` a {{weak}}: its keys are objects, so an entry goes away when its key is no longer used.',
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
          checkObjects: {
            type: 'boolean',
            description: 'Also report long-lived plain objects used as dictionaries (`obj[key] = value`) with no `delete`.',
          },
        },
      },
    ],
  },
  create(context, [options]) {
    // Asked first so that a project without type information gets the standard
    // error on every file, not only on files that pass the text check.
    const services = ESLintUtils.getParserServices(context);
    const { sourceCode } = context;
    const text = sourceCode.text;
    const checkArrays = options.checkArrays === true;
    const checkObjects = options.checkObjects === true;
    if (
      !text.includes('.set(') &&
      !text.includes('.add(') &&
      !(checkArrays && (text.includes('.push(') || text.includes('.unshift('))) &&
      !(checkObjects && text.includes(']'))
    ) {
      return {};
    }
    const program = services.program;
    const checker = program.getTypeChecker();
    const allow = [...BOUNDED_CACHE_SPECIFIERS, ...(options.allow ?? [])];
    const scopeOf = (node: TSESTree.Node): TSESLint.Scope.Scope => sourceCode.getScope(node);
    const declared = (node: TSESTree.Node): readonly TSESLint.Scope.Variable[] => sourceCode.getDeclaredVariables(node);
    const scopes: Scopes = { declared, scopeOf };

    /** Receivers of `.set`/`.add`/`.push`/`.unshift` calls and of `x[k] = v`. */
    const growthReceivers: TSESTree.Expression[] = [];
    /** Every `a.b` by property name: field occurrences, and name-based shrinks. */
    const membersByName = new Map<string, TSESTree.MemberExpression[]>();

    return {
      CallExpression(node) {
        const callee = node.callee;
        if (callee.type !== AST_NODE_TYPES.MemberExpression) return;
        const name = memberName(callee);
        if (name !== null && GROWTH_CALLS.has(name)) growthReceivers.push(callee.object);
      },
      'AssignmentExpression > MemberExpression.left[computed=true]'(node: TSESTree.MemberExpression) {
        if (checkObjects) growthReceivers.push(node.object);
      },
      MemberExpression(node) {
        const name = memberName(node);
        if (name === null) return;
        const list = membersByName.get(name);
        if (list) list.push(node);
        else membersByName.set(name, [node]);
      },
      'Program:exit'() {
        for (const candidate of collectCandidates()) check(candidate);
      },
    };

    function collectCandidates(): Candidate[] {
      const byKey = new Map<unknown, Candidate>();
      for (const receiver of growthReceivers) {
        const owner = resolveOwner(receiver, scopeOf);
        if (!owner || byKey.has(owner.key)) continue;
        byKey.set(owner.key, { owner, occurrences: [] });
      }
      return [...byKey.values()];
    }

    /** Occurrences of a field: `this.x` in its class, `Class.x` for statics. */
    function fieldOccurrences(owner: FieldOwner): TSESTree.Node[] {
      const result: TSESTree.Node[] = [];
      for (const member of membersByName.get(owner.name) ?? []) {
        const resolved = resolveOwner(member, scopeOf);
        if (resolved?.key === owner.key) result.push(member);
      }
      return result;
    }

    /** Uses of a variable, following `const alias = x` into the alias's own uses. */
    function variableUses(owner: VariableOwner, shape: CollectionShape): Use[] {
      const uses: Use[] = [];
      const visit = (variable: TSESLint.Scope.Variable, depth: number): void => {
        for (const ref of variable.references) {
          if (ref.init) continue;
          const use = classifyUse(ref.identifier, shape);
          if (use.kind === 'alias' && depth < 4 && use.node.parent?.type === AST_NODE_TYPES.VariableDeclarator) {
            for (const alias of declared(use.node.parent)) visit(alias, depth + 1);
            continue;
          }
          uses.push(use);
        }
      };
      visit(owner.variable, 0);
      return uses;
    }

    function fieldUses(owner: FieldOwner, shape: CollectionShape): Use[] {
      const uses: Use[] = [];
      for (const occurrence of fieldOccurrences(owner)) {
        const use = classifyUse(occurrence, shape);
        if (use.kind === 'alias' && use.node.parent?.type === AST_NODE_TYPES.VariableDeclarator) {
          for (const alias of declared(use.node.parent)) {
            for (const ref of alias.references) if (!ref.init) uses.push(classifyUse(ref.identifier, shape));
          }
          continue;
        }
        uses.push(use);
      }
      return uses;
    }

    /**
     * A field shrunk or replaced through any receiver (`other.cache.clear()`,
     * `self.cache = new Map()`): by name, so that what we cannot resolve
     * counts in the collection's favour.
     */
    function shrunkByName(owner: FieldOwner, shape: CollectionShape): boolean {
      return (membersByName.get(owner.name) ?? []).some((member) => {
        const use = classifyUse(member, shape);
        if (use.kind === 'shrink') return true;
        return use.kind === 'reset' && runsAfterSetUp(use.node, owner);
      });
    }

    function runsAfterSetUp(node: TSESTree.Node, owner: Owner): boolean {
      const lifetime = lifetimeOf(owner);
      return lifetime !== null && runsPerCall(node, owner, lifetime, scopes) && !isGuardedInit(node, owner);
    }

    function lifetimeOf(owner: Owner): Lifetime | null {
      if (owner.kind === 'field') return fieldLifetime(owner);
      return variableLifetime(owner.variable);
    }

    /** `if (!cache) cache = new Map()`: lazy set-up, not a reset. */
    function isGuardedInit(node: TSESTree.Node, owner: Owner): boolean {
      const name = owner.name;
      for (let p = node.parent; p; p = p.parent) {
        if (p.type === AST_NODE_TYPES.IfStatement || p.type === AST_NODE_TYPES.ConditionalExpression) {
          return sourceCode.getText(p.test).includes(name);
        }
        if (enclosingFunction(node) === p) return false;
      }
      return false;
    }

    /** The node to report and to take the type from: the declaration's name. */
    function declarationNode(owner: Owner): TSESTree.Node | null {
      if (owner.kind === 'variable') {
        const def = owner.variable.defs[0];
        if (def?.type !== TSESLint.Scope.DefinitionType.Variable) return null;
        if (def.node.parent.parent.type === AST_NODE_TYPES.ExportNamedDeclaration) return null;
        if (def.node.parent.declare) return null;
        return def.name;
      }
      if (isParameterProperty(owner)) return null;
      const decl = fieldDeclaration(owner);
      if (decl) {
        if (decl.type !== AST_NODE_TYPES.PropertyDefinition || decl.declare) return null;
        if (isVisibleOutside(owner, decl)) return null;
        return decl.key;
      }
      // A JavaScript-style field: `this.cache = new Map()` in the constructor.
      for (const member of fieldOccurrences(owner)) {
        const outer = outermostAlias(member);
        if (
          outer.parent?.type === AST_NODE_TYPES.AssignmentExpression &&
          outer.parent.left === outer &&
          !runsPerCall(outer, owner, fieldLifetime(owner), scopes)
        ) {
          return isVisibleOutside(owner, null) ? null : member;
        }
      }
      return null;
    }

    /**
     * A public or protected field of a class other modules can reach: code we
     * cannot see may shrink it.
     */
    function isVisibleOutside(owner: FieldOwner, decl: TSESTree.PropertyDefinition | null): boolean {
      if (owner.name.startsWith('#')) return false;
      if (decl?.accessibility === 'private') return false;
      const cls = owner.classNode;
      const parent = cls.parent;
      if (parent.type === AST_NODE_TYPES.ExportNamedDeclaration || parent.type === AST_NODE_TYPES.ExportDefaultDeclaration) {
        return true;
      }
      if (!cls.id) return true;
      const variable = sourceCode.getDeclaredVariables(cls)[0];
      return variable?.references.some((ref) => ref.identifier.parent.type === AST_NODE_TYPES.ExportSpecifier) ?? false;
    }

    function shapeOf(type: ts.Type): CollectionShape | null {
      const kind = collectionKindOf(program, type);
      if (kind) return kind;
      const nonNull = checker.getNonNullableType(type);
      if (checkArrays && checker.isArrayType(nonNull)) return 'array';
      if (checkObjects && isDictionaryType(nonNull)) return 'object';
      return null;
    }

    function isDictionaryType(type: ts.Type): boolean {
      if (checker.isArrayType(type) || checker.isTupleType(type)) return false;
      if (!(type.flags & ts.TypeFlags.Object)) return false;
      if (type.getCallSignatures().length > 0) return false;
      return checker.getIndexInfosOfType(type).some((info) => {
        const key = info.keyType;
        return (key.flags & (ts.TypeFlags.String | ts.TypeFlags.Number)) !== 0;
      });
    }

    function check(candidate: Candidate): void {
      const { owner } = candidate;
      const lifetime = lifetimeOf(owner);
      if (!lifetime || lifetime.kind === 'call') return;
      const declNode = declarationNode(owner);
      if (!declNode) return;

      // Syntax first: a quick look at the uses under the most likely shape.
      const guessShape: CollectionShape = 'Map';
      const guess = owner.kind === 'variable' ? variableUses(owner, guessShape) : fieldUses(owner, guessShape);
      if (guess.some((use) => use.kind === 'escape')) return;

      const type = services.getTypeAtLocation(declNode);
      const shape = shapeOf(type);
      if (!shape) return;
      if (matchesSpecifiers(program, type, allow)) return;
      if ((shape === 'Map' || shape === 'Set') && overridesGrowth(program, type, shape)) return;

      const uses = shape === guessShape ? guess : owner.kind === 'variable' ? variableUses(owner, shape) : fieldUses(owner, shape);
      if (uses.some((use) => use.kind === 'escape' || (use.kind === 'shrink' && !inTestHook(use.node)))) return;
      if (uses.some((use) => use.kind === 'reset' && runsAfterSetUp(use.node, owner))) return;
      if (owner.kind === 'field' && shrunkByName(owner, shape)) return;

      const growth = uses.filter(
        (use): use is Use & { site: TSESTree.Node } =>
          use.kind === 'grow' && use.site !== undefined && runsPerCall(use.site, owner, lifetime, scopes),
      );
      const first = growth[0];
      if (!first) return;
      if (!looksUnbounded(owner, uses, growth)) return;
      if (
        shape !== 'array' &&
        growth.every((use) => use.key !== undefined && isBoundedKeyType(keyType(use.key)))
      ) {
        return;
      }

      const where = describeFunction(first.site);
      const data = {
        name: ownerText(owner),
        lifetime: describeLifetime(lifetime, shape),
        where,
        line: String(first.site.loc.start.line),
      };
      const messageId = shape === 'array' ? 'arrayNeverShrinks' : shape === 'object' ? 'objectNeverShrinks' : 'mapNeverShrinks';
      const weakFix =
        (shape === 'Map' || shape === 'Set') && !uses.some((use) => use.kind === 'iterate')
          ? weakCollectionFix(type, shape, declNode, growth)
          : null;
      context.report({
        node: declNode,
        messageId,
        data,
        suggest: weakFix
          ? [
              {
                messageId: 'useWeakCollectionSuggestion',
                data: { name: data.name, weak: shape === 'Map' ? 'WeakMap' : 'WeakSet' },
                fix: weakFix,
              },
            ]
          : [],
      });
    }

    /**
     * What the code says about the collection: registries filled by
     * configuration, collections managed by a remover or teardown method,
     * entries emptied through `map.get(k).delete(x)`, and fields of objects
     * that show no sign of living longer than a call are left alone.
     */
    function looksUnbounded(owner: Owner, uses: readonly Use[], growth: readonly Use[]): boolean {
      if (REGISTRY_NAME.test(owner.name)) return false;
      // Growth directly inside `register…()`/`define…()` runs once per configured thing;
      // growth in a callback such a function registers runs per event and still counts.
      if (
        growth.every(
          (use) =>
            CONFIGURATION_FUNCTION.test(nearestFunctionName(use.node)) ||
            inBuilderMethod(use.node) ||
            inContainerMethod(use.node),
        )
      ) {
        return false;
      }
      // A `remove…()`/`close()` that writes or walks the collection manages its entries.
      if (uses.some((use) => inRemover(use))) return false;
      if (growth.every((use) => readsFilesSynchronously(use.node))) return false;
      if (uses.some((use) => shrinksAnEntry(use.node))) return false;
      if (owner.kind === 'field' && !owner.isStatic && !classLooksLongLived(owner.classNode, sourceCode)) return false;
      return true;
    }

    /**
     * A use inside a `remove…()`/`unsubscribe()`/`close()` that writes or walks
     * the collection, or that reads it in a function that deletes something:
     * the author manages the entries there.
     */
    function inRemover(use: Use): boolean {
      for (let p = use.node.parent; p; p = p.parent) {
        if (!isFunctionNode(p)) continue;
        const name = functionName(p);
        if (name === null || !REMOVER_FUNCTION.test(name) || TEST_HOOK.test(name)) continue;
        if (use.kind === 'grow' || use.kind === 'iterate' || use.kind === 'lazyInit') return true;
        return SHRINK_TEXT.test(sourceCode.getText(p));
      }
      return false;
    }

    /**
     * Growth in a function that reads files synchronously (`readFileSync`,
     * `readdirSync`, `statSync`): start-up or tooling code whose keys are
     * bounded by the files on disk.
     */
    function readsFilesSynchronously(node: TSESTree.Node): boolean {
      const fn = enclosingFunction(node);
      return fn !== null && SYNC_FS_TEXT.test(sourceCode.getText(fn));
    }

    /** `resetForTests()`, `__clearForTesting()`: a shrink that production code never runs. */
    function inTestHook(node: TSESTree.Node): boolean {
      return enclosingNames(node).some((name) => TEST_HOOK.test(name));
    }

    function enclosingNames(node: TSESTree.Node): string[] {
      const names: string[] = [];
      for (let p = node.parent; p; p = p.parent) {
        if (isFunctionNode(p)) {
          const name = functionName(p);
          if (name !== null) names.push(name);
        }
      }
      return names;
    }

    /**
     * Growth directly in a class's own `set()`/`add()`/`put()`: the class is a
     * container, and whoever calls its `set()` owns the bound.
     */
    function inContainerMethod(node: TSESTree.Node): boolean {
      const fn = enclosingFunction(node);
      return fn?.parent.type === AST_NODE_TYPES.MethodDefinition && CONTAINER_METHOD.test(functionName(fn) ?? '');
    }

    /** A method that returns `this`: a builder chain (`router.route(…).route(…)`), run while setting up. */
    function inBuilderMethod(node: TSESTree.Node): boolean {
      const fn = enclosingFunction(node);
      if (fn?.parent.type !== AST_NODE_TYPES.MethodDefinition || fn.body.type !== AST_NODE_TYPES.BlockStatement) return false;
      return fn.body.body.some(
        (statement) =>
          statement.type === AST_NODE_TYPES.ReturnStatement && statement.argument?.type === AST_NODE_TYPES.ThisExpression,
      );
    }

    function nearestFunctionName(node: TSESTree.Node): string {
      const fn = enclosingFunction(node);
      return fn ? (functionName(fn) ?? '') : '';
    }

    /** `map.get(k)?.delete(x)`, `map.get(k).splice(i, 1)`: the entry's contents are managed. */
    function shrinksAnEntry(node: TSESTree.Node): boolean {
      const member = node.parent;
      if (member?.type !== AST_NODE_TYPES.MemberExpression || memberName(member) !== 'get') return false;
      const call = member.parent;
      if (call.type !== AST_NODE_TYPES.CallExpression || call.callee !== member) return false;
      const outer = outermostAlias(call);
      const next = outer.parent;
      if (next?.type !== AST_NODE_TYPES.MemberExpression || next.object !== outer) return false;
      return ['delete', 'clear', 'splice', 'shift', 'pop'].includes(memberName(next) ?? '');
    }

    /**
     * Finite keys, and keys written in source code: functions, classes and
     * regular expressions (callbacks, constructors and patterns of a registry).
     */
    function isBoundedKeyType(type: ts.Type): boolean {
      if (isFiniteType(type)) return true;
      const nonNull = checker.getNonNullableType(type);
      if (nonNull.getCallSignatures().length > 0 || nonNull.getConstructSignatures().length > 0) return true;
      return isBuiltinSymbolLike(program, nonNull, 'RegExp');
    }

    /** `K` of a `Map<K, V>` or `Set<K>` type, when it is written as one. */
    function collectionKeyType(type: ts.Type): ts.Type | null {
      const nonNull = checker.getNonNullableType(type);
      if (!(nonNull.flags & ts.TypeFlags.Object) || !((nonNull as ts.ObjectType).objectFlags & ts.ObjectFlags.Reference)) {
        return null;
      }
      return checker.getTypeArguments(nonNull as ts.TypeReference)[0] ?? null;
    }

    function keyType(key: TSESTree.Node): ts.Type {
      return checker.getBaseConstraintOfType(services.getTypeAtLocation(key)) ?? services.getTypeAtLocation(key);
    }

    function describeFunction(site: TSESTree.Node): string {
      const fn = enclosingFunction(site);
      if (!fn) return 'the module';
      const name = functionName(fn);
      return name ? `\`${name}()\`` : `the function on line ${String(fn.loc.start.line)}`;
    }

    function describeLifetime(lifetime: Lifetime, shape: CollectionShape): string {
      const noun = shape === 'Map' || shape === 'Set' ? shape : shape === 'array' ? 'array' : 'object';
      switch (lifetime.kind) {
        case 'module':
          return `a module-level ${noun}`;
        case 'object':
          return lifetime.isStatic
            ? `a static ${noun} of ${lifetime.classNode.id?.name ?? 'its class'}`
            : `a ${noun} field that lives as long as its ${lifetime.classNode.id?.name ?? 'object'}`;
        case 'closure': {
          const name = functionName(lifetime.declaringFunction);
          return `a ${noun} kept by a closure that outlives ${name ? `\`${name}()\`` : 'the call that made it'}`;
        }
        case 'call':
          return `a local ${noun}`;
      }
    }

    /**
     * `new Map()` → `new WeakMap()` (and a `Map<K, V>` annotation with it), when
     * every key is an object and nothing iterates or sizes the collection.
     */
    function weakCollectionFix(
      type: ts.Type,
      shape: 'Map' | 'Set',
      declNode: TSESTree.Node,
      growth: readonly Use[],
    ): TSESLint.ReportFixFunction | null {
      if (!growth.every((use) => use.key !== undefined && isObjectKeyType(keyType(use.key)))) return null;
      const declaredKey = collectionKeyType(type);
      if (declaredKey && !isObjectKeyType(declaredKey)) return null;
      const holder = declNode.parent;
      if (!holder) return null;
      let init: TSESTree.Expression | null = null;
      let annotation: TSESTree.TypeNode | undefined;
      if (holder.type === AST_NODE_TYPES.VariableDeclarator && holder.id === declNode) {
        init = holder.init;
        annotation = holder.id.typeAnnotation?.typeAnnotation;
      } else if (holder.type === AST_NODE_TYPES.PropertyDefinition && holder.key === declNode) {
        init = holder.value;
        annotation = holder.typeAnnotation?.typeAnnotation;
      }
      if (
        init?.type !== AST_NODE_TYPES.NewExpression ||
        init.callee.type !== AST_NODE_TYPES.Identifier ||
        init.callee.name !== shape ||
        init.arguments.length > 0
      ) {
        return null;
      }
      const callee = init.callee;
      let annotationName: TSESTree.Identifier | null = null;
      if (annotation) {
        if (
          annotation.type !== AST_NODE_TYPES.TSTypeReference ||
          annotation.typeName.type !== AST_NODE_TYPES.Identifier ||
          annotation.typeName.name !== shape
        ) {
          return null;
        }
        annotationName = annotation.typeName;
      }
      const weak = shape === 'Map' ? 'WeakMap' : 'WeakSet';
      return (fixer) => {
        const fixes = [fixer.replaceText(callee, weak)];
        if (annotationName) fixes.push(fixer.replaceText(annotationName, weak));
        return fixes;
      };
    }
  },
});
