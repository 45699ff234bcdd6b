import rule from '../../src/rules/no-unstoppable-loop.js';
import { typedRuleTester } from '../rule-tester.js';

const ruleTester = typedRuleTester();

const prelude = `declare function sleep(ms: number, options?: { signal?: AbortSignal }): Promise<void>;
declare function poll(): Promise<string | undefined>;
declare function handle(item: string): void;
declare function fail(message: string): never;
declare function assertOpen(value: unknown): asserts value;
`;
// Code lines start after the prelude's five lines.
const NO_WAY_OUT = 'has no reachable `break`, `return` or `throw` and checks no `AbortSignal` or stop flag';
const neverLooksAt = (signal: string) =>
  `never looks at \`${signal}\`, and has no reachable \`break\`, \`return\` or \`throw\``;
const L = (line: number) => line + 5;

// A polling helper that awaits a function it is given; the callers decide what that function passes on.
const pollHelper = (second: string) => `${prelude}interface PollOptions {
  signal?: AbortSignal;
  pollMs?: number;
}
declare function fetchStatus(id: string, options: PollOptions & { tag: string }): Promise<string>;
async function pollUntil(get: (tag: string) => Promise<string>, options: PollOptions): Promise<string> {
  while (true) {
    const status = await get('poll');
    if (status === 'done') return status;
    await sleep(options.pollMs ?? 1000);
  }
}
export function pollJob(id: string, options: PollOptions): Promise<string> {
  return pollUntil((tag) => fetchStatus(id, { ...options, tag }), options);
}
export function pollOther(id: string, options: PollOptions): Promise<string> {
  return pollUntil(${second}, options);
}`;

ruleTester.run('no-unstoppable-loop', rule, {
  valid: [
    // Every caller hands the helper a function that passes the options (and their signal) on.
    pollHelper('(tag) => fetchStatus(`other-${id}`, { ...options, tag })'),
    // A poll until a remote status, in a function that takes a signal and hands it to what it awaits.
    `${prelude}export async function waitDone(signal: AbortSignal): Promise<string> {
  while (true) {
    const status = await poll();
    if (status === 'done') return status;
    await sleep(500, { signal });
  }
}`,
    // The signal, turned into a promise before the loop, is what the exit tests.
    `${prelude}declare function waitForAbort(signal: AbortSignal): Promise<undefined>;
export async function drain(signal: AbortSignal): Promise<void> {
  const aborted = waitForAbort(signal);
  while (true) {
    const item = await Promise.race([poll(), aborted]);
    if (item === undefined) return;
    handle(item);
  }
}`,
    // The caller's options, signal included, spread into what the loop awaits.
    `${prelude}declare function readByte(options: { signal?: AbortSignal; bytes: number }): Promise<number | undefined>;
export async function readLength(options?: { signal?: AbortSignal }): Promise<number> {
  let length = 0;
  while (true) {
    const byte = await readByte({ ...options, bytes: 1 });
    if (byte === undefined || byte < 128) return length + (byte ?? 0);
    length += byte - 128;
  }
}`,
    // The same loop with no signal in scope: nothing asks it to stop early.
    `${prelude}export async function waitDone(): Promise<string> {
  while (true) {
    const status = await poll();
    if (status === 'done') return status;
    await sleep(500);
  }
}`,
    // The test that chose the `continue` branch leaves the loop on the other branch.
    `${prelude}export async function drainAll(): Promise<void> {
  while (true) {
    const item = await poll();
    if (item === undefined) {
      break;
    } else {
      handle(item);
      continue;
    }
  }
}`,
    // A bounded retry: the counter's throw comes before each `continue`.
    `${prelude}export async function send(max: number): Promise<string> {
  let attempt = 0;
  while (true) {
    try {
      const item = await poll();
      if (item) return item;
    } catch (error) {
      if (++attempt > max) throw error;
      await sleep(10);
      continue;
    }
  }
}`,
    // The options object that carries the signal is passed to what the pass awaits.
    `${prelude}declare function read(options: { signal?: AbortSignal }): Promise<string>;
export async function negotiate(options: { signal?: AbortSignal }): Promise<string> {
  while (true) {
    const word = await read(options);
    if (word === 'again') continue;
    return word;
  }
}`,
    // The pass resets the flag that sends it round: only another call setting it again can.
    `${prelude}export class Decrypter {
  retry = false;
  async run(): Promise<void> {
    while (true) {
      this.retry = false;
      try {
        handle(String(await poll()));
      } catch {
        if (this.retry) continue;
      }
      return;
    }
  }
}`,
    // The idle path checks the stop flag before it goes round.
    `${prelude}export class Worker {
  private stopped = false;
  stop(): void {
    this.stopped = true;
  }
  async run(): Promise<void> {
    while (true) {
      const item = await poll();
      if (!item) {
        if (this.stopped) break;
        await sleep(100);
        continue;
      }
      handle(item);
      if (this.stopped) break;
    }
  }
}`,
    // A pass that goes round only under a test of the signal.
    `${prelude}export async function watch(signal: AbortSignal): Promise<void> {
  while (true) {
    const item = await poll();
    if (!item && !signal.aborted) continue;
    if (!item) return;
    handle(item);
  }
}`,
    // The retry path hands the signal to the sleep: an abort rejects it and leaves the loop.
    `${prelude}export async function run(signal: AbortSignal, retryable: (e: unknown) => boolean): Promise<string> {
  while (true) {
    try {
      const item = await poll();
      if (item) return item;
    } catch (error) {
      if (!retryable(error)) throw error;
      await sleep(100, { signal });
      continue;
    }
  }
}`,
    // With a signal in scope, a retry bounded by a counter still ends on its own: the counter's
    // exit is a stop point on the path that goes round.
    `${prelude}export async function redirect(signal: AbortSignal, max: number): Promise<string> {
  let attempt = 0;
  while (true) {
    try {
      signal.throwIfAborted();
      return (await poll()) ?? '';
    } catch (error) {
      if (++attempt > max) throw error;
      continue;
    }
  }
}`,
    // The retry path looks at the signal before it goes round.
    `${prelude}export async function run(signal: AbortSignal, retryable: (e: unknown) => boolean): Promise<string> {
  while (true) {
    try {
      const item = await poll();
      if (item) return item;
    } catch (error) {
      if (!retryable(error)) throw error;
      await sleep(100, { signal }).catch(() => undefined);
      if (signal.aborted) return 'stopped';
      continue;
    }
  }
}`,
    // The loop reads from a reader made from a field that \`close()\` cancels: the read ends.
    `${prelude}export class Tail {
  constructor(private readonly stream: ReadableStream<string>) {}
  async run(): Promise<void> {
    const reader = this.stream.getReader();
    while (true) {
      const { done, value } = await reader.read();
      if (done) break;
      handle(value);
    }
  }
  close(): void {
    void this.stream.cancel();
  }
}`,
    // The stop flag is set on every path of \`close()\`, in a method it calls.
    `${prelude}export class Consumer {
  private closed = false;
  async run(): Promise<void> {
    while (true) {
      if (this.closed) break;
      handle(String(await poll()));
    }
  }
  close(): void {
    this.markClosed();
  }
  private markClosed(): void {
    this.closed = true;
  }
}`,
    // A retry bounded by a counter ends after a bounded number of passes, teardown or not.
    `${prelude}export class Cluster {
  constructor(private readonly send: () => Promise<string>, private readonly max: number) {}
  async execute(): Promise<string> {
    let attempt = 0;
    while (true) {
      try {
        return await this.send();
      } catch (error) {
        if (++attempt > this.max) throw error;
      }
    }
  }
  quit(): void {}
}`,
    // A read loop that ends with its stream goes round on the normal path: it is not a retry
    // until some work succeeds, and \`close()\` half-closing the writer does not make it one.
    `${prelude}export class Duplex {
  constructor(
    private readonly reader: ReadableStreamDefaultReader<string>,
    private readonly writer: WritableStreamDefaultWriter<string>,
  ) {}
  async pump(): Promise<void> {
    while (true) {
      const { done, value } = await this.reader.read();
      if (value !== undefined) handle(value);
      if (done) break;
    }
  }
  async close(): Promise<void> {
    await this.writer.close();
  }
}`,
    // \`cancel()\` returns early only when the flag is already set: on every path the flag ends set.
    `${prelude}export class Session {
  private cancelled = false;
  async receive(): Promise<string | undefined> {
    while (true) {
      if (this.cancelled) return undefined;
      const item = await poll();
      if (item) return item;
      await sleep(1000);
    }
  }
  cancel(): void {
    if (this.cancelled) return;
    this.cancelled = true;
  }
}`,
    // A break that targets the loop.
    `${prelude}export async function a(): Promise<void> {
  while (true) {
    const item = await poll();
    if (item === undefined) break;
    handle(item);
  }
}`,
    // A return, and a throw that leaves the loop.
    `${prelude}export async function b(): Promise<string> {
  for (;;) {
    const item = await poll();
    if (item) return item;
    await sleep(100);
  }
}`,
    `${prelude}export async function c(): Promise<void> {
  do {
    const item = await poll();
    if (item === 'fatal') throw new Error(item);
  } while (true);
}`,
    // A labelled break to the loop from an inner loop.
    `${prelude}export async function d(batches: string[][]): Promise<void> {
  outer: while (true) {
    for (const batch of batches) {
      for (const item of batch) if (item === 'stop') break outer;
    }
    await sleep(100);
  }
}`,
    // A labelled continue to an enclosing loop leaves the inner endless loop.
    `${prelude}export async function e(ids: string[]): Promise<void> {
  next: for (const id of ids) {
    while (true) {
      const item = await poll();
      if (item === id) continue next;
    }
  }
}`,
    // Checks signal.aborted.
    `${prelude}export async function f(signal: AbortSignal): Promise<void> {
  while (true) {
    if (signal.aborted) return;
    await sleep(100);
  }
}`,
    // Calls throwIfAborted (a call, not a throw statement).
    `${prelude}export async function g(signal: AbortSignal): Promise<void> {
  for (;;) {
    signal.throwIfAborted();
    handle((await poll()) ?? '');
  }
}`,
    // Passes the signal to what it awaits: the await rejects when it aborts.
    `${prelude}export async function h(options: { signal: AbortSignal }): Promise<void> {
  while (true) {
    await sleep(1000, { signal: options.signal });
    handle('tick');
  }
}`,
    // A signal under another name, found by its type.
    `${prelude}export async function i(controller: AbortController): Promise<void> {
  const stopper = controller.signal;
  while (true) {
    await sleep(1000, { signal: stopper });
  }
}`,
    // A call typed never and an assertion function end the loop.
    `${prelude}export async function j(): Promise<void> {
  while (true) {
    const item = await poll();
    if (item === 'bad') fail(item);
  }
}`,
    `${prelude}class Pump {
  private socket: WebSocket | null = null;
  async run(): Promise<void> {
    while (true) {
      assertOpen(this.socket);
      await sleep(10);
    }
  }
}
export { Pump };`,
    // A stop flag checked in the loop that leads to a break.
    `${prelude}export class Poller {
  private stopped = false;
  stop(): void { this.stopped = true; }
  async run(): Promise<void> {
    while (true) {
      if (this.stopped) break;
      await sleep(1000);
    }
  }
}`,
    // Not endless: the test is a stop flag.
    `${prelude}export class Poller {
  private running = true;
  stop(): void { this.running = false; }
  async run(): Promise<void> {
    while (this.running) await sleep(1000);
  }
}`,
    // No await: a synchronous loop blocks, it does not outlive anything.
    `${prelude}export async function k(): Promise<number> {
  let n = 0;
  while (true) {
    n++;
    if (n > 10) return n;
  }
}
export function l(): void {
  for (;;) handle('spin');
}`,
    // The await is inside a nested function, not in the loop.
    `${prelude}export async function m(): Promise<void> {
  for (;;) {
    setTimeout(async () => { await poll(); }, 10);
    handle('x');
    break;
  }
}`,
    // An async generator that yields: its consumer stops it with return().
    `${prelude}export async function* ticks(): AsyncGenerator<string> {
  while (true) {
    await sleep(1000);
    yield 'tick';
  }
}`,
    // A sync generator never awaits.
    `${prelude}export function* counter(): Generator<number> {
  let n = 0;
  while (true) yield n++;
}`,
    // Top-level await: a script's main loop ends with the process.
    `${prelude}while (true) {
  await sleep(1000);
  handle('tick');
}
export {};`,
    // An endless loop in a sync function that starts async work is not a candidate.
    `${prelude}export function n(): void {
  while (1) {
    void poll();
    break;
  }
}`,
    // A cancellation token (VS Code style) read in the loop.
    `${prelude}export async function o(token: { isCancellationRequested: boolean }): Promise<void> {
  while (true) {
    if (token.isCancellationRequested) return;
    await sleep(10);
  }
}`,
    // A throw caught in the loop does not leave it, but the rethrow in catch does.
    `${prelude}export async function p(): Promise<void> {
  while (true) {
    try {
      if (!(await poll())) throw new Error('empty');
    } catch (error) {
      if (error instanceof TypeError) throw error;
    }
  }
}`,
    // Signal used inside a callback in the loop: the wait ends on abort.
    `${prelude}export async function q(signal: AbortSignal): Promise<void> {
  while (true) {
    await new Promise<void>((resolve, reject) => {
      signal.addEventListener('abort', () => reject(new Error('aborted')), { once: true });
      setTimeout(resolve, 1000);
    });
  }
}`,
    // The update clause awaits, and the body breaks.
    `${prelude}export async function r(): Promise<void> {
  for (let i = 0; ; i = Number(await poll())) {
    if (i > 3) break;
  }
}`,
  ],
  invalid: [
    // A signal taken out of the options and never looked at is not a look at it.
    {
      code: `${prelude}export async function pollUntil(check: () => Promise<boolean>, options: { signal?: AbortSignal; pollMs?: number } = {}): Promise<void> {
  const { signal } = options;
  while (true) {
    if (await check()) return;
    await sleep(options.pollMs ?? 1000);
  }
}`,
      errors: [
        {
          messageId: 'signalNeverChecked',
          line: L(3),
          column: 3,
          suggestions: [
            {
              messageId: 'checkSignalSuggestion',
              output: `${prelude}export async function pollUntil(check: () => Promise<boolean>, options: { signal?: AbortSignal; pollMs?: number } = {}): Promise<void> {
  const { signal } = options;
  while (!options.signal?.aborted) {
    if (await check()) return;
    await sleep(options.pollMs ?? 1000);
  }
}`,
            },
          ],
        },
      ],
    },
    // The function a caller hands over passes on what the helper gives it, not the caller's signal.
    {
      code: `${prelude}interface Req { signal?: AbortSignal; tag?: string }
declare function fetchJob(id: string, req: Req): Promise<string>;
async function pollReq(get: (req: Req) => Promise<string>, options: Req): Promise<string> {
  while (true) {
    const status = await get({ tag: 'poll' });
    if (status === 'done') return status;
    await sleep(1000, options.tag === undefined ? undefined : {});
  }
}
export const waitReq = (id: string, options: Req) => pollReq((req) => fetchJob(id, { ...req }), options);`,
      errors: [
        {
          messageId: 'signalNeverChecked',
          line: L(4),
          column: 3,
          suggestions: [
            {
              messageId: 'throwIfAbortedSuggestion',
              output: `${prelude}interface Req { signal?: AbortSignal; tag?: string }
declare function fetchJob(id: string, req: Req): Promise<string>;
async function pollReq(get: (req: Req) => Promise<string>, options: Req): Promise<string> {
  while (true) {
    options.signal?.throwIfAborted();
    const status = await get({ tag: 'poll' });
    if (status === 'done') return status;
    await sleep(1000, options.tag === undefined ? undefined : {});
  }
}
export const waitReq = (id: string, options: Req) => pollReq((req) => fetchJob(id, { ...req }), options);`,
            },
          ],
        },
      ],
    },
    // The parameter is replaced in the loop (\`for (get of …)\`): the function called is not only what callers pass.
    {
      code: `${prelude}declare function fetchStatus(id: string, options: { signal?: AbortSignal }): Promise<string>;
async function pollAny(get: () => Promise<string>, fallbacks: (() => Promise<string>)[], options: { signal?: AbortSignal }): Promise<string> {
  while (true) {
    if ((await get()) === 'done') return 'done';
    for (get of fallbacks) break;
    await sleep(1000);
  }
}
export const waitAny = (id: string, options: { signal?: AbortSignal }) =>
  pollAny(() => fetchStatus(id, options), [() => fetchStatus(id, {})], options);`,
      errors: [
        {
          messageId: 'signalNeverChecked',
          line: L(3),
          column: 3,
          suggestions: [
            {
              messageId: 'throwIfAbortedSuggestion',
              output: `${prelude}declare function fetchStatus(id: string, options: { signal?: AbortSignal }): Promise<string>;
async function pollAny(get: () => Promise<string>, fallbacks: (() => Promise<string>)[], options: { signal?: AbortSignal }): Promise<string> {
  while (true) {
    options.signal?.throwIfAborted();
    if ((await get()) === 'done') return 'done';
    for (get of fallbacks) break;
    await sleep(1000);
  }
}
export const waitAny = (id: string, options: { signal?: AbortSignal }) =>
  pollAny(() => fetchStatus(id, options), [() => fetchStatus(id, {})], options);`,
            },
          ],
        },
      ],
    },
    // The helper is also handed out in an object that a declared type receives (\`{ pollB }\` as
    // \`Api\`): calls through that type may reach it, so its callers cannot all be listed.
    {
      code: `${prelude}declare function fetchStatus(id: string, options: { signal?: AbortSignal }): Promise<string>;
async function pollB(get: () => Promise<string>, options: { signal?: AbortSignal }): Promise<string> {
  while (true) {
    if ((await get()) === 'done') return 'done';
    await sleep(1000);
  }
}
interface Api { pollB(get: () => Promise<string>, options: { signal?: AbortSignal }): Promise<string> }
export const api: Api = { pollB };
export const waitB = (id: string, options: { signal?: AbortSignal }) => pollB(() => fetchStatus(id, options), options);`,
      errors: [
        {
          messageId: 'signalNeverChecked',
          line: L(3),
          column: 3,
          suggestions: [
            {
              messageId: 'throwIfAbortedSuggestion',
              output: `${prelude}declare function fetchStatus(id: string, options: { signal?: AbortSignal }): Promise<string>;
async function pollB(get: () => Promise<string>, options: { signal?: AbortSignal }): Promise<string> {
  while (true) {
    options.signal?.throwIfAborted();
    if ((await get()) === 'done') return 'done';
    await sleep(1000);
  }
}
interface Api { pollB(get: () => Promise<string>, options: { signal?: AbortSignal }): Promise<string> }
export const api: Api = { pollB };
export const waitB = (id: string, options: { signal?: AbortSignal }) => pollB(() => fetchStatus(id, options), options);`,
            },
          ],
        },
      ],
    },
    // One caller hands the helper a function that drops the signal: the helper's loop cannot be stopped through it.
    {
      code: pollHelper('(tag) => fetchStatus(id, { tag })'),
      errors: [
        {
          messageId: 'signalNeverChecked',
          line: L(7),
          column: 3,
          suggestions: [
            {
              messageId: 'throwIfAbortedSuggestion',
              output: `${prelude}interface PollOptions {
  signal?: AbortSignal;
  pollMs?: number;
}
declare function fetchStatus(id: string, options: PollOptions & { tag: string }): Promise<string>;
async function pollUntil(get: (tag: string) => Promise<string>, options: PollOptions): Promise<string> {
  while (true) {
    options.signal?.throwIfAborted();
    const status = await get('poll');
    if (status === 'done') return status;
    await sleep(options.pollMs ?? 1000);
  }
}
export function pollJob(id: string, options: PollOptions): Promise<string> {
  return pollUntil((tag) => fetchStatus(id, { ...options, tag }), options);
}
export function pollOther(id: string, options: PollOptions): Promise<string> {
  return pollUntil((tag) => fetchStatus(id, { tag }), options);
}`,
            },
          ],
        },
      ],
    },
    // A poll that leaves only when the remote status says so, in a function that takes a signal
    // and never looks at it: when the caller aborts, it polls on.
    {
      code: `${prelude}export async function waitDone(signal: AbortSignal): Promise<string> {
  while (true) {
    const status = await poll();
    if (status === 'done') return status;
    await sleep(500);
  }
}`,
      errors: [
        {
          messageId: 'signalNeverChecked',
          line: L(2),
          column: 3,
          data: {
            loop: 'while (true)',
            fn: '`waitDone()`',
            signal: 'signal',
            why: 'leaves only on its own conditions and never looks at `signal`',
          },
          suggestions: [
            {
              messageId: 'throwIfAbortedSuggestion',
              output: `${prelude}export async function waitDone(signal: AbortSignal): Promise<string> {
  while (true) {
    signal.throwIfAborted();
    const status = await poll();
    if (status === 'done') return status;
    await sleep(500);
  }
}`,
            },
          ],
        },
      ],
    },
    // The idle path goes round through `continue` without reaching the stop check.
    {
      code: `${prelude}export class Worker {
  private stopped = false;
  stop(): void {
    this.stopped = true;
  }
  async run(): Promise<void> {
    while (true) {
      const item = await poll();
      if (!item) {
        await sleep(100);
        continue;
      }
      handle(item);
      if (this.stopped) break;
    }
  }
}`,
      errors: [
        {
          messageId: 'loopOutlivesTeardown',
          line: L(7),
          column: 5,
          data: {
            loop: 'while (true)',
            fn: '`run()`',
            teardown: 'stop',
            why: 'can go round through the `continue` on line 16 without reaching a `break`, `return` or `throw` or checking an `AbortSignal` or stop flag',
          },
          suggestions: [
            {
              messageId: 'checkStopFlagSuggestion',
              output: `${prelude}export class Worker {
  private stopped = false;
  stop(): void {
    this.stopped = true;
  }
  async run(): Promise<void> {
    while (!this.stopped) {
      const item = await poll();
      if (!item) {
        await sleep(100);
        continue;
      }
      handle(item);
      if (this.stopped) break;
    }
  }
}`,
            },
          ],
        },
      ],
    },
    // The canonical shape: a poll loop with nothing to stop it.
    {
      code: `${prelude}export async function pollForever(): Promise<void> {
  while (true) {
    const item = await poll();
    if (item) handle(item);
    await sleep(1000);
  }
}`,
      errors: [
        {
          messageId: 'loopNeverStops',
          line: L(2),
          column: 3,
          endLine: L(2),
          endColumn: 8,
          data: { loop: 'while (true)', fn: '`pollForever()`', why: NO_WAY_OUT },
          suggestions: [
            {
              messageId: 'addSignalSuggestion',
              output: `${prelude}export async function pollForever(signal?: AbortSignal): Promise<void> {
  while (!signal?.aborted) {
    const item = await poll();
    if (item) handle(item);
    await sleep(1000);
  }
}`,
            },
          ],
        },
      ],
    },
    // for (;;), while (1), for (; true;) and do … while (true).
    {
      code: `${prelude}export async function a(): Promise<void> {
  for (;;) await sleep(1);
}
export async function b(): Promise<void> {
  while (1) { await sleep(1); }
}
export async function c(): Promise<void> {
  for (let i = 0; true; i++) { await sleep(i); }
}
export const d = async (): Promise<void> => {
  do { await sleep(1); } while (!0);
};`,
      errors: [
        {
          messageId: 'loopNeverStops',
          line: L(2),
          column: 3,
          data: { loop: 'for (;;)', fn: '`a()`', why: NO_WAY_OUT },
          suggestions: [
            {
              messageId: 'addSignalSuggestion',
              output: `${prelude}export async function a(signal?: AbortSignal): Promise<void> {
  for (; !signal?.aborted; ) await sleep(1);
}
export async function b(): Promise<void> {
  while (1) { await sleep(1); }
}
export async function c(): Promise<void> {
  for (let i = 0; true; i++) { await sleep(i); }
}
export const d = async (): Promise<void> => {
  do { await sleep(1); } while (!0);
};`,
            },
          ],
        },
        {
          messageId: 'loopNeverStops',
          line: L(5),
          column: 3,
          data: { loop: 'while (true)', fn: '`b()`', why: NO_WAY_OUT },
          suggestions: [
            {
              messageId: 'addSignalSuggestion',
              output: `${prelude}export async function a(): Promise<void> {
  for (;;) await sleep(1);
}
export async function b(signal?: AbortSignal): Promise<void> {
  while (!signal?.aborted) { await sleep(1); }
}
export async function c(): Promise<void> {
  for (let i = 0; true; i++) { await sleep(i); }
}
export const d = async (): Promise<void> => {
  do { await sleep(1); } while (!0);
};`,
            },
          ],
        },
        {
          messageId: 'loopNeverStops',
          line: L(8),
          column: 3,
          data: { loop: 'for (; true;)', fn: '`c()`', why: NO_WAY_OUT },
          suggestions: [
            {
              messageId: 'addSignalSuggestion',
              output: `${prelude}export async function a(): Promise<void> {
  for (;;) await sleep(1);
}
export async function b(): Promise<void> {
  while (1) { await sleep(1); }
}
export async function c(signal?: AbortSignal): Promise<void> {
  for (let i = 0; !signal?.aborted; i++) { await sleep(i); }
}
export const d = async (): Promise<void> => {
  do { await sleep(1); } while (!0);
};`,
            },
          ],
        },
        {
          messageId: 'loopNeverStops',
          line: L(11),
          column: 3,
          data: { loop: 'do … while (true)', fn: '`d()`', why: NO_WAY_OUT },
          suggestions: [
            {
              messageId: 'addSignalSuggestion',
              output: `${prelude}export async function a(): Promise<void> {
  for (;;) await sleep(1);
}
export async function b(): Promise<void> {
  while (1) { await sleep(1); }
}
export async function c(): Promise<void> {
  for (let i = 0; true; i++) { await sleep(i); }
}
export const d = async (signal?: AbortSignal): Promise<void> => {
  do { await sleep(1); } while (!signal?.aborted);
};`,
            },
          ],
        },
      ],
    },
    // A retry that leaves only when the reconnect succeeds: nothing `dispose()` changes is read
    // by the loop (it only writes \`this.socket\`), so a disposed object retries for good.
    {
      code: `${prelude}export class Connection {
  private socket: { close(): void } | undefined;
  private attempts = 0;
  constructor(private readonly open: () => Promise<{ close(): void }>) {}
  async reconnect(): Promise<void> {
    while (true) {
      await sleep(1000 * this.attempts);
      try {
        this.socket = await this.open();
        break;
      } catch {
        this.attempts += 1;
      }
    }
  }
  dispose(): void {
    this.socket?.close();
    this.socket = undefined;
  }
}`,
      errors: [
        {
          messageId: 'loopOutlivesTeardown',
          line: L(6),
          column: 5,
          data: {
            loop: 'while (true)',
            fn: '`reconnect()`',
            teardown: 'dispose',
            why: 'leaves only on its own conditions, and none of them reads what `dispose()` changes on every path',
          },
          suggestions: [
            {
              messageId: 'addStopFlagSuggestion',
              output: `${prelude}export class Connection {
  private stopped = false;
  private socket: { close(): void } | undefined;
  private attempts = 0;
  constructor(private readonly open: () => Promise<{ close(): void }>) {}
  async reconnect(): Promise<void> {
    while (!this.stopped) {
      await sleep(1000 * this.attempts);
      try {
        this.socket = await this.open();
        break;
      } catch {
        this.attempts += 1;
      }
    }
  }
  dispose(): void {
    this.stopped = true;
    this.socket?.close();
    this.socket = undefined;
  }
}`,
            },
          ],
        },
      ],
    },
    // The stop flag is set only after an early return: closing while no stream is open leaves it unset.
    {
      code: `${prelude}export class Consumer {
  private closed = false;
  private stream: AsyncIterable<string> & { destroy(): void } | undefined;
  constructor(private readonly open: () => Promise<AsyncIterable<string> & { destroy(): void }>) {}
  async run(): Promise<void> {
    while (true) {
      if (this.closed) break;
      try {
        this.stream = await this.open();
        for await (const item of this.stream) handle(item);
      } catch {
        this.stream = undefined;
        await sleep(100);
      }
    }
  }
  close(): void {
    if (!this.stream) return;
    this.closed = true;
    this.stream.destroy();
  }
}`,
      errors: [
        {
          messageId: 'loopOutlivesTeardown',
          line: L(6),
          column: 5,
          data: {
            loop: 'while (true)',
            fn: '`run()`',
            teardown: 'close',
            why: 'leaves only on its own conditions, and none of them reads what `close()` changes on every path',
          },
          suggestions: [
            {
              messageId: 'addStopFlagSuggestion',
              output: `${prelude}export class Consumer {
  private stopped = false;
  private closed = false;
  private stream: AsyncIterable<string> & { destroy(): void } | undefined;
  constructor(private readonly open: () => Promise<AsyncIterable<string> & { destroy(): void }>) {}
  async run(): Promise<void> {
    while (!this.stopped) {
      if (this.closed) break;
      try {
        this.stream = await this.open();
        for await (const item of this.stream) handle(item);
      } catch {
        this.stream = undefined;
        await sleep(100);
      }
    }
  }
  close(): void {
    this.stopped = true;
    if (!this.stream) return;
    this.closed = true;
    this.stream.destroy();
  }
}`,
            },
          ],
        },
      ],
    },
    // A plain function nested in a method has its own \`this\`: the class's teardown is not its owner's.
    {
      code: `${prelude}export class Pool {
  start(): void {
    async function spin(): Promise<void> {
      while (true) await sleep(1);
    }
    void spin();
  }
  close(): void {}
}`,
      errors: [
        {
          messageId: 'loopNeverStops',
          line: L(4),
          column: 7,
          data: { loop: 'while (true)', fn: '`spin()`', why: NO_WAY_OUT },
          suggestions: [
            {
              messageId: 'addSignalSuggestion',
              output: `${prelude}export class Pool {
  start(): void {
    async function spin(signal?: AbortSignal): Promise<void> {
      while (!signal?.aborted) await sleep(1);
    }
    void spin();
  }
  close(): void {}
}`,
            },
          ],
        },
      ],
    },
    // A class with a teardown method that cannot reach the loop.
    {
      code: `${prelude}export class Heartbeat {
  private timer = 0;
  start(): void {
    void this.loop();
  }
  private async loop(): Promise<void> {
    while (true) {
      await sleep(30_000);
      this.timer++;
    }
  }
  close(): void {
    this.timer = 0;
  }
}`,
      errors: [
        {
          messageId: 'loopOutlivesTeardown',
          line: L(7),
          column: 5,
          data: { loop: 'while (true)', teardown: 'close', fn: '`loop()`', why: NO_WAY_OUT },
          suggestions: [
            {
              messageId: 'addStopFlagSuggestion',
              output: `${prelude}export class Heartbeat {
  private stopped = false;
  private timer = 0;
  start(): void {
    void this.loop();
  }
  private async loop(): Promise<void> {
    while (!this.stopped) {
      await sleep(30_000);
      this.timer++;
    }
  }
  close(): void {
    this.stopped = true;
    this.timer = 0;
  }
}`,
            },
          ],
        },
      ],
    },
    // An async IIFE in a constructor: the class's teardown names the fix.
    {
      code: `${prelude}export class Reader {
  constructor() {
    void (async () => {
      for (;;) handle((await poll()) ?? '');
    })();
  }
  dispose(): void {}
}`,
      errors: [
        {
          messageId: 'loopOutlivesTeardown',
          line: L(4),
          column: 7,
          data: { loop: 'for (;;)', fn: 'this async function', teardown: 'dispose', why: NO_WAY_OUT },
          suggestions: [
            {
              messageId: 'addStopFlagSuggestion',
              output: `${prelude}export class Reader {
  private stopped = false;
  constructor() {
    void (async () => {
      for (; !this.stopped; ) handle((await poll()) ?? '');
    })();
  }
  dispose(): void {
    this.stopped = true;
  }
}`,
            },
          ],
        },
      ],
    },
    // A signal parameter the loop never looks at.
    {
      code: `${prelude}export async function watch(path: string, signal: AbortSignal): Promise<void> {
  while (true) {
    await sleep(500);
    handle(path);
  }
}`,
      errors: [
        {
          messageId: 'signalNeverChecked',
          line: L(2),
          column: 3,
          data: { loop: 'while (true)', signal: 'signal', fn: '`watch()`', why: neverLooksAt('signal') },
          suggestions: [
            {
              messageId: 'checkSignalSuggestion',
              output: `${prelude}export async function watch(path: string, signal: AbortSignal): Promise<void> {
  while (!signal.aborted) {
    await sleep(500);
    handle(path);
  }
}`,
            },
          ],
        },
      ],
    },
    // The caller stops the loop through its signal: the retry path's own exit (a non-retryable
    // error) is no stop, and the signal handed to a sleep whose rejection is swallowed stops nothing.
    {
      code: `${prelude}export async function run(signal: AbortSignal, retryable: (e: unknown) => boolean): Promise<string> {
  while (true) {
    try {
      const item = await poll();
      if (signal.aborted) return 'stopped';
      if (item) return item;
    } catch (error) {
      if (!retryable(error)) throw error;
      await sleep(100, { signal }).catch(() => undefined);
      continue;
    }
  }
}`,
      errors: [
        {
          messageId: 'signalNeverChecked',
          line: L(2),
          column: 3,
          data: {
            loop: 'while (true)',
            signal: 'signal',
            fn: '`run()`',
            why: 'can go round through the `continue` on line 15 without looking at `signal`',
          },
          suggestions: [
            {
              messageId: 'throwIfAbortedSuggestion',
              output: `${prelude}export async function run(signal: AbortSignal, retryable: (e: unknown) => boolean): Promise<string> {
  while (true) {
    signal.throwIfAborted();
    try {
      const item = await poll();
      if (signal.aborted) return 'stopped';
      if (item) return item;
    } catch (error) {
      if (!retryable(error)) throw error;
      await sleep(100, { signal }).catch(() => undefined);
      continue;
    }
  }
}`,
            },
          ],
        },
      ],
    },
    // Endless heads written other ways: a double negation, a hexadecimal literal, a `for` whose
    // initialiser calls a function. Each file holds only that loop.
    ...['while (!!1)', 'while (0x1)', 'for (let n = Number(0); ; n++)'].map((head) => ({
      code: `${prelude}export async function spin(): Promise<void> {
  ${head} await sleep(1);
}`,
      errors: [
        {
          messageId: 'loopNeverStops' as const,
          line: L(2),
          column: 3,
          data: { loop: head.startsWith('for') ? 'for (;;)' : 'while (true)', fn: '`spin()`', why: NO_WAY_OUT },
          suggestions: [
            {
              messageId: 'addSignalSuggestion' as const,
              output: `${prelude}export async function spin(signal?: AbortSignal): Promise<void> {
  ${head.startsWith('for') ? 'for (let n = Number(0); !signal?.aborted; n++)' : 'while (!signal?.aborted)'} await sleep(1);
}`,
            },
          ],
        },
      ],
    })),
    // A signal in an options property of another name: the type says what it is.
    {
      code: `${prelude}export async function tail(options: { abortSignal?: AbortSignal }): Promise<void> {
  while (true) await sleep(1);
}`,
      errors: [
        {
          messageId: 'signalNeverChecked',
          line: L(2),
          column: 3,
          data: {
            loop: 'while (true)',
            fn: '`tail()`',
            signal: 'options.abortSignal',
            why: neverLooksAt('options.abortSignal'),
          },
          suggestions: [
            {
              messageId: 'checkSignalSuggestion',
              output: `${prelude}export async function tail(options: { abortSignal?: AbortSignal }): Promise<void> {
  while (!options.abortSignal?.aborted) await sleep(1);
}`,
            },
          ],
        },
      ],
    },
    // A signal in an options object and in a destructured parameter.
    {
      code: `${prelude}export async function a(options: { signal?: AbortSignal; ms: number }): Promise<void> {
  for (;;) await sleep(options.ms);
}
export async function b({ signal: stop }: { signal: AbortSignal }): Promise<void> {
  for (;;) await sleep(1);
}`,
      errors: [
        {
          messageId: 'signalNeverChecked',
          line: L(2),
          column: 3,
          data: { loop: 'for (;;)', fn: '`a()`', signal: 'options.signal', why: neverLooksAt('options.signal') },
          suggestions: [
            {
              messageId: 'checkSignalSuggestion',
              output: `${prelude}export async function a(options: { signal?: AbortSignal; ms: number }): Promise<void> {
  for (; !options.signal?.aborted; ) await sleep(options.ms);
}
export async function b({ signal: stop }: { signal: AbortSignal }): Promise<void> {
  for (;;) await sleep(1);
}`,
            },
          ],
        },
        {
          messageId: 'signalNeverChecked',
          line: L(5),
          column: 3,
          data: { loop: 'for (;;)', fn: '`b()`', signal: 'stop', why: neverLooksAt('stop') },
          suggestions: [
            {
              messageId: 'checkSignalSuggestion',
              output: `${prelude}export async function a(options: { signal?: AbortSignal; ms: number }): Promise<void> {
  for (;;) await sleep(options.ms);
}
export async function b({ signal: stop }: { signal: AbortSignal }): Promise<void> {
  for (; !stop.aborted; ) await sleep(1);
}`,
            },
          ],
        },
      ],
    },
    // A break that targets an inner switch or loop does not leave the endless loop.
    {
      code: `${prelude}export async function a(): Promise<void> {
  while (true) {
    const item = await poll();
    switch (item) {
      case 'stop':
        break;
      default:
        handle(item ?? '');
    }
    for (const c of item ?? '') if (c === 'x') break;
  }
}`,
      errors: [
        {
          messageId: 'loopNeverStops',
          line: L(2),
          column: 3,
          suggestions: [
            {
              messageId: 'addSignalSuggestion',
              output: `${prelude}export async function a(signal?: AbortSignal): Promise<void> {
  while (!signal?.aborted) {
    const item = await poll();
    switch (item) {
      case 'stop':
        break;
      default:
        handle(item ?? '');
    }
    for (const c of item ?? '') if (c === 'x') break;
  }
}`,
            },
          ],
        },
      ],
    },
    // A break to a label inside the loop does not leave it.
    {
      code: `${prelude}export async function a(): Promise<void> {
  while (true) {
    block: {
      if (!(await poll())) break block;
      handle('got');
    }
  }
}`,
      errors: [
        {
          messageId: 'loopNeverStops',
          line: L(2),
          column: 3,
          suggestions: [
            {
              messageId: 'addSignalSuggestion',
              output: `${prelude}export async function a(signal?: AbortSignal): Promise<void> {
  while (!signal?.aborted) {
    block: {
      if (!(await poll())) break block;
      handle('got');
    }
  }
}`,
            },
          ],
        },
      ],
    },
    // A throw caught inside the loop, a return in a nested callback, and an unreachable break.
    {
      code: `${prelude}export async function a(items: string[]): Promise<void> {
  while (true) {
    try {
      const item = await poll();
      if (!item) throw new Error('empty');
    } catch {
      handle('retry');
    }
    items.forEach((item) => {
      if (item) return;
    });
    continue;
    break;
  }
}`,
      errors: [
        {
          messageId: 'loopNeverStops',
          line: L(2),
          column: 3,
          suggestions: [
            {
              messageId: 'addSignalSuggestion',
              output: `${prelude}export async function a(items: string[], signal?: AbortSignal): Promise<void> {
  while (!signal?.aborted) {
    try {
      const item = await poll();
      if (!item) throw new Error('empty');
    } catch {
      handle('retry');
    }
    items.forEach((item) => {
      if (item) return;
    });
    continue;
    break;
  }
}`,
            },
          ],
        },
      ],
    },
    // A stop flag checked without leaving the loop does not stop it.
    {
      code: `${prelude}export class Poller {
  private stopped = false;
  stop(): void { this.stopped = true; }
  async run(): Promise<void> {
    while (true) {
      if (!this.stopped) handle((await poll()) ?? '');
      await sleep(1000);
    }
  }
}`,
      errors: [
        {
          messageId: 'loopOutlivesTeardown',
          line: L(5),
          column: 5,
          data: { loop: 'while (true)', fn: '`run()`', teardown: 'stop', why: NO_WAY_OUT },
          suggestions: [
            {
              messageId: 'checkStopFlagSuggestion',
              output: `${prelude}export class Poller {
  private stopped = false;
  stop(): void { this.stopped = true; }
  async run(): Promise<void> {
    while (!this.stopped) {
      if (!this.stopped) handle((await poll()) ?? '');
      await sleep(1000);
    }
  }
}`,
            },
          ],
        },
      ],
    },
    // Nested endless loops: only the inner one, which keeps the outer one from going on, is reported.
    {
      code: `${prelude}export async function a(): Promise<void> {
  while (true) {
    await sleep(1);
    for (;;) {
      await sleep(2);
    }
  }
}`,
      errors: [
        {
          messageId: 'loopNeverStops',
          line: L(4),
          column: 5,
          data: { loop: 'for (;;)', fn: '`a()`', why: NO_WAY_OUT },
          suggestions: [
            {
              messageId: 'addSignalThrowSuggestion',
              output: `${prelude}export async function a(signal?: AbortSignal): Promise<void> {
  while (true) {
    await sleep(1);
    for (;;) {
      signal?.throwIfAborted();
      await sleep(2);
    }
  }
}`,
            },
          ],
        },
      ],
    },
    // An async generator loop that never yields is an async loop like any other.
    {
      code: `${prelude}export async function* drain(): AsyncGenerator<string> {
  yield 'start';
  while (true) await sleep(1);
}`,
      errors: [
        {
          messageId: 'loopNeverStops',
          line: L(3),
          column: 3,
          data: { loop: 'while (true)', fn: '`drain()`', why: NO_WAY_OUT },
          suggestions: [
            {
              messageId: 'addSignalSuggestion',
              output: `${prelude}export async function* drain(signal?: AbortSignal): AsyncGenerator<string> {
  yield 'start';
  while (!signal?.aborted) await sleep(1);
}`,
            },
          ],
        },
      ],
    },
    // for await inside the loop is an await; a method of an object literal.
    {
      code: `${prelude}declare const stream: AsyncIterable<string>;
export const consumer = {
  async run(): Promise<void> {
    for (;;) {
      for await (const chunk of stream) handle(chunk);
    }
  },
};`,
      errors: [
        {
          messageId: 'loopNeverStops',
          line: L(4),
          column: 5,
          data: { loop: 'for (;;)', fn: '`run()`', why: NO_WAY_OUT },
          suggestions: [],
        },
      ],
    },
    // checkYieldingLoops: a generator loop that yields needs its own way out too.
    {
      code: `${prelude}export async function* ticks(): AsyncGenerator<string> {
  while (true) {
    await sleep(1000);
    yield 'tick';
  }
}
export async function* until(signal: AbortSignal): AsyncGenerator<string> {
  while (true) {
    if (signal.aborted) return;
    yield (await poll()) ?? '';
  }
}`,
      options: [{ checkYieldingLoops: true }],
      errors: [
        {
          messageId: 'loopNeverStops',
          line: L(2),
          column: 3,
          data: { loop: 'while (true)', fn: '`ticks()`', why: NO_WAY_OUT },
          suggestions: [
            {
              messageId: 'addSignalSuggestion',
              output: `${prelude}export async function* ticks(signal?: AbortSignal): AsyncGenerator<string> {
  while (!signal?.aborted) {
    await sleep(1000);
    yield 'tick';
  }
}
export async function* until(signal: AbortSignal): AsyncGenerator<string> {
  while (true) {
    if (signal.aborted) return;
    yield (await poll()) ?? '';
  }
}`,
            },
          ],
        },
      ],
    },
    // Suggestions: a class that uses private names gets a `#stopped` field, set first in the teardown.
    {
      code: `${prelude}export class Pump {
  #count = 0;
  async #run(): Promise<void> {
    while (true) {
      await sleep(10);
      this.#count++;
    }
  }
  start(): void {
    void this.#run();
  }
  close(): void {
    this.#count = 0;
  }
}`,
      errors: [
        {
          messageId: 'loopOutlivesTeardown',
          line: L(4),
          column: 5,
          suggestions: [
            {
              messageId: 'addStopFlagSuggestion',
              output: `${prelude}export class Pump {
  #stopped = false;
  #count = 0;
  async #run(): Promise<void> {
    while (!this.#stopped) {
      await sleep(10);
      this.#count++;
    }
  }
  start(): void {
    void this.#run();
  }
  close(): void {
    this.#stopped = true;
    this.#count = 0;
  }
}`,
            },
          ],
        },
      ],
    },
    // Suggestions: JavaScript gets a `#stopped` field and an untyped `signal` parameter.
    {
      filename: 'script.js',
      code: `const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
export class Pump {
  count = 0;
  async run() {
    while (true) {
      await sleep(10);
      this.count++;
    }
  }
  close() {
    this.count = 0;
  }
}
export async function tick() {
  while (true) await sleep(10);
}`,
      errors: [
        {
          messageId: 'loopOutlivesTeardown',
          line: 5,
          column: 5,
          suggestions: [
            {
              messageId: 'addStopFlagSuggestion',
              output: `const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
export class Pump {
  #stopped = false;
  count = 0;
  async run() {
    while (!this.#stopped) {
      await sleep(10);
      this.count++;
    }
  }
  close() {
    this.#stopped = true;
    this.count = 0;
  }
}
export async function tick() {
  while (true) await sleep(10);
}`,
            },
          ],
        },
        {
          messageId: 'loopNeverStops',
          line: 15,
          column: 3,
          suggestions: [
            {
              messageId: 'addSignalSuggestion',
              output: `const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
export class Pump {
  count = 0;
  async run() {
    while (true) {
      await sleep(10);
      this.count++;
    }
  }
  close() {
    this.count = 0;
  }
}
export async function tick(signal) {
  while (!signal?.aborted) await sleep(10);
}`,
            },
          ],
        },
      ],
    },
    // Suggestions: a base already has `stopped`, the module already has `signal`: the new names take a suffix. An empty teardown body gets the statement on its own line.
    {
      code: `${prelude}class Base {
  protected stopped = 'never';
}
export class Pump extends Base {
  async run(): Promise<void> {
    while (true) await sleep(10);
  }
  stop(): void {}
}
const signal = 1;
export async function tick(ms: number): Promise<void> {
  while (true) await sleep(ms + signal);
}`,
      errors: [
        {
          messageId: 'loopOutlivesTeardown',
          line: L(6),
          column: 5,
          suggestions: [
            {
              messageId: 'addStopFlagSuggestion',
              output: `${prelude}class Base {
  protected stopped = 'never';
}
export class Pump extends Base {
  private stopped2 = false;
  async run(): Promise<void> {
    while (!this.stopped2) await sleep(10);
  }
  stop(): void {
    this.stopped2 = true;
  }
}
const signal = 1;
export async function tick(ms: number): Promise<void> {
  while (true) await sleep(ms + signal);
}`,
            },
          ],
        },
        {
          messageId: 'loopNeverStops',
          line: L(12),
          column: 3,
          suggestions: [
            {
              messageId: 'addSignalSuggestion',
              output: `${prelude}class Base {
  protected stopped = 'never';
}
export class Pump extends Base {
  async run(): Promise<void> {
    while (true) await sleep(10);
  }
  stop(): void {}
}
const signal = 1;
export async function tick(ms: number, signal2?: AbortSignal): Promise<void> {
  while (!signal2?.aborted) await sleep(ms + signal);
}`,
            },
          ],
        },
      ],
    },
    // Suggestion: the teardown clears a flag that starts set; the `do … while` runs while it holds.
    {
      code: `${prelude}export class Pump {
  private running = true;
  async run(): Promise<void> {
    do {
      await sleep(10);
    } while (true);
  }
  shutdown(): void {
    this.running = false;
  }
}`,
      errors: [
        {
          messageId: 'loopOutlivesTeardown',
          line: L(4),
          column: 5,
          suggestions: [
            {
              messageId: 'checkStopFlagSuggestion',
              output: `${prelude}export class Pump {
  private running = true;
  async run(): Promise<void> {
    do {
      await sleep(10);
    } while (this.running);
  }
  shutdown(): void {
    this.running = false;
  }
}`,
            },
          ],
        },
      ],
    },
    // Suggestions: a generator whose return slot takes no `undefined` throws on abort; one whose slot is open ends its loop.
    {
      code: `${prelude}export async function* feed(signal: AbortSignal): AsyncGenerator<string, number> {
  let n = 0;
  do {
    n++;
    await sleep(10);
  } while (true);
}
export async function* feed2(signal: AbortSignal): AsyncGenerator<string> {
  do {
    await sleep(10);
  } while (true);
}`,
      errors: [
        {
          messageId: 'signalNeverChecked',
          line: L(3),
          column: 3,
          suggestions: [
            {
              messageId: 'throwIfAbortedSuggestion',
              output: `${prelude}export async function* feed(signal: AbortSignal): AsyncGenerator<string, number> {
  let n = 0;
  do {
    signal.throwIfAborted();
    n++;
    await sleep(10);
  } while (true);
}
export async function* feed2(signal: AbortSignal): AsyncGenerator<string> {
  do {
    await sleep(10);
  } while (true);
}`,
            },
          ],
        },
        {
          messageId: 'signalNeverChecked',
          line: L(9),
          column: 3,
          suggestions: [
            {
              messageId: 'checkSignalSuggestion',
              output: `${prelude}export async function* feed(signal: AbortSignal): AsyncGenerator<string, number> {
  let n = 0;
  do {
    n++;
    await sleep(10);
  } while (true);
}
export async function* feed2(signal: AbortSignal): AsyncGenerator<string> {
  do {
    await sleep(10);
  } while (!signal.aborted);
}`,
            },
          ],
        },
      ],
    },
    // No suggestion: a function that returns a value cannot leave its loop on a stop flag, and there is no signal to throw from.
    {
      code: `${prelude}export class Pump {
  private count = 0;
  async run(): Promise<number> {
    while (true) {
      await sleep(10);
      this.count++;
    }
  }
  dispose(): void {
    this.count = 0;
  }
}`,
      errors: [{ messageId: 'loopOutlivesTeardown', line: L(4), column: 5, suggestions: [] }],
    },
    // No suggestion: leaving the loop would run code after it that has never run.
    {
      code: `${prelude}export class Pump {
  private count = 0;
  async run(): Promise<void> {
    while (true) {
      await sleep(10);
      this.count++;
    }
    handle('done');
  }
  dispose(): void {
    this.count = 0;
  }
}`,
      errors: [{ messageId: 'loopOutlivesTeardown', line: L(4), column: 5, suggestions: [] }],
    },
    // No suggestion: a static method has no instance to keep a stop flag on.
    {
      code: `${prelude}export class Pump {
  static count = 0;
  static async run(): Promise<void> {
    while (true) {
      await sleep(10);
      Pump.count++;
    }
  }
  dispose(): void {}
}`,
      errors: [{ messageId: 'loopOutlivesTeardown', line: L(4), column: 5, suggestions: [] }],
    },
    // No suggestion: a local shadows the signal parameter at the loop.
    {
      code: `${prelude}export async function watch(signal: AbortSignal): Promise<void> {
  {
    const signal = 'x';
    while (true) {
      await sleep(10);
      handle(signal);
    }
  }
}`,
      errors: [{ messageId: 'signalNeverChecked', line: L(4), column: 5, suggestions: [] }],
    },
    // No suggestion: a function passed as a value (it may get arguments it does not expect), an overloaded one, one with a rest parameter.
    {
      code: `${prelude}export async function tick(): Promise<void> {
  while (true) await sleep(10);
}
setTimeout(tick, 10);
async function over(a: string): Promise<void>;
async function over(a: number): Promise<void>;
async function over(a: unknown): Promise<void> {
  while (true) await sleep(Number(a));
}
export { over };
export async function rest(...ms: number[]): Promise<void> {
  while (true) await sleep(ms[0] ?? 1);
}`,
      errors: [
        { messageId: 'loopNeverStops', line: L(2), column: 3, suggestions: [] },
        { messageId: 'loopNeverStops', line: L(8), column: 3, suggestions: [] },
        { messageId: 'loopNeverStops', line: L(12), column: 3, suggestions: [] },
      ],
    },
    // No suggestion: the loop cannot end normally (a string is due) and its body is no block to put the throw in.
    {
      code: `${prelude}export async function wait(signal: AbortSignal): Promise<string> {
  while (true) await sleep(10);
}`,
      errors: [{ messageId: 'signalNeverChecked', line: L(2), column: 3, suggestions: [] }],
    },
    // Suggestion: without a written return type, a function that returns a value throws on abort rather than widening what it returns.
    {
      code: `${prelude}export async function first(signal: AbortSignal) {
  while (true) {
    const item = await poll();
    if (item) return item;
  }
}`,
      errors: [
        {
          messageId: 'signalNeverChecked',
          line: L(2),
          column: 3,
          suggestions: [
            {
              messageId: 'throwIfAbortedSuggestion',
              output: `${prelude}export async function first(signal: AbortSignal) {
  while (true) {
    signal.throwIfAborted();
    const item = await poll();
    if (item) return item;
  }
}`,
            },
          ],
        },
      ],
    },
    // No suggestion: a `catch` around the loop would catch the throw on abort, and a value is due, so the loop cannot just end.
    {
      code: `${prelude}export async function serve(signal: AbortSignal): Promise<string> {
  try {
    while (true) {
      if ((await poll()) === 'x') return 'x';
    }
  } catch {
    return 'failed';
  }
}`,
      errors: [{ messageId: 'signalNeverChecked', line: L(3), column: 5, suggestions: [] }],
    },
    // No suggestion: an index signature constrains every property, the new field included.
    {
      code: `${prelude}export class Bag {
  [key: string]: unknown;
  async run(): Promise<void> {
    while (true) await sleep(10);
  }
  close(): void {}
}`,
      errors: [{ messageId: 'loopOutlivesTeardown', line: L(4), column: 5, suggestions: [] }],
    },
    // Suggestion: a flag the teardown sets and clears again does not stay set: a new `stopped` field is added instead.
    {
      code: `${prelude}export class Pump {
  private closing = false;
  async run(): Promise<void> {
    while (true) await sleep(10);
  }
  async close(): Promise<void> {
    this.closing = true;
    await sleep(1);
    this.closing = false;
  }
}`,
      errors: [
        {
          messageId: 'loopOutlivesTeardown',
          line: L(4),
          column: 5,
          suggestions: [
            {
              messageId: 'addStopFlagSuggestion',
              output: `${prelude}export class Pump {
  private stopped = false;
  private closing = false;
  async run(): Promise<void> {
    while (!this.stopped) await sleep(10);
  }
  async close(): Promise<void> {
    this.stopped = true;
    this.closing = true;
    await sleep(1);
    this.closing = false;
  }
}`,
            },
          ],
        },
      ],
    },
    // Suggestions: a flag that starts unset is checked when the private loop method only runs right after it is set; set after the call, or on a public method, a new `stopped` field is added instead.
    {
      code: `${prelude}export class Pump {
  #running = false;
  start(): void {
    this.#running = true;
    void this.#run();
  }
  async #run(): Promise<void> {
    while (true) await sleep(10);
  }
  stop(): void {
    this.#running = false;
  }
}
export class Pump2 {
  private running = false;
  start(): void {
    void this.run();
    this.running = true;
  }
  private async run(): Promise<void> {
    while (true) await sleep(10);
  }
  stop(): void {
    this.running = false;
  }
}
export class Pump3 {
  running = false;
  start(): void {
    this.running = true;
    void this.run();
  }
  async run(): Promise<void> {
    while (true) await sleep(10);
  }
  stop(): void {
    this.running = false;
  }
}`,
      errors: [
        {
          messageId: 'loopOutlivesTeardown',
          line: L(8),
          column: 5,
          suggestions: [
            {
              messageId: 'checkStopFlagSuggestion',
              output: `${prelude}export class Pump {
  #running = false;
  start(): void {
    this.#running = true;
    void this.#run();
  }
  async #run(): Promise<void> {
    while (this.#running) await sleep(10);
  }
  stop(): void {
    this.#running = false;
  }
}
export class Pump2 {
  private running = false;
  start(): void {
    void this.run();
    this.running = true;
  }
  private async run(): Promise<void> {
    while (true) await sleep(10);
  }
  stop(): void {
    this.running = false;
  }
}
export class Pump3 {
  running = false;
  start(): void {
    this.running = true;
    void this.run();
  }
  async run(): Promise<void> {
    while (true) await sleep(10);
  }
  stop(): void {
    this.running = false;
  }
}`,
            },
          ],
        },
        {
          messageId: 'loopOutlivesTeardown',
          line: L(21),
          column: 5,
          suggestions: [
            {
              messageId: 'addStopFlagSuggestion',
              output: `${prelude}export class Pump {
  #running = false;
  start(): void {
    this.#running = true;
    void this.#run();
  }
  async #run(): Promise<void> {
    while (true) await sleep(10);
  }
  stop(): void {
    this.#running = false;
  }
}
export class Pump2 {
  private stopped = false;
  private running = false;
  start(): void {
    void this.run();
    this.running = true;
  }
  private async run(): Promise<void> {
    while (!this.stopped) await sleep(10);
  }
  stop(): void {
    this.stopped = true;
    this.running = false;
  }
}
export class Pump3 {
  running = false;
  start(): void {
    this.running = true;
    void this.run();
  }
  async run(): Promise<void> {
    while (true) await sleep(10);
  }
  stop(): void {
    this.running = false;
  }
}`,
            },
          ],
        },
        {
          messageId: 'loopOutlivesTeardown',
          line: L(34),
          column: 5,
          suggestions: [
            {
              messageId: 'addStopFlagSuggestion',
              output: `${prelude}export class Pump {
  #running = false;
  start(): void {
    this.#running = true;
    void this.#run();
  }
  async #run(): Promise<void> {
    while (true) await sleep(10);
  }
  stop(): void {
    this.#running = false;
  }
}
export class Pump2 {
  private running = false;
  start(): void {
    void this.run();
    this.running = true;
  }
  private async run(): Promise<void> {
    while (true) await sleep(10);
  }
  stop(): void {
    this.running = false;
  }
}
export class Pump3 {
  private stopped = false;
  running = false;
  start(): void {
    this.running = true;
    void this.run();
  }
  async run(): Promise<void> {
    while (!this.stopped) await sleep(10);
  }
  stop(): void {
    this.stopped = true;
    this.running = false;
  }
}`,
            },
          ],
        },
      ],
    },
    // A flag that pause() and resume() set too means more than torn down: a new stop flag, not this one.
    {
      code: `declare function poll(): Promise<void>;
declare function sleep(ms: number): Promise<void>;
export class Poller {
  private paused = false;
  start(): void {
    void this.run();
  }
  pause(): void {
    this.paused = true;
  }
  resume(): void {
    this.paused = false;
  }
  close(): void {
    this.paused = true;
  }
  private async run(): Promise<void> {
    while (true) {
      if (!this.paused) await poll();
      await sleep(1000);
    }
  }
}
`,
      errors: [
        {
          messageId: 'loopOutlivesTeardown',
          line: 18,
          column: 5,
          suggestions: [
            {
              messageId: 'addStopFlagSuggestion',
              output: `declare function poll(): Promise<void>;
declare function sleep(ms: number): Promise<void>;
export class Poller {
  private stopped = false;
  private paused = false;
  start(): void {
    void this.run();
  }
  pause(): void {
    this.paused = true;
  }
  resume(): void {
    this.paused = false;
  }
  close(): void {
    this.stopped = true;
    this.paused = true;
  }
  private async run(): Promise<void> {
    while (!this.stopped) {
      if (!this.paused) await poll();
      await sleep(1000);
    }
  }
}
`,
            },
          ],
        },
      ],
    },
    // Property test (seed 6): in JavaScript, a function with JSDoc types has required parameters, so
    // an added untyped \`signal\` would be required of every caller: no parameter is added.
    {
      code: `/**
 * @param {() => Promise<void>} tick
 * @param {number} delay
 */
export async function poll(tick, delay) {
  while (true) {
    await tick();
    await new Promise((resolve) => setTimeout(resolve, delay));
  }
}
export function start() {
  return poll(async () => {}, 10);
}
`,
      filename: 'script.js',
      errors: [{ messageId: 'loopNeverStops', line: 6, column: 3, suggestions: [] }],
    },
    // Property test: an arrow's one parameter without parentheses gets them with the new one.
    {
      code: `declare function sleep(ms: number): Promise<void>;
export const run: (label: string) => Promise<void> = async label => {
  while (true) await sleep(100);
};
export function start(): void {
  void run('x');
}
`,
      errors: [
        {
          messageId: 'loopNeverStops',
          line: 3,
          column: 3,
          suggestions: [
            {
              messageId: 'addSignalSuggestion',
              output: `declare function sleep(ms: number): Promise<void>;
export const run: (label: string) => Promise<void> = async (label, signal?: AbortSignal) => {
  while (!signal?.aborted) await sleep(100);
};
export function start(): void {
  void run('x');
}
`,
            },
          ],
        },
      ],
    },
    // Property test (seed 1): with no `return` of a value, a `Promise<string | undefined>` function may not end normally (TS2355): no condition is added.
    {
      code: `declare function sleep(ms: number): Promise<void>;
export async function run(): Promise<string | undefined> {
  while (true) await sleep(100);
}
export function start(): void {
  void run();
}
`,
      errors: [{ messageId: 'loopNeverStops', line: 3, column: 3, suggestions: [] }],
    },
    // Property test (seed 1): a local `signal` of the loop's body would take the parameter's place at the start of a pass: no `throwIfAborted()` there.
    {
      code: `declare function sleep(ms: number): Promise<void>;
export async function run(signal: AbortSignal) {
  while (true) {
    const signal = 100;
    await sleep(signal);
  }
  console.log('after the loop');
}
`,
      errors: [{ messageId: 'signalNeverChecked', line: 3, column: 3, suggestions: [] }],
    },
    // Property test (seed 1, 400 runs): the arrow's type comes from its context (`Promise<string>`); ending the loop would make it `Promise<void>`. No condition is added.
    {
      code: `declare function sleep(ms: number): Promise<void>;
declare function poll(): Promise<string | undefined>;
export const run: (label: string) => Promise<string> = async label => {
  while (true) {
    const item = await poll();
    if (item) return item;
    await sleep(100);
  }
};
export const idle: (label: string) => Promise<string> = async label => {
  while (true) await sleep(100);
};
`,
      errors: [{ messageId: 'loopNeverStops', line: 11, column: 3, suggestions: [] }],
    },
  ],
});
