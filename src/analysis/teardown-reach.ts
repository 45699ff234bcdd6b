/**
 * Can an object's teardown reach a loop that runs on it? The loop depends on
 * the state it reads (the object's fields, variables outside its function,
 * and what locals made before it were read from); the teardown reaches it
 * when, on every path through the teardown, it changes some of that state:
 * assigns or deletes a field, calls a method of the object a field holds or
 * hands the field to a call, or calls a method of the same class that does.
 */
import { ASTUtils, AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import {
  branchTestsAround,
  contains,
  isFunctionNode,
  keyName,
  skipWrappers,
  walk,
  type ClassNode,
  type FunctionNode,
} from './ast.js';
import { classFacts } from './timers.js';

type Scope = TSESLint.Scope.Scope;
type Variable = TSESLint.Scope.Variable;
/** A field of the object (`this.closed`, by name) or a variable. */
type StateKey = string | Variable;

/** How an object's teardown reaches a loop. */
export interface TeardownReach {
  /** On every path through the teardown, it changes some state the loop reads. */
  always: boolean;
  /**
   * On some path only, it changes a field that a test deciding one of the loop's exits reads
   * (`if (this.closed) break` with `close() { if (!this.stream) return; this.closed = true; }`).
   */
  sometimes: boolean;
}

/** Does `teardown` change state that `loop` reads, on every one of its paths or on some? */
export function teardownReach(
  loop: TSESTree.Node & { body: TSESTree.Statement },
  fn: FunctionNode,
  classNode: ClassNode,
  teardown: readonly FunctionNode[],
  exits: readonly TSESTree.Node[],
  sourceCode: Readonly<TSESLint.SourceCode>,
): TeardownReach {
  const reads = loopReads(loop, fn, classNode, sourceCode);
  const every = new Set<StateKey>();
  for (const method of teardown) everyPathEffects(method, classNode, sourceCode, every, new Set());
  if ([...every].some((effect) => reads.has(effect))) return { always: true, sometimes: false };
  const some = new Set<StateKey>();
  for (const method of teardown) anyPathEffects(method, classNode, sourceCode, some, new Set());
  // A field the exit tests only after the pass assigned it is the pass's own value: not in `reads`.
  const tested = exitTestFields(loop, exits);
  return {
    always: false,
    sometimes: [...some].some((effect) => typeof effect === 'string' && tested.has(effect) && reads.has(effect)),
  };
}

/** The fields read by the tests of the `if`s that decide whether each exit runs. */
function exitTestFields(loop: TSESTree.Node, exits: readonly TSESTree.Node[]): Set<string> {
  const fields = new Set<string>();
  for (const test of exits.flatMap((exit) => branchTestsAround(exit, loop))) {
    walk(test, (node) => {
      const field = thisField(node);
      if (field !== null) fields.add(field);
    });
  }
  return fields;
}

/** `this.name`, not computed: the field's name. */
function thisField(node: TSESTree.Node): string | null {
  if (node.type !== AST_NODE_TYPES.MemberExpression || node.computed) return null;
  if (skipWrappers(node.object).type !== AST_NODE_TYPES.ThisExpression) return null;
  return keyName(node.property, false);
}

function variableOf(identifier: TSESTree.Identifier, sourceCode: Readonly<TSESLint.SourceCode>): Variable | null {
  const scope: Scope = sourceCode.getScope(identifier);
  return ASTUtils.findVariable(scope, identifier) ?? null;
}

/** Declared outside `fn` (a module variable, a variable of a function around it). */
function declaredOutside(variable: Variable, fn: FunctionNode): boolean {
  return variable.defs.length > 0 && variable.defs.every((def) => !contains(fn, def.name));
}

/**
 * The state `loop` reads on its passes: fields of the object (a field read only after the
 * same pass assigned it is the pass's own value, not state), fields read by the methods of the
 * class it calls on `this`, variables from outside `fn`, and what the locals of `fn` that it reads
 * were made from.
 */
function loopReads(
  loop: TSESTree.Node & { body: TSESTree.Statement },
  fn: FunctionNode,
  classNode: ClassNode,
  sourceCode: Readonly<TSESLint.SourceCode>,
): Set<StateKey> {
  const reads = new Set<StateKey>();
  const writes: { field: string; statement: TSESTree.Node }[] = [];
  const fieldReads: { field: string; node: TSESTree.Node }[] = [];
  const locals = new Set<Variable>();
  // `for (;; await this.step())`: the update runs on every pass too.
  const update = loop.type === AST_NODE_TYPES.ForStatement ? loop.update : null;
  const visit = (node: TSESTree.Node, parent: TSESTree.Node | undefined): void => {
    const field = thisField(node);
    if (field !== null) {
      const assigned =
        parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.left === node && parent.operator === '=';
      if (assigned && parent.parent.type === AST_NODE_TYPES.ExpressionStatement) {
        writes.push({ field, statement: parent.parent });
      } else if (!assigned) {
        fieldReads.push({ field, node });
      }
      // `this.step()`: what the method reads is read on the pass too.
      if (parent?.type === AST_NODE_TYPES.CallExpression && parent.callee === node) {
        for (const method of classFacts(classNode, sourceCode).methods.get(field) ?? []) {
          walk(method.body, (inner) => {
            const read = thisField(inner);
            if (read !== null) reads.add(read);
          });
        }
      }
      return;
    }
    if (node.type === AST_NODE_TYPES.Identifier && parent && isRead(node, parent)) {
      const variable = variableOf(node, sourceCode);
      if (!variable) return;
      if (declaredOutside(variable, fn)) reads.add(variable);
      else if (!variable.defs.some((def) => contains(loop, def.name))) locals.add(variable);
    }
  };
  walk(loop.body, visit);
  if (update) walk(update, visit);
  for (const read of fieldReads) {
    const own = writes.some(
      (write) =>
        write.field === read.field &&
        write.statement.range[1] <= read.node.range[0] &&
        write.statement.parent !== undefined &&
        contains(write.statement.parent, read.node),
    );
    if (!own) reads.add(read.field);
  }
  // `const reader = this.stream.getReader()` before the loop: reading `reader` reads `this.stream`.
  for (const local of locals) {
    for (const def of local.defs) {
      const init = def.node.type === AST_NODE_TYPES.VariableDeclarator ? def.node.init : null;
      if (!init) continue;
      walk(init, (node, parent) => {
        const field = thisField(node);
        if (field !== null) reads.add(field);
        else if (node.type === AST_NODE_TYPES.Identifier && parent && isRead(node, parent)) {
          const variable = variableOf(node, sourceCode);
          if (variable && declaredOutside(variable, fn)) reads.add(variable);
        }
      });
    }
  }
  return reads;
}

/** An identifier that reads a variable (not a property name, a key, or the target of `=`). */
function isRead(node: TSESTree.Identifier, parent: TSESTree.Node): boolean {
  if (parent.type === AST_NODE_TYPES.MemberExpression && parent.property === node && !parent.computed) return false;
  if (parent.type === AST_NODE_TYPES.Property && parent.key === node && !parent.computed) return false;
  if (parent.type === AST_NODE_TYPES.AssignmentExpression && parent.left === node && parent.operator === '=') {
    return false;
  }
  return parent.type !== AST_NODE_TYPES.VariableDeclarator || parent.id !== node;
}

/**
 * The state `method` changes on every path through it, added to `effects`: the statements of
 * its body in order, up to the first that can leave it early. After `if (!this.stream) return;`
 * only changes to `this.stream` still count (when it is absent, there was nothing to change);
 * inside an `if`, only changes to the field its test is about.
 */
function everyPathEffects(
  method: FunctionNode,
  classNode: ClassNode,
  sourceCode: Readonly<TSESLint.SourceCode>,
  effects: Set<StateKey>,
  seen: Set<FunctionNode>,
): void {
  if (seen.has(method)) return;
  seen.add(method);
  const statements = method.body.type === AST_NODE_TYPES.BlockStatement ? method.body.body : [method.body];
  /** After an early exit: only changes to this field count (null: none do). */
  let onlyField: string | null | undefined;
  for (const statement of statements) {
    if (onlyField === null) return;
    const add = (key: StateKey): void => {
      if (onlyField === undefined || key === onlyField) effects.add(key);
    };
    effectsOf(statement, method, classNode, sourceCode, add, effects, seen);
    if (!leavesEarly(statement)) continue;
    // `if (!this.stream) return;` (nothing to change) or `if (this.closed) return;` (changed
    // before): on the path that returns, the field the test reads is already as the rest would leave it.
    const tested = statement.type === AST_NODE_TYPES.IfStatement ? testedField(statement.test) : null;
    onlyField = onlyField === undefined ? tested : onlyField === tested ? tested : null;
  }
}

/** The state `method` changes on any path through it (and through the class's methods it calls). */
function anyPathEffects(
  method: FunctionNode,
  classNode: ClassNode,
  sourceCode: Readonly<TSESLint.SourceCode>,
  effects: Set<StateKey>,
  seen: Set<FunctionNode>,
): void {
  if (seen.has(method)) return;
  seen.add(method);
  walk(
    method.body,
    (node, parent) => {
      const field = thisField(node);
      if (field !== null && parent && changes(node, parent)) effects.add(field);
      const callee = node.type === AST_NODE_TYPES.CallExpression ? thisField(skipWrappers(node.callee)) : null;
      for (const inner of callee === null ? [] : (classFacts(classNode, sourceCode).methods.get(callee) ?? [])) {
        anyPathEffects(inner, classNode, sourceCode, effects, seen);
      }
    },
    { intoFunctions: false },
  );
}

/** A `return` or `throw` in `statement`, outside nested functions. */
function leavesEarly(statement: TSESTree.Node): boolean {
  let found = false;
  walk(
    statement,
    (node) => {
      if (node.type === AST_NODE_TYPES.ReturnStatement || node.type === AST_NODE_TYPES.ThrowStatement) found = true;
    },
    { intoFunctions: false },
  );
  return found;
}

/** `this.closed`, `!this.stream`, `this.stream === undefined`: a test of one field's value. */
function testedField(test: TSESTree.Expression): string | null {
  const node = skipWrappers(test);
  if (node.type === AST_NODE_TYPES.UnaryExpression && node.operator === '!') return testedField(node.argument);
  if (node.type === AST_NODE_TYPES.BinaryExpression && ['===', '==', '!==', '!='].includes(node.operator)) {
    return thisField(skipWrappers(node.left as TSESTree.Expression)) ?? thisField(skipWrappers(node.right));
  }
  return thisField(node);
}

/** `this.stream`, `this.stream !== undefined`: a test that only asks whether the field holds something. */
function presenceTest(test: TSESTree.Expression): string | null {
  const node = skipWrappers(test);
  if (node.type === AST_NODE_TYPES.BinaryExpression && (node.operator === '!==' || node.operator === '!=')) {
    return thisField(skipWrappers(node.left)) ?? thisField(skipWrappers(node.right));
  }
  return thisField(node);
}

/**
 * The changes `statement` makes whenever it runs: what sits under an `if`, a loop, a `catch`
 * or a `&&` runs only sometimes, except a change to the field an `if` tests for presence
 * (`if (this.timer) clearTimeout(this.timer)`).
 */
function effectsOf(
  statement: TSESTree.Node,
  method: FunctionNode,
  classNode: ClassNode,
  sourceCode: Readonly<TSESLint.SourceCode>,
  add: (key: StateKey) => void,
  effects: Set<StateKey>,
  seen: Set<FunctionNode>,
): void {
  walk(
    statement,
    (node, parent) => {
      const field = thisField(node);
      if (field !== null && parent && changes(node, parent) && always(node, statement, field)) add(field);
      if (node.type === AST_NODE_TYPES.AssignmentExpression && node.left.type === AST_NODE_TYPES.Identifier) {
        const variable = variableOf(node.left, sourceCode);
        if (variable && declaredOutside(variable, method) && always(node, statement, null)) add(variable);
      }
      // `this.stop()`: what a method of the class changes on every path, when the call always runs.
      if (node.type === AST_NODE_TYPES.CallExpression && always(node, statement, null)) {
        const callee = thisField(skipWrappers(node.callee));
        for (const inner of callee === null ? [] : (classFacts(classNode, sourceCode).methods.get(callee) ?? [])) {
          everyPathEffects(inner, classNode, sourceCode, effects, seen);
        }
      }
    },
    { intoFunctions: false },
  );
}

/**
 * Is `node` a change to the field it names: the target of an assignment, update or
 * `delete`, the object of a method call (`this.stream.destroy()`), or an argument to a call
 * (`clearTimeout(this.timer)`)?
 */
function changes(node: TSESTree.Node, parent: TSESTree.Node): boolean {
  switch (parent.type) {
    case AST_NODE_TYPES.AssignmentExpression:
      return parent.left === node;
    case AST_NODE_TYPES.UpdateExpression:
      return true;
    case AST_NODE_TYPES.UnaryExpression:
      return parent.operator === 'delete';
    case AST_NODE_TYPES.CallExpression:
      return parent.arguments.includes(node as TSESTree.Expression);
    case AST_NODE_TYPES.MemberExpression: {
      if (parent.object !== node) return false;
      const call = parent.parent;
      return (
        (call.type === AST_NODE_TYPES.CallExpression && call.callee === parent) ||
        (call.type === AST_NODE_TYPES.AssignmentExpression && call.left === parent)
      );
    }
    default:
      return false;
  }
}

/** Does `node` run whenever `statement` does (or when `field` holds something, for a presence test)? */
function always(node: TSESTree.Node, statement: TSESTree.Node, field: string | null): boolean {
  let child: TSESTree.Node = node;
  for (let p = node.parent; p && child !== statement; child = p, p = p.parent) {
    if (isFunctionNode(p)) return false;
    switch (p.type) {
      case AST_NODE_TYPES.IfStatement:
      case AST_NODE_TYPES.ConditionalExpression:
        if (p.test !== child && (field === null || presenceTest(p.test) !== field)) return false;
        break;
      case AST_NODE_TYPES.LogicalExpression:
        if (p.right === child) return false;
        break;
      case AST_NODE_TYPES.CatchClause:
      case AST_NODE_TYPES.SwitchCase:
      case AST_NODE_TYPES.ForStatement:
      case AST_NODE_TYPES.ForInStatement:
      case AST_NODE_TYPES.ForOfStatement:
      case AST_NODE_TYPES.WhileStatement:
      case AST_NODE_TYPES.DoWhileStatement:
        return false;
      default:
        break;
    }
  }
  return true;
}
