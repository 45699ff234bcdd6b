/**
 * A file's collections: where each one grows, every occurrence of a field
 * (through `this`, its class, or a binding destructured from it), what each
 * occurrence does, where the collection is declared, and whether code its
 * owner does not hold (another receiver, another file) manages it.
 */
import {
  AST_NODE_TYPES,
  TSESLint,
  type ParserServicesWithTypeInformation,
  type TSESTree,
} from '@typescript-eslint/utils';
import ts from 'typescript';
import { memberName, outermostAlias, skipWrappers } from './ast.js';
import { classifyUse, isShrinkMethod, type CollectionShape, type Use } from './collection-uses.js';
import { inTestHook } from './intent.js';
import { runsAfterSetUp } from './lazy-init.js';
import { fieldLifetime, isFreshValue, isNullish, runsPerCall, type Lifetime, type Scopes } from './lifetime.js';
import {
  destructuredFieldOwner,
  fieldDeclaration,
  isAmbient,
  isParameterProperty,
  resolveOwner,
  type FieldOwner,
  type Owner,
} from './owners.js';
import { propertyAccessesElsewhere } from './program.js';
import { calledBuiltin } from './types.js';
import { READING_BUILTINS } from './vocabulary.js';

/** How many `const alias = x` steps are followed before an alias counts as an escape. */
const MAX_ALIAS_DEPTH = 4;

/** A collection that grows somewhere in the file. */
export interface Candidate {
  owner: Owner;
  /** The shape the growth method implies: `set` a Map, `add` a Set, `push` an array, `o[k] = v` an object. */
  shape: CollectionShape;
}

/** How the collection is declared: the node to report, the node typed, and its initial values. */
export interface CollectionDeclaration {
  report: TSESTree.Node;
  typed: TSESTree.Node;
  /** The `= …` of the declaration, if it has one. */
  init: TSESTree.Expression | null;
  annotation: TSESTree.TypeNode | undefined;
}

/**
 * What a file shows of its collections: recorded during traversal, resolved
 * to owners at its end, once per name.
 */
export class CollectionIndex {
  /** Per `shape:name`: do receivers we cannot resolve shrink, hand on or replace it? */
  readonly managedNames = new Map<string, boolean>();
  private readonly scopes: Scopes;
  /** Receivers of growth calls and of `x[k] = v`, with the shape they imply. */
  private readonly growthReceivers: { receiver: TSESTree.Expression; shape: CollectionShape }[] = [];
  /** Every `a.b` by property name: field occurrences, and what unknown receivers do to a name. */
  private readonly membersByName = new Map<string, TSESTree.MemberExpression[]>();
  /** Those members resolved to their owners, once per name (key `null`: a receiver we cannot resolve). */
  private readonly occurrencesByName = new Map<string, Map<unknown, TSESTree.MemberExpression[]>>();
  /** `const { … } = …` declarators, and the bindings they destructure from each field, by owner key. */
  private readonly objectPatterns: TSESTree.VariableDeclarator[] = [];
  private destructuredByOwner: Map<string, TSESLint.Scope.Variable[]> | null = null;

  constructor(scopes: Scopes) {
    this.scopes = scopes;
  }

  /** `receiver.set(k, v)`, `receiver[k] = v`: the receiver grows as a collection of this shape. */
  addGrowth(receiver: TSESTree.Expression, shape: CollectionShape): void {
    this.growthReceivers.push({ receiver, shape });
  }

  addMember(node: TSESTree.MemberExpression): void {
    const name = memberName(node);
    if (name === null) return;
    const list = this.membersByName.get(name);
    if (list) list.push(node);
    else this.membersByName.set(name, [node]);
  }

  addObjectPattern(node: TSESTree.VariableDeclarator): void {
    this.objectPatterns.push(node);
  }

  /** The owners of the growth receivers, each once, with the shape its first growth implies. */
  candidates(): Candidate[] {
    const candidates = new Map<unknown, Candidate>();
    for (const { receiver, shape } of this.growthReceivers) {
      const owner = resolveOwner(receiver, this.scopes.scopeOf);
      if (owner && !candidates.has(owner.key)) candidates.set(owner.key, { owner, shape });
    }
    return [...candidates.values()];
  }

  /** The occurrences of a field: `this.x` in its class, `Class.x` for statics. */
  occurrencesOf(owner: FieldOwner): TSESTree.MemberExpression[] {
    return this.byOwner(owner.name).get(owner.key) ?? [];
  }

  /** The occurrences of a field's name on receivers we cannot resolve (`other.cache`). */
  unresolvedOccurrencesOf(owner: FieldOwner): TSESTree.MemberExpression[] {
    return this.byOwner(owner.name).get(null) ?? [];
  }

  /** The bindings destructured from a field (`const { x } = this`), found once per file. */
  destructuredAliasesOf(owner: FieldOwner): TSESLint.Scope.Variable[] {
    if (!this.destructuredByOwner) {
      this.destructuredByOwner = new Map();
      for (const pattern of this.objectPatterns) {
        for (const variable of this.scopes.declared(pattern)) {
          const key = destructuredFieldOwner(variable, this.scopes.scopeOf)?.key;
          if (key === undefined) continue;
          const list = this.destructuredByOwner.get(key);
          if (list) list.push(variable);
          else this.destructuredByOwner.set(key, [variable]);
        }
      }
    }
    return this.destructuredByOwner.get(owner.key) ?? [];
  }

  private byOwner(name: string): Map<unknown, TSESTree.MemberExpression[]> {
    let byOwner = this.occurrencesByName.get(name);
    if (!byOwner) {
      byOwner = new Map();
      for (const member of this.membersByName.get(name) ?? []) {
        const key = resolveOwner(member, this.scopes.scopeOf)?.key ?? null;
        const list = byOwner.get(key);
        if (list) list.push(member);
        else byOwner.set(key, [member]);
      }
      this.occurrencesByName.set(name, byOwner);
    }
    return byOwner;
  }
}

/** What the questions below need of the file. */
export interface CollectionContext {
  sourceCode: TSESLint.SourceCode;
  services: ParserServicesWithTypeInformation;
  scopes: Scopes;
  index: CollectionIndex;
  /** Whether collections that escape (exported, handed on) are still looked at. */
  checkEscaped: boolean;
}

/**
 * The declaration of a collection this file creates: a variable or field
 * whose value is made here (`new Map()`, `{}`, `[]`), not handed in.
 */
export function collectionDeclaration(ctx: CollectionContext, owner: Owner): CollectionDeclaration | null {
  if (owner.kind === 'variable') {
    const def = owner.variable.defs[0];
    if (def?.type !== TSESLint.Scope.DefinitionType.Variable || def.node.id.type !== AST_NODE_TYPES.Identifier) {
      return null;
    }
    if (isAmbient(def.node)) return null;
    if (def.node.parent.parent.type === AST_NODE_TYPES.ExportNamedDeclaration && !ctx.checkEscaped) return null;
    if (def.node.init && !isFreshValue(def.node.init) && !isEmpty(def.node.init)) return null;
    return {
      report: def.name,
      typed: def.name,
      init: def.node.init,
      annotation: def.node.id.typeAnnotation?.typeAnnotation,
    };
  }
  if (isParameterProperty(owner) || isAmbient(owner.classNode)) return null;
  const decl = fieldDeclaration(owner);
  if (decl) {
    if (decl.declare || decl.type !== AST_NODE_TYPES.PropertyDefinition) return null;
    if (decl.value && !isFreshValue(decl.value) && !isEmpty(decl.value)) return null;
    return { report: decl.key, typed: decl.key, init: decl.value, annotation: decl.typeAnnotation?.typeAnnotation };
  }
  // A JavaScript-style field: `this.cache = new Map()` in the constructor, typed by its value.
  for (const member of ctx.index.occurrencesOf(owner)) {
    const outer = outermostAlias(member);
    const parent = outer.parent;
    if (
      parent?.type === AST_NODE_TYPES.AssignmentExpression &&
      parent.left === outer &&
      parent.operator === '=' &&
      !runsPerCall(outer, owner, fieldLifetime(owner), ctx.scopes)
    ) {
      return isFreshValue(parent.right)
        ? { report: member, typed: parent.right, init: null, annotation: undefined }
        : null;
    }
  }
  return null;
}

/** `null` or `undefined`: set up later (the assignments are checked as uses). */
function isEmpty(expression: TSESTree.Expression): boolean {
  return isNullish(skipWrappers(expression));
}

/** What every occurrence does, following `const alias = x` into the alias's own uses. */
export function collectionUses(ctx: CollectionContext, owner: Owner, shape: CollectionShape): Use[] {
  const nodes: TSESTree.Node[] =
    owner.kind === 'variable'
      ? owner.variable.references.filter((ref) => !ref.init).map((ref) => ref.identifier)
      : [
          ...ctx.index.occurrencesOf(owner),
          ...ctx.index
            .destructuredAliasesOf(owner)
            .flatMap((alias) => alias.references.filter((ref) => !ref.init).map((ref) => ref.identifier)),
        ];
  const uses: Use[] = [];
  const visit = (occurrences: readonly TSESTree.Node[], depth: number): void => {
    for (const occurrence of occurrences) {
      const use = classifyUse(occurrence, shape);
      if (use.kind === 'escape' && readByBuiltin(ctx.services, use.node)) {
        uses.push({ kind: 'iterate', node: use.node });
      } else if (use.kind !== 'alias') {
        uses.push(use);
      } else if (depth >= MAX_ALIAS_DEPTH) {
        uses.push({ kind: 'escape', node: use.node });
      } else {
        for (const alias of ctx.scopes.declared(use.declarator)) {
          visit(
            alias.references.filter((ref) => !ref.init).map((ref) => ref.identifier),
            depth + 1,
          );
        }
      }
    }
  };
  visit(nodes, 0);
  return uses;
}

/** `Object.keys(listeners)`, `JSON.stringify(cache)`: handed to a built-in that only reads it. */
function readByBuiltin(services: ParserServicesWithTypeInformation, node: TSESTree.Node): boolean {
  const call = node.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression || !call.arguments.includes(node as TSESTree.Expression)) {
    return false;
  }
  const name = calledBuiltin(services.program, services.esTreeNodeToTSNodeMap.get(call));
  return name !== undefined && READING_BUILTINS.has(name);
}

/**
 * What receivers we cannot resolve (`other.cache.clear()`, `evict(svc.cache)`,
 * `self.cache = new Map()`) do to a field's name: shrink, hand on or replace
 * it counts in the collection's favour. Computed once per owner and shape.
 */
export function managedThroughOtherReceivers(
  ctx: CollectionContext,
  owner: FieldOwner,
  shape: CollectionShape,
  lifetime: Lifetime,
): boolean {
  // The answer depends on the owner (whether a reset runs after its set-up), not only its name.
  const cacheKey = `${shape}:${owner.key}`;
  let answer = ctx.index.managedNames.get(cacheKey);
  if (answer === undefined) {
    answer = ctx.index.unresolvedOccurrencesOf(owner).some((member) => {
      const use = classifyUse(member, shape);
      if (inTestHook(use.node)) return false;
      if (use.kind === 'shrink' || (use.kind === 'escape' && !ctx.checkEscaped)) return true;
      return use.kind === 'reset' && runsAfterSetUp(ctx.sourceCode, ctx.scopes, use, owner, lifetime);
    });
    ctx.index.managedNames.set(cacheKey, answer);
  }
  return answer;
}

/**
 * A field other modules reach (a public field): does code in another file
 * shrink it, replace it or hand it on (`handler.groupCalls.delete(id)`)?
 */
export function managedInOtherFiles(
  services: ParserServicesWithTypeInformation,
  declaration: CollectionDeclaration,
  shape: CollectionShape,
): boolean {
  const report = declaration.report;
  const name = report.type === AST_NODE_TYPES.MemberExpression ? report.property : report;
  const tsName = services.esTreeNodeToTSNodeMap.get(name);
  if (!ts.isIdentifier(tsName) && !ts.isPrivateIdentifier(tsName)) return false;
  return propertyAccessesElsewhere(services.program, tsName).some((access) => {
    let outer: ts.Node = access;
    while (ts.isParenthesizedExpression(outer.parent) || ts.isNonNullExpression(outer.parent)) outer = outer.parent;
    const parent = outer.parent;
    if (ts.isPropertyAccessExpression(parent) && parent.expression === outer) {
      return isShrinkMethod(shape, parent.name.text) && ts.isCallExpression(parent.parent);
    }
    if (ts.isElementAccessExpression(parent) && parent.expression === outer) {
      return ts.isDeleteExpression(parent.parent);
    }
    if (ts.isBinaryExpression(parent) && parent.left === outer) {
      return parent.operatorToken.kind === ts.SyntaxKind.EqualsToken;
    }
    // Handed to code that may shrink it.
    return ts.isCallExpression(parent) && parent.arguments.includes(outer as ts.Expression);
  });
}
