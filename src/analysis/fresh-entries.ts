/**
 * Entries under a fresh key: removals that cannot reach them.
 *
 * A growth whose key is new on every call (`const id = this.nextId++;
 * map.set(id, …)`) adds an entry that no other call's growth adds or
 * replaces. Only code that holds that key can take it out: the function
 * that made it and the closures it hands out (an unsubscribe function), or
 * code that gets the key back from elsewhere (a reply that names it, a loop
 * over the collection). A removal bounds such entries only if it can reach
 * them:
 *
 * - a removal under the growth's own key (`map.delete(id)` with the same
 *   `const id`) reaches its entry only on the paths that run it: an early
 *   `return` before it, or an `if` around it, whose test is about something
 *   else (`if (!this.socket) return;`) leaves the entry behind on that path,
 *   and no later call has the key to try again. A test about the entry
 *   itself (`if (!map.has(id)) return;`) or about state the function sets
 *   (`if (done) return; done = true;`) skips only when the entry is gone;
 * - a removal under another key reaches the entry unless the code around it
 *   rules out the entry's kind: the entry it takes out (`const c =
 *   map.get(k)`, `for (const [k, c] of map)`) is tested on a discriminant
 *   (`if (c.kind === 'subscription') return;`) that the growth's value can
 *   never pass.
 */
import {
  ASTUtils,
  AST_NODE_TYPES,
  TSESLint,
  type ParserServicesWithTypeInformation,
  type TSESTree,
} from '@typescript-eslint/utils';
import ts from 'typescript';
import {
  contains,
  enclosingFunction,
  isFunctionNode,
  outermostAlias,
  skipWrappers,
  walk,
  type FunctionNode,
} from './ast.js';
import type { GrowUse, Use } from './collection-uses.js';
import { isFreshPerCall } from './domains.js';
import { callingFunction, callsInOwnFile, runsOnlyAtSetUp } from './program.js';

/** What the questions below need of the file. */
export interface FreshEntryContext {
  sourceCode: Readonly<TSESLint.SourceCode>;
  services: ParserServicesWithTypeInformation;
}

type ShrinkUse = Extract<Use, { kind: 'shrink' }>;

/**
 * The variable that holds a growth's key when that key is new on every call
 * (`const id = this.nextId++`), or null. Cheap syntax first: only a `const`
 * declared in a function can be one.
 */
export function freshKeyVariable(ctx: FreshEntryContext, growth: GrowUse): TSESLint.Scope.Variable | null {
  const key = growth.key;
  if (key?.type !== AST_NODE_TYPES.Identifier) return null;
  const variable = ASTUtils.findVariable(ctx.sourceCode.getScope(key), key.name);
  const def = variable?.defs[0];
  if (!variable || variable.defs.length !== 1 || def?.type !== TSESLint.Scope.DefinitionType.Variable) return null;
  if (def.parent.kind !== 'const' || !def.node.init || !isFunctionNode(variable.scope.variableScope.block)) {
    return null;
  }
  const tsKey = ctx.services.esTreeNodeToTSNodeMap.get(key);
  return ts.isExpression(tsKey) && isFreshPerCall(ctx.services.program, tsKey) ? variable : null;
}

/** A syntactic filter for `freshKeyVariable`: the key is a `const` of some function. */
export function mayHaveFreshKey(sourceCode: Readonly<TSESLint.SourceCode>, growth: GrowUse): boolean {
  const key = growth.key;
  if (key?.type !== AST_NODE_TYPES.Identifier) return false;
  const def = ASTUtils.findVariable(sourceCode.getScope(key), key.name)?.defs[0];
  return def?.type === TSESLint.Scope.DefinitionType.Variable && def.parent.kind === 'const';
}

/**
 * Can the removal `shrink` never take out an entry that `growth` added
 * under the fresh key held by `keyVariable`? `uses` are all the
 * collection's uses (the lookups and loops that name the entry removed).
 */
export function removalMissesFreshEntries(
  ctx: FreshEntryContext,
  shrink: ShrinkUse,
  growth: GrowUse,
  keyVariable: TSESLint.Scope.Variable,
  uses: readonly Use[],
): boolean {
  const removal = deleteCall(shrink.node);
  if (!removal) return false;
  const key = removal.arguments[0];
  if (!key) return false;
  if (key.type === AST_NODE_TYPES.Identifier && keyVariable.references.some((ref) => ref.identifier === key)) {
    return ownKeyRemovalSkipped(ctx, removal, growth, keyVariable) || returnedRemoverDropped(ctx, removal, growth);
  }
  return excludesGrowthValue(ctx, removal, growth, uses);
}

/** `x.delete(k)` for the occurrence `x`: the call, or null for `clear()` and the like. */
function deleteCall(occurrence: TSESTree.Node): TSESTree.CallExpression | null {
  const member = occurrence.parent;
  if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== occurrence || member.computed) return null;
  if (member.property.type !== AST_NODE_TYPES.Identifier || member.property.name !== 'delete') return null;
  const call = outermostAlias(member).parent;
  return call?.type === AST_NODE_TYPES.CallExpression && call.arguments.length === 1 ? call : null;
}

/**
 * A removal under the growth's own key that some path of its function skips:
 * an `if` around it, or a `return` before it (after the growth, when the
 * growth is in the same function), whose test is about something other than
 * the entry, its key or state the function itself sets. A `return` after
 * another removal under the key, or inside a `try` whose `finally` holds the
 * removal, skips nothing.
 */
function ownKeyRemovalSkipped(
  ctx: FreshEntryContext,
  removal: TSESTree.CallExpression,
  growth: GrowUse,
  keyVariable: TSESLint.Scope.Variable,
): boolean {
  const fn = enclosingFunction(removal);
  if (!fn) return false;
  const receiver = removal.callee.type === AST_NODE_TYPES.MemberExpression ? removal.callee.object : null;
  const about = new Set<string>(receiver ? [ctx.sourceCode.getText(receiver)] : []);
  walk(fn, (node) => {
    if (node.type === AST_NODE_TYPES.AssignmentExpression) about.add(ctx.sourceCode.getText(node.left));
    if (node.type === AST_NODE_TYPES.UpdateExpression) about.add(ctx.sourceCode.getText(node.argument));
  });
  const isAboutEntry = (test: TSESTree.Expression): boolean => {
    let found = false;
    walk(test, (node) => {
      if (found) return;
      if (node.type === AST_NODE_TYPES.Identifier && keyVariable.references.some((ref) => ref.identifier === node)) {
        found = true;
      } else if (
        (node.type === AST_NODE_TYPES.Identifier || node.type === AST_NODE_TYPES.MemberExpression) &&
        about.has(ctx.sourceCode.getText(node))
      ) {
        found = true;
      }
    });
    return found;
  };
  // An `if` around the removal.
  if (conditionsAt(removal, fn, false).some(({ test }) => !isAboutEntry(test))) return true;
  // A `return` before it.
  const from = contains(fn, growth.site) ? growth.site.range[1] : fn.range[0];
  const ownRemovals = keyVariable.references.flatMap((ref) => {
    const call = ref.identifier.parent;
    if (call.type !== AST_NODE_TYPES.CallExpression || call.callee.type !== AST_NODE_TYPES.MemberExpression) return [];
    return call.arguments[0] === ref.identifier && deleteCall(call.callee.object) === call ? [call] : [];
  });
  let skipped = false;
  walk(
    fn,
    (node) => {
      if (skipped || node.type !== AST_NODE_TYPES.ReturnStatement) return;
      if (node.range[0] < from || node.range[0] > removal.range[0]) return;
      if (ownRemovals.some((other) => other !== removal && removedBefore(other, node))) return;
      if (inTryBeforeFinally(node, removal, fn)) return;
      const conditions = conditionsAt(node, fn, false);
      if (conditions.length === 0 || conditions.some(({ test }) => !isAboutEntry(test))) skipped = true;
    },
    { intoFunctions: false },
  );
  return skipped;
}

/**
 * The removal under the growth's own key sits in a closure that the growing
 * function returns (`return () => map.delete(id)`, an unsubscribe function),
 * and a call of the growing function in its file drops what it returns
 * (`void this.subscribe(s)`, a bare statement) where it runs after set-up:
 * the entry that call adds has no remover left, and no other code holds its
 * key. A call at module scope, in a constructor, or in code that runs only
 * at set-up drops a bounded number of removers.
 */
function returnedRemoverDropped(ctx: FreshEntryContext, removal: TSESTree.CallExpression, growth: GrowUse): boolean {
  const remover = enclosingFunction(removal);
  const grower = enclosingFunction(growth.site);
  if (!remover || !grower || enclosingFunction(remover) !== grower || !returnedBy(remover, grower)) return false;
  const program = ctx.services.program;
  return callsInOwnFile(program, ctx.services.esTreeNodeToTSNodeMap.get(grower)).some((call) => {
    if (!resultDropped(call)) return false;
    const caller = callingFunction(call);
    return (
      caller !== null && !ts.isConstructorDeclaration(caller) && !runsOnlyAtSetUp(program, caller, { kind: 'module' })
    );
  });
}

/** Is `inner` what `fn` returns: its expression body, or the argument of one of its own `return`s? */
function returnedBy(inner: FunctionNode, fn: FunctionNode): boolean {
  const parent = inner.parent;
  if (fn.type === AST_NODE_TYPES.ArrowFunctionExpression && fn.body === inner) return true;
  return parent.type === AST_NODE_TYPES.ReturnStatement && enclosingFunction(parent) === fn;
}

/** Is the value of `call` thrown away: a statement of its own, `void call`, or `await call;`? */
function resultDropped(call: ts.CallExpression): boolean {
  let node: ts.Node = call;
  while (ts.isParenthesizedExpression(node.parent)) node = node.parent;
  if (ts.isAwaitExpression(node.parent)) {
    node = node.parent;
    while (ts.isParenthesizedExpression(node.parent)) node = node.parent;
  }
  return ts.isExpressionStatement(node.parent) || ts.isVoidExpression(node.parent);
}

/** Does the statement of `removal` come before `node` in a statement list that holds `node`? */
function removedBefore(removal: TSESTree.CallExpression, node: TSESTree.Node): boolean {
  let statement: TSESTree.Node = outermostAlias(removal);
  if (statement.parent?.type === AST_NODE_TYPES.AwaitExpression) statement = statement.parent;
  if (statement.parent?.type !== AST_NODE_TYPES.ExpressionStatement) return false;
  statement = statement.parent;
  const list = statement.parent;
  if (list.type !== AST_NODE_TYPES.BlockStatement) return false;
  return contains(list, node) && statement.range[1] <= node.range[0];
}

/** Is `node` in the block of a `try` (or its `catch`) whose `finally` holds `removal`? */
function inTryBeforeFinally(node: TSESTree.Node, removal: TSESTree.Node, fn: FunctionNode): boolean {
  for (let p = node.parent; p && p !== fn; p = p.parent) {
    if (p.type === AST_NODE_TYPES.TryStatement && p.finalizer && contains(p.finalizer, removal)) {
      return !contains(p.finalizer, node);
    }
  }
  return false;
}

/** A test and whether it holds where a node runs. */
interface Condition {
  test: TSESTree.Expression;
  holds: boolean;
}

/**
 * What holds where `node` runs in `fn`: the tests of the `if`s whose branch
 * holds it, and, with `exits`, the tests of earlier `if (test) return;`
 * (or `continue`, `break`, `throw`) in the statement lists around it.
 */
function conditionsAt(node: TSESTree.Node, fn: FunctionNode, exits: boolean): Condition[] {
  const conditions: Condition[] = [];
  let child: TSESTree.Node = node;
  for (let p = node.parent; p && p !== fn; child = p, p = p.parent) {
    if (p.type === AST_NODE_TYPES.IfStatement) {
      if (p.consequent === child) conditions.push({ test: p.test, holds: true });
      else if (p.alternate === child) conditions.push({ test: p.test, holds: false });
    }
    if (!exits) continue;
    const list: readonly TSESTree.Node[] | null =
      p.type === AST_NODE_TYPES.BlockStatement ? p.body : p.type === AST_NODE_TYPES.SwitchCase ? p.consequent : null;
    if (!list) continue;
    for (const statement of list.slice(0, list.indexOf(child))) {
      if (statement.type !== AST_NODE_TYPES.IfStatement) continue;
      const thenExits = alwaysExits(statement.consequent);
      const elseExits = statement.alternate !== null && alwaysExits(statement.alternate);
      if (thenExits && !elseExits) conditions.push({ test: statement.test, holds: false });
      else if (elseExits && !thenExits) conditions.push({ test: statement.test, holds: true });
    }
  }
  return conditions;
}

/** Does control never go on past this statement? */
function alwaysExits(statement: TSESTree.Statement): boolean {
  switch (statement.type) {
    case AST_NODE_TYPES.ReturnStatement:
    case AST_NODE_TYPES.ThrowStatement:
    case AST_NODE_TYPES.ContinueStatement:
    case AST_NODE_TYPES.BreakStatement:
      return true;
    case AST_NODE_TYPES.BlockStatement:
      return statement.body.some(alwaysExits);
    case AST_NODE_TYPES.IfStatement:
      return statement.alternate !== null && alwaysExits(statement.consequent) && alwaysExits(statement.alternate);
    default:
      return false;
  }
}

/**
 * Does the code around the removal rule out the growth's entries: the entry
 * it removes (`const c = map.get(k)` with the removal's key, or `c` in `for
 * (const [k, c] of map)`) is tested on a property whose value the growth's
 * value never has (`if (c.kind === 'subscription') return;` when the growth
 * adds `{ kind: 'subscription', … }`)?
 */
function excludesGrowthValue(
  ctx: FreshEntryContext,
  removal: TSESTree.CallExpression,
  growth: GrowUse,
  uses: readonly Use[],
): boolean {
  const value = growth.site.type === AST_NODE_TYPES.CallExpression ? growth.site.arguments[1] : undefined;
  const key = removal.arguments[0];
  const fn = enclosingFunction(removal);
  if (!value || !key || !fn) return false;
  const entries = entryVariables(ctx, key, uses, fn);
  if (entries.length === 0) return false;
  const checker = ctx.services.program.getTypeChecker();
  const valueType = ctx.services.getTypeAtLocation(value);
  const isEntry = (node: TSESTree.Node): boolean =>
    node.type === AST_NODE_TYPES.Identifier &&
    entries.some((variable) => variable.references.some((ref) => ref.identifier === node));
  const literalValues = (property: string): (string | number | boolean)[] | null => {
    const symbol = checker.getPropertyOfType(valueType, property);
    if (!symbol) return null;
    const type = checker.getTypeOfSymbolAtLocation(symbol, ctx.services.esTreeNodeToTSNodeMap.get(value));
    const values: (string | number | boolean)[] = [];
    for (const part of type.isUnion() ? type.types : [type]) {
      if (part.isStringLiteral() || part.isNumberLiteral()) values.push(part.value);
      else if (part.flags & ts.TypeFlags.BooleanLiteral) values.push(checker.typeToString(part) === 'true');
      else return null;
    }
    return values;
  };
  const excludes = (test: TSESTree.Expression, holds: boolean): boolean => {
    const node = skipWrappers(test);
    if (node.type === AST_NODE_TYPES.UnaryExpression && node.operator === '!') return excludes(node.argument, !holds);
    if (node.type === AST_NODE_TYPES.LogicalExpression) {
      if (node.operator === '&&' && holds) return excludes(node.left, true) || excludes(node.right, true);
      if (node.operator === '||' && !holds) return excludes(node.left, false) || excludes(node.right, false);
      return false;
    }
    if (node.type !== AST_NODE_TYPES.BinaryExpression || !['===', '!==', '==', '!='].includes(node.operator)) {
      return false;
    }
    const sides = [node.left, node.right];
    const member = sides.find(
      (side): side is TSESTree.MemberExpression =>
        side.type === AST_NODE_TYPES.MemberExpression &&
        !side.computed &&
        side.property.type === AST_NODE_TYPES.Identifier &&
        isEntry(skipWrappers(side.object)),
    );
    const literal = sides.find((side): side is TSESTree.Literal => side.type === AST_NODE_TYPES.Literal);
    if (!member || !literal || member.property.type !== AST_NODE_TYPES.Identifier) return false;
    const wanted = literal.value;
    if (typeof wanted !== 'string' && typeof wanted !== 'number' && typeof wanted !== 'boolean') return false;
    const values = literalValues(member.property.name);
    if (!values) return false;
    const equal = (node.operator === '===' || node.operator === '==') === holds;
    return equal ? !values.includes(wanted) : values.every((v) => v === wanted);
  };
  return conditionsAt(removal, fn, true).some(({ test, holds }) => excludes(test, holds));
}

/**
 * The variables that hold the entry a removal under `key` takes out, in the
 * removal's function: `const c = map.get(k)` with `k` written as the
 * removal's key, or `c` in `for (const [k, c] of map)` (or `map.entries()`)
 * with the removal's key being that `k`.
 */
function entryVariables(
  ctx: FreshEntryContext,
  key: TSESTree.Node,
  uses: readonly Use[],
  fn: FunctionNode,
): TSESLint.Scope.Variable[] {
  const keyText = ctx.sourceCode.getText(key);
  const found: TSESLint.Scope.Variable[] = [];
  for (const use of uses) {
    if (!contains(fn, use.node)) continue;
    const parent = use.node.parent;
    const member = parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === use.node ? parent : null;
    const call =
      member?.parent.type === AST_NODE_TYPES.CallExpression && member.parent.callee === member ? member.parent : null;
    if (use.kind === 'read' && use.method === 'get' && call) {
      const argument = call.arguments[0];
      const declarator = outermostAlias(call).parent;
      if (
        argument &&
        ctx.sourceCode.getText(argument) === keyText &&
        declarator?.type === AST_NODE_TYPES.VariableDeclarator &&
        declarator.init === outermostAlias(call) &&
        declarator.id.type === AST_NODE_TYPES.Identifier
      ) {
        found.push(...ctx.sourceCode.getDeclaredVariables(declarator));
      }
      continue;
    }
    if (use.kind !== 'iterate') continue;
    // `for (… of map)`, or `for (… of map.entries())`.
    if (member && (!call || !isEntriesCall(member))) continue;
    const iterated = outermostAlias(call ?? use.node);
    const loop = iterated.parent;
    if (loop?.type !== AST_NODE_TYPES.ForOfStatement || loop.right !== iterated) continue;
    const declaration = loop.left;
    if (declaration.type !== AST_NODE_TYPES.VariableDeclaration) continue;
    const pattern = declaration.declarations[0].id;
    if (pattern.type !== AST_NODE_TYPES.ArrayPattern) continue;
    const [first, second] = pattern.elements;
    if (
      key.type !== AST_NODE_TYPES.Identifier ||
      first?.type !== AST_NODE_TYPES.Identifier ||
      second?.type !== AST_NODE_TYPES.Identifier ||
      first.name !== key.name
    ) {
      continue;
    }
    const variables = ctx.sourceCode.getDeclaredVariables(declaration);
    const keyVariable = variables.find((v) => v.name === first.name);
    if (!keyVariable?.references.some((ref) => ref.identifier === key)) continue;
    found.push(...variables.filter((v) => v.name === second.name));
  }
  return found;
}

function isEntriesCall(member: TSESTree.MemberExpression): boolean {
  return !member.computed && member.property.type === AST_NODE_TYPES.Identifier && member.property.name === 'entries';
}
