import rule from '../../src/rules/no-conditional-cleanup.js';
import { typedRuleTester } from '../rule-tester.js';

const ruleTester = typedRuleTester();

const prelude = `declare function work(id: string): Promise<number>;
declare function check(id: string): number;
declare const mutex: { acquire(): Promise<() => void> };
`;

/** A factory that hands out \`schedule\` in an object; its entry is deleted after an \`await\`. */
const runner = `export const makeRunner = () => {
  const running = new Map<string, Promise<void>>();
  const schedule = async (id: string, task: () => Promise<void>): Promise<void> => {
    const run = async () => {
      const execution = task();
      running.set(id, execution);
      await execution;
      running.delete(id);
    };
    return run();
  };
  const isRunning = (id: string) => running.has(id);
  return { schedule, isRunning };
};
`;
/** The same factory with the delete in \`finally\`, as the fix writes it. */
const runnerFixed = `export const makeRunner = () => {
  const running = new Map<string, Promise<void>>();
  const schedule = async (id: string, task: () => Promise<void>): Promise<void> => {
    const run = async () => {
      const execution = task();
      running.set(id, execution);
      try {
        await execution;
      } finally {
        running.delete(id);
      }
    };
    return run();
  };
  const isRunning = (id: string) => running.has(id);
  return { schedule, isRunning };
};
`;

ruleTester.run('no-conditional-cleanup', rule, {
  valid: [
    // The early return is taken once the signal is aborted, and its abort listener has already cleared the timer.
    `const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
export function waitConnected(isConnected: () => boolean, controller: AbortController | undefined, ms: number): Promise<void> {
  return new Promise<void>(async (resolve, reject) => {
    const onAbort = () => {
      clearTimeout(deadline);
      reject(new Error('cancelled'));
    };
    controller?.signal.addEventListener('abort', onAbort, { once: true });
    const deadline = setTimeout(() => reject(new Error('timeout')), ms);
    while (!isConnected()) {
      await sleep(50);
      if (controller?.signal.aborted) {
        reject(new Error('cancelled'));
        return;
      }
    }
    clearTimeout(deadline);
    resolve();
  });
}`,
    // A one-shot deadline armed before the entry deletes it when it fires: a throw leaves it armed, and it still deletes.
    `interface Ack { resolve(): void }
export class Rpc {
  private readonly pendingAcks = new Map<string, Ack>();
  async send(id: string, publish: (id: string) => Promise<void>, acked: Promise<void>): Promise<void> {
    const ackTimeout = setTimeout(() => {
      this.pendingAcks.delete(id);
    }, 5000);
    this.pendingAcks.set(id, { resolve: () => clearTimeout(ackTimeout) });
    await publish(id);
    await acked;
    this.pendingAcks.delete(id);
  }
}`,
    // With \`assumeCallsThrow\`: registering more listeners on a target whose methods the checker
    // cannot see is bookkeeping, not work that fails; and a plain call before the release in the
    // same \`finally\` is a step of the clean-up.
    {
      code: `declare const Base: new () => any;
export class Stream extends Base {
  async *read(input: AsyncIterable<string>): AsyncGenerator<string> {
    const onMessage = (): void => undefined;
    const onClose = (): void => undefined;
    this.addEventListener('message', onMessage);
    this.addEventListener('close', onClose);
    try {
      yield* input;
    } finally {
      this.removeEventListener('message', onMessage);
      this.removeEventListener('close', onClose);
    }
  }
}`,
      options: [{ assumeCallsThrow: true }],
    },
    {
      code: `declare function combine(signals: unknown[]): { clear(): void };
const nonces = new Set<number>();
export async function verify(nonce: number, ask: () => Promise<void>): Promise<void> {
  const signal = combine([]);
  nonces.add(nonce);
  try {
    await ask();
  } finally {
    signal.clear();
    nonces.delete(nonce);
  }
}`,
      options: [{ assumeCallsThrow: true }],
    },
    // The early return runs only when the entry is already gone (another caller took it
    // while this one waited): there is nothing left to release on that path.
    `declare function provide(key: string): Promise<string>;
declare function log(message: string): void;
export class Pull {
  private readonly open = new Map<string, { state: number }>();
  async pull(key: string): Promise<void> {
    this.open.set(key, { state: 1 });
    let after: { state: number } | undefined;
    try {
      await provide(key);
    } catch {
      after = { state: 2 };
    }
    after = after ?? this.open.get(key);
    if (after === undefined) {
      log('lost');
      return;
    }
    this.open.delete(key);
    log(String(after.state));
  }
  async again(key: string): Promise<void> {
    this.open.set(key, { state: 1 });
    await provide(key).catch(() => undefined);
    if (!this.open.has(key)) return;
    this.open.delete(key);
  }
}`,
    // The release's test holds whenever the acquire ran: \`shouldCreate\` is one of the acquire's
    // tests, and the acquire's other test is part of it.
    `interface Runner { release(): Promise<void>; replica: boolean; [Symbol.asyncDispose](): Promise<void> }
declare function createRunner(): Runner;
declare function save(runner: Runner): Promise<void>;
export async function store(runner?: Runner): Promise<void> {
  const shouldCreate = runner === undefined || runner.replica;
  if (runner === undefined || shouldCreate) {
    runner = createRunner();
  }
  try {
    await save(runner);
  } finally {
    if (shouldCreate) await runner.release();
  }
}`,
    // Closed, then let go: the finally only closes a handle a throw left open.
    `import { open, type FileHandle } from 'node:fs/promises';
export async function write(path: string, data: string): Promise<void> {
  let handle: FileHandle | null = null;
  try {
    handle = await open(path, 'w');
    await handle.writeFile(data);
    await handle.close();
    handle = null;
  } finally {
    if (handle) await handle.close();
  }
}`,
    // Handed to the caller before the variable lets go of it.
    `import { open, type FileHandle } from 'node:fs/promises';
export async function openChecked(path: string): Promise<FileHandle> {
  let handle: FileHandle | null = null;
  try {
    handle = await open(path, 'r');
    await handle.stat();
    const result = handle;
    handle = null;
    return result;
  } finally {
    if (handle) await handle.close();
  }
}`,
    // Every listener that settles the promise clears the timer.
    `import { request, type IncomingMessage } from 'node:http';
export function get(url: URL, ms: number): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const req = request(url);
    const timer = setTimeout(() => req.destroy(new Error('timeout')), ms);
    req.on('response', (res) => {
      clearTimeout(timer);
      resolve(res);
    });
    req.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    req.end();
  });
}`,
    // A listener added in a promise executor and removed in a \`finally\` around the await.
    `import { EventEmitter } from 'node:events';
declare function within<T>(work: Promise<T>, ms: number): Promise<T>;
export async function nextReply(bus: EventEmitter): Promise<string> {
  let onReply = (_reply: string): void => undefined;
  try {
    return await within(
      new Promise<string>((resolve) => {
        onReply = resolve;
        bus.on('reply', onReply);
      }),
      1000,
    );
  } finally {
    bus.removeListener('reply', onReply);
  }
}`,
    // The executor hands the removal to the callbacks it registers: ownership is passed on.
    `import { EventEmitter } from 'node:events';
export function nextReply(bus: EventEmitter): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    const onReply = (reply: string): void => {
      bus.removeListener('error', onError);
      resolve(reply);
    };
    const onError = (error: Error): void => {
      bus.removeListener('reply', onReply);
      reject(error);
    };
    bus.once('reply', onReply);
    bus.once('error', onError);
  });
}`,
    // The stored promise's own chain deletes the entry however it settles.
    `declare function load(id: string): Promise<string>;
export class Store {
  private readonly pending = new Map<string, Promise<string>>();
  find(id: string): Promise<string> {
    const known = this.pending.get(id);
    if (known) return known;
    const query = load(id).finally(() => {
      this.pending.delete(id);
    });
    this.pending.set(id, query);
    return query;
  }
}`,
    `declare function load(id: string): Promise<string>;
export class Store {
  private readonly pending = new Map<string, Promise<string>>();
  find(id: string): Promise<string> {
    const known = this.pending.get(id);
    if (known) return known;
    const query = load(id).then(
      (value) => {
        this.pending.delete(id);
        return value;
      },
      (error: unknown) => {
        this.pending.delete(id);
        throw error;
      },
    );
    this.pending.set(id, query);
    return query;
  }
}`,
    // A count per key raised and lowered by helpers, lowered in finally; and helpers given
    // different keys are no pair.
    `${prelude}export class Jobs {
  private readonly running = new Map<string, number>();
  private take(type: string): void {
    this.running.set(type, (this.running.get(type) ?? 0) + 1);
  }
  private give(type: string): void {
    const left = (this.running.get(type) ?? 1) - 1;
    if (left > 0) this.running.set(type, left);
    else this.running.delete(type);
  }
  async run(type: string): Promise<number> {
    this.take(type);
    try {
      return await work(type);
    } finally {
      this.give(type);
    }
  }
  async move(from: string, to: string): Promise<void> {
    this.take(to);
    await work(from);
    this.give(from);
  }
}`,
    // The release only sets the runner's own flag: a runner that holds no connection leaks nothing.
    `declare function query(sql: string): Promise<string>;
export class Runner {
  isReleased = false;
  async [Symbol.asyncDispose](): Promise<void> {
    await this.release();
  }
  async currentDatabase(): Promise<string> {
    return query('select current_database()');
  }
  release(): Promise<void> {
    this.isReleased = true;
    return Promise.resolve();
  }
}
export class Driver {
  database = '';
  createRunner() {
    return new Runner();
  }
  async connect(): Promise<void> {
    const runner = this.createRunner();
    this.database = await runner.currentDatabase();
    await runner.release();
  }
}`,
    // The release ends a connection only if one is set, and nothing sets one on this class's
    // instances (a sibling subclass's write reaches only its own instances).
    `declare function query(sql: string): Promise<string>;
declare function open(): Promise<{ end(): void }>;
export class BaseRunner {
  protected connection: { end(): void } | undefined;
}
export class PooledRunner extends BaseRunner {
  async open(): Promise<void> {
    this.connection = await open();
  }
}
export class Runner extends BaseRunner {
  isReleased = false;
  async [Symbol.asyncDispose](): Promise<void> {
    await this.release();
  }
  async currentDatabase(): Promise<string> {
    return query('select current_database()');
  }
  release(): Promise<void> {
    this.isReleased = true;
    if (this.connection) this.connection.end();
    return Promise.resolve();
  }
}
export class Driver {
  database = '';
  createRunner() {
    return new Runner();
  }
  async connect(): Promise<void> {
    const runner = this.createRunner();
    this.database = await runner.currentDatabase();
    await runner.release();
  }
}`,
    // Slots taken and given back through helper methods, the give in finally.
    `${prelude}export class Queue {
  private active = 0;
  private take(): void {
    this.active += 1;
  }
  private give(): void {
    this.active -= 1;
  }
  async run(id: string): Promise<number> {
    this.take();
    try {
      return await work(id);
    } finally {
      this.give();
    }
  }
}`,
    // Deleted only if the send fails: on success the reply handler deletes the entry by the reply's id.
    `${prelude}declare function post(message: { id: number }): Promise<void>;
export class Rpc {
  private readonly pending = new Map<number, (value: unknown) => void>();
  private next = 0;
  call(): Promise<unknown> {
    return new Promise((resolve, reject) => {
      const id = this.next++;
      this.pending.set(id, resolve);
      post({ id }).catch((err: unknown) => {
        this.pending.delete(id);
        reject(err);
      });
    });
  }
  onReply(reply: { id: number; value: unknown }): void {
    this.pending.get(reply.id)?.(reply.value);
    this.pending.delete(reply.id);
  }
}`,
    // A test of the handle around a block that clears it: the test is only about the handle.
    `${prelude}export async function run(ms: number): Promise<void> {
  const timer = setTimeout(() => undefined, ms);
  try {
    await work('a');
  } finally {
    if (timer) {
      check('done');
      clearTimeout(timer);
    }
  }
}`,
    // A recursion guard handed down as a parameter, made fresh by every outermost call (or by
    // the default): a throw that skips the delete ends the call that owns the set.
    {
      code: `${prelude}function walk(type: string, seen: Set<string>, children: (t: string) => string[]): void {
  if (seen.has(type)) throw new Error('circular');
  seen.add(type);
  for (const child of children(type)) walk(child, seen, children);
  for (const other of seen) if (other === type) break;
  seen.delete(type);
}
export function verify(type: string, children: (t: string) => string[]): void {
  walk(type, new Set(), children);
}
export function merge(target: object, source: object, memo: Map<object, object> = new Map()): void {
  for (const value of Object.values(source)) if (typeof value === 'object' && value) mergeKey(target, value, memo);
}
function mergeKey(target: object, value: object, memo: Map<object, object>): void {
  if (memo.has(value)) return;
  memo.set(value, target);
  merge(target, value, memo);
  memo.delete(value);
}
export function mergeAll(target: object, source: object): void {
  merge(target, source);
}`,
      options: [{ assumeCallsThrow: true }],
    },
    // A recursion guard on a set held by a context object that every outermost call makes
    // (\`{ visiting: new Set() }\`) and hands down, through an object literal and a destructuring:
    // a throw that skips the delete ends the call that owns the context.
    {
      code: `${prelude}interface Schema { name: string; fields: Schema[] }
interface Ctx { visiting: Set<Schema>; out: string[] }
interface Step { schema: Schema; ctx: Ctx }
function emit(schema: Schema, ctx: Ctx): void {
  if (ctx.visiting.has(schema)) return;
  ctx.visiting.add(schema);
  for (const field of schema.fields) step({ schema: field, ctx });
  ctx.out.push(schema.name);
  ctx.visiting.delete(schema);
}
function step(next: Step): void {
  const { schema, ctx } = next;
  emit(schema, ctx);
}
export function print(schema: Schema): string[] {
  const ctx: Ctx = { visiting: new Set(), out: [] };
  emit(schema, ctx);
  return ctx.out;
}`,
      options: [{ assumeCallsThrow: true }],
    },
    // The same, with a key that has a colon in its text: the reply handler still removes from the same map.
    `${prelude}declare function post(message: { id: string }): Promise<void>;
export class Rpc {
  private readonly pending = new Map<string, (value: unknown) => void>();
  call(peer: string, seq: number): Promise<unknown> {
    return new Promise((resolve, reject) => {
      this.pending.set(\`\${peer}:\${seq}\`, resolve);
      post({ id: \`\${peer}:\${seq}\` }).catch((err: unknown) => {
        this.pending.delete(\`\${peer}:\${seq}\`);
        reject(err);
      });
    });
  }
  onReply(reply: { id: string; value: unknown }): void {
    this.pending.get(reply.id)?.(reply.value);
    this.pending.delete(reply.id);
  }
}`,
    // A working set declared unset and made per call: its adds and deletes compute a result, and it dies with the call.
    `${prelude}export function matching(all: string[], changed: { id: string }[] | undefined, removed: { id: string }[] | undefined): string[] {
  let cells: Set<string> | undefined;
  if (changed !== undefined) {
    cells = new Set(all);
    for (const cell of changed) cells.add(cell.id.toString());
  }
  if (removed !== undefined) {
    if (cells === undefined) cells = new Set(all);
    for (const cell of removed) cells.delete(cell.id.toString());
  }
  if (cells === undefined) return all;
  return all.filter((id) => cells.has(id));
}`,
    // Every signal the listener goes on is made in this call: one listener per signal, gone with it.
    `${prelude}export async function serve(read: (o: { signal: AbortSignal }) => Promise<string | undefined>, onAbort: () => void): Promise<void> {
  let signal = AbortSignal.timeout(1000);
  signal.addEventListener('abort', onAbort);
  while (true) {
    const message = await read({ signal });
    if (message === undefined) return;
    signal.removeEventListener('abort', onAbort);
    signal = AbortSignal.timeout(1000);
    signal.addEventListener('abort', onAbort);
  }
}`,
    // The throw asserts on the count just raised: when it fires the count is already wrong.
    `${prelude}export class Pool {
  private active = 0;
  constructor(private readonly capacity: number) {}
  run(thunk: () => void): void {
    if (this.active === this.capacity) return;
    this.active++;
    if (this.active > this.capacity) {
      throw new Error('too many active');
    }
    thunk();
    this.active--;
  }
}`,
    // A set the call makes and returns, in a function that does not suspend: its adds and deletes
    // build the result (what a normal path leaves in it is the answer), and a throw discards it.
    `${prelude}export function collect(ids: string[]): Set<string> {
  const seen = new Set<string>();
  for (const id of ids) {
    seen.add(id);
    if (check(id) > 0) continue;
    seen.delete(id);
  }
  return seen;
}`,
    // The same value-building with a copy of a map that becomes the next state.
    `${prelude}export function setQuantity(state: { items: ReadonlyMap<string, number> }, sku: string, quantity: number) {
  const items = new Map(state.items);
  items.set(sku, quantity);
  if (quantity <= 0) items.delete(sku);
  return { items };
}`,
    // The undo in the catch of a try that starts after the acquire.
    `${prelude}declare function post(message: { id: number }): void;
const pending = new Map<number, () => void>();
let next = 0;
export function call(done: () => void): void {
  const id = next++;
  pending.set(id, done);
  try {
    post({ id });
  } catch (error) {
    pending.delete(id);
    throw error;
  }
}
export function onReply(id: number): void {
  pending.get(id)?.();
  pending.delete(id);
}`,
    // The same undo written as try/catch around the send.
    `${prelude}declare function post(message: { id: number }): Promise<void>;
export class Rpc {
  private readonly pending = new Map<number, (value: unknown) => void>();
  private next = 0;
  async call(resolve: (value: unknown) => void): Promise<void> {
    const id = this.next++;
    try {
      this.pending.set(id, resolve);
      await post({ id });
    } catch (err) {
      this.pending.delete(id);
      throw err;
    }
  }
  onReply(reply: { id: number; value: unknown }): void {
    this.pending.get(reply.id)?.(reply.value);
    this.pending.delete(reply.id);
  }
}`,
    // The two branches of one if keep a set up to date, once per header: an update, not a pair.
    `${prelude}export function buildHeaders(entries: [string, string | null][]): { values: Map<string, string>; nulls: Set<string> } {
  const values = new Map<string, string>();
  const nulls = new Set<string>();
  for (const [name, value] of entries) {
    const lower = name.toLowerCase();
    if (value === null) {
      values.delete(lower);
      nulls.add(lower);
    } else {
      values.set(lower, value);
      nulls.delete(lower);
    }
    if (check(lower) > 0) return { values, nulls };
  }
  return { values, nulls };
}`,
    // Two loops whose variables share a name: the entries added are not the ones deleted.
    `${prelude}export class Subscriptions {
  private readonly confirmed = new Set<string>();
  async sync(added: string[], removed: string[]): Promise<void> {
    await work('sync');
    for (const roomId of added) {
      this.confirmed.add(roomId);
    }
    for (const roomId of removed) {
      if (check(roomId) > 0) continue;
      this.confirmed.delete(roomId);
    }
  }
}`,
    // Released by an inner finally; the outer catch rethrows only what comes after (or what the finally passed on).
    `${prelude}export class Sender {
  private readonly encrypting = new Set<string>();
  async send(id: string): Promise<number> {
    try {
      this.encrypting.add(id);
      try {
        await work(id);
      } finally {
        this.encrypting.delete(id);
      }
      return check(id);
    } catch (err) {
      console.error(err);
      throw err;
    }
  }
}`,
    // The same with \`assumeCallsThrow\`: \`console.error(err)\` in the catch runs only after something
    // in the try threw; it is no call between the add and the release.
    {
      code: `${prelude}export class Sender {
  private readonly encrypting = new Set<string>();
  async send(id: string): Promise<number> {
    try {
      this.encrypting.add(id);
      try {
        await work(id);
      } finally {
        this.encrypting.delete(id);
      }
      return check(id);
    } catch (err) {
      console.error(err);
      throw err;
    }
  }
}`,
      options: [{ assumeCallsThrow: true }],
    },
    // Closed only on the error path: on success the handle is given to the object that owns it from then on.
    `${prelude}import { open } from 'node:fs/promises';
type Handle = Awaited<ReturnType<typeof open>>;
declare function wrap(options: { handle: Handle; path: string }): { size(): Promise<number> };
export async function openWrapped(path: string): Promise<{ size(): Promise<number> }> {
  const handle = await open(path, 'r');
  let wrapped: { size(): Promise<number> };
  try {
    wrapped = wrap({ handle, path });
  } catch (err) {
    await handle.close();
    throw err;
  }
  return wrapped;
}`,
    // A reference-counted entry: deleted when its own set of users is empty, not on every path.
    `${prelude}export class Rooms {
  private readonly members = new Map<string, Set<string>>();
  join(room: string, user: string): void {
    if (!this.members.get(room)) this.members.set(room, new Set());
    this.members.get(room)?.add(user);
  }
  leave(room: string, user: string): void {
    this.members.get(room)?.delete(user);
    if (this.members.get(room)?.size === 0) this.members.delete(room);
  }
  move(room: string, user: string, to: string): void {
    this.members.set(room, new Set([user]));
    this.join(to, user);
    if (this.members.get(room)?.size === 0) this.members.delete(room);
  }
}`,
    // A release guarded by which handle this is: only the runner this call made is released, not the borrowed one.
    `${prelude}import { open } from 'node:fs/promises';
type Handle = Awaited<ReturnType<typeof open>>;
export class Exporter {
  constructor(private readonly shared?: Handle) {}
  async write(path: string, line: string): Promise<void> {
    const handle = await this.obtain(path);
    try {
      await handle.write(line);
    } finally {
      if (handle !== this.shared) await handle.close();
    }
  }
  private async obtain(path: string): Promise<Handle> {
    return this.shared ?? open(path, 'a');
  }
}`,
    // A recursion guard on a set made by the outer call: a throw ends that call, and the set with it.
    `${prelude}interface Node { id: string; children: Node[] }
export function depth(root: Node): number {
  const visiting = new Set<string>();
  const walk = (node: Node): number => {
    if (visiting.has(node.id)) throw new Error('cycle');
    visiting.add(node.id);
    const below = Math.max(0, ...node.children.map(walk));
    if (below > 100) return below;
    visiting.delete(node.id);
    return below + 1;
  };
  return walk(root);
}`,
    // A handle whose type is not disposable is no resource, whatever its method names.
    `${prelude}interface Report { close(): void; lines: string[] }
declare function startReport(): Report;
export async function build(id: string): Promise<Report> {
  const report = startReport();
  report.lines.push(String(await work(id)));
  report.close();
  return report;
}`,
    // Two disposable handles, each closed in its own finally: the outer finally's await comes after the inner release.
    `${prelude}import { open } from 'node:fs/promises';
export async function copyFirstByte(from: string, to: string): Promise<void> {
  const source = await open(from, 'r');
  try {
    const target = await open(to, 'w');
    try {
      const { buffer } = await source.read(Buffer.alloc(1), 0, 1, 0);
      await target.write(buffer);
    } finally {
      await target.close();
    }
  } finally {
    await source.close();
  }
}`,
    // \`await using\` disposes of the handle itself.
    `${prelude}import { open } from 'node:fs/promises';
export async function firstByte(path: string): Promise<number> {
  await using handle = await open(path, 'r');
  const { buffer } = await handle.read(Buffer.alloc(1), 0, 1, 0);
  return buffer[0] ?? 0;
}`,
    // Released in finally.
    `${prelude}const inflight = new Map<string, number>();
export async function handle(id: string): Promise<number> {
  inflight.set(id, Date.now());
  try {
    return await work(id);
  } finally {
    inflight.delete(id);
  }
}`,
    // Released on every path: in try and in a catch that rethrows.
    `${prelude}const inflight = new Set<string>();
export async function handle(id: string): Promise<number> {
  inflight.add(id);
  try {
    const result = await work(id);
    inflight.delete(id);
    return result;
  } catch (error) {
    inflight.delete(id);
    throw error;
  }
}`,
    // A guard that only checks the handle is not a branch.
    `${prelude}export function poll(id: string): void {
  const timer = setTimeout(() => undefined, 1000);
  check(id);
  if (timer) clearTimeout(timer);
}`,
    // Nothing between acquire and release can throw or leave (sync calls do not count by default).
    `${prelude}const visiting = new Set<string>();
export function visit(id: string): number {
  visiting.add(id);
  const n = check(id);
  visiting.delete(id);
  return n;
}`,
    // The release is handed on to the caller in a disposer.
    `export function listen(target: EventTarget, onMessage: () => void): () => void {
  target.addEventListener('message', onMessage);
  return () => target.removeEventListener('message', onMessage);
}`,
    // .finally(cb) runs whatever the outcome.
    `${prelude}export function load(id: string): Promise<number> {
  const timer = setTimeout(() => undefined, 5000);
  return work(id).finally(() => clearTimeout(timer));
}`,
    // .then(onFulfilled, onRejected) releasing in both.
    `${prelude}export function load(id: string): Promise<void> {
  const timer = setTimeout(() => undefined, 5000);
  return work(id).then(
    () => clearTimeout(timer),
    () => clearTimeout(timer),
  );
}`,
    // Different keys are not a pair.
    `${prelude}const inflight = new Map<string, number>();
export async function rotate(next: string, previous: string): Promise<void> {
  inflight.set(next, 1);
  await work(next);
  if (previous) inflight.delete(previous);
}`,
    // An acquire with no release at all is another rule's business.
    `${prelude}const seen = new Set<string>();
export async function handle(id: string): Promise<void> {
  seen.add(id);
  await work(id);
}`,
    // A listener that removes itself.
    `export function once(target: EventTarget, done: () => void): void {
  target.addEventListener('load', done, { once: true });
}`,
    // Alternatives, not a pair: one branch updates the entry, the other deletes it.
    `const listeners = new Map<string, number[]>();
export function unwatch(key: string, id: number): void {
  const rest = (listeners.get(key) ?? []).filter((x) => x !== id);
  if (rest.length > 0) {
    listeners.set(key, rest);
    return;
  }
  listeners.delete(key);
}`,
    // continue inside try/finally still runs the finally.
    `${prelude}export async function uploadAll(ids: string[], lock: { acquire(): Promise<void>; release(): void }): Promise<void> {
  for (const id of ids) {
    await lock.acquire();
    try {
      if (id === '') continue;
      await work(id);
    } finally {
      lock.release();
    }
  }
}`,
    // pairs with a type: only receivers of that type.
    {
      code: `${prelude}declare class Cursor { open(): void; close(): void }
declare const other: { open(): void; close(): void };
export async function scan(id: string): Promise<void> {
  other.open();
  await work(id);
  if (id) other.close();
}`,
      options: [{ pairs: [{ acquire: 'open', release: 'close', type: [{ from: 'file', name: 'Cursor' }] }] }],
    },
    // Awaits that cannot reject: a caught promise, and a promise whose executor takes no reject.
    `${prelude}declare const server: { close(): Promise<void>; once(e: string, f: () => void): void };
export async function shutdown(onError: () => void): Promise<void> {
  process.on('uncaughtException', onError);
  await server.close().catch(() => undefined);
  const closed = new Promise<void>((resolve) => server.once('close', resolve));
  await closed;
  process.off('uncaughtException', onError);
}`,
    // The awaited task is a parameter of a function handed out in an object: every call of it,
    // through the property or a destructured name, passes an async function that catches every
    // error, so \`await execution\` cannot reject.
    `${prelude}${runner}interface Settings { schedule: number }
export class Store {
  runner = makeRunner();
  constructor(private readonly settings: Settings) {}
  save(id: string, write: () => Promise<void>): Promise<void> {
    return this.runner.schedule(id, async () => {
      try {
        await write();
      } catch (error) {
        console.error('save failed', error, this.settings.schedule);
        return;
      }
      setTimeout(() => this.unload(id), 0);
    });
  }
  unload(id: string): void {}
}
export function touchAll(ids: string[]): void {
  const { schedule } = makeRunner();
  for (const id of ids) void schedule(id, async () => {});
}`,
    // A Map method on something that is not a Map is not a pair.
    `${prelude}declare const store: { set(k: string, v: number): void; delete(k: string): void };
export async function handle(id: string): Promise<void> {
  store.set(id, 1);
  await work(id);
  if (id) store.delete(id);
}`,
    // Regression (property tests): ESLint's code paths let the first call in a `try`
    // throw into its `finally`; a synchronous call does not count by default, so
    // this release runs on every path that does.
    `${prelude}declare function log(message: string): void;
const visiting = new Set<string>();
export function visit(id: string): number {
  visiting.add(id);
  try {
    const n = check(id);
    visiting.delete(id);
    return n;
  } finally {
    log('visited');
  }
}`,
    // Regression (property tests): the same in a `catch` that runs a call before its
    // release, in a try/catch/finally: only the awaited work can throw.
    `${prelude}declare function log(message: string): void;
const inflight = new Map<string, number>();
export async function handle(id: string): Promise<void> {
  inflight.set(id, 1);
  try {
    await work(id);
    inflight.delete(id);
  } catch (error) {
    log(String(error));
    inflight.delete(id);
  } finally {
    log('done');
  }
}`,
    // Regression (property tests): an await in the finally runs after the release in
    // the try on every path where it runs at all.
    `${prelude}const visiting = new Set<string>();
export async function visit(id: string): Promise<void> {
  visiting.add(id);
  try {
    check(id);
    visiting.delete(id);
  } finally {
    await work(id);
  }
}`,
    // Regression (property tests): a break out of a try whose finally releases has
    // released; a call after the loop cannot skip the release.
    {
      code: `${prelude}const inflight = new Map<string, number>();
export async function drain(ids: string[]): Promise<void> {
  for (const id of ids) {
    inflight.set(id, 1);
    try {
      await work(id);
    } catch {
      break;
    } finally {
      inflight.delete(id);
    }
  }
  check('done');
}`,
      options: [{ assumeCallsThrow: true }],
    },
    // Regression (property tests): a throw caught by a catch that releases is no throw
    // out of the function, even when ESLint lets the catch's own first call throw on.
    `${prelude}const inflight = new Map<string, number>();
export async function handle(id: string, ids: string[]): Promise<void> {
  inflight.set(id, 1);
  try {
    await work(id);
    for (const other of ids) {
      if (other === '') throw new Error('empty');
    }
    inflight.delete(id);
  } catch (error) {
    check(String(error));
    inflight.delete(id);
  } finally {
    check(id);
  }
}`,
    // The acquire is awaited inside a \`try\` whose \`catch\` carries on: a path into the \`catch\` from
    // the acquire's own call never held the connection, and every throw after it passes the \`finally\`.
    `interface Conn { query(sql: string): Promise<unknown>; release(): void }
export async function list(pool: { getConnection(): Promise<Conn> }, reply: (v: unknown) => void): Promise<void> {
  try {
    const conn = await pool.getConnection();
    try {
      reply(await conn.query('SELECT 1'));
    } finally {
      conn.release();
    }
  } catch (error) {
    reply(error);
  }
}`,
    // The \`catch\` releases behind a test of the handle: the code's own answer to a throw after the acquire.
    `interface Runner extends AsyncDisposable { query(q: string): Promise<unknown>; release(): Promise<void> }
export async function handler(open: () => Runner, query: string): Promise<void> {
  let runner: Runner | undefined = undefined;
  try {
    runner = open();
    await runner.query(query);
    await runner.release();
  } catch (err) {
    console.error(err);
    if (runner) await (runner as Runner).release();
  }
}`,
  ],
  invalid: [
    // A call of an Object.prototype name with two arguments is an ordinary call that can throw
    // (\`toLocaleString\` throws a RangeError for an unknown time zone), not a listener removal.
    {
      code: `export class Formatter {
  private active = 0;
  format(d: Date, timeZone: string): string {
    this.active++;
    const text = d.toLocaleString('en-US', { timeZone });
    this.active--;
    return text;
  }
}`,
      options: [{ assumeCallsThrow: true }],
      // \`text\` is used after the region: declared before the \`try\`, assigned inside it.
      output: `export class Formatter {
  private active = 0;
  format(d: Date, timeZone: string): string {
    this.active++;
    let text;
    try {
      text = d.toLocaleString('en-US', { timeZone });
    } finally {
      this.active--;
    }
    return text;
  }
}`,
      errors: [{ messageId: 'cleanupSkippedOnThrow', line: 6, column: 5, suggestions: [] }],
    },
    // The abort listener is on another signal: the return on this one still leaves the timer armed.
    {
      code: `const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
export async function waitConnected(isConnected: () => boolean, signal: AbortSignal, other: AbortSignal, ms: number): Promise<void> {
  const onAbort = () => {
    clearTimeout(deadline);
  };
  other.addEventListener('abort', onAbort, { once: true });
  const deadline = setTimeout(() => undefined, ms);
  while (!isConnected()) {
    await sleep(50);
    if (signal.aborted) return;
  }
  clearTimeout(deadline);
}`,
      output: null,
      errors: [
        {
          messageId: 'cleanupSkippedOnSomePaths',
          line: 12,
          column: 3,
          suggestions: [
            {
              messageId: 'moveToFinallySuggestion',
              output: `const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
export async function waitConnected(isConnected: () => boolean, signal: AbortSignal, other: AbortSignal, ms: number): Promise<void> {
  const onAbort = () => {
    clearTimeout(deadline);
  };
  other.addEventListener('abort', onAbort, { once: true });
  const deadline = setTimeout(() => undefined, ms);
  try {
    while (!isConnected()) {
      await sleep(50);
      if (signal.aborted) return;
    }
  } finally {
    clearTimeout(deadline);
  }
}`,
            },
          ],
        },
      ],
    },
    // The deadline deletes another key: a throw from publish() still leaves this entry.
    {
      code: `interface Ack { resolve(): void }
export class Rpc {
  private readonly pendingAcks = new Map<string, Ack>();
  async send(id: string, other: string, publish: (id: string) => Promise<void>): Promise<void> {
    const ackTimeout = setTimeout(() => {
      this.pendingAcks.delete(other);
    }, 5000);
    this.pendingAcks.set(id, { resolve: () => clearTimeout(ackTimeout) });
    await publish(id);
    this.pendingAcks.delete(id);
  }
}`,
      output: `interface Ack { resolve(): void }
export class Rpc {
  private readonly pendingAcks = new Map<string, Ack>();
  async send(id: string, other: string, publish: (id: string) => Promise<void>): Promise<void> {
    const ackTimeout = setTimeout(() => {
      this.pendingAcks.delete(other);
    }, 5000);
    this.pendingAcks.set(id, { resolve: () => clearTimeout(ackTimeout) });
    try {
      await publish(id);
    } finally {
      this.pendingAcks.delete(id);
    }
  }
}`,
      errors: [{ messageId: 'cleanupSkippedOnThrow', line: 10, column: 5, suggestions: [] }],
    },
    // An awaited step before the release in the same \`finally\` can fail on its own.
    {
      code: `interface Server { close(): Promise<void> }
export class Provider {
  private readonly servers = new Map<string, Server>();
  async run(id: string, server: Server, work: () => Promise<void>): Promise<void> {
    this.servers.set(id, server);
    try {
      await work();
    } finally {
      await server.close();
      this.servers.delete(id);
    }
  }
}`,
      output: null,
      errors: [
        {
          messageId: 'cleanupSkippedOnThrow',
          line: 10,
          column: 7,
          data: {
            release: 'this.servers.delete(id)',
            thrower: '`await server.close()`',
            throwLine: '9',
            resource: 'the entry added by',
            acquire: 'this.servers.set(id, …)',
            line: '5',
            stays: 'stays',
          },
          suggestions: [],
        },
      ],
    },
    // The handle test around the delete is not what skips it: the early return is.
    {
      code: `declare function start(): Promise<{ send(kind: string): void }>;
declare function dropped(): Promise<boolean>;
export class Client {
  private readonly inFlight = new Set<string>();
  async notify(kind: string, uri: string, full: boolean): Promise<void> {
    let open: string | undefined;
    if (full && kind === 'open') {
      open = uri;
      this.inFlight.add(open);
    }
    const connection = await start();
    if (await dropped()) return;
    if (open !== undefined) {
      this.inFlight.delete(open);
    }
    connection.send(kind);
  }
}`,
      output: null,
      errors: [
        {
          messageId: 'cleanupSkippedOnSomePaths',
          line: 14,
          column: 7,
          data: {
            release: 'this.inFlight.delete(open)',
            condition: 'is skipped by the `return` on line 12',
            resource: 'the entry added by',
            acquire: 'this.inFlight.add(open)',
            line: '9',
            stays: 'stays',
          },
        },
      ],
    },
    // Made whenever no runner was given, but released only for a replica.
    {
      code: `interface Runner { release(): Promise<void>; replica: boolean; [Symbol.asyncDispose](): Promise<void> }
declare function createRunner(): Runner;
declare function save(runner: Runner): Promise<void>;
export async function store(runner?: Runner): Promise<void> {
  const isReplica = runner?.replica === true;
  if (runner === undefined || isReplica) {
    runner = createRunner();
  }
  try {
    await save(runner);
  } finally {
    if (isReplica) await runner.release();
  }
}`,
      errors: [{ messageId: 'cleanupSkippedOnSomePaths', line: 12, column: 26, suggestions: [] }],
    },
    // The variable lets go of the handle before the finally that would close it.
    {
      code: `import { open, type FileHandle } from 'node:fs/promises';
export async function write(path: string, data: string): Promise<void> {
  let handle: FileHandle | null = null;
  try {
    handle = await open(path, 'w');
    await handle.writeFile(data);
    handle = null;
  } finally {
    if (handle) await handle.close();
  }
}`,
      errors: [
        {
          messageId: 'cleanupSkippedOnSomePaths',
          line: 9,
          column: 23,
          data: {
            release: 'handle.close()',
            condition:
              'finds nothing once `handle = null` on line 7 lets go of the handle unreleased (release it before letting go)',
            resource: 'the handle opened by',
            acquire: 'open(path, …)',
            line: '5',
            stays: 'stays open',
          },
          suggestions: [],
        },
      ],
    },
    // The timer is cleared in the listener for one outcome; the one for the other settles without it.
    {
      code: `import { request, type IncomingMessage } from 'node:http';
export function get(url: URL, ms: number): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const req = request(url);
    const timer = setTimeout(() => req.destroy(new Error('timeout')), ms);
    req.on('response', (res) => {
      clearTimeout(timer);
      resolve(res);
    });
    req.on('error', (error) => {
      reject(error);
    });
    req.end();
  });
}`,
      errors: [
        {
          messageId: 'cleanupSkippedOnSomePaths',
          line: 7,
          column: 7,
          data: {
            release: 'clearTimeout(timer)',
            condition: "runs only when 'response' is emitted (the 'error' listener settles the promise without it)",
            resource: 'the timer started by',
            acquire: "setTimeout(() => req.destroy(new Error('timeout')), …)",
            line: '5',
            stays: 'stays armed',
          },
          suggestions: [],
        },
      ],
    },
    // A listener added in a promise executor runs when the promise is made; an await that
    // rejects (an error reply, the deadline) skips the removal after it. The statement that makes
    // the promise goes into the \`try\` too: removing a listener that was never added does nothing.
    {
      code: `import { EventEmitter } from 'node:events';
declare function within<T>(work: Promise<T>, ms: number): Promise<T>;
export async function nextReply(bus: EventEmitter): Promise<string> {
  let onReply = (_reply: string): void => undefined;
  const reply = await within(
    new Promise<string>((resolve) => {
      onReply = resolve;
      bus.on('reply', onReply);
    }),
    1000,
  );
  bus.removeListener('reply', onReply);
  return reply;
}`,
      output: `import { EventEmitter } from 'node:events';
declare function within<T>(work: Promise<T>, ms: number): Promise<T>;
export async function nextReply(bus: EventEmitter): Promise<string> {
  let onReply = (_reply: string): void => undefined;
  let reply;
  try {
    reply = await within(
      new Promise<string>((resolve) => {
        onReply = resolve;
        bus.on('reply', onReply);
      }),
      1000,
    );
  } finally {
    bus.removeListener('reply', onReply);
  }
  return reply;
}`,
      errors: [
        {
          messageId: 'cleanupSkippedOnThrow',
          line: 12,
          column: 3,
          data: {
            release: "bus.removeListener('reply', …)",
            thrower: '`await within(new Promise<string>((resolve) => { onReply = resolve; bus…, …)`',
            throwLine: '5',
            resource: 'the listener added by',
            acquire: "bus.on('reply', …)",
            line: '8',
            stays: 'stays attached',
          },
          suggestions: [],
        },
      ],
    },
    // The entry's value is a chain whose fulfilment handler deletes it: a failed query stays.
    {
      code: `declare function load(id: string): Promise<string>;
export class Store {
  private readonly pending = new Map<string, Promise<string>>();
  find(id: string): Promise<string> {
    const known = this.pending.get(id);
    if (known) return known;
    const query = load(id).then((value) => {
      this.pending.delete(id);
      return value;
    });
    this.pending.set(id, query);
    return query;
  }
}`,
      errors: [
        {
          messageId: 'cleanupSkippedOnSomePaths',
          line: 8,
          column: 7,
          data: {
            release: 'this.pending.delete(id)',
            condition: 'runs only when the promise fulfils',
            resource: 'the entry added by',
            acquire: 'this.pending.set(id, …)',
            line: '11',
            stays: 'stays',
          },
          suggestions: [
            {
              messageId: 'releaseOnRejectionSuggestion',
              output: `declare function load(id: string): Promise<string>;
export class Store {
  private readonly pending = new Map<string, Promise<string>>();
  find(id: string): Promise<string> {
    const known = this.pending.get(id);
    if (known) return known;
    const query = load(id).then((value) => {
      this.pending.delete(id);
      return value;
    }, (error) => {
      this.pending.delete(id);
      throw error;
    });
    this.pending.set(id, query);
    return query;
  }
}`,
            },
          ],
        },
      ],
    },
    // A count per key raised by a helper, skipped by an early return before the try.
    {
      code: `${prelude}export class Jobs {
  private readonly running = new Map<string, number>();
  private take(type: string): void {
    this.running.set(type, (this.running.get(type) ?? 0) + 1);
  }
  private give(type: string): void {
    const left = (this.running.get(type) ?? 1) - 1;
    if (left > 0) this.running.set(type, left);
    else this.running.delete(type);
  }
  async run(type: string): Promise<number> {
    this.take(type);
    if (check(type) < 0) return -1;
    try {
      return await work(type);
    } finally {
      this.give(type);
    }
  }
}`,
      errors: [
        {
          messageId: 'cleanupSkippedOnSomePaths',
          line: 20,
          column: 7,
          suggestions: [
            {
              messageId: 'moveToFinallySuggestion',
              output: `${prelude}export class Jobs {
  private readonly running = new Map<string, number>();
  private take(type: string): void {
    this.running.set(type, (this.running.get(type) ?? 0) + 1);
  }
  private give(type: string): void {
    const left = (this.running.get(type) ?? 1) - 1;
    if (left > 0) this.running.set(type, left);
    else this.running.delete(type);
  }
  async run(type: string): Promise<number> {
    this.take(type);
    try {
      if (check(type) < 0) return -1;
      try {
        return await work(type);
      } finally {
      }
    } finally {
      this.give(type);
    }
  }
}`,
            },
          ],
        },
      ],
    },
    // The runner's own code sets the connection its release ends.
    {
      code: `declare function query(sql: string): Promise<string>;
declare function open(): Promise<{ end(): void }>;
export class BaseRunner {
  protected connection: { end(): void } | undefined;
}
export class PooledRunner extends BaseRunner {
  async open(): Promise<void> {
    this.connection = await open();
  }
}
export class Runner extends BaseRunner {
  isReleased = false;
  async open(): Promise<void> {
    this.connection = await open();
  }
  async [Symbol.asyncDispose](): Promise<void> {
    await this.release();
  }
  async currentDatabase(): Promise<string> {
    return query('select current_database()');
  }
  release(): Promise<void> {
    this.isReleased = true;
    if (this.connection) this.connection.end();
    return Promise.resolve();
  }
}
export class Driver {
  database = '';
  createRunner() {
    return new Runner();
  }
  async connect(): Promise<void> {
    const runner = this.createRunner();
    this.database = await runner.currentDatabase();
    await runner.release();
  }
}`,
      output: `declare function query(sql: string): Promise<string>;
declare function open(): Promise<{ end(): void }>;
export class BaseRunner {
  protected connection: { end(): void } | undefined;
}
export class PooledRunner extends BaseRunner {
  async open(): Promise<void> {
    this.connection = await open();
  }
}
export class Runner extends BaseRunner {
  isReleased = false;
  async open(): Promise<void> {
    this.connection = await open();
  }
  async [Symbol.asyncDispose](): Promise<void> {
    await this.release();
  }
  async currentDatabase(): Promise<string> {
    return query('select current_database()');
  }
  release(): Promise<void> {
    this.isReleased = true;
    if (this.connection) this.connection.end();
    return Promise.resolve();
  }
}
export class Driver {
  database = '';
  createRunner() {
    return new Runner();
  }
  async connect(): Promise<void> {
    const runner = this.createRunner();
    try {
      this.database = await runner.currentDatabase();
    } finally {
      await runner.release();
    }
  }
}`,
      errors: [
        {
          messageId: 'cleanupSkippedOnThrow',
          line: 36,
          column: 11,
          suggestions: [
            {
              messageId: 'useUsingSuggestion',
              output: `declare function query(sql: string): Promise<string>;
declare function open(): Promise<{ end(): void }>;
export class BaseRunner {
  protected connection: { end(): void } | undefined;
}
export class PooledRunner extends BaseRunner {
  async open(): Promise<void> {
    this.connection = await open();
  }
}
export class Runner extends BaseRunner {
  isReleased = false;
  async open(): Promise<void> {
    this.connection = await open();
  }
  async [Symbol.asyncDispose](): Promise<void> {
    await this.release();
  }
  async currentDatabase(): Promise<string> {
    return query('select current_database()');
  }
  release(): Promise<void> {
    this.isReleased = true;
    if (this.connection) this.connection.end();
    return Promise.resolve();
  }
}
export class Driver {
  database = '';
  createRunner() {
    return new Runner();
  }
  async connect(): Promise<void> {
    await using runner = this.createRunner();
    this.database = await runner.currentDatabase();
  }
}`,
            },
          ],
        },
      ],
    },
    // A subclass may override the release: what a call runs is not known to be the flag-only body.
    {
      code: `declare function query(sql: string): Promise<string>;
export class Runner {
  isReleased = false;
  async [Symbol.asyncDispose](): Promise<void> {
    await this.release();
  }
  async currentDatabase(): Promise<string> {
    return query('select current_database()');
  }
  release(): Promise<void> {
    this.isReleased = true;
    return Promise.resolve();
  }
}
export class PooledRunner extends Runner {
  override release(): Promise<void> {
    return Promise.resolve();
  }
}
export class Driver {
  database = '';
  createRunner() {
    return new Runner();
  }
  async connect(): Promise<void> {
    const runner = this.createRunner();
    this.database = await runner.currentDatabase();
    await runner.release();
  }
}`,
      output: `declare function query(sql: string): Promise<string>;
export class Runner {
  isReleased = false;
  async [Symbol.asyncDispose](): Promise<void> {
    await this.release();
  }
  async currentDatabase(): Promise<string> {
    return query('select current_database()');
  }
  release(): Promise<void> {
    this.isReleased = true;
    return Promise.resolve();
  }
}
export class PooledRunner extends Runner {
  override release(): Promise<void> {
    return Promise.resolve();
  }
}
export class Driver {
  database = '';
  createRunner() {
    return new Runner();
  }
  async connect(): Promise<void> {
    const runner = this.createRunner();
    try {
      this.database = await runner.currentDatabase();
    } finally {
      await runner.release();
    }
  }
}`,
      errors: [
        {
          messageId: 'cleanupSkippedOnThrow',
          line: 28,
          column: 11,
          suggestions: [
            {
              messageId: 'useUsingSuggestion',
              output: `declare function query(sql: string): Promise<string>;
export class Runner {
  isReleased = false;
  async [Symbol.asyncDispose](): Promise<void> {
    await this.release();
  }
  async currentDatabase(): Promise<string> {
    return query('select current_database()');
  }
  release(): Promise<void> {
    this.isReleased = true;
    return Promise.resolve();
  }
}
export class PooledRunner extends Runner {
  override release(): Promise<void> {
    return Promise.resolve();
  }
}
export class Driver {
  database = '';
  createRunner() {
    return new Runner();
  }
  async connect(): Promise<void> {
    await using runner = this.createRunner();
    this.database = await runner.currentDatabase();
  }
}`,
            },
          ],
        },
      ],
    },
    // The same helpers, with an early return between them: the slot is never given back.
    {
      code: `${prelude}export class Queue {
  private active = 0;
  private take(): void {
    this.active += 1;
  }
  private give(): void {
    this.active -= 1;
  }
  run(id: string): number {
    this.take();
    const n = check(id);
    if (n < 0) return n;
    this.give();
    return n;
  }
}`,
      output: null,
      errors: [
        {
          messageId: 'cleanupSkippedOnSomePaths',
          line: 16,
          column: 5,
          data: {
            release: 'this.give()',
            condition: 'is skipped by the `return` on line 15',
            resource: 'the count raised by',
            acquire: 'this.take()',
            line: '13',
            stays: 'stays raised',
          },
          suggestions: [
            {
              messageId: 'moveToFinallySuggestion',
              output: `${prelude}export class Queue {
  private active = 0;
  private take(): void {
    this.active += 1;
  }
  private give(): void {
    this.active -= 1;
  }
  run(id: string): number {
    this.take();
    try {
      const n = check(id);
      if (n < 0) return n;
      return n;
    } finally {
      this.give();
    }
  }
}`,
            },
          ],
        },
      ],
    },
    // Deleted only if the send fails, and nothing else ever deletes: every successful call leaves its entry.
    {
      code: `${prelude}declare function post(message: { id: number }): Promise<void>;
export class Rpc {
  private readonly pending = new Map<number, (value: unknown) => void>();
  private next = 0;
  call(): Promise<unknown> {
    return new Promise((resolve, reject) => {
      const id = this.next++;
      this.pending.set(id, resolve);
      post({ id }).catch((err: unknown) => {
        this.pending.delete(id);
        reject(err);
      });
    });
  }
}`,
      output: null,
      errors: [{ messageId: 'cleanupSkippedOnSomePaths', line: 13, column: 9 }],
    },
    // The same with the caller's signal: it outlives the call and keeps the listener. No suggestion:
    // in `finally` the removal would run once, not once per pass of the loop.
    {
      code: `${prelude}export async function serve(read: (o: { signal: AbortSignal }) => Promise<string | undefined>, onAbort: () => void, outer: AbortSignal): Promise<void> {
  let signal = outer;
  signal.addEventListener('abort', onAbort);
  while (true) {
    const message = await read({ signal });
    if (message === undefined) return;
    signal.removeEventListener('abort', onAbort);
    signal = AbortSignal.timeout(1000);
    signal.addEventListener('abort', onAbort);
  }
}`,
      output: null,
      errors: [{ messageId: 'cleanupSkippedOnSomePaths', line: 10, column: 5, suggestions: [] }],
    },
    // The acquire above this one in the file is guarded by \`flag\`; this one is not, so a
    // release under \`flag\` here is a branch, whatever another acquire's guard was.
    {
      code: `${prelude}declare const pool: { connect(): Promise<{ release(): void }> };
export async function gated(sem: { acquire(): Promise<void>; release(): void }, flag: boolean): Promise<void> {
  if (flag) await sem.acquire();
  try {
    await work('a');
  } finally {
    if (flag) sem.release();
  }
}
export async function borrow(flag: boolean): Promise<void> {
  const sem = await pool.connect();
  check('b');
  if (flag) sem.release();
}`,
      output: null,
      errors: [
        {
          messageId: 'cleanupSkippedOnSomePaths',
          line: 16,
          column: 13,
          suggestions: [
            {
              messageId: 'moveToFinallySuggestion',
              output: `${prelude}declare const pool: { connect(): Promise<{ release(): void }> };
export async function gated(sem: { acquire(): Promise<void>; release(): void }, flag: boolean): Promise<void> {
  if (flag) await sem.acquire();
  try {
    await work('a');
  } finally {
    if (flag) sem.release();
  }
}
export async function borrow(flag: boolean): Promise<void> {
  const sem = await pool.connect();
  try {
    check('b');
    if (flag) {}
  } finally {
    sem.release();
  }
}`,
            },
          ],
        },
      ],
    },
    // The same runner with a caller whose task can reject: the entry stays when it does.
    {
      code: `${prelude}${runner}export class Store {
  runner = makeRunner();
  save(id: string, write: () => Promise<void>): Promise<void> {
    return this.runner.schedule(id, async () => {
      await write();
    });
  }
}`,
      output: `${prelude}${runnerFixed}export class Store {
  runner = makeRunner();
  save(id: string, write: () => Promise<void>): Promise<void> {
    return this.runner.schedule(id, async () => {
      await write();
    });
  }
}`,
      errors: [{ messageId: 'cleanupSkippedOnThrow', line: 11, column: 7 }],
    },
    // A caller that takes the function out of the object by destructuring counts too.
    {
      code: `${prelude}${runner}export function touchAll(ids: string[], write: () => Promise<void>): void {
  const { schedule } = makeRunner();
  for (const id of ids) void schedule(id, async () => {
    try {
      await write();
    } catch {
      return;
    }
  });
  void schedule('last', write);
}`,
      output: `${prelude}${runnerFixed}export function touchAll(ids: string[], write: () => Promise<void>): void {
  const { schedule } = makeRunner();
  for (const id of ids) void schedule(id, async () => {
    try {
      await write();
    } catch {
      return;
    }
  });
  void schedule('last', write);
}`,
      errors: [{ messageId: 'cleanupSkippedOnThrow', line: 11, column: 7 }],
    },
    // An object handed to a declared type goes where the program cannot follow its calls.
    {
      code: `${prelude}${runner}interface Runner { schedule(id: string, task: () => Promise<void>): Promise<void> }
export const shared: Runner = makeRunner();`,
      output: `${prelude}${runnerFixed}interface Runner { schedule(id: string, task: () => Promise<void>): Promise<void> }
export const shared: Runner = makeRunner();`,
      errors: [{ messageId: 'cleanupSkippedOnThrow', line: 11, column: 7 }],
    },
    // A helper whose promise cannot reject, but which throws before it returns one: its
    // \`await\` can throw between the acquire and the release.
    {
      code: `${prelude}function pause(ms: number): Promise<void> {
  if (ms < 0) throw new Error('negative');
  return new Promise((resolve) => setTimeout(resolve, ms));
}
export async function paced(lock: { acquire(): Promise<void>; release(): void }): Promise<void> {
  await lock.acquire();
  await pause(5);
  lock.release();
}`,
      output: `${prelude}function pause(ms: number): Promise<void> {
  if (ms < 0) throw new Error('negative');
  return new Promise((resolve) => setTimeout(resolve, ms));
}
export async function paced(lock: { acquire(): Promise<void>; release(): void }): Promise<void> {
  await lock.acquire();
  try {
    await pause(5);
  } finally {
    lock.release();
  }
}`,
      errors: [{ messageId: 'cleanupSkippedOnThrow', line: 11, column: 3 }],
    },
    // The acquire and its release in one \`if\` block: the test is around both, so it guards
    // nothing between them.
    {
      code: `${prelude}const seen = new Set<string>();
export async function convert(id: string, union: boolean): Promise<number> {
  if (union) {
    seen.add(id);
    const n = await work(id);
    seen.delete(id);
    return n;
  }
  return 0;
}`,
      // \`n\` is declared in the region and used after it: declared before the \`try\`.
      output: `${prelude}const seen = new Set<string>();
export async function convert(id: string, union: boolean): Promise<number> {
  if (union) {
    seen.add(id);
    let n;
    try {
      n = await work(id);
    } finally {
      seen.delete(id);
    }
    return n;
  }
  return 0;
}`,
      errors: [{ messageId: 'cleanupSkippedOnThrow', line: 9, column: 5, suggestions: [] }],
    },
    // The same guard, but one caller hands it a set that outlives the call.
    {
      code: `${prelude}const shared = new Set<string>();
function walk(type: string, seen: Set<string>, children: (t: string) => string[]): void {
  seen.add(type);
  for (const child of children(type)) walk(child, seen, children);
  seen.delete(type);
}
export function verify(type: string, children: (t: string) => string[]): void {
  walk(type, shared, children);
}`,
      options: [{ assumeCallsThrow: true }],
      output: `${prelude}const shared = new Set<string>();
function walk(type: string, seen: Set<string>, children: (t: string) => string[]): void {
  seen.add(type);
  try {
    for (const child of children(type)) walk(child, seen, children);
  } finally {
    seen.delete(type);
  }
}
export function verify(type: string, children: (t: string) => string[]): void {
  walk(type, shared, children);
}`,
      errors: [{ messageId: 'cleanupSkippedOnThrow', line: 8, column: 3 }],
    },
    // A pool given its handle back: the release names the handle its acquire returned.
    {
      code: `${prelude}declare const pool: { acquire(): Promise<{ id: string }>; release(conn: { id: string }): void };
export async function query(sql: string): Promise<number> {
  const conn = await pool.acquire();
  const rows = await work(conn.id + sql);
  pool.release(conn);
  return rows;
}`,
      // \`rows\` is declared in the region and used after it: declared before the \`try\`.
      output: `${prelude}declare const pool: { acquire(): Promise<{ id: string }>; release(conn: { id: string }): void };
export async function query(sql: string): Promise<number> {
  const conn = await pool.acquire();
  let rows;
  try {
    rows = await work(conn.id + sql);
  } finally {
    pool.release(conn);
  }
  return rows;
}`,
      errors: [{ messageId: 'cleanupSkippedOnThrow', line: 8, column: 3, suggestions: [] }],
    },
    // A retry calls this method again with the signal: that is no hand-over of the listener.
    {
      code: `${prelude}export class Runner {
  async attempt(id: string, signal: AbortSignal, onAbort: () => void, tries = 0): Promise<number> {
    signal.addEventListener('abort', onAbort);
    let n: number;
    try {
      n = await work(id);
    } catch (error) {
      if (tries < 3) return this.attempt(id, signal, onAbort, tries + 1);
      throw error;
    }
    signal.removeEventListener('abort', onAbort);
    return n;
  }
}`,
      output: null,
      errors: [
        {
          messageId: 'cleanupSkippedOnSomePaths',
          line: 14,
          column: 5,
          suggestions: [
            {
              messageId: 'moveToFinallySuggestion',
              output: `${prelude}export class Runner {
  async attempt(id: string, signal: AbortSignal, onAbort: () => void, tries = 0): Promise<number> {
    signal.addEventListener('abort', onAbort);
    try {
      let n: number;
      try {
        n = await work(id);
      } catch (error) {
        if (tries < 3) return await this.attempt(id, signal, onAbort, tries + 1);
        throw error;
      }
      return n;
    } finally {
      signal.removeEventListener('abort', onAbort);
    }
  }
}`,
            },
          ],
        },
      ],
    },
    // A throw on a condition that does not read the count: the count stays raised.
    {
      code: `${prelude}export class Pool {
  private active = 0;
  constructor(private readonly capacity: number) {}
  run(thunk: (() => void) | undefined): void {
    if (this.active === this.capacity) return;
    this.active++;
    if (thunk === undefined) {
      throw new Error('no work');
    }
    this.active--;
  }
}`,
      output: `${prelude}export class Pool {
  private active = 0;
  constructor(private readonly capacity: number) {}
  run(thunk: (() => void) | undefined): void {
    if (this.active === this.capacity) return;
    this.active++;
    try {
      if (thunk === undefined) {
        throw new Error('no work');
      }
    } finally {
      this.active--;
    }
  }
}`,
      errors: [{ messageId: 'cleanupSkippedOnThrow', line: 13, column: 5 }],
    },
    // The try/catch undo, and nothing else ever deletes: every successful call leaves its entry.
    {
      code: `${prelude}declare function post(message: { id: number }): Promise<void>;
export class Rpc {
  private readonly pending = new Map<number, (value: unknown) => void>();
  private next = 0;
  async call(resolve: (value: unknown) => void): Promise<void> {
    const id = this.next++;
    try {
      this.pending.set(id, resolve);
      await post({ id });
    } catch (err) {
      this.pending.delete(id);
      throw err;
    }
  }
}`,
      output: null,
      errors: [{ messageId: 'cleanupSkippedOnSomePaths', line: 14, column: 7 }],
    },
    // The same, with an await between the add and the inner try: its rejection reaches the rethrow.
    // The inner try has no \`catch\`: the statement moves into it, and only the throw paths change.
    {
      code: `${prelude}export class Sender {
  private readonly encrypting = new Set<string>();
  async send(id: string): Promise<number> {
    try {
      this.encrypting.add(id);
      await work('prepare');
      try {
        await work(id);
      } finally {
        this.encrypting.delete(id);
      }
      return check(id);
    } catch (err) {
      console.error(err);
      throw err;
    }
  }
}`,
      output: `${prelude}export class Sender {
  private readonly encrypting = new Set<string>();
  async send(id: string): Promise<number> {
    try {
      this.encrypting.add(id);
      try {
        await work('prepare');
        await work(id);
      } finally {
        this.encrypting.delete(id);
      }
      return check(id);
    } catch (err) {
      console.error(err);
      throw err;
    }
  }
}`,
      errors: [{ messageId: 'cleanupSkippedOnThrow', line: 13, column: 9 }],
    },
    // With \`assumeCallsThrow\`, a call between the add and the inner try reaches the rethrow too.
    // The inner try has no \`catch\`: the statement moves into it, and only the throw paths change.
    {
      code: `${prelude}export class Sender {
  private readonly encrypting = new Set<string>();
  async send(id: string): Promise<number> {
    try {
      this.encrypting.add(id);
      check('prepare');
      try {
        await work(id);
      } finally {
        this.encrypting.delete(id);
      }
      return check(id);
    } catch (err) {
      console.error(err);
      throw err;
    }
  }
}`,
      options: [{ assumeCallsThrow: true }],
      output: `${prelude}export class Sender {
  private readonly encrypting = new Set<string>();
  async send(id: string): Promise<number> {
    try {
      this.encrypting.add(id);
      try {
        check('prepare');
        await work(id);
      } finally {
        this.encrypting.delete(id);
      }
      return check(id);
    } catch (err) {
      console.error(err);
      throw err;
    }
  }
}`,
      errors: [{ messageId: 'cleanupSkippedOnThrow', line: 13, column: 9 }],
    },
    // The same context guard, but the outermost call catches a throw and carries on with the same
    // context: the entry a skipped delete leaves makes the next schema look circular.
    {
      code: `${prelude}interface Schema { name: string; fields: Schema[] }
interface Ctx { visiting: Set<Schema>; out: string[] }
interface Step { schema: Schema; ctx: Ctx }
function emit(schema: Schema, ctx: Ctx): void {
  if (ctx.visiting.has(schema)) return;
  ctx.visiting.add(schema);
  for (const field of schema.fields) step({ schema: field, ctx });
  ctx.out.push(schema.name);
  ctx.visiting.delete(schema);
}
function step(next: Step): void {
  const { schema, ctx } = next;
  emit(schema, ctx);
}
export function print(schemas: Schema[]): string[] {
  const ctx: Ctx = { visiting: new Set(), out: [] };
  for (const schema of schemas) {
    try {
      emit(schema, ctx);
    } catch {
      ctx.out.push('?');
    }
  }
  return ctx.out;
}`,
      options: [{ assumeCallsThrow: true }],
      output: `${prelude}interface Schema { name: string; fields: Schema[] }
interface Ctx { visiting: Set<Schema>; out: string[] }
interface Step { schema: Schema; ctx: Ctx }
function emit(schema: Schema, ctx: Ctx): void {
  if (ctx.visiting.has(schema)) return;
  ctx.visiting.add(schema);
  try {
    for (const field of schema.fields) step({ schema: field, ctx });
    ctx.out.push(schema.name);
  } finally {
    ctx.visiting.delete(schema);
  }
}
function step(next: Step): void {
  const { schema, ctx } = next;
  emit(schema, ctx);
}
export function print(schemas: Schema[]): string[] {
  const ctx: Ctx = { visiting: new Set(), out: [] };
  for (const schema of schemas) {
    try {
      emit(schema, ctx);
    } catch {
      ctx.out.push('?');
    }
  }
  return ctx.out;
}`,
      errors: [{ messageId: 'cleanupSkippedOnThrow', line: 12, column: 3 }],
    },
    // The same guard on a set the caller hands in: the caller's set keeps the entry.
    {
      code: `${prelude}interface Node { id: string; children: Node[] }
export function walk(node: Node, visiting: Set<string>): number {
  visiting.add(node.id);
  const below = Math.max(0, ...node.children.map((child) => walk(child, visiting)));
  if (below > 100) return below;
  visiting.delete(node.id);
  return below + 1;
}`,
      output: null,
      errors: [
        {
          messageId: 'cleanupSkippedOnSomePaths',
          line: 9,
          column: 3,
          suggestions: [
            {
              messageId: 'moveToFinallySuggestion',
              output: `${prelude}interface Node { id: string; children: Node[] }
export function walk(node: Node, visiting: Set<string>): number {
  visiting.add(node.id);
  try {
    const below = Math.max(0, ...node.children.map((child) => walk(child, visiting)));
    if (below > 100) return below;
    return below + 1;
  } finally {
    visiting.delete(node.id);
  }
}`,
            },
          ],
        },
      ],
    },
    // A FileHandle is disposable by type: its close() is skipped when the read throws.
    {
      code: `${prelude}import { open } from 'node:fs/promises';
export async function firstByte(path: string): Promise<number> {
  const handle = await open(path, 'r');
  const { buffer } = await handle.read(Buffer.alloc(1), 0, 1, 0);
  await handle.close();
  return buffer[0] ?? 0;
}`,
      // A destructured name used after the region: \`let buffer;\` before, a destructuring assignment inside.
      output: `${prelude}import { open } from 'node:fs/promises';
export async function firstByte(path: string): Promise<number> {
  const handle = await open(path, 'r');
  let buffer;
  try {
    ({ buffer } = await handle.read(Buffer.alloc(1), 0, 1, 0));
  } finally {
    await handle.close();
  }
  return buffer[0] ?? 0;
}`,
      errors: [
        {
          messageId: 'cleanupSkippedOnThrow',
          line: 8,
          column: 9,
          data: {
            release: 'handle.close()',
            thrower: '`await handle.read(Buffer.alloc(1), …)`',
            throwLine: '7',
            resource: 'the handle opened by',
            acquire: 'open(path, …)',
            line: '6',
            stays: 'stays open',
          },
          suggestions: [
            {
              messageId: 'useUsingSuggestion',
              output: `declare function work(id: string): Promise<number>;
declare function check(id: string): number;
declare const mutex: { acquire(): Promise<() => void> };
import { open } from 'node:fs/promises';
export async function firstByte(path: string): Promise<number> {
  await using handle = await open(path, 'r');
  const { buffer } = await handle.read(Buffer.alloc(1), 0, 1, 0);
  return buffer[0] ?? 0;
}`,
            },
          ],
        },
      ],
    },
    // The release's receiver through an assertion or a non-null mark is still the handle's variable.
    {
      code: `${prelude}import { open, type FileHandle } from 'node:fs/promises';
export async function firstByte(path: string): Promise<number> {
  const handle = await open(path, 'r');
  const { buffer } = await handle.read(Buffer.alloc(1), 0, 1, 0);
  await (handle as FileHandle).close();
  return buffer[0] ?? 0;
}
export async function lastByte(path: string): Promise<number> {
  let file: FileHandle | undefined;
  file = await open(path, 'r');
  const { buffer } = await file.read(Buffer.alloc(1), 0, 1, 0);
  await file!.close();
  return buffer[0] ?? 0;
}
export async function midByte(path: string): Promise<number> {
  const fd = await open(path, 'r');
  const { buffer } = await fd.read(Buffer.alloc(1), 0, 1, 1);
  await (<FileHandle>fd).close();
  return buffer[0] ?? 0;
}`,
      output: `${prelude}import { open, type FileHandle } from 'node:fs/promises';
export async function firstByte(path: string): Promise<number> {
  const handle = await open(path, 'r');
  let buffer;
  try {
    ({ buffer } = await handle.read(Buffer.alloc(1), 0, 1, 0));
  } finally {
    await (handle as FileHandle).close();
  }
  return buffer[0] ?? 0;
}
export async function lastByte(path: string): Promise<number> {
  let file: FileHandle | undefined;
  file = await open(path, 'r');
  let buffer;
  try {
    ({ buffer } = await file.read(Buffer.alloc(1), 0, 1, 0));
  } finally {
    await file!.close();
  }
  return buffer[0] ?? 0;
}
export async function midByte(path: string): Promise<number> {
  const fd = await open(path, 'r');
  let buffer;
  try {
    ({ buffer } = await fd.read(Buffer.alloc(1), 0, 1, 1));
  } finally {
    await (<FileHandle>fd).close();
  }
  return buffer[0] ?? 0;
}`,
      errors: [
        {
          messageId: 'cleanupSkippedOnThrow',
          line: 8,
          column: 9,
          data: {
            release: '(handle as FileHandle).close()',
            thrower: '`await handle.read(Buffer.alloc(1), …)`',
            throwLine: '7',
            resource: 'the handle opened by',
            acquire: 'open(path, …)',
            line: '6',
            stays: 'stays open',
          },
          suggestions: [
            {
              messageId: 'useUsingSuggestion',
              output: `declare function work(id: string): Promise<number>;
declare function check(id: string): number;
declare const mutex: { acquire(): Promise<() => void> };
import { open, type FileHandle } from 'node:fs/promises';
export async function firstByte(path: string): Promise<number> {
  await using handle = await open(path, 'r');
  const { buffer } = await handle.read(Buffer.alloc(1), 0, 1, 0);
  return buffer[0] ?? 0;
}
export async function lastByte(path: string): Promise<number> {
  let file: FileHandle | undefined;
  file = await open(path, 'r');
  const { buffer } = await file.read(Buffer.alloc(1), 0, 1, 0);
  await file!.close();
  return buffer[0] ?? 0;
}
export async function midByte(path: string): Promise<number> {
  const fd = await open(path, 'r');
  const { buffer } = await fd.read(Buffer.alloc(1), 0, 1, 1);
  await (<FileHandle>fd).close();
  return buffer[0] ?? 0;
}`,
            },
          ],
        },
        {
          messageId: 'cleanupSkippedOnThrow',
          line: 15,
          column: 9,
          data: {
            release: 'file!.close()',
            thrower: '`await file.read(Buffer.alloc(1), …)`',
            throwLine: '14',
            resource: 'the handle opened by',
            acquire: 'open(path, …)',
            line: '13',
            stays: 'stays open',
          },
        },
        {
          messageId: 'cleanupSkippedOnThrow',
          line: 21,
          column: 9,
          data: {
            release: '(<FileHandle>fd).close()',
            thrower: '`await fd.read(Buffer.alloc(1), …)`',
            throwLine: '20',
            resource: 'the handle opened by',
            acquire: 'open(path, …)',
            line: '19',
            stays: 'stays open',
          },
          suggestions: [
            {
              messageId: 'useUsingSuggestion',
              output: `declare function work(id: string): Promise<number>;
declare function check(id: string): number;
declare const mutex: { acquire(): Promise<() => void> };
import { open, type FileHandle } from 'node:fs/promises';
export async function firstByte(path: string): Promise<number> {
  const handle = await open(path, 'r');
  const { buffer } = await handle.read(Buffer.alloc(1), 0, 1, 0);
  await (handle as FileHandle).close();
  return buffer[0] ?? 0;
}
export async function lastByte(path: string): Promise<number> {
  let file: FileHandle | undefined;
  file = await open(path, 'r');
  const { buffer } = await file.read(Buffer.alloc(1), 0, 1, 0);
  await file!.close();
  return buffer[0] ?? 0;
}
export async function midByte(path: string): Promise<number> {
  await using fd = await open(path, 'r');
  const { buffer } = await fd.read(Buffer.alloc(1), 0, 1, 1);
  return buffer[0] ?? 0;
}`,
            },
          ],
        },
      ],
    },
    // The fix moves the close into finally when nothing declared in between is used after it.
    {
      code: `${prelude}import { open } from 'node:fs/promises';
export async function append(path: string, line: string): Promise<void> {
  const handle = await open(path, 'a');
  await handle.write(line);
  await handle.close();
}`,
      output: `${prelude}import { open } from 'node:fs/promises';
export async function append(path: string, line: string): Promise<void> {
  const handle = await open(path, 'a');
  try {
    await handle.write(line);
  } finally {
    await handle.close();
  }
}`,
      errors: [
        {
          messageId: 'cleanupSkippedOnThrow',
          line: 8,
          column: 9,
          suggestions: [
            {
              messageId: 'useUsingSuggestion',
              output: `declare function work(id: string): Promise<number>;
declare function check(id: string): number;
declare const mutex: { acquire(): Promise<() => void> };
import { open } from 'node:fs/promises';
export async function append(path: string, line: string): Promise<void> {
  await using handle = await open(path, 'a');
  await handle.write(line);
}`,
            },
          ],
        },
      ],
    },
    // Seed 001: the delete wandered into a branch.
    {
      code: `${prelude}export class QuoteService {
  private readonly inflight = new Map<string, Promise<number>>();
  async quote(id: string): Promise<number> {
    const pending = work(id);
    this.inflight.set(id, pending);
    const result = await pending;
    if (result >= 500) {
      this.inflight.delete(id);
    }
    return result;
  }
}`,
      errors: [
        {
          messageId: 'cleanupSkippedOnSomePaths',
          line: 11,
          column: 7,
          data: {
            release: 'this.inflight.delete(id)',
            condition: 'runs only when `result >= 500`',
            resource: 'the entry added by',
            acquire: 'this.inflight.set(id, …)',
            line: '8',
            stays: 'stays',
          },
          suggestions: [
            {
              messageId: 'moveToFinallySuggestion',
              output: `${prelude}export class QuoteService {
  private readonly inflight = new Map<string, Promise<number>>();
  async quote(id: string): Promise<number> {
    const pending = work(id);
    this.inflight.set(id, pending);
    try {
      const result = await pending;
      return result;
    } finally {
      this.inflight.delete(id);
    }
  }
}`,
            },
          ],
        },
      ],
    },
    // Only a throw skips it: --fix wraps the region in try/finally.
    {
      code: `${prelude}const inflight = new Set<string>();
export async function handle(id: string): Promise<number> {
  inflight.add(id);
  const result = await work(id);
  inflight.delete(id);
  return result;
}`,
      // \`result\` is used after the release: declared before the \`try\`, assigned inside it.
      output: `${prelude}const inflight = new Set<string>();
export async function handle(id: string): Promise<number> {
  inflight.add(id);
  let result;
  try {
    result = await work(id);
  } finally {
    inflight.delete(id);
  }
  return result;
}`,
      errors: [
        {
          messageId: 'cleanupSkippedOnThrow',
          line: 8,
          column: 3,
          data: {
            release: 'inflight.delete(id)',
            thrower: '`await work(id)`',
            throwLine: '7',
            resource: 'the entry added by',
            acquire: 'inflight.add(id)',
            line: '6',
            stays: 'stays',
          },
        },
      ],
    },
    // The fix: the statements between go into try, the release into finally.
    {
      code: `${prelude}export async function critical(id: string): Promise<void> {
  const release = await mutex.acquire();
  // the work under the lock
  await work(id);
  release();
  check(id);
}`,
      output: `${prelude}export async function critical(id: string): Promise<void> {
  const release = await mutex.acquire();
  try {
    // the work under the lock
    await work(id);
  } finally {
    release();
  }
  check(id);
}`,
      errors: [{ messageId: 'cleanupSkippedOnThrow', line: 8, column: 3 }],
    },
    // autofix: false offers the same change as a suggestion.
    {
      code: `${prelude}export class Counter {
  active = 0;
  async run(id: string): Promise<void> {
    this.active++;
    await work(id);
    this.active--;
  }
}`,
      options: [{ autofix: false }],
      output: null,
      errors: [
        {
          messageId: 'cleanupSkippedOnThrow',
          line: 9,
          column: 5,
          data: {
            release: 'this.active--',
            thrower: '`await work(id)`',
            throwLine: '8',
            resource: 'the count raised by',
            acquire: 'this.active++',
            line: '7',
            stays: 'stays raised',
          },
          suggestions: [
            {
              messageId: 'moveToFinallySuggestion',
              output: `${prelude}export class Counter {
  active = 0;
  async run(id: string): Promise<void> {
    this.active++;
    try {
      await work(id);
    } finally {
      this.active--;
    }
  }
}`,
            },
          ],
        },
      ],
    },
    // An early return skips the release; in the suggestion, a returned promise is awaited inside try.
    {
      code: `${prelude}const pending = new Map<string, number>();
export async function fetchOne(id: string, cached: boolean): Promise<number> {
  pending.set(id, Date.now());
  if (cached) return work(id);
  const value = await work(id);
  pending.delete(id);
  return value;
}`,
      errors: [
        {
          messageId: 'cleanupSkippedOnSomePaths',
          line: 9,
          column: 3,
          data: {
            release: 'pending.delete(id)',
            condition: 'is skipped by the `return` on line 7',
            resource: 'the entry added by',
            acquire: 'pending.set(id, …)',
            line: '6',
            stays: 'stays',
          },
          suggestions: [
            {
              messageId: 'moveToFinallySuggestion',
              output: `${prelude}const pending = new Map<string, number>();
export async function fetchOne(id: string, cached: boolean): Promise<number> {
  pending.set(id, Date.now());
  try {
    if (cached) return await work(id);
    const value = await work(id);
    return value;
  } finally {
    pending.delete(id);
  }
}`,
            },
          ],
        },
      ],
    },
    // Cleared only in .then: the suggestion clears it in a rejection handler too, which rethrows.
    {
      code: `${prelude}export function load(id: string): void {
  const timer = setTimeout(() => undefined, 5000);
  void work(id).then(() => {
    clearTimeout(timer);
  });
}`,
      errors: [
        {
          messageId: 'cleanupSkippedOnSomePaths',
          line: 7,
          column: 5,
          data: {
            release: 'clearTimeout(timer)',
            condition: 'runs only when the promise fulfils',
            resource: 'the timer started by',
            acquire: 'setTimeout(() => undefined, …)',
            line: '5',
            stays: 'stays armed',
          },
          suggestions: [
            {
              messageId: 'releaseOnRejectionSuggestion',
              output: `${prelude}export function load(id: string): void {
  const timer = setTimeout(() => undefined, 5000);
  void work(id).then(() => {
    clearTimeout(timer);
  }, (error) => {
    clearTimeout(timer);
    throw error;
  });
}`,
            },
          ],
        },
      ],
    },
    // A rejection handler is there: the release goes first in it (a block body, then an expression body).
    {
      code: `${prelude}export function load(id: string, fail: (e: unknown) => void): Promise<void> {
  const timer = setTimeout(() => undefined, 5000);
  return work(id).then(
    () => {
      clearTimeout(timer);
    },
    (e: unknown) => {
      fail(e);
    },
  );
}
export function load2(id: string, fail: (e: unknown) => void): Promise<void> {
  const timer = setTimeout(() => undefined, 5000);
  return work(id).then(
    () => {
      clearTimeout(timer);
    },
    (e: unknown) => fail(e),
  );
}`,
      errors: [
        {
          messageId: 'cleanupSkippedOnSomePaths',
          line: 8,
          column: 7,
          suggestions: [
            {
              messageId: 'releaseOnRejectionSuggestion',
              output: `${prelude}export function load(id: string, fail: (e: unknown) => void): Promise<void> {
  const timer = setTimeout(() => undefined, 5000);
  return work(id).then(
    () => {
      clearTimeout(timer);
    },
    (e: unknown) => {
      clearTimeout(timer);
      fail(e);
    },
  );
}
export function load2(id: string, fail: (e: unknown) => void): Promise<void> {
  const timer = setTimeout(() => undefined, 5000);
  return work(id).then(
    () => {
      clearTimeout(timer);
    },
    (e: unknown) => fail(e),
  );
}`,
            },
          ],
        },
        {
          messageId: 'cleanupSkippedOnSomePaths',
          line: 19,
          column: 7,
          suggestions: [
            {
              messageId: 'releaseOnRejectionSuggestion',
              output: `${prelude}export function load(id: string, fail: (e: unknown) => void): Promise<void> {
  const timer = setTimeout(() => undefined, 5000);
  return work(id).then(
    () => {
      clearTimeout(timer);
    },
    (e: unknown) => {
      fail(e);
    },
  );
}
export function load2(id: string, fail: (e: unknown) => void): Promise<void> {
  const timer = setTimeout(() => undefined, 5000);
  return work(id).then(
    () => {
      clearTimeout(timer);
    },
    (e: unknown) => {
      clearTimeout(timer);
      return fail(e);
    },
  );
}`,
            },
          ],
        },
      ],
    },
    // Refused: the rejection handler declares a name the release reads (it would clear the wrong timer).
    {
      code: `${prelude}export function load2(id: string, timer: ReturnType<typeof setTimeout>): Promise<void> {
  const t = setTimeout(() => undefined, 5000);
  return work(id).then(
    () => {
      clearTimeout(t);
    },
    () => {
      const t = 0;
      return t;
    },
  );
}`,
      errors: [{ messageId: 'cleanupSkippedOnSomePaths', line: 8, column: 7, suggestions: [] }],
    },
    // Removed only in the catch block.
    {
      code: `${prelude}import { EventEmitter } from 'node:events';
export async function relay(bus: EventEmitter, id: string, onData: () => void): Promise<void> {
  bus.on('data', onData);
  try {
    await work(id);
  } catch {
    bus.off('data', onData);
  }
}`,
      errors: [
        {
          messageId: 'cleanupSkippedOnSomePaths',
          line: 10,
          column: 5,
          data: {
            release: "bus.off('data', …)",
            condition: 'runs only when the `try` block throws',
            resource: 'the listener added by',
            acquire: "bus.on('data', …)",
            line: '6',
            stays: 'stays attached',
          },
          // The existing try/catch gains the finally rather than being nested in another try.
          suggestions: [
            {
              messageId: 'moveToFinallySuggestion',
              output: `${prelude}import { EventEmitter } from 'node:events';
export async function relay(bus: EventEmitter, id: string, onData: () => void): Promise<void> {
  bus.on('data', onData);
  try {
    await work(id);
  } catch {
  } finally {
    bus.off('data', onData);
  }
}`,
            },
          ],
        },
      ],
    },
    // A break skips the release inside a loop.
    {
      code: `${prelude}export async function drain(ids: string[], target: EventTarget, onAbort: () => void): Promise<void> {
  for (const id of ids) {
    target.addEventListener('abort', onAbort);
    if (id === 'stop') break;
    await work(id);
    target.removeEventListener('abort', onAbort);
  }
}`,
      errors: [
        {
          messageId: 'cleanupSkippedOnSomePaths',
          line: 9,
          column: 5,
          data: {
            release: "target.removeEventListener('abort', …)",
            condition: 'is skipped by the `break` on line 7',
            resource: 'the listener added by',
            acquire: "target.addEventListener('abort', …)",
            line: '6',
            stays: 'stays attached',
          },
          suggestions: [
            {
              messageId: 'moveToFinallySuggestion',
              output: `${prelude}export async function drain(ids: string[], target: EventTarget, onAbort: () => void): Promise<void> {
  for (const id of ids) {
    target.addEventListener('abort', onAbort);
    try {
      if (id === 'stop') break;
      await work(id);
    } finally {
      target.removeEventListener('abort', onAbort);
    }
  }
}`,
            },
          ],
        },
      ],
    },
    // The emptied branch stays when dropping it would leave a name unread, or a comment.
    {
      code: `${prelude}const seen = new Map<string, number>();
export async function mark(id: string): Promise<void> {
  seen.set(id, 1);
  const failed = await work(id);
  if (failed) seen.delete(id);
}`,
      errors: [
        {
          messageId: 'cleanupSkippedOnSomePaths',
          line: 8,
          column: 15,
          suggestions: [
            {
              messageId: 'moveToFinallySuggestion',
              output: `${prelude}const seen = new Map<string, number>();
export async function mark(id: string): Promise<void> {
  seen.set(id, 1);
  try {
    const failed = await work(id);
    if (failed) {}
  } finally {
    seen.delete(id);
  }
}`,
            },
          ],
        },
      ],
    },
    {
      code: `${prelude}const seen = new Map<string, number>();
export async function mark(id: string): Promise<number> {
  seen.set(id, 1);
  const failed = await work(id);
  if (failed) {
    seen.delete(id); // retry later
  }
  return failed;
}`,
      errors: [
        {
          messageId: 'cleanupSkippedOnSomePaths',
          line: 9,
          column: 5,
          suggestions: [
            {
              messageId: 'moveToFinallySuggestion',
              output: `${prelude}const seen = new Map<string, number>();
export async function mark(id: string): Promise<number> {
  seen.set(id, 1);
  try {
    const failed = await work(id);
    if (failed) {
      // retry later
    }
    return failed;
  } finally {
    seen.delete(id);
  }
}`,
            },
          ],
        },
      ],
    },
    // pairs with a type: a receiver of that type is checked.
    {
      code: `${prelude}declare class Cursor { open(): void; close(): void }
declare const cursor: Cursor;
export async function scan(id: string): Promise<void> {
  cursor.open();
  await work(id);
  if (id) cursor.close();
}`,
      options: [{ pairs: [{ acquire: 'open', release: 'close', type: [{ from: 'file', name: 'Cursor' }] }] }],
      errors: [
        {
          messageId: 'cleanupSkippedOnSomePaths',
          line: 9,
          column: 11,
          suggestions: [
            {
              messageId: 'moveToFinallySuggestion',
              output: `${prelude}declare class Cursor { open(): void; close(): void }
declare const cursor: Cursor;
export async function scan(id: string): Promise<void> {
  cursor.open();
  try {
    await work(id);
  } finally {
    cursor.close();
  }
}`,
            },
          ],
        },
      ],
    },
    // Regression (property tests): a return inside a try/finally whose path shares the
    // finally's final segment with an assumed throw is still a normal path that skips the release.
    {
      code: `${prelude}declare function log(message: string): void;
const inflight = new Set<string>();
export async function handle(id: string, ids: string[]): Promise<number | void> {
  inflight.add(id);
  try {
    for (const other of ids) {
      check(other);
      return work(other);
    }
    inflight.delete(id);
  } finally {
    log('done');
  }
}`,
      errors: [
        {
          messageId: 'cleanupSkippedOnSomePaths',
          line: 13,
          column: 5,
          suggestions: [
            {
              messageId: 'moveToFinallySuggestion',
              data: { release: 'inflight.delete(id)', acquire: 'inflight.add(id)' },
              output: `${prelude}declare function log(message: string): void;
const inflight = new Set<string>();
export async function handle(id: string, ids: string[]): Promise<number | void> {
  inflight.add(id);
  try {
    try {
      for (const other of ids) {
        check(other);
        return await work(other);
      }
    } finally {
      log('done');
    }
  } finally {
    inflight.delete(id);
  }
}`,
            },
          ],
        },
      ],
    },
    // Regression (property tests): a return from a catch inside a try/catch/finally
    // nested in another try/catch leaves the function; the release after it is skipped.
    {
      code: `${prelude}const inflight = new Map<string, number>();
export async function handle(id: string): Promise<number | void> {
  inflight.set(id, 1);
  try {
    try {
      await work(id);
    } catch {
      return work(id);
    } finally {
      check(id);
    }
  } catch {
    check(id);
  }
  inflight.delete(id);
}`,
      errors: [
        {
          messageId: 'cleanupSkippedOnSomePaths',
          line: 18,
          column: 3,
          suggestions: [
            {
              messageId: 'moveToFinallySuggestion',
              data: { release: 'inflight.delete(id)', acquire: 'inflight.set(id, …)' },
              output: `${prelude}const inflight = new Map<string, number>();
export async function handle(id: string): Promise<number | void> {
  inflight.set(id, 1);
  try {
    try {
      try {
        await work(id);
      } catch {
        return await work(id);
      } finally {
        check(id);
      }
    } catch {
      check(id);
    }
  } finally {
    inflight.delete(id);
  }
}`,
            },
          ],
        },
      ],
    },
    // A name used after the region with a written type keeps it on the \`let\`; a closure may read it.
    {
      code: `${prelude}const inflight = new Set<string>();
export async function handle(id: string): Promise<() => number> {
  inflight.add(id);
  const result: number = await work(id), twice = result * 2;
  inflight.delete(id);
  return () => result + twice;
}`,
      output: null,
      errors: [{ messageId: 'cleanupSkippedOnThrow', line: 8, column: 3 }],
    },
    {
      code: `${prelude}const inflight = new Set<string>();
export async function handle(id: string): Promise<() => number> {
  inflight.add(id);
  const result: number = await work(id);
  inflight.delete(id);
  return () => result;
}`,
      output: `${prelude}const inflight = new Set<string>();
export async function handle(id: string): Promise<() => number> {
  inflight.add(id);
  let result: number;
  try {
    result = await work(id);
  } finally {
    inflight.delete(id);
  }
  return () => result;
}`,
      errors: [{ messageId: 'cleanupSkippedOnThrow', line: 8, column: 3 }],
    },
    // Without a written type, a literal type would widen on a \`let\` (\`'ok'\` to \`string\`): no fix.
    {
      code: `${prelude}const inflight = new Set<string>();
export async function handle(id: string): Promise<'ok'> {
  inflight.add(id);
  await work(id);
  const status = 'ok';
  inflight.delete(id);
  return status;
}`,
      output: null,
      errors: [{ messageId: 'cleanupSkippedOnThrow', line: 9, column: 3, suggestions: [] }],
    },
    // Two declarators: one \`let\` for both, and one statement that assigns both.
    {
      code: `${prelude}const inflight = new Set<string>();
export async function handle(id: string): Promise<number> {
  inflight.add(id);
  const a = await work(id),
    b = a + 1;
  inflight.delete(id);
  return a + b;
}`,
      output: `${prelude}const inflight = new Set<string>();
export async function handle(id: string): Promise<number> {
  inflight.add(id);
  let a, b;
  try {
    a = await work(id), b = a + 1;
  } finally {
    inflight.delete(id);
  }
  return a + b;
}`,
      errors: [{ messageId: 'cleanupSkippedOnThrow', line: 9, column: 3 }],
    },
    // A throw after the acquire goes to a \`catch\` that carries on without the release.
    {
      code: `interface Conn { query(sql: string): Promise<unknown>; release(): void }
export async function list(pool: { getConnection(): Promise<Conn> }, reply: (v: unknown) => void): Promise<void> {
  try {
    const conn = await pool.getConnection();
    const rows = await conn.query('SELECT 1');
    conn.release();
    reply(rows);
  } catch (error) {
    reply(error);
  }
}`,
      errors: [
        {
          messageId: 'cleanupSkippedOnSomePaths',
          line: 6,
          column: 5,
          data: {
            release: 'conn.release()',
            condition:
              "is skipped when `await conn.query('SELECT 1')` on line 5 throws and the `catch` on line 8 carries on",
            resource: 'the lock taken by',
            acquire: 'pool.getConnection()',
            line: '4',
            stays: 'stays held',
          },
          suggestions: [
            {
              messageId: 'moveToFinallySuggestion',
              output: `interface Conn { query(sql: string): Promise<unknown>; release(): void }
export async function list(pool: { getConnection(): Promise<Conn> }, reply: (v: unknown) => void): Promise<void> {
  try {
    const conn = await pool.getConnection();
    try {
      const rows = await conn.query('SELECT 1');
      reply(rows);
    } finally {
      conn.release();
    }
  } catch (error) {
    reply(error);
  }
}`,
            },
          ],
        },
      ],
    },
    // A comment on a release whose branch goes as a whole goes with it into \`finally\`;
    // a directive comment (it speaks of the next line) refuses the suggestion.
    {
      code: `${prelude}const inflight = new Map<string, number>();
export async function quote(id: string): Promise<number> {
  inflight.set(id, 1);
  const n = await work(id);
  if (n !== 200) {
    // Forget failures so that a retry works again.
    inflight.delete(id);
  }
  return n;
}
export async function quote2(id: string): Promise<number> {
  inflight.set(id, 1);
  const n = await work(id);
  if (n !== 200) {
    // @ts-expect-error the map is typed loosely here
    inflight.delete(id);
  }
  return n;
}`,
      errors: [
        {
          messageId: 'cleanupSkippedOnSomePaths',
          line: 10,
          column: 5,
          suggestions: [
            {
              messageId: 'moveToFinallySuggestion',
              output: `${prelude}const inflight = new Map<string, number>();
export async function quote(id: string): Promise<number> {
  inflight.set(id, 1);
  try {
    const n = await work(id);
    return n;
  } finally {
    // Forget failures so that a retry works again.
    inflight.delete(id);
  }
}
export async function quote2(id: string): Promise<number> {
  inflight.set(id, 1);
  const n = await work(id);
  if (n !== 200) {
    // @ts-expect-error the map is typed loosely here
    inflight.delete(id);
  }
  return n;
}`,
            },
          ],
        },
        { messageId: 'cleanupSkippedOnSomePaths', line: 19, column: 5, suggestions: [] },
      ],
    },
    // A condition kept in a \`const\` narrows where it is read, and so do names destructured together
    // from a union; as \`let\`s they would not: no fix.
    {
      code: `${prelude}declare function parse(s: string): { ok: true; value: number } | { ok: false; value?: undefined };
export class Runner {
  private active = 0;
  run(input: unknown): number {
    this.active++;
    const isText = typeof input === 'string';
    const text = String(input);
    this.active--;
    if (isText) return input.length + text.length;
    return 0;
  }
  read(s: string): number {
    this.active++;
    const { ok, value } = parse(s);
    this.active--;
    if (ok) return value + 1;
    return 0;
  }
}`,
      options: [{ assumeCallsThrow: true }],
      output: null,
      errors: [
        { messageId: 'cleanupSkippedOnThrow', line: 11, column: 5, suggestions: [] },
        { messageId: 'cleanupSkippedOnThrow', line: 18, column: 5, suggestions: [] },
      ],
    },
    // With assumeCallsThrow the synchronous call in the try/finally does count.
    {
      code: `${prelude}declare function log(message: string): void;
const visiting = new Set<string>();
export function visit(id: string): number {
  visiting.add(id);
  try {
    const n = check(id);
    visiting.delete(id);
    return n;
  } finally {
    log('visited');
  }
}`,
      options: [{ assumeCallsThrow: true }],
      output: null,
      errors: [
        {
          messageId: 'cleanupSkippedOnThrow',
          line: 10,
          column: 5,
          data: {
            release: 'visiting.delete(id)',
            thrower: '`check(id)`',
            throwLine: '9',
            resource: 'the entry added by',
            acquire: 'visiting.add(id)',
            line: '7',
            stays: 'stays',
          },
        },
      ],
    },
    // assumeCallsThrow: a synchronous call between counts.
    {
      code: `${prelude}const visiting = new Set<string>();
export function visit(id: string): number {
  visiting.add(id);
  const n = check(id);
  visiting.delete(id);
  return n;
}`,
      options: [{ assumeCallsThrow: true }],
      output: `${prelude}const visiting = new Set<string>();
export function visit(id: string): number {
  visiting.add(id);
  let n;
  try {
    n = check(id);
  } finally {
    visiting.delete(id);
  }
  return n;
}`,
      errors: [
        {
          messageId: 'cleanupSkippedOnThrow',
          line: 8,
          column: 3,
          data: {
            release: 'visiting.delete(id)',
            thrower: '`check(id)`',
            throwLine: '7',
            resource: 'the entry added by',
            acquire: 'visiting.add(id)',
            line: '6',
            stays: 'stays',
          },
        },
      ],
    },
    // pairs: a project-specific acquire/release.
    {
      code: `${prelude}declare const files: { open(name: string): void; close(): void };
export async function copy(name: string): Promise<void> {
  files.open(name);
  await work(name);
  if (name.endsWith('.tmp')) files.close();
}`,
      options: [{ pairs: [{ acquire: 'open', release: 'close' }] }],
      errors: [
        {
          messageId: 'cleanupSkippedOnSomePaths',
          line: 8,
          column: 30,
          data: {
            release: 'files.close()',
            condition: "runs only when `name.endsWith('.tmp')`",
            resource: 'the resource opened by',
            acquire: 'files.open(name)',
            line: '6',
            stays: 'stays open',
          },
          suggestions: [
            {
              messageId: 'moveToFinallySuggestion',
              output: `${prelude}declare const files: { open(name: string): void; close(): void };
export async function copy(name: string): Promise<void> {
  files.open(name);
  try {
    await work(name);
    if (name.endsWith('.tmp')) {}
  } finally {
    files.close();
  }
}`,
            },
          ],
        },
      ],
    },
    // x.lock() / x.unlock() skipped by a switch case that returns.
    {
      code: `${prelude}declare const db: { lock(): void; unlock(): void };
export async function command(kind: 'add' | 'drop', id: string): Promise<void> {
  db.lock();
  switch (kind) {
    case 'add':
      await work(id);
      db.unlock();
      return;
    case 'drop':
      return;
  }
}`,
      errors: [
        {
          messageId: 'cleanupSkippedOnSomePaths',
          line: 10,
          column: 7,
          data: {
            release: 'db.unlock()',
            condition: "runs only in `case 'add':`",
            resource: 'the lock taken by',
            acquire: 'db.lock()',
            line: '6',
            stays: 'stays held',
          },
          suggestions: [
            {
              messageId: 'moveToFinallySuggestion',
              output: `${prelude}declare const db: { lock(): void; unlock(): void };
export async function command(kind: 'add' | 'drop', id: string): Promise<void> {
  db.lock();
  try {
    switch (kind) {
      case 'add':
        await work(id);
        return;
      case 'drop':
        return;
    }
  } finally {
    db.unlock();
  }
}`,
            },
          ],
        },
      ],
    },
    // A pooled client released with client.release(), skipped by continue.
    {
      code: `${prelude}declare const pool: { connect(): Promise<{ query(sql: string): Promise<void>; release(): void }> };
export async function migrate(steps: string[]): Promise<void> {
  for (const sql of steps) {
    const client = await pool.connect();
    if (sql === '') continue;
    await client.query(sql);
    client.release();
  }
}`,
      errors: [
        {
          messageId: 'cleanupSkippedOnSomePaths',
          line: 10,
          column: 5,
          data: {
            release: 'client.release()',
            condition: 'is skipped by the `continue` on line 8',
            resource: 'the lock taken by',
            acquire: 'pool.connect()',
            line: '7',
            stays: 'stays held',
          },
          suggestions: [
            {
              messageId: 'moveToFinallySuggestion',
              output: `${prelude}declare const pool: { connect(): Promise<{ query(sql: string): Promise<void>; release(): void }> };
export async function migrate(steps: string[]): Promise<void> {
  for (const sql of steps) {
    const client = await pool.connect();
    try {
      if (sql === '') continue;
      await client.query(sql);
    } finally {
      client.release();
    }
  }
}`,
            },
          ],
        },
      ],
    },
    // setInterval / clearInterval, and x.acquire() / x.release(), skipped by a throw.
    {
      code: `${prelude}declare const slots: { acquire(): Promise<void>; release(): void };
export async function poll(id: string): Promise<void> {
  await slots.acquire();
  const interval = setInterval(() => undefined, 1000);
  await work(id);
  clearInterval(interval);
  slots.release();
}`,
      // Two passes of --fix: the slot's region first; the timer's, now inside it, in the second pass.
      output: [
        `${prelude}declare const slots: { acquire(): Promise<void>; release(): void };
export async function poll(id: string): Promise<void> {
  await slots.acquire();
  try {
    const interval = setInterval(() => undefined, 1000);
    await work(id);
    clearInterval(interval);
  } finally {
    slots.release();
  }
}`,
        `${prelude}declare const slots: { acquire(): Promise<void>; release(): void };
export async function poll(id: string): Promise<void> {
  await slots.acquire();
  try {
    const interval = setInterval(() => undefined, 1000);
    try {
      await work(id);
    } finally {
      clearInterval(interval);
    }
  } finally {
    slots.release();
  }
}`,
      ],
      errors: [
        { messageId: 'cleanupSkippedOnThrow', line: 9, column: 3 },
        { messageId: 'cleanupSkippedOnThrow', line: 10, column: 3 },
      ],
    },
    // addListener / removeListener, kept when the work throws after an explicit check.
    {
      code: `${prelude}import { EventEmitter } from 'node:events';
export async function relay(bus: EventEmitter, id: string, onData: () => void): Promise<void> {
  bus.addListener('data', onData);
  if (id === '') throw new Error('no id');
  bus.removeListener('data', onData);
}`,
      output: `${prelude}import { EventEmitter } from 'node:events';
export async function relay(bus: EventEmitter, id: string, onData: () => void): Promise<void> {
  bus.addListener('data', onData);
  try {
    if (id === '') throw new Error('no id');
  } finally {
    bus.removeListener('data', onData);
  }
}`,
      errors: [
        {
          messageId: 'cleanupSkippedOnThrow',
          line: 8,
          column: 3,
          data: {
            release: "bus.removeListener('data', …)",
            thrower: 'the `throw`',
            throwLine: '7',
            resource: 'the listener added by',
            acquire: "bus.addListener('data', …)",
            line: '6',
            stays: 'stays attached',
          },
        },
      ],
    },
    // Review regressions. A continue that loops back to the acquire is a normal path, not a throw.
    {
      code: `${prelude}export class Counter {
  n = 0;
  async loop(): Promise<void> {
    for (;;) {
      this.n++;
      if (check('x') > 0) continue;
      await work('x');
      this.n--;
      if (check('y') > 0) break;
    }
  }
}`,
      output: null,
      errors: [
        {
          messageId: 'cleanupSkippedOnSomePaths',
          line: 11,
          column: 7,
          data: {
            release: 'this.n--',
            condition: 'is skipped by the `continue` on line 9',
            resource: 'the count raised by',
            acquire: 'this.n++',
            line: '8',
            stays: 'stays raised',
          },
          suggestions: [
            {
              messageId: 'moveToFinallySuggestion',
              output: `${prelude}export class Counter {
  n = 0;
  async loop(): Promise<void> {
    for (;;) {
      this.n++;
      try {
        if (check('x') > 0) continue;
        await work('x');
        if (check('y') > 0) break;
      } finally {
        this.n--;
      }
    }
  }
}`,
            },
          ],
        },
      ],
    },
    // No fix when a name declared in the region is used before it (a closure, a hoisted function).
    {
      code: `${prelude}export class Job {
  n = 0;
  async run(): Promise<void> {
    const log = (): void => console.log(result);
    this.n++;
    const result = await work('x');
    this.n--;
    log();
  }
}`,
      output: null,
      errors: [{ messageId: 'cleanupSkippedOnThrow', line: 10, column: 5 }],
    },
    // No fix when the region holds statements that cannot move into a block, or a using declaration.
    {
      code: `${prelude}const m = new Map<string, number>();
m.set('a', 1);
export const y = 2;
await work('a');
m.delete('a');
`,
      output: null,
      errors: [{ messageId: 'cleanupSkippedOnThrow', line: 8, column: 1 }],
    },
    {
      code: `${prelude}declare function open(): AsyncDisposable;
export class Job {
  n = 0;
  async run(): Promise<void> {
    this.n++;
    await using handle = open();
    await work('x');
    this.n--;
    console.log(handle);
  }
}`,
      output: null,
      errors: [{ messageId: 'cleanupSkippedOnThrow', line: 11, column: 5 }],
    },
    // No fix when a comment directive sits on the release: it would be left behind.
    {
      code: `${prelude}export class Job {
  n = 0;
  async run(): Promise<void> {
    this.n++;
    await work('x');
    // keep the count honest
    this.n--;
  }
}`,
      output: null,
      errors: [{ messageId: 'cleanupSkippedOnThrow', line: 10, column: 5 }],
    },
    // No suggestion when a non-async function returns a promise from the region.
    {
      code: `${prelude}const pending = new Map<string, number>();
export function fetchOne(id: string, cached: boolean): Promise<number> {
  pending.set(id, 1);
  if (cached) return work(id);
  pending.delete(id);
  return Promise.resolve(0);
}`,
      errors: [{ messageId: 'cleanupSkippedOnSomePaths', line: 8, column: 3, suggestions: [] }],
    },
    // CRLF files keep CRLF in the fixed code.
    {
      code: `${prelude}export class Job {\r\n  n = 0;\r\n  async run(): Promise<void> {\r\n    this.n++;\r\n    await work('x');\r\n\r\n    this.n--;\r\n  }\r\n}`,
      output: `${prelude}export class Job {\r\n  n = 0;\r\n  async run(): Promise<void> {\r\n    this.n++;\r\n    try {\r\n      await work('x');\r\n    } finally {\r\n      this.n--;\r\n    }\r\n  }\r\n}`,
      errors: [{ messageId: 'cleanupSkippedOnThrow', line: 10, column: 5 }],
    },
    // A release before each return: only a throw skips them, and one release in `finally` takes their place (a suggestion: each moves to the end of its path).
    {
      code: `declare const lock: { lock(): Promise<void>; unlock(): void };
declare function find(id: number): Promise<string[]>;
declare function destroy(id: number): Promise<void>;
export async function remove(id: number): Promise<string> {
  await lock.lock();
  const found = await find(id);
  if (found.length === 0) {
    lock.unlock();
    return 'none';
  }
  await destroy(id);
  lock.unlock();
  return 'deleted';
}
`,
      errors: [
        {
          messageId: 'cleanupSkippedOnThrow',
          line: 8,
          column: 5,
          suggestions: [
            {
              messageId: 'moveToFinallySuggestion',
              output: `declare const lock: { lock(): Promise<void>; unlock(): void };
declare function find(id: number): Promise<string[]>;
declare function destroy(id: number): Promise<void>;
export async function remove(id: number): Promise<string> {
  await lock.lock();
  try {
    const found = await find(id);
    if (found.length === 0) {
      return 'none';
    }
    await destroy(id);
    return 'deleted';
  } finally {
    lock.unlock();
  }
}
`,
            },
          ],
        },
      ],
    },
    // The twin whose `catch` only logs: the throw after the acquire leaves the handle open.
    {
      code: `interface Runner extends AsyncDisposable { query(q: string): Promise<unknown>; release(): Promise<void> }
export async function handler(open: () => Runner, query: string): Promise<void> {
  let runner: Runner | undefined = undefined;
  try {
    runner = open();
    await runner.query(query);
    await runner.release();
  } catch (err) {
    console.error(err);
  }
}
`,
      errors: [
        {
          messageId: 'cleanupSkippedOnSomePaths',
          line: 7,
          column: 11,
          suggestions: [
            {
              messageId: 'moveToFinallySuggestion',
              output: `interface Runner extends AsyncDisposable { query(q: string): Promise<unknown>; release(): Promise<void> }
export async function handler(open: () => Runner, query: string): Promise<void> {
  let runner: Runner | undefined = undefined;
  try {
    runner = open();
    try {
      await runner.query(query);
    } finally {
      await runner.release();
    }
  } catch (err) {
    console.error(err);
  }
}
`,
            },
          ],
        },
      ],
    },
    // The release is in the `finally` of a `try` that starts after the acquire: the statement in between moves into the `try` (tabs kept).
    {
      code: `declare const pool: { connect(): Promise<{ query(q: string): Promise<string>; release(): void }> };
declare function parse(q: string): string;
export async function g(q: string): Promise<string> {
	const client = await pool.connect();
	const sql = parse(q);
	try {
		return await client.query(sql);
	} finally {
		client.release();
	}
}
`,
      options: [{ assumeCallsThrow: true }],
      output: `declare const pool: { connect(): Promise<{ query(q: string): Promise<string>; release(): void }> };
declare function parse(q: string): string;
export async function g(q: string): Promise<string> {
	const client = await pool.connect();
	try {
		const sql = parse(q);
		return await client.query(sql);
	} finally {
		client.release();
	}
}
`,
      errors: [{ messageId: 'cleanupSkippedOnThrow', line: 9, column: 3, suggestions: [] }],
    },
    // Moving into an existing `try`: a destructured name used after it is declared before the `try`; the comment moves with its statement.
    {
      code: `declare const pool: { connect(): Promise<{ query(q: string): Promise<string>; release(): void }> };
declare function parse(q: string): { sql: string };
export async function f(q: string): Promise<string> {
  const client = await pool.connect();
  // parse first: a bad query never reaches the server
  const { sql } = parse(q);
  let rows: string;
  try {
    rows = await client.query(sql);
  } finally {
    client.release();
  }
  return rows + sql;
}
`,
      options: [{ assumeCallsThrow: true }],
      output: `declare const pool: { connect(): Promise<{ query(q: string): Promise<string>; release(): void }> };
declare function parse(q: string): { sql: string };
export async function f(q: string): Promise<string> {
  const client = await pool.connect();
  let sql;
  let rows: string;
  try {
    // parse first: a bad query never reaches the server
    ({ sql } = parse(q));
    rows = await client.query(sql);
  } finally {
    client.release();
  }
  return rows + sql;
}
`,
      errors: [{ messageId: 'cleanupSkippedOnThrow', line: 11, column: 5, suggestions: [] }],
    },
    // The existing `try` has a `catch`, which would now see the moved call's throws: a suggestion, not a fix.
    {
      code: `declare const pool: { connect(): Promise<{ query(q: string): Promise<string>; release(): void }> };
declare function log(e: unknown): void;
export async function e(q: string): Promise<string> {
  const client = await pool.connect();
  const pending = client.query(q);
  try {
    return await pending;
  } catch (error) {
    log(error);
    throw error;
  } finally {
    client.release();
  }
}
`,
      options: [{ assumeCallsThrow: true }],
      errors: [
        {
          messageId: 'cleanupSkippedOnThrow',
          line: 12,
          column: 5,
          suggestions: [
            {
              messageId: 'moveToFinallySuggestion',
              output: `declare const pool: { connect(): Promise<{ query(q: string): Promise<string>; release(): void }> };
declare function log(e: unknown): void;
export async function e(q: string): Promise<string> {
  const client = await pool.connect();
  try {
    const pending = client.query(q);
    return await pending;
  } catch (error) {
    log(error);
    throw error;
  } finally {
    client.release();
  }
}
`,
            },
          ],
        },
      ],
    },
    // The `finally` reads a name the moved statements declare; it would read it unassigned on the new throw paths: refused.
    {
      code: `declare const pool: { connect(): Promise<{ query(q: string): Promise<string>; release(): void }> };
export async function d(q: string): Promise<string> {
  const client = await pool.connect();
  const pending = client.query(q);
  const started = Date.now();
  try {
    return await pending;
  } finally {
    console.log(Date.now() - started);
    client.release();
  }
}
`,
      options: [{ assumeCallsThrow: true }],
      errors: [{ messageId: 'cleanupSkippedOnThrow', line: 10, column: 5, suggestions: [] }],
    },
    // The `catch` reads a name the moved statements declare: refused.
    {
      code: `declare const pool: { connect(): Promise<{ query(q: string): Promise<string>; release(): void }> };
declare function log(e: unknown): void;
export async function b(q: string): Promise<string> {
  const client = await pool.connect();
  const started = Date.now();
  let rows = '';
  try {
    rows = await client.query(q);
    client.release();
  } catch (error) {
    log([error, started]);
    throw error;
  }
  return rows;
}
`,
      options: [{ assumeCallsThrow: true }],
      errors: [{ messageId: 'cleanupSkippedOnThrow', line: 9, column: 5, suggestions: [] }],
    },
    // The release in the `try` is not its last statement: a `finally` would run it later on the normal path; refused.
    {
      code: `declare const pool: { connect(): Promise<{ query(q: string): Promise<string>; release(): void }> };
export async function c(q: string): Promise<string> {
  const client = await pool.connect();
  const started = Date.now();
  try {
    const rows = await client.query(q);
    client.release();
    return rows + String(started);
  } catch (error) {
    throw error;
  }
}
`,
      options: [{ assumeCallsThrow: true }],
      errors: [{ messageId: 'cleanupSkippedOnThrow', line: 7, column: 5, suggestions: [] }],
    },
    // A `FileHandle` is async-disposable: `await using` is offered first, as a suggestion; `--fix` still moves the release into `finally`.
    {
      code: `import { open } from 'node:fs/promises';
export async function readHead(path: string, length: number): Promise<Buffer> {
  const handle = await open(path, 'r');
  const buffer = Buffer.alloc(length);
  await handle.read(buffer, 0, length, 0);
  await handle.close();
  return buffer;
}
`,
      output: `import { open } from 'node:fs/promises';
export async function readHead(path: string, length: number): Promise<Buffer> {
  const handle = await open(path, 'r');
  let buffer;
  try {
    buffer = Buffer.alloc(length);
    await handle.read(buffer, 0, length, 0);
  } finally {
    await handle.close();
  }
  return buffer;
}
`,
      errors: [
        {
          messageId: 'cleanupSkippedOnThrow',
          line: 6,
          column: 9,
          suggestions: [
            {
              messageId: 'useUsingSuggestion',
              output: `import { open } from 'node:fs/promises';
export async function readHead(path: string, length: number): Promise<Buffer> {
  await using handle = await open(path, 'r');
  const buffer = Buffer.alloc(length);
  await handle.read(buffer, 0, length, 0);
  return buffer;
}
`,
            },
          ],
        },
      ],
    },
    // A type with `[Symbol.dispose]` and a release that is not awaited: `using`.
    {
      code: `declare class Lease implements Disposable {
  close(): void;
  [Symbol.dispose](): void;
}
declare function lease(name: string): Lease;
declare function step(name: string): void;
export function run(name: string): void {
  const held = lease(name);
  step(name);
  held.close();
}
`,
      options: [{ assumeCallsThrow: true }],
      output: `declare class Lease implements Disposable {
  close(): void;
  [Symbol.dispose](): void;
}
declare function lease(name: string): Lease;
declare function step(name: string): void;
export function run(name: string): void {
  const held = lease(name);
  try {
    step(name);
  } finally {
    held.close();
  }
}
`,
      errors: [
        {
          messageId: 'cleanupSkippedOnThrow',
          line: 10,
          column: 3,
          suggestions: [
            {
              messageId: 'useUsingSuggestion',
              output: `declare class Lease implements Disposable {
  close(): void;
  [Symbol.dispose](): void;
}
declare function lease(name: string): Lease;
declare function step(name: string): void;
export function run(name: string): void {
  using held = lease(name);
  step(name);
}
`,
            },
          ],
        },
      ],
    },
    // `await using` takes the place of every release of the handle in the function, each followed only by a `return`.
    {
      code: `import { open } from 'node:fs/promises';
declare function valid(buffer: Buffer): boolean;
export async function load(path: string): Promise<Buffer | null> {
  const handle = await open(path, 'r');
  const buffer = await handle.readFile();
  if (!valid(buffer)) {
    await handle.close();
    return null;
  }
  await handle.close();
  return buffer;
}
`,
      options: [{ assumeCallsThrow: true }],
      errors: [
        {
          messageId: 'cleanupSkippedOnThrow',
          line: 7,
          column: 11,
          suggestions: [
            {
              messageId: 'useUsingSuggestion',
              output: `import { open } from 'node:fs/promises';
declare function valid(buffer: Buffer): boolean;
export async function load(path: string): Promise<Buffer | null> {
  await using handle = await open(path, 'r');
  const buffer = await handle.readFile();
  if (!valid(buffer)) {
    return null;
  }
  return buffer;
}
`,
            },
            {
              messageId: 'moveToFinallySuggestion',
              output: `import { open } from 'node:fs/promises';
declare function valid(buffer: Buffer): boolean;
export async function load(path: string): Promise<Buffer | null> {
  const handle = await open(path, 'r');
  try {
    const buffer = await handle.readFile();
    if (!valid(buffer)) {
      return null;
    }
    return buffer;
  } finally {
    await handle.close();
  }
}
`,
            },
          ],
        },
      ],
    },
    // An `await` after the release would now run with the handle open: no `using`.
    {
      code: `import { open } from 'node:fs/promises';
declare function notify(path: string): Promise<void>;
export async function touch(path: string): Promise<void> {
  const handle = await open(path, 'a');
  await handle.write('x');
  await handle.close();
  await notify(path);
}
`,
      options: [{ assumeCallsThrow: true }],
      output: `import { open } from 'node:fs/promises';
declare function notify(path: string): Promise<void>;
export async function touch(path: string): Promise<void> {
  const handle = await open(path, 'a');
  try {
    await handle.write('x');
  } finally {
    await handle.close();
  }
  await notify(path);
}
`,
      errors: [{ messageId: 'cleanupSkippedOnThrow', line: 6, column: 9, suggestions: [] }],
    },
    // A closure reads the handle, and could run after the block disposed of it: no `using`.
    {
      code: `import { open } from 'node:fs/promises';
export async function later(path: string): Promise<() => Promise<string>> {
  const handle = await open(path, 'r');
  await handle.stat();
  const read = () => handle.readFile('utf8');
  await handle.close();
  return read;
}
`,
      options: [{ assumeCallsThrow: true }],
      output: `import { open } from 'node:fs/promises';
export async function later(path: string): Promise<() => Promise<string>> {
  const handle = await open(path, 'r');
  let read;
  try {
    await handle.stat();
    read = () => handle.readFile('utf8');
  } finally {
    await handle.close();
  }
  return read;
}
`,
      errors: [{ messageId: 'cleanupSkippedOnThrow', line: 6, column: 9, suggestions: [] }],
    },
    // A promise returned after the release would settle after the disposal: no `using`.
    {
      code: `import { open } from 'node:fs/promises';
export async function pending(path: string): Promise<string> {
  const handle = await open(path, 'r');
  await handle.stat();
  const text = handle.readFile('utf8');
  await handle.close();
  return text;
}
`,
      options: [{ assumeCallsThrow: true }],
      output: `import { open } from 'node:fs/promises';
export async function pending(path: string): Promise<string> {
  const handle = await open(path, 'r');
  let text;
  try {
    await handle.stat();
    text = handle.readFile('utf8');
  } finally {
    await handle.close();
  }
  return text;
}
`,
      errors: [{ messageId: 'cleanupSkippedOnThrow', line: 6, column: 9, suggestions: [] }],
    },
    // JavaScript runs as written, and a runtime without \`using\` would not parse it: no \`using\` there.
    {
      code: `import { open } from 'node:fs/promises';
export async function readHead(path, length) {
  const handle = await open(path, 'r');
  const buffer = Buffer.alloc(length);
  await handle.read(buffer, 0, length, 0);
  await handle.close();
  return buffer;
}
`,
      filename: 'script.js',
      output: `import { open } from 'node:fs/promises';
export async function readHead(path, length) {
  const handle = await open(path, 'r');
  let buffer;
  try {
    buffer = Buffer.alloc(length);
    await handle.read(buffer, 0, length, 0);
  } finally {
    await handle.close();
  }
  return buffer;
}
`,
      errors: [{ messageId: 'cleanupSkippedOnThrow', line: 6, column: 9, suggestions: [] }],
    },
    // A count raised in a promise executor: a throw in the statement may come before the increment, and a decrement in `finally` would then lower a count nobody raised. No fix.
    {
      code: `declare function within<T>(work: Promise<T>, ms: number): Promise<T>;
export class Slots {
  private active = 0;
  async run(job: () => void): Promise<void> {
    await within(
      new Promise<void>((resolve) => {
        this.active++;
        job();
        resolve();
      }),
      1000,
    );
    this.active--;
  }
}
`,
      errors: [{ messageId: 'cleanupSkippedOnThrow', line: 13, column: 5, suggestions: [] }],
    },
    // The same in a loop's body: the loop holds the whole `try`, release and all, so the release still runs once per pass.
    {
      code: `import { EventEmitter } from 'node:events';
declare function within<T>(work: Promise<T>, ms: number): Promise<T>;
export async function replies(bus: EventEmitter, ids: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const id of ids) {
    let onReply = (_reply: string): void => undefined;
    out.push(await within(new Promise<string>((resolve) => {
      onReply = resolve;
      bus.on(id, onReply);
    }), 1000));
    bus.removeListener(id, onReply);
  }
  return out;
}
`,
      output: `import { EventEmitter } from 'node:events';
declare function within<T>(work: Promise<T>, ms: number): Promise<T>;
export async function replies(bus: EventEmitter, ids: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const id of ids) {
    let onReply = (_reply: string): void => undefined;
    try {
      out.push(await within(new Promise<string>((resolve) => {
        onReply = resolve;
        bus.on(id, onReply);
      }), 1000));
    } finally {
      bus.removeListener(id, onReply);
    }
  }
  return out;
}
`,
      errors: [{ messageId: 'cleanupSkippedOnThrow', line: 11, column: 5, suggestions: [] }],
    },
    // The together check (effect's multipart headers): a `return` in the acquire's own statement leaves after the increment, before any `try`; a `finally` after it would not cover that path, and the finding would come back. No suggestion.
    {
      code: `export function scan(state: { size: number }, chunk: Uint8Array, end: number): string | undefined {
  for (let i = 0; i < end; i++) {
    if (state.size++ > 100) return 'too large';
    if (chunk[i] === 10) {
      state.size--;
      continue;
    }
    if (chunk[i] === 0) return 'invalid';
  }
  return undefined;
}
`,
      errors: [{ messageId: 'cleanupSkippedOnSomePaths', line: 5, column: 7, suggestions: [] }],
    },
    // An acquire inside a `try` whose `catch` releases, and an early `return` that does not: one release in `finally` takes the place of both.
    {
      code: `interface Conn { query(sql: string): Promise<string[]>; release(): void }
declare const pool: { connect(): Promise<Conn> };
export async function first(sql: string): Promise<string | null> {
  try {
    const conn = await pool.connect();
    try {
      const rows = await conn.query(sql);
      if (rows.length === 0) return null;
      conn.release();
      return rows[0] ?? null;
    } catch (error) {
      conn.release();
      throw error;
    }
  } catch {
    return null;
  }
}
`,
      errors: [
        {
          messageId: 'cleanupSkippedOnSomePaths',
          line: 9,
          column: 7,
          suggestions: [
            {
              messageId: 'moveToFinallySuggestion',
              output: `interface Conn { query(sql: string): Promise<string[]>; release(): void }
declare const pool: { connect(): Promise<Conn> };
export async function first(sql: string): Promise<string | null> {
  try {
    const conn = await pool.connect();
    try {
      const rows = await conn.query(sql);
      if (rows.length === 0) return null;
      return rows[0] ?? null;
    } catch (error) {
      throw error;
    } finally {
      conn.release();
    }
  } catch {
    return null;
  }
}
`,
            },
          ],
        },
      ],
    },
  ],
});
