/**
 * The table of resources: how an acquire and its release are recognised, and
 * the pair key they share (kind, owner, and key, handle or handler), so that
 * pairs are matched by ownership rather than by method name alone.
 */
import type { TypeOrValueSpecifier } from '@typescript-eslint/type-utils';
import { AST_NODE_TYPES, AST_TOKEN_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { calleeName, outermostAlias, skipWrappers, thisMember, walk } from './ast.js';
import { DISPOSE_METHODS } from './vocabulary.js';

export type ResourceKind = 'entry' | 'listener' | 'timer' | 'lock' | 'count' | 'custom' | 'disposable';

export interface ResourceSite {
  kind: ResourceKind;
  /** The call, update or assignment that acquires or releases. */
  node: TSESTree.Node;
  /** Shared by an acquire and the releases that match it. */
  pairKey: string;
  /**
   * The node whose type may need checking, if any: the receiver (`map` in
   * `map.set`), or for a disposable candidate the variable that holds it.
   */
  receiver: TSESTree.Expression | null;
  /**
   * For an entry or a listener, the pair key without its entry key or handler: every
   * entry of one collection (`entry:cache`), every listener of one event on one target.
   */
  ownerKey?: string;
}

/** A project-specific pair from the `pairs` option, optionally only on receivers of some types. */
export interface CustomPair {
  acquire: string;
  release: string;
  type?: TypeOrValueSpecifier[];
}

/** Methods that keep a listener until it is removed. */
export const ADD_LISTENER: ReadonlySet<string> = new Set(['addEventListener', 'on', 'addListener', 'prependListener']);
/** Methods that keep a listener until its event fires once. */
export const ADD_ONCE_LISTENER: ReadonlySet<string> = new Set(['once', 'prependOnceListener']);
/** Methods that remove one listener. */
export const REMOVE_LISTENER: ReadonlySet<string> = new Set(['removeEventListener', 'off', 'removeListener']);
const LISTEN = ADD_LISTENER;
/** Each listener removal, with the family of registrations it undoes. */
const UNLISTEN: ReadonlyMap<string, string> = new Map([
  ['removeEventListener', 'addEventListener'],
  ['off', 'on'],
  ['removeListener', 'on'],
]);
const TIMERS = new Set(['setTimeout', 'setInterval']);
const CLEAR_TIMERS = new Set(['clearTimeout', 'clearInterval']);
/** Calls whose awaited result is a handle released by calling it, or by its `release()`. */
const HANDLE_ACQUIRES = new Set(['acquire', 'connect', 'getConnection', 'lock', 'runExclusive']);
/** Every name an acquire below is recognised by (the `pairs` option adds its own): any other call is at most a disposable. */
const ACQUIRE_NAMES: ReadonlySet<string> = new Set([...TIMERS, 'set', 'add', ...LISTEN, ...HANDLE_ACQUIRES]);
/** Every method name a release below is recognised by (the `pairs` option adds its own). */
const RELEASE_NAMES: ReadonlySet<string> = new Set([
  ...CLEAR_TIMERS,
  'delete',
  ...UNLISTEN.keys(),
  'release',
  'unlock',
  ...DISPOSE_METHODS,
]);

export function textOf(node: TSESTree.Node, sourceCode: Readonly<TSESLint.SourceCode>): string {
  return sourceCode.getText(node).replace(/\s+/g, '');
}

/** `{ once: true }` or `{ signal }`: a listener that removes itself. */
function selfRemoving(options: TSESTree.Node | undefined): boolean {
  if (options?.type !== AST_NODE_TYPES.ObjectExpression) return false;
  return options.properties.some(
    (p) =>
      p.type === AST_NODE_TYPES.Property &&
      !p.computed &&
      p.key.type === AST_NODE_TYPES.Identifier &&
      (p.key.name === 'signal' ||
        (p.key.name === 'once' && !(p.value.type === AST_NODE_TYPES.Literal && p.value.value === false))),
  );
}

/** The expression whose value is stored: the call, or the `await` of it, through wrappers. */
function holdingExpression(node: TSESTree.Node): TSESTree.Node {
  const outer = outermostAlias(node);
  return outer.parent?.type === AST_NODE_TYPES.AwaitExpression ? outermostAlias(outer.parent) : outer;
}

/**
 * The declarator that holds a call's result (`const t = call()`, `const t = await call()`),
 * unless it is a `using` or `await using` declaration, which releases the handle itself.
 */
function holdingDeclarator(node: TSESTree.Node): (TSESTree.VariableDeclarator & { id: TSESTree.Identifier }) | null {
  const outer = holdingExpression(node);
  const parent = outer.parent;
  if (
    parent?.type !== AST_NODE_TYPES.VariableDeclarator ||
    parent.init !== outer ||
    parent.id.type !== AST_NODE_TYPES.Identifier ||
    parent.parent.kind === 'using' ||
    parent.parent.kind === 'await using'
  ) {
    return null;
  }
  return parent as TSESTree.VariableDeclarator & { id: TSESTree.Identifier };
}

/** The variable or place an acquired handle is stored in: `const t = …`, `this.t = …`. */
function storedIn(node: TSESTree.Node, sourceCode: Readonly<TSESLint.SourceCode>): string | null {
  const declarator = holdingDeclarator(node);
  if (declarator) return declarator.id.name;
  const outer = holdingExpression(node);
  const parent = outer.parent;
  if (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.right === outer && parent.operator === '=') {
    return textOf(parent.left, sourceCode);
  }
  return null;
}

/** An entry added to or deleted from the collection `recv` under the key `key`. */
function entrySite(node: TSESTree.Node, recv: string, key: string, receiver: TSESTree.Expression): ResourceSite {
  return { kind: 'entry', node, pairKey: `entry:${recv}:${key}`, receiver, ownerKey: `entry:${recv}` };
}

/**
 * What can pair at all in a file, read once from its tokens: the names that
 * receive a dispose-method call (`name.close()`, `name?.end()`, `(name as T).destroy()`),
 * and whether any call takes a handle (`.acquire(`, `.connect(`, …). A
 * `const x = call()` is a disposable candidate only when its name is among
 * the first, and a plain call `release()` a handle's release only when the
 * second holds: most calls of a file are neither, and need no position.
 * The names are a superset of those the releases use, so no pair is lost.
 */
interface Pairable {
  disposableNames: ReadonlySet<string>;
  takesHandles: boolean;
}

const pairables = new WeakMap<Readonly<TSESLint.SourceCode>, Pairable>();

/** `.close(`, `?.end (`: a call of a dispose method; the groups end where the method's name starts. */
const DISPOSE_CALL = new RegExp(String.raw`(\??\.)(\s*)(?:${[...DISPOSE_METHODS].join('|')})\s*\(`, 'g');
/** `.acquire(`, `.lock(`, …: a call that takes a handle. */
const HANDLE_CALL = new RegExp(String.raw`\??\.\s*(?:${[...HANDLE_ACQUIRES].join('|')})\s*\(`);

function pairable(sourceCode: Readonly<TSESLint.SourceCode>): Pairable {
  const known = pairables.get(sourceCode);
  if (known) return known;
  const text = sourceCode.text;
  const disposableNames = new Set<string>();
  const isPunctuator = (token: TSESTree.Token | null, value: string): boolean =>
    token?.type === AST_TOKEN_TYPES.Punctuator && token.value === value;
  // The text finds the few dispose calls; the tokens around each give its receiver (a match in a
  // string or comment starts no token and is skipped).
  for (const match of text.matchAll(DISPOSE_CALL)) {
    const method = sourceCode.getTokenByRangeStart(match.index + (match[1]?.length ?? 0) + (match[2]?.length ?? 0));
    if (method?.type !== AST_TOKEN_TYPES.Identifier) continue;
    // The receiver: a name, a name with `!`, or, when parentheses end there, every name inside them
    // (`(handle as FileHandle)`, `(<FileHandle>handle)`: more names than the receiver, never fewer).
    let receiver = sourceCode.getTokenBefore(sourceCode.getTokenBefore(method) ?? method);
    while (receiver && isPunctuator(receiver, '!')) receiver = sourceCode.getTokenBefore(receiver);
    if (receiver && isPunctuator(receiver, ')')) {
      let depth = 0;
      for (let t: TSESTree.Token | null = receiver; t; t = sourceCode.getTokenBefore(t)) {
        if (isPunctuator(t, ')')) depth++;
        else if (isPunctuator(t, '(') && --depth === 0) break;
        else if (t.type === AST_TOKEN_TYPES.Identifier) disposableNames.add(t.value);
      }
      continue;
    }
    if (receiver?.type === AST_TOKEN_TYPES.Identifier) disposableNames.add(receiver.value);
  }
  const found = { disposableNames, takesHandles: HANDLE_CALL.test(text) };
  pairables.set(sourceCode, found);
  return found;
}

/** What an acquire and a release are recognised from at a call: its callee, once. */
interface CallShape {
  node: TSESTree.CallExpression;
  callee: TSESTree.Expression;
  name: string;
  /** `map` in `map.set(…)`, null for a plain call. */
  receiver: TSESTree.Expression | null;
}

function callShape(node: TSESTree.CallExpression): CallShape | null {
  const callee = skipWrappers(node.callee);
  const name = calleeName(callee);
  if (name === null) return null;
  const receiver = callee.type === AST_NODE_TYPES.MemberExpression ? skipWrappers(callee.object) : null;
  return { node, callee, name, receiver };
}

/** The acquire and the release a node is, if any (a call can be both: `this.swap()` of a helper). */
export interface ResourceSites {
  acquire: ResourceSite | null;
  release: ResourceSite | null;
}

const NO_SITES: ResourceSites = { acquire: null, release: null };

/**
 * Recognises an acquire and a release at a call, update or assignment node,
 * reading the callee once: the rule asks this of every call of a file, and
 * most are neither. A call of a helper method of the same class
 * (`this.takeSlot()`) counts as what its body does to the object's counters.
 */
export function resourceSitesAt(
  node: TSESTree.Node,
  sourceCode: Readonly<TSESLint.SourceCode>,
  pairs: readonly CustomPair[],
): ResourceSites {
  if (node.type === AST_NODE_TYPES.UpdateExpression || node.type === AST_NODE_TYPES.AssignmentExpression) {
    const acquire = counterAt(node, sourceCode, '+');
    const release = counterAt(node, sourceCode, '-');
    return acquire || release ? { acquire, release } : NO_SITES;
  }
  if (node.type !== AST_NODE_TYPES.CallExpression || isOtherMethodCall(node, pairs)) return NO_SITES;
  const call = callShape(node);
  if (!call) return NO_SITES;
  let acquire = acquireOfCall(call, sourceCode, pairs);
  let release = releaseOfCall(call, sourceCode, pairs);
  if ((!acquire || !release) && call.receiver?.type === AST_NODE_TYPES.ThisExpression) {
    const summary = helperSummary(call, sourceCode);
    if (summary) {
      acquire ??= helperSite(call, summary, sourceCode, 'acquire');
      release ??= helperSite(call, summary, sourceCode, 'release');
    }
  }
  return acquire || release ? { acquire, release } : NO_SITES;
}

/** Every method name an acquire or a release below is recognised by (the `pairs` option adds its own). */
const SITE_METHOD_NAMES: ReadonlySet<string> = new Set([...ACQUIRE_NAMES, ...RELEASE_NAMES]);

/**
 * A method call that is no site, told from its name, its receiver and where
 * its result goes: most calls of a file are these, and the rule asks about
 * every call. Not one of the names (nor a `pairs` name), not a helper of the
 * same class (`this.x()`), and not held by a declaration or an assignment (a
 * disposable): `acquireOfCall` and `releaseOfCall` would find nothing.
 */
function isOtherMethodCall(node: TSESTree.CallExpression, pairs: readonly CustomPair[]): boolean {
  const callee = skipWrappers(node.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const name = calleeName(callee);
  if (name === null || SITE_METHOD_NAMES.has(name) || HOLDING_PARENTS.has(node.parent.type)) return false;
  if (skipWrappers(callee.object).type === AST_NODE_TYPES.ThisExpression) return false;
  return !pairs.some((pair) => pair.acquire === name || pair.release === name);
}

/** Recognises an acquire at a call, update or assignment node. */
export function acquireAt(
  node: TSESTree.Node,
  sourceCode: Readonly<TSESLint.SourceCode>,
  pairs: readonly CustomPair[],
): ResourceSite | null {
  return siteAt(node, sourceCode, pairs, 'acquire');
}

/** Recognises a release at a call, update or assignment node. */
export function releaseAt(
  node: TSESTree.Node,
  sourceCode: Readonly<TSESLint.SourceCode>,
  pairs: readonly CustomPair[],
): ResourceSite | null {
  return siteAt(node, sourceCode, pairs, 'release');
}

/** One role of `resourceSitesAt`, without the helper methods' summaries. */
function siteAt(
  node: TSESTree.Node,
  sourceCode: Readonly<TSESLint.SourceCode>,
  pairs: readonly CustomPair[],
  role: 'acquire' | 'release',
): ResourceSite | null {
  if (node.type === AST_NODE_TYPES.UpdateExpression || node.type === AST_NODE_TYPES.AssignmentExpression) {
    return counterAt(node, sourceCode, role === 'acquire' ? '+' : '-');
  }
  if (node.type !== AST_NODE_TYPES.CallExpression) return null;
  const call = callShape(node);
  if (!call) return null;
  return role === 'acquire' ? acquireOfCall(call, sourceCode, pairs) : releaseOfCall(call, sourceCode, pairs);
}

function acquireOfCall(
  { node, name, receiver }: CallShape,
  sourceCode: Readonly<TSESLint.SourceCode>,
  pairs: readonly CustomPair[],
): ResourceSite | null {
  // Most calls of a file are none of the acquires below: only a disposable can be left.
  if (!ACQUIRE_NAMES.has(name) && !pairs.some((pair) => pair.acquire === name)) return disposableAt(node, sourceCode);
  if (TIMERS.has(name)) {
    const handle = storedIn(node, sourceCode);
    return handle ? { kind: 'timer', node, pairKey: `timer:${handle}`, receiver: null } : null;
  }
  if (!receiver) return disposableAt(node, sourceCode);
  // The receiver's text only for the calls that name it in a pair key: most calls are none of these.
  const recv = (): string => textOf(receiver, sourceCode);
  const args = node.arguments;
  const first = args[0];
  const second = args[1];
  const third = args[2];
  if ((name === 'set' || name === 'add') && first) {
    return entrySite(node, recv(), textOf(first, sourceCode), receiver);
  }
  if (LISTEN.has(name) && first && second && !selfRemoving(third)) {
    const family = name === 'addEventListener' ? 'addEventListener' : 'on';
    return {
      kind: 'listener',
      node,
      pairKey: `listener:${family}:${recv()}:${textOf(first, sourceCode)}:${textOf(second, sourceCode)}`,
      receiver: null,
      ownerKey: `listener:${family}:${recv()}:${textOf(first, sourceCode)}`,
    };
  }
  if (HANDLE_ACQUIRES.has(name)) {
    const handle = storedIn(node, sourceCode);
    if (handle) return { kind: 'lock', node, pairKey: `handle:${handle}`, receiver: null };
    if (name === 'acquire') return { kind: 'lock', node, pairKey: `lock:acquire:${recv()}`, receiver: null };
    if (name === 'lock') return { kind: 'lock', node, pairKey: `lock:lock:${recv()}`, receiver: null };
    return null;
  }
  const custom = pairs.length > 0 ? pairs.find((pair) => pair.acquire === name) : undefined;
  if (custom) return { kind: 'custom', node, pairKey: `custom:${custom.acquire}:${recv()}`, receiver };
  return disposableAt(node, sourceCode);
}

/** The parents a call's result can be held through: a declaration, an assignment, or a wrapper on the way. */
const HOLDING_PARENTS: ReadonlySet<AST_NODE_TYPES> = new Set([
  AST_NODE_TYPES.VariableDeclarator,
  AST_NODE_TYPES.AssignmentExpression,
  AST_NODE_TYPES.AwaitExpression,
  AST_NODE_TYPES.TSNonNullExpression,
  AST_NODE_TYPES.TSAsExpression,
  AST_NODE_TYPES.TSSatisfiesExpression,
  AST_NODE_TYPES.TSTypeAssertion,
]);

/**
 * `const handle = open(…)` or `await open(…)`, or the same assigned to a variable
 * declared before (`handle = await open(…)`): a candidate that the rule keeps
 * only if the variable's type is disposable (`[Symbol.dispose]` or
 * `[Symbol.asyncDispose]`), which it asks the checker once a release of the
 * handle has been found. `using` declarations release themselves.
 */
function disposableAt(node: TSESTree.CallExpression, sourceCode: Readonly<TSESLint.SourceCode>): ResourceSite | null {
  // Most calls are arguments, statements or links of a chain: only one held by a declaration or an
  // assignment (through `await` and type assertions) can open a handle that is released later.
  if (!HOLDING_PARENTS.has(node.parent.type)) return null;
  const { disposableNames } = pairable(sourceCode);
  if (disposableNames.size === 0) return null;
  const declarator = holdingDeclarator(node);
  if (declarator) {
    if (!disposableNames.has(declarator.id.name)) return null;
    return { kind: 'disposable', node, pairKey: `disposable:${declarator.id.name}`, receiver: declarator.id };
  }
  // `handle = await open(…)` into a variable declared before (`let handle: FileHandle | null = null`).
  const outer = holdingExpression(node);
  const parent = outer.parent;
  if (
    parent?.type === AST_NODE_TYPES.AssignmentExpression &&
    parent.operator === '=' &&
    parent.right === outer &&
    parent.left.type === AST_NODE_TYPES.Identifier &&
    disposableNames.has(parent.left.name)
  ) {
    return { kind: 'disposable', node, pairKey: `disposable:${parent.left.name}`, receiver: parent.left };
  }
  return null;
}

function releaseOfCall(
  { node, callee, name }: CallShape,
  sourceCode: Readonly<TSESLint.SourceCode>,
  pairs: readonly CustomPair[],
): ResourceSite | null {
  const args = node.arguments;
  const first = args[0];
  const second = args[1];
  if (CLEAR_TIMERS.has(name) && first) {
    return { kind: 'timer', node, pairKey: `timer:${textOf(first, sourceCode)}`, receiver: null };
  }
  // `release()`, the function an awaited `mutex.acquire()` returned.
  if (callee.type === AST_NODE_TYPES.Identifier) {
    return pairable(sourceCode).takesHandles
      ? { kind: 'lock', node, pairKey: `handle:${callee.name}`, receiver: null }
      : null;
  }
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return null;
  // Most method calls of a file are none of the releases below.
  if (!RELEASE_NAMES.has(name) && !pairs.some((pair) => pair.release === name)) return null;
  const receiver = skipWrappers(callee.object);
  const recv = (): string => textOf(receiver, sourceCode);
  if (name === 'delete' && first) {
    return entrySite(node, recv(), textOf(first, sourceCode), receiver);
  }
  const family = UNLISTEN.get(name);
  if (family && first && second) {
    return {
      kind: 'listener',
      node,
      pairKey: `listener:${family}:${recv()}:${textOf(first, sourceCode)}:${textOf(second, sourceCode)}`,
      receiver: null,
      ownerKey: `listener:${family}:${recv()}:${textOf(first, sourceCode)}`,
    };
  }
  // `handle.close()` for a disposable `const handle = …`: which call releases is a tie-breaker.
  const asDisposable =
    DISPOSE_METHODS.has(name) && receiver.type === AST_NODE_TYPES.Identifier ? `disposable:${receiver.name}` : null;
  if (name === 'release' || name === 'unlock') {
    // `client.release()` for `const client = await pool.connect()`, or `x.release()` for `x.acquire()`,
    // or `pool.release(client)`.
    const asHandle = receiver.type === AST_NODE_TYPES.Identifier ? `handle:${receiver.name}` : null;
    const asLock = `lock:${name === 'release' ? 'acquire' : 'lock'}:${recv()}`;
    // `pool.release(browser)` for `const browser = await pool.acquire()`: the handle given back.
    const given = first?.type === AST_NODE_TYPES.Identifier ? `handle:${first.name}` : null;
    const keys = [asHandle, asLock, asDisposable, given].filter((key) => key !== null);
    return { kind: 'lock', node, pairKey: keys.join('|'), receiver: null };
  }
  const custom = pairs.length > 0 ? pairs.find((pair) => pair.release === name) : undefined;
  if (custom) return { kind: 'custom', node, pairKey: `custom:${custom.acquire}:${recv()}`, receiver };
  if (asDisposable) return { kind: 'disposable', node, pairKey: asDisposable, receiver: null };
  return null;
}

/** `this.active++` / `this.active -= 1`: a count of work in flight, on a place that outlives the call. */
function counterAt(
  node: TSESTree.UpdateExpression | TSESTree.AssignmentExpression,
  sourceCode: Readonly<TSESLint.SourceCode>,
  sign: '+' | '-',
): ResourceSite | null {
  let target: TSESTree.Node;
  if (node.type === AST_NODE_TYPES.UpdateExpression) {
    if (node.operator !== `${sign}${sign}`) return null;
    target = node.argument;
  } else {
    if (node.operator !== `${sign}=` || node.right.type !== AST_NODE_TYPES.Literal || node.right.value !== 1)
      return null;
    target = node.left;
  }
  // Loop counters and locals are not resources: only fields (`this.active`, `stats.inflight`).
  if (target.type !== AST_NODE_TYPES.MemberExpression || target.computed) return null;
  if (node.parent.type === AST_NODE_TYPES.ForStatement) return null;
  return { kind: 'count', node, pairKey: `count:${textOf(target, sourceCode)}`, receiver: null };
}

/** A release's pair keys (a `release()` on a handle may match either form). */
export function releaseKeys(release: ResourceSite): string[] {
  return release.pairKey.split('|');
}

/** What a helper method does to its object's counters: raises (`this.active += 1`) or lowers them. */
interface HelperSummary {
  raises: ReadonlySet<string>;
  lowers: ReadonlySet<string>;
}

const helperSummaries = new WeakMap<TSESTree.Node, HelperSummary>();

/** What the method a `this.name()` call runs does to the object's counters, computed once per method. */
function helperSummary({ callee }: CallShape, sourceCode: Readonly<TSESLint.SourceCode>): HelperSummary | null {
  const member = thisMember(callee);
  if (member?.type !== AST_NODE_TYPES.MethodDefinition || member.kind !== 'method') return null;
  const method = member.value;
  if (method.type !== AST_NODE_TYPES.FunctionExpression) return null;
  let summary = helperSummaries.get(method);
  if (!summary) {
    const raises = new Set<string>();
    const lowers = new Set<string>();
    walk(
      method.body,
      (child) => {
        if (child.type === AST_NODE_TYPES.CallExpression) {
          const keyed = keyedCountAt(child, method, sourceCode);
          if (keyed) (keyed.sign === '+' ? raises : lowers).add(keyed.pairKey);
          return;
        }
        if (child.type !== AST_NODE_TYPES.UpdateExpression && child.type !== AST_NODE_TYPES.AssignmentExpression)
          return;
        const up = counterAt(child, sourceCode, '+');
        if (up?.pairKey.startsWith('count:this.')) raises.add(up.pairKey);
        const down = counterAt(child, sourceCode, '-');
        if (down?.pairKey.startsWith('count:this.')) lowers.add(down.pairKey);
      },
      { intoFunctions: false },
    );
    summary = { raises, lowers };
    helperSummaries.set(method, summary);
  }
  return summary;
}

function helperSite(
  { node }: CallShape,
  summary: HelperSummary,
  sourceCode: Readonly<TSESLint.SourceCode>,
  role: 'acquire' | 'release',
): ResourceSite | null {
  const [mine, other] = role === 'acquire' ? [summary.raises, summary.lowers] : [summary.lowers, summary.raises];
  if (mine.size !== 1 || other.size > 0) return null;
  const [raw] = mine;
  if (raw === undefined) return null;
  // A count per key: the key is the argument the call passes for the helper's parameter.
  const slot = /\[#(\d+)\]$/.exec(raw);
  if (!slot) return { kind: 'count', node, pairKey: raw, receiver: null };
  const argument = node.arguments[Number(slot[1])];
  if (!argument || argument.type === AST_NODE_TYPES.SpreadElement) return null;
  const pairKey = `${raw.slice(0, slot.index)}[${textOf(argument, sourceCode)}]`;
  return { kind: 'count', node, pairKey, receiver: null };
}

/**
 * `this.running.set(key, (this.running.get(key) ?? 0) + 1)` in a method whose
 * parameter is `key`: a count per key, raised (or lowered by `- 1`, or by
 * `this.running.delete(key)`). The value may be a `const` of the method that
 * holds the sum. The pair key names the parameter's index (`[#0]`), which a
 * call site replaces with its argument.
 */
function keyedCountAt(
  call: TSESTree.CallExpression,
  method: TSESTree.FunctionExpression,
  sourceCode: Readonly<TSESLint.SourceCode>,
): { sign: '+' | '-'; pairKey: string } | null {
  const callee = call.callee;
  if (callee.type !== AST_NODE_TYPES.MemberExpression || callee.computed) return null;
  const owner = callee.object;
  if (owner.type !== AST_NODE_TYPES.MemberExpression || owner.object.type !== AST_NODE_TYPES.ThisExpression)
    return null;
  const [key, value] = call.arguments;
  if (key?.type !== AST_NODE_TYPES.Identifier) return null;
  const index = method.params.findIndex((param) => param.type === AST_NODE_TYPES.Identifier && param.name === key.name);
  if (index < 0) return null;
  const pairKey = `count:${textOf(owner, sourceCode)}[#${String(index)}]`;
  const verb = callee.property.type === AST_NODE_TYPES.Identifier ? callee.property.name : null;
  if (verb === 'delete' && call.arguments.length === 1) return { sign: '-', pairKey };
  if (verb !== 'set' || !value || value.type === AST_NODE_TYPES.SpreadElement) return null;
  const sum = skipWrappers(constantValue(value, method));
  if (sum.type !== AST_NODE_TYPES.BinaryExpression || (sum.operator !== '+' && sum.operator !== '-')) return null;
  if (sum.right.type !== AST_NODE_TYPES.Literal || sum.right.value !== 1) return null;
  const reads = (node: TSESTree.Node): boolean => {
    const inner = skipWrappers(node as TSESTree.Expression);
    if (inner.type === AST_NODE_TYPES.LogicalExpression) return reads(inner.left);
    return (
      inner.type === AST_NODE_TYPES.CallExpression &&
      inner.callee.type === AST_NODE_TYPES.MemberExpression &&
      textOf(inner.callee.object, sourceCode) === textOf(owner, sourceCode) &&
      inner.arguments[0]?.type === AST_NODE_TYPES.Identifier &&
      inner.arguments[0].name === key.name
    );
  };
  return reads(sum.left) ? { sign: sum.operator, pairKey } : null;
}

/** `left` for `const left = … - 1` declared in the method: the expression it holds. */
function constantValue(value: TSESTree.Expression, method: TSESTree.FunctionExpression): TSESTree.Expression {
  if (value.type !== AST_NODE_TYPES.Identifier) return value;
  const inits: TSESTree.Expression[] = [];
  walk(
    method.body,
    (child) => {
      if (
        child.type === AST_NODE_TYPES.VariableDeclarator &&
        child.parent.kind === 'const' &&
        child.id.type === AST_NODE_TYPES.Identifier &&
        child.id.name === value.name &&
        child.init
      ) {
        inits.push(child.init);
      }
    },
    { intoFunctions: false },
  );
  return inits.length === 1 && inits[0] ? inits[0] : value;
}
