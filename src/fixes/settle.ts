/**
 * Fixes that settle a promise on a path that ends silently: the executor's
 * `reject` (taken as its second parameter when it has none), called with the
 * error value in scope on that path (a node-style callback's error parameter,
 * a `catch` binding, a `.catch()` handler's parameter, what a `throw` throws)
 * or `resolve` called with what an executor `return`s. Each builder returns
 * null when the edit could not be right: no value in scope, a name that would
 * be captured, a path that does not end where the edit goes.
 */
import { containsMultilineToken } from './finally.js';
import { AST_NODE_TYPES, TSESLint, type TSESTree } from '@typescript-eslint/utils';
import ts from 'typescript';
import { contains, isFunctionNode, walk, type FunctionNode } from '../analysis/ast.js';
import type { Leak } from '../analysis/paths.js';
import type { ExecutorModel } from '../analysis/settlers.js';
import { indentOfLine } from './layout.js';

type SourceCode = Readonly<TSESLint.SourceCode>;
type Fixer = TSESLint.RuleFixer;
type Fix = TSESLint.RuleFix;

/** The executor's `reject`, and the edit that declares it when the executor takes none. */
export interface RejectBinding {
  name: string;
  /** True when the edit adds the parameter. */
  added: boolean;
  declare: (fixer: Fixer) => Fix[];
}

/**
 * The name that calls the executor's `reject` at `at`: its own parameter when
 * it takes one (and no inner binding hides it there), else a fresh name added
 * as the second parameter (`reject`, or `reject2`… when that name is used
 * anywhere in the executor, so nothing inside is captured).
 */
export function rejectBinding(sourceCode: SourceCode, model: ExecutorModel, at: TSESTree.Node): RejectBinding | null {
  const executor = model.executor;
  if (model.rejectName) {
    const variable = variableAt(sourceCode, at, model.rejectName);
    const def = variable?.defs[0];
    if (def?.type !== TSESLint.Scope.DefinitionType.Parameter || def.node !== executor) return null;
    return { name: model.rejectName, added: false, declare: () => [] };
  }
  const [first] = executor.params;
  if (executor.params.length !== 1 || first?.type !== AST_NODE_TYPES.Identifier) return null;
  const used = namesIn(sourceCode, executor);
  let name = 'reject';
  for (let n = 2; used.has(name); n++) name = `reject${String(n)}`;
  // `(resolve) => …`, not the `(` of `new Promise(resolve => …)` before an arrow's bare parameter.
  const before = sourceCode.getTokenBefore(first);
  const parenthesized = before?.value === '(' && before.range[0] >= executor.range[0];
  const declare = (fixer: Fixer): Fix[] => [
    parenthesized
      ? fixer.insertTextAfter(first, `, ${name}`)
      : fixer.replaceText(first, `(${sourceCode.getText(first)}, ${name})`),
  ];
  return { name, added: true, declare };
}

/**
 * The names a new parameter of `fn` must not take: those declared in it or
 * in any scope inside it, and those its code reads from outside (a parameter
 * of that name would capture them).
 */
function namesIn(sourceCode: SourceCode, fn: FunctionNode): Set<string> {
  const names = new Set<string>();
  const root = sourceCode.scopeManager?.acquire(fn);
  if (!root) return new Set(['reject', 'error']);
  for (const ref of root.through) names.add(ref.identifier.name);
  const scopes = [root];
  for (let scope = scopes.pop(); scope; scope = scopes.pop()) {
    for (const name of scope.set.keys()) names.add(name);
    scopes.push(...scope.childScopes);
  }
  return names;
}

/** The variable `name` resolves to at `node`, if any. */
export function variableAt(sourceCode: SourceCode, node: TSESTree.Node, name: string): TSESLint.Scope.Variable | null {
  for (let scope: TSESLint.Scope.Scope | null = sourceCode.getScope(node); scope; scope = scope.upper) {
    const variable = scope.set.get(name);
    if (variable) return variable;
  }
  return null;
}

/** `name` at `node` is the binding declared by `id`. */
export function resolvesTo(sourceCode: SourceCode, node: TSESTree.Node, id: TSESTree.Identifier): boolean {
  return variableAt(sourceCode, node, id.name)?.identifiers.includes(id) ?? false;
}

/** A settling edit: what it writes, with which `reject`. */
export interface SettleEdit {
  kind: 'append' | 'listener' | 'return' | 'throw' | 'resolve' | 'wrap';
  /** The statement it writes. */
  code: string;
  /** Set when the edit also takes `reject` as the executor's second parameter. */
  added: string | null;
  fix: (fixer: Fixer) => Fix[];
}

/** What a settling edit needs to know about where it goes. */
export interface SettleTarget {
  sourceCode: SourceCode;
  checker: ts.TypeChecker;
  toTs: (node: TSESTree.Node) => ts.Node;
  model: ExecutorModel;
  /** The function whose path ends silently. */
  fn: FunctionNode;
  leak: Leak;
}

/**
 * Settle with `reject(error)` at the silent end of `region`, a block (or one
 * statement) every path through which is the failure path and ends `fn`:
 * - the path leaves by a `return;` in the region: `return reject(error);`;
 * - it leaves by a `throw x` in the region, outside any `try`: `return reject(x);`;
 * - it falls off the region's end, which is `fn`'s end and the region's only
 *   exit: `reject(error);` as its last statement.
 * Null when the region settles or hands a settler on anywhere, or the leak is
 * not in it.
 */
export function settleRegion(
  target: SettleTarget,
  region: TSESTree.Statement,
  error: TSESTree.Identifier | null,
  endsFunction: boolean,
): SettleEdit | null {
  const { sourceCode, model, leak } = target;
  if (model.sites.some((site) => contains(region, site.node))) return null;
  const jump = leak.jump;
  if (jump) return contains(region, jump) ? settleJump(target, error) : null;
  const jumps = jumpsIn(region);
  if (!endsFunction || jumps.length > 0 || !error) return null;
  if (!resolvesTo(sourceCode, region, error)) return null;
  const reject = rejectBinding(sourceCode, model, region);
  if (!reject) return null;
  const code = `${reject.name}(${error.name});`;
  return {
    kind: 'append',
    code,
    added: reject.added ? reject.name : null,
    fix: (fixer) => [...reject.declare(fixer), appendStatement(sourceCode, fixer, region, code)],
  };
}

/**
 * Settle where the leak's path leaves `fn` by a jump: `return;` becomes
 * `return reject(error);`, `throw x` (outside any `try`) `return reject(x);`.
 */
export function settleJump(target: SettleTarget, error: TSESTree.Identifier | null): SettleEdit | null {
  const { sourceCode, model, fn, leak } = target;
  const jump = leak.jump;
  if (!jump || !voidReturning(target)) return null;
  let value: string;
  if (jump.type === AST_NODE_TYPES.ReturnStatement) {
    if (jump.argument || !error || !resolvesTo(sourceCode, jump, error)) return null;
    value = error.name;
  } else if (jump.type === AST_NODE_TYPES.ThrowStatement) {
    if (insideTry(jump, fn)) return null;
    value = sourceCode.getText(jump.argument);
  } else {
    return null;
  }
  const reject = rejectBinding(sourceCode, model, jump);
  if (!reject) return null;
  const code = `return ${reject.name}(${value});`;
  return {
    kind: jump.type === AST_NODE_TYPES.ReturnStatement ? 'return' : 'throw',
    code,
    added: reject.added ? reject.name : null,
    fix: (fixer) => [...reject.declare(fixer), fixer.replaceText(jump, code)],
  };
}

/**
 * Call `reject(error)` at the end of an `error` listener that does not settle:
 * with its first parameter, taken as `error` when it has none. Null when the
 * listener can leave early or is not a function with a body written here.
 */
export function rejectInListener(
  sourceCode: SourceCode,
  model: ExecutorModel,
  handler: TSESTree.Node,
): SettleEdit | null {
  if (!isFunctionNode(handler) || handler.body.type !== AST_NODE_TYPES.BlockStatement) return null;
  const body = handler.body;
  if (jumpsIn(body).length > 0 || model.sites.some((site) => contains(body, site.node))) return null;
  const [first] = handler.params;
  let name: string;
  let declare: (fixer: Fixer) => Fix[] = () => [];
  if (first) {
    if (first.type !== AST_NODE_TYPES.Identifier || !resolvesTo(sourceCode, body, first)) return null;
    name = first.name;
  } else {
    const used = namesIn(sourceCode, handler);
    name = 'error';
    for (let n = 2; used.has(name) || variableAt(sourceCode, body, name); n++) name = `error${String(n)}`;
    const open = sourceCode.getFirstToken(handler, (token) => token.value === '(');
    if (!open) return null;
    const chosen = name;
    declare = (fixer) => [fixer.insertTextAfter(open, chosen)];
  }
  const reject = rejectBinding(sourceCode, model, body);
  if (!reject) return null;
  const code = `${reject.name}(${name});`;
  return {
    kind: 'listener',
    code,
    added: reject.added ? reject.name : null,
    fix: (fixer) => [...reject.declare(fixer), ...declare(fixer), appendStatement(sourceCode, fixer, body, code)],
  };
}

/**
 * An async executor that awaits outside any `try` before it settles: wrap its
 * whole body in `try { … } catch (error) { reject(error); }`, so that a
 * rejection (or a throw) rejects this promise instead of the executor's own.
 * The body's lines move one indent step in; refused when a template literal
 * spans lines (its text would change) or the body is not a block.
 */
export function wrapInTry(sourceCode: SourceCode, model: ExecutorModel): SettleEdit | null {
  const executor = model.executor;
  const body = executor.body;
  if (!executor.async || body.type !== AST_NODE_TYPES.BlockStatement) return null;
  const first = body.body[0];
  const last = body.body.at(-1);
  if (!first || !last || first.loc.start.line === body.loc.start.line || last.loc.end.line === body.loc.end.line) {
    return null;
  }
  // Re-indenting a string, template or JSX text over several lines would change its value.
  if (containsMultilineToken(body)) return null;
  const reject = rejectBinding(sourceCode, model, first);
  if (!reject) return null;
  // The `catch` holds only the call written here: its binding can hide nothing but `reject` itself.
  const error = reject.name === 'error' ? 'error2' : 'error';
  const unit = indentUnit(sourceCode, first);
  const outer = indentOfLine(sourceCode, first);
  const lines = sourceCode.lines.slice(first.loc.start.line - 1, last.loc.end.line);
  const moved = lines.map((line) => (line.trim() === '' ? line : `${unit}${line}`)).join('\n');
  const start = sourceCode.getIndexFromLoc({ line: first.loc.start.line, column: 0 });
  const end = sourceCode.getIndexFromLoc({ line: last.loc.end.line, column: lines.at(-1)?.length ?? 0 });
  const code = `${reject.name}(${error});`;
  const text = `${outer}try {\n${moved}\n${outer}} catch (${error}) {\n${outer}${unit}${code}\n${outer}}`;
  return {
    kind: 'wrap',
    code,
    added: reject.added ? reject.name : null,
    fix: (fixer) => [...reject.declare(fixer), fixer.replaceTextRange([start, end], text)],
  };
}

/**
 * Settle with `resolve(value)` where the executor `return value`s: the
 * executor's return value is dropped, so the promise never sees it. Null
 * when the value's type does not fit `resolve`.
 */
export function resolveReturned(target: SettleTarget): SettleEdit | null {
  const { sourceCode, checker, toTs, model, fn, leak } = target;
  const jump = leak.jump;
  if (fn !== model.executor || jump?.type !== AST_NODE_TYPES.ReturnStatement || !jump.argument) return null;
  const resolve = model.executor.params[0];
  if (resolve?.type !== AST_NODE_TYPES.Identifier || !resolvesTo(sourceCode, jump, resolve)) return null;
  if (insideTry(jump, fn)) return null;
  const resolveType = checker.getTypeAtLocation(toTs(resolve));
  const [signature] = resolveType.getCallSignatures();
  const parameter = signature?.getParameters()[0];
  if (!signature || !parameter) return null;
  const expected = checker.getTypeOfSymbol(parameter);
  const actual = checker.getTypeAtLocation(toTs(jump.argument));
  if (!checker.isTypeAssignableTo(actual, expected)) return null;
  const code = `return ${resolve.name}(${sourceCode.getText(jump.argument)});`;
  return { kind: 'resolve', code, added: null, fix: (fixer) => [fixer.replaceText(jump, code)] };
}

/** `return reject(x);` returns nothing more than the function did: its return type is void (or a promise of it). */
function voidReturning({ checker, toTs, fn }: SettleTarget): boolean {
  const node = toTs(fn);
  if (!ts.isFunctionLike(node)) return false;
  const signature = checker.getSignatureFromDeclaration(node);
  if (!signature) return false;
  let type = checker.getReturnTypeOfSignature(signature);
  if (fn.async) type = checker.getAwaitedType(type) ?? type;
  const loose = ts.TypeFlags.Void | ts.TypeFlags.Undefined | ts.TypeFlags.Any | ts.TypeFlags.Unknown;
  return (type.flags & loose) !== 0;
}

/** The `return`s and `throw`s in `node`, and the `break`s and `continue`s, outside nested functions. */
function jumpsIn(node: TSESTree.Node): TSESTree.Node[] {
  const found: TSESTree.Node[] = [];
  walk(
    node,
    (child) => {
      if (
        child.type === AST_NODE_TYPES.ReturnStatement ||
        child.type === AST_NODE_TYPES.ThrowStatement ||
        child.type === AST_NODE_TYPES.BreakStatement ||
        child.type === AST_NODE_TYPES.ContinueStatement
      ) {
        found.push(child);
      }
    },
    { intoFunctions: false },
  );
  return found;
}

/** `node` is in the `try` block of a `try` inside `fn`. */
function insideTry(node: TSESTree.Node, fn: FunctionNode): boolean {
  for (let child: TSESTree.Node = node, p = node.parent; p && p !== fn; child = p, p = p.parent) {
    if (isFunctionNode(p)) return true;
    if (p.type === AST_NODE_TYPES.TryStatement && (p.block === child || p.handler === child)) return true;
  }
  return false;
}

/** Add `code` as the last statement of `region` (wrapping a lone statement in braces). */
function appendStatement(sourceCode: SourceCode, fixer: Fixer, region: TSESTree.Statement, code: string): Fix {
  if (region.type !== AST_NODE_TYPES.BlockStatement) {
    const outer = indentOfLine(sourceCode, region.parent);
    const inner = outer + indentUnit(sourceCode, region);
    const block = `{\n${inner}${sourceCode.getText(region)}\n${inner}${code}\n${outer}}`;
    const parent = region.parent;
    const elseToken =
      parent.type === AST_NODE_TYPES.IfStatement && parent.consequent === region && parent.alternate
        ? sourceCode.getTokenBefore(parent.alternate)
        : null;
    // `if (err) a();\n else b();` becomes `if (err) {\n a();\n reject(err);\n} else b();`.
    if (elseToken) return fixer.replaceTextRange([region.range[0], elseToken.range[0]], `${block} `);
    return fixer.replaceText(region, block);
  }
  const last = region.body.at(-1);
  const comments = sourceCode.getCommentsInside(region);
  const lastComment = comments.at(-1);
  const after = last && (!lastComment || lastComment.range[0] < last.range[1]) ? last : lastComment;
  if (after) return fixer.insertTextAfter(after, `\n${indentOfLine(sourceCode, after)}${code}`);
  const outer = indentOfLine(sourceCode, region);
  return fixer.replaceText(region, `{\n${outer}${indentUnit(sourceCode, region)}${code}\n${outer}}`);
}

/** The indent step, read from the nearest enclosing block whose statements sit on lines of their own. */
export function indentUnit(sourceCode: SourceCode, near: TSESTree.Node): string {
  for (let p: TSESTree.Node | undefined = near; p; p = p.parent) {
    const first = p.type === AST_NODE_TYPES.BlockStatement ? p.body[0] : undefined;
    if (!first || first.loc.start.line === p.loc.start.line) continue;
    const outer = indentOfLine(sourceCode, p);
    const inner = indentOfLine(sourceCode, first);
    if (inner.length > outer.length && inner.startsWith(outer)) return inner.slice(outer.length);
  }
  return '  ';
}
