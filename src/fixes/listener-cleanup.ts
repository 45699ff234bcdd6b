/**
 * The suggestions of no-leaked-listener: detach a listener when the call that
 * added it is done. Where the call ends decides where the detaching goes:
 *
 * - an async function (or async generator): the rest of the call goes into
 *   `try`, the detaching into `finally`;
 * - a function that returns a cleanup (a function without parameters): the
 *   detaching goes into every cleanup returned after the registration;
 * - a callback whose expected type lets it return a cleanup (an effect) and that
 *   returns nothing: it returns one;
 * - a `new Promise` executor: the promise detaches it in `.finally()`.
 *
 * How it is detached: `target.removeEventListener(event, handler)` (or
 * `removeListener`) where the handler has a name and the target and event can
 * be written again there; otherwise, where the registration takes an options
 * object with a `signal` (`addEventListener`), through `{ signal }` of a new
 * `AbortController` that the end aborts. Built from the nodes the report
 * names; returns nothing whenever the result could not type-check or would
 * detach the listener elsewhere than where the call ends.
 */
import {
  collectReturnAwaits,
  containsMultilineToken,
  movableIntoTry,
  statementInList,
  usedOutside,
} from './finally.js';
import {
  ASTUtils,
  AST_NODE_TYPES,
  type ParserServicesWithTypeInformation,
  TSESLint,
  type TSESTree,
} from '@typescript-eslint/utils';
import ts from 'typescript';
import { contains, enclosingFunction, isLoop, isPlainReference, skipWrappers, walk } from '../analysis/ast.js';
import type { FunctionNode } from '../analysis/ast.js';
import type { ListenerAdd } from '../analysis/listeners.js';
import { eolOf, indentStep, isJavaScriptFile, lineIndent, type Edit } from './layout.js';

export type CleanupSuggestionId =
  | 'removeInFinallySuggestion'
  | 'abortInFinallySuggestion'
  | 'removeInCleanupSuggestion'
  | 'abortInCleanupSuggestion'
  | 'removeInNewCleanupSuggestion'
  | 'abortInNewCleanupSuggestion'
  | 'abortWhenSettledSuggestion';

export interface CleanupSuggestion {
  messageId: CleanupSuggestionId;
  data: Record<string, string>;
  fix: TSESLint.ReportFixFunction;
}

type StatementList = TSESTree.BlockStatement | TSESTree.Program;

/** How the listener is detached at the end: its removal, or the abort of a controller passed as `{ signal }`. */
interface Detach {
  kind: 'remove' | 'abort';
  /** The statement that detaches (without `;`): `target.removeEventListener('x', h)`, `listeners.abort()`. */
  code: string;
  /** `const listeners = new AbortController();`, put before the anchor; null for a removal. */
  declaration: string | null;
  /** Edits at the registration: `{ signal }` passed to it, or its inline handler moved into a `const`. */
  edits: Edit[];
  /** The removal method, for the message. */
  method: string;
}

interface Context {
  sourceCode: Readonly<TSESLint.SourceCode>;
  services: ParserServicesWithTypeInformation;
  checker: ts.TypeChecker;
  add: ListenerAdd;
  /** The expression statement the registration makes up. */
  statement: TSESTree.ExpressionStatement;
  isJs: boolean;
}

export function listenerCleanupSuggestions(
  sourceCode: Readonly<TSESLint.SourceCode>,
  services: ParserServicesWithTypeInformation,
  add: ListenerAdd,
): CleanupSuggestion[] {
  const statement = addStatement(add.call);
  if (!statement) return [];
  const isJs = isJavaScriptFile(services.esTreeNodeToTSNodeMap.get(sourceCode.ast).fileName);
  const cx: Context = { sourceCode, services, checker: services.program.getTypeChecker(), add, statement, isJs };
  const fn = enclosingFunction(add.call);
  if (!fn) return [];
  const suggestion =
    (fn.async ? finallySuggestion(cx, fn) : null) ??
    (!fn.async && !fn.generator ? (returnedCleanupSuggestion(cx, fn) ?? addedCleanupSuggestion(cx, fn)) : null) ??
    settledSuggestion(cx, fn);
  return suggestion ? [suggestion] : [];
}

/** `target.on(…);` or `target?.addEventListener(…);` standing alone as a statement. */
function addStatement(call: TSESTree.CallExpression): TSESTree.ExpressionStatement | null {
  const node: TSESTree.Node = call.parent.type === AST_NODE_TYPES.ChainExpression ? call.parent : call;
  return node.parent.type === AST_NODE_TYPES.ExpressionStatement ? node.parent : null;
}

/**
 * The statement of `list` (the function's body or a loop's body) that holds the
 * registration, reached through `if` branches, blocks and `try` blocks only: a
 * statement after it runs while the call goes on.
 */
function anchorIn(
  statement: TSESTree.ExpressionStatement,
  fn: FunctionNode,
): { anchor: TSESTree.Statement; list: StatementList; nested: boolean } | null {
  let current: TSESTree.Node = statement;
  let p: TSESTree.Node | undefined = statement.parent;
  for (; p; current = p, p = p.parent as TSESTree.Node | undefined) {
    if (p.type === AST_NODE_TYPES.BlockStatement) {
      const owner: TSESTree.Node = p.parent;
      if (owner === fn || isLoop(owner)) {
        return { anchor: current as TSESTree.Statement, list: p, nested: current !== statement };
      }
      if (
        owner.type === AST_NODE_TYPES.IfStatement ||
        owner.type === AST_NODE_TYPES.BlockStatement ||
        (owner.type === AST_NODE_TYPES.TryStatement && owner.block === p)
      ) {
        continue;
      }
      return null;
    }
    if (p.type === AST_NODE_TYPES.IfStatement) continue;
    if (p.type === AST_NODE_TYPES.TryStatement && p.block === current) continue;
    return null;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Where the call ends

/** An async function: the rest of the call in `try`, the detaching in `finally`. */
function finallySuggestion(cx: Context, fn: FunctionNode): CleanupSuggestion | null {
  const { sourceCode } = cx;
  const text = sourceCode.text;
  const found = anchorIn(cx.statement, fn);
  if (!found) return null;
  const { anchor, list, nested } = found;
  const index = list.body.indexOf(anchor);
  const region = list.body.slice(nested ? index : index + 1);
  const first = region[0];
  const last = region.at(-1);
  if (!first || !last) return null;
  // The region checks of the \`finally\` fix; a function declaration would stop hoisting out of the region.
  if (region.some((statement) => !movableIntoTry(statement) || statement.type === AST_NODE_TYPES.FunctionDeclaration))
    return null;
  if (region.some((statement) => usedOutside(statement, [first.range[0], last.range[1]], sourceCode) !== null))
    return null;
  if (region.some((statement) => containsMultilineToken(statement))) return null;
  // The try's statements reach the end: where the try's own `finally` already is, it holds the detaching.
  const detach = detachFor(cx, { places: [list], sameFlow: !nested, ownThis: false, conditional: nested }, anchor);
  if (!detach) return null;

  const edits: Edit[] = [];
  edits.push(...detach.edits);
  for (const statement of region) collectReturnAwaits(statement, fn, cx.services, edits);
  const indent = lineIndent(text, anchor.range[0]);
  const unit = indentStep(indent);
  const eol = eolOf(text);
  const declaration = detach.declaration ? `${detach.declaration}${eol}${indent}` : '';

  const start = anchor.range[0];
  const end = last.range[1];
  const only = region.length === 1 ? region[0] : undefined;
  let replacement: string;
  const closing = `finally {${eol}${indent}${unit}${detach.code};${eol}${indent}}`;
  if (only?.type === AST_NODE_TYPES.TryStatement && !only.finalizer && only.handler && !nested) {
    // The rest is one try/catch: it gets the `finally` instead of being nested in another `try`.
    replacement = `${declaration}${applyEdits(text.slice(start, end), edits, start)} ${closing}`;
  } else {
    // The registration stays before `try` when it stands alone; in a branch, the branch goes into `try`.
    const regionStart = nested ? start : anchor.range[1];
    const head = applyEdits(text.slice(start, regionStart), edits, start);
    let body = applyEdits(text.slice(regionStart, end), edits, regionStart).replace(/\s+$/, '');
    if (nested) body = `${eol}${indent}${body}`;
    body = body.replace(/\n(?=[^\r\n])/g, `\n${unit}`);
    const separator = nested ? '' : `${eol}${indent}`;
    replacement = `${declaration}${head}${separator}try {${body}${eol}${indent}} ${closing}`;
  }
  return {
    messageId: detach.kind === 'remove' ? 'removeInFinallySuggestion' : 'abortInFinallySuggestion',
    data: { method: detach.method },
    fix: (fixer) => fixer.replaceTextRange([start, end], replacement),
  };
}

/** A function that returns cleanups: each cleanup returned after the registration also detaches it. */
function returnedCleanupSuggestion(cx: Context, fn: FunctionNode): CleanupSuggestion | null {
  const { sourceCode } = cx;
  const text = sourceCode.text;
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) return null;
  const found = anchorIn(cx.statement, fn);
  if (!found || found.list !== fn.body) return null;
  const { anchor } = found;
  const lastStatement = fn.body.body.at(-1);
  if (lastStatement?.type !== AST_NODE_TYPES.ReturnStatement) return null;
  const returns = ownReturns(fn).filter((ret) => ret.range[0] > anchor.range[1]);
  const cleanups: (TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression)[] = [];
  for (const ret of returns) {
    const argument = ret.argument ? skipWrappers(ret.argument) : null;
    if (
      (argument?.type !== AST_NODE_TYPES.ArrowFunctionExpression &&
        argument?.type !== AST_NODE_TYPES.FunctionExpression) ||
      argument.params.length > 0 ||
      argument.async ||
      argument.generator
    ) {
      return null;
    }
    cleanups.push(argument);
  }
  if (cleanups.length === 0) return null;
  const runs: End = {
    places: cleanups,
    sameFlow: false,
    ownThis: cleanups.some((cleanup) => cleanup.type === AST_NODE_TYPES.FunctionExpression),
    conditional: found.nested,
  };
  const detach = detachFor(cx, runs, anchor);
  if (!detach) return null;
  const eol = eolOf(text);
  const edits: Edit[] = [];
  if (detach.declaration) {
    edits.push({
      start: anchor.range[0],
      end: anchor.range[0],
      text: `${detach.declaration}${eol}${lineIndent(text, anchor.range[0])}`,
    });
  }
  edits.push(...detach.edits);
  for (const cleanup of cleanups) {
    const lineStart = lineIndent(text, cleanup.range[0]);
    const statementIndent = lineIndent(text, enclosingStatement(cleanup).range[0]);
    const unit = indentStep(statementIndent);
    if (cleanup.body.type === AST_NODE_TYPES.BlockStatement) {
      const inner = cleanup.body.body[0];
      if (inner && inner.loc.start.line === cleanup.body.loc.start.line) return null;
      const innerIndent = inner ? lineIndent(text, inner.range[0]) : `${lineStart}${unit}`;
      edits.push({
        start: cleanup.body.range[0] + 1,
        end: cleanup.body.range[0] + 1,
        text: `${eol}${innerIndent}${detach.code};`,
      });
    } else {
      const expression = cleanup.body;
      if (sourceCode.getText(expression).includes('\n')) return null;
      const kept = returnsVoid(cx, expression)
        ? `${sourceCode.getText(expression)};`
        : `return ${sourceCode.getText(expression)};`;
      const before = text.slice(cleanup.range[0], expression.range[0]).replace(/\s+$/, '');
      const wrapped =
        expression.type === AST_NODE_TYPES.SequenceExpression || expression.type === AST_NODE_TYPES.ObjectExpression
          ? null
          : `${before} {${eol}${statementIndent}${unit}${detach.code};${eol}${statementIndent}${unit}${kept}${eol}${statementIndent}}`;
      if (!wrapped) return null;
      edits.push({ start: cleanup.range[0], end: expression.range[1], text: wrapped });
      // The closing of `() => expr`: what came after the expression stays.
      const closing = text.slice(expression.range[1], cleanup.range[1]);
      if (closing.trim() !== '') return null;
    }
  }
  const start = Math.min(...edits.map((edit) => edit.start));
  const end = Math.max(...edits.map((edit) => edit.end));
  const replacement = applyEdits(text.slice(start, end), edits, start);
  return {
    messageId: detach.kind === 'remove' ? 'removeInCleanupSuggestion' : 'abortInCleanupSuggestion',
    data: { method: detach.method },
    fix: (fixer) => fixer.replaceTextRange([start, end], replacement),
  };
}

/**
 * A callback that returns nothing where its expected type lets it return a
 * cleanup function (an effect): it returns one that detaches the listener.
 */
function addedCleanupSuggestion(cx: Context, fn: FunctionNode): CleanupSuggestion | null {
  const { sourceCode, checker, services } = cx;
  const text = sourceCode.text;
  if (fn.type === AST_NODE_TYPES.FunctionDeclaration || fn.body.type !== AST_NODE_TYPES.BlockStatement) return null;
  const found = anchorIn(cx.statement, fn);
  if (!found || found.list !== fn.body) return null;
  if (ownReturns(fn).length > 0) return null;
  if (!acceptsCleanup(checker, services.esTreeNodeToTSNodeMap.get(fn))) return null;
  const last = fn.body.body.at(-1);
  if (!last) return null;
  const end: End = { places: [fn.body], sameFlow: false, ownThis: false, conditional: found.nested };
  const detach = detachFor(cx, end, found.anchor);
  if (!detach) return null;
  const eol = eolOf(text);
  const indent = lineIndent(text, found.anchor.range[0]);
  const edits: Edit[] = [
    { start: last.range[1], end: last.range[1], text: `${eol}${indent}return () => ${detach.code};` },
  ];
  if (detach.declaration) {
    edits.push({
      start: found.anchor.range[0],
      end: found.anchor.range[0],
      text: `${detach.declaration}${eol}${indent}`,
    });
  }
  edits.push(...detach.edits);
  const start = Math.min(...edits.map((edit) => edit.start));
  const replacement = applyEdits(text.slice(start, last.range[1]), edits, start);
  return {
    messageId: detach.kind === 'remove' ? 'removeInNewCleanupSuggestion' : 'abortInNewCleanupSuggestion',
    data: { method: detach.method },
    fix: (fixer) => fixer.replaceTextRange([start, last.range[1]], replacement),
  };
}

/** Does the function's expected type let it return a function that takes no arguments? */
function acceptsCleanup(checker: ts.TypeChecker, node: ts.Node): boolean {
  const expected = ts.isFunctionLike(node) && ts.isExpression(node) ? checker.getContextualType(node) : undefined;
  if (!expected) return false;
  return expected.getCallSignatures().some((signature) => {
    const returned = signature.getReturnType();
    const parts = returned.isUnion() ? returned.types : [returned];
    return parts.some((part) => part.getCallSignatures().some((cleanup) => cleanup.getParameters().length === 0));
  });
}

/** A `new Promise` executor: the promise aborts a controller passed as `{ signal }` when it settles. */
function settledSuggestion(cx: Context, fn: FunctionNode): CleanupSuggestion | null {
  const { sourceCode } = cx;
  const text = sourceCode.text;
  const promise = fn.parent;
  if (
    promise.type !== AST_NODE_TYPES.NewExpression ||
    promise.arguments[0] !== fn ||
    promise.callee.type !== AST_NODE_TYPES.Identifier ||
    promise.callee.name !== 'Promise'
  ) {
    return null;
  }
  // The global `Promise`, not a binding of the file.
  const binding = ASTUtils.findVariable(sourceCode.getScope(promise), 'Promise');
  if (binding && binding.defs.length > 0) return null;
  // Registered where the executor runs, not in a callback of its own.
  if (anchorIn(cx.statement, fn) === null) return null;
  const outer = statementInList(promise);
  if (!outer) return null;
  // `.finally()` takes the promise out of its expected type: the type argument must be written.
  let typeArgument = '';
  if (!promise.typeArguments && !cx.isJs) {
    const written = expectedPromiseArgument(promise, sourceCode);
    if (written === null) return null;
    typeArgument = `<${written}>`;
  }
  // JavaScript has no type arguments: only a promise of `unknown` or `any` keeps its type.
  if (!promise.typeArguments && cx.isJs && !inferredAnything(cx, promise)) return null;
  const detach = abortDetach(cx, outer);
  if (detach?.kind !== 'abort' || !detach.declaration) return null;
  const eol = eolOf(text);
  const edits: Edit[] = [
    {
      start: outer.range[0],
      end: outer.range[0],
      text: `${detach.declaration}${eol}${lineIndent(text, outer.range[0])}`,
    },
    ...detach.edits,
    { start: promise.range[1], end: promise.range[1], text: `.finally(() => ${detach.code})` },
  ];
  if (typeArgument) edits.push({ start: promise.callee.range[1], end: promise.callee.range[1], text: typeArgument });
  const start = outer.range[0];
  const end = Math.max(outer.range[1], promise.range[1]);
  const replacement = applyEdits(text.slice(start, end), edits, start);
  return {
    messageId: 'abortWhenSettledSuggestion',
    data: {},
    fix: (fixer) => fixer.replaceTextRange([start, end], replacement),
  };
}

function inferredAnything(cx: Context, promise: TSESTree.NewExpression): boolean {
  const type = cx.checker.getTypeAtLocation(cx.services.esTreeNodeToTSNodeMap.get(promise));
  if (!(type.flags & ts.TypeFlags.Object) || !((type as ts.ObjectType).objectFlags & ts.ObjectFlags.Reference))
    return false;
  const [argument] = cx.checker.getTypeArguments(type as ts.TypeReference);
  return argument !== undefined && (argument.flags & (ts.TypeFlags.Unknown | ts.TypeFlags.Any)) !== 0;
}

/** `Promise<T>` written as the return type of the function that returns the `new Promise`: its `T`. */
function expectedPromiseArgument(
  promise: TSESTree.NewExpression,
  sourceCode: Readonly<TSESLint.SourceCode>,
): string | null {
  const parent = promise.parent;
  let fn: FunctionNode | null = null;
  if (parent.type === AST_NODE_TYPES.ReturnStatement) fn = enclosingFunction(parent);
  else if (parent.type === AST_NODE_TYPES.ArrowFunctionExpression && parent.body === promise) fn = parent;
  const annotation = fn?.returnType?.typeAnnotation;
  if (
    annotation?.type !== AST_NODE_TYPES.TSTypeReference ||
    annotation.typeName.type !== AST_NODE_TYPES.Identifier ||
    annotation.typeName.name !== 'Promise' ||
    annotation.typeArguments?.params.length !== 1
  ) {
    return null;
  }
  const [argument] = annotation.typeArguments.params;
  return argument ? sourceCode.getText(argument) : null;
}

// ---------------------------------------------------------------------------------------------
// How the listener is detached

/** Where the detaching runs, for the removal's checks. */
interface End {
  /** Nodes whose scope the detaching runs in: every name must mean the same there. */
  places: readonly TSESTree.Node[];
  /** Runs right after the registration's own statement, in the same list: its narrowing holds. */
  sameFlow: boolean;
  /** Runs in a `function` of its own, with a `this` of its own. */
  ownThis: boolean;
  /** The registration sits in a branch: it may not have run when the detaching does. */
  conditional: boolean;
}

/**
 * The removal where the handler has a name that the end can use, else the abort
 * of a controller (declared before `before`) passed as `{ signal }` where the
 * registration takes one.
 */
function detachFor(cx: Context, end: End, before: TSESTree.Statement): Detach | null {
  return removalDetach(cx, end, false) ?? abortDetach(cx, before) ?? removalDetach(cx, end, true);
}

function removalDetach(cx: Context, end: End, hoisting: boolean): Detach | null {
  const { add, sourceCode, checker, services } = cx;
  const hoist = hoisting ? hoistHandler(cx, end) : null;
  if (hoisting && !hoist) return null;
  const handler = add.handler;
  if (
    !hoist &&
    handler.type !== AST_NODE_TYPES.Identifier &&
    !(handler.type === AST_NODE_TYPES.MemberExpression && isPlainReference(handler))
  )
    return null;
  // A handler shared by every call (a field, a module function): a target that keeps one copy of it
  // (an EventTarget), or a registration that may not have run, would lose another call's listener.
  const fn = enclosingFunction(add.call);
  const variable =
    handler.type === AST_NODE_TYPES.Identifier ? ASTUtils.findVariable(sourceCode.getScope(handler), handler) : null;
  const perCall =
    hoist !== null || (variable?.defs[0] !== undefined && fn !== null && contains(fn, variable.defs[0].node));
  if (!perCall && (end.conditional || add.method === 'addEventListener')) return null;
  if (!isPlainReference(add.event) && add.event.type !== AST_NODE_TYPES.Literal) return null;
  // A capture flag the removal would have to repeat.
  const options = add.call.arguments[2];
  if (options && !(options.type === AST_NODE_TYPES.Literal && options.value === false)) {
    if (options.type !== AST_NODE_TYPES.ObjectExpression) return null;
    if (
      options.properties.some(
        (property) =>
          property.type !== AST_NODE_TYPES.Property ||
          property.computed ||
          (property.key.type === AST_NODE_TYPES.Identifier && property.key.name === 'capture'),
      )
    ) {
      return null;
    }
  }
  const callee = skipWrappers(add.call.callee);
  let target = '';
  if (callee.type === AST_NODE_TYPES.MemberExpression) {
    const object = skipWrappers(callee.object);
    if (!isPlainReference(object)) return null;
    let optional = callee.optional;
    if (!end.sameFlow) {
      // Away from the registration its narrowing is gone: only a name (with `?.` where it may be missing) or `this`.
      if (object.type === AST_NODE_TYPES.Identifier) {
        const symbol = checker.getSymbolAtLocation(services.esTreeNodeToTSNodeMap.get(object));
        if (!symbol) return null;
        const declared = checker.getTypeOfSymbol(symbol);
        optional ||= declared !== checker.getNonNullableType(declared);
      } else if (object.type !== AST_NODE_TYPES.ThisExpression) {
        return null;
      }
    }
    target = `${sourceCode.getText(object)}${optional ? '?.' : '.'}`;
  } else if (callee.type !== AST_NODE_TYPES.Identifier) {
    return null;
  }
  const method = removalMethod(cx);
  if (!method) return null;
  // Every name the removal uses must mean the same where it runs.
  for (const node of hoist ? [callee, add.event] : [callee, add.event, handler]) {
    if (!end.places.every((place) => namesVisibleAt(node, place, sourceCode))) return null;
  }
  if (end.ownThis && (usesThis(handler) || usesThis(callee))) return null;
  // A name assigned again after the registration would name something else at the end.
  for (const node of hoist ? [callee, add.event] : [callee, add.event, handler]) {
    if (reassignedAfter(node, add.call, sourceCode)) return null;
  }
  const handlerText = hoist ? hoist.name : sourceCode.getText(handler);
  const code = `${target}${method}(${sourceCode.getText(add.event)}, ${handlerText})`;
  return { kind: 'remove', code, declaration: null, edits: hoist?.edits ?? [], method };
}

/**
 * An inline handler moved into a `const` just before the registration's statement,
 * which stands directly in its list: `const onExit = () => …; process.on('exit', onExit);`.
 * Only an arrow function (or a `function` that does not use `this`) whose
 * parameters are annotated (they lose the registration's contextual types), on a
 * registration without `?.` (whose narrowing the handler could rely on).
 */
export function hoistHandler(
  cx: Pick<Context, 'add' | 'sourceCode' | 'isJs' | 'statement'>,
  end: Pick<End, 'conditional'> | null,
): { name: string; edits: Edit[] } | null {
  const { add, sourceCode, isJs, statement } = cx;
  const handler = add.handler;
  if (end?.conditional) return null;
  if (handler.type !== AST_NODE_TYPES.ArrowFunctionExpression && handler.type !== AST_NODE_TYPES.FunctionExpression)
    return null;
  if (handler.type === AST_NODE_TYPES.FunctionExpression && usesOwnThis(handler)) return null;
  if (!isJs && handler.params.some((param) => !hasAnnotation(param))) return null;
  if (add.call.parent.type === AST_NODE_TYPES.ChainExpression) return null;
  const list = statement.parent;
  if (list.type !== AST_NODE_TYPES.BlockStatement && list.type !== AST_NODE_TYPES.Program) return null;
  if (sourceCode.getCommentsBefore(statement).length > 0) return null;
  const event = add.event.type === AST_NODE_TYPES.Literal && typeof add.event.value === 'string' ? add.event.value : '';
  const base = /^[A-Za-z][A-Za-z0-9]*$/.test(event)
    ? `on${event[0]?.toUpperCase() ?? ''}${event.slice(1)}`
    : 'listener';
  const name = freshName(sourceCode, statement, base);
  if (!name) return null;
  const text = sourceCode.text;
  const eol = eolOf(text);
  const indent = lineIndent(text, statement.range[0]);
  return {
    name,
    edits: [
      {
        start: statement.range[0],
        end: statement.range[0],
        text: `const ${name} = ${sourceCode.getText(handler)};${eol}${indent}`,
      },
      { start: handler.range[0], end: handler.range[1], text: name },
    ],
  };
}

function hasAnnotation(param: TSESTree.Parameter): boolean {
  if (param.type === AST_NODE_TYPES.AssignmentPattern) return param.left.typeAnnotation !== undefined;
  if (param.type === AST_NODE_TYPES.TSParameterProperty) return false;
  return param.typeAnnotation !== undefined;
}

/** Does the `function` use its own `this` (not one of a nested `function`)? */
function usesOwnThis(fn: TSESTree.FunctionExpression): boolean {
  let found = false;
  walk(fn.body, (node) => {
    if (node.type === AST_NODE_TYPES.ThisExpression) {
      let owner = enclosingFunction(node);
      while (owner?.type === AST_NODE_TYPES.ArrowFunctionExpression) owner = enclosingFunction(owner);
      if (owner === fn) found = true;
    }
  });
  return found;
}

/** `removeEventListener` for `addEventListener`; `removeListener` (or `off`) for the emitters' adds. */
function removalMethod(cx: Context): string | null {
  const { add, checker, services } = cx;
  if (add.method === 'addEventListener') return 'removeEventListener';
  if (!add.receiver) return null;
  const type = checker.getNonNullableType(checker.getTypeAtLocation(services.esTreeNodeToTSNodeMap.get(add.receiver)));
  for (const name of ['removeListener', 'off']) {
    const property = checker.getPropertyOfType(checker.getApparentType(type), name);
    if (property && checker.getTypeOfSymbol(property).getCallSignatures().length > 0) return name;
  }
  return null;
}

/** A new `AbortController` declared before `before`, its `signal` passed in the registration's options. */
function abortDetach(cx: Context, before: TSESTree.Statement): Detach | null {
  const { add, sourceCode } = cx;
  if (!acceptsSignal(cx)) return null;
  const name = freshName(sourceCode, before, 'listeners');
  if (!name) return null;
  const signal = `signal: ${name}.signal`;
  const options = add.call.arguments[2];
  let optionsEdit: Edit;
  if (!options) {
    const handler = add.call.arguments[1];
    if (!handler) return null;
    // After the handler, before a trailing comma if any.
    optionsEdit = { start: handler.range[1], end: handler.range[1], text: `, { ${signal} }` };
  } else if (options.type === AST_NODE_TYPES.Literal && typeof options.value === 'boolean') {
    optionsEdit = {
      start: options.range[0],
      end: options.range[1],
      text: `{ capture: ${String(options.value)}, ${signal} }`,
    };
  } else if (options.type === AST_NODE_TYPES.ObjectExpression) {
    if (options.properties.some((property) => property.type !== AST_NODE_TYPES.Property || property.computed))
      return null;
    const lastProperty = options.properties.at(-1);
    if (!lastProperty) {
      optionsEdit = { start: options.range[0], end: options.range[1], text: `{ ${signal} }` };
    } else {
      if (sourceCode.getText(options).includes('\n')) return null;
      optionsEdit = { start: lastProperty.range[1], end: lastProperty.range[1], text: `, ${signal}` };
    }
  } else {
    return null;
  }
  return {
    kind: 'abort',
    code: `${name}.abort()`,
    declaration: `const ${name} = new AbortController();`,
    edits: [optionsEdit],
    method: 'abort',
  };
}

/** Does the registration take an options object with a `signal` (as `addEventListener` does)? */
function acceptsSignal(cx: Context): boolean {
  const { checker, services, add } = cx;
  const call = services.esTreeNodeToTSNodeMap.get<TSESTree.CallExpression>(add.call);
  const signature = checker.getResolvedSignature(call);
  const parameter = signature?.getParameters()[2];
  if (!parameter) return false;
  const type = checker.getNonNullableType(checker.getTypeOfSymbolAtLocation(parameter, call));
  const parts = type.isUnion() ? type.types : [type];
  return parts.some((part) => {
    if (!(part.flags & ts.TypeFlags.Object)) return false;
    const signal = checker.getPropertyOfType(part, 'signal');
    if (!signal) return false;
    const signalType = checker.getNonNullableType(checker.getTypeOfSymbolAtLocation(signal, call));
    const signalParts = signalType.isUnion() ? signalType.types : [signalType];
    return signalParts.some((p) => p.getSymbol()?.getName() === 'AbortSignal');
  });
}

// ---------------------------------------------------------------------------------------------
// Helpers

/** Does every name in `node` (not property names) resolve, at `place`, to what it resolves to in `node`? */
function namesVisibleAt(node: TSESTree.Node, place: TSESTree.Node, sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  let ok = true;
  walk(node, (child, parent) => {
    if (!ok || child.type !== AST_NODE_TYPES.Identifier) return;
    if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.property === child && !parent.computed) return;
    const here = ASTUtils.findVariable(sourceCode.getScope(child), child.name);
    const there = ASTUtils.findVariable(sourceCode.getScope(place), child.name);
    if (here !== there) ok = false;
    // Declared before it is used at the end.
    else if (here && here.defs.length > 0 && !contains(here.scope.block, place)) ok = false;
  });
  return ok;
}

/** Is a name in `node` assigned anywhere after `after` (other than where it is declared)? */
function reassignedAfter(
  node: TSESTree.Node,
  after: TSESTree.Node,
  sourceCode: Readonly<TSESLint.SourceCode>,
): boolean {
  let found = false;
  walk(node, (child, parent) => {
    if (found || child.type !== AST_NODE_TYPES.Identifier) return;
    if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.property === child && !parent.computed) return;
    const variable = ASTUtils.findVariable(sourceCode.getScope(child), child.name);
    if (variable?.references.some((ref) => ref.isWrite() && !ref.init && ref.identifier.range[0] > after.range[1]))
      found = true;
  });
  return found;
}

function ownReturns(fn: FunctionNode): TSESTree.ReturnStatement[] {
  const returns: TSESTree.ReturnStatement[] = [];
  walk(fn.body, (node) => {
    if (node.type === AST_NODE_TYPES.ReturnStatement && enclosingFunction(node) === fn) returns.push(node);
  });
  return returns;
}

function usesThis(node: TSESTree.Node): boolean {
  let found = false;
  walk(node, (child) => {
    if (child.type === AST_NODE_TYPES.ThisExpression) found = true;
  });
  return found;
}

/** A name declared nowhere in scope at `place` and used nowhere in its function: `listeners`, `listeners2`, … */
function freshName(sourceCode: Readonly<TSESLint.SourceCode>, place: TSESTree.Node, base: string): string | null {
  const used = new Set<string>();
  const root: TSESTree.Node = enclosingFunction(place) ?? sourceCode.ast;
  walk(root, (child) => {
    if (child.type === AST_NODE_TYPES.Identifier) used.add(child.name);
  });
  for (let suffix = 0; suffix < 20; suffix += 1) {
    const name = suffix === 0 ? base : `${base}${suffix + 1}`;
    if (used.has(name)) continue;
    if (ASTUtils.findVariable(sourceCode.getScope(place), name)) continue;
    return name;
  }
  return null;
}

function returnsVoid(cx: Context, expression: TSESTree.Expression): boolean {
  const type = cx.checker.getTypeAtLocation(cx.services.esTreeNodeToTSNodeMap.get(expression));
  return (type.flags & (ts.TypeFlags.Void | ts.TypeFlags.Undefined)) !== 0;
}

function enclosingStatement(node: TSESTree.Node): TSESTree.Node {
  let current: TSESTree.Node = node;
  for (let p = node.parent; p; current = p, p = p.parent) {
    if (p.type === AST_NODE_TYPES.BlockStatement || p.type === AST_NODE_TYPES.Program) return current;
  }
  return current;
}

function applyEdits(slice: string, edits: readonly Edit[], offset: number): string {
  let result = slice;
  const inside = edits.filter((edit) => edit.start >= offset && edit.end <= offset + slice.length);
  for (const edit of [...inside].sort((a, b) => b.start - a.start)) {
    const start = edit.start - offset;
    const end = edit.end - offset;
    result = result.slice(0, start) + edit.text + result.slice(end);
  }
  return result;
}

// ---------------------------------------------------------------------------------------------
// A removal that names another function

export type SameListenerSuggestionId = 'passSameListenerSuggestion' | 'nameSameListenerSuggestion';

export interface SameListenerSuggestion {
  messageId: SameListenerSuggestionId;
  data: Record<string, string>;
  fix: TSESLint.ReportFixFunction;
}

/**
 * The file's one removal for the registration's target and event that passes
 * another function (an inline one, which nothing was ever added as, or a name
 * that no registration on that target uses): it is made to pass the
 * registration's own handler. A named handler is passed by name where that name
 * means the same; an inline one is first kept in a `const` before the
 * registration (the removal in the same block, after it) or, in a method, in a
 * field of the class (the removal in another method of the class).
 */
export function sameListenerSuggestion(
  sourceCode: Readonly<TSESLint.SourceCode>,
  services: ParserServicesWithTypeInformation,
  add: ListenerAdd,
  removal: { call: TSESTree.CallExpression; method: string; handler: TSESTree.Expression },
): SameListenerSuggestion | null {
  const text = sourceCode.text;
  const line = String(removal.call.loc.start.line);
  const handler = add.handler;
  // The removal's target, written alike, must name the same object there (not a local of another function).
  if (add.receiver && !namesVisibleAt(add.receiver, removal.call, sourceCode)) return null;
  if (handler.type === AST_NODE_TYPES.Identifier) {
    if (!namesVisibleAt(handler, removal.call, sourceCode)) return null;
    return {
      messageId: 'passSameListenerSuggestion',
      data: { handler: handler.name, method: removal.method, line },
      fix: (fixer) => fixer.replaceText(removal.handler, handler.name),
    };
  }
  const statement = addStatement(add.call);
  if (!statement) return null;
  const isJs = isJavaScriptFile(services.esTreeNodeToTSNodeMap.get(sourceCode.ast).fileName);
  // In the same block, after the registration: a `const`.
  if (contains(statement.parent, removal.call) && removal.call.range[0] > statement.range[1]) {
    const hoist = hoistHandler({ add, sourceCode, isJs, statement }, null);
    if (!hoist) return null;
    const edits = [
      ...hoist.edits,
      { start: removal.handler.range[0], end: removal.handler.range[1], text: hoist.name },
    ];
    const start = statement.range[0];
    const end = removal.handler.range[1];
    const replacement = applyEdits(text.slice(start, end), edits, start);
    return {
      messageId: 'nameSameListenerSuggestion',
      data: { name: hoist.name, method: removal.method, line },
      fix: (fixer) => fixer.replaceTextRange([start, end], replacement),
    };
  }
  return fieldSuggestion(sourceCode, services, add, removal, isJs);
}

/** In a method: the inline handler becomes a field of the class, and both calls pass `this.field`. */
function fieldSuggestion(
  sourceCode: Readonly<TSESLint.SourceCode>,
  services: ParserServicesWithTypeInformation,
  add: ListenerAdd,
  removal: { call: TSESTree.CallExpression; method: string; handler: TSESTree.Expression },
  isJs: boolean,
): SameListenerSuggestion | null {
  const text = sourceCode.text;
  const handler = add.handler;
  const method = memberOf(add.call);
  if (!method || method === memberOf(removal.call) || memberOf(removal.call)?.parent !== method.parent) return null;
  // Both targets name the same object from any method: a global or `this`-based chain, written alike.
  const addCallee = skipWrappers(add.call.callee);
  const removalCallee = skipWrappers(removal.call.callee);
  if (addCallee.type !== AST_NODE_TYPES.MemberExpression || removalCallee.type !== AST_NODE_TYPES.MemberExpression)
    return null;
  const target = skipWrappers(addCallee.object);
  if (sourceCode.getText(target) !== sourceCode.getText(skipWrappers(removalCallee.object))) return null;
  if (!isPlainReference(target) || !namesVisibleAt(target, method, sourceCode)) return null;
  // The handler: an arrow that uses only `this` and names visible in the class, or `this.method.bind(this)`.
  if (handler.type === AST_NODE_TYPES.ArrowFunctionExpression) {
    if (!isJs && handler.params.some((param) => !hasAnnotation(param))) return null;
  } else if (!isBoundMethod(handler, services)) {
    return null;
  }
  if (!namesVisibleAt(handler, method, sourceCode)) return null;
  if (!bothThisOfClass(add.call, removal.call, method)) return null;
  const event = add.event.type === AST_NODE_TYPES.Literal && typeof add.event.value === 'string' ? add.event.value : '';
  const base = /^[A-Za-z][A-Za-z0-9]*$/.test(event)
    ? `on${event[0]?.toUpperCase() ?? ''}${event.slice(1)}`
    : 'listener';
  const name = freshName(sourceCode, method.parent, base);
  if (!name) return null;
  const eol = eolOf(text);
  const indent = lineIndent(text, method.range[0]);
  const field = `${isJs ? '' : 'private readonly '}${name} = ${sourceCode.getText(handler)};${eol}${eol}${indent}`;
  const edits: Edit[] = [
    { start: method.range[0], end: method.range[0], text: field },
    { start: handler.range[0], end: handler.range[1], text: `this.${name}` },
    { start: removal.handler.range[0], end: removal.handler.range[1], text: `this.${name}` },
  ];
  const start = Math.min(method.range[0], removal.handler.range[0]);
  const end = Math.max(handler.range[1], removal.handler.range[1]);
  if (sourceCode.getCommentsBefore(method).length > 0 || ('decorators' in method && method.decorators.length > 0))
    return null;
  const replacement = applyEdits(text.slice(start, end), edits, start);
  return {
    messageId: 'nameSameListenerSuggestion',
    data: { name: `this.${name}`, method: removal.method, line: String(removal.call.loc.start.line) },
    fix: (fixer) => fixer.replaceTextRange([start, end], replacement),
  };
}

/** The non-static method of a class whose own body holds `node` (through arrows only). */
function memberOf(node: TSESTree.Node): TSESTree.MethodDefinition | null {
  let fn = enclosingFunction(node);
  while (fn?.type === AST_NODE_TYPES.ArrowFunctionExpression) fn = enclosingFunction(fn);
  const parent = fn?.parent;
  return parent?.type === AST_NODE_TYPES.MethodDefinition &&
    !parent.static &&
    parent.kind === 'method' &&
    parent.key.type === AST_NODE_TYPES.Identifier
    ? parent
    : null;
}

/** `this` in both calls is the instance: neither sits in a `function` of its own. */
function bothThisOfClass(a: TSESTree.Node, b: TSESTree.Node, method: TSESTree.MethodDefinition): boolean {
  return [a, b].every((node) => memberOf(node)?.parent === method.parent);
}

/** `this.name.bind(this)` for a method of the class (a field could still be undefined when the new field is made). */
function isBoundMethod(node: TSESTree.Expression, services: ParserServicesWithTypeInformation): boolean {
  if (node.type !== AST_NODE_TYPES.CallExpression || node.arguments.length !== 1) return false;
  const [argument] = node.arguments;
  if (argument?.type !== AST_NODE_TYPES.ThisExpression) return false;
  const callee = node.callee;
  if (callee.type !== AST_NODE_TYPES.MemberExpression || callee.computed) return false;
  if (callee.property.type !== AST_NODE_TYPES.Identifier || callee.property.name !== 'bind') return false;
  const bound = callee.object;
  if (bound.type !== AST_NODE_TYPES.MemberExpression || bound.computed) return false;
  if (bound.object.type !== AST_NODE_TYPES.ThisExpression) return false;
  const checker = services.program.getTypeChecker();
  const symbol = checker.getSymbolAtLocation(services.esTreeNodeToTSNodeMap.get(bound.property));
  return symbol !== undefined && (symbol.flags & ts.SymbolFlags.Method) !== 0;
}

// ---------------------------------------------------------------------------------------------
// A once-guard whose flag nothing sets

export interface GuardFlagSuggestion {
  messageId: 'setGuardFlagSuggestion';
  data: Record<string, string>;
  fix: TSESLint.ReportFixFunction;
}

/**
 * `if (!installed) { target.on(…); }` where `installed` is a `let` of an outer
 * scope, made `false` and assigned nowhere: the guard was meant to let the
 * listener be added once. `installed = true;` goes right after the registration.
 */
export function guardFlagSuggestion(
  sourceCode: Readonly<TSESLint.SourceCode>,
  add: ListenerAdd,
): GuardFlagSuggestion | null {
  const statement = addStatement(add.call);
  if (!statement) return null;
  const block = statement.parent;
  if (block.type !== AST_NODE_TYPES.BlockStatement) return null;
  const guard = block.parent;
  if (guard.type !== AST_NODE_TYPES.IfStatement || guard.consequent !== block) return null;
  const test = guard.test;
  if (test.type !== AST_NODE_TYPES.UnaryExpression || test.operator !== '!') return null;
  const flag = test.argument;
  if (flag.type !== AST_NODE_TYPES.Identifier) return null;
  const variable = ASTUtils.findVariable(sourceCode.getScope(flag), flag);
  const definition = variable?.defs[0];
  if (!variable || variable.defs.length !== 1 || definition?.type !== TSESLint.Scope.DefinitionType.Variable)
    return null;
  const declarator = definition.node;
  if (definition.parent.kind !== 'let' || declarator.id.type !== AST_NODE_TYPES.Identifier) return null;
  if (declarator.init?.type !== AST_NODE_TYPES.Literal || declarator.init.value !== false) return null;
  // Declared outside the function (it outlives the call), and written nowhere but its declaration.
  const fn = enclosingFunction(add.call);
  if (!fn || contains(fn, declarator)) return null;
  if (variable.references.some((ref) => ref.isWrite() && !ref.init)) return null;
  // Read only by this guard: a flag other code tests too would then hold that code back as well.
  if (variable.references.some((ref) => ref.isRead() && ref.identifier !== flag)) return null;
  const text = sourceCode.text;
  const eol = eolOf(text);
  const indent = lineIndent(text, statement.range[0]);
  return {
    messageId: 'setGuardFlagSuggestion',
    data: { flag: flag.name },
    fix: (fixer) => fixer.insertTextAfter(statement, `${eol}${indent}${flag.name} = true;`),
  };
}
