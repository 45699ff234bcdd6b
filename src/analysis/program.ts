/**
 * The program index: what the rest of the program does with a function.
 *
 * Each source file gets a name index (identifier text → the identifiers that
 * use it), filled one name at a time from the file's text and cached by its
 * TypeScript `SourceFile` object, so an edit rebuilds only the edited file's
 * entries, and only for the names asked about. A query follows one symbol: it
 * looks its name up in every file's index and asks the checker only about the
 * identifiers that carry that name. Answers are cached per `Program`.
 */
import ts from 'typescript';
import { calledImplementation, skipParentheses } from './callees.js';
import { calledBuiltin } from './types.js';
import { SYNC_CALLBACK_METHODS } from './ast.js';
import { PROMISE_REACTIONS, REGISTRATIONS } from './vocabulary.js';

/** The calls of a function in the program, and whether they are all its callers. */
export interface CallSites {
  calls: readonly ts.CallExpression[];
  /**
   * `p.then(f)`, `p.catch(f)`, `p.finally(f)`: the function runs at most once
   * per registration, where the registration runs, with an argument the
   * promise supplies.
   */
  reactions: readonly ts.CallExpression[];
  /**
   * False when the function is also used as a value (passed, stored,
   * exported in an object), when a member of that name is called on a
   * receiver the checker cannot type, or when the function has no name to
   * follow: then code we cannot see may call it with anything.
   */
  complete: boolean;
}

const INCOMPLETE: CallSites = { calls: [], reactions: [], complete: false };

type Name = ts.Identifier | ts.PrivateIdentifier;

const nameIndexes = new WeakMap<ts.SourceFile, Map<string, readonly Name[]>>();

/**
 * Names searched in the text (of a file, or of the program's files) before
 * the word indexes are built instead: most files and programs are asked about
 * a few names, for which a native text search is cheaper than indexing every
 * word; the indexes keep a file asked about hundreds of names linear.
 */
const TEXT_SEARCHED_NAMES = 32;
/**
 * A query answered once per `Program` and node: the answers go with the
 * program, so an edit (a new program) asks again.
 */
export function perProgram<K extends ts.Node, V>(
  compute: (program: ts.Program, node: K) => V,
): (program: ts.Program, node: K) => V {
  const caches = new WeakMap<ts.Program, WeakMap<K, V>>();
  return (program, node) => {
    let cache = caches.get(program);
    if (!cache) {
      cache = new WeakMap();
      caches.set(program, cache);
    }
    if (cache.has(node)) return cache.get(node) as V;
    const answer = compute(program, node);
    cache.set(node, answer);
    return answer;
  };
}
const programFileLists = new WeakMap<ts.Program, readonly ts.SourceFile[]>();

/** The program's own source files (not declaration files, not external libraries), listed once per program. */
function programFiles(program: ts.Program): readonly ts.SourceFile[] {
  let files = programFileLists.get(program);
  if (!files) {
    files = program.getSourceFiles().filter((f) => !f.isDeclarationFile && !program.isSourceFileFromExternalLibrary(f));
    programFileLists.set(program, files);
  }
  return files;
}

/**
 * The identifiers of a file that read `name`, found from the file's text:
 * each occurrence of the name as a whole word is looked up by descending the
 * tree to its position (occurrences in strings and comments find no
 * identifier there). Cached per file and name, so a query costs the
 * occurrences of one name, not a walk of the file.
 */
function occurrences(file: ts.SourceFile, name: string): readonly Name[] {
  let byName = nameIndexes.get(file);
  if (!byName) {
    byName = new Map();
    nameIndexes.set(file, byName);
  }
  const known = byName.get(name);
  if (known) return known;
  const found: Name[] = [];
  // The first names asked of a file are searched in its text; after that, its word index answers.
  const starts =
    byName.size < TEXT_SEARCHED_NAMES && !wordIndexes.has(file)
      ? wholeWordStarts(file.text, name)
      : (wordStarts(file).get(name) ?? []);
  for (const at of starts) {
    const id = identifierAt(file, at);
    if (id && id.text === name) found.push(id);
  }
  byName.set(name, found);
  return found;
}

/** Where `name` starts in `text` as a whole word, found by a native search for it. */
function wholeWordStarts(text: string, name: string): number[] {
  const found: number[] = [];
  for (let at = text.indexOf(name); at !== -1; at = text.indexOf(name, at + name.length)) {
    if (at > 0 && isWordChar(text.charCodeAt(at - 1))) continue;
    const end = at + name.length;
    if (end < text.length && isWordChar(text.charCodeAt(end))) continue;
    found.push(at);
  }
  return found;
}

const wordIndexes = new WeakMap<ts.SourceFile, Map<string, number[]>>();

/**
 * Where each whole word of a file's text starts (a run of the characters a
 * name is made of), by word, found in one pass over the text and cached per
 * file: looking up each name asked about in the whole text again would cost
 * the file's length per name.
 */
function wordStarts(file: ts.SourceFile): Map<string, number[]> {
  let index = wordIndexes.get(file);
  if (index) return index;
  index = new Map();
  const text = file.text;
  for (let at = 0; at < text.length; at++) {
    if (!isWordChar(text.charCodeAt(at))) continue;
    let end = at + 1;
    while (end < text.length && isWordChar(text.charCodeAt(end))) end++;
    const word = text.slice(at, end);
    const list = index.get(word);
    if (list) list.push(at);
    else index.set(word, [at]);
    at = end;
  }
  wordIndexes.set(file, index);
  return index;
}

function isWordChar(code: number): boolean {
  return (
    (code >= 48 && code <= 57) ||
    (code >= 65 && code <= 90) ||
    (code >= 97 && code <= 122) ||
    code === 95 ||
    code === 36 ||
    code === 35 ||
    code > 127
  );
}

/** The identifier that starts at `position`, found by descending through the children that span it. */
function identifierAt(file: ts.SourceFile, position: number): Name | null {
  let node: ts.Node = file;
  // A file holds thousands of statements, in source order and without gaps: find the one that spans the
  // position by binary search rather than trying each, so that looking up every occurrence stays linear.
  const statements = file.statements;
  let low = 0;
  let high = statements.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((statements[mid] as ts.Statement).end <= position) low = mid + 1;
    else high = mid;
  }
  const statement = statements[low];
  if (statement && statement.pos <= position && position < statement.end) node = statement;
  for (;;) {
    if ((ts.isIdentifier(node) || ts.isPrivateIdentifier(node)) && node.getStart(file) === position) return node;
    const child: ts.Node | undefined = ts.forEachChild(node, (c) =>
      c.pos <= position && position < c.end ? c : undefined,
    );
    if (!child) return null;
    node = child;
  }
}

/** The name a function can be called by: its own, or that of the variable, field or property holding it. */
export function functionNameNode(fn: ts.SignatureDeclaration): Name | null {
  if (
    (ts.isFunctionDeclaration(fn) || ts.isMethodDeclaration(fn)) &&
    fn.name &&
    (ts.isIdentifier(fn.name) || ts.isPrivateIdentifier(fn.name))
  ) {
    return fn.name;
  }
  if (ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) {
    let holder: ts.Node = fn.parent;
    while (ts.isParenthesizedExpression(holder) || ts.isAsExpression(holder) || ts.isSatisfiesExpression(holder)) {
      holder = holder.parent;
    }
    if (
      (ts.isVariableDeclaration(holder) || ts.isPropertyDeclaration(holder) || ts.isPropertyAssignment(holder)) &&
      (ts.isIdentifier(holder.name) || ts.isPrivateIdentifier(holder.name))
    ) {
      return holder.name;
    }
  }
  return null;
}

/**
 * A function declared inside another function, a private member, or a
 * module's top-level function or variable that the module does not export:
 * only its own file can call it.
 */
function isFileLocal(fn: ts.SignatureDeclaration, name: Name): boolean {
  if (ts.isPrivateIdentifier(name)) return true;
  for (let node: ts.Node = fn.parent; !ts.isSourceFile(node); node = node.parent) {
    if (ts.isFunctionLike(node)) return true;
  }
  const holder = name.parent;
  if (ts.isFunctionDeclaration(holder) || ts.isVariableDeclaration(holder)) return isUnexportedTopLevel(holder, name);
  if (ts.isMethodDeclaration(holder) || ts.isPropertyDeclaration(holder)) {
    return (ts.getCombinedModifierFlags(holder) & ts.ModifierFlags.Private) !== 0;
  }
  return false;
}

/**
 * A top-level declaration of an ES module with no `export` modifier, named
 * by no `export { … }` or `export default` of its file: other files cannot
 * import it.
 */
function isUnexportedTopLevel(holder: ts.FunctionDeclaration | ts.VariableDeclaration, name: ts.Identifier): boolean {
  const statement = ts.isVariableDeclaration(holder) ? holder.parent.parent : holder;
  if (!ts.isVariableStatement(statement) && !ts.isFunctionDeclaration(statement)) return false;
  const file = statement.parent;
  if (!ts.isSourceFile(file) || !ts.isExternalModule(file)) return false;
  if (ts.getCombinedModifierFlags(holder) & ts.ModifierFlags.Export) return false;
  return occurrences(file, name.text).every(
    (id) => !ts.isExportSpecifier(id.parent) && !ts.isExportAssignment(id.parent),
  );
}

/** The symbol at a node, through an import or export alias to what it stands for. */
export function resolved(checker: ts.TypeChecker, node: ts.Node): ts.Symbol | undefined {
  return aliased(checker, checker.getSymbolAtLocation(node));
}

/** The symbol an import or export alias stands for, or the symbol itself. */
function aliased(checker: ts.TypeChecker, symbol: ts.Symbol | undefined): ts.Symbol | undefined {
  return symbol && symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
}

/**
 * The same declared thing: the checker can hand out more than one symbol
 * object for a member (instantiated for a type, or for `this`); they share
 * declarations.
 */
function sameSymbol(a: ts.Symbol | undefined, b: ts.Symbol): boolean {
  if (a === b) return true;
  if (!a?.declarations || !b.declarations) return false;
  return a.declarations.some((d) => b.declarations?.includes(d));
}

/**
 * A member declared by an interface or type literal of the program's own
 * code: calls through it may reach any class that implements it. A library's
 * interface (`Array.push`, `Map.set`) is implemented by the library.
 */
function isSignatureMember(program: ts.Program, symbol: ts.Symbol): boolean {
  return (symbol.declarations ?? []).some((d) => {
    if (!ts.isMethodSignature(d) && !ts.isPropertySignature(d)) return false;
    const file = d.getSourceFile();
    if (program.isSourceFileDefaultLibrary(file) || program.isSourceFileFromExternalLibrary(file)) return false;
    // `debounce: number`: a property declared to hold a primitive holds no function to call.
    return !(
      ts.isPropertySignature(d) &&
      d.type &&
      holdsPrimitivesOnly(program.getTypeChecker().getTypeFromTypeNode(d.type))
    );
  });
}

const PRIMITIVE_FLAGS =
  ts.TypeFlags.NumberLike |
  ts.TypeFlags.StringLike |
  ts.TypeFlags.BooleanLike |
  ts.TypeFlags.BigIntLike |
  ts.TypeFlags.ESSymbolLike |
  ts.TypeFlags.Undefined |
  ts.TypeFlags.Null |
  ts.TypeFlags.Void |
  ts.TypeFlags.EnumLike;

/** A type every value of which is a primitive (`number`, `'a' | 'b'`, `string | undefined`). */
function holdsPrimitivesOnly(type: ts.Type): boolean {
  const parts = type.isUnion() ? type.types : [type];
  return parts.every((part) => (part.flags & PRIMITIVE_FLAGS) !== 0 && (part.flags & ~PRIMITIVE_FLAGS) === 0);
}

/** The call whose callee is `id` (`f(…)`, `this.f(…)`, `a.b.f(…)`), if it is one. */
function callOf(id: Name): ts.CallExpression | null {
  let callee: ts.Node = id;
  if (ts.isPropertyAccessExpression(id.parent) && id.parent.name === id) callee = id.parent;
  while (ts.isParenthesizedExpression(callee.parent) || ts.isNonNullExpression(callee.parent)) callee = callee.parent;
  const parent = callee.parent;
  return ts.isCallExpression(parent) && parent.expression === callee ? parent : null;
}

/** The `p.then(…, f)` that `f` (or `this.f`) is passed to, on a receiver typed as a promise. */
function reactionOf(checker: ts.TypeChecker, id: Name): ts.CallExpression | null {
  let value: ts.Node = id;
  if (ts.isPropertyAccessExpression(id.parent) && id.parent.name === id) value = id.parent;
  const call = value.parent;
  if (!ts.isCallExpression(call) || !call.arguments.includes(value as ts.Expression)) return null;
  const callee = call.expression;
  if (!ts.isPropertyAccessExpression(callee) || !PROMISE_REACTIONS.has(callee.name.text)) return null;
  const then = checker.getTypeAtLocation(callee.expression).getProperty('then');
  return then ? call : null;
}

/**
 * `f.toString()`, `String(f)`, `` `${f}` ``: a use that reads the function's
 * source text. The text may be run elsewhere (a worker made from a blob),
 * but this program neither calls the function nor hands it to anyone.
 */
function readsSourceText(id: Name): boolean {
  let value: ts.Node = id;
  if (ts.isPropertyAccessExpression(id.parent) && id.parent.name === id) value = id.parent;
  while (ts.isParenthesizedExpression(value.parent)) value = value.parent;
  const parent = value.parent;
  if (ts.isTemplateSpan(parent)) return parent.expression === value;
  if (ts.isCallExpression(parent)) {
    return ts.isIdentifier(parent.expression) && parent.expression.text === 'String' && parent.arguments[0] === value;
  }
  if (!ts.isPropertyAccessExpression(parent) || parent.expression !== value || parent.name.text !== 'toString')
    return false;
  const call = parent.parent;
  return ts.isCallExpression(call) && call.expression === parent && call.arguments.length === 0;
}

/**
 * Does nothing in the program run `fn`: it is bound to a name that only
 * its own file can use (not exported, or local to a function), and no use of
 * it there is a call, a promise reaction or a hand-off; at most its source
 * text is read (`f.toString()`, to run in a worker)? Then no call of it
 * here repeats anything.
 */
export const isNeverCalled: (program: ts.Program, fn: ts.SignatureDeclaration) => boolean = perProgram(
  (program, fn: ts.SignatureDeclaration) => {
    const name = functionNameNode(fn);
    // A binding of its own (`function f`, `const f = …`): a method of an object literal is called
    // through wherever the object goes.
    if (!name || !(ts.isFunctionDeclaration(name.parent) || ts.isVariableDeclaration(name.parent))) return false;
    if (!isFileLocal(fn, name)) return false;
    const { calls, reactions, complete } = callSitesOf(program, fn);
    return complete && calls.length === 0 && reactions.length === 0;
  },
);

/** Positions that name the function without using it: imports, re-exports, `typeof f`. */
function isPassThrough(id: Name): boolean {
  const parent = id.parent;
  return (
    ts.isImportSpecifier(parent) ||
    ts.isImportClause(parent) ||
    ts.isNamespaceImport(parent) ||
    ts.isExportSpecifier(parent) ||
    ts.isTypeQueryNode(parent) ||
    ts.isQualifiedName(parent)
  );
}

/**
 * The calls of `fn` in its own file, whether or not code elsewhere may call
 * it too: evidence of how some callers use it, never a list of all of them.
 */
export const callsInOwnFile: (program: ts.Program, fn: ts.SignatureDeclaration) => readonly ts.CallExpression[] =
  perProgram((program, fn: ts.SignatureDeclaration) => {
    const name = functionNameNode(fn);
    const target = name ? resolved(program.getTypeChecker(), name) : undefined;
    if (!name || !target) return [];
    return callsAmong(namedUses(program, fn.getSourceFile(), name.text), target);
  });

/** The calls among the uses of `target` in one file (its declarations' own names are not uses). */
function callsAmong(uses: NamedUses, target: ts.Symbol): ts.CallExpression[] {
  const declared = new Set(target.declarations?.map((declaration) => ts.getNameOfDeclaration(declaration)));
  return usesOf(uses, target).flatMap((index) => {
    const id = uses.ids[index] as Name;
    const call = declared.has(id) ? null : callOf(id);
    return call ? [call] : [];
  });
}

/**
 * Every call of `fn` in the program. The files are those of the program
 * that are not declaration files nor external libraries; a function local
 * to a function, or a private member, is looked for in its own file only.
 */
export function callSitesOf(program: ts.Program, fn: ts.SignatureDeclaration): CallSites {
  const cache = callSiteCache(program);
  let sites = cache.get(fn);
  if (!sites) {
    sites = findCallSites(program, fn);
    cache.set(fn, sites);
  }
  return sites;
}

const callSiteCaches = new WeakMap<ts.Program, WeakMap<ts.SignatureDeclaration, CallSites>>();

/** The answers of `callSitesOf` for one program, shared with `everyCallSite`'s complete searches. */
function callSiteCache(program: ts.Program): WeakMap<ts.SignatureDeclaration, CallSites> {
  let cache = callSiteCaches.get(program);
  if (!cache) {
    cache = new WeakMap();
    callSiteCaches.set(program, cache);
  }
  return cache;
}

/**
 * Does every call and reaction of `fn` in the program pass `test`, with the
 * list complete (and not empty)? The search stops at the first that fails,
 * before the program's remaining files are read: a function called from
 * a hundred places is answered by one of them. A search that runs to its
 * end is kept as `callSitesOf`'s answer.
 */
export function everyCallSite(
  program: ts.Program,
  fn: ts.SignatureDeclaration,
  test: (site: ts.CallExpression, kind: 'call' | 'reaction') => boolean,
): boolean {
  const cache = callSiteCache(program);
  const known = cache.get(fn);
  if (known) {
    return (
      known.complete &&
      known.calls.length + known.reactions.length > 0 &&
      known.calls.every((call) => test(call, 'call')) &&
      known.reactions.every((reaction) => test(reaction, 'reaction'))
    );
  }
  // Set inside the callback (TypeScript's narrowing does not see that).
  let failed = false as boolean;
  const sites = findCallSites(program, fn, (site, kind) => {
    failed = !test(site, kind);
    return failed;
  });
  if (failed) return false;
  cache.set(fn, sites);
  return sites.complete && sites.calls.length + sites.reactions.length > 0;
}

/**
 * Every call of `fn` in the program; with `stop`, each is handed to it as it
 * is found, and the search ends (incomplete) at the first for which it
 * returns true.
 */
function findCallSites(
  program: ts.Program,
  fn: ts.SignatureDeclaration,
  stop?: (site: ts.CallExpression, kind: 'call' | 'reaction') => boolean,
): CallSites {
  const name = functionNameNode(fn);
  if (!name) return INCOMPLETE;
  const checker = program.getTypeChecker();
  const target = resolved(checker, name);
  if (!target) return INCOMPLETE;
  // `export default function f`: importers call it by a name of their own.
  if (ts.isFunctionDeclaration(fn) && ts.getCombinedModifierFlags(fn) & ts.ModifierFlags.Default) return INCOMPLETE;
  const mentioning = isFileLocal(fn, name) ? [fn.getSourceFile()] : filesMentioning(program, name.text);
  const isMember = !ts.isVariableDeclaration(name.parent) && !ts.isFunctionDeclaration(name.parent);
  const calls: ts.CallExpression[] = [];
  const reactions: ts.CallExpression[] = [];
  // `export { f as g }`, `import { f as g }`: callers use another name. Seen in the syntax alone,
  // so it is asked of every file before the checker resolves any use.
  if (mentioning.some((file) => isRenamedIn(file, name.text))) return INCOMPLETE;
  for (const file of mentioning) {
    const uses = namedUses(program, file, name.text);
    const mine = usesOf(uses, target);
    // A member of that name on a receiver the checker cannot type, or declared by an interface that
    // classes implement: code we cannot see may call it.
    if (isMember && uses.unsure.some((index) => !mine.includes(index))) return INCOMPLETE;
    for (const index of mine) {
      const id = uses.ids[index] as Name;
      if (id === name) continue;
      const call = callOf(id);
      if (call) {
        if (stop?.(call, 'call')) return INCOMPLETE;
        calls.push(call);
        continue;
      }
      // `f.toString()`, `${f}`: its source text is read (to run in a worker, say), it is not run here.
      if (readsSourceText(id)) continue;
      // `return { f }`: handed out as a property of an object; its callers call the property.
      const property = propertyHolding(id);
      if (property) {
        const through = callsThroughProperty(program, property);
        if (!through.complete) return INCOMPLETE;
        if (stop && (through.calls.some((c) => stop(c, 'call')) || through.reactions.some((r) => stop(r, 'reaction'))))
          return INCOMPLETE;
        calls.push(...through.calls);
        reactions.push(...through.reactions);
        continue;
      }
      const reaction = reactionOf(checker, id);
      if (!reaction) return INCOMPLETE;
      if (stop?.(reaction, 'reaction')) return INCOMPLETE;
      reactions.push(reaction);
    }
  }
  return { calls, reactions, complete: true };
}

/**
 * The property of an object literal whose value `id` is (`{ f }`, `{ g: f }`).
 */
function propertyHolding(id: Name): ts.ShorthandPropertyAssignment | ts.PropertyAssignment | null {
  const parent = id.parent;
  const property =
    (ts.isShorthandPropertyAssignment(parent) && parent.name === id) ||
    (ts.isPropertyAssignment(parent) && parent.initializer === id)
      ? parent
      : null;
  if (!property || !ts.isIdentifier(property.name)) return null;
  return property;
}

/** How many steps an object is followed from where it is made to where its members are read. */
const MAX_HOLDER_STEPS = 4;

/** What following an object collects: the calls of one member, and its promise reactions. */
interface MemberCalls {
  member: string;
  calls: ts.CallExpression[];
  reactions: ts.CallExpression[];
}

/**
 * The calls of a function through the object literal property that holds it
 * (`return { f }`, `{ g: f }`). The object is followed from where it is
 * made to every place that holds it: a `const` or `let`, a field, the
 * callers of a function that returns it, an `await` of such a call. Each
 * place may only read members by name (`x.f(…)`, `this.runner.f(…)`) or
 * destructure them (`const { f } = make()`); the calls of this member there
 * are its calls. Anything else (handing the object to a function, an element
 * access, a spread, a conditional, a literal whose type is declared where it
 * is written, methods of its own that reach it as `this`) lets code the
 * program does not show call it: the answer is then incomplete.
 */
function callsThroughProperty(
  program: ts.Program,
  property: ts.ShorthandPropertyAssignment | ts.PropertyAssignment,
): CallSites {
  const object = property.parent;
  if (program.getTypeChecker().getContextualType(object) !== undefined) return INCOMPLETE;
  if (object.properties.some(readsOwnObject)) return INCOMPLETE;
  const found: MemberCalls = { member: (property.name as ts.Identifier).text, calls: [], reactions: [] };
  if (!followObject(program, object, found, 0, new Set())) return INCOMPLETE;
  return { calls: found.calls, reactions: found.reactions, complete: true };
}

/** A method, accessor or function-expression property of an object literal that reads `this`. */
function readsOwnObject(property: ts.ObjectLiteralElementLike): boolean {
  let fn: ts.Node | undefined;
  if (ts.isMethodDeclaration(property) || ts.isAccessor(property)) fn = property;
  else if (ts.isPropertyAssignment(property) && ts.isFunctionExpression(skipParentheses(property.initializer)))
    fn = property.initializer;
  if (!fn) return false;
  const visit = (node: ts.Node): boolean => {
    if (node.kind === ts.SyntaxKind.ThisKeyword) return true;
    if (ts.isFunctionDeclaration(node) || ts.isFunctionExpression(node) || ts.isClassLike(node)) return false;
    return ts.forEachChild(node, visit) === true;
  };
  return ts.forEachChild(fn, visit) === true;
}

/** Is every use of the object that `value` evaluates to a read of its members by name? Collects `found`'s calls. */
function followObject(
  program: ts.Program,
  value: ts.Expression,
  found: MemberCalls,
  steps: number,
  seen: Set<ts.Node>,
): boolean {
  if (steps > MAX_HOLDER_STEPS) return false;
  if (seen.has(value)) return true;
  seen.add(value);
  const checker = program.getTypeChecker();
  let node: ts.Expression = value;
  while (ts.isParenthesizedExpression(node.parent)) node = node.parent;
  const parent = node.parent;
  // `obj.f(…)`; reading another member is no use of this one.
  if (ts.isPropertyAccessExpression(parent) && parent.expression === node) {
    if (!ts.isIdentifier(parent.name) || parent.name.text !== found.member) return true;
    const call = callOf(parent.name);
    if (call) {
      found.calls.push(call);
      return true;
    }
    const reaction = reactionOf(checker, parent.name);
    if (reaction) found.reactions.push(reaction);
    return reaction !== null || readsSourceText(parent.name);
  }
  if (ts.isAwaitExpression(parent)) return followObject(program, parent, found, steps + 1, seen);
  if (ts.isVariableDeclaration(parent) && parent.initializer === node) {
    return followBinding(program, parent, found, steps, seen);
  }
  if (ts.isPropertyDeclaration(parent) && parent.initializer === node) {
    return followMember(program, parent.name, found, steps, seen);
  }
  if (
    ts.isBinaryExpression(parent) &&
    parent.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
    parent.right === node
  ) {
    const target = skipParentheses(parent.left);
    return ts.isPropertyAccessExpression(target) && followMember(program, target.name, found, steps, seen);
  }
  // `return { f }`, `() => ({ f })`: the function's callers get the object.
  const fn = ts.isReturnStatement(parent)
    ? returningFunction(parent)
    : ts.isArrowFunction(parent) && parent.body === node
      ? parent
      : undefined;
  if (!fn || fn.asteriskToken) return false;
  const sites = callSitesOf(program, fn);
  if (!sites.complete || sites.reactions.length > 0) return false;
  return sites.calls.every((call) => followObject(program, call, found, steps + 1, seen));
}

/** `const x = obj` (every use of `x`), `const { f } = obj` (every call of the name `f` is bound to). */
function followBinding(
  program: ts.Program,
  declaration: ts.VariableDeclaration,
  found: MemberCalls,
  steps: number,
  seen: Set<ts.Node>,
): boolean {
  const checker = program.getTypeChecker();
  const name = declaration.name;
  if (ts.isObjectBindingPattern(name)) {
    for (const element of name.elements) {
      if (element.dotDotDotToken) return false;
      const key = element.propertyName ?? element.name;
      if (!ts.isIdentifier(key)) return false;
      if (key.text !== found.member) continue;
      if (!ts.isIdentifier(element.name) || element.initializer) return false;
      if (ts.isSourceFile(declaration.parent.parent.parent) && !isUnexportedTopLevel(declaration, element.name))
        return false;
      const local = callsOfBinding(program, element);
      if (!local.complete) return false;
      found.calls.push(...local.calls);
      found.reactions.push(...local.reactions);
    }
    return true;
  }
  if (!ts.isIdentifier(name)) return false;
  const target = checker.getSymbolAtLocation(name);
  if (!target) return false;
  const local = !ts.isSourceFile(declaration.parent.parent.parent) || isUnexportedTopLevel(declaration, name);
  const files = local ? [declaration.getSourceFile()] : filesMentioning(program, name.text);
  if (files.some((file) => isRenamedIn(file, name.text))) return false;
  for (const file of files) {
    const uses = namedUses(program, file, name.text);
    for (const index of usesOf(uses, target)) {
      const id = uses.ids[index] as Name;
      if (id === name || isWritten(id)) continue;
      if (!ts.isIdentifier(id) || !followObject(program, id, found, steps + 1, seen)) return false;
    }
  }
  return true;
}

/** The function a `return` returns from. */
function returningFunction(statement: ts.ReturnStatement): ts.FunctionLikeDeclaration | undefined {
  for (let node: ts.Node = statement.parent; !ts.isSourceFile(node); node = node.parent) {
    if (ts.isFunctionLike(node)) {
      return ts.isFunctionDeclaration(node) ||
        ts.isFunctionExpression(node) ||
        ts.isArrowFunction(node) ||
        ts.isMethodDeclaration(node)
        ? node
        : undefined;
    }
  }
  return undefined;
}

/** A field or property that holds the object: every read of it anywhere in the program. */
function followMember(
  program: ts.Program,
  memberName: ts.PropertyName,
  found: MemberCalls,
  steps: number,
  seen: Set<ts.Node>,
): boolean {
  if (!ts.isIdentifier(memberName) && !ts.isPrivateIdentifier(memberName)) return false;
  const checker = program.getTypeChecker();
  const target = resolved(checker, memberName);
  // A field a class of the program declares; not a property of some other object (`module.exports`).
  const declarations = target?.declarations ?? [];
  if (!target || declarations.length === 0) return false;
  if (!declarations.every((d) => ts.isPropertyDeclaration(d) && ts.isClassLike(d.parent))) return false;
  const isPrivate =
    ts.isPrivateIdentifier(memberName) ||
    declarations.every(
      (d) => ts.isPropertyDeclaration(d) && (ts.getCombinedModifierFlags(d) & ts.ModifierFlags.Private) !== 0,
    );
  const files = isPrivate ? [memberName.getSourceFile()] : filesMentioning(program, memberName.text);
  for (const file of files) {
    const uses = namedUses(program, file, memberName.text);
    const mine = usesOf(uses, target);
    // A member of that name read through a type we cannot follow may be this one.
    if (uses.unsure.some((index) => !mine.includes(index))) return false;
    for (const index of mine) {
      const id = uses.ids[index] as Name;
      if (id === memberName || declarations.some((d) => ts.getNameOfDeclaration(d) === id)) continue;
      const read = ts.isPropertyAccessExpression(id.parent) && id.parent.name === id ? id.parent : null;
      if (!read) return false;
      if (isWritten(read)) continue;
      if (!followObject(program, read, found, steps + 1, seen)) return false;
    }
  }
  return true;
}

/** Is `node` the target of a plain assignment (`x = …`, `this.x = …`)? */
function isWritten(node: ts.Node): boolean {
  let target = node;
  while (ts.isParenthesizedExpression(target.parent)) target = target.parent;
  const parent = target.parent;
  return (
    ts.isBinaryExpression(parent) && parent.operatorToken.kind === ts.SyntaxKind.EqualsToken && parent.left === target
  );
}

/** The calls of the name a binding element declares, in its own file. */
function callsOfBinding(program: ts.Program, element: ts.BindingElement): CallSites {
  const checker = program.getTypeChecker();
  const name = element.name as ts.Identifier;
  const target = checker.getSymbolAtLocation(name);
  if (!target) return INCOMPLETE;
  const file = element.getSourceFile();
  if (isRenamedIn(file, name.text)) return INCOMPLETE;
  const uses = namedUses(program, file, name.text);
  const calls: ts.CallExpression[] = [];
  const reactions: ts.CallExpression[] = [];
  for (const index of usesOf(uses, target)) {
    const id = uses.ids[index] as Name;
    if (id === name) continue;
    const call = callOf(id);
    if (call) {
      calls.push(call);
      continue;
    }
    const reaction = reactionOf(checker, id);
    if (!reaction) return INCOMPLETE;
    reactions.push(reaction);
  }
  return { calls, reactions, complete: true };
}

const mentioningCaches = new WeakMap<ts.Program, Map<string, readonly ts.SourceFile[]>>();
/** How many names each file's text has been searched for, in any program. */
const textSearches = new WeakMap<ts.SourceFile, number>();

/**
 * The program's files that mention `name`, listed once per `Program` and
 * name. Every class of a file may have its `start` or `close`, so one name
 * is asked about again and again. A file's first names are searched in its
 * text, which most files never go beyond; after that, its word index (built
 * once per `SourceFile`, so an edit re-reads only the edited file) answers,
 * so that a file defining hundreds of functions does not cost the program's
 * size per function. The searches are counted per `SourceFile` across
 * programs, so an editor's unchanged files, asked again after every edit,
 * are indexed once and then answer from the index.
 */
function filesMentioning(program: ts.Program, name: string): readonly ts.SourceFile[] {
  let byName = mentioningCaches.get(program);
  if (!byName) {
    byName = new Map();
    mentioningCaches.set(program, byName);
  }
  let files = byName.get(name);
  if (!files) {
    files = programFiles(program).filter((file) => {
      if (wordIndexes.has(file)) return wordStarts(file).has(name);
      // Counted per `SourceFile`, across programs: an editor's unchanged files are asked again after
      // every edit, and are indexed once they have been searched as often as a lint would.
      const searches = (textSearches.get(file) ?? 0) + 1;
      textSearches.set(file, searches);
      return searches > TEXT_SEARCHED_NAMES ? wordStarts(file).has(name) : file.text.includes(name);
    });
    byName.set(name, files);
  }
  return files;
}

/**
 * The uses of one name in one file, grouped by the symbol the checker
 * resolves each to, so that every function of that name asks only about its
 * own uses: a query costs its uses, not every use of the name (each of a
 * file's classes has its `close`). Built once per `Program`, file and name.
 */
interface NamedUses {
  /** The occurrences of the name that are not pass-throughs (imports, re-exports, `typeof f`). */
  ids: readonly Name[];
  /** Indexes in `ids` by resolved symbol, and by each declaration of that symbol. */
  bySymbol: ReadonlyMap<ts.Symbol, readonly number[]>;
  byDeclaration: ReadonlyMap<ts.Declaration, readonly number[]>;
  /** Uses whose member is unknown (untyped receiver) or declared by the program's own interface or type literal. */
  unsure: readonly number[];
}

const namedUseCaches = new WeakMap<ts.Program, WeakMap<ts.SourceFile, Map<string, NamedUses>>>();

function namedUses(program: ts.Program, file: ts.SourceFile, name: string): NamedUses {
  let byFile = namedUseCaches.get(program);
  if (!byFile) {
    byFile = new WeakMap();
    namedUseCaches.set(program, byFile);
  }
  let byName = byFile.get(file);
  if (!byName) {
    byName = new Map();
    byFile.set(file, byName);
  }
  const known = byName.get(name);
  if (known) return known;
  const checker = program.getTypeChecker();
  const ids: Name[] = [];
  const bySymbol = new Map<ts.Symbol, number[]>();
  const byDeclaration = new Map<ts.Declaration, number[]>();
  const unsure: number[] = [];
  const add = <K>(map: Map<K, number[]>, key: K, index: number): void => {
    const list = map.get(key);
    if (list) list.push(index);
    else map.set(key, [index]);
  };
  for (const id of occurrences(file, name)) {
    if (isPassThrough(id)) continue;
    const index = ids.length;
    ids.push(id);
    // `{ f }`: the checker names the property there; the use is of the value `f`, handed on in an object.
    const symbol =
      ts.isShorthandPropertyAssignment(id.parent) && id.parent.name === id
        ? aliased(checker, checker.getShorthandAssignmentValueSymbol(id.parent))
        : resolved(checker, id);
    if (symbol === undefined) {
      if (ts.isPropertyAccessExpression(id.parent)) unsure.push(index);
      continue;
    }
    add(bySymbol, symbol, index);
    for (const declaration of symbol.declarations ?? []) add(byDeclaration, declaration, index);
    if (isSignatureMember(program, symbol)) unsure.push(index);
  }
  const uses: NamedUses = { ids, bySymbol, byDeclaration, unsure };
  byName.set(name, uses);
  return uses;
}

/** Is some occurrence of `name` in `file` renamed by an import or export (`{ f as g }`)? */
function isRenamedIn(file: ts.SourceFile, name: string): boolean {
  return renamedNames(file).has(name);
}

const renamedNameSets = new WeakMap<ts.SourceFile, ReadonlySet<string>>();

/**
 * Both names of every `{ a as b }` of a file's imports and exports, read once
 * per `SourceFile` from its import and export declarations (at the top, or in
 * a `declare module` or namespace body): the only places a name is renamed.
 */
function renamedNames(file: ts.SourceFile): ReadonlySet<string> {
  let names = renamedNameSets.get(file);
  if (names) return names;
  const found = new Set<string>();
  const visit = (statements: readonly ts.Statement[]): void => {
    for (const statement of statements) {
      let specifiers: readonly (ts.ImportSpecifier | ts.ExportSpecifier)[] = [];
      if (ts.isImportDeclaration(statement)) {
        const bindings = statement.importClause?.namedBindings;
        if (bindings && ts.isNamedImports(bindings)) specifiers = bindings.elements;
      } else if (ts.isExportDeclaration(statement) && statement.exportClause) {
        if (ts.isNamedExports(statement.exportClause)) specifiers = statement.exportClause.elements;
      } else if (ts.isModuleDeclaration(statement)) {
        let body = statement.body;
        while (body && ts.isModuleDeclaration(body)) body = body.body;
        if (body && ts.isModuleBlock(body)) visit(body.statements);
      }
      for (const specifier of specifiers) {
        if (!specifier.propertyName) continue;
        found.add(specifier.propertyName.text);
        found.add(specifier.name.text);
      }
    }
  };
  visit(file.statements);
  names = found;
  renamedNameSets.set(file, names);
  return names;
}

/**
 * The indexes of the uses that resolve to `target` by `sameSymbol` (the same
 * symbol, or one sharing a declaration), in source order.
 */
function usesOf(uses: NamedUses, target: ts.Symbol): number[] {
  const found = new Set<number>(uses.bySymbol.get(target));
  for (const declaration of target.declarations ?? []) {
    for (const index of uses.byDeclaration.get(declaration) ?? []) found.add(index);
  }
  return [...found].sort((a, b) => a - b);
}

const MAX_EVENT_DEPTH = 3;

/**
 * Does the program run `fn` once per event? It does when `fn` is registered
 * as a callback that is called again and again (`emitter.on('x', this.onX)`,
 * `app.get(path, handle)`, `setInterval(tick)`, an inline listener), or is
 * called, through at most three callers, from a function that is.
 */
export const runsPerEvent: (program: ts.Program, fn: ts.SignatureDeclaration) => boolean = perProgram(
  (program, fn: ts.SignatureDeclaration) => perEvent(program, fn, 0, new Set()),
);

function perEvent(program: ts.Program, fn: ts.SignatureDeclaration, depth: number, seen: Set<ts.Node>): boolean {
  if (seen.has(fn) || depth > MAX_EVENT_DEPTH) return false;
  seen.add(fn);
  if ((ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) && isRegistered(fn)) return true;
  const name = functionNameNode(fn);
  if (!name) return false;
  const checker = program.getTypeChecker();
  const target = resolved(checker, name);
  if (!target) return false;
  const own = fn.getSourceFile();
  for (const file of isFileLocal(fn, name) ? [own] : filesMentioning(program, name.text)) {
    const uses = namedUses(program, file, name.text);
    for (const index of usesOf(uses, target)) {
      const id = uses.ids[index] as Name;
      if (id === name) continue;
      const use: ts.Expression = ts.isPropertyAccessExpression(id.parent) && id.parent.name === id ? id.parent : id;
      if (isRegistered(use)) return true;
      const call = callOf(id);
      const caller = call ? callingFunction(call) : null;
      if (caller && perEvent(program, caller, depth + 1, seen)) return true;
    }
  }
  return false;
}

/** Is this value (or `value.bind(…)`) passed to a call that keeps it and calls it again and again? */
function isRegistered(value: ts.Expression): boolean {
  let node: ts.Node = value;
  while (ts.isParenthesizedExpression(node.parent) || ts.isAsExpression(node.parent)) node = node.parent;
  // `this.onMessage.bind(this)`
  if (
    ts.isPropertyAccessExpression(node.parent) &&
    node.parent.expression === node &&
    node.parent.name.text === 'bind' &&
    ts.isCallExpression(node.parent.parent)
  ) {
    node = node.parent.parent;
  }
  const call = node.parent;
  if (!ts.isCallExpression(call) || !call.arguments.includes(node as ts.Expression)) return false;
  const callee = call.expression;
  const method = ts.isPropertyAccessExpression(callee)
    ? callee.name.text
    : ts.isIdentifier(callee)
      ? callee.text
      : null;
  return method !== null && REGISTRATIONS.has(method);
}

/**
 * Is the method `fn` a hook its object's user calls per event? It is when it
 * implements a member of an interface (or class) its class `implements`,
 * and the user calls that member per event: some call of the member in the
 * program runs in a function that runs per event, or, when the program shows
 * no call of it (the user is a library, or code outside the program), the
 * member takes data (a parameter): the user calls it with the data of each
 * occasion (`onConnect(payload)`), not once. The user holds the object
 * across those calls, so the object outlives each of them.
 */
export const isPerEventHook: (program: ts.Program, fn: ts.SignatureDeclaration) => boolean = perProgram(
  (program, fn: ts.SignatureDeclaration) => {
    const name = functionNameNode(fn);
    if (!name || !ts.isIdentifier(name)) return false;
    const member = name.parent;
    if (!ts.isMethodDeclaration(member) && !ts.isPropertyDeclaration(member)) return false;
    if (ts.getCombinedModifierFlags(member) & (ts.ModifierFlags.Private | ts.ModifierFlags.Static)) return false;
    const classNode = member.parent;
    if (!ts.isClassLike(classNode)) return false;
    const checker = program.getTypeChecker();
    for (const clause of classNode.heritageClauses ?? []) {
      if (clause.token !== ts.SyntaxKind.ImplementsKeyword) continue;
      for (const implemented of clause.types) {
        const declared = checker.getTypeAtLocation(implemented).getProperty(name.text);
        if (!declared) continue;
        const signatures = checker
          .getNonNullableType(checker.getTypeOfSymbolAtLocation(declared, implemented))
          .getCallSignatures();
        if (signatures.length === 0) continue;
        const calls = memberCalls(program, declared);
        if (calls.length > 0) {
          if (
            calls.some((call) => {
              const caller = callingFunction(call);
              return caller !== null && runsPerEvent(program, caller);
            })
          ) {
            return true;
          }
        } else if (signatures.some((signature) => signature.parameters.length > 0)) {
          return true;
        }
      }
    }
    return false;
  },
);

/** The calls in the program of a member as its interface declares it (`ext.onConnect?.(payload)`). */
function memberCalls(program: ts.Program, member: ts.Symbol): ts.CallExpression[] {
  const name = member.getName();
  return filesMentioning(program, name).flatMap((file) => callsAmong(namedUses(program, file, name), member));
}

/** The `new C(…)` expressions of a class in the program, and whether they are all its instantiations. */
export interface Instantiations {
  sites: readonly ts.NewExpression[];
  /**
   * False when the class is also used as a value (passed, stored, extended:
   * a subclass's instances run its constructor too), is a default export, or
   * has no name: then code we cannot see may make instances.
   */
  complete: boolean;
}

const NO_INSTANTIATIONS: Instantiations = { sites: [], complete: false };

export const instantiationsOf: (program: ts.Program, classNode: ts.ClassLikeDeclaration) => Instantiations = perProgram(
  (program, classNode: ts.ClassLikeDeclaration) => findInstantiations(program, classNode),
);

function findInstantiations(program: ts.Program, classNode: ts.ClassLikeDeclaration): Instantiations {
  const name = classNode.name;
  if (!name || !ts.isClassDeclaration(classNode)) return NO_INSTANTIATIONS;
  if (ts.getCombinedModifierFlags(classNode) & ts.ModifierFlags.Default) return NO_INSTANTIATIONS;
  const checker = program.getTypeChecker();
  const target = resolved(checker, name);
  if (!target) return NO_INSTANTIATIONS;
  const own = classNode.getSourceFile();
  const local =
    !(ts.getCombinedModifierFlags(classNode) & ts.ModifierFlags.Export) || !ts.isSourceFile(classNode.parent);
  const sites: ts.NewExpression[] = [];
  for (const file of local ? [own] : filesMentioning(program, name.text)) {
    for (const id of occurrences(file, name.text)) {
      if (id === name) continue;
      if ((ts.isImportSpecifier(id.parent) || ts.isExportSpecifier(id.parent)) && id.parent.propertyName) {
        return NO_INSTANTIATIONS;
      }
      // `export { C }` of a class declared without `export`: other files can make instances.
      if (local && ts.isExportSpecifier(id.parent)) return NO_INSTANTIATIONS;
      if (isPassThrough(id) || !sameSymbol(resolved(checker, id), target)) continue;
      const parent = id.parent;
      if (ts.isNewExpression(parent) && parent.expression === id) {
        sites.push(parent);
        continue;
      }
      // Uses that make no instance: a type, a static member, `instanceof`, `implements`.
      if (ts.isTypeReferenceNode(parent)) continue;
      if (ts.isPropertyAccessExpression(parent) && parent.expression === id) continue;
      if (ts.isBinaryExpression(parent) && parent.operatorToken.kind === ts.SyntaxKind.InstanceOfKeyword) continue;
      if (
        ts.isExpressionWithTypeArguments(parent) &&
        ts.isHeritageClause(parent.parent) &&
        parent.parent.token === ts.SyntaxKind.ImplementsKeyword
      ) {
        continue;
      }
      return NO_INSTANTIATIONS;
    }
  }
  return { sites, complete: true };
}

/**
 * The argument a call passes for parameter `index`: `'spread'` when a spread
 * at or before it hides which value that is, undefined when none is passed.
 */
export function argumentFor(
  call: ts.CallExpression | ts.NewExpression,
  index: number,
): ts.Expression | 'spread' | undefined {
  const args = call.arguments ?? [];
  for (let i = 0; i <= index && i < args.length; i++) {
    if (ts.isSpreadElement(args[i] as ts.Expression)) return 'spread';
  }
  return args[index];
}

/** Whose set-up a call belongs to: the module's initialisation, or the construction of one instance of a class. */
export type SetUpContext = { kind: 'module' } | { kind: 'instance'; classNode: ts.ClassLikeDeclaration };

const MAX_SET_UP_DEPTH = 3;

/**
 * Does `fn` run only while its owner is being set up? It does when it is
 * called, and only called, at module scope (for a module's state), or
 * directly in the constructor or a field initializer of the class (for an
 * instance's state), or from functions that themselves run only then.
 * A function called once per instance still runs once per `new`: that is
 * set-up for the instance, not for the module.
 */
export function runsOnlyAtSetUp(program: ts.Program, fn: ts.SignatureDeclaration, context: SetUpContext): boolean {
  return setUpOnly(program, fn, context, 0, new Set());
}

function setUpOnly(
  program: ts.Program,
  fn: ts.SignatureDeclaration,
  context: SetUpContext,
  depth: number,
  seen: Set<ts.Node>,
): boolean {
  if (seen.has(fn)) return true;
  seen.add(fn);
  if (context.kind === 'instance' && ts.isConstructorDeclaration(fn)) return fn.parent === context.classNode;
  const atSetUp = (call: ts.Expression): boolean => {
    const caller = callingFunction(call);
    // `if (!C.installed) { install(); C.installed = true; }`: once per process, or once per
    // instance when the flag is the instance's own.
    const once = caller ? onceFlagAround(program, call, caller) : null;
    if (once === 'process') return true;
    if (once === 'instance' && context.kind === 'instance' && caller && ownerClass(caller) === context.classNode)
      return true;
    if (!caller) {
      // An instance field's initializer runs once per instance of its class, not at module scope.
      const field = initializerField(call);
      if (field && !(ts.getCombinedModifierFlags(field) & ts.ModifierFlags.Static)) {
        return context.kind === 'instance' && field.parent === context.classNode;
      }
      if (context.kind === 'module') return true;
      // A field initializer of the class runs once per instance.
      return isInitializerOf(call, context.classNode);
    }
    if (context.kind === 'instance' && ts.isConstructorDeclaration(caller)) return caller.parent === context.classNode;
    return depth < MAX_SET_UP_DEPTH && setUpOnly(program, caller, context, depth + 1, seen);
  };
  // One call that runs after set-up decides: the search stops there, before the program's
  // other files are read (each costs the checker's reading of that file).
  if (!ts.isConstructorDeclaration(fn)) return everyCallSite(program, fn, atSetUp);
  // A constructor runs once per `new`.
  const { sites, complete } = instantiationsOf(program, fn.parent);
  return complete && sites.length > 0 && sites.every(atSetUp);
}

/**
 * Is `node` inside `if (!flag) { …; flag = true; }` in `fn`, where nothing
 * else in the program sets `flag` to anything but `true`? The block then runs
 * once: per process for a module variable or a static member, per instance
 * for a field of `this`.
 */
export function onceFlagAround(program: ts.Program, node: ts.Node, fn: ts.Node): 'process' | 'instance' | null {
  for (let child: ts.Node = node, p = node.parent; p !== fn && !ts.isSourceFile(p); child = p, p = p.parent) {
    const memo = memoFlag(program, p, child);
    if (memo) return memo;
    if (!ts.isIfStatement(p) || p.thenStatement !== child) continue;
    let test = p.expression;
    while (ts.isParenthesizedExpression(test)) test = test.expression;
    if (!ts.isPrefixUnaryExpression(test) || test.operator !== ts.SyntaxKind.ExclamationToken) continue;
    const flag = flagOf(program.getTypeChecker(), test.operand);
    if (!flag || !setsTrueIn(p.thenStatement, flag.symbol, program)) continue;
    if (setOtherwise(program, flag, p.thenStatement)) continue;
    return flag.scope;
  }
  return null;
}

/**
 * `this.closing ??= this.runClose()` (or `||=`): the right side runs while the
 * target is empty and leaves it set, when it gives a value that is never
 * empty (an object, a promise) and nothing else in the program assigns the
 * target. The memo then runs once, per process or per instance as a flag would.
 */
function memoFlag(program: ts.Program, node: ts.Node, child: ts.Node): 'process' | 'instance' | null {
  if (!ts.isBinaryExpression(node) || node.right !== child) return null;
  const operator = node.operatorToken.kind;
  if (operator !== ts.SyntaxKind.QuestionQuestionEqualsToken && operator !== ts.SyntaxKind.BarBarEqualsToken)
    return null;
  // Without strict null checks an object type says nothing about `null`.
  const options = program.getCompilerOptions();
  if (!(options.strictNullChecks ?? options.strict)) return null;
  const checker = program.getTypeChecker();
  const flag = flagOf(checker, node.left);
  if (!flag) return null;
  const type = checker.getTypeAtLocation(node.right);
  const parts = type.isUnion() ? type.types : [type];
  // Only an object is never empty: a string or number may be falsy, `void` and `undefined` are
  // empty. `{}` and `Object` also hold `0` and `''`, which `||=` takes for empty.
  const holdsFalsy = (part: ts.Type): boolean =>
    operator === ts.SyntaxKind.BarBarEqualsToken &&
    (part.getSymbol()?.name === 'Object' ||
      (checker.getPropertiesOfType(part).length === 0 &&
        part.getCallSignatures().length === 0 &&
        part.getConstructSignatures().length === 0));
  const isObject = (part: ts.Type): boolean =>
    ((part.flags & ts.TypeFlags.Object) !== 0 || (part.flags & ts.TypeFlags.NonPrimitive) !== 0) && !holdsFalsy(part);
  if (!parts.every(isObject)) return null;
  return setOtherwise(program, flag, node) ? null : flag.scope;
}

interface Flag {
  symbol: ts.Symbol;
  name: string;
  scope: 'process' | 'instance';
  /** Can code in other files assign it? */
  exported: boolean;
}

/** A module variable, a static member (`C.flag`) or an instance field (`this.flag`) used as a flag. */
function flagOf(checker: ts.TypeChecker, node: ts.Expression): Flag | null {
  let target: ts.Expression = node;
  while (ts.isParenthesizedExpression(target)) target = target.expression;
  const name = ts.isIdentifier(target) ? target : ts.isPropertyAccessExpression(target) ? target.name : null;
  if (!name) return null;
  const symbol = checker.getSymbolAtLocation(name);
  const declaration = symbol?.valueDeclaration;
  if (!symbol || !declaration) return null;
  if (ts.isVariableDeclaration(declaration)) {
    if (!ts.isSourceFile(declaration.parent.parent.parent)) return null;
    return { symbol, name: name.text, scope: 'process', exported: false };
  }
  if (!ts.isPropertyDeclaration(declaration) || !ts.isPropertyAccessExpression(target)) return null;
  const flags = ts.getCombinedModifierFlags(declaration);
  const exported = !(flags & ts.ModifierFlags.Private) && !ts.isPrivateIdentifier(declaration.name);
  if (flags & ts.ModifierFlags.Static) return { symbol, name: name.text, scope: 'process', exported };
  if (target.expression.kind !== ts.SyntaxKind.ThisKeyword) return null;
  return { symbol, name: name.text, scope: 'instance', exported };
}

/** Does `block` itself (not a function in it) assign `true` to the flag? */
function setsTrueIn(block: ts.Node, symbol: ts.Symbol, program: ts.Program): boolean {
  const checker = program.getTypeChecker();
  let sets = false;
  const visit = (node: ts.Node): void => {
    if (sets || ts.isFunctionLike(node)) return;
    if (
      ts.isBinaryExpression(node) &&
      node.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
      node.right.kind === ts.SyntaxKind.TrueKeyword &&
      flagOf(checker, node.left)?.symbol === symbol
    ) {
      sets = true;
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(block);
  return sets;
}

/**
 * Is the flag assigned anything but `true` outside `block`: in its file, or in another file
 * when it is public? A memo's own assignment (`block`, as `flag ??= …`) is not counted.
 */
function setOtherwise(program: ts.Program, flag: Flag, block: ts.Node): boolean {
  const checker = program.getTypeChecker();
  const own = block.getSourceFile();
  for (const file of flag.exported ? filesMentioning(program, flag.name) : [own]) {
    for (const id of occurrences(file, flag.name)) {
      let target: ts.Node = ts.isPropertyAccessExpression(id.parent) && id.parent.name === id ? id.parent : id;
      while (ts.isParenthesizedExpression(target.parent)) target = target.parent;
      const write = target.parent;
      if (write === block) continue;
      // `[this.flag] = […]`, `({ f: this.flag } = …)`: a write through a pattern, with any value.
      if (inAssignmentPattern(target) && checker.getSymbolAtLocation(id) === flag.symbol) return true;
      if (!ts.isBinaryExpression(write) || write.left !== target) {
        // `delete C.flag`, `flag++`: not a plain `true`.
        const changes =
          ts.isDeleteExpression(write) ||
          ts.isPostfixUnaryExpression(write) ||
          (ts.isPrefixUnaryExpression(write) &&
            (write.operator === ts.SyntaxKind.PlusPlusToken || write.operator === ts.SyntaxKind.MinusMinusToken));
        if (changes && checker.getSymbolAtLocation(id) === flag.symbol) {
          return true;
        }
        continue;
      }
      if (
        write.operatorToken.kind < ts.SyntaxKind.FirstAssignment ||
        write.operatorToken.kind > ts.SyntaxKind.LastAssignment
      )
        continue;
      if (checker.getSymbolAtLocation(id) !== flag.symbol) continue;
      // Only `flag = true` keeps it a once-flag, inside the block too: `busy = true; …; busy = false`
      // is a busy guard, not a once-flag.
      if (write.operatorToken.kind === ts.SyntaxKind.EqualsToken && write.right.kind === ts.SyntaxKind.TrueKeyword)
        continue;
      return true;
    }
  }
  return false;
}

/** Is `target` an element or property value of the left side of a destructuring assignment or `for … of`? */
function inAssignmentPattern(target: ts.Node): boolean {
  let node = target;
  let parent = node.parent;
  while (
    ts.isParenthesizedExpression(parent) ||
    ts.isArrayLiteralExpression(parent) ||
    ts.isObjectLiteralExpression(parent) ||
    ts.isSpreadElement(parent) ||
    ts.isSpreadAssignment(parent) ||
    (ts.isPropertyAssignment(parent) && parent.initializer === node) ||
    (ts.isShorthandPropertyAssignment(parent) && parent.name === node)
  ) {
    node = parent;
    parent = parent.parent;
  }
  if (node === target) return false;
  if (ts.isBinaryExpression(parent)) {
    return parent.operatorToken.kind === ts.SyntaxKind.EqualsToken && parent.left === node;
  }
  return (ts.isForOfStatement(parent) || ts.isForInStatement(parent)) && parent.initializer === node;
}

/** The class whose method (or constructor, accessor, field initializer) `fn` is. */
function ownerClass(fn: ts.Node): ts.ClassLikeDeclaration | null {
  for (let p: ts.Node = fn; !ts.isSourceFile(p); p = p.parent) {
    if (ts.isClassLike(p)) return p;
  }
  return null;
}

/** The function a call runs in, looking through callbacks that array methods run in place and through IIFEs. */
export function callingFunction(node: ts.Node): ts.SignatureDeclaration | null {
  for (let p = node.parent; !ts.isSourceFile(p); p = p.parent) {
    if (ts.isClassStaticBlockDeclaration(p)) return null;
    if (!ts.isFunctionLike(p)) continue;
    if ((ts.isArrowFunction(p) || ts.isFunctionExpression(p)) && runsWhereDefined(p)) continue;
    return p;
  }
  return null;
}

export function runsWhereDefined(fn: ts.ArrowFunction | ts.FunctionExpression): boolean {
  let outer: ts.Node = fn;
  while (ts.isParenthesizedExpression(outer.parent)) outer = outer.parent;
  const parent = outer.parent;
  if (!ts.isCallExpression(parent)) return false;
  if (parent.expression === outer) return true;
  const callee = parent.expression;
  return (
    ts.isPropertyAccessExpression(callee) &&
    SYNC_CALLBACK_METHODS.has(callee.name.text) &&
    parent.arguments.includes(outer as ts.Expression)
  );
}

/** The property declaration whose initializer holds `node`, if any. */
function initializerField(node: ts.Node): ts.PropertyDeclaration | null {
  for (let p = node.parent; !ts.isSourceFile(p); p = p.parent) {
    if (ts.isPropertyDeclaration(p)) return p;
    if (ts.isFunctionLike(p) || ts.isClassLike(p)) return null;
  }
  return null;
}

function isInitializerOf(node: ts.Node, classNode: ts.ClassLikeDeclaration): boolean {
  for (let p = node.parent; !ts.isSourceFile(p); p = p.parent) {
    if (ts.isPropertyDeclaration(p))
      return p.parent === classNode && !(ts.getCombinedModifierFlags(p) & ts.ModifierFlags.Static);
  }
  return false;
}

/**
 * The accesses to a property (`x.queue`, `this.queue`) in the program's
 * files other than the declaring one, resolved by the checker to the
 * property declared by `name`. Empty for a private member: no other file
 * can reach it.
 */
export function propertyAccessesElsewhere(program: ts.Program, name: Name): ts.PropertyAccessExpression[] {
  if (ts.isPrivateIdentifier(name)) return [];
  const holder = name.parent;
  if (
    (ts.isPropertyDeclaration(holder) || ts.isParameter(holder)) &&
    ts.getCombinedModifierFlags(holder) & ts.ModifierFlags.Private
  ) {
    return [];
  }
  const checker = program.getTypeChecker();
  const target = resolved(checker, name);
  if (!target) return [];
  const own = name.getSourceFile();
  const found: ts.PropertyAccessExpression[] = [];
  for (const file of filesMentioning(program, name.text)) {
    if (file === own) continue;
    for (const id of occurrences(file, name.text)) {
      const access = id.parent;
      if (!ts.isPropertyAccessExpression(access) || access.name !== id) continue;
      if (sameSymbol(resolved(checker, id), target)) found.push(access);
    }
  }
  return found;
}

/**
 * Is a property handed to `clearTimeout` or `clearInterval` in another file
 * of the program (`clearTimeout(self.socketTimeoutTimer)` in a close handler
 * kept in a module of its own), read through a receiver other than `this`
 * that the checker resolves to the property declared by `name`, or cannot
 * type (`self` typed `any`)? That code lets go of the timer the property
 * holds. A `#private` name is out of other files' reach.
 */
export const clearedInOtherFiles: (program: ts.Program, name: Name) => boolean = perProgram(
  (program, name: Name): boolean => {
    if (ts.isPrivateIdentifier(name)) return false;
    const checker = program.getTypeChecker();
    const target = resolved(checker, name);
    const own = name.getSourceFile();
    for (const file of filesMentioning(program, name.text)) {
      if (file === own) continue;
      for (const id of occurrences(file, name.text)) {
        const access = id.parent;
        if (!ts.isPropertyAccessExpression(access) || access.name !== id) continue;
        // Through `this`: a method of the class or a base class, which the class's own teardown reaches or not.
        if (access.expression.kind === ts.SyntaxKind.ThisKeyword) continue;
        let outer: ts.Node = access;
        while (
          ts.isParenthesizedExpression(outer.parent) ||
          ts.isNonNullExpression(outer.parent) ||
          ts.isAsExpression(outer.parent)
        ) {
          outer = outer.parent;
        }
        const call = outer.parent;
        if (!ts.isCallExpression(call) || !call.arguments.includes(outer as ts.Expression)) continue;
        const clear = calledBuiltin(program, call);
        if (clear !== 'clearTimeout' && clear !== 'clearInterval') continue;
        const untyped = (checker.getTypeAtLocation(access.expression).flags & ts.TypeFlags.Any) !== 0;
        if (untyped || (target !== undefined && sameSymbol(resolved(checker, id), target))) return true;
      }
    }
    return false;
  },
);

/**
 * Does some class of the program extend `classNode` (`class B extends A`,
 * `extends mixin(A)` included)? Then a call of one of its methods may run an
 * override. Looked for in its own file for a class that is not exported.
 */
export const isExtended: (program: ts.Program, classNode: ts.ClassLikeDeclaration) => boolean = perProgram(
  (program, classNode: ts.ClassLikeDeclaration) => {
    const name = classNode.name;
    if (!name) return true;
    const checker = program.getTypeChecker();
    const target = resolved(checker, name);
    if (!target) return true;
    const own = classNode.getSourceFile();
    const exported = (ts.getCombinedModifierFlags(classNode) & ts.ModifierFlags.Export) !== 0;
    for (const file of exported ? filesMentioning(program, name.text) : [own]) {
      for (const id of occurrences(file, name.text)) {
        let p: ts.Node = id;
        while (!ts.isSourceFile(p) && !ts.isHeritageClause(p) && !ts.isStatement(p)) p = p.parent;
        if (!ts.isHeritageClause(p) || p.token !== ts.SyntaxKind.ExtendsKeyword) continue;
        if (sameSymbol(resolved(checker, id), target)) return true;
      }
    }
    return false;
  },
);

/**
 * Can a field hold a value on an instance of `classNode`? It can when it is
 * declared with a value (an initializer, a constructor parameter property),
 * or when some code of the program assigns it: `this.f = …` in the class or
 * one of its bases (a sibling subclass's writes reach only its own
 * instances), or `x.f = …` on any other receiver.
 */
export function fieldIsEverSet(program: ts.Program, field: ts.Symbol, classNode: ts.ClassLikeDeclaration): boolean {
  const declarations = field.declarations ?? [];
  if (declarations.length === 0) return true;
  for (const d of declarations) {
    if (ts.isParameter(d)) return true;
    if (!ts.isPropertyDeclaration(d)) return true;
    if (d.initializer && !isEmptyValue(d.initializer)) return true;
  }
  const checker = program.getTypeChecker();
  const lineage = new Set<ts.ClassLikeDeclaration>();
  for (let c: ts.ClassLikeDeclaration | undefined = classNode; c; c = baseClassOf(checker, c)) lineage.add(c);
  const properties = declarations.filter(ts.isPropertyDeclaration);
  const first = properties[0]?.name;
  if (!first || !(ts.isIdentifier(first) || ts.isPrivateIdentifier(first))) return true;
  const name = first.text;
  const anyPrivate = properties.some(
    (d) => ts.isPrivateIdentifier(d.name) || ts.getCombinedModifierFlags(d) & ts.ModifierFlags.Private,
  );
  const files = anyPrivate ? [...new Set(properties.map((d) => d.getSourceFile()))] : filesMentioning(program, name);
  for (const file of files) {
    for (const id of occurrences(file, name)) {
      const access = id.parent;
      if (!ts.isPropertyAccessExpression(access) || access.name !== id) continue;
      let target: ts.Node = access;
      while (ts.isParenthesizedExpression(target.parent) || ts.isNonNullExpression(target.parent)) {
        target = target.parent;
      }
      if (!isWriteTarget(target)) continue;
      if (!sameSymbol(resolved(checker, id), field)) continue;
      const write = target.parent;
      if (ts.isBinaryExpression(write) && write.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
        if (isEmptyValue(write.right)) continue;
      }
      if (access.expression.kind !== ts.SyntaxKind.ThisKeyword) return true;
      const writer = ownerClass(access);
      if (!writer || lineage.has(writer)) return true;
    }
  }
  return false;
}

/**
 * What a property holds once its object is built, when nothing changes it
 * later: every value written to it in the program, each with the constructor
 * that writes it (`this.url = new URL(url)`), its initializer, or the
 * constructor parameter it is declared by (`constructor(readonly url: URL)`).
 * Null when some code writes it outside a constructor (`this.url = next` in a
 * method, `conn.url = …` anywhere), through `this` of a nested function, or
 * deletes it, and for an accessor, a method or a library's `readonly`
 * property (`Map.size`, which the library changes): then it may change
 * between two reads. A property the program never writes (a library's
 * `URL.hostname`, a member of an options object) gives no values.
 */
export type ConstructionValue =
  | { kind: 'value'; value: ts.Expression; constructor: ts.ConstructorDeclaration | null }
  | { kind: 'parameter'; constructor: ts.ConstructorDeclaration; index: number };

export function constructionValues(program: ts.Program, property: ts.Symbol): readonly ConstructionValue[] | null {
  const first = property.declarations?.[0];
  return first ? constructionValuesOf(program, first) : null;
}

const constructionValuesOf = perProgram((program, declaration: ts.Declaration): readonly ConstructionValue[] | null => {
  const checker = program.getTypeChecker();
  const symbol = resolved(checker, ts.getNameOfDeclaration(declaration) ?? declaration);
  if (!symbol) return null;
  const values: ConstructionValue[] = [];
  const own: ts.SourceFile[] = [];
  let anyPrivate = false;
  for (const d of symbol.declarations ?? []) {
    if (ts.isParameter(d) && ts.isConstructorDeclaration(d.parent)) {
      values.push({ kind: 'parameter', constructor: d.parent, index: d.parent.parameters.indexOf(d) });
    } else if (ts.isPropertyDeclaration(d)) {
      if (d.initializer) values.push({ kind: 'value', value: d.initializer, constructor: null });
    } else if (isBuiltinDeclaration(program, d)) {
      // A library's `readonly` property (`Map.size`) is one the library itself changes.
      if (ts.getCombinedModifierFlags(d) & ts.ModifierFlags.Readonly) return null;
    } else if (!ts.isPropertySignature(d) && !ts.isPropertyAssignment(d) && !ts.isShorthandPropertyAssignment(d)) {
      // An accessor or a method: its value is computed on every read.
      return null;
    }
    const declaredName = ts.getNameOfDeclaration(d);
    if (
      (declaredName && ts.isPrivateIdentifier(declaredName)) ||
      ts.getCombinedModifierFlags(d) & ts.ModifierFlags.Private
    ) {
      anyPrivate = true;
    }
    own.push(d.getSourceFile());
  }
  // Writes the search below cannot name: `Object.assign(this, …)`, `this[key] = …`, `self = this`.
  for (const d of symbol.declarations ?? []) {
    if ((ts.isPropertyDeclaration(d) || ts.isParameter(d)) && writesThisOutsideConstruction(ownerClass(d))) return null;
  }
  const name = symbol.name;
  const files = anyPrivate ? [...new Set(own)] : filesMentioning(program, name);
  for (const file of files) {
    for (const id of occurrences(file, name)) {
      const access = id.parent;
      if (!ts.isPropertyAccessExpression(access) || access.name !== id) continue;
      let target: ts.Node = access;
      while (
        ts.isParenthesizedExpression(target.parent) ||
        ts.isNonNullExpression(target.parent) ||
        ts.isAsExpression(target.parent) ||
        ts.isTypeAssertionExpression(target.parent) ||
        ts.isSatisfiesExpression(target.parent)
      ) {
        target = target.parent;
      }
      const deleted = ts.isDeleteExpression(target.parent);
      if (!deleted && !isWriteTarget(target)) continue;
      if (!sameSymbol(resolved(checker, id), symbol)) continue;
      const write = target.parent;
      const writer = callingFunction(access);
      if (
        deleted ||
        access.expression.kind !== ts.SyntaxKind.ThisKeyword ||
        !writer ||
        !ts.isConstructorDeclaration(writer) ||
        !ts.isBinaryExpression(write) ||
        write.operatorToken.kind !== ts.SyntaxKind.EqualsToken ||
        write.left !== target
      ) {
        return null;
      }
      values.push({ kind: 'value', value: write.right, constructor: writer });
    }
  }
  return values;
});

/**
 * Does code of the class outside its constructor write to `this` in a way
 * that names no property: `Object.assign(this, …)`, `this[key] = …`, or
 * `this` kept in a variable (`const self = this`) through which any
 * property may be written? Once per class.
 */
const writesThisOutsideConstruction = (() => {
  const answers = new WeakMap<ts.Node, boolean>();
  return (classNode: ts.ClassLikeDeclaration | null): boolean => {
    if (!classNode) return false;
    let answer = answers.get(classNode);
    if (answer === undefined) {
      answer = false;
      const visit = (node: ts.Node): void => {
        if (answer || ts.isConstructorDeclaration(node)) return;
        if (node.kind === ts.SyntaxKind.ThisKeyword) {
          let use: ts.Node = node;
          while (ts.isParenthesizedExpression(use.parent) || ts.isAsExpression(use.parent)) use = use.parent;
          const parent = use.parent;
          if (
            (ts.isElementAccessExpression(parent) && parent.expression === use && isAssigned(parent)) ||
            (ts.isCallExpression(parent) &&
              parent.arguments.includes(use as ts.Expression) &&
              isObjectAssign(parent)) ||
            (ts.isVariableDeclaration(parent) && parent.initializer === use) ||
            (ts.isBinaryExpression(parent) &&
              parent.right === use &&
              parent.operatorToken.kind === ts.SyntaxKind.EqualsToken)
          ) {
            answer = true;
          }
        }
        ts.forEachChild(node, visit);
      };
      ts.forEachChild(classNode, visit);
      answers.set(classNode, answer);
    }
    return answer;
  };
})();

function isAssigned(target: ts.Node): boolean {
  const parent = target.parent;
  return (
    ts.isBinaryExpression(parent) &&
    parent.left === target &&
    parent.operatorToken.kind >= ts.SyntaxKind.FirstAssignment &&
    parent.operatorToken.kind <= ts.SyntaxKind.LastAssignment
  );
}

function isObjectAssign(call: ts.CallExpression): boolean {
  const callee = call.expression;
  return (
    ts.isPropertyAccessExpression(callee) &&
    callee.name.text === 'assign' &&
    ts.isIdentifier(callee.expression) &&
    callee.expression.text === 'Object'
  );
}

/** Declared by TypeScript's library or an installed package's types: the program does not write it there. */
function isBuiltinDeclaration(program: ts.Program, declaration: ts.Declaration): boolean {
  const file = declaration.getSourceFile();
  return file.isDeclarationFile || program.isSourceFileFromExternalLibrary(file);
}

function isEmptyValue(node: ts.Expression): boolean {
  return (
    node.kind === ts.SyntaxKind.NullKeyword ||
    (ts.isIdentifier(node) && node.text === 'undefined') ||
    ts.isVoidExpression(node)
  );
}

/** `x.f = …`, `x.f ??= …`, `x.f++`, `[x.f] = …`, `delete x.f`: a place written. */
function isWriteTarget(target: ts.Node): boolean {
  const parent = target.parent;
  if (ts.isBinaryExpression(parent)) {
    return (
      parent.left === target &&
      parent.operatorToken.kind >= ts.SyntaxKind.FirstAssignment &&
      parent.operatorToken.kind <= ts.SyntaxKind.LastAssignment
    );
  }
  if (ts.isPrefixUnaryExpression(parent) || ts.isPostfixUnaryExpression(parent)) {
    return parent.operator === ts.SyntaxKind.PlusPlusToken || parent.operator === ts.SyntaxKind.MinusMinusToken;
  }
  if ((ts.isForOfStatement(parent) || ts.isForInStatement(parent)) && parent.initializer === target) return true;
  // `[x.f] = …`, `({ a: x.f } = …)`: a destructuring assignment's target.
  let pattern: ts.Node = target;
  while (
    ts.isArrayLiteralExpression(pattern.parent) ||
    ts.isSpreadElement(pattern.parent) ||
    (ts.isPropertyAssignment(pattern.parent) && pattern.parent.initializer === pattern) ||
    ts.isObjectLiteralExpression(pattern.parent)
  ) {
    pattern = pattern.parent;
  }
  if (pattern === target) return false;
  const assignment = pattern.parent;
  return (
    (ts.isBinaryExpression(assignment) &&
      assignment.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
      assignment.left === pattern) ||
    ((ts.isForOfStatement(assignment) || ts.isForInStatement(assignment)) && assignment.initializer === pattern)
  );
}

/** The class `classNode` extends, where the checker finds its declaration in the program. */
function baseClassOf(checker: ts.TypeChecker, classNode: ts.ClassLikeDeclaration): ts.ClassLikeDeclaration | undefined {
  const clause = classNode.heritageClauses?.find((h) => h.token === ts.SyntaxKind.ExtendsKeyword);
  const expression = clause?.types[0]?.expression;
  if (!expression) return undefined;
  const symbol = resolved(checker, expression);
  return symbol?.declarations?.find(ts.isClassLike);
}

/**
 * The calls of a callback that is handed to a function of the program
 * (`this.each('start', (hook) => this.contextFor(hook))`): the calls that
 * function's body makes of the parameter the callback lands in (`use(hook)`).
 * Null when they are not all known: the callee is a library's or has no body,
 * a subclass may override it, the parameter is a rest parameter or is
 * assigned, or the body does anything with it but call it or test it
 * (passes it on, stores it, returns it).
 */
export const handedCallbackCalls: (
  program: ts.Program,
  fn: ts.SignatureDeclaration,
) => readonly ts.CallExpression[] | null = perProgram((program, fn: ts.SignatureDeclaration) =>
  findHandedCallbackCalls(program, fn),
);

function findHandedCallbackCalls(program: ts.Program, fn: ts.SignatureDeclaration): ts.CallExpression[] | null {
  if (!ts.isArrowFunction(fn) && !ts.isFunctionExpression(fn)) return null;
  let outer: ts.Node = fn;
  while (ts.isParenthesizedExpression(outer.parent)) outer = outer.parent;
  const call = outer.parent;
  if (!ts.isCallExpression(call) && !ts.isNewExpression(call)) return null;
  const args: readonly ts.Expression[] = call.arguments ?? [];
  const index = args.indexOf(outer as ts.Expression);
  if (index < 0 || argumentFor(call, index) === 'spread') return null;
  const checker = program.getTypeChecker();
  const callee = calledImplementation(program, call);
  if (!callee) return null;
  // A method a subclass may override: the call may run the override, which may keep the callback.
  const owner = callee.parent;
  if (ts.isClassLike(owner) && !ts.isConstructorDeclaration(callee) && isExtended(program, owner)) return null;
  const parameter = callee.parameters[index];
  if (!parameter || parameter.dotDotDotToken || !ts.isIdentifier(parameter.name)) return null;
  const symbol = checker.getSymbolAtLocation(parameter.name);
  if (!symbol) return null;
  const calls: ts.CallExpression[] = [];
  // True when a use other than a call or a test is found: then the calls are not all known.
  const escapes = (node: ts.Node): boolean => {
    if (ts.isIdentifier(node) && node !== parameter.name && node.text === symbol.name) {
      if (checker.getSymbolAtLocation(node) !== symbol) return false;
      const use = calledOrTested(node);
      if (use === null) return true;
      if (use !== 'tested') calls.push(use);
      return false;
    }
    return ts.forEachChild(node, escapes) === true;
  };
  return escapes(callee.body) ? null : calls;
}

/** `cb(…)`, `cb?.(…)`: the call; `if (cb)`, `cb && …`, `!cb`, `typeof cb`, `cb == null`: 'tested'; else null. */
function calledOrTested(id: ts.Identifier): ts.CallExpression | 'tested' | null {
  let node: ts.Node = id;
  while (ts.isParenthesizedExpression(node.parent) || ts.isNonNullExpression(node.parent)) node = node.parent;
  const parent = node.parent;
  if (ts.isCallExpression(parent) && parent.expression === node) return parent;
  if (ts.isTypeOfExpression(parent)) return 'tested';
  if (ts.isPrefixUnaryExpression(parent) && parent.operator === ts.SyntaxKind.ExclamationToken) return 'tested';
  if ((ts.isIfStatement(parent) || ts.isWhileStatement(parent)) && parent.expression === node) return 'tested';
  if (ts.isConditionalExpression(parent) && parent.condition === node) return 'tested';
  if (ts.isBinaryExpression(parent)) {
    const op = parent.operatorToken.kind;
    if (op === ts.SyntaxKind.AmpersandAmpersandToken && parent.left === node) return 'tested';
    if (
      op === ts.SyntaxKind.EqualsEqualsToken ||
      op === ts.SyntaxKind.EqualsEqualsEqualsToken ||
      op === ts.SyntaxKind.ExclamationEqualsToken ||
      op === ts.SyntaxKind.ExclamationEqualsEqualsToken
    ) {
      return 'tested';
    }
  }
  return null;
}
