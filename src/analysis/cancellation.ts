/**
 * Cancellation: whether code consults a cancellation state (reads
 * `signal.aborted`, calls `signal.throwIfAborted()`, reads a cancellation
 * token, or hands an `AbortSignal` on to what it awaits), and which
 * `AbortSignal` a function is given (a parameter, an options property, a
 * destructured `{ signal }`).
 */
import { AST_NODE_TYPES, type ParserServicesWithTypeInformation, type TSESTree } from '@typescript-eslint/utils';
import type ts from 'typescript';
import { enclosingFunction, walk, type FunctionNode } from './ast.js';
import { isAbortSignalType, signalPropertyOf } from './types.js';
import { CANCELLATION_READS } from './vocabulary.js';

/** What the cancellation questions ask the types with: the parser services and their checker. */
export interface TypeContext {
  services: ParserServicesWithTypeInformation;
  checker: ts.TypeChecker;
}

/**
 * A read of a cancellation state (`.aborted`, `throwIfAborted()`) or a use of
 * an `AbortSignal` anywhere in `root`, nested callbacks included. The syntactic
 * reads are looked for first; the types are asked only when none is found.
 */
export function consultsCancellation(root: TSESTree.Node, { services, checker }: TypeContext): boolean {
  const state = { found: false };
  const typed: TSESTree.Node[] = [];
  walk(root, (node, parent) => {
    if (state.found) return;
    if (node.type === AST_NODE_TYPES.MemberExpression) {
      if (isCancellationRead(node)) {
        state.found = true;
        return;
      }
      typed.push(node);
      return;
    }
    if (node.type === AST_NODE_TYPES.Identifier && isValueReference(node, parent)) typed.push(node);
    // `read({ ...options, bytes: 1 })`: an object literal passed on, whose type may carry the signal.
    if (node.type === AST_NODE_TYPES.ObjectExpression) typed.push(node);
  });
  if (state.found) return true;
  // An `AbortSignal`, or an options object that carries one passed to a call (`readString(lp, options)`,
  // `read({ ...options, bytes: 1 })`).
  return typed.some((node) => {
    const type = services.getTypeAtLocation(node);
    if (isAbortSignalType(checker, type)) return true;
    const call = node.parent;
    const passed =
      (call?.type === AST_NODE_TYPES.CallExpression || call?.type === AST_NODE_TYPES.NewExpression) &&
      call.arguments.includes(node as TSESTree.Expression);
    if (!passed) return false;
    // An options object with a property typed `AbortSignal`, whatever its name (`signal`, `abortSignal`).
    return signalPropertyOf(checker, type, services.esTreeNodeToTSNodeMap.get(node)) !== null;
  });
}

/** `signal.aborted`, `signal.throwIfAborted`, `token.isCancellationRequested`: a read of a cancellation state. */
function isCancellationRead(node: TSESTree.MemberExpression): boolean {
  return (
    !node.computed && node.property.type === AST_NODE_TYPES.Identifier && CANCELLATION_READS.has(node.property.name)
  );
}

/** A read of a cancellation state anywhere in `root` (not a signal merely handed on). */
export function readsCancellation(root: TSESTree.Node): boolean {
  let found = false;
  walk(root, (node) => {
    if (!found && node.type === AST_NODE_TYPES.MemberExpression && isCancellationRead(node)) found = true;
  });
  return found;
}

/**
 * The `AbortSignal` that `fn` (or a function around it) is given, as code
 * names it: a parameter (`signal`), an options parameter's property
 * (`options.signal`) or a destructured one (`{ signal }`). Null when none is.
 */
export function signalInScope(fn: FunctionNode, context: TypeContext): string | null {
  for (let f: FunctionNode | null = fn; f; f = enclosingFunction(f)) {
    for (const param of f.params) {
      const found = signalOfParameter(param, context);
      if (found) return found;
    }
  }
  return null;
}

function signalOfParameter(param: TSESTree.Parameter, { services, checker }: TypeContext): string | null {
  const inner =
    param.type === AST_NODE_TYPES.AssignmentPattern
      ? param.left
      : param.type === AST_NODE_TYPES.TSParameterProperty
        ? param.parameter
        : param;
  if (inner.type === AST_NODE_TYPES.Identifier) {
    const type = services.getTypeAtLocation(inner);
    if (isAbortSignalType(checker, type)) return inner.name;
    // An options object with a property typed `AbortSignal`, whatever its name.
    const property = signalPropertyOf(checker, type, services.esTreeNodeToTSNodeMap.get(inner));
    return property === null ? null : `${inner.name}.${property}`;
  }
  if (inner.type === AST_NODE_TYPES.ObjectPattern) {
    for (const property of inner.properties) {
      if (property.type !== AST_NODE_TYPES.Property) continue;
      const value = property.value.type === AST_NODE_TYPES.AssignmentPattern ? property.value.left : property.value;
      if (value.type === AST_NODE_TYPES.Identifier && isAbortSignalType(checker, services.getTypeAtLocation(value))) {
        return value.name;
      }
    }
  }
  return null;
}

/** An identifier that denotes a value here: not a property key, a member name or a label. */
function isValueReference(node: TSESTree.Identifier, parent: TSESTree.Node | undefined): boolean {
  if (!parent) return false;
  switch (parent.type) {
    case AST_NODE_TYPES.MemberExpression:
      return parent.object === node || parent.computed;
    case AST_NODE_TYPES.Property:
      return parent.value === node && !(parent.shorthand && parent.parent.type === AST_NODE_TYPES.ObjectPattern);
    case AST_NODE_TYPES.LabeledStatement:
    case AST_NODE_TYPES.BreakStatement:
    case AST_NODE_TYPES.ContinueStatement:
    case AST_NODE_TYPES.MethodDefinition:
    case AST_NODE_TYPES.PropertyDefinition:
      return false;
    default:
      return true;
  }
}
