/**
 * What code says about itself through its names and shape: which methods tear
 * an object down, which calls configure rather than serve requests, which
 * objects are built to live long. Rules use these to stay quiet where a
 * reviewer would say "that is set up once" or "that object dies with the call".
 */
import { AST_NODE_TYPES, AST_TOKEN_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import {
  enclosingClass,
  enclosingFunction,
  functionName,
  isFunctionNode,
  keyName,
  memberName,
  outermostAlias,
  walk,
  type ClassNode,
  type FunctionNode,
} from './ast.js';
import type { GrowUse, Use } from './collection-uses.js';
import { isModuleLevel } from './lifetime.js';
import type { Owner } from './owners.js';
import { CONTAINER_METHOD, SHRINK_TEXT, SYNC_FS_TEXT, TEST_HOOK } from './vocabulary.js';

/** Methods that end an object's life; what they release is released on teardown. */
export const TEARDOWN_METHOD =
  /^(close|destroy|dispose|stop|shutdown|shutDown|teardown|tearDown|disconnect|end|quit|terminate|cleanup|cleanUp|unmount|detach|release|free|abort|cancel)$/;

/** Functions whose name says they configure the program, run a bounded number of times. */
export const CONFIGURATION_FUNCTION =
  /^(register|define|configure|install|use|setup|setUp|init|initialize|initialise|bootstrap|declare|provide|extend|mixin)(?![a-z])|(Defaults?|Config|Configuration|Options|Mappings?|Plugins?|Commands?|Filters?|Schemas?|Types?|Definitions?|Extensions?)$/;

/** Last words of collection names that say they are registries filled by configuration. */
const REGISTRY_WORDS = new Set([
  'registry',
  'registries',
  'registered',
  'registrations',
  'definitions',
  'defaults',
  'plugins',
  'factories',
  'providers',
  'schemas',
  'commands',
  'filters',
  'types',
  'mapping',
  'mappings',
  'extensions',
  'decorators',
  'metadata',
  'metadatas',
  'constructors',
  'classes',
  'repositories',
]);

/** The words of an identifier: `handlerRegistry` → handler, registry; `FILTER_REGISTRY` → filter, registry. */
export function identifierWords(name: string): string[] {
  return name
    .replace(/^#/, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[\s_$]+/)
    .filter(Boolean)
    .map((word) => word.toLowerCase());
}

/** A collection whose name ends in a registry word: `FILTER_REGISTRY`, `typeDefinitions`, `plugins`. */
export function isRegistryName(name: string): boolean {
  return REGISTRY_WORDS.has(identifierWords(name).at(-1) ?? '');
}

/** Class decorators of dependency-injection containers that make one shared instance. */
const SINGLETON_DECORATOR =
  /^(Injectable|Service|Controller|Component|Singleton|Module|Resolver|Gateway|Provider|Repository)$/;

/** Class names of objects that serve many calls: services, servers, clients, pools. */
const LONG_LIVED_CLASS =
  /(Service|Server|Manager|Client|Registry|Store|Cache|Pool|Tracker|Limiter|Gateway|Controller|Daemon|Monitor|Broker|Dispatcher|Scheduler|Coordinator|Agent|Proxy|Router|Bus|Hub|Repository|Provider|Worker|Consumer|Producer|Supervisor|Bot|App|Application|Engine|Emitter|Bridge|Balancer|Watcher|Publisher|Subscriber|Queue|Connection|Module|Plugin|Extension|Integration)$|Cache|Memo/;

function decoratorName(decorator: TSESTree.Decorator): string | null {
  let expr: TSESTree.Expression = decorator.expression;
  if (expr.type === AST_NODE_TYPES.CallExpression) expr = expr.callee;
  if (expr.type === AST_NODE_TYPES.Identifier) return expr.name;
  if (
    expr.type === AST_NODE_TYPES.MemberExpression &&
    !expr.computed &&
    expr.property.type === AST_NODE_TYPES.Identifier
  ) {
    return expr.property.name;
  }
  return null;
}

/**
 * The names of a class's methods and function-valued fields (`close`, `#flush`,
 * `[Symbol.dispose]` as `Symbol.dispose`).
 */
export function methodNames(classNode: ClassNode, sourceCode: TSESLint.SourceCode): string[] {
  const names: string[] = [];
  for (const member of classNode.body.body) {
    const isMethod =
      member.type === AST_NODE_TYPES.MethodDefinition ||
      (member.type === AST_NODE_TYPES.PropertyDefinition && member.value !== null && isFunctionNode(member.value));
    if (!isMethod) continue;
    const name = keyName(member.key, member.computed) ?? (member.computed ? sourceCode.getText(member.key) : null);
    if (name !== null) names.push(name);
  }
  return names;
}

/**
 * The teardown method (`close`, `stop`, `dispose`…) of the nearest class
 * around `node`, if that class has one: what its owner calls to stop it.
 */
export function teardownMethodAround(node: TSESTree.Node, sourceCode: TSESLint.SourceCode): string | null {
  return teardownAround(node, sourceCode)?.name ?? null;
}

/**
 * The class whose `this` `node` sees (through arrow functions, not through a plain
 * nested function) and its teardown method, by name, if it has one.
 */
export function teardownAround(
  node: TSESTree.Node,
  sourceCode: TSESLint.SourceCode,
): { classNode: ClassNode; name: string } | null {
  // Asked of a function, it is the code inside it whose `this` counts.
  const classNode = enclosingClass(isFunctionNode(node) ? node.body : node);
  const name = classNode
    ? methodNames(classNode, sourceCode).find((method) => TEARDOWN_METHOD.test(method))
    : undefined;
  return classNode && name !== undefined ? { classNode, name } : null;
}

/**
 * Evidence that instances of a class live long and serve many calls: a
 * teardown method, a singleton decorator, a service-like name, or an
 * instance made once at module scope in this file.
 */
export function classLooksLongLived(classNode: ClassNode, sourceCode: TSESLint.SourceCode): boolean {
  let answer = longLivedClasses.get(classNode);
  if (answer === undefined) {
    answer = computeClassLooksLongLived(classNode, sourceCode);
    longLivedClasses.set(classNode, answer);
  }
  return answer;
}

const longLivedClasses = new WeakMap<ClassNode, boolean>();

function computeClassLooksLongLived(classNode: ClassNode, sourceCode: TSESLint.SourceCode): boolean {
  if (
    methodNames(classNode, sourceCode).some(
      (name) => TEARDOWN_METHOD.test(name) || name === 'Symbol.dispose' || name === 'Symbol.asyncDispose',
    )
  ) {
    return true;
  }
  const className = classNode.id?.name;
  if (className && LONG_LIVED_CLASS.test(className)) return true;
  return classMadeOnce(classNode, sourceCode);
}

/**
 * Evidence that a class's instances serve many calls, from what its methods
 * do: one of its own collections gains entries in one method and loses them
 * in another (`join()` adds a user to `this.users`, `leave()` deletes one).
 * Entries that come and go over calls say the instance keeps state across
 * them; the class's name and its teardown methods play no part.
 */
export function classKeepsEntriesAcrossCalls(classNode: ClassNode): boolean {
  let answer = entryKeepingClasses.get(classNode);
  if (answer === undefined) {
    answer = computeKeepsEntries(classNode);
    entryKeepingClasses.set(classNode, answer);
  }
  return answer;
}

const entryKeepingClasses = new WeakMap<ClassNode, boolean>();

function computeKeepsEntries(classNode: ClassNode): boolean {
  /** By field name: the methods that add to it, and those that delete from it. */
  const adders = new Map<string, Set<TSESTree.Node>>();
  const removers = new Map<string, Set<TSESTree.Node>>();
  for (const member of classNode.body.body) {
    if (member.type !== AST_NODE_TYPES.MethodDefinition || member.kind === 'constructor' || member.static) continue;
    walk(member.value.body ?? member.value, (node) => {
      if (node.type !== AST_NODE_TYPES.CallExpression || node.callee.type !== AST_NODE_TYPES.MemberExpression) return;
      const field = node.callee.object;
      if (field.type !== AST_NODE_TYPES.MemberExpression || field.object.type !== AST_NODE_TYPES.ThisExpression) return;
      const name = memberName(field);
      const method = memberName(node.callee);
      if (name === null) return;
      const into = method === 'add' || method === 'set' ? adders : method === 'delete' ? removers : null;
      if (!into) return;
      let methods = into.get(name);
      if (!methods) {
        methods = new Set();
        into.set(name, methods);
      }
      methods.add(member);
    });
  }
  for (const [name, added] of adders) {
    const removed = removers.get(name);
    if (removed && [...removed].some((method) => !added.has(method))) return true;
  }
  return false;
}

/**
 * Evidence that a class has one instance: a singleton decorator of a
 * dependency-injection container, or an instance made at module scope in
 * its file.
 */
export function classMadeOnce(classNode: ClassNode, sourceCode: TSESLint.SourceCode): boolean {
  if (classNode.decorators.some((d) => SINGLETON_DECORATOR.test(decoratorName(d) ?? ''))) return true;
  if (!classNode.id || classNode.type !== AST_NODE_TYPES.ClassDeclaration) return false;
  const variable = sourceCode.getDeclaredVariables(classNode)[0];
  return (
    variable?.references.some((ref) => {
      const parent = ref.identifier.parent;
      return (
        parent.type === AST_NODE_TYPES.NewExpression &&
        parent.callee === ref.identifier &&
        isModuleLevel(sourceCode.getScope(parent))
      );
    }) ?? false
  );
}

/**
 * Whether a function's code (its text without comments and literal contents) matches a
 * pattern made of code characters (no whitespace), read once per function and pattern.
 */
export class FunctionTexts {
  private readonly answers = new WeakMap<FunctionNode, Map<RegExp, boolean>>();
  private readonly sourceCode: Readonly<TSESLint.SourceCode>;

  constructor(sourceCode: Readonly<TSESLint.SourceCode>) {
    this.sourceCode = sourceCode;
  }

  matches(fn: FunctionNode, pattern: RegExp): boolean {
    let answers = this.answers.get(fn);
    if (!answers) {
      answers = new Map();
      this.answers.set(fn, answers);
    }
    let answer = answers.get(pattern);
    if (answer === undefined) {
      // Blanking only turns characters inside strings and comments into spaces, so a pattern of code
      // characters that the raw text does not match cannot match the blanked text: most functions
      // are answered without reading their tokens and comments.
      answer = pattern.test(this.sourceCode.getText(fn)) && pattern.test(this.codeOf(fn));
      answers.set(pattern, answer);
    }
    return answer;
  }

  /**
   * The function's text with its comments and the contents of its string and template literals
   * blanked out: a `delete` in a comment or a log message is not code.
   */
  private codeOf(fn: FunctionNode): string {
    const start = fn.range[0];
    const chars = this.sourceCode.getText(fn).split('');
    const blank = ([from, to]: TSESTree.Range): void => {
      for (let i = from + 1; i < to - 1; i++) chars[i - start] = ' ';
    };
    for (const comment of this.sourceCode.getCommentsInside(fn)) blank(comment.range);
    for (const token of this.sourceCode.getTokens(fn)) {
      if (token.type === AST_TOKEN_TYPES.String || token.type === AST_TOKEN_TYPES.Template) blank(token.range);
    }
    return chars.join('');
  }
}

/** `resetForTests()`, `__clearForTesting()`: code production never runs. */
export function inTestHook(node: TSESTree.Node): boolean {
  for (let p = node.parent; p; p = p.parent) {
    if (isFunctionNode(p) && TEST_HOOK.test(functionName(p) ?? '')) return true;
  }
  return false;
}

/**
 * What the code says about a collection: collections whose entries a
 * function takes out and empties, entries emptied through
 * `map.get(k).delete(x)`, and growth only in a container's own `set()` or a
 * builder method are left alone. (What names say is `namedAsConfiguration`;
 * how long an object lives, `ownerShowsLongLife`.)
 */
export function collectionLooksUnbounded(
  owner: Owner,
  uses: readonly Use[],
  growth: readonly GrowUse[],
  texts: FunctionTexts,
  sourceCode: TSESLint.SourceCode,
): boolean {
  if (growth.every((use) => isSetUpSite(use.site, false))) return false;
  if (uses.some((use) => removesFromEntry(use, sourceCode))) return false;
  if (growth.every((use) => readsFilesSynchronously(use.site, texts))) return false;
  return !uses.some((use) => shrinksAnEntry(use.node));
}

/**
 * What the class's code says about how long an instance field lives: not an
 * instance field, or a class that looks long-lived (`classLooksLongLived`) or
 * keeps entries across calls (`classKeepsEntriesAcrossCalls`). Otherwise the
 * program must show its hooks called per event (`growsInPerEventHook`).
 */
export function ownerShowsLongLife(owner: Owner, sourceCode: TSESLint.SourceCode): boolean {
  return (
    owner.kind !== 'field' ||
    owner.isStatic ||
    classLooksLongLived(owner.classNode, sourceCode) ||
    classKeepsEntriesAcrossCalls(owner.classNode)
  );
}

/**
 * What names say about a collection: its name says it is a registry
 * (`handlerRegistry`, `commands`), or every growth runs directly in a
 * function whose name says it configures the program (`register…()`,
 * `define…()`; growth in a callback such a function registers runs per event
 * and does not count), or in a container's own `set()` or a builder. A name is
 * a tie-breaker: growth that the program shows repeating (a key new on every
 * call, a function run per event) outweighs it.
 */
export function namedAsConfiguration(owner: Owner, growth: readonly GrowUse[]): boolean {
  return isRegistryName(owner.name) || growth.every((use) => isSetUpSite(use.site, true));
}

/**
 * Growth in a builder method that returns `this`, in a container's own
 * `set()`, or, with `byName`, in `register…()`.
 */
function isSetUpSite(site: TSESTree.Node, byName: boolean): boolean {
  const fn = enclosingFunction(site);
  if (!fn) return false;
  const name = functionName(fn) ?? '';
  if (byName && CONFIGURATION_FUNCTION.test(name)) return true;
  if (fn.parent.type !== AST_NODE_TYPES.MethodDefinition) return false;
  if (CONTAINER_METHOD.test(name)) return true;
  return (
    fn.body.type === AST_NODE_TYPES.BlockStatement &&
    fn.body.body.some(
      (statement) =>
        statement.type === AST_NODE_TYPES.ReturnStatement && statement.argument?.type === AST_NODE_TYPES.ThisExpression,
    )
  );
}

/**
 * A use that takes an entry out and removes a member from it in the same
 * function: `const set = map.get(k); … set.delete(x)`, `const list =
 * dict[k]; … list.splice(i, 1)`, `for (const set of map.values())
 * set.delete(x)`, `map.forEach((set) => set.clear())`. What the code does to
 * the entries is the evidence that it manages them, whatever the function is
 * called. Taking the next item off a queue (`shift()`, `pop()`) or inserting
 * with `splice(i, 0, x)` consumes or fills an entry and does not count.
 * (`map.get(k)?.delete(x)` is `shrinksAnEntry`.)
 */
function removesFromEntry(use: Use, sourceCode: TSESLint.SourceCode): boolean {
  if (use.kind !== 'read' && use.kind !== 'iterate') return false;
  const member = use.node.parent;
  if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== use.node) return false;
  const holders: TSESTree.Node[] = [];
  const call =
    member.parent.type === AST_NODE_TYPES.CallExpression && member.parent.callee === member ? member.parent : null;
  const method = memberName(member);
  if (!call) {
    // `const list = dict[key]`: an entry of a dictionary.
    const declarator = member.computed ? outermostAlias(member).parent : undefined;
    if (use.kind === 'read' && declarator?.type === AST_NODE_TYPES.VariableDeclarator) holders.push(declarator);
  } else if (method === 'get') {
    const declarator = outermostAlias(call).parent;
    if (declarator?.type === AST_NODE_TYPES.VariableDeclarator) holders.push(declarator);
  } else if (method === 'values' || method === 'entries') {
    // `for (const set of map.values())`, `for (const [k, set] of map.entries())`
    const loop = outermostAlias(call).parent;
    if (loop?.type === AST_NODE_TYPES.ForOfStatement && loop.right === outermostAlias(call)) holders.push(loop.left);
  } else if (method === 'forEach') {
    const callback = call.arguments[0];
    if (callback && isFunctionNode(callback) && callback.params[0]) holders.push(callback.params[0]);
  }
  return holders.some((holder) =>
    sourceCode.getDeclaredVariables(holder).some((variable) =>
      variable.references.some((ref) => {
        const parent = ref.identifier.parent;
        if (parent.type !== AST_NODE_TYPES.MemberExpression || parent.object !== ref.identifier) return false;
        const removal = parent.parent;
        if (removal.type !== AST_NODE_TYPES.CallExpression || removal.callee !== parent) return false;
        return removesMember(memberName(parent), removal);
      }),
    ),
  );
}

/** `x.delete(m)`, `x.clear()`, `x.splice(i, n)` with `n` not a literal 0: a removal, not a take or an insert. */
function removesMember(method: string | null, call: TSESTree.CallExpression): boolean {
  if (method === 'delete' || method === 'clear') return true;
  if (method !== 'splice') return false;
  const count = call.arguments[1];
  return !(count?.type === AST_NODE_TYPES.Literal && count.value === 0);
}

/**
 * Growth in a function that reads files synchronously (`readFileSync`,
 * `readdirSync`, `statSync`): start-up or tooling code whose keys are
 * bounded by the files on disk.
 */
function readsFilesSynchronously(site: TSESTree.Node, texts: FunctionTexts): boolean {
  const fn = enclosingFunction(site);
  return fn !== null && texts.matches(fn, SYNC_FS_TEXT);
}

/** `map.get(k)?.delete(x)`, `map.get(k).splice(i, 1)`: the entry's contents are managed. */
function shrinksAnEntry(node: TSESTree.Node): boolean {
  const member = node.parent;
  if (member?.type !== AST_NODE_TYPES.MemberExpression || memberName(member) !== 'get') return false;
  const call = member.parent;
  if (call.type !== AST_NODE_TYPES.CallExpression || call.callee !== member) return false;
  const outer = outermostAlias(call);
  const next = outer.parent;
  if (next?.type !== AST_NODE_TYPES.MemberExpression || next.object !== outer) return false;
  return SHRINK_TEXT.test(`.${memberName(next) ?? ''}(`);
}
