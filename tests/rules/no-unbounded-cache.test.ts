import rule from '../../src/rules/no-unbounded-cache.js';
import { typedRuleTester } from '../rule-tester.js';

const ruleTester = typedRuleTester();

/** A memo of time zones whose only caller passes the object's own configuration. */
const zoneMemo = `
const zones = new Map<string, boolean>();
function isValidZone(zone: string): boolean {
  let valid = zones.get(zone);
  if (valid === undefined) {
    valid = zone.length > 0;
    zones.set(zone, valid);
  }
  return valid;
}
export class Database {
  constructor(private readonly options: { timezone: string }) {}
  check(): boolean {
    return isValidZone(this.options.timezone);
  }
}
`;

/** A factory whose closure keeps a promise cache, and the code that calls it. */
const perRequestLoaders = (handler: string) => `
export interface Database {
  loadUser(id: string): Promise<string>;
}
function createLoaders(db: Database) {
  const users = new Map<string, Promise<string>>();
  return {
    user(id: string): Promise<string> {
      let pending = users.get(id);
      if (!pending) {
        pending = db.loadUser(id);
        users.set(id, pending);
      }
      return pending;
    },
  };
}
${handler}`;

/** A runner that makes one context per hook of its own, through a callback handed to its own method. */
const hookRunner = (extra: string) => `
import { EventEmitter } from 'node:events';
export interface Hook {
  name: string;
}
class HookContext {
  constructor(readonly hook: Hook) {}
}
export class HookRunner {
  private readonly contexts = new Map<string, HookContext>();
  constructor(private readonly hooks: readonly Hook[]) {}
  private contextFor(hook: Hook): HookContext {
    let context = this.contexts.get(hook.name);
    if (!context) {
      context = new HookContext(hook);
      this.contexts.set(hook.name, context);
    }
    return context;
  }
  private each(phase: 'start' | 'stop', use: (hook: Hook) => HookContext): void {
    for (const hook of this.sortedFor(phase)) {
      if (use) use(hook);
    }
  }
  private sortedFor(phase: 'start' | 'stop'): readonly Hook[] {
    return phase === 'start' ? this.hooks : [...this.hooks].reverse();
  }
  start(): void {
    this.each('start', (hook) => this.contextFor(hook));
  }
  close(): void {
    this.each('stop', (hook) => this.contextFor(hook));
  }
${extra}}
`;

/**
 * A static cache of region settings keyed by the host of the server an
 * instance was made for, updated from a listener: per event, under a key the
 * constructor fixed.
 */
const regionCache = (member: string, module: string) => `import type { EventEmitter } from 'node:events';
type Regions = { maxAgeMs: number };
export class RegionCache {
  private static readonly regionsByHost = new Map<string, Regions>();
  private serverUrl: URL;
  constructor(url: string) {
    this.serverUrl = new URL(url);
  }
  private static updateCached(url: URL, regions: Regions): void {
    RegionCache.regionsByHost.set(url.hostname, regions);
  }
  known(): Regions | undefined {
    return RegionCache.regionsByHost.get(this.serverUrl.hostname);
  }
  update(regions: Regions): void {
    RegionCache.updateCached(this.serverUrl, regions);
  }${member}
}
export function connect(url: string, bus: EventEmitter): RegionCache {
  const cache = new RegionCache(url);
  bus.on('regions', (regions: Regions) => cache.update(regions));
  return cache;
}${module}
`;

ruleTester.run('no-unbounded-cache', rule, {
  valid: [
    // Per event, but under a key the constructor fixed from a `new` argument that is no outside
    // data: one entry per server the program is configured for.
    regionCache('', ''),
    // \`this.closing ??= this.runShutdown()\`: the memo holds a promise, never empty, and nothing else
    // assigns it, so \`runShutdown\` runs once per object and its push with it.
    {
      code: `
interface Hook {
  run(): Promise<void>;
}
export class Host {
  private readonly hooks: Hook[] = [];
  private closing: Promise<void> | undefined;
  constructor(private readonly pending: () => number) {}
  shutdown(): Promise<void> {
    this.closing ??= this.runShutdown();
    return this.closing;
  }
  private async runShutdown(): Promise<void> {
    await new Promise<void>((resolve) => {
      this.hooks.push({ run: async () => resolve() });
      if (this.pending() === 0) resolve();
    });
  }
}
`,
      options: [{ checkObjects: true, checkArrays: true, checkClosures: true, checkUntraced: true }],
    },
    // The callback handed to \`each()\` is called with the runner's own hooks: set-up data.
    hookRunner(''),
    // \`each()\` also runs on every change event, but always with the runner's own hooks.
    hookRunner(`  attach(bus: EventEmitter): void {
    bus.on('change', () => this.each('stop', (hook) => this.contextFor(hook)));
  }
`),
    // The answer's callback deletes its own entry as well as clearing the timer: bounded.
    {
      code: `
const requests: Record<string, (result: string) => void> = {};
let count = 0;
export function request(send: (id: string) => void): Promise<string> {
  const id = String(++count);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      delete requests[id];
      reject(new Error('timeout'));
    }, 5000);
    requests[id] = (result) => {
      clearTimeout(timer);
      delete requests[id];
      resolve(result);
    };
    send(id);
  });
}
`,
      options: [{ checkObjects: true, checkUntraced: true }],
    },
    // A function that takes an entry out and deletes from it manages the entries, whatever it is
    // called.
    {
      code: `
export class Topics {
  private readonly byTopic = new Map<string, Set<() => void>>();
  close(): void {}
  on(topic: string, fn: () => void): void {
    let set = this.byTopic.get(topic);
    if (!set) {
      set = new Set();
      this.byTopic.set(topic, set);
    }
    set.add(fn);
  }
  handle(topic: string, fn: () => void): void {
    const set = this.byTopic.get(topic);
    set?.delete(fn);
  }
}
`,
      options: [{ checkUntraced: true }],
    },
    // A delete of the entry that is not always followed by a set of the same key (a failed load
    // leaves it deleted) is a removal.
    {
      code: `
const responses = new Map<string, string>();
export async function fetchCached(key: string, load: () => Promise<string | null>): Promise<string> {
  const hit = responses.get(key);
  if (hit !== undefined) return hit;
  responses.delete(key);
  const value = await load();
  if (value === null) return '';
  responses.set(key, value);
  return value;
}
`,
      options: [{ checkUntraced: true }],
    },
    // With checkUntraced: a set that only records which warnings were printed, behind an exported
    // function. Each entry stands for one warning a person was shown.
    {
      code: `
interface Field { readonly name: { readonly value: string } }
const warnedFields = new Set<string>();
export function warnAboutDataLoss(type: { readonly name: string }, field: Field): void {
  const key = \`\${type.name}.\${field.name.value}\`;
  if (warnedFields.has(key)) return;
  warnedFields.add(key);
  console.warn(\`data may be lost in \${key}\`);
}
`,
      options: [{ checkUntraced: true }],
    },
    // Every call of the factory keeps its value in a local const of a request handler and only
    // calls methods on it: the closure and its cache die with each handler call.
    {
      code: perRequestLoaders(`export async function handle(db: Database, ids: string[]): Promise<string[]> {
  const loaders = createLoaders(db);
  return Promise.all(ids.map((id) => loaders.user(id)));
}
`),
      options: [{ checkClosures: true, checkUntraced: true }],
    },
    // A memo whose every caller in the program passes its own set-up state: as small as the set-up.
    zoneMemo,
    // By default, callers the program does not show (an exported function's) are not evidence of
    // growth: they may pass only a few values. Reported with checkUntraced (see invalid).
    `${zoneMemo}export function validate(zone: string): boolean {
  return isValidZone(zone);
}
`,
    `
const seen = new Set<string>();
export function handle(id: string): boolean {
  if (seen.has(id)) return false;
  seen.add(id);
  return true;
}
`,
    // A key made from a parameter of a finite type (or a list of one): the values the source names.
    `
type Topic = 'message' | 'edit' | 'delete';
const compiled = new Map<string, RegExp>();
export function matcher<T extends Topic>(topics: T | T[]): RegExp {
  const list = Array.isArray(topics) ? topics : [topics];
  const key = list.join(',');
  let found = compiled.get(key);
  if (!found) {
    found = new RegExp(list.join('|'));
    compiled.set(key, found);
  }
  return found;
}
`,
    // Filled in a block that sets the flag its own test reads: once per object.
    `
declare function loadProviders(): Record<string, string>;
export class ProviderClient {
  private readonly addresses = new Map<string, string>();
  private populated = false;
  lookup(name: string): string | undefined {
    if (!this.populated) {
      for (const [key, value] of Object.entries(loadProviders())) this.addresses.set(key, value);
      this.populated = true;
    }
    return this.addresses.get(name);
  }
  close(): void {}
}
`,
    // Filled in the block that creates it lazily: it grows only when it is new.
    {
      code: `
const ALPHABET = '123456789ABCDEFGH';
let lookup: Record<string, number> | null = null;
export function decode(letter: string): number {
  if (lookup == null) {
    lookup = {};
    for (let i = 0; i < ALPHABET.length; i++) lookup[ALPHABET.charAt(i)] = i;
  }
  return lookup[letter] ?? -1;
}
`,
      options: [{ checkObjects: true }],
    },
    // A closure a factory returns lives as long as whoever keeps it: not known here (checkClosures reports it).
    `
export function memoize(fn: (key: string) => number): (key: string) => number {
  const memo = new Map<string, number>();
  return (key) => {
    const hit = memo.get(key);
    if (hit !== undefined) return hit;
    const value = fn(key);
    memo.set(key, value);
    return value;
  };
}
`,
    // Filled by a function the program calls only at module scope: start-up, once.
    `
const knownHosts = new Set<string>();
function trust(hosts: readonly string[]): void {
  for (const host of hosts) knownHosts.add(host);
}
trust(process.argv.slice(2));
export function isTrusted(host: string): boolean {
  return knownHosts.has(host);
}
`,
    // Filled by a private method that only the constructor calls: once per instance.
    `
export class RouteService {
  private readonly routes = new Map<string, number>();
  constructor(paths: string[]) {
    this.index(paths);
  }
  private index(paths: string[]): void {
    paths.forEach((path, i) => this.routes.set(path, i));
  }
  lookup(path: string): number | undefined {
    return this.routes.get(path);
  }
}
`,
    // Drained through a destructured alias of the field: \`const { results } = this\` is \`this.results\`.
    `
export class WorkService {
  private readonly results = new Map<string, Promise<string>>();
  run(requestId: string, work: () => Promise<string>): Promise<string> {
    const pending = work();
    this.results.set(requestId, pending);
    return pending;
  }
  settle(requestId: string): void {
    const { results: pendingResults } = this;
    pendingResults.delete(requestId);
  }
}
`,
    // A collection local to one call.
    `
export function count(ids: string[]): number {
  const seen = new Set<string>();
  for (const id of ids) seen.add(id);
  return seen.size;
}
`,
    // Exported: code we cannot see may delete from it.
    `
export const cache = new Map<string, number>();
export function remember(key: string, value: number): void {
  cache.set(key, value);
}
`,
    // Passed to a function we cannot see.
    `
declare function evictLater(map: Map<string, number>): void;
const cache = new Map<string, number>();
evictLater(cache);
export function remember(key: string, value: number): void {
  cache.set(key, value);
}
`,
    // Weak collections let go of entries with their keys.
    `
interface Req { id: string }
const meta = new WeakMap<Req, number>();
export function tag(req: Req): void {
  meta.set(req, Date.now());
}
`,
    // A bounded cache from a package.
    `
import { LRUCache } from 'lru-cache';
const cache = new LRUCache<string, string>({ max: 100 });
export function remember(key: string, value: string): void {
  cache.set(key, value);
}
`,
    // Keys from a finite set: an enum, a literal union, boolean.
    `
enum Phase { Start, End }
const timings = new Map<Phase, number>();
export function mark(phase: Phase): void {
  timings.set(phase, Date.now());
}
`,
    `
const counts = new Map<'hit' | 'miss', number>();
export function count(kind: 'hit' | 'miss'): void {
  counts.set(kind, (counts.get(kind) ?? 0) + 1);
}
`,
    `
const flags = new Set<boolean>();
export function note(value: boolean): void {
  flags.add(value);
}
`,
    // Filled once, while the module initialises.
    `
const codes = new Map<string, number>();
for (const [name, code] of [['ok', 200], ['missing', 404]] as const) codes.set(name, code);
export const lookup = (name: string): number | undefined => codes.get(name);
`,
    // Filled in the constructor only.
    `
export class Router {
  private readonly routes = new Map<string, () => void>();
  constructor(paths: string[]) {
    for (const path of paths) this.routes.set(path, () => undefined);
  }
  run(path: string): void {
    this.routes.get(path)?.();
  }
}
`,
    // A TTL sweep: a delete in a timer callback.
    `
const seen = new Map<string, number>();
setInterval(() => {
  for (const [id, at] of seen) if (Date.now() - at > 60_000) seen.delete(id);
}, 10_000).unref();
export function handle(id: string): void {
  seen.set(id, Date.now());
}
`,
    // A size cap with eviction.
    `
const MAX = 1000;
const cache = new Map<string, string>();
export function remember(key: string, value: string): void {
  if (cache.size >= MAX) {
    const oldest = cache.keys().next().value;
    if (oldest !== undefined) cache.delete(oldest);
  }
  cache.set(key, value);
}
`,
    // Cleared on teardown.
    `
export class SessionService {
  private readonly sessions = new Map<string, number>();
  open(id: string): void {
    this.sessions.set(id, Date.now());
  }
  close(): void {
    this.sessions.clear();
  }
}
`,
    // Replaced with a fresh collection on every flush.
    `
let batch = new Set<string>();
export function add(id: string): void {
  batch.add(id);
}
export function flush(): string[] {
  const ids = [...batch];
  batch = new Set();
  return ids;
}
`,
    // An inner collection is emptied: the entries are managed.
    `
export class TopicService {
  private readonly subscribers = new Map<string, Set<() => void>>();
  subscribe(topic: string, fn: () => void): void {
    const set = this.subscribers.get(topic) ?? new Set();
    set.add(fn);
    this.subscribers.set(topic, set);
  }
  unsubscribe(topic: string, fn: () => void): void {
    this.subscribers.get(topic)?.delete(fn);
  }
}
`,
    // A program's own `keys()` may do anything with the map it is given: an escape, not a read.
    `
declare function keys(table: Map<string, number>): string[];
const seen = new Map<string, number>();
export function visit(id: string): string[] {
  seen.set(id, Date.now());
  return keys(seen);
}
`,
    // Configuration: registries filled by register…() calls, and callbacks or classes as keys.
    `
const handlerRegistry = new Map<string, () => void>();
export function registerHandler(name: string, fn: () => void): void {
  handlerRegistry.set(name, fn);
}
`,
    `
const parsers = new Map<string, (text: string) => unknown>();
export function defineParser(name: string, parse: (text: string) => unknown): void {
  parsers.set(name, parse);
}
`,
    `
const instances = new Map<new () => object, object>();
export function singleton<T extends object>(type: new () => T): T {
  let instance = instances.get(type) as T | undefined;
  if (!instance) {
    instance = new type();
    instances.set(type, instance);
  }
  return instance;
}
`,
    // A field of an object with no sign of outliving a call (no teardown, no service-like name).
    `
export class ResultTransformer {
  private readonly aliasCache = new Map<string, string>();
  alias(name: string): string {
    let alias = this.aliasCache.get(name);
    if (alias === undefined) {
      alias = name.toLowerCase();
      this.aliasCache.set(name, alias);
    }
    return alias;
  }
}
`,
    // Growth only in the class's own put(): a container whose callers own the bound.
    `
export class CacheService {
  readonly entries = new Map<string, string>();
  put(key: string, value: string): void {
    this.entries.set(key, value);
  }
}
`,
    // A subclass that bounds itself by overriding set().
    `
class BoundedMap<K, V> extends Map<K, V> {
  override set(key: K, value: V): this {
    if (this.size >= 100) this.delete(this.keys().next().value as K);
    return super.set(key, value);
  }
}
const cache = new BoundedMap<string, number>();
export function remember(key: string, value: number): void {
  cache.set(key, value);
}
`,
    // A subclass named in the allow option.
    {
      code: `
class ExpiringMap<K, V> extends Map<K, V> {}
const cache = new ExpiringMap<string, number>();
export function remember(key: string, value: number): void {
  cache.set(key, value);
}
`,
      options: [{ allow: [{ from: 'file', name: 'ExpiringMap' }] }],
    },
    // Dictionaries and arrays are checked only when asked.
    `
const byId: Record<string, number> = {};
const log: string[] = [];
export function record(id: string): void {
  byId[id] = Date.now();
  log.push(id);
}
`,
    // checkArrays: an array that is shifted is bounded.
    {
      code: `
const queue: string[] = [];
export function push(id: string): void {
  queue.push(id);
  if (queue.length > 100) queue.shift();
}
`,
      options: [{ checkArrays: true }],
    },
    // checkObjects: a dictionary that is deleted from.
    {
      code: `
const byId: Record<string, number> = {};
export function open(id: string): void {
  byId[id] = Date.now();
}
export function close(id: string): void {
  delete byId[id];
}
`,
      options: [{ checkObjects: true }],
    },
    // A builder method (returns this) runs while the program is set up.
    `
type Handler = (body: string) => string;
class Router {
  private readonly routes = new Map<string, Handler>();
  route(path: string, handler: Handler): this {
    this.routes.set(path, handler);
    return this;
  }
  dispatch(path: string, body: string): string | undefined {
    return this.routes.get(path)?.(body);
  }
}
export const app = new Router().route('/a', (b) => b).route('/b', (b) => b.toUpperCase());
`,
    // A listener on an emitter passed in lives as long as that emitter, which this file cannot see.
    `
import { EventEmitter } from 'node:events';
export function track(bus: EventEmitter): void {
  const ids = new Set<string>();
  bus.on('message', (id: string) => {
    ids.add(id);
  });
}
`,
    // A class's own set()/add(): a container whose callers own the bound.
    `
export class KeyValueStore {
  readonly #entries = new Map<string, string>();
  set(key: string, value: string): void {
    this.#entries.set(key, value);
  }
  get(key: string): string | undefined {
    return this.#entries.get(key);
  }
}
`,
    // Review regressions: a reset that caps the size bounds it.
    `
let seen = new Set<string>();
export function handle(id: string): void {
  if (seen.size > 10_000) seen = new Set();
  seen.add(id);
}
`,
    // A collection handed in by the caller, or taken from another module, is not created here.
    `
export class ReportService {
  private readonly cache: Map<string, string>;
  constructor(cache: Map<string, string>) {
    this.cache = cache;
  }
  fetch(id: string): void {
    this.cache.set(id, id);
  }
}
`,
    `
declare const shared: { cache: Map<string, number> };
const cache = shared.cache;
export function remember(key: string): void {
  cache.set(key, 1);
}
`,
    // Handed on through a receiver we cannot resolve.
    `
declare function evictLater(map: Map<string, string>): void;
class ReportService {
  private readonly cache = new Map<string, string>();
  fetch(id: string): void {
    this.cache.set(id, id);
  }
  close(): void {}
}
const svc = new ReportService();
evictLater(svc['cache']);
evictLater((svc as unknown as { cache: Map<string, string> }).cache);
`,
    // Ambient classes have no body to leak.
    `
declare class Registry { static m: Map<string, number> }
export function note(key: string): void {
  Registry.m.set(key, 1);
}
`,
    // A data field named like a teardown method does not make the class long-lived.
    `
export class Span {
  end = 0;
  private readonly tags = new Map<string, string>();
  tag(key: string, value: string): void {
    this.tags.set(key, value);
  }
}
`,
    // Typed arrays are not dictionaries.
    {
      code: `
const buffer = new Uint8Array(1024);
export function write(i: number, value: number): void {
  buffer[i] = value;
}
`,
      options: [{ checkObjects: true }],
    },
    // An alias chain longer than the analysis follows names no owner.
    `
const c1 = new Map<string, number>();
const c2 = c1, c3 = c2, c4 = c3, c5 = c4, c6 = c5, c7 = c6;
export function put(key: string): void {
  c7.set(key, 1);
}
export function drop(key: string): void {
  c1.delete(key);
}
`,
    // A closure whose function does not outlive the call that made it.
    `
export function dedupe(ids: string[]): string[] {
  const seen = new Set<string>();
  return ids.filter((id) => {
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}
`,
    // A registry's name still counts where the program shows no repetition: a key the caller names.
    {
      code: `
const commands = new Map<string, () => void>();
export function add(name: string, run: () => void): void {
  commands.set(name, run);
}
`,
      options: [{ checkUntraced: true }],
    },
    // Entries under a fresh key, removed by the unsubscribe function before anything can skip it,
    {
      code: `
export class EventHub {
  private readonly handlers = new Map<number, (event: string) => void>();
  private nextId = 0;
  private connected = true;
  subscribe(handler: (event: string) => void): () => void {
    const id = this.nextId++;
    this.handlers.set(id, handler);
    return () => {
      this.handlers.delete(id);
      if (!this.connected) return;
    };
  }
  setConnected(connected: boolean): void {
    this.connected = connected;
  }
}
`,
      options: [{ checkUntraced: true }],
    },
    // The callers keep the unsubscribe function that holds the only removal: every entry can go,
    {
      code: `
export class EventHub {
  private readonly handlers = new Map<number, (event: string) => void>();
  private nextId = 0;
  subscribe(handler: (event: string) => void): () => void {
    const id = this.nextId++;
    this.handlers.set(id, handler);
    return () => {
      this.handlers.delete(id);
    };
  }
  subscribeAll(handlers: ((event: string) => void)[]): (() => void)[] {
    return handlers.map((handler) => this.subscribe(handler));
  }
}
`,
      options: [{ checkUntraced: true }],
    },
    // and one that drops it runs once per instance (a constructor): a bounded number of entries stays.
    {
      code: `
export class EventHub {
  private readonly handlers = new Map<number, (event: string) => void>();
  private nextId = 0;
  subscribe(handler: (event: string) => void): () => void {
    const id = this.nextId++;
    this.handlers.set(id, handler);
    return () => {
      this.handlers.delete(id);
    };
  }
  constructor(initial: (event: string) => void) {
    this.subscribe(initial);
  }
}
`,
      options: [{ checkUntraced: true }],
    },
    // after a test of state the function sets itself (a second call finds the entry gone),
    {
      code: `
export class EventHub {
  private readonly handlers = new Map<number, (event: string) => void>();
  private nextId = 0;
  private connected = true;
  subscribe(handler: (event: string) => void): () => void {
    const id = this.nextId++;
    this.handlers.set(id, handler);
    let done = false;
    return () => {
      if (done) return;
      done = true;
      this.handlers.delete(id);
    };
  }
  setConnected(connected: boolean): void {
    this.connected = connected;
  }
}
`,
      options: [{ checkUntraced: true }],
    },
    // or after a test of the entry itself.
    {
      code: `
export class EventHub {
  private readonly handlers = new Map<number, (event: string) => void>();
  private nextId = 0;
  private connected = true;
  subscribe(handler: (event: string) => void): () => void {
    const id = this.nextId++;
    this.handlers.set(id, handler);
    return () => {
      if (!this.handlers.has(id)) return;
      this.handlers.delete(id);
    };
  }
  setConnected(connected: boolean): void {
    this.connected = connected;
  }
}
`,
      options: [{ checkUntraced: true }],
    },
    // A reply removes entries of every kind: the watches' entries are reached too.
    {
      code: `
type Entry = { kind: 'call'; resolve: (value: string) => void } | { kind: 'watch'; onEvent: (value: string) => void };
export class RpcClient {
  private readonly pending = new Map<number, Entry>();
  private nextId = 0;
  call(): Promise<string> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, { kind: 'call', resolve });
    });
  }
  watch(onEvent: (value: string) => void): void {
    const id = this.nextId++;
    this.pending.set(id, { kind: 'watch', onEvent });
  }
  receive(id: number, value: string): void {
    const entry = this.pending.get(id);
    if (!entry) return;
    this.pending.delete(id);
    if (entry.kind === 'watch') entry.onEvent(value);
    else entry.resolve(value);
  }
  failCalls(): void {
    for (const [id, entry] of this.pending) {
      if (entry.kind !== 'call') continue;
      this.pending.delete(id);
    }
  }
}
`,
      options: [{ checkUntraced: true }],
    },
    // A class that implements an interface whose member the program calls only at set-up: nothing
    // shows its object outliving a call.
    {
      code: `
export interface Loader {
  load(name: string): void;
}
export class TableLoader implements Loader {
  private readonly tables = new Map<string, number>();
  load(name: string): void {
    this.tables.set(name, name.length);
  }
}
export function boot(loader: Loader): void {
  loader.load('users');
}
`,
      options: [{ checkUntraced: true }],
    },
  ],
  invalid: [
    // The key the constructor set is set again by a method: it changes, and each value stays.
    {
      code: regionCache('\n  switchServer(url: string): void {\n    this.serverUrl = new URL(url);\n  }', ''),
      errors: [
        {
          messageId: 'mapNeverShrinks',
          line: 4,
          column: 27,
          suggestions: [
            {
              messageId: 'capMapSuggestion',
              output: `import type { EventEmitter } from 'node:events';
type Regions = { maxAgeMs: number };
const REGIONS_BY_HOST_LIMIT = 1000;

export class RegionCache {
  private static readonly regionsByHost = new Map<string, Regions>();
  private serverUrl: URL;
  constructor(url: string) {
    this.serverUrl = new URL(url);
  }
  private static updateCached(url: URL, regions: Regions): void {
    if (RegionCache.regionsByHost.size >= REGIONS_BY_HOST_LIMIT && !RegionCache.regionsByHost.has(url.hostname)) {
      const oldest = RegionCache.regionsByHost.keys().next();
      if (!oldest.done) RegionCache.regionsByHost.delete(oldest.value);
    }
    RegionCache.regionsByHost.set(url.hostname, regions);
  }
  known(): Regions | undefined {
    return RegionCache.regionsByHost.get(this.serverUrl.hostname);
  }
  update(regions: Regions): void {
    RegionCache.updateCached(this.serverUrl, regions);
  }
  switchServer(url: string): void {
    this.serverUrl = new URL(url);
  }
}
export function connect(url: string, bus: EventEmitter): RegionCache {
  const cache = new RegionCache(url);
  bus.on('regions', (regions: Regions) => cache.update(regions));
  return cache;
}
`,
            },
          ],
        },
      ],
    },
    // Instances are made per request from the request's URL: the constructor's key is outside data.
    {
      code: regionCache(
        '',
        "\nexport function serve(server: EventEmitter, bus: EventEmitter): void {\n  server.on('request', (req: { url: string }) => connect(req.url, bus));\n}",
      ),
      errors: [
        {
          messageId: 'mapNeverShrinks',
          line: 4,
          column: 27,
          suggestions: [
            {
              messageId: 'capMapSuggestion',
              output: `import type { EventEmitter } from 'node:events';
type Regions = { maxAgeMs: number };
const REGIONS_BY_HOST_LIMIT = 1000;

export class RegionCache {
  private static readonly regionsByHost = new Map<string, Regions>();
  private serverUrl: URL;
  constructor(url: string) {
    this.serverUrl = new URL(url);
  }
  private static updateCached(url: URL, regions: Regions): void {
    if (RegionCache.regionsByHost.size >= REGIONS_BY_HOST_LIMIT && !RegionCache.regionsByHost.has(url.hostname)) {
      const oldest = RegionCache.regionsByHost.keys().next();
      if (!oldest.done) RegionCache.regionsByHost.delete(oldest.value);
    }
    RegionCache.regionsByHost.set(url.hostname, regions);
  }
  known(): Regions | undefined {
    return RegionCache.regionsByHost.get(this.serverUrl.hostname);
  }
  update(regions: Regions): void {
    RegionCache.updateCached(this.serverUrl, regions);
  }
}
export function connect(url: string, bus: EventEmitter): RegionCache {
  const cache = new RegionCache(url);
  bus.on('regions', (regions: Regions) => cache.update(regions));
  return cache;
}
export function serve(server: EventEmitter, bus: EventEmitter): void {
  server.on('request', (req: { url: string }) => connect(req.url, bus));
}
`,
            },
          ],
        },
      ],
    },
    // The memo is emptied by a destructuring assignment: that is a write too.
    {
      code: `interface UnloadHook {
  afterUnload(): Promise<void>;
}
export class Host {
  private readonly hooks: UnloadHook[] = [];
  private closing: Promise<void> | undefined;
  constructor(private readonly count: () => number) {}
  shutdown(): Promise<void> {
    this.closing ??= this.runShutdown();
    return this.closing;
  }
  reopen(): void {
    [this.closing] = [undefined];
  }
  private async runShutdown(): Promise<void> {
    await new Promise<void>((resolve) => {
      this.hooks.push({ afterUnload: async () => resolve() });
      if (this.count() === 0) resolve();
    });
  }
}
`,
      options: [{ checkObjects: true, checkArrays: true, checkClosures: true, checkUntraced: true }],
      errors: [
        {
          messageId: 'arrayNeverShrinks',
          line: 5,
          column: 20,
          suggestions: [
            {
              messageId: 'capArraySuggestion',
              output: `interface UnloadHook {
  afterUnload(): Promise<void>;
}
const HOOKS_LIMIT = 1000;

export class Host {
  private readonly hooks: UnloadHook[] = [];
  private closing: Promise<void> | undefined;
  constructor(private readonly count: () => number) {}
  shutdown(): Promise<void> {
    this.closing ??= this.runShutdown();
    return this.closing;
  }
  reopen(): void {
    [this.closing] = [undefined];
  }
  private async runShutdown(): Promise<void> {
    await new Promise<void>((resolve) => {
      if (this.hooks.length >= HOOKS_LIMIT) this.hooks.shift();
      this.hooks.push({ afterUnload: async () => resolve() });
      if (this.count() === 0) resolve();
    });
  }
}
`,
            },
          ],
        },
      ],
    },
    // \`{}\` holds \`0\` and \`''\`, which \`||=\` takes for empty: the memo may run again.
    {
      code: `interface UnloadHook {
  afterUnload(): Promise<void>;
}
export class Host {
  private readonly hooks: UnloadHook[] = [];
  private closing: {} | undefined;
  constructor(private readonly count: () => number) {}
  shutdown(): Promise<void> {
    this.closing ||= this.runShutdown() as {};
    return Promise.resolve(this.closing).then(() => undefined);
  }
  private async runShutdown(): Promise<void> {
    await new Promise<void>((resolve) => {
      this.hooks.push({ afterUnload: async () => resolve() });
      if (this.count() === 0) resolve();
    });
  }
}
`,
      options: [{ checkObjects: true, checkArrays: true, checkClosures: true, checkUntraced: true }],
      errors: [
        {
          messageId: 'arrayNeverShrinks',
          line: 5,
          column: 20,
          suggestions: [
            {
              messageId: 'capArraySuggestion',
              output: `interface UnloadHook {
  afterUnload(): Promise<void>;
}
const HOOKS_LIMIT = 1000;

export class Host {
  private readonly hooks: UnloadHook[] = [];
  private closing: {} | undefined;
  constructor(private readonly count: () => number) {}
  shutdown(): Promise<void> {
    this.closing ||= this.runShutdown() as {};
    return Promise.resolve(this.closing).then(() => undefined);
  }
  private async runShutdown(): Promise<void> {
    await new Promise<void>((resolve) => {
      if (this.hooks.length >= HOOKS_LIMIT) this.hooks.shift();
      this.hooks.push({ afterUnload: async () => resolve() });
      if (this.count() === 0) resolve();
    });
  }
}
`,
            },
          ],
        },
      ],
    },
    // The memo is emptied elsewhere (\`reopen\`): \`runShutdown\` can run again, and push again.
    {
      code: `
interface Hook {
  run(): Promise<void>;
}
export class Host {
  private readonly hooks: Hook[] = [];
  private closing: Promise<void> | undefined;
  constructor(private readonly pending: () => number) {}
  shutdown(): Promise<void> {
    this.closing ??= this.runShutdown();
    return this.closing;
  }
  reopen(): void {
    this.closing = undefined;
  }
  private async runShutdown(): Promise<void> {
    await new Promise<void>((resolve) => {
      this.hooks.push({ run: async () => resolve() });
      if (this.pending() === 0) resolve();
    });
  }
}
`,
      options: [{ checkObjects: true, checkArrays: true, checkClosures: true, checkUntraced: true }],
      errors: [
        {
          messageId: 'arrayNeverShrinks',
          line: 6,
          column: 20,
          data: {
            name: 'this.hooks',
            lifetime: 'an array field that lives as long as its Host',
            where: '`runShutdown()`',
            line: '18',
          },
          suggestions: [
            {
              messageId: 'capArraySuggestion',
              output: `
interface Hook {
  run(): Promise<void>;
}
const HOOKS_LIMIT = 1000;

export class Host {
  private readonly hooks: Hook[] = [];
  private closing: Promise<void> | undefined;
  constructor(private readonly pending: () => number) {}
  shutdown(): Promise<void> {
    this.closing ??= this.runShutdown();
    return this.closing;
  }
  reopen(): void {
    this.closing = undefined;
  }
  private async runShutdown(): Promise<void> {
    await new Promise<void>((resolve) => {
      if (this.hooks.length >= HOOKS_LIMIT) this.hooks.shift();
      this.hooks.push({ run: async () => resolve() });
      if (this.pending() === 0) resolve();
    });
  }
}
`,
            },
          ],
        },
      ],
    },
    // A memo that may stay empty (\`undefined\` when nothing is pending) runs again on the next call.
    {
      code: `interface UnloadHook {
  afterUnload(): Promise<void>;
}
export class Host {
  private readonly hooks: UnloadHook[] = [];
  private closing: Promise<void> | undefined;
  constructor(private readonly count: () => number) {}
  shutdown(): Promise<void> {
    this.closing ??= this.pending() > 0 ? this.runShutdown() : undefined;
    return this.closing ?? Promise.resolve();
  }
  private async runShutdown(): Promise<void> {
    await new Promise<void>((resolve) => {
      this.hooks.push({ afterUnload: async () => resolve() });
      if (this.count() === 0) resolve();
    });
  }
}
`,
      options: [{ checkObjects: true, checkArrays: true, checkClosures: true, checkUntraced: true }],
      errors: [
        {
          messageId: 'arrayNeverShrinks',
          line: 5,
          column: 20,
          suggestions: [
            {
              messageId: 'capArraySuggestion',
              output: `interface UnloadHook {
  afterUnload(): Promise<void>;
}
const HOOKS_LIMIT = 1000;

export class Host {
  private readonly hooks: UnloadHook[] = [];
  private closing: Promise<void> | undefined;
  constructor(private readonly count: () => number) {}
  shutdown(): Promise<void> {
    this.closing ??= this.pending() > 0 ? this.runShutdown() : undefined;
    return this.closing ?? Promise.resolve();
  }
  private async runShutdown(): Promise<void> {
    await new Promise<void>((resolve) => {
      if (this.hooks.length >= HOOKS_LIMIT) this.hooks.shift();
      this.hooks.push({ afterUnload: async () => resolve() });
      if (this.count() === 0) resolve();
    });
  }
}
`,
            },
          ],
        },
      ],
    },
    // The same callback handed to a method that calls it with a hook an event brings.
    {
      code: hookRunner(`  private withHook(hook: Hook, use: (hook: Hook) => HookContext): void {
    use(hook);
  }
  attach(bus: EventEmitter): void {
    bus.on('hook', (hook: Hook) => this.withHook(hook, (h) => this.contextFor(h)));
  }
`),
      errors: [
        {
          messageId: 'mapNeverShrinks',
          line: 10,
          column: 20,
          data: {
            name: 'this.contexts',
            lifetime: 'a Map field that lives as long as its HookRunner',
            where: '`contextFor()`',
            line: '16',
          },
          suggestions: [
            {
              messageId: 'capMapSuggestion',
              output: `
import { EventEmitter } from 'node:events';
export interface Hook {
  name: string;
}
class HookContext {
  constructor(readonly hook: Hook) {}
}
const CONTEXTS_LIMIT = 1000;

export class HookRunner {
  private readonly contexts = new Map<string, HookContext>();
  constructor(private readonly hooks: readonly Hook[]) {}
  private contextFor(hook: Hook): HookContext {
    let context = this.contexts.get(hook.name);
    if (!context) {
      context = new HookContext(hook);
      if (this.contexts.size >= CONTEXTS_LIMIT && !this.contexts.has(hook.name)) {
        const oldest = this.contexts.keys().next();
        if (!oldest.done) this.contexts.delete(oldest.value);
      }
      this.contexts.set(hook.name, context);
    }
    return context;
  }
  private each(phase: 'start' | 'stop', use: (hook: Hook) => HookContext): void {
    for (const hook of this.sortedFor(phase)) {
      if (use) use(hook);
    }
  }
  private sortedFor(phase: 'start' | 'stop'): readonly Hook[] {
    return phase === 'start' ? this.hooks : [...this.hooks].reverse();
  }
  start(): void {
    this.each('start', (hook) => this.contextFor(hook));
  }
  close(): void {
    this.each('stop', (hook) => this.contextFor(hook));
  }
  private withHook(hook: Hook, use: (hook: Hook) => HookContext): void {
    use(hook);
  }
  attach(bus: EventEmitter): void {
    bus.on('hook', (hook: Hook) => this.withHook(hook, (h) => this.contextFor(h)));
  }
}
`,
            },
          ],
        },
      ],
    },
    // A method that keeps the callback: who calls it, with what, is not known.
    {
      code: hookRunner(`  private readonly kept: ((hook: Hook) => HookContext)[] = [];
  private keep(use: (hook: Hook) => HookContext): void {
    this.kept.push(use);
  }
  watch(): void {
    this.keep((hook) => this.contextFor(hook));
  }
`),
      errors: [
        {
          messageId: 'mapNeverShrinks',
          line: 10,
          column: 20,
          data: {
            name: 'this.contexts',
            lifetime: 'a Map field that lives as long as its HookRunner',
            where: '`contextFor()`',
            line: '16',
          },
          suggestions: [
            {
              messageId: 'capMapSuggestion',
              output: `
import { EventEmitter } from 'node:events';
export interface Hook {
  name: string;
}
class HookContext {
  constructor(readonly hook: Hook) {}
}
const CONTEXTS_LIMIT = 1000;

export class HookRunner {
  private readonly contexts = new Map<string, HookContext>();
  constructor(private readonly hooks: readonly Hook[]) {}
  private contextFor(hook: Hook): HookContext {
    let context = this.contexts.get(hook.name);
    if (!context) {
      context = new HookContext(hook);
      if (this.contexts.size >= CONTEXTS_LIMIT && !this.contexts.has(hook.name)) {
        const oldest = this.contexts.keys().next();
        if (!oldest.done) this.contexts.delete(oldest.value);
      }
      this.contexts.set(hook.name, context);
    }
    return context;
  }
  private each(phase: 'start' | 'stop', use: (hook: Hook) => HookContext): void {
    for (const hook of this.sortedFor(phase)) {
      if (use) use(hook);
    }
  }
  private sortedFor(phase: 'start' | 'stop'): readonly Hook[] {
    return phase === 'start' ? this.hooks : [...this.hooks].reverse();
  }
  start(): void {
    this.each('start', (hook) => this.contextFor(hook));
  }
  close(): void {
    this.each('stop', (hook) => this.contextFor(hook));
  }
  private readonly kept: ((hook: Hook) => HookContext)[] = [];
  private keep(use: (hook: Hook) => HookContext): void {
    this.kept.push(use);
  }
  watch(): void {
    this.keep((hook) => this.contextFor(hook));
  }
}
`,
            },
          ],
        },
      ],
    },
    // Taking the next item off an entry's queue (`shift()`) or inserting with `splice(i, 0, x)`
    // consumes or fills the entry: the keys still only grow.
    {
      code: `
export class Buffers {
  private readonly byCall = new Map<string, number[]>();
  close(): void {}
  onEvent(callId: string, seq: number): void {
    if (!this.byCall.has(callId)) this.byCall.set(callId, []);
    const buffer = this.byCall.get(callId);
    buffer?.splice(0, 0, seq);
  }
  drain(callId: string): number | undefined {
    const buffer = this.byCall.get(callId);
    return buffer?.shift();
  }
}
`,
      options: [{ checkUntraced: true }],
      errors: [{ messageId: 'mapNeverShrinks', line: 3, column: 20 }],
    },
    // Deleted only on timeout; the answer clears the timer and leaves its entry behind.
    {
      code: `
const requests: Record<string, (result: string) => void> = {};
let count = 0;
export function request(send: (id: string) => void): Promise<string> {
  const id = String(++count);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      delete requests[id];
      reject(new Error('timeout'));
    }, 5000);
    requests[id] = (result) => {
      clearTimeout(timer);
      resolve(result);
    };
    send(id);
  });
}
`,
      options: [{ checkObjects: true }],
      errors: [{ messageId: 'objectNeverShrinks', line: 2, column: 7 }],
    },
    // A method named like a remover that only adds (the copy-paste bug) manages nothing; and a class
    // with no teardown method whose methods add and delete entries of another collection keeps
    // state across calls.
    {
      code: `
export class Room {
  private readonly users = new Set<string>();
  private readonly listeners = new Map<string, Set<string>>();
  join(id: string): void {
    this.users.add(id);
  }
  leave(id: string): void {
    this.users.delete(id);
  }
  addListener(name: string, socket: string): void {
    let set = this.listeners.get(name);
    if (!set) {
      set = new Set();
      this.listeners.set(name, set);
    }
    set.add(socket);
  }
  removeListener(name: string, socket: string): void {
    for (const key of this.listeners.keys()) if (key === name) this.users.add(socket);
  }
}
`,
      options: [{ checkUntraced: true }],
      errors: [
        {
          messageId: 'mapNeverShrinks',
          line: 4,
          column: 20,
          suggestions: [
            {
              messageId: 'capMapSuggestion',
              output: `
const LISTENERS_LIMIT = 1000;

export class Room {
  private readonly users = new Set<string>();
  private readonly listeners = new Map<string, Set<string>>();
  join(id: string): void {
    this.users.add(id);
  }
  leave(id: string): void {
    this.users.delete(id);
  }
  addListener(name: string, socket: string): void {
    let set = this.listeners.get(name);
    if (!set) {
      set = new Set();
      if (this.listeners.size >= LISTENERS_LIMIT && !this.listeners.has(name)) {
        const oldest = this.listeners.keys().next();
        if (!oldest.done) this.listeners.delete(oldest.value);
      }
      this.listeners.set(name, set);
    }
    set.add(socket);
  }
  removeListener(name: string, socket: string): void {
    for (const key of this.listeners.keys()) if (key === name) this.users.add(socket);
  }
}
`,
            },
          ],
        },
      ],
    },
    // A delete of an expired entry, followed on every path by a set of the same key, replaces the
    // entry: keys never asked for again stay.
    {
      code: `
const cache: Record<string, { at: number; value: string }> = {};
export async function get(args: string[], load: () => Promise<string>): Promise<string> {
  const key = JSON.stringify(args);
  const cached = cache[key];
  if (cached) {
    if (Date.now() - cached.at < 1000) return cached.value;
    delete cache[key];
  }
  const value = await load();
  cache[key] = { at: Date.now(), value };
  return value;
}
`,
      options: [{ checkObjects: true, checkUntraced: true }],
      errors: [{ messageId: 'objectNeverShrinks', line: 2, column: 7 }],
    },
    {
      code: `
const sessions = new Map<string, number>();
export function touch(id: string): void {
  if (sessions.has(id)) {
    sessions.delete(id);
  }
  sessions.set(id, Date.now());
}
`,
      options: [{ checkUntraced: true }],
      errors: [
        {
          messageId: 'mapNeverShrinks',
          line: 2,
          column: 7,
          suggestions: [
            {
              messageId: 'capSeenSuggestion',
              output: `
const SESSIONS_LIMIT = 1000;

const sessions = new Map<string, number>();
export function touch(id: string): void {
  if (sessions.has(id)) {
    sessions.delete(id);
  }
  if (sessions.size >= SESSIONS_LIMIT && !sessions.has(id)) {
    const oldest = sessions.keys().next();
    if (!oldest.done) sessions.delete(oldest.value);
  }
  sessions.set(id, Date.now());
}
`,
            },
          ],
        },
      ],
    },
    // A warn-once set the program shows growing per event (a registered listener keyed by the
    // message): still reported.
    {
      code: `
import { EventEmitter } from 'node:events';
export const bus = new EventEmitter();
const warned = new Set<string>();
bus.on('message', (id: string) => {
  if (warned.has(id)) return;
  warned.add(id);
  console.warn(\`unknown sender \${id}\`);
});
`,
      errors: [
        {
          messageId: 'mapNeverShrinks',
          line: 4,
          column: 7,
          suggestions: [
            {
              messageId: 'capSeenSuggestion',
              output: `
import { EventEmitter } from 'node:events';
export const bus = new EventEmitter();
const WARNED_LIMIT = 1000;

const warned = new Set<string>();
bus.on('message', (id: string) => {
  if (warned.has(id)) return;
  if (warned.size >= WARNED_LIMIT && !warned.has(id)) {
    const oldest = warned.keys().next();
    if (!oldest.done) warned.delete(oldest.value);
  }
  warned.add(id);
  console.warn(\`unknown sender \${id}\`);
});
`,
            },
          ],
        },
      ],
    },
    // The same shape with no diagnostic printed is a dedupe set of work: reported with checkUntraced.
    {
      code: `
declare function handle(id: string): void;
const done = new Set<string>();
export function once(id: string): void {
  if (done.has(id)) return;
  done.add(id);
  handle(id);
}
`,
      options: [{ checkUntraced: true }],
      errors: [
        {
          messageId: 'mapNeverShrinks',
          line: 3,
          column: 7,
          suggestions: [
            {
              messageId: 'capSeenSuggestion',
              output: `
declare function handle(id: string): void;
const DONE_LIMIT = 1000;

const done = new Set<string>();
export function once(id: string): void {
  if (done.has(id)) return;
  if (done.size >= DONE_LIMIT && !done.has(id)) {
    const oldest = done.keys().next();
    if (!oldest.done) done.delete(oldest.value);
  }
  done.add(id);
  handle(id);
}
`,
            },
          ],
        },
      ],
    },
    // The same factory, but its value is kept at module scope: the cache lives with the module.
    {
      code: perRequestLoaders(`const loaders = createLoaders({ loadUser: async (id) => id });
export function handle(id: string): Promise<string> {
  return loaders.user(id);
}
`),
      options: [{ checkClosures: true, checkUntraced: true }],
      errors: [
        {
          messageId: 'mapNeverShrinks',
          line: 6,
          column: 9,
          suggestions: [
            {
              messageId: 'capMapSuggestion',
              output: `
const USERS_LIMIT = 1000;

export interface Database {
  loadUser(id: string): Promise<string>;
}
function createLoaders(db: Database) {
  const users = new Map<string, Promise<string>>();
  return {
    user(id: string): Promise<string> {
      let pending = users.get(id);
      if (!pending) {
        pending = db.loadUser(id);
        if (users.size >= USERS_LIMIT && !users.has(id)) {
          const oldest = users.keys().next();
          if (!oldest.done) users.delete(oldest.value);
        }
        users.set(id, pending);
      }
      return pending;
    },
  };
}
const loaders = createLoaders({ loadUser: async (id) => id });
export function handle(id: string): Promise<string> {
  return loaders.user(id);
}
`,
            },
          ],
        },
      ],
    },
    // The handler hands the value on (returns it): whoever keeps it keeps the cache.
    {
      code: perRequestLoaders(`export function handle(db: Database, id: string) {
  const loaders = createLoaders(db);
  void loaders.user(id);
  return loaders;
}
`),
      options: [{ checkClosures: true, checkUntraced: true }],
      errors: [
        {
          messageId: 'mapNeverShrinks',
          line: 6,
          column: 9,
          suggestions: [
            {
              messageId: 'capMapSuggestion',
              output: `
const USERS_LIMIT = 1000;

export interface Database {
  loadUser(id: string): Promise<string>;
}
function createLoaders(db: Database) {
  const users = new Map<string, Promise<string>>();
  return {
    user(id: string): Promise<string> {
      let pending = users.get(id);
      if (!pending) {
        pending = db.loadUser(id);
        if (users.size >= USERS_LIMIT && !users.has(id)) {
          const oldest = users.keys().next();
          if (!oldest.done) users.delete(oldest.value);
        }
        users.set(id, pending);
      }
      return pending;
    },
  };
}
export function handle(db: Database, id: string) {
  const loaders = createLoaders(db);
  void loaders.user(id);
  return loaders;
}
`,
            },
          ],
        },
      ],
    },
    // The same memo over any string a caller passes.
    {
      code: `
const compiled = new Map<string, RegExp>();
export function matcher(topics: string | string[]): RegExp {
  const list = Array.isArray(topics) ? topics : [topics];
  const key = list.join(',');
  let found = compiled.get(key);
  if (!found) {
    found = new RegExp(list.join('|'));
    compiled.set(key, found);
  }
  return found;
}
`,
      options: [{ checkUntraced: true }],
      errors: [
        {
          messageId: 'mapNeverShrinks',
          line: 2,
          column: 7,
          suggestions: [
            {
              messageId: 'capMapSuggestion',
              output: `
const COMPILED_LIMIT = 1000;

const compiled = new Map<string, RegExp>();
export function matcher(topics: string | string[]): RegExp {
  const list = Array.isArray(topics) ? topics : [topics];
  const key = list.join(',');
  let found = compiled.get(key);
  if (!found) {
    found = new RegExp(list.join('|'));
    if (compiled.size >= COMPILED_LIMIT && !compiled.has(key)) {
      const oldest = compiled.keys().next();
      if (!oldest.done) compiled.delete(oldest.value);
    }
    compiled.set(key, found);
  }
  return found;
}
`,
            },
          ],
        },
      ],
    },
    // A remover that writes a value back under the key keeps the key: not a removal.
    {
      code: `
const held = new Map<string, boolean>();
export function acquire(key: string): void {
  held.set(key, true);
}
export function release(key: string): void {
  held.set(key, false);
}
`,
      options: [{ checkUntraced: true }],
      errors: [
        {
          messageId: 'mapNeverShrinks',
          line: 2,
          column: 7,
          suggestions: [
            {
              messageId: 'capMapSuggestion',
              output: `
const HELD_LIMIT = 1000;

const held = new Map<string, boolean>();
export function acquire(key: string): void {
  if (held.size >= HELD_LIMIT && !held.has(key)) {
    const oldest = held.keys().next();
    if (!oldest.done) held.delete(oldest.value);
  }
  held.set(key, true);
}
export function release(key: string): void {
  if (held.size >= HELD_LIMIT && !held.has(key)) {
    const oldest = held.keys().next();
    if (!oldest.done) held.delete(oldest.value);
  }
  held.set(key, false);
}
`,
            },
          ],
        },
      ],
    },
    // A \`delete\` in a comment of a remover is not a removal.
    {
      code: `
const held = new Map<string, boolean>();
export function acquire(key: string): void {
  held.set(key, true);
}
export function release(key: string): void {
  // delete the key once every holder is done (not yet)
  held.set(key, false);
}
`,
      options: [{ checkUntraced: true }],
      errors: [
        {
          messageId: 'mapNeverShrinks',
          line: 2,
          column: 7,
          suggestions: [
            {
              messageId: 'capMapSuggestion',
              output: `
const HELD_LIMIT = 1000;

const held = new Map<string, boolean>();
export function acquire(key: string): void {
  if (held.size >= HELD_LIMIT && !held.has(key)) {
    const oldest = held.keys().next();
    if (!oldest.done) held.delete(oldest.value);
  }
  held.set(key, true);
}
export function release(key: string): void {
  // delete the key once every holder is done (not yet)
  if (held.size >= HELD_LIMIT && !held.has(key)) {
    const oldest = held.keys().next();
    if (!oldest.done) held.delete(oldest.value);
  }
  held.set(key, false);
}
`,
            },
          ],
        },
      ],
    },
    // `Object.keys(listeners)` reads the dictionary; assigning undefined keeps the key.
    {
      code: `
const listeners: Record<number, (() => void) | undefined> = {};
let next = 0;
export function subscribe(fn: () => void): number {
  const id = next++;
  listeners[id] = fn;
  return id;
}
export function unsubscribe(id: number): void {
  listeners[id] = undefined;
}
export function count(): number {
  return Object.keys(listeners).length;
}
`,
      options: [{ checkObjects: true }],
      errors: [
        {
          messageId: 'objectNeverShrinks',
          line: 2,
          column: 7,
          suggestions: [
            {
              messageId: 'deleteKeySuggestion',
              output: `
const listeners: Record<number, (() => void) | undefined> = {};
let next = 0;
export function subscribe(fn: () => void): number {
  const id = next++;
  listeners[id] = fn;
  return id;
}
export function unsubscribe(id: number): void {
  delete listeners[id];
}
export function count(): number {
  return Object.keys(listeners).length;
}
`,
            },
          ],
        },
      ],
    },
    // The same memo, and an exported function passes its caller's argument: with checkUntraced,
    // callers the program does not show count as outside data.
    {
      code: `${zoneMemo}export function validate(zone: string): boolean {
  return isValidZone(zone);
}
`,
      options: [{ checkUntraced: true }],
      errors: [
        {
          messageId: 'mapNeverShrinks',
          line: 2,
          column: 7,
          suggestions: [
            {
              messageId: 'capMapSuggestion',
              output: `
const ZONES_LIMIT = 1000;

const zones = new Map<string, boolean>();
function isValidZone(zone: string): boolean {
  let valid = zones.get(zone);
  if (valid === undefined) {
    valid = zone.length > 0;
    if (zones.size >= ZONES_LIMIT && !zones.has(zone)) {
      const oldest = zones.keys().next();
      if (!oldest.done) zones.delete(oldest.value);
    }
    zones.set(zone, valid);
  }
  return valid;
}
export class Database {
  constructor(private readonly options: { timezone: string }) {}
  check(): boolean {
    return isValidZone(this.options.timezone);
  }
}
export function validate(zone: string): boolean {
  return isValidZone(zone);
}
`,
            },
          ],
        },
      ],
    },
    // With checkUntraced, the memo fed only set-up state is reported too.
    {
      code: zoneMemo,
      options: [{ checkUntraced: true }],
      errors: [
        {
          messageId: 'mapNeverShrinks',
          line: 2,
          column: 7,
          suggestions: [
            {
              messageId: 'capMapSuggestion',
              output: `
const ZONES_LIMIT = 1000;

const zones = new Map<string, boolean>();
function isValidZone(zone: string): boolean {
  let valid = zones.get(zone);
  if (valid === undefined) {
    valid = zone.length > 0;
    if (zones.size >= ZONES_LIMIT && !zones.has(zone)) {
      const oldest = zones.keys().next();
      if (!oldest.done) zones.delete(oldest.value);
    }
    zones.set(zone, valid);
  }
  return valid;
}
export class Database {
  constructor(private readonly options: { timezone: string }) {}
  check(): boolean {
    return isValidZone(this.options.timezone);
  }
}
`,
            },
          ],
        },
      ],
    },
    // A built-in's request handler runs per request (not a completion callback that runs once).
    {
      code: `
import http from 'node:http';
const hits = new Map<string, number>();
function start(port: number): void {
  http.createServer((req, res) => {
    hits.set(req.url ?? '', 1);
    res.end();
  }).listen(port);
}
start(8080);
`,
      errors: [{ messageId: 'mapNeverShrinks', line: 3, column: 7, suggestions: [] }],
    },
    // The key is made from two parameters; the second is fed from an exported function.
    {
      code: `
const memo = new Map<string, number>();
function remember(prefix: string, id: string): void {
  memo.set(\`\${prefix}:\${id}\`, 1);
}
function route(name: string, id: string): void {
  remember(name, name);
  remember('users', id);
}
export function api(id: string): void {
  route('fixed', id);
}
`,
      options: [{ checkUntraced: true }],
      errors: [{ messageId: 'mapNeverShrinks', line: 2, column: 7, suggestions: [] }],
    },
    // Called, through a method, from a registered listener: per event.
    {
      code: `
import { EventEmitter } from 'node:events';
const bus = new EventEmitter();
const seen = new Set<string>();
function remember(id: string): void {
  seen.add(id);
}
class Handler {
  handle(msg: { id: string }): void {
    remember(msg.id);
  }
}
const handler = new Handler();
bus.on('message', (msg: { id: string }) => handler.handle(msg));
`,
      errors: [
        {
          messageId: 'mapNeverShrinks',
          line: 4,
          column: 7,
          suggestions: [
            {
              messageId: 'capSeenSuggestion',
              output: `
import { EventEmitter } from 'node:events';
const bus = new EventEmitter();
const SEEN_LIMIT = 1000;

const seen = new Set<string>();
function remember(id: string): void {
  if (seen.size >= SEEN_LIMIT && !seen.has(id)) {
    const oldest = seen.keys().next();
    if (!oldest.done) seen.delete(oldest.value);
  }
  seen.add(id);
}
class Handler {
  handle(msg: { id: string }): void {
    remember(msg.id);
  }
}
const handler = new Handler();
bus.on('message', (msg: { id: string }) => handler.handle(msg));
`,
            },
          ],
        },
      ],
    },
    // A key new on every call grows whoever the caller is.
    {
      code: `
const pending = new Map<number, string>();
let nextId = 0;
function send(method: string): void {
  pending.set(nextId++, method);
}
export function ping(): void {
  send('ping');
}
`,
      errors: [{ messageId: 'mapNeverShrinks', line: 2, column: 7, suggestions: [] }],
    },
    // A flag local to the call is fresh on every call: it guards nothing across calls.
    {
      code: `
const seen = new Set<string>();
export function record(ids: string[]): void {
  let first = false;
  for (const id of ids) {
    if (!first) {
      seen.add(id);
      first = true;
    }
  }
}
`,
      options: [{ checkUntraced: true }],
      errors: [
        {
          messageId: 'mapNeverShrinks',
          line: 2,
          column: 7,
          suggestions: [
            {
              messageId: 'capSeenSuggestion',
              output: `
const SEEN_LIMIT = 1000;

const seen = new Set<string>();
export function record(ids: string[]): void {
  let first = false;
  for (const id of ids) {
    if (!first) {
      if (seen.size >= SEEN_LIMIT && !seen.has(id)) {
        const oldest = seen.keys().next();
        if (!oldest.done) seen.delete(oldest.value);
      }
      seen.add(id);
      first = true;
    }
  }
}
`,
            },
          ],
        },
      ],
    },
    // The same, with the flag cleared elsewhere: every reload fills it again, and nothing removes.
    {
      code: `
declare function loadProviders(): Record<string, string>;
export class ProviderClient {
  private readonly addresses = new Map<string, string>();
  private populated = false;
  lookup(name: string): string | undefined {
    if (!this.populated) {
      for (const [key, value] of Object.entries(loadProviders())) this.addresses.set(key, value);
      this.populated = true;
    }
    return this.addresses.get(name);
  }
  reload(): void {
    this.populated = false;
  }
  close(): void {}
}
`,
      options: [{ checkUntraced: true }],
      errors: [
        {
          messageId: 'mapNeverShrinks',
          line: 4,
          column: 20,
          data: {
            name: 'this.addresses',
            lifetime: 'a Map field that lives as long as its ProviderClient',
            where: '`lookup()`',
            line: '8',
          },
        },
      ],
    },
    // Created lazily, but also filled outside that block: every call can add.
    {
      code: `
let seen: Map<string, number> | null = null;
export function remember(id: string): number {
  if (seen == null) {
    seen = new Map();
  }
  seen.set(id, Date.now());
  return seen.size;
}
`,
      options: [{ checkUntraced: true }],
      errors: [
        {
          messageId: 'mapNeverShrinks',
          line: 2,
          column: 5,
          data: { name: 'seen', lifetime: 'a module-level Map', where: '`remember()`', line: '7' },
          suggestions: [
            {
              messageId: 'capMapSuggestion',
              output: `
const SEEN_LIMIT = 1000;

let seen: Map<string, number> | null = null;
export function remember(id: string): number {
  if (seen == null) {
    seen = new Map();
  }
  if (seen.size >= SEEN_LIMIT && !seen.has(id)) {
    const oldest = seen.keys().next();
    if (!oldest.done) seen.delete(oldest.value);
  }
  seen.set(id, Date.now());
  return seen.size;
}
`,
            },
          ],
        },
      ],
    },
    // The factory runs only at module scope: its closure lives as long as the module.
    {
      code: `
function memoize(fn: (key: string) => number): (key: string) => number {
  const memo = new Map<string, number>();
  return (key) => {
    const hit = memo.get(key);
    if (hit !== undefined) return hit;
    const value = fn(key);
    memo.set(key, value);
    return value;
  };
}
export const slugLength = memoize((key) => key.trim().length);
`,
      options: [{ checkUntraced: true }],
      errors: [
        {
          messageId: 'mapNeverShrinks',
          line: 3,
          column: 9,
          data: {
            name: 'memo',
            lifetime: 'a Map kept by a closure that outlives `memoize()`',
            where: 'the function on line 4',
            line: '8',
          },
          suggestions: [
            {
              messageId: 'capMapSuggestion',
              output: `
const MEMO_LIMIT = 1000;

function memoize(fn: (key: string) => number): (key: string) => number {
  const memo = new Map<string, number>();
  return (key) => {
    const hit = memo.get(key);
    if (hit !== undefined) return hit;
    const value = fn(key);
    if (memo.size >= MEMO_LIMIT && !memo.has(key)) {
      const oldest = memo.keys().next();
      if (!oldest.done) memo.delete(oldest.value);
    }
    memo.set(key, value);
    return value;
  };
}
export const slugLength = memoize((key) => key.trim().length);
`,
            },
          ],
        },
      ],
    },
    // The same method, also called per request: it grows on every call.
    {
      code: `
export class RouteService {
  private readonly routes = new Map<string, number>();
  constructor(paths: string[]) {
    this.index(paths);
  }
  private index(paths: string[]): void {
    paths.forEach((path, i) => this.routes.set(path, i));
  }
  learn(path: string): void {
    this.index([path]);
  }
}
`,
      options: [{ checkUntraced: true }],
      errors: [
        {
          messageId: 'mapNeverShrinks',
          line: 3,
          column: 20,
          data: {
            name: 'this.routes',
            lifetime: 'a Map field that lives as long as its RouteService',
            where: '`index()`',
            line: '8',
          },
        },
      ],
    },
    // Called at module scope and from an exported function: not only at start-up.
    {
      code: `
const knownHosts = new Set<string>();
function trust(hosts: readonly string[]): void {
  for (const host of hosts) knownHosts.add(host);
}
trust(process.argv.slice(2));
export function learn(host: string): void {
  trust([host]);
}
`,
      options: [{ checkUntraced: true }],
      errors: [
        {
          messageId: 'mapNeverShrinks',
          line: 2,
          column: 7,
          data: { name: 'knownHosts', lifetime: 'a module-level Set', where: '`trust()`', line: '4' },
        },
      ],
    },
    // Seed 000: a module-level dedupe table.
    {
      code: `
const seen = new Set<string>();
export function handle(id: string): boolean {
  if (seen.has(id)) return false;
  seen.add(id);
  return true;
}
`,
      options: [{ checkUntraced: true }],
      errors: [
        {
          messageId: 'mapNeverShrinks',
          line: 2,
          column: 7,
          data: { name: 'seen', lifetime: 'a module-level Set', where: '`handle()`', line: '5' },
          suggestions: [
            {
              messageId: 'capSeenSuggestion',
              output: `
const SEEN_LIMIT = 1000;

const seen = new Set<string>();
export function handle(id: string): boolean {
  if (seen.has(id)) return false;
  if (seen.size >= SEEN_LIMIT && !seen.has(id)) {
    const oldest = seen.keys().next();
    if (!oldest.done) seen.delete(oldest.value);
  }
  seen.add(id);
  return true;
}
`,
            },
          ],
        },
      ],
    },
    // Seed 002: a cache field of a long-lived service, grown through an alias.
    {
      code: `
export class WorkService {
  private readonly results = new Map<string, Promise<string>>();
  run(requestId: string, work: () => Promise<string>): Promise<string> {
    const results = this.results;
    const existing = results.get(requestId);
    if (existing) return existing;
    const pending = work();
    results.set(requestId, pending);
    return pending;
  }
}
`,
      options: [{ checkUntraced: true }],
      errors: [
        {
          messageId: 'mapNeverShrinks',
          line: 3,
          column: 20,
          data: {
            name: 'this.results',
            lifetime: 'a Map field that lives as long as its WorkService',
            where: '`run()`',
            line: '9',
          },
          suggestions: [
            {
              messageId: 'capMapSuggestion',
              output: `
const RESULTS_LIMIT = 1000;

export class WorkService {
  private readonly results = new Map<string, Promise<string>>();
  run(requestId: string, work: () => Promise<string>): Promise<string> {
    const results = this.results;
    const existing = results.get(requestId);
    if (existing) return existing;
    const pending = work();
    if (results.size >= RESULTS_LIMIT && !results.has(requestId)) {
      const oldest = results.keys().next();
      if (!oldest.done) results.delete(oldest.value);
    }
    results.set(requestId, pending);
    return pending;
  }
}
`,
            },
          ],
        },
      ],
    },
    // Seed 002 again, grown through a destructured alias of the field.
    {
      code: `
export class WorkService {
  private readonly results = new Map<string, Promise<string>>();
  run(requestId: string, work: () => Promise<string>): Promise<string> {
    const { results } = this;
    const existing = results.get(requestId);
    if (existing) return existing;
    const pending = work();
    results.set(requestId, pending);
    return pending;
  }
}
`,
      options: [{ checkUntraced: true }],
      errors: [
        {
          messageId: 'mapNeverShrinks',
          line: 3,
          column: 20,
          data: {
            name: 'this.results',
            lifetime: 'a Map field that lives as long as its WorkService',
            where: '`run()`',
            line: '9',
          },
          suggestions: [
            {
              messageId: 'capMapSuggestion',
              output: `
const RESULTS_LIMIT = 1000;

export class WorkService {
  private readonly results = new Map<string, Promise<string>>();
  run(requestId: string, work: () => Promise<string>): Promise<string> {
    const { results } = this;
    const existing = results.get(requestId);
    if (existing) return existing;
    const pending = work();
    if (results.size >= RESULTS_LIMIT && !results.has(requestId)) {
      const oldest = results.keys().next();
      if (!oldest.done) results.delete(oldest.value);
    }
    results.set(requestId, pending);
    return pending;
  }
}
`,
            },
          ],
        },
      ],
    },
    // Object keys and no iteration: a WeakMap suggestion.
    {
      code: `
interface Socket { id: string }
export class PresenceTracker {
  private lastSeen: Map<Socket, number> = new Map();
  touch(socket: Socket): void {
    this.lastSeen.set(socket, Date.now());
  }
  age(socket: Socket): number {
    return Date.now() - (this.lastSeen.get(socket) ?? 0);
  }
}
`,
      options: [{ checkUntraced: true }],
      errors: [
        {
          messageId: 'mapNeverShrinks',
          line: 4,
          column: 11,
          suggestions: [
            {
              messageId: 'useWeakCollectionSuggestion',
              data: { name: 'this.lastSeen', weak: 'WeakMap' },
              output: `
interface Socket { id: string }
export class PresenceTracker {
  private lastSeen: WeakMap<Socket, number> = new WeakMap();
  touch(socket: Socket): void {
    this.lastSeen.set(socket, Date.now());
  }
  age(socket: Socket): number {
    return Date.now() - (this.lastSeen.get(socket) ?? 0);
  }
}
`,
            },
          ],
        },
      ],
    },
    // A module Set of objects: WeakSet suggestion.
    {
      code: `
interface Conn { close(): void }
const known = new Set<Conn>();
export function onConnect(conn: Conn): boolean {
  const first = !known.has(conn);
  known.add(conn);
  return first;
}
`,
      options: [{ checkUntraced: true }],
      errors: [
        {
          messageId: 'mapNeverShrinks',
          line: 3,
          column: 7,
          suggestions: [
            {
              messageId: 'useWeakCollectionSuggestion',
              data: { name: 'known', weak: 'WeakSet' },
              output: `
interface Conn { close(): void }
const known = new WeakSet<Conn>();
export function onConnect(conn: Conn): boolean {
  const first = !known.has(conn);
  known.add(conn);
  return first;
}
`,
            },
          ],
        },
      ],
    },
    // Iterated: no WeakMap suggestion.
    {
      code: `
interface Job { id: string }
const running = new Set<Job>();
export function start(job: Job): void {
  running.add(job);
}
export function report(): number {
  return running.size;
}
`,
      options: [{ checkUntraced: true }],
      errors: [
        {
          messageId: 'mapNeverShrinks',
          line: 3,
          column: 7,
          suggestions: [
            {
              messageId: 'capSeenSuggestion',
              output: `
interface Job { id: string }
const RUNNING_LIMIT = 1000;

const running = new Set<Job>();
export function start(job: Job): void {
  if (running.size >= RUNNING_LIMIT && !running.has(job)) {
    const oldest = running.keys().next();
    if (!oldest.done) running.delete(oldest.value);
  }
  running.add(job);
}
export function report(): number {
  return running.size;
}
`,
            },
          ],
        },
      ],
    },
    // Regression (check:real, @sveltejs/kit): a JSDoc `@type {Set<…>}` pins the strong type in
    // JavaScript; `new WeakSet()` would not fit it, so no WeakSet suggestion.
    {
      code: `
/** @type {Set<Promise<unknown>>} */
const allowed = new Set();
/** @param {Promise<unknown>} promise */
export function allow(promise) {
  allowed.add(promise);
}
`,
      filename: 'script.js',
      options: [{ checkUntraced: true }],
      errors: [
        {
          messageId: 'mapNeverShrinks',
          line: 3,
          column: 7,
          suggestions: [
            {
              messageId: 'capSeenSuggestion',
              output: `
const ALLOWED_LIMIT = 1000;

/** @type {Set<Promise<unknown>>} */
const allowed = new Set();
/** @param {Promise<unknown>} promise */
export function allow(promise) {
  if (allowed.size >= ALLOWED_LIMIT && !allowed.has(promise)) {
    const oldest = allowed.keys().next();
    if (!oldest.done) allowed.delete(oldest.value);
  }
  allowed.add(promise);
}
`,
            },
          ],
        },
      ],
    },
    // The same with a JSDoc cast on the initializer.
    {
      code: `
const allowed = /** @type {Set<Promise<unknown>>} */ (new Set());
/** @param {Promise<unknown>} promise */
export function allow(promise) {
  allowed.add(promise);
}
`,
      filename: 'script.js',
      options: [{ checkUntraced: true }],
      errors: [
        {
          messageId: 'mapNeverShrinks',
          line: 2,
          column: 7,
          suggestions: [
            {
              messageId: 'capSeenSuggestion',
              output: `
const ALLOWED_LIMIT = 1000;

const allowed = /** @type {Set<Promise<unknown>>} */ (new Set());
/** @param {Promise<unknown>} promise */
export function allow(promise) {
  if (allowed.size >= ALLOWED_LIMIT && !allowed.has(promise)) {
    const oldest = allowed.keys().next();
    if (!oldest.done) allowed.delete(oldest.value);
  }
  allowed.add(promise);
}
`,
            },
          ],
        },
      ],
    },
    // A public field of an exported class is still owned by the class.
    {
      code: `
export class ClusterSlots {
  seqIdsSeen = new Set<number>();
  onMigrated = (event: { seqId: number }): void => {
    if (this.seqIdsSeen.has(event.seqId)) return;
    this.seqIdsSeen.add(event.seqId);
  };
  close(): void {}
}
`,
      options: [{ checkUntraced: true }],
      errors: [
        {
          messageId: 'mapNeverShrinks',
          line: 3,
          column: 3,
          data: {
            name: 'this.seqIdsSeen',
            lifetime: 'a Set field that lives as long as its ClusterSlots',
            where: '`onMigrated()`',
            line: '6',
          },
          suggestions: [
            {
              messageId: 'capSeenSuggestion',
              output: `
const SEQ_IDS_SEEN_LIMIT = 1000;

export class ClusterSlots {
  seqIdsSeen = new Set<number>();
  onMigrated = (event: { seqId: number }): void => {
    if (this.seqIdsSeen.has(event.seqId)) return;
    if (this.seqIdsSeen.size >= SEQ_IDS_SEEN_LIMIT && !this.seqIdsSeen.has(event.seqId)) {
      const oldest = this.seqIdsSeen.keys().next();
      if (!oldest.done) this.seqIdsSeen.delete(oldest.value);
    }
    this.seqIdsSeen.add(event.seqId);
  };
  close(): void {}
}
`,
            },
          ],
        },
      ],
    },
    // A static field grown on every construction.
    {
      code: `
export class Connection {
  static #all = new Set<string>();
  constructor(readonly id: string) {
    Connection.#all.add(id);
  }
}
`,
      options: [{ checkUntraced: true }],
      errors: [
        {
          messageId: 'mapNeverShrinks',
          line: 3,
          column: 10,
          data: {
            name: 'Connection.#all',
            lifetime: 'a static Set of Connection',
            where: '`constructor()`',
            line: '5',
          },
          suggestions: [
            {
              messageId: 'capSeenSuggestion',
              output: `
const ALL_LIMIT = 1000;

export class Connection {
  static #all = new Set<string>();
  constructor(readonly id: string) {
    if (Connection.#all.size >= ALL_LIMIT && !Connection.#all.has(id)) {
      const oldest = Connection.#all.keys().next();
      if (!oldest.done) Connection.#all.delete(oldest.value);
    }
    Connection.#all.add(id);
  }
}
`,
            },
          ],
        },
      ],
    },
    // A closure that outlives the factory call (a memoizer).
    {
      code: `
export function memoize(fn: (key: string) => number): (key: string) => number {
  const memo = new Map<string, number>();
  return (key) => {
    const hit = memo.get(key);
    if (hit !== undefined) return hit;
    const value = fn(key);
    memo.set(key, value);
    return value;
  };
}
`,
      options: [{ checkUntraced: true, checkClosures: true }],
      errors: [
        {
          messageId: 'mapNeverShrinks',
          line: 3,
          column: 9,
          data: {
            name: 'memo',
            lifetime: 'a Map kept by a closure that outlives `memoize()`',
            where: 'the function on line 4',
            line: '8',
          },
          suggestions: [
            {
              messageId: 'capMapSuggestion',
              output: `
const MEMO_LIMIT = 1000;

export function memoize(fn: (key: string) => number): (key: string) => number {
  const memo = new Map<string, number>();
  return (key) => {
    const hit = memo.get(key);
    if (hit !== undefined) return hit;
    const value = fn(key);
    if (memo.size >= MEMO_LIMIT && !memo.has(key)) {
      const oldest = memo.keys().next();
      if (!oldest.done) memo.delete(oldest.value);
    }
    memo.set(key, value);
    return value;
  };
}
`,
            },
          ],
        },
      ],
    },
    // A listener registered on a process-wide target keeps the closure alive.
    {
      code: `
export function track(): void {
  const warnings = new Set<string>();
  process.on('warning', (warning) => {
    warnings.add(warning.message);
  });
}
`,
      errors: [
        {
          messageId: 'mapNeverShrinks',
          line: 3,
          column: 9,
          suggestions: [
            {
              messageId: 'capSeenSuggestion',
              output: `
const WARNINGS_LIMIT = 1000;

export function track(): void {
  const warnings = new Set<string>();
  process.on('warning', (warning) => {
    if (warnings.size >= WARNINGS_LIMIT && !warnings.has(warning.message)) {
      const oldest = warnings.keys().next();
      if (!oldest.done) warnings.delete(oldest.value);
    }
    warnings.add(warning.message);
  });
}
`,
            },
          ],
        },
      ],
    },
    // Lazy set-up (??=) is not a reset; optional chaining still grows it.
    {
      code: `
let cache: Map<string, number> | undefined;
export function remember(key: string, value: number): void {
  cache ??= new Map();
  cache?.set(key, value);
}
`,
      options: [{ checkUntraced: true }],
      errors: [{ messageId: 'mapNeverShrinks', line: 2, column: 5 }],
    },
    // A field declared with a type only and assigned in the constructor.
    {
      code: `
export class RateLimiterService {
  private hits: Map<string, number>;
  constructor() {
    this.hits = new Map();
  }
  hit(ip: string): number {
    const count = (this.hits.get(ip) ?? 0) + 1;
    this.hits.set(ip, count);
    return count;
  }
}
`,
      options: [{ checkUntraced: true }],
      errors: [
        {
          messageId: 'mapNeverShrinks',
          line: 3,
          column: 11,
          suggestions: [
            {
              messageId: 'capMapSuggestion',
              output: `
const HITS_LIMIT = 1000;

export class RateLimiterService {
  private hits: Map<string, number>;
  constructor() {
    this.hits = new Map();
  }
  hit(ip: string): number {
    const count = (this.hits.get(ip) ?? 0) + 1;
    if (this.hits.size >= HITS_LIMIT && !this.hits.has(ip)) {
      const oldest = this.hits.keys().next();
      if (!oldest.done) this.hits.delete(oldest.value);
    }
    this.hits.set(ip, count);
    return count;
  }
}
`,
            },
          ],
        },
      ],
    },
    // A Map subclass that does not bound itself.
    {
      code: `
class DefaultMap<K, V> extends Map<K, V> {}
const cache = new DefaultMap<string, number>();
export function remember(key: string, value: number): void {
  cache.set(key, value);
}
`,
      options: [{ checkUntraced: true }],
      errors: [
        {
          messageId: 'mapNeverShrinks',
          line: 3,
          column: 7,
          suggestions: [
            {
              messageId: 'capMapSuggestion',
              output: `
class DefaultMap<K, V> extends Map<K, V> {}
const CACHE_LIMIT = 1000;

const cache = new DefaultMap<string, number>();
export function remember(key: string, value: number): void {
  if (cache.size >= CACHE_LIMIT && !cache.has(key)) {
    const oldest = cache.keys().next();
    if (!oldest.done) cache.delete(oldest.value);
  }
  cache.set(key, value);
}
`,
            },
          ],
        },
      ],
    },
    // A JavaScript-style field, typed by the value assigned in the constructor.
    {
      code: `
export class SessionService {
  constructor() {
    this.sessions = new Map();
  }
  /** @param {string} id */
  open(id) {
    this.sessions.set(id, Date.now());
  }
}
`,
      filename: 'script.js',
      options: [{ checkUntraced: true }],
      errors: [
        {
          messageId: 'mapNeverShrinks',
          line: 4,
          column: 5,
          suggestions: [
            {
              messageId: 'capMapSuggestion',
              output: `
const SESSIONS_LIMIT = 1000;

export class SessionService {
  constructor() {
    this.sessions = new Map();
  }
  /** @param {string} id */
  open(id) {
    if (this.sessions.size >= SESSIONS_LIMIT && !this.sessions.has(id)) {
      const oldest = this.sessions.keys().next();
      if (!oldest.done) this.sessions.delete(oldest.value);
    }
    this.sessions.set(id, Date.now());
  }
}
`,
            },
          ],
        },
      ],
    },
    // checkEscaped: exported and passed-on collections are reported too.
    {
      code: `
declare function inspect(map: Map<string, number>): void;
export const cache = new Map<string, number>();
export function remember(key: string, value: number): void {
  cache.set(key, value);
  inspect(cache);
}
`,
      options: [{ checkUntraced: true, checkEscaped: true }],
      errors: [
        {
          messageId: 'mapNeverShrinks',
          line: 3,
          column: 14,
          suggestions: [
            {
              messageId: 'capMapSuggestion',
              output: `
declare function inspect(map: Map<string, number>): void;
const CACHE_LIMIT = 1000;

export const cache = new Map<string, number>();
export function remember(key: string, value: number): void {
  if (cache.size >= CACHE_LIMIT && !cache.has(key)) {
    const oldest = cache.keys().next();
    if (!oldest.done) cache.delete(oldest.value);
  }
  cache.set(key, value);
  inspect(cache);
}
`,
            },
          ],
        },
      ],
    },
    // checkObjects: a dictionary with no delete.
    {
      code: `
const byId: Record<string, number> = {};
export function open(id: string): void {
  byId[id] = Date.now();
}
`,
      options: [{ checkUntraced: true, checkObjects: true }],
      errors: [
        {
          messageId: 'objectNeverShrinks',
          line: 2,
          column: 7,
          data: { name: 'byId', lifetime: 'a module-level object', where: '`open()`', line: '4' },
        },
      ],
    },
    // checkArrays: an array that only grows.
    {
      code: `
const log: string[] = [];
export function record(line: string): void {
  log.push(line);
}
`,
      options: [{ checkUntraced: true, checkArrays: true }],
      errors: [
        {
          messageId: 'arrayNeverShrinks',
          line: 2,
          column: 7,
          data: { name: 'log', lifetime: 'a module-level array', where: '`record()`', line: '4' },
          suggestions: [
            {
              messageId: 'capArraySuggestion',
              output: `
const LOG_LIMIT = 1000;

const log: string[] = [];
export function record(line: string): void {
  if (log.length >= LOG_LIMIT) log.shift();
  log.push(line);
}
`,
            },
          ],
        },
      ],
    },
    // A clear() that only tests run does not bound it.
    {
      code: `
const dedupeCache = new Map<string, number>();
export function handleCharge(key: string): boolean {
  if (dedupeCache.has(key)) return false;
  dedupeCache.set(key, Date.now());
  return true;
}
export function resetForTests(): void {
  dedupeCache.clear();
}
`,
      options: [{ checkUntraced: true }],
      errors: [
        {
          messageId: 'mapNeverShrinks',
          line: 2,
          column: 7,
          suggestions: [
            {
              messageId: 'capSeenSuggestion',
              output: `
const DEDUPE_CACHE_LIMIT = 1000;

const dedupeCache = new Map<string, number>();
export function handleCharge(key: string): boolean {
  if (dedupeCache.has(key)) return false;
  if (dedupeCache.size >= DEDUPE_CACHE_LIMIT && !dedupeCache.has(key)) {
    const oldest = dedupeCache.keys().next();
    if (!oldest.done) dedupeCache.delete(oldest.value);
  }
  dedupeCache.set(key, Date.now());
  return true;
}
export function resetForTests(): void {
  dedupeCache.clear();
}
`,
            },
          ],
        },
      ],
    },
    // Review regressions: a test hook's clear() does not bound a field either.
    {
      code: `
export class DedupeService {
  private readonly seen = new Set<string>();
  handle(id: string): void {
    this.seen.add(id);
  }
  resetForTests(): void {
    this.seen.clear();
  }
}
`,
      options: [{ checkUntraced: true }],
      errors: [
        {
          messageId: 'mapNeverShrinks',
          line: 3,
          column: 20,
          suggestions: [
            {
              messageId: 'capSeenSuggestion',
              output: `
const SEEN_LIMIT = 1000;

export class DedupeService {
  private readonly seen = new Set<string>();
  handle(id: string): void {
    if (this.seen.size >= SEEN_LIMIT && !this.seen.has(id)) {
      const oldest = this.seen.keys().next();
      if (!oldest.done) this.seen.delete(oldest.value);
    }
    this.seen.add(id);
  }
  resetForTests(): void {
    this.seen.clear();
  }
}
`,
            },
          ],
        },
      ],
    },
    // Growth in a callback that runs in place is named after its caller; the first unbounded site is named.
    {
      code: `
const seen = new Set<string>();
export function warm(): void {
  seen.add('boot');
}
export function handleAll(ids: string[]): void {
  ids.forEach((id) => seen.add(id));
}
`,
      options: [{ checkUntraced: true }],
      errors: [
        {
          messageId: 'mapNeverShrinks',
          line: 2,
          column: 7,
          data: { name: 'seen', lifetime: 'a module-level Set', where: '`handleAll()`', line: '7' },
        },
      ],
    },
    // A namespace lives as long as the module; patch… and …Prototypes are not configuration words.
    {
      code: `
export namespace Users {
  const byId = new Map<string, number>();
  export function patchUser(id: string): void {
    byId.set(id, Date.now());
  }
}
`,
      options: [{ checkUntraced: true }],
      errors: [
        {
          messageId: 'mapNeverShrinks',
          line: 3,
          column: 9,
          suggestions: [
            {
              messageId: 'capMapSuggestion',
              output: `
const BY_ID_LIMIT = 1000;

export namespace Users {
  const byId = new Map<string, number>();
  export function patchUser(id: string): void {
    if (byId.size >= BY_ID_LIMIT && !byId.has(id)) {
      const oldest = byId.keys().next();
      if (!oldest.done) byId.delete(oldest.value);
    }
    byId.set(id, Date.now());
  }
}
`,
            },
          ],
        },
      ],
    },
    {
      code: `
const seenPrototypes = new Set<string>();
export function visit(name: string): void {
  seenPrototypes.add(name);
}
`,
      options: [{ checkUntraced: true }],
      errors: [
        {
          messageId: 'mapNeverShrinks',
          line: 2,
          column: 7,
          suggestions: [
            {
              messageId: 'capSeenSuggestion',
              output: `
const SEEN_PROTOTYPES_LIMIT = 1000;

const seenPrototypes = new Set<string>();
export function visit(name: string): void {
  if (seenPrototypes.size >= SEEN_PROTOTYPES_LIMIT && !seenPrototypes.has(name)) {
    const oldest = seenPrototypes.keys().next();
    if (!oldest.done) seenPrototypes.delete(oldest.value);
  }
  seenPrototypes.add(name);
}
`,
            },
          ],
        },
      ],
    },
    // No WeakMap suggestion when the result would not type-check or would throw.
    {
      code: `
type UserId = string & { readonly brand: unique symbol };
const seen = new Set<UserId>();
export function handle(id: UserId): void {
  seen.add(id);
}
`,
      options: [{ checkUntraced: true }],
      errors: [
        {
          messageId: 'mapNeverShrinks',
          line: 3,
          column: 7,
          suggestions: [
            {
              messageId: 'capSeenSuggestion',
              output: `
type UserId = string & { readonly brand: unique symbol };
const SEEN_LIMIT = 1000;

const seen = new Set<UserId>();
export function handle(id: UserId): void {
  if (seen.size >= SEEN_LIMIT && !seen.has(id)) {
    const oldest = seen.keys().next();
    if (!oldest.done) seen.delete(oldest.value);
  }
  seen.add(id);
}
`,
            },
          ],
        },
      ],
    },
    {
      code: `
interface Conn { id: string }
const known = new Map<Conn, number>();
export function touch(conn: Conn): void {
  const k: Map<Conn, number> = known;
  k.set(conn, Date.now());
}
`,
      options: [{ checkUntraced: true }],
      errors: [
        {
          messageId: 'mapNeverShrinks',
          line: 3,
          column: 7,
          suggestions: [
            {
              messageId: 'capMapSuggestion',
              output: `
interface Conn { id: string }
const KNOWN_LIMIT = 1000;

const known = new Map<Conn, number>();
export function touch(conn: Conn): void {
  const k: Map<Conn, number> = known;
  if (k.size >= KNOWN_LIMIT && !k.has(conn)) {
    const oldest = k.keys().next();
    if (!oldest.done) k.delete(oldest.value);
  }
  k.set(conn, Date.now());
}
`,
            },
          ],
        },
      ],
    },
    {
      code: `
interface Conn { id: string }
interface Tracker { lastSeen: Map<Conn, number> }
export class PresenceService implements Tracker {
  lastSeen = new Map<Conn, number>();
  touch(conn: Conn): void {
    this.lastSeen.set(conn, Date.now());
  }
}
`,
      options: [{ checkUntraced: true }],
      errors: [
        {
          messageId: 'mapNeverShrinks',
          line: 5,
          column: 3,
          suggestions: [
            {
              messageId: 'capMapSuggestion',
              output: `
interface Conn { id: string }
interface Tracker { lastSeen: Map<Conn, number> }
const LAST_SEEN_LIMIT = 1000;

export class PresenceService implements Tracker {
  lastSeen = new Map<Conn, number>();
  touch(conn: Conn): void {
    if (this.lastSeen.size >= LAST_SEEN_LIMIT && !this.lastSeen.has(conn)) {
      const oldest = this.lastSeen.keys().next();
      if (!oldest.done) this.lastSeen.delete(oldest.value);
    }
    this.lastSeen.set(conn, Date.now());
  }
}
`,
            },
          ],
        },
      ],
    },
    // A reset that is only a guarded lazy set-up does not bound it.
    {
      code: `
export class TokenStore {
  #tokens: Set<string> | null = null;
  issue(token: string): void {
    if (!this.#tokens) this.#tokens = new Set();
    this.#tokens.add(token);
  }
}
`,
      options: [{ checkUntraced: true }],
      errors: [
        {
          messageId: 'mapNeverShrinks',
          line: 3,
          column: 3,
          suggestions: [
            {
              messageId: 'capSeenSuggestion',
              output: `
const TOKENS_LIMIT = 1000;

export class TokenStore {
  #tokens: Set<string> | null = null;
  issue(token: string): void {
    if (!this.#tokens) this.#tokens = new Set();
    if (this.#tokens.size >= TOKENS_LIMIT && !this.#tokens.has(token)) {
      const oldest = this.#tokens.keys().next();
      if (!oldest.done) this.#tokens.delete(oldest.value);
    }
    this.#tokens.add(token);
  }
}
`,
            },
          ],
        },
      ],
    },
    // A name that says registry gives way to a key new on every call.
    {
      code: `
let nextId = 0;
const commands = new Map<number, string>();
export function send(text: string): number {
  const id = nextId++;
  commands.set(id, text);
  return id;
}
`,
      errors: [{ messageId: 'mapNeverShrinks', line: 3, column: 7, suggestions: [] }],
    },
    // The only removal of an entry under a fresh key is skipped by an early return about something
    // else: no later call has the key to take it out.
    {
      code: `
export class EventHub {
  private readonly handlers = new Map<number, (event: string) => void>();
  private nextId = 0;
  private connected = true;
  subscribe(handler: (event: string) => void): () => void {
    const id = this.nextId++;
    this.handlers.set(id, handler);
    return () => {
      if (!this.connected) return;
      this.handlers.delete(id);
    };
  }
  setConnected(connected: boolean): void {
    this.connected = connected;
  }
}
`,
      errors: [
        {
          messageId: 'mapNeverShrinks',
          line: 3,
          column: 20,
          data: {
            name: 'this.handlers',
            lifetime: 'a Map field that lives as long as its EventHub',
            where: '`subscribe()`',
            line: '8',
          },
          suggestions: [],
        },
      ],
    },
    // A method drops the unsubscribe function that holds the only removal of its entries: each entry it
    // adds again under a new key stays for good.
    {
      code: `
export class EventHub {
  private readonly handlers = new Map<number, (event: string) => void>();
  private nextId = 0;
  subscribe(handler: (event: string) => void): () => void {
    const id = this.nextId++;
    this.handlers.set(id, handler);
    return () => {
      this.handlers.delete(id);
    };
  }
  resubscribeAll(): void {
    for (const handler of [...this.handlers.values()]) void this.subscribe(handler);
  }
}
`,
      errors: [
        {
          messageId: 'mapNeverShrinks',
          line: 3,
          column: 20,
          data: {
            name: 'this.handlers',
            lifetime: 'a Map field that lives as long as its EventHub',
            where: '`subscribe()`',
            line: '7',
          },
          suggestions: [],
        },
      ],
    },
    // Removals that only take out entries of another kind (a reply that returns early for a watch,
    // a loop that skips all but calls) do not reach the watches' entries.
    {
      code: `
type Entry = { kind: 'call'; resolve: (value: string) => void } | { kind: 'watch'; onEvent: (value: string) => void };
export class RpcClient {
  private readonly pending = new Map<number, Entry>();
  private nextId = 0;
  call(): Promise<string> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, { kind: 'call', resolve });
    });
  }
  watch(onEvent: (value: string) => void): void {
    const id = this.nextId++;
    this.pending.set(id, { kind: 'watch', onEvent });
  }
  receive(id: number, value: string): void {
    const entry = this.pending.get(id);
    if (!entry) return;
    if (entry.kind === 'watch') {
      entry.onEvent(value);
      return;
    }
    this.pending.delete(id);
    entry.resolve(value);
  }
  failCalls(): void {
    for (const [id, entry] of this.pending) {
      if (entry.kind !== 'call') continue;
      this.pending.delete(id);
    }
  }
}
`,
      errors: [
        {
          messageId: 'mapNeverShrinks',
          line: 4,
          column: 20,
          data: {
            name: 'this.pending',
            lifetime: 'a Map field that lives as long as its RpcClient',
            where: '`watch()`',
            line: '14',
          },
        },
      ],
    },
    // A hook of an interface the class implements, taking the data of each occasion, with no caller
    // in the program: its user holds the object across the calls.
    {
      code: `
export interface Extension {
  onConnect?(payload: { ip: string }): Promise<void>;
}
export class Throttle implements Extension {
  private readonly attempts = new Map<string, number>();
  async onConnect({ ip }: { ip: string }): Promise<void> {
    this.attempts.set(ip, (this.attempts.get(ip) ?? 0) + 1);
  }
}
`,
      options: [{ checkUntraced: true }],
      errors: [
        {
          messageId: 'mapNeverShrinks',
          line: 6,
          column: 20,
          data: {
            name: 'this.attempts',
            lifetime: 'a Map field that lives as long as its Throttle',
            where: '`onConnect()`',
            line: '8',
          },
          suggestions: [
            {
              messageId: 'capMapSuggestion',
              output: `
export interface Extension {
  onConnect?(payload: { ip: string }): Promise<void>;
}
const ATTEMPTS_LIMIT = 1000;

export class Throttle implements Extension {
  private readonly attempts = new Map<string, number>();
  async onConnect({ ip }: { ip: string }): Promise<void> {
    if (this.attempts.size >= ATTEMPTS_LIMIT && !this.attempts.has(ip)) {
      const oldest = this.attempts.keys().next();
      if (!oldest.done) this.attempts.delete(oldest.value);
    }
    this.attempts.set(ip, (this.attempts.get(ip) ?? 0) + 1);
  }
}
`,
            },
          ],
        },
      ],
    },
    // The program shows the user calling the hook per event; the growth runs in a private method the hook calls.
    {
      code: `
import { EventEmitter } from 'node:events';
export interface Plugin {
  onConnect(ip: string): void;
}
export class Counter implements Plugin {
  private readonly seen = new Map<string, number>();
  onConnect(ip: string): void {
    this.record(ip);
  }
  private record(ip: string): void {
    this.seen.set(ip, Date.now());
  }
}
export function serve(server: EventEmitter, plugins: Plugin[]): void {
  server.on('connection', (ip: string) => {
    for (const plugin of plugins) plugin.onConnect(ip);
  });
}
`,
      options: [{ checkUntraced: true }],
      errors: [
        {
          messageId: 'mapNeverShrinks',
          line: 7,
          column: 20,
          suggestions: [
            {
              messageId: 'capMapSuggestion',
              output: `
import { EventEmitter } from 'node:events';
export interface Plugin {
  onConnect(ip: string): void;
}
const SEEN_LIMIT = 1000;

export class Counter implements Plugin {
  private readonly seen = new Map<string, number>();
  onConnect(ip: string): void {
    this.record(ip);
  }
  private record(ip: string): void {
    if (this.seen.size >= SEEN_LIMIT && !this.seen.has(ip)) {
      const oldest = this.seen.keys().next();
      if (!oldest.done) this.seen.delete(oldest.value);
    }
    this.seen.set(ip, Date.now());
  }
}
export function serve(server: EventEmitter, plugins: Plugin[]): void {
  server.on('connection', (ip: string) => {
    for (const plugin of plugins) plugin.onConnect(ip);
  });
}
`,
            },
          ],
        },
      ],
    },
    // A hoisted factory that code above it calls while the module loads: the limit goes after the
    // imports, where it is initialised before any call.
    {
      code: `
import { EventEmitter } from 'node:events';
export const bus = new EventEmitter();
const lookup = memoize((key: string) => key.length);
lookup('warm');
bus.on('key', (key: string) => lookup(key));
function memoize(fn: (key: string) => number): (key: string) => number {
  const memo = new Map<string, number>();
  return (key) => {
    const hit = memo.get(key);
    if (hit !== undefined) return hit;
    const value = fn(key);
    memo.set(key, value);
    return value;
  };
}
`,
      options: [{ checkClosures: true, checkUntraced: true }],
      errors: [
        {
          messageId: 'mapNeverShrinks',
          line: 8,
          column: 9,
          suggestions: [
            {
              messageId: 'capMapSuggestion',
              output: `
import { EventEmitter } from 'node:events';
const MEMO_LIMIT = 1000;

export const bus = new EventEmitter();
const lookup = memoize((key: string) => key.length);
lookup('warm');
bus.on('key', (key: string) => lookup(key));
function memoize(fn: (key: string) => number): (key: string) => number {
  const memo = new Map<string, number>();
  return (key) => {
    const hit = memo.get(key);
    if (hit !== undefined) return hit;
    const value = fn(key);
    if (memo.size >= MEMO_LIMIT && !memo.has(key)) {
      const oldest = memo.keys().next();
      if (!oldest.done) memo.delete(oldest.value);
    }
    memo.set(key, value);
    return value;
  };
}
`,
            },
          ],
        },
      ],
    },
    // Work in flight keyed by request id, awaited by the call (seed 001 as written in TypeScript):
    // delete in finally (a dedupe of concurrent calls), or a cap (if it is also a memo).
    {
      code: `
import { EventEmitter } from 'node:events';
interface Result { body: string }
declare function compute(id: string): Promise<Result>;
const inflight = new Map<string, Promise<Result>>();
export function serve(bus: EventEmitter): void {
  bus.on('request', async (id: string) => {
    const existing = inflight.get(id);
    if (existing) return existing;
    const pending = compute(id);
    inflight.set(id, pending);
    const result = await pending;
    console.log(result.body);
    return result;
  });
}
`,
      errors: [
        {
          messageId: 'mapNeverShrinks',
          line: 5,
          column: 7,
          suggestions: [
            {
              messageId: 'deleteInFinallySuggestion',
              data: {
                where: 'the function on line 7',
                reason:
                  'it holds work in flight that the call awaits. A later call with the same key then does the work again instead of reusing its result',
              },
              output: `
import { EventEmitter } from 'node:events';
interface Result { body: string }
declare function compute(id: string): Promise<Result>;
const inflight = new Map<string, Promise<Result>>();
export function serve(bus: EventEmitter): void {
  bus.on('request', async (id: string) => {
    const existing = inflight.get(id);
    if (existing) return existing;
    const pending = compute(id);
    inflight.set(id, pending);
    try {
      const result = await pending;
      console.log(result.body);
      return result;
    } finally {
      inflight.delete(id);
    }
  });
}
`,
            },
            {
              messageId: 'capMapSuggestion',
              output: `
import { EventEmitter } from 'node:events';
interface Result { body: string }
declare function compute(id: string): Promise<Result>;
const INFLIGHT_LIMIT = 1000;

const inflight = new Map<string, Promise<Result>>();
export function serve(bus: EventEmitter): void {
  bus.on('request', async (id: string) => {
    const existing = inflight.get(id);
    if (existing) return existing;
    const pending = compute(id);
    if (inflight.size >= INFLIGHT_LIMIT && !inflight.has(id)) {
      const oldest = inflight.keys().next();
      if (!oldest.done) inflight.delete(oldest.value);
    }
    inflight.set(id, pending);
    const result = await pending;
    console.log(result.body);
    return result;
  });
}
`,
            },
          ],
        },
      ],
    },
    // Not work in flight: the promise is stored but not awaited by the call, so only a cap.
    {
      code: `
import { EventEmitter } from 'node:events';
interface Result { body: string }
declare function compute(id: string): Promise<Result>;
const results = new Map<string, Promise<Result>>();
export function serve(bus: EventEmitter): void {
  bus.on('request', (id: string) => {
    if (results.get(id)) return;
    const pending = compute(id);
    results.set(id, pending);
    void pending.then((r) => console.log(r.body));
  });
}
`,
      errors: [
        {
          messageId: 'mapNeverShrinks',
          line: 5,
          column: 7,
          suggestions: [
            {
              messageId: 'capMapSuggestion',
              output: `
import { EventEmitter } from 'node:events';
interface Result { body: string }
declare function compute(id: string): Promise<Result>;
const RESULTS_LIMIT = 1000;

const results = new Map<string, Promise<Result>>();
export function serve(bus: EventEmitter): void {
  bus.on('request', (id: string) => {
    if (results.get(id)) return;
    const pending = compute(id);
    if (results.size >= RESULTS_LIMIT && !results.has(id)) {
      const oldest = results.keys().next();
      if (!oldest.done) results.delete(oldest.value);
    }
    results.set(id, pending);
    void pending.then((r) => console.log(r.body));
  });
}
`,
            },
          ],
        },
      ],
    },
    // Suggestions. An entry under a key new to the call, used only by the call: deleted in
    // `finally` around the rest of the function (the in-flight map of seed 001).
    {
      code: `
import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
const inflight = new Map<string, number>();
export function serve(bus: EventEmitter, work: () => Promise<void>): void {
  bus.on('request', async () => {
    const id = randomUUID();
    inflight.set(id, Date.now());
    await work();
    console.log(inflight.size);
  });
}
`,
      errors: [
        {
          messageId: 'mapNeverShrinks',
          line: 4,
          column: 7,
          suggestions: [
            {
              messageId: 'deleteInFinallySuggestion',
              data: {
                where: 'the function on line 6',
                reason: 'its key is new to each call, and no other function uses `inflight`',
              },
              output: `
import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
const inflight = new Map<string, number>();
export function serve(bus: EventEmitter, work: () => Promise<void>): void {
  bus.on('request', async () => {
    const id = randomUUID();
    inflight.set(id, Date.now());
    try {
      await work();
      console.log(inflight.size);
    } finally {
      inflight.delete(id);
    }
  });
}
`,
            },
          ],
        },
      ],
    },
    // A collection nothing reads: deleting the entry when the call ends changes nothing else.
    {
      code: `
import { EventEmitter } from 'node:events';
export class Tracker {
  private readonly active = new Set<string>();
  constructor(bus: EventEmitter) {
    bus.on('job', (job: { id: string }) => void this.run(job));
  }
  async run(job: { id: string }): Promise<void> {
    this.active.add(job.id);
    const started = Date.now();
    await Promise.resolve(job);
    console.log(Date.now() - started);
  }
}
`,
      errors: [
        {
          messageId: 'mapNeverShrinks',
          line: 4,
          column: 20,
          suggestions: [
            {
              messageId: 'deleteInFinallySuggestion',
              data: { where: '`run()`', reason: 'nothing reads `this.active`' },
              output: `
import { EventEmitter } from 'node:events';
export class Tracker {
  private readonly active = new Set<string>();
  constructor(bus: EventEmitter) {
    bus.on('job', (job: { id: string }) => void this.run(job));
  }
  async run(job: { id: string }): Promise<void> {
    this.active.add(job.id);
    try {
      const started = Date.now();
      await Promise.resolve(job);
      console.log(Date.now() - started);
    } finally {
      this.active.delete(job.id);
    }
  }
}
`,
            },
          ],
        },
      ],
    },
    // The limit's name is taken: the next free one is declared.
    {
      code: `
import { EventEmitter } from 'node:events';
const CACHE_LIMIT = 5;
const cache = new Map<string, number>();
export function listen(bus: EventEmitter): void {
  bus.on('lookup', (key: string) => {
    if (cache.get(key) !== undefined) return;
    cache.set(key, key.length * CACHE_LIMIT);
  });
}
`,
      errors: [
        {
          messageId: 'mapNeverShrinks',
          line: 4,
          column: 7,
          suggestions: [
            {
              messageId: 'capMapSuggestion',
              data: { name: 'cache', limit: 'CACHE_LIMIT2', placeholder: '1000' },
              output: `
import { EventEmitter } from 'node:events';
const CACHE_LIMIT = 5;
const CACHE_LIMIT2 = 1000;

const cache = new Map<string, number>();
export function listen(bus: EventEmitter): void {
  bus.on('lookup', (key: string) => {
    if (cache.get(key) !== undefined) return;
    if (cache.size >= CACHE_LIMIT2 && !cache.has(key)) {
      const oldest = cache.keys().next();
      if (!oldest.done) cache.delete(oldest.value);
    }
    cache.set(key, key.length * CACHE_LIMIT);
  });
}
`,
            },
          ],
        },
      ],
    },
    // A class field set to null is deleted instead.
    {
      code: `
export class Api {
  private inFlight: Record<string, Promise<unknown> | null> = {};
  get(url: string, load: (url: string) => Promise<unknown>): Promise<unknown> {
    const pending = this.inFlight[url];
    if (pending) return pending;
    const request = load(url).finally(() => {
      this.inFlight[url] = null;
    });
    this.inFlight[url] = request;
    return request;
  }
}
export const api = new Api();
`,
      options: [{ checkObjects: true }],
      errors: [
        {
          messageId: 'objectNeverShrinks',
          line: 3,
          column: 11,
          suggestions: [
            {
              messageId: 'deleteKeySuggestion',
              data: { value: 'null' },
              output: `
export class Api {
  private inFlight: Record<string, Promise<unknown> | null> = {};
  get(url: string, load: (url: string) => Promise<unknown>): Promise<unknown> {
    const pending = this.inFlight[url];
    if (pending) return pending;
    const request = load(url).finally(() => {
      delete this.inFlight[url];
    });
    this.inFlight[url] = request;
    return request;
  }
}
export const api = new Api();
`,
            },
          ],
        },
      ],
    },
    // Refused (a fresh key, so no cap either): the rest of the function holds a multi-line
    // template literal, which re-indenting it into \`try\` would change.
    {
      code: `
import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
const inflight = new Map<string, number>();
export function serve(bus: EventEmitter): void {
  bus.on('request', async () => {
    const id = randomUUID();
    inflight.set(id, Date.now());
    await Promise.resolve();
    console.log(\`done:
\${inflight.size}\`);
  });
}
`,
      errors: [{ messageId: 'mapNeverShrinks', line: 4, column: 7, suggestions: [] }],
    },
    // Refused: a function declared after the growth would be scoped to \`try\`.
    {
      code: `
import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
const inflight = new Map<string, number>();
export function serve(bus: EventEmitter): void {
  bus.on('request', async () => {
    const id = randomUUID();
    inflight.set(id, Date.now());
    await report();
    function report(): Promise<void> {
      return Promise.resolve();
    }
  });
}
`,
      errors: [{ messageId: 'mapNeverShrinks', line: 4, column: 7, suggestions: [] }],
    },
    // Refused: a key new to each call that another function looks up (a reply handler): neither a
    // cap (it would drop an entry someone still waits for) nor a delete when the call ends.
    {
      code: `
import { EventEmitter } from 'node:events';
export class Client {
  private nextId = 0;
  private readonly pending = new Map<number, string>();
  constructor(bus: EventEmitter) {
    bus.on('reply', (id: number) => console.log(this.pending.get(id)));
  }
  send(method: string): number {
    const id = this.nextId++;
    this.pending.set(id, method);
    return id;
  }
}
`,
      errors: [{ messageId: 'mapNeverShrinks', line: 5, column: 20, suggestions: [] }],
    },
    // Refused: the values are callbacks; evicting one would drop it without a call.
    {
      code: `
import { EventEmitter } from 'node:events';
const handlers = new Map<string, () => void>();
export function listen(bus: EventEmitter): void {
  bus.on('register', (name: string, handler: () => void) => {
    handlers.set(name, handler);
  });
  bus.on('fire', (name: string) => handlers.get(name)?.());
}
`,
      errors: [{ messageId: 'mapNeverShrinks', line: 3, column: 7, suggestions: [] }],
    },
    // Refused: the key is a call, which the cap's \`has()\` would have to repeat.
    {
      code: `
import { EventEmitter } from 'node:events';
const counts = new Map<string, number>();
export function listen(bus: EventEmitter): void {
  bus.on('hit', (id: number) => {
    counts.set(String(id), (counts.get(String(id)) ?? 0) + 1);
  });
}
`,
      errors: [{ messageId: 'mapNeverShrinks', line: 3, column: 7, suggestions: [] }],
    },
    // Refused: the growth is the body of an \`if\`, not a statement of a block.
    {
      code: `
import { EventEmitter } from 'node:events';
const names = new Map<string, string>();
export function listen(bus: EventEmitter): void {
  bus.on('name', (id: string, name: string) => {
    if (name) names.set(id, name);
  });
  bus.on('lookup', (id: string) => console.log(names.get(id)));
}
`,
      errors: [{ messageId: 'mapNeverShrinks', line: 3, column: 7, suggestions: [] }],
    },
    // Refused: the array is read by position, which dropping its first element would shift.
    {
      code: `
import { EventEmitter } from 'node:events';
const samples: number[] = [];
export function listen(bus: EventEmitter): void {
  bus.on('sample', (value: number) => {
    samples.push(value);
  });
  bus.on('first', () => console.log(samples[0]));
}
`,
      options: [{ checkArrays: true }],
      errors: [{ messageId: 'arrayNeverShrinks', line: 3, column: 7, suggestions: [] }],
    },
    // Refused: the array is read from its start (\`slice(0, n)\`), which dropping its first element
    // would move.
    {
      code: `
import { EventEmitter } from 'node:events';
const samples: number[] = [];
export function listen(bus: EventEmitter): void {
  bus.on('sample', (value: number) => {
    samples.push(value);
  });
  bus.on('first', () => console.log(samples.slice(0, 10)));
}
`,
      options: [{ checkArrays: true }],
      errors: [{ messageId: 'arrayNeverShrinks', line: 3, column: 7, suggestions: [] }],
    },
    // An array read only from its end and as a whole keeps its meaning for the newest elements.
    {
      code: `
import { EventEmitter } from 'node:events';
const samples: number[] = [];
export function listen(bus: EventEmitter): void {
  bus.on('sample', (value: number) => {
    samples.push(value);
  });
  bus.on('last', () => console.log(samples.at(-1), samples.filter((v) => v > 0).length));
}
`,
      options: [{ checkArrays: true }],
      errors: [
        {
          messageId: 'arrayNeverShrinks',
          line: 3,
          column: 7,
          suggestions: [
            {
              messageId: 'capArraySuggestion',
              output: `
import { EventEmitter } from 'node:events';
const SAMPLES_LIMIT = 1000;

const samples: number[] = [];
export function listen(bus: EventEmitter): void {
  bus.on('sample', (value: number) => {
    if (samples.length >= SAMPLES_LIMIT) samples.shift();
    samples.push(value);
  });
  bus.on('last', () => console.log(samples.at(-1), samples.filter((v) => v > 0).length));
}
`,
            },
          ],
        },
      ],
    },
    // Refused: a plain-object dictionary has no cheap count of its keys, and turning it into a Map
    // is not a mechanical edit.
    {
      code: `
import { EventEmitter } from 'node:events';
const names: Record<string, string> = {};
export function listen(bus: EventEmitter): void {
  bus.on('name', (id: string, name: string) => {
    names[id] = name;
  });
  bus.on('lookup', (id: string) => console.log(names[id]));
}
`,
      options: [{ checkObjects: true }],
      errors: [{ messageId: 'objectNeverShrinks', line: 3, column: 7, suggestions: [] }],
    },
    // Work in flight, but a promise is returned from the region (its finally would delete the entry first) and a string spans lines (re-indenting would change it): only the cap is offered.
    {
      code: `import { EventEmitter } from 'node:events';
interface Result { body: string }
declare function compute(id: string): Promise<Result>;
declare function render(r: Result): Promise<string>;
const inflight = new Map<string, Promise<Result>>();
export function serve(bus: EventEmitter): void {
  bus.on('request', async (id: string) => {
    const existing = inflight.get(id);
    if (existing) return existing;
    const pending = compute(id);
    inflight.set(id, pending);
    if (id === 'x') return pending;
    const result = await pending;
    console.log('done\\
   ok');
    return render(result);
  });
}
`,
      errors: [
        {
          messageId: 'mapNeverShrinks',
          line: 5,
          column: 7,
          suggestions: [
            {
              messageId: 'capMapSuggestion',
              output: `import { EventEmitter } from 'node:events';
interface Result { body: string }
declare function compute(id: string): Promise<Result>;
declare function render(r: Result): Promise<string>;
const INFLIGHT_LIMIT = 1000;

const inflight = new Map<string, Promise<Result>>();
export function serve(bus: EventEmitter): void {
  bus.on('request', async (id: string) => {
    const existing = inflight.get(id);
    if (existing) return existing;
    const pending = compute(id);
    if (inflight.size >= INFLIGHT_LIMIT && !inflight.has(id)) {
      const oldest = inflight.keys().next();
      if (!oldest.done) inflight.delete(oldest.value);
    }
    inflight.set(id, pending);
    if (id === 'x') return pending;
    const result = await pending;
    console.log('done\\
   ok');
    return render(result);
  });
}
`,
            },
          ],
        },
      ],
    },
    // Property test: a closure before the growth reads a `const` declared after it; moving that `const` into `try` would hide it. No delete in `finally`.
    {
      code: `import { randomUUID } from 'node:crypto';
declare function tick(): Promise<void>;
const cache = new Map<string, number>();
export async function remember(): Promise<void> {
  const id = randomUUID();
  const report = (): number => Date.now() - started;
  cache.set(id, Date.now());
  const started = Date.now();
  await tick();
  console.log(report());
}
`,
      errors: [{ messageId: 'mapNeverShrinks', line: 3, column: 7, suggestions: [] }],
    },
  ],
});
