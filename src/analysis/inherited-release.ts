/**
 * Releases that run in a base class. A subclass's `stop()` that calls
 * `super.stop()`, or calls `this.stopMonitor()` declared by a base class in
 * another file, lets go of a field when the method the checker resolves the
 * call to does: it hands `this.<field>` to a call (`clearInterval(this.monitor)`),
 * or closes it, or calls another method of the object that does.
 *
 * The methods are read on TypeScript's own tree, since a base class in
 * another file has no ESTree here; results are cached per declaration node,
 * so per program.
 */
import ts from 'typescript';

const MAX_DEPTH = 4;

/** Per method declaration: the fields it lets go of, by name, computed on demand. */
const releaseCache = new WeakMap<ts.Node, Map<string, boolean>>();

/**
 * Does the method that `call` (`super.m()` or `this.m()`) resolves to, or a
 * method of the object it calls in turn, let go of the handle in `this.<field>`?
 */
export function inheritedCallReleases(checker: ts.TypeChecker, call: ts.CallExpression, field: string): boolean {
  return methodsCalled(checker, call).some((method) => methodReleases(checker, method, field, 0, new Set()));
}

/** The declarations with a body that `super.m()`/`this.m()` runs. */
function methodsCalled(checker: ts.TypeChecker, call: ts.CallExpression): ts.FunctionLikeDeclaration[] {
  let callee: ts.Expression = call.expression;
  while (ts.isParenthesizedExpression(callee) || ts.isNonNullExpression(callee)) callee = callee.expression;
  if (!ts.isPropertyAccessExpression(callee)) return [];
  const receiver = callee.expression.kind;
  if (receiver !== ts.SyntaxKind.SuperKeyword && receiver !== ts.SyntaxKind.ThisKeyword) return [];
  const symbol = checker.getSymbolAtLocation(callee.name);
  const methods: ts.FunctionLikeDeclaration[] = [];
  for (const declaration of symbol?.declarations ?? []) {
    if (declaration.getSourceFile().isDeclarationFile) continue;
    if (ts.isMethodDeclaration(declaration) && declaration.body) methods.push(declaration);
    else if (
      ts.isPropertyDeclaration(declaration) &&
      declaration.initializer &&
      (ts.isArrowFunction(declaration.initializer) || ts.isFunctionExpression(declaration.initializer))
    )
      methods.push(declaration.initializer);
  }
  return methods;
}

function methodReleases(
  checker: ts.TypeChecker,
  method: ts.FunctionLikeDeclaration,
  field: string,
  depth: number,
  seen: Set<ts.Node>,
): boolean {
  if (seen.has(method)) return false;
  seen.add(method);
  let byField = releaseCache.get(method);
  const known = byField?.get(field);
  if (known !== undefined) return known;
  const body = method.body;
  // Set inside the visitor (TypeScript's narrowing does not see that).
  let found = false as boolean;
  const calls: ts.CallExpression[] = [];
  const visit = (node: ts.Node): void => {
    if (found) return;
    if (isThisField(node, field) && releasesRead(node)) {
      found = true;
      return;
    }
    if (ts.isCallExpression(node)) calls.push(node);
    ts.forEachChild(node, visit);
  };
  if (body) visit(body);
  if (!found && depth < MAX_DEPTH) {
    found = calls.some((call) =>
      methodsCalled(checker, call).some((callee) => methodReleases(checker, callee, field, depth + 1, seen)),
    );
  }
  // Only an answer asked from the start (depth 0, nothing seen yet) is kept: it depends on nothing else.
  if (depth === 0) {
    if (!byField) releaseCache.set(method, (byField = new Map<string, boolean>()));
    byField.set(field, found);
  }
  return found;
}

/** `this.<field>`, not assigned to. */
function isThisField(node: ts.Node, field: string): node is ts.PropertyAccessExpression {
  return (
    ts.isPropertyAccessExpression(node) &&
    node.expression.kind === ts.SyntaxKind.ThisKeyword &&
    node.name.text === field
  );
}

/**
 * Does the value read at `read` go where it is let go of: an argument of a
 * call (`clearInterval(this.t)`, `this.pool.release(this.t)`) or a `close()`
 * / `dispose()` called on it?
 */
function releasesRead(read: ts.Expression): boolean {
  let node: ts.Node = read;
  for (;;) {
    const parent = node.parent;
    if (
      ts.isParenthesizedExpression(parent) ||
      ts.isNonNullExpression(parent) ||
      ts.isAsExpression(parent) ||
      (ts.isBinaryExpression(parent) &&
        (parent.operatorToken.kind === ts.SyntaxKind.BarBarToken ||
          parent.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken ||
          parent.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken) &&
        parent.right === node) ||
      (ts.isConditionalExpression(parent) && parent.condition !== node)
    ) {
      node = parent;
      continue;
    }
    if (ts.isCallExpression(parent) || ts.isNewExpression(parent)) return parent.expression !== node;
    if (ts.isPropertyAccessExpression(parent) && parent.expression === node) {
      const name = parent.name.text;
      return (name === 'close' || name === 'dispose') && ts.isCallExpression(parent.parent);
    }
    return false;
  }
}
