/**
 * The fix that clears a raced timer when the race settles: the timer's handle
 * is kept in a new `let` declared before the statement (`timer = setTimeout(…)`
 * where the timer is armed) and `.finally(() => clearTimeout(timer))` is
 * chained on the race. A timer armed in a helper of the program (`sleep(ms)`,
 * `rejectAfter(ms)`) is made in place instead, from the helper's own
 * `new Promise(…)` with its parameters replaced by the call's arguments; the
 * helper is removed when nothing else uses it. Returns null whenever the
 * result would not be the same program apart from the cleared timer.
 */
import {
  ASTUtils,
  AST_NODE_TYPES,
  TSESLint,
  type ParserServicesWithTypeInformation,
  type TSESTree,
} from '@typescript-eslint/utils';
import ts from 'typescript';
import { isFunctionNode, isLoop, memberName, skipWrappers, walk } from '../analysis/ast.js';
import { constDeclarator } from '../analysis/owners.js';
import type { Timeout } from '../analysis/timeouts.js';
import { PROMISE_REACTIONS } from '../analysis/vocabulary.js';
import { eolOf, indentStep, isJavaScriptFile, spellsIdentifier, type Edit } from './layout.js';

export interface ClearTimerFix {
  fix: TSESLint.ReportFixFunction;
  /** The name the handle is kept in. */
  name: string;
  /** The handle was already kept (`timer = setTimeout(…)`) and is only cleared now. */
  kept: boolean;
  /** A `node:timers/promises` timer given a controller's signal, aborted when the race settles. */
  aborted: boolean;
  /** The helper whose timer is made in place, when it was one (`sleep`), and whether it is removed. */
  helper: { name: string; removed: boolean } | null;
}

export function clearRaceTimerFix(
  sourceCode: Readonly<TSESLint.SourceCode>,
  services: ParserServicesWithTypeInformation,
  race: TSESTree.CallExpression,
  timeout: Timeout,
): ClearTimerFix | null {
  if (timeout.unref || timeout.signal) return null;
  const checker = services.program.getTypeChecker();
  const tsRace = services.esTreeNodeToTSNodeMap.get(race);
  // `.finally()` must exist on the race's promise (ES2018 `lib`).
  if (!checker.getTypeAtLocation(tsRace).getProperty('finally')) return null;
  const js = isJavaScriptFile(tsRace.getSourceFile().fileName);
  const name = freshName(sourceCode, checker, tsRace, timeout.kind === 'timersPromises' ? 'controller' : 'timer');
  if (!name) return null;
  const edits: Edit[] = [];
  let anchor: TSESTree.Node = race;
  let helper: ClearTimerFix['helper'] = null;
  let handle = name;
  let declaration = js ? `let ${name};` : `let ${name}: ReturnType<typeof setTimeout> | undefined;`;
  let clear = `.finally(() => clearTimeout(${name}))`;

  if (timeout.kind === 'timersPromises') {
    // `sleep(ms, value)` from `node:timers/promises`: give it a signal, aborted when the race settles.
    if (!checker.resolveName('AbortController', tsRace, ts.SymbolFlags.Value, false)) return null;
    const call = timersPromisesCall(timeout.node as TSESTree.Expression);
    if (!call) return null;
    const edit = signalEdit(call, `${name}.signal`);
    if (!edit) return null;
    edits.push(edit);
    declaration = `const ${name} = new AbortController();`;
    clear = `.finally(() => ${name}.abort())`;
  } else if (timeout.kind === 'promiseTimer') {
    let node = skipWrappers(timeout.node as TSESTree.Expression);
    if (node.type === AST_NODE_TYPES.Identifier) {
      const declarator = constDeclarator(node, sourceCode);
      if (!declarator) return null;
      // Raced (or used) elsewhere too: clearing it when this race settles would take the other's timeout.
      const variable = ASTUtils.findVariable(sourceCode.getScope(node), node.name);
      if (variable?.references.filter((r) => !r.init).length !== 1) return null;
      // A race in a loop or a function below the const runs again on the one timer.
      if (rerunsWithin(race, declarator.parent.parent)) return null;
      node = skipWrappers(declarator.init);
      anchor = declarator.parent;
    }
    if (node.type !== AST_NODE_TYPES.NewExpression) return null;
    if (timeout.handle) {
      // Already kept (`timer = setTimeout(…)`), but only cleared on some paths: clear it when the race settles.
      if (!visibleHandle(timeout.handle, node, race, sourceCode)) return null;
      handle = timeout.handle;
    } else {
      const tsNew = services.esTreeNodeToTSNodeMap.get(node);
      const timerEdits = keepHandle(tsNew, name, checker);
      if (!timerEdits) return null;
      edits.push(...timerEdits);
    }
  } else if (timeout.kind === 'helper') {
    const call = helperCall(timeout.node as TSESTree.Expression);
    if (!call) return null;
    const inlined = inlineHelper(sourceCode, services, checker, call, tsRace, name, js);
    if (!inlined) return null;
    edits.push({ start: call.range[0], end: call.range[1], text: inlined.text });
    if (inlined.importEdit) edits.push(inlined.importEdit);
    if (inlined.removal && !overlaps(inlined.removal, race.range)) edits.push(inlined.removal);
    helper = { name: inlined.name, removed: edits.includes(inlined.removal as Edit) };
  } else {
    return null;
  }

  const text = sourceCode.text;
  const eol = eolOf(text);
  if (handle !== name) clear = `.finally(() => clearTimeout(${handle}))`;
  if (handle === name) {
    const place = statementPlace(anchor);
    if (!place) return null;
    if ('statement' in place) {
      // Above the comments right over the statement: a directive there (`// @ts-expect-error`) stays on it.
      const start = leadingCommentsStart(sourceCode, place.statement);
      const indent = indentBeforeOffset(text, start);
      if (indent === null) return null;
      edits.push({ start, end: start, text: `${declaration}${eol}${indent}` });
      edits.push({ start: race.range[1], end: race.range[1], text: clear });
    } else {
      // `(x) => Promise.race(…)`: the arrow gets a block body that declares the handle and returns the race.
      const body = place.arrow.body;
      const arrowToken = sourceCode.getTokenBefore(body, (token) => token.value === '=>');
      if (!arrowToken) return null;
      const between = text.slice(arrowToken.range[1], body.range[0]);
      if (between.trim() !== '') return null;
      const ownLine = between.includes('\n');
      const base = indentOfLineAt(text, arrowToken.range[0]);
      const inner = ownLine ? indentOfLineAt(text, body.range[0]) : `${base}${indentStep(base)}`;
      edits.push({
        start: arrowToken.range[1],
        end: body.range[0],
        text: ` {${eol}${inner}${declaration}${eol}${inner}return `,
      });
      edits.push({ start: race.range[1], end: race.range[1], text: clear });
      edits.push({ start: body.range[1], end: body.range[1], text: `;${eol}${base}}` });
    }
  } else {
    edits.push({ start: race.range[1], end: race.range[1], text: clear });
  }
  const merged = merge(text, edits);
  if (!merged) return null;
  return {
    fix: (fixer) => fixer.replaceTextRange(merged.range, merged.text),
    name: handle,
    kept: handle !== name,
    aborted: timeout.kind === 'timersPromises',
    helper,
  };
}

/** Is there a loop or a function between `node` and its ancestor `outer` (so `node` may run more than once per `outer`)? */
function rerunsWithin(node: TSESTree.Node, outer: TSESTree.Node): boolean {
  for (let p = node.parent; p && p !== outer; p = p.parent) {
    if (isFunctionNode(p) || isLoop(p)) return true;
  }
  return false;
}

/** Where `let timer` goes: before the statement holding `node`, or into the block an expression-bodied arrow gets. */
function statementPlace(
  node: TSESTree.Node,
): { statement: TSESTree.Node } | { arrow: TSESTree.ArrowFunctionExpression } | null {
  let child: TSESTree.Node = node;
  for (let p = node.parent; p; child = p, p = p.parent) {
    if (
      p.type === AST_NODE_TYPES.BlockStatement ||
      p.type === AST_NODE_TYPES.Program ||
      p.type === AST_NODE_TYPES.StaticBlock ||
      (p.type === AST_NODE_TYPES.SwitchCase && p.consequent.includes(child as TSESTree.Statement))
    ) {
      return { statement: child };
    }
    if (isFunctionNode(p)) {
      return p.type === AST_NODE_TYPES.ArrowFunctionExpression && p.expression && p.body === child
        ? { arrow: p }
        : null;
    }
    if (
      p.type === AST_NODE_TYPES.PropertyDefinition ||
      p.type === AST_NODE_TYPES.AccessorProperty ||
      p.type === AST_NODE_TYPES.SwitchCase
    ) {
      return null;
    }
  }
  return null;
}

/**
 * Edits that keep the handle of the one `setTimeout` a `new Promise` executor
 * arms: `(resolve) => (timer = setTimeout(…))`, `timer = setTimeout(…);`,
 * `const id = (timer = setTimeout(…));`. Positions are in the executor's file.
 */
function keepHandle(promise: ts.Node, name: string, checker: ts.TypeChecker): Edit[] | null {
  if (!ts.isNewExpression(promise)) return null;
  const executor = promise.arguments?.[0];
  if (!executor || !(ts.isArrowFunction(executor) || ts.isFunctionExpression(executor))) return null;
  const timers: ts.CallExpression[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node)) {
      const callee = node.expression;
      if (
        (ts.isIdentifier(callee) && callee.text === 'setTimeout') ||
        (ts.isPropertyAccessExpression(callee) && callee.name.text === 'setTimeout')
      ) {
        timers.push(node);
        // The kept handle is typed `ReturnType<typeof setTimeout>` and cleared with `clearTimeout`:
        // only the global timer's (declared in the typings of the platform, not in the program).
        if (!isPlatformTimer(callee, checker)) return;
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(executor.body);
  const [timer] = timers;
  if (!timer || timers.length !== 1 || !isPlatformTimer(timer.expression, checker)) return null;
  const start = timer.getStart();
  const parent = timer.parent;
  if (executor.body === timer) {
    return [
      { start, end: start, text: `(${name} = ` },
      { start: timer.end, end: timer.end, text: ')' },
    ];
  }
  if (ts.isParenthesizedExpression(parent) && executor.body === parent) {
    return [{ start, end: start, text: `${name} = ` }];
  }
  if (ts.isExpressionStatement(parent) && ts.isBlock(executor.body) && parent.parent === executor.body) {
    return [{ start, end: start, text: `${name} = ` }];
  }
  if (
    ts.isVariableDeclaration(parent) &&
    parent.initializer === timer &&
    ts.isVariableStatement(parent.parent.parent) &&
    parent.parent.parent.parent === executor.body
  ) {
    return [
      { start, end: start, text: `(${name} = ` },
      { start: timer.end, end: timer.end, text: ')' },
    ];
  }
  return null;
}

/** The kept handle (`timer`) names the same variable at the race as where the timer is stored. */
function visibleHandle(
  handle: string,
  promise: TSESTree.Node,
  race: TSESTree.CallExpression,
  sourceCode: Readonly<TSESLint.SourceCode>,
): boolean {
  if (!/^[\p{L}_$][\p{L}\p{N}_$]*$/u.test(handle)) return false;
  const atRace = ASTUtils.findVariable(sourceCode.getScope(race), handle);
  let stored: TSESTree.Node | null = null;
  walk(promise, (child) => {
    if (
      !stored &&
      child.type === AST_NODE_TYPES.AssignmentExpression &&
      child.left.type === AST_NODE_TYPES.Identifier &&
      child.left.name === handle
    ) {
      stored = child.left;
    }
  });
  const found = stored as TSESTree.Node | null;
  if (!atRace || !found) return false;
  return ASTUtils.findVariable(sourceCode.getScope(found), handle) === atRace;
}

/** The `setTimeout(ms, value)` call of a `node:timers/promises` timeout, through `.then()` chains. */
function timersPromisesCall(element: TSESTree.Expression): TSESTree.CallExpression | null {
  let node = skipWrappers(element);
  for (let depth = 0; depth < 4 && node.type === AST_NODE_TYPES.CallExpression; depth++) {
    const callee = skipWrappers(node.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression || !PROMISE_REACTIONS.has(memberName(callee) ?? ''))
      return node;
    node = skipWrappers(callee.object);
  }
  return null;
}

/** `{ signal }` into the options (third argument) of `setTimeout(ms, value, options)`. */
function signalEdit(call: TSESTree.CallExpression, signal: string): Edit | null {
  const args = call.arguments;
  if (args.some((a) => a.type === AST_NODE_TYPES.SpreadElement)) return null;
  const [ms, value, options] = args;
  if (!ms || args.length > 3) return null;
  if (!options) {
    const last = value ?? ms;
    const text = value ? `, { signal: ${signal} }` : `, undefined, { signal: ${signal} }`;
    return { start: last.range[1], end: last.range[1], text };
  }
  if (options.type !== AST_NODE_TYPES.ObjectExpression) return null;
  // Options that name a signal already, or spread some, are not for a mechanical edit.
  const named = options.properties.some(
    (p) =>
      p.type !== AST_NODE_TYPES.Property ||
      p.computed ||
      (p.key.type === AST_NODE_TYPES.Identifier && p.key.name === 'signal') ||
      (p.key.type === AST_NODE_TYPES.Literal && p.key.value === 'signal'),
  );
  if (named) return null;
  const open = options.range[0] + 1;
  return {
    start: open,
    end: open,
    text: options.properties.length > 0 ? ` signal: ${signal},` : ` signal: ${signal} `,
  };
}

/** The call of the helper behind a raced timeout: through `.then()` chains and an async IIFE that awaits it first. */
function helperCall(element: TSESTree.Expression): TSESTree.CallExpression | null {
  let node = skipWrappers(element);
  for (let depth = 0; depth < 4; depth++) {
    if (node.type !== AST_NODE_TYPES.CallExpression) return null;
    const callee = skipWrappers(node.callee);
    if (callee.type === AST_NODE_TYPES.MemberExpression && PROMISE_REACTIONS.has(memberName(callee) ?? '')) {
      node = skipWrappers(callee.object);
      continue;
    }
    if (
      (callee.type === AST_NODE_TYPES.ArrowFunctionExpression || callee.type === AST_NODE_TYPES.FunctionExpression) &&
      callee.async &&
      callee.params.length === 0 &&
      node.arguments.length === 0 &&
      callee.body.type === AST_NODE_TYPES.BlockStatement
    ) {
      // `(async () => { await sleep(ms); throw … })()`: the helper runs before the IIFE's first pause.
      const first = callee.body.body[0];
      if (
        first?.type !== AST_NODE_TYPES.ExpressionStatement ||
        first.expression.type !== AST_NODE_TYPES.AwaitExpression
      )
        return null;
      node = skipWrappers(first.expression.argument);
      continue;
    }
    return node;
  }
  return null;
}

interface Inlined {
  text: string;
  name: string;
  removal: Edit | null;
  /** Names the made-in-place promise uses, added to the import of the helper. */
  importEdit: Edit | null;
}

/** Is `symbol` what `file` exports as `name`? */
function exportedBy(checker: ts.TypeChecker, file: ts.SourceFile, symbol: ts.Symbol, name: string): boolean {
  const module = checker.getSymbolAtLocation(file);
  if (!module) return false;
  const exported = checker.getExportsOfModule(module).find((s) => s.getName() === name);
  return exported !== undefined && sameSymbol(checker, exported, symbol);
}

/** `import { sleep } from './lib.js'` → `import { sleep, TimeoutError } from './lib.js'`: the helper's own import. */
function importBeside(
  sourceCode: Readonly<TSESLint.SourceCode>,
  call: TSESTree.CallExpression,
  names: readonly string[],
): Edit | null {
  if (call.callee.type !== AST_NODE_TYPES.Identifier) return null;
  const def = ASTUtils.findVariable(sourceCode.getScope(call.callee), call.callee.name)?.defs[0];
  if (def?.type !== TSESLint.Scope.DefinitionType.ImportBinding) return null;
  const declaration = def.parent;
  if (declaration.type !== AST_NODE_TYPES.ImportDeclaration || declaration.importKind === 'type') return null;
  const named = declaration.specifiers.filter((s) => s.type === AST_NODE_TYPES.ImportSpecifier);
  const last = named.at(-1);
  if (!last || declaration.specifiers.some((s) => s.type === AST_NODE_TYPES.ImportNamespaceSpecifier)) return null;
  return { start: last.range[1], end: last.range[1], text: names.map((n) => `, ${n}`).join('') };
}

/**
 * The helper's `new Promise(…)` with the handle kept and the parameters
 * replaced by the call's arguments, when the helper's body is only that
 * promise, every name it uses means the same at the call, and no argument is
 * evaluated at another time or another number of times than before.
 */
function inlineHelper(
  sourceCode: Readonly<TSESLint.SourceCode>,
  services: ParserServicesWithTypeInformation,
  checker: ts.TypeChecker,
  call: TSESTree.CallExpression,
  tsRace: ts.Node,
  name: string,
  js: boolean,
): Inlined | null {
  const callee = call.callee;
  const calleeName =
    callee.type === AST_NODE_TYPES.Identifier
      ? callee.name
      : callee.type === AST_NODE_TYPES.MemberExpression &&
          callee.object.type === AST_NODE_TYPES.ThisExpression &&
          !callee.computed
        ? memberName(callee)
        : null;
  if (!calleeName) return null;
  const tsCall = services.esTreeNodeToTSNodeMap.get(call);
  const signature = checker.getResolvedSignature(tsCall);
  const declaration = signature?.getDeclaration();
  if (!signature || !declaration) return null;
  if (
    !ts.isFunctionDeclaration(declaration) &&
    !ts.isArrowFunction(declaration) &&
    !ts.isFunctionExpression(declaration) &&
    !ts.isMethodDeclaration(declaration)
  ) {
    return null;
  }
  if (!declaration.body || declaration.typeParameters || declaration.asteriskToken) return null;
  const modifiers = ts.canHaveModifiers(declaration) ? (ts.getModifiers(declaration) ?? []) : [];
  if (modifiers.some((m) => m.kind === ts.SyntaxKind.AsyncKeyword)) return null;
  if (ts.isMethodDeclaration(declaration)) {
    // `this.sleep(ms)`: only a method no subclass can replace.
    const isPrivate =
      ts.isPrivateIdentifier(declaration.name) || modifiers.some((m) => m.kind === ts.SyntaxKind.PrivateKeyword);
    if (callee.type !== AST_NODE_TYPES.MemberExpression || !isPrivate) return null;
  } else if (callee.type !== AST_NODE_TYPES.Identifier) {
    return null;
  } else if (ts.isArrowFunction(declaration) || ts.isFunctionExpression(declaration)) {
    // `const rejectAfter = (ms) => new Promise(…)`.
    const holder = declaration.parent;
    if (!ts.isVariableDeclaration(holder) || !(holder.parent.flags & ts.NodeFlags.Const)) return null;
  }
  const helperFile = declaration.getSourceFile();
  if (helperFile.isDeclarationFile) return null;
  const sameFile = helperFile === tsRace.getSourceFile();
  if (sameFile && callee.type === AST_NODE_TYPES.Identifier) {
    // A function declaration assigned again elsewhere is not this body.
    const variable = ASTUtils.findVariable(sourceCode.getScope(callee), callee.name);
    if (!variable || variable.references.some((r) => r.isWrite() && !r.init)) return null;
  }

  // The body is the promise: `{ return new Promise(…); }` or `(ms) => new Promise(…)`.
  let promise: ts.Node = declaration.body;
  if (ts.isBlock(promise)) {
    const [only] = promise.statements;
    if (promise.statements.length !== 1 || !only || !ts.isReturnStatement(only) || !only.expression) return null;
    promise = only.expression;
  }
  while (ts.isParenthesizedExpression(promise)) promise = promise.expression;
  if (!ts.isNewExpression(promise) || !ts.isIdentifier(promise.expression) || promise.expression.text !== 'Promise')
    return null;
  if (promise.arguments?.length !== 1) return null;
  const executor = promise.arguments[0];
  if (!executor) return null;

  const params = declaration.parameters;
  if (params.some((p) => !ts.isIdentifier(p.name) || p.dotDotDotToken)) return null;
  if (call.arguments.length !== params.length || call.arguments.some((a) => a.type === AST_NODE_TYPES.SpreadElement))
    return null;

  const edits = keepHandle(promise, name, checker);
  if (!edits) return null;

  // Every name the promise uses: a local of its own, a parameter (replaced), or a name that means the same here.
  const uses: { id: ts.Identifier; index: number; lazy: boolean }[] = [];
  const imports = new Set<string>();
  let refused = false;
  const promiseStart = promise.getStart();
  const promiseEnd = promise.end;
  const declaredWithin = (symbol: ts.Symbol): boolean =>
    (symbol.declarations ?? []).some(
      (d) => d.getSourceFile() === helperFile && d.pos >= promiseStart && d.end <= promiseEnd,
    );
  const visit = (node: ts.Node): void => {
    if (refused) return;
    if (node.kind === ts.SyntaxKind.ThisKeyword || node.kind === ts.SyntaxKind.SuperKeyword) {
      refused = true;
      return;
    }
    if (js && ts.isTypeNode(node)) {
      refused = true;
      return;
    }
    if (ts.isIdentifier(node) && !isNameOnly(node)) {
      if (ts.isShorthandPropertyAssignment(node.parent)) {
        refused = true;
        return;
      }
      const symbol = checker.getSymbolAtLocation(node);
      if (!symbol) {
        refused = true;
        return;
      }
      const index = params.findIndex((p) => p === symbol.valueDeclaration);
      if (index >= 0) {
        uses.push({ id: node, index, lazy: insideFunction(node, executor) });
      } else if (!declaredWithin(symbol)) {
        const meaning = valueMeaning(node) ? ts.SymbolFlags.Value : ts.SymbolFlags.Type;
        const here = checker.resolveName(node.text, tsRace, meaning, false);
        if (here && sameSymbol(checker, here, symbol)) {
          // The same thing here.
        } else if (
          !here &&
          !spellsIdentifier(sourceCode, node.text) &&
          exportedBy(checker, helperFile, symbol, node.text)
        ) {
          // An export of the helper's module that this file does not import yet: imported beside the helper.
          imports.add(node.text);
        } else {
          refused = true;
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(promise);
  if (refused as boolean) return null;

  // Each argument is evaluated as before: a stable value may move into the timer's callback; a
  // plain reference may be read again where the executor runs; anything else is read once, there.
  const kinds = call.arguments.map((arg) => argumentKind(arg as TSESTree.Expression, sourceCode, services, checker));
  const impure = kinds.filter((k) => k === 'impure').length;
  if (impure > 1 || (impure === 1 && kinds.some((k) => k === 'plain'))) return null;
  // An argument with effects would run where the executor reads it, after the executor's statements before it.
  if (impure === 1 && !readFirst(promise, uses)) return null;
  // Re-indenting a string, template or JSX text over several lines would change its value.
  if (hasMultilineText(promise)) return null;
  for (const [index, kind] of kinds.entries()) {
    const mine = uses.filter((u) => u.index === index);
    if (kind === 'stable') continue;
    if (mine.length === 0 && kind === 'plain') continue;
    if (mine.some((u) => u.lazy)) return null;
    if (kind === 'impure' && mine.length !== 1) return null;
  }
  // A name the promise declares (`resolve`, a local) would capture an argument's name, or the handle's.
  const declared = new Set<string>();
  const collect = (node: ts.Node): void => {
    if (
      (ts.isParameter(node) || ts.isVariableDeclaration(node) || ts.isBindingElement(node)) &&
      ts.isIdentifier(node.name)
    )
      declared.add(node.name.text);
    ts.forEachChild(node, collect);
  };
  collect(promise);
  if (declared.has(name)) return null;
  for (const use of uses) {
    let captured = false;
    let ownThis = false;
    walk(call.arguments[use.index] as TSESTree.Node, (child) => {
      if (child.type === AST_NODE_TYPES.Identifier && declared.has(child.name)) captured = true;
      if (
        child.type === AST_NODE_TYPES.ThisExpression ||
        child.type === AST_NODE_TYPES.Super ||
        (child.type === AST_NODE_TYPES.Identifier && child.name === 'arguments')
      ) {
        ownThis = true;
      }
    });
    if (captured as boolean) return null;
    // `this` (or `arguments`) moved into a \`function\` of the promise would read that function's own.
    if ((ownThis as boolean) && insideNonArrow(use.id, promise)) return null;
  }
  for (const use of uses) {
    const arg = call.arguments[use.index] as TSESTree.Expression;
    const argText = sourceCode.getText(arg);
    edits.push({
      start: use.id.getStart(),
      end: use.id.end,
      text: needsParens(arg, use.id) ? `(${argText})` : argText,
    });
  }
  // `new Promise(…)` infers `Promise<unknown>` out of its helper: give it the helper's settle type.
  if (!promise.typeArguments && !js) {
    const settled = promisedType(checker, checker.getReturnTypeOfSignature(signature));
    if (!settled) return null;
    edits.push({ start: promise.expression.end, end: promise.expression.end, text: `<${settled}>` });
  }
  const inlined = applyEdits(helperFile.text.slice(promiseStart, promiseEnd), edits, promiseStart);
  // Its lines after the first move from the helper's indentation to the call's.
  const from = indentOfLineAt(helperFile.text, promiseStart);
  const to = indentOfLineAt(sourceCode.text, call.range[0]);
  const text = inlined
    .split('\n')
    .map((line, index) => (index > 0 && line.startsWith(from) ? to + line.slice(from.length) : line))
    .join('\n');

  let removal: Edit | null = null;
  if (sameFile) removal = helperRemoval(sourceCode, services, call, declaration);
  let importEdit: Edit | null = null;
  if (imports.size > 0) {
    if (sameFile) return null;
    importEdit = importBeside(sourceCode, call, [...imports]);
    if (!importEdit) return null;
  }
  return { text, name: calleeName, removal, importEdit };
}

type ArgumentKind = 'stable' | 'plain' | 'impure';

/** stable: the same value whenever it is read; plain: a reference read without side effects; else impure. */
function argumentKind(
  node: TSESTree.Expression,
  sourceCode: Readonly<TSESLint.SourceCode>,
  services: ParserServicesWithTypeInformation,
  checker: ts.TypeChecker,
): ArgumentKind {
  const stable = (n: TSESTree.Node): boolean => {
    switch (n.type) {
      case AST_NODE_TYPES.Literal:
        return !('regex' in n && n.regex);
      case AST_NODE_TYPES.TemplateLiteral:
        return n.expressions.every(stable);
      case AST_NODE_TYPES.Identifier: {
        const variable = ASTUtils.findVariable(sourceCode.getScope(n), n.name);
        if (!variable) return n.name === 'undefined';
        if (variable.defs.length === 0) return false;
        return variable.references.every((r) => !r.isWrite() || r.init === true);
      }
      case AST_NODE_TYPES.UnaryExpression:
        return (
          (n.operator === '-' || n.operator === '+' || n.operator === '!') &&
          stable(n.argument) &&
          primitive(n.argument)
        );
      case AST_NODE_TYPES.BinaryExpression:
        return (
          ['+', '-', '*', '/', '%', '**'].includes(n.operator) &&
          n.left.type !== AST_NODE_TYPES.PrivateIdentifier &&
          stable(n.left) &&
          stable(n.right) &&
          primitive(n.left) &&
          primitive(n.right)
        );
      default:
        return false;
    }
  };
  // Arithmetic on objects calls their `valueOf`: only primitives are stable under it.
  const primitive = (n: TSESTree.Node): boolean => {
    const type = checker.getTypeAtLocation(services.esTreeNodeToTSNodeMap.get(n));
    return !!(
      type.flags &
      (ts.TypeFlags.NumberLike | ts.TypeFlags.StringLike | ts.TypeFlags.BigIntLike | ts.TypeFlags.BooleanLike)
    );
  };
  const plain = (n: TSESTree.Node): boolean =>
    n.type === AST_NODE_TYPES.Identifier ||
    n.type === AST_NODE_TYPES.ThisExpression ||
    (n.type === AST_NODE_TYPES.MemberExpression && !n.computed && plain(n.object));
  if (stable(node)) return 'stable';
  return plain(node) ? 'plain' : 'impure';
}

/** An identifier that only names (a property, a declaration), not one that refers. */
function isNameOnly(node: ts.Identifier): boolean {
  const parent = node.parent;
  return (
    (ts.isPropertyAccessExpression(parent) && parent.name === node) ||
    (ts.isPropertyAssignment(parent) && parent.name === node) ||
    (ts.isQualifiedName(parent) && parent.right === node) ||
    (ts.isParameter(parent) && parent.name === node) ||
    (ts.isVariableDeclaration(parent) && parent.name === node) ||
    (ts.isBindingElement(parent) && (parent.name === node || parent.propertyName === node)) ||
    (ts.isFunctionExpression(parent) && parent.name === node) ||
    (ts.isMethodDeclaration(parent) && parent.name === node) ||
    (ts.isPropertySignature(parent) && parent.name === node)
  );
}

/** Inside a type, a name means a type, except under `typeof`. */
function valueMeaning(node: ts.Node): boolean {
  for (let p: ts.Node = node.parent; !ts.isSourceFile(p); p = p.parent) {
    if (ts.isTypeQueryNode(p)) return true;
    if (ts.isTypeNode(p)) return false;
    if (ts.isExpression(p) || ts.isStatement(p)) return true;
  }
  return true;
}

function sameSymbol(checker: ts.TypeChecker, a: ts.Symbol, b: ts.Symbol): boolean {
  const target = (s: ts.Symbol): ts.Symbol => (s.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(s) : s);
  return a === b || target(a) === target(b);
}

/** Is `node` inside a function nested in `root` (so it runs later, when the timer fires)? */
function insideFunction(node: ts.Node, root: ts.Node): boolean {
  for (let p = node.parent; p !== root; p = p.parent) {
    if (ts.isFunctionLike(p)) return true;
  }
  return false;
}

/** An argument replacing a parameter needs parentheses unless it is a primary expression or stands alone. */
function needsParens(arg: TSESTree.Expression, use: ts.Identifier): boolean {
  const primary =
    arg.type === AST_NODE_TYPES.Identifier ||
    arg.type === AST_NODE_TYPES.Literal ||
    arg.type === AST_NODE_TYPES.TemplateLiteral ||
    arg.type === AST_NODE_TYPES.MemberExpression ||
    arg.type === AST_NODE_TYPES.CallExpression ||
    arg.type === AST_NODE_TYPES.ThisExpression;
  if (primary) return false;
  const parent = use.parent;
  return !(
    (ts.isCallExpression(parent) && parent.arguments.includes(use)) ||
    (ts.isNewExpression(parent) && parent.arguments?.includes(use)) ||
    ts.isTemplateSpan(parent) ||
    ts.isParenthesizedExpression(parent)
  );
}

/** `void`, `never`, `string`…: the settle type of a `Promise<T>`, when it can be written anywhere. */
function promisedType(checker: ts.TypeChecker, type: ts.Type): string | null {
  if (type.getSymbol()?.getName() !== 'Promise') return null;
  const [settled] = checker.getTypeArguments(type as ts.TypeReference);
  if (!settled) return null;
  const intrinsic =
    ts.TypeFlags.Void |
    ts.TypeFlags.Never |
    ts.TypeFlags.Undefined |
    ts.TypeFlags.Null |
    ts.TypeFlags.Unknown |
    ts.TypeFlags.Any |
    ts.TypeFlags.String |
    ts.TypeFlags.Number |
    ts.TypeFlags.Boolean |
    ts.TypeFlags.BigInt;
  return settled.flags & intrinsic ? checker.typeToString(settled) : null;
}

/** Removing the helper, when it is declared in this file, not exported, and the inlined call was its only use. */
function helperRemoval(
  sourceCode: Readonly<TSESLint.SourceCode>,
  services: ParserServicesWithTypeInformation,
  call: TSESTree.CallExpression,
  declaration: ts.SignatureDeclaration,
): Edit | null {
  const callee = call.callee;
  let target: TSESTree.Node | null = null;
  if (callee.type === AST_NODE_TYPES.Identifier) {
    const variable = ASTUtils.findVariable(sourceCode.getScope(callee), callee.name);
    const def = variable?.defs[0];
    if (!variable || variable.defs.length !== 1 || !def) return null;
    if (variable.references.some((r) => r.identifier !== callee)) return null;
    if (def.node.type === AST_NODE_TYPES.FunctionDeclaration) target = def.node;
    else if (def.node.type === AST_NODE_TYPES.VariableDeclarator && def.node.parent.declarations.length === 1) {
      target = def.node.parent;
    }
  } else if (callee.type === AST_NODE_TYPES.MemberExpression) {
    const method = services.tsNodeToESTreeNodeMap.get(declaration);
    const member = method.type === AST_NODE_TYPES.MethodDefinition ? method : method.parent;
    if (member?.type !== AST_NODE_TYPES.MethodDefinition) return null;
    const key = memberName(callee);
    // Any other mention of the name in the class (a destructuring of `this`, `this[key]`, a string)
    // may be a use: the method stays unless the one call and its own key are all there is.
    if (key === null) return null;
    const mentions =
      sourceCode.text
        .slice(member.parent.range[0], member.parent.range[1])
        .split(new RegExp(String.raw`(?<![\w$#])${key.replace(/[$#]/g, '\\$&')}(?![\w$])`)).length - 1;
    if (mentions !== 2) return null;
    target = member;
  }
  if (!target) return null;
  // Exported, or declared where removing it would leave a hole (`export function`, a label): kept.
  const parent = target.parent;
  if (
    parent.type !== AST_NODE_TYPES.Program &&
    parent.type !== AST_NODE_TYPES.BlockStatement &&
    parent.type !== AST_NODE_TYPES.ClassBody
  ) {
    return null;
  }
  const text = sourceCode.text;
  // The comments that document it go with it.
  const first = leadingCommentsStart(sourceCode, target);
  const start = lineStart(text, first);
  if (text.slice(start, first).trim() !== '') return null;
  const lineEnd = text.indexOf('\n', target.range[1]);
  const end = lineEnd === -1 ? text.length : lineEnd + 1;
  if (text.slice(target.range[1], end).trim() !== '') return null;
  // The blank line after it goes too when one stays before it, or when it opened its block.
  const before = text.slice(lineStart(text, Math.max(start - 1, 0)), start).trim();
  const nextEnd = text.indexOf('\n', end);
  const after = nextEnd === -1 ? '' : text.slice(end, nextEnd + 1);
  const extra = (before === '' || before.endsWith('{')) && after.trim() === '' && nextEnd !== -1 ? after.length : 0;
  return { start, end: end + extra, text: '' };
}

/** Where `node` starts with the comments right above it (no blank line between them). */
function leadingCommentsStart(sourceCode: Readonly<TSESLint.SourceCode>, node: TSESTree.Node): number {
  let start = node.range[0];
  for (const comment of sourceCode.getCommentsBefore(node).reverse()) {
    if (/\n[ \t]*\r?\n/.test(sourceCode.text.slice(comment.range[1], start))) break;
    start = comment.range[0];
  }
  return start;
}

/** Every identifier the file writes. */
/** A name for the handle that nothing in the file uses and that no global holds. */
function freshName(
  sourceCode: Readonly<TSESLint.SourceCode>,
  checker: ts.TypeChecker,
  location: ts.Node,
  base: string,
): string | null {
  for (let i = 1; i < 20; i++) {
    const candidate = i === 1 ? base : `${base}${String(i)}`;
    if (spellsIdentifier(sourceCode, candidate)) continue;
    if (checker.resolveName(candidate, location, ts.SymbolFlags.Value | ts.SymbolFlags.Type, false)) continue;
    return candidate;
  }
  return null;
}

function overlaps(edit: Edit, range: readonly [number, number]): boolean {
  return edit.start < range[1] && range[0] < edit.end;
}

/** All edits as one replacement of the span they cover; null when two overlap. */
function merge(text: string, edits: readonly Edit[]): { range: [number, number]; text: string } | null {
  const sorted = edits
    .map((edit, order) => ({ edit, order }))
    .sort((a, b) => a.edit.start - b.edit.start || a.edit.end - b.edit.end || a.order - b.order)
    .map(({ edit }) => edit);
  const first = sorted[0];
  if (!first) return null;
  let out = '';
  let at = first.start;
  for (const edit of sorted) {
    if (edit.start < at) return null;
    out += text.slice(at, edit.start) + edit.text;
    at = edit.end;
  }
  return { range: [first.start, at], text: out };
}

function applyEdits(slice: string, edits: readonly Edit[], offset: number): string {
  const sorted = edits
    .map((edit, order) => ({ edit, order }))
    .sort((a, b) => b.edit.start - a.edit.start || b.order - a.order)
    .map(({ edit }) => edit);
  let result = slice;
  for (const edit of sorted) {
    result = result.slice(0, edit.start - offset) + edit.text + result.slice(edit.end - offset);
  }
  return result;
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** The indentation before `offset` on its line; null when code precedes it there. */
function indentBeforeOffset(text: string, offset: number): string | null {
  const before = text.slice(lineStart(text, offset), offset);
  return before.trim() === '' ? before : null;
}

/** The leading whitespace of the line holding `offset`. */
function indentOfLineAt(text: string, offset: number): string {
  return /^[ \t]*/.exec(text.slice(lineStart(text, offset)))?.[0] ?? '';
}

/** Is there a function other than an arrow between `node` and `root`? */
function insideNonArrow(node: ts.Node, root: ts.Node): boolean {
  for (let p: ts.Node = node.parent; p !== root && !ts.isSourceFile(p); p = p.parent) {
    if (ts.isFunctionLike(p) && !ts.isArrowFunction(p)) return true;
  }
  return false;
}

/**
 * `setTimeout`, or a member of a global object (`globalThis.setTimeout`), whose every
 * declaration, and the object's, is in a declaration file of the platform's typings.
 */
function isPlatformTimer(callee: ts.Expression, checker: ts.TypeChecker): boolean {
  // `globalThis` is made by the checker and has no declaration at all; any other object
  // must be declared, and only in declaration files.
  const declaredByPlatform = (node: ts.Node, checkerMade: boolean): boolean => {
    const symbol = checker.getSymbolAtLocation(node);
    if (!symbol) return false;
    const declarations = symbol.getDeclarations() ?? [];
    if (declarations.length === 0) return checkerMade;
    return declarations.every((d) => d.getSourceFile().isDeclarationFile);
  };
  if (
    ts.isPropertyAccessExpression(callee) &&
    !(ts.isIdentifier(callee.expression) && declaredByPlatform(callee.expression, true))
  )
    return false;
  return declaredByPlatform(callee, false);
}

/** A string, template or JSX text in `node` that spans several lines. */
function hasMultilineText(node: ts.Node): boolean {
  let found = false;
  const visit = (child: ts.Node): void => {
    if (found) return;
    if (
      (ts.isStringLiteral(child) ||
        ts.isNoSubstitutionTemplateLiteral(child) ||
        ts.isTemplateExpression(child) ||
        ts.isJsxText(child)) &&
      child.getSourceFile().getLineAndCharacterOfPosition(child.getStart()).line !==
        child.getSourceFile().getLineAndCharacterOfPosition(child.end).line
    ) {
      found = true;
      return;
    }
    ts.forEachChild(child, visit);
  };
  visit(node);
  return found;
}

/**
 * Does the executor evaluate the one use of a parameter before anything else
 * can run (nothing but declarations of functions between its start and the use)?
 * Only then does an argument with effects keep its place in the order of effects.
 */
function readFirst(promise: ts.NewExpression, uses: readonly { id: ts.Identifier }[]): boolean {
  const executor = promise.arguments?.[0];
  if (!executor || !(ts.isArrowFunction(executor) || ts.isFunctionExpression(executor))) return false;
  const body = executor.body;
  const first = ts.isBlock(body) ? body.statements[0] : body;
  if (!first) return false;
  // Calls, `new` and property reads before the use in the first statement could have effects first.
  const useStart = Math.min(...uses.map((use) => use.id.getStart()));
  let effectBefore = false;
  const visit = (node: ts.Node): void => {
    if (effectBefore || node.getStart() >= useStart) return;
    if (ts.isFunctionLike(node)) return;
    if (
      (ts.isCallExpression(node) || ts.isNewExpression(node) || ts.isPropertyAccessExpression(node)) &&
      node.end <= useStart
    ) {
      effectBefore = true;
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(first);
  return uses.every((use) => use.id.getStart() >= first.getStart() && use.id.end <= first.end) && !effectBefore;
}
