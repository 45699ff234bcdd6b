/**
 * The suggestions that give an endless loop a way to stop: the loop's constant test is
 * replaced by a check of what stops it (the function's `AbortSignal`, a stop flag its
 * class's teardown method sets, or a `signal` parameter the fix adds), or, where leaving
 * the loop normally would not type-check or would run code that was dead so far, the pass
 * starts with `signal.throwIfAborted()`. Built from the nodes the report names (the loop,
 * its function, the teardown method); null whenever the edit would not be mechanical.
 */
import {
  AST_NODE_TYPES,
  ASTUtils,
  TSESLint,
  type ParserServicesWithTypeInformation,
  type TSESTree,
} from '@typescript-eslint/utils';
import ts from 'typescript';
import { contains, isFunctionNode, walk, writtenTarget, type ClassNode, type FunctionNode } from '../analysis/ast.js';
import { isAbortSignalType } from '../analysis/types.js';
import type { EndlessLoop } from '../analysis/loops.js';
import { indentBefore, isJavaScriptFile } from './layout.js';

/**
 * - `checkSignal`: `while (!signal.aborted)`; `throwIfAborted`: `signal.throwIfAborted();` first in each pass.
 * - `addSignal`, `addSignalThrow`: the same with a `signal` parameter the fix adds.
 * - `checkStopFlag`: `while (!this.closed)`, a flag the teardown sets; `addStopFlag`: a new one.
 */
export type LoopStopKind =
  'checkSignal' | 'throwIfAborted' | 'addSignal' | 'addSignalThrow' | 'checkStopFlag' | 'addStopFlag';

export interface LoopStopSuggestion {
  kind: LoopStopKind;
  data: Record<string, string>;
  fix: TSESLint.ReportFixFunction;
}

export interface LoopStopContext {
  sourceCode: Readonly<TSESLint.SourceCode>;
  /** The linted file's name: a JavaScript file gets no type annotations. */
  filename: string;
  services: ParserServicesWithTypeInformation;
  checker: ts.TypeChecker;
}

/**
 * The function is given `signal` (as the analysis names it: `signal`, `options.signal`):
 * check it in the loop's condition, or, when leaving the loop normally is not an option,
 * call `throwIfAborted()` on it at the start of each pass.
 */
export function checkSignalSuggestion(
  loop: EndlessLoop,
  fn: FunctionNode,
  signal: string,
  context: LoopStopContext,
): LoopStopSuggestion | null {
  const access = signalAccess(loop, signal, context);
  if (!access) return null;
  const condition = conditionFix(loop, `!${access.text}${access.optional ? '?.' : '.'}aborted`, context.sourceCode);
  if (condition && canLeaveNormally(loop, fn, context)) {
    return { kind: 'checkSignal', data: { signal: access.text }, fix: condition };
  }
  if (!access.throwIfAborted) return null;
  const call = `${access.text}${access.optional ? '?.' : '.'}throwIfAborted()`;
  const start = startOfPass(loop, `${call};`, context.sourceCode);
  if (!start) return null;
  return { kind: 'throwIfAborted', data: { signal: access.text, call }, fix: start };
}

/**
 * The function is given no signal: add an optional `signal` parameter (last) and check it in
 * the loop's condition (or call `signal?.throwIfAborted()` first in each pass). Only for a
 * function whose callers this file shows calling it: one passed as a value may be called
 * with arguments it does not expect.
 */
export function addSignalSuggestion(
  loop: EndlessLoop,
  fn: FunctionNode,
  context: LoopStopContext,
): LoopStopSuggestion | null {
  const { sourceCode, services, checker } = context;
  if (fn.params.some((param) => param.type === AST_NODE_TYPES.RestElement)) return null;
  if (!onlyCalled(fn, sourceCode)) return null;
  const tsFn = services.esTreeNodeToTSNodeMap.get(fn);
  const global = checker.resolveName('AbortSignal', tsFn, ts.SymbolFlags.Type, false);
  if (!global || !isAbortSignalType(checker, checker.getDeclaredTypeOfSymbol(global))) return null;
  const hasThrowIfAborted =
    checker.getPropertyOfType(checker.getDeclaredTypeOfSymbol(global), 'throwIfAborted') !== undefined;
  const javascript = isJavaScriptFile(context.filename);
  // In JavaScript a parameter is optional only while the function has no JSDoc types: with them,
  // an untyped `signal` would be required of every caller.
  if (javascript && ts.getJSDocTags(tsFn).some((tag) => ts.isJSDocParameterTag(tag) || ts.isJSDocTypeTag(tag))) {
    return null;
  }
  const name = freeName(fn, 'signal', sourceCode);
  const param = `${name}${javascript ? '' : '?: AbortSignal'}`;
  const addParam = parameterFix(fn, param, sourceCode);
  if (!addParam) return null;
  const condition = conditionFix(loop, `!${name}?.aborted`, sourceCode);
  if (condition && canLeaveNormally(loop, fn, context)) {
    return {
      kind: 'addSignal',
      data: { signal: name },
      fix: (fixer) => [addParam(fixer), condition(fixer)],
    };
  }
  if (!hasThrowIfAborted) return null;
  const call = `${name}?.throwIfAborted()`;
  const start = startOfPass(loop, `${call};`, sourceCode);
  if (!start) return null;
  return {
    kind: 'addSignalThrow',
    data: { signal: name, call },
    fix: (fixer) => [addParam(fixer), ...toArray(start(fixer))],
  };
}

/**
 * The loop's class has a teardown method that does not stop it. When the teardown sets a
 * boolean field first thing (`this.closed = true`) and the field starts with the other value
 * (or is always set so before the loop's private method runs), the loop runs while the field
 * keeps it; otherwise a new `stopped` field is added, set first
 * thing in the teardown, and checked in the loop's condition.
 */
export function stopFlagSuggestion(
  loop: EndlessLoop,
  fn: FunctionNode,
  classNode: ClassNode,
  teardownName: string,
  context: LoopStopContext,
): LoopStopSuggestion | null {
  const { sourceCode } = context;
  if (!seesInstance(loop, fn, classNode)) return null;
  if (!canLeaveNormally(loop, fn, context)) return null;
  const teardown = teardownBody(classNode, teardownName, sourceCode);
  if (!teardown) return null;
  const flag = flagTheTeardownSets(classNode, teardown, fn, sourceCode);
  if (flag) {
    const check = `${flag.stopValue ? '!' : ''}this.${flag.name}`;
    const condition = conditionFix(loop, check, sourceCode);
    if (!condition) return null;
    return {
      kind: 'checkStopFlag',
      data: { check, flag: `this.${flag.name}`, value: String(flag.stopValue), teardown: teardownName },
      fix: condition,
    };
  }
  const field = newField(classNode, context);
  if (!field) return null;
  const declare = fieldDeclaration(classNode, field.declaration, sourceCode);
  const set = firstStatement(teardown, `this.${field.name} = true;`, classNode, sourceCode);
  const condition = conditionFix(loop, `!this.${field.name}`, sourceCode);
  if (!declare || !set || !condition) return null;
  return {
    kind: 'addStopFlag',
    data: { flag: field.name, teardown: teardownName },
    fix: (fixer) => [declare(fixer), set(fixer), condition(fixer)],
  };
}

function toArray(fix: TSESLint.RuleFix | Iterable<TSESLint.RuleFix> | null): TSESLint.RuleFix[] {
  if (fix === null) return [];
  return 'range' in fix ? [fix] : [...fix];
}

/**
 * Replace the loop's constant test with `check` (the condition to keep going on):
 * `while (true)` → `while (check)`, `for (;;)` → `for (; check; )`, `do … while (true)` → `do … while (check)`.
 */
function conditionFix(
  loop: EndlessLoop,
  check: string,
  sourceCode: Readonly<TSESLint.SourceCode>,
): ((fixer: TSESLint.RuleFixer) => TSESLint.RuleFix) | null {
  const test = loop.test;
  if (test) return (fixer) => fixer.replaceText(test, check);
  if (loop.type !== AST_NODE_TYPES.ForStatement) return null;
  // `for (init; ; update)`: the test goes between the two semicolons.
  const keyword = sourceCode.getFirstToken(loop);
  const open = keyword ? sourceCode.getTokenAfter(keyword) : null;
  const first = loop.init ? sourceCode.getTokenAfter(loop.init) : open ? sourceCode.getTokenAfter(open) : null;
  const second = first ? sourceCode.getTokenAfter(first) : null;
  if (!first || !second || !ASTUtils.isSemicolonToken(first) || !ASTUtils.isSemicolonToken(second)) return null;
  const after = loop.update ? '' : ' ';
  return (fixer) => fixer.replaceTextRange([first.range[1], second.range[1]], ` ${check};${after}`);
}

/**
 * Leaving the loop normally (its condition now false) goes where a `break` out of it goes:
 * to the end of the function, with nothing after the loop (code after an endless loop
 * without a `break` has never run); and the function may end without a value there (it
 * already can when the loop has a `break`, or its return type takes `undefined`).
 */
function canLeaveNormally(loop: EndlessLoop, fn: FunctionNode, context: LoopStopContext): boolean {
  if (!inTailPosition(loop, fn)) return false;
  return breaksOut(loop) || endsWithoutValue(fn, context);
}

function inTailPosition(loop: EndlessLoop, fn: FunctionNode): boolean {
  let child: TSESTree.Node = loop;
  for (let p: TSESTree.Node = loop.parent; ; child = p, p = p.parent) {
    switch (p.type) {
      case AST_NODE_TYPES.BlockStatement:
        if (p.body.at(-1) !== child) return false;
        if (p === fn.body) return true;
        break;
      case AST_NODE_TYPES.LabeledStatement:
      case AST_NODE_TYPES.IfStatement:
      case AST_NODE_TYPES.TryStatement:
      case AST_NODE_TYPES.CatchClause:
        // A statement in a branch, a `try` block or handler, or a labelled one: what follows is what follows it.
        break;
      default:
        return false;
    }
  }
}

/** A `break` in the body that leaves this very loop (the loop can already end normally). */
function breaksOut(loop: EndlessLoop): boolean {
  const label = loop.parent.type === AST_NODE_TYPES.LabeledStatement ? loop.parent.label.name : null;
  let found = false;
  walk(
    loop.body,
    (node) => {
      if (found || node.type !== AST_NODE_TYPES.BreakStatement) return;
      if (node.label) {
        found = node.label.name === label;
        return;
      }
      found = nearestBreakTarget(node, loop) === loop;
    },
    { intoFunctions: false },
  );
  return found;
}

function nearestBreakTarget(node: TSESTree.Node, loop: EndlessLoop): TSESTree.Node | null {
  for (let p: TSESTree.Node | undefined = node.parent; p; p = p.parent) {
    switch (p.type) {
      case AST_NODE_TYPES.WhileStatement:
      case AST_NODE_TYPES.DoWhileStatement:
      case AST_NODE_TYPES.ForStatement:
      case AST_NODE_TYPES.ForInStatement:
      case AST_NODE_TYPES.ForOfStatement:
      case AST_NODE_TYPES.SwitchStatement:
        return p;
      default:
        if ((p as TSESTree.Node) === loop) return null;
    }
  }
  return null;
}

/**
 * May the function end without a value? With a return type written, it must take
 * `undefined` (for an async function once awaited, for a generator its return slot);
 * without one, it must return no value anywhere, so what is inferred only widens to `void`.
 */
function endsWithoutValue(fn: FunctionNode, { services, checker }: LoopStopContext): boolean {
  let valued = false;
  walk(
    fn.body,
    (node) => {
      if (node.type === AST_NODE_TYPES.ReturnStatement && node.argument) valued = true;
    },
    { intoFunctions: false },
  );
  // Beside returns of a value, an end reached without one is an error under `noImplicitReturns`.
  if ((valued as boolean) && services.program.getCompilerOptions().noImplicitReturns === true) return false;
  const tsFn = services.esTreeNodeToTSNodeMap.get(fn);
  // Without a written return type, the function's type is inferred, and must still fit the type
  // the context expects of it (`const run: (x: string) => Promise<string> = async (x) => …`).
  const contextual =
    fn.returnType || fn.type === AST_NODE_TYPES.FunctionDeclaration
      ? undefined
      : checker.getContextualType(tsFn as ts.Expression)?.getCallSignatures()[0];
  if (!fn.returnType && !contextual) return !valued;
  const signature = contextual ?? checker.getSignatureFromDeclaration(tsFn);
  if (!signature) return false;
  let type = checker.getReturnTypeOfSignature(signature);
  if (fn.generator) {
    const args = type.flags & ts.TypeFlags.Object ? checker.getTypeArguments(type as ts.TypeReference) : [];
    // `AsyncIterable<T>`, `AsyncIterableIterator<T>`: no return slot, anything goes.
    const slot = args[1];
    if (!slot) return true;
    type = slot;
  } else if (fn.async) {
    type = checker.getAwaitedType(type) ?? type;
  }
  // With no `return` of a value at all, TypeScript lets the end be reached only for `void`, `any`,
  // `unknown` or exactly `undefined` (not `string | undefined`).
  // An inferred end without a value is `void`, which fits no `undefined`.
  if (!(valued as boolean)) {
    const loose =
      ts.TypeFlags.Void | ts.TypeFlags.Any | ts.TypeFlags.Unknown | (contextual ? 0 : ts.TypeFlags.Undefined);
    const parts = type.isUnion() ? type.types : [type];
    return (type.flags & loose) !== 0 || parts.some((part) => (part.flags & ts.TypeFlags.Void) !== 0);
  }
  return checker.isTypeAssignableTo(checker.getUndefinedType(), type);
}

/** How to read the signal at the loop, with `?.` wherever a part may be missing. */
function signalAccess(
  loop: EndlessLoop,
  signal: string,
  { sourceCode, services, checker }: LoopStopContext,
): { text: string; optional: boolean; throwIfAborted: boolean } | null {
  const [head, ...rest] = signal.split('.');
  if (!head || !/^[\p{L}_$][\p{L}\p{N}_$]*$/u.test(head)) return null;
  // The name must still mean the parameter at the loop: a local of the same name shadows it.
  const variable = ASTUtils.findVariable(sourceCode.getScope(loop), head);
  const def = variable?.defs[0];
  if (def?.type !== TSESLint.Scope.DefinitionType.Parameter || def.name.type !== AST_NODE_TYPES.Identifier) return null;
  const at = services.esTreeNodeToTSNodeMap.get(def.name);
  let type = checker.getTypeAtLocation(at);
  let text = head;
  for (const part of rest) {
    const missing = checker.getNonNullableType(type) !== type;
    const property = checker.getPropertyOfType(checker.getNonNullableType(type), part);
    if (!property) return null;
    text += missing ? `?.${part}` : `.${part}`;
    type = checker.getTypeOfSymbolAtLocation(property, at);
  }
  const last = checker.getNonNullableType(type);
  if (!isAbortSignalType(checker, last)) return null;
  // `a?.b.aborted`: a `?.` earlier in the chain short-circuits the rest; only the signal itself is asked here.
  return {
    text,
    optional: last !== type,
    throwIfAborted: checker.getPropertyOfType(last, 'throwIfAborted') !== undefined,
  };
}

/**
 * Insert `statement` (a throw when the signal is aborted) first in the loop's body, on its own
 * line. Not when a `try … catch` around the loop, inside its function, would catch the throw:
 * what it then does (go round an outer loop, say) is not the loop ending.
 */
function startOfPass(
  loop: EndlessLoop,
  statement: string,
  sourceCode: Readonly<TSESLint.SourceCode>,
): TSESLint.ReportFixFunction | null {
  let child: TSESTree.Node = loop;
  for (let p: TSESTree.Node | undefined = loop.parent; p && !isFunctionNode(p); child = p, p = p.parent) {
    if (p.type === AST_NODE_TYPES.TryStatement && p.block === child && p.handler) return null;
  }
  const body = loop.body;
  if (body.type !== AST_NODE_TYPES.BlockStatement) return null;
  const first = body.body[0];
  if (!first) return null;
  // The statement names what it reads as it is named at the loop; a local of the body (or of the
  // loop's head) with that name would take its place there.
  const root = /^[A-Za-z_$][\w$]*/.exec(statement)?.[0];
  if (root && root !== 'this') {
    const own = [sourceCode.getScope(body), sourceCode.getScope(loop)].filter(
      (scope) => scope.block === body || scope.block === loop,
    );
    if (own.some((scope) => scope.set.has(root))) return null;
  }
  const indent = indentBefore(sourceCode, first);
  if (indent === null) return null;
  return (fixer) => fixer.insertTextBefore(first, `${statement}\n${indent}`);
}

/**
 * A function the file only calls: a declaration, or a function stored in a variable, whose
 * every reference calls it or exports it; a method whose every `.name` read is called.
 */
function onlyCalled(fn: FunctionNode, sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  const parent = fn.parent;
  if (fn.type === AST_NODE_TYPES.FunctionDeclaration || parent.type === AST_NODE_TYPES.VariableDeclarator) {
    const id =
      fn.type === AST_NODE_TYPES.FunctionDeclaration
        ? fn.id
        : parent.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.Identifier
          ? parent.id
          : null;
    if (!id) return false;
    const variable = ASTUtils.findVariable(sourceCode.getScope(fn), id.name);
    if (!variable) return false;
    // Overloads: the added parameter would not be in the signatures callers see.
    if (variable.defs.some((def) => def.node.type === AST_NODE_TYPES.TSDeclareFunction)) return false;
    return variable.references.every((reference) => {
      if (reference.init) return true;
      const node = reference.identifier;
      return (
        (node.parent.type === AST_NODE_TYPES.CallExpression && node.parent.callee === node) ||
        node.parent.type === AST_NODE_TYPES.ExportSpecifier
      );
    });
  }
  if (
    (parent.type === AST_NODE_TYPES.MethodDefinition || parent.type === AST_NODE_TYPES.PropertyDefinition) &&
    parent.value === fn &&
    !parent.computed &&
    (parent.type === AST_NODE_TYPES.PropertyDefinition || parent.kind === 'method')
  ) {
    const key = parent.key;
    const name =
      key.type === AST_NODE_TYPES.Identifier || key.type === AST_NODE_TYPES.PrivateIdentifier ? key.name : null;
    if (name === null) return false;
    const classBody = parent.parent;
    // Overloads of the method.
    if (
      classBody.body.some(
        (member) =>
          member !== parent &&
          (member.type === AST_NODE_TYPES.MethodDefinition ||
            member.type === AST_NODE_TYPES.TSAbstractMethodDefinition) &&
          !member.computed &&
          (member.key.type === AST_NODE_TYPES.Identifier || member.key.type === AST_NODE_TYPES.PrivateIdentifier) &&
          member.key.name === name,
      )
    ) {
      return false;
    }
    let called = true;
    walk(sourceCode.ast, (node) => {
      if (
        called &&
        node.type === AST_NODE_TYPES.MemberExpression &&
        !node.computed &&
        node.property.name === name &&
        !(node.parent.type === AST_NODE_TYPES.CallExpression && node.parent.callee === node)
      ) {
        called = false;
      }
    });
    return called;
  }
  return false;
}

/** `base` unless something in or around the function already uses the name; then `base2`, `base3`… */
function freeName(fn: FunctionNode, base: string, sourceCode: Readonly<TSESLint.SourceCode>): string {
  const used = new Set<string>();
  walk(fn, (node) => {
    if (node.type === AST_NODE_TYPES.Identifier) used.add(node.name);
  });
  const scope = sourceCode.getScope(fn);
  const taken = (name: string): boolean => used.has(name) || ASTUtils.findVariable(scope, name) !== null;
  if (!taken(base)) return base;
  for (let i = 2; ; i++) if (!taken(`${base}${String(i)}`)) return `${base}${String(i)}`;
}

/** Append `param` to the function's parameter list. */
function parameterFix(
  fn: FunctionNode,
  param: string,
  sourceCode: Readonly<TSESLint.SourceCode>,
): ((fixer: TSESLint.RuleFixer) => TSESLint.RuleFix) | null {
  const last = fn.params.at(-1);
  if (last) {
    // `async label => …` has no parentheses around its one parameter: they come with the new one.
    const before = sourceCode.getTokenBefore(last);
    if (fn.params.length === 1 && !(before && ASTUtils.isOpeningParenToken(before) && before.range[0] >= fn.range[0])) {
      return (fixer) => fixer.replaceText(last, `(${sourceCode.getText(last)}, ${param})`);
    }
    return (fixer) => fixer.insertTextAfter(last, `, ${param}`);
  }
  // No parameters: the first `(` after the name and type parameters opens the list.
  const from = fn.typeParameters ?? (fn.type !== AST_NODE_TYPES.ArrowFunctionExpression ? fn.id : null);
  const open = from
    ? sourceCode.getTokenAfter(from, ASTUtils.isOpeningParenToken)
    : sourceCode.getFirstToken(fn, ASTUtils.isOpeningParenToken);
  const close = open ? sourceCode.getTokenAfter(open) : null;
  if (!open || !close || !ASTUtils.isClosingParenToken(close) || open.range[1] > fn.body.range[0]) return null;
  return (fixer) => fixer.insertTextAfter(open, param);
}

/** `this` in the loop is the instance of `classNode`: the function is an instance member's, arrows aside. */
function seesInstance(loop: EndlessLoop, fn: FunctionNode, classNode: ClassNode): boolean {
  let node: TSESTree.Node = fn;
  for (let p: TSESTree.Node | undefined = loop.parent; p && p !== fn; p = p.parent) {
    if (isFunctionNode(p) && p.type !== AST_NODE_TYPES.ArrowFunctionExpression) return false;
  }
  while (node.type === AST_NODE_TYPES.ArrowFunctionExpression) {
    let p: TSESTree.Node | undefined = node.parent;
    while (p && !isFunctionNode(p) && p.type !== AST_NODE_TYPES.PropertyDefinition) p = p.parent;
    if (!p) return false;
    if (p.type === AST_NODE_TYPES.PropertyDefinition) return !p.static && p.parent.parent === classNode;
    node = p;
  }
  const member = node.parent;
  return (
    member.type === AST_NODE_TYPES.MethodDefinition &&
    member.parent.parent === classNode &&
    !member.static &&
    member.value === node
  );
}

/** The block body of the one instance method (or arrow property) of that name. */
function teardownBody(
  classNode: ClassNode,
  name: string,
  sourceCode: Readonly<TSESLint.SourceCode>,
): TSESTree.BlockStatement | null {
  const bodies: TSESTree.BlockStatement[] = [];
  let others = 0;
  for (const member of classNode.body.body) {
    if (member.type !== AST_NODE_TYPES.MethodDefinition && member.type !== AST_NODE_TYPES.PropertyDefinition) continue;
    if (memberName(member, sourceCode) !== name) continue;
    const value = member.value;
    if (
      !member.static &&
      value &&
      (value.type === AST_NODE_TYPES.FunctionExpression || value.type === AST_NODE_TYPES.ArrowFunctionExpression) &&
      value.body.type === AST_NODE_TYPES.BlockStatement &&
      (member.type === AST_NODE_TYPES.PropertyDefinition
        ? value.type === AST_NODE_TYPES.ArrowFunctionExpression
        : member.kind === 'method')
    ) {
      bodies.push(value.body);
    } else {
      others++;
    }
  }
  return bodies.length === 1 && others === 0 ? (bodies[0] ?? null) : null;
}

function memberName(
  member:
    | TSESTree.MethodDefinition
    | TSESTree.PropertyDefinition
    | TSESTree.TSAbstractMethodDefinition
    | TSESTree.TSAbstractPropertyDefinition,
  sourceCode: Readonly<TSESLint.SourceCode>,
): string {
  if (member.computed) return sourceCode.getText(member.key);
  const key = member.key;
  if (key.type === AST_NODE_TYPES.Identifier) return key.name;
  if (key.type === AST_NODE_TYPES.PrivateIdentifier) return `#${key.name}`;
  return String(key.value);
}

/**
 * `this.closed = true` among the teardown's first statements (plain expression statements,
 * so nothing returns before it, and the only assignment of the field in the teardown), on an
 * instance field declared with the other boolean value, or declared with the same value
 * (`#running = false`) when the loop's method is private and every call of it comes right
 * after setting the field the other way (`this.#running = true; void this.#loop();`).
 */
function flagTheTeardownSets(
  classNode: ClassNode,
  teardown: TSESTree.BlockStatement,
  fn: FunctionNode,
  sourceCode: Readonly<TSESLint.SourceCode>,
): { name: string; stopValue: boolean } | null {
  for (const statement of teardown.body) {
    if (statement.type !== AST_NODE_TYPES.ExpressionStatement) return null;
    const expression = statement.expression;
    if (
      expression.type !== AST_NODE_TYPES.AssignmentExpression ||
      expression.operator !== '=' ||
      expression.left.type !== AST_NODE_TYPES.MemberExpression ||
      expression.left.computed ||
      expression.left.object.type !== AST_NODE_TYPES.ThisExpression ||
      expression.right.type !== AST_NODE_TYPES.Literal ||
      typeof expression.right.value !== 'boolean'
    ) {
      continue;
    }
    const property = expression.left.property;
    const name = property.type === AST_NODE_TYPES.PrivateIdentifier ? `#${property.name}` : property.name;
    const stopValue = expression.right.value;
    const field = classNode.body.body.find(
      (member): member is TSESTree.PropertyDefinition =>
        member.type === AST_NODE_TYPES.PropertyDefinition && !member.static && memberName(member, sourceCode) === name,
    );
    if (
      field?.value?.type === AST_NODE_TYPES.Literal &&
      (field.value.value === !stopValue ||
        (field.value.value === stopValue && setBeforeEveryRun(fn, name, !stopValue, sourceCode))) &&
      (!field.typeAnnotation || field.typeAnnotation.typeAnnotation.type === AST_NODE_TYPES.TSBooleanKeyword) &&
      assignmentsIn(teardown, name) === 1 &&
      onlyStartsElsewhere(classNode, teardown, name, stopValue, field.value.value === stopValue)
    ) {
      return { name, stopValue };
    }
  }
  return null;
}

/**
 * `fn` is a private method, called at least once, and only as a statement of its own
 * (`this.#loop();`, `void this.loop();`) that comes after `this.flag = value;` in the same
 * block with no other assignment of the flag between: it starts running with the flag so set.
 */
function setBeforeEveryRun(
  fn: FunctionNode,
  flag: string,
  value: boolean,
  sourceCode: Readonly<TSESLint.SourceCode>,
): boolean {
  const member = fn.parent;
  if (
    member.type !== AST_NODE_TYPES.MethodDefinition ||
    member.kind !== 'method' ||
    member.static ||
    member.computed ||
    (member.key.type !== AST_NODE_TYPES.PrivateIdentifier && member.accessibility !== 'private')
  ) {
    return false;
  }
  const name = memberName(member, sourceCode);
  let calls = 0;
  let others = 0;
  walk(sourceCode.ast, (node) => {
    if (node.type !== AST_NODE_TYPES.MemberExpression || node.computed) return;
    const property =
      node.property.type === AST_NODE_TYPES.PrivateIdentifier ? `#${node.property.name}` : node.property.name;
    if (property !== name) return;
    if (startsAfterSetting(node, flag, value)) calls++;
    else others++;
  });
  return calls > 0 && others === 0;
}

function startsAfterSetting(access: TSESTree.MemberExpression, flag: string, value: boolean): boolean {
  const call = access.parent;
  if (access.object.type !== AST_NODE_TYPES.ThisExpression) return false;
  if (call.type !== AST_NODE_TYPES.CallExpression || call.callee !== access) return false;
  let node: TSESTree.Node = call;
  while (
    (node.parent.type === AST_NODE_TYPES.UnaryExpression && node.parent.operator === 'void') ||
    node.parent.type === AST_NODE_TYPES.AwaitExpression
  ) {
    node = node.parent;
  }
  const statement = node.parent;
  if (
    statement.type !== AST_NODE_TYPES.ExpressionStatement ||
    statement.parent.type !== AST_NODE_TYPES.BlockStatement
  ) {
    return false;
  }
  const list = statement.parent.body;
  for (let i = list.indexOf(statement) - 1; i >= 0; i--) {
    const earlier = list[i];
    if (!earlier || assignmentsIn(earlier, flag) === 0) continue;
    return (
      earlier.type === AST_NODE_TYPES.ExpressionStatement &&
      earlier.expression.type === AST_NODE_TYPES.AssignmentExpression &&
      earlier.expression.operator === '=' &&
      isThisMember(earlier.expression.left, flag) &&
      earlier.expression.right.type === AST_NODE_TYPES.Literal &&
      earlier.expression.right.value === value &&
      assignmentsIn(earlier, flag) === 1
    );
  }
  return false;
}

/** `this.name` (`name` with its `#` for a private name). */
function isThisMember(node: TSESTree.Node, name: string): boolean {
  return (
    node.type === AST_NODE_TYPES.MemberExpression &&
    !node.computed &&
    node.object.type === AST_NODE_TYPES.ThisExpression &&
    (node.property.type === AST_NODE_TYPES.PrivateIdentifier ? `#${node.property.name}` : node.property.name) === name
  );
}

/**
 * Outside the teardown, the flag is only ever set to its running value, and only when it
 * starts out stopped (a running flag the start method sets): a flag that other methods set
 * to the stop value (`pause()`), or set back on one that starts running (`resume()`), means
 * more than "torn down", and the loop would end for good on the first of them.
 */
function onlyStartsElsewhere(
  classNode: ClassNode,
  teardown: TSESTree.BlockStatement,
  name: string,
  stopValue: boolean,
  startsStopped: boolean,
): boolean {
  return (memberWrites(classNode.body).get(name) ?? []).every((node) => {
    if (contains(teardown, node)) return true;
    if (node.type === AST_NODE_TYPES.UpdateExpression) return false;
    const value = node.right.type === AST_NODE_TYPES.Literal ? node.right.value : null;
    return node.operator === '=' && value === !stopValue && startsStopped;
  });
}

type MemberWrite = TSESTree.AssignmentExpression | TSESTree.UpdateExpression;

/** Per class body, its writes of `this.name` (`#name` for a private name), read once however many loops ask. */
const memberWriteCache = new WeakMap<TSESTree.ClassBody, Map<string, MemberWrite[]>>();

function memberWrites(body: TSESTree.ClassBody): Map<string, MemberWrite[]> {
  let writes = memberWriteCache.get(body);
  if (writes) return writes;
  const found = new Map<string, MemberWrite[]>();
  walk(body, (node) => {
    const target = writtenTarget(node);
    if (
      !target ||
      target.type !== AST_NODE_TYPES.MemberExpression ||
      target.computed ||
      target.object.type !== AST_NODE_TYPES.ThisExpression
    ) {
      return;
    }
    const property = target.property;
    const name = property.type === AST_NODE_TYPES.PrivateIdentifier ? `#${property.name}` : property.name;
    const list = found.get(name);
    if (list) list.push(node as MemberWrite);
    else found.set(name, [node as MemberWrite]);
  });
  writes = found;
  memberWriteCache.set(body, writes);
  return writes;
}

/** How often `root` assigns `this.name` (`this.closing = true; await flush(); this.closing = false` is twice). */
function assignmentsIn(root: TSESTree.Node, name: string): number {
  let count = 0;
  walk(root, (node) => {
    const target = writtenTarget(node);
    if (target && isThisMember(target, name)) count++;
  });
  return count;
}

/**
 * A new field's name (`stopped`, or `stopped2`… when the class or a base has a member so
 * named) and declaration: `#stopped = false;` where the class already uses private names or
 * the file is JavaScript, `private stopped = false;` otherwise.
 */
function newField(
  classNode: ClassNode,
  { sourceCode, services, checker, filename }: LoopStopContext,
): { name: string; declaration: string } | null {
  const javascript = isJavaScriptFile(filename);
  const usesPrivateNames = classNode.body.body.some(
    (member) =>
      (member.type === AST_NODE_TYPES.PropertyDefinition || member.type === AST_NODE_TYPES.MethodDefinition) &&
      member.key.type === AST_NODE_TYPES.PrivateIdentifier,
  );
  const hash = javascript || usesPrivateNames;
  const taken = new Set(
    classNode.body.body.flatMap((member) =>
      member.type === AST_NODE_TYPES.PropertyDefinition ||
      member.type === AST_NODE_TYPES.MethodDefinition ||
      member.type === AST_NODE_TYPES.TSAbstractPropertyDefinition ||
      member.type === AST_NODE_TYPES.TSAbstractMethodDefinition
        ? [memberName(member, sourceCode)]
        : [],
    ),
  );
  // Parameter properties (`constructor(private readonly name: T)`) and what the bases declare.
  const symbol = classNode.id
    ? checker.getSymbolAtLocation(services.esTreeNodeToTSNodeMap.get(classNode.id))
    : checker.getTypeAtLocation(services.esTreeNodeToTSNodeMap.get(classNode)).getSymbol();
  if (!symbol) return null;
  for (const property of checker.getPropertiesOfType(checker.getDeclaredTypeOfSymbol(symbol))) {
    taken.add(property.getName());
  }
  let name = 'stopped';
  for (let i = 2; taken.has(hash ? `#${name}` : name); i++) name = `stopped${String(i)}`;
  const key = hash ? `#${name}` : name;
  return { name: key, declaration: `${hash ? '' : 'private '}${key} = false;` };
}

/** Declare the field first in the class body, on its own line, indented as the first member. */
function fieldDeclaration(
  classNode: ClassNode,
  declaration: string,
  sourceCode: Readonly<TSESLint.SourceCode>,
): ((fixer: TSESLint.RuleFixer) => TSESLint.RuleFix) | null {
  const first = classNode.body.body[0];
  if (!first) return null;
  // An index signature constrains every property: the new field's `boolean` may not fit it.
  if (classNode.body.body.some((member) => member.type === AST_NODE_TYPES.TSIndexSignature)) return null;
  const start = sourceCode.getCommentsBefore(first)[0] ?? sourceCode.getFirstToken(first) ?? first;
  const indent = indentBefore(sourceCode, start);
  if (indent === null) return null;
  const lineStart = start.range[0] - indent.length;
  return (fixer) => fixer.insertTextBeforeRange([lineStart, lineStart], `${indent}${declaration}\n`);
}

/** Insert `statement` first in a method's body, on its own line. */
function firstStatement(
  body: TSESTree.BlockStatement,
  statement: string,
  classNode: ClassNode,
  sourceCode: Readonly<TSESLint.SourceCode>,
): ((fixer: TSESLint.RuleFixer) => TSESLint.RuleFix) | null {
  const first = body.body[0];
  if (first) {
    const start = sourceCode.getCommentsBefore(first)[0] ?? first;
    const indent = indentBefore(sourceCode, start);
    if (indent === null) return null;
    return (fixer) => fixer.insertTextBeforeRange([start.range[0], start.range[0]], `${statement}\n${indent}`);
  }
  // An empty body: indent one step more than the member, the step the class body uses.
  const member = body.parent.parent;
  const memberIndent = member ? indentBefore(sourceCode, member) : null;
  const classIndent = indentBefore(sourceCode, classNode) ?? '';
  if (memberIndent === null || !memberIndent.startsWith(classIndent) || memberIndent === classIndent) return null;
  const inner = memberIndent + memberIndent.slice(classIndent.length);
  const open = body.range[0] + 1;
  if (body.loc.start.line === body.loc.end.line) {
    const comments = sourceCode.getCommentsInside(body);
    if (comments.length > 0) return null;
    return (fixer) => fixer.replaceText(body, `{\n${inner}${statement}\n${memberIndent}}`);
  }
  return (fixer) => fixer.insertTextAfterRange([open, open], `\n${inner}${statement}`);
}
