/**
 * Odd but valid syntax for the four rules about things with no way to stop:
 * decorators, generators and async generators, labels, `await using` and
 * `[Symbol.dispose]`, private fields and static blocks, optional chaining,
 * computed members, JSX, `declare` and ambient code, overloads. Each snippet
 * is linted by every one of the four rules; each case says what that rule
 * does there (a report with its exact place, or nothing).
 */
import noLeakedListener from '../../src/rules/no-leaked-listener.js';
import noLeakedTimer from '../../src/rules/no-leaked-timer.js';
import noUnsettledPromise from '../../src/rules/no-unsettled-promise.js';
import noUnstoppableLoop from '../../src/rules/no-unstoppable-loop.js';
import { typedRuleTester } from '../rule-tester.js';

const ruleTester = typedRuleTester();

const decorators_ts = `function logged<T extends (...args: never[]) => unknown>(target: T, _context: ClassMethodDecoratorContext): T {
  return target;
}
export class Poller {
  private timer: ReturnType<typeof setInterval> | undefined;
  @logged
  start(): void {
    this.timer = setInterval(() => undefined, 1000);
  }
  @logged
  close(): void {
    // forgets clearInterval(this.timer)
  }
}
`;
const generators_ts = `export async function* ticks(signal: AbortSignal): AsyncGenerator<number> {
  let n = 0;
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 10));
    yield n++;
  }
}
export async function pump(source: AsyncIterable<number>, sink: (n: number) => Promise<void>): Promise<void> {
  outer: for (;;) {
    for await (const n of source) {
      if (n < 0) continue outer;
      await sink(n);
    }
  }
}
export function* ids(): Generator<number> {
  let i = 0;
  while (true) yield i++;
}
`;
const labels_ts = `export async function drain(next: () => Promise<number | null>): Promise<void> {
  loop: while (true) {
    const value = await next();
    switch (value) {
      case null:
        break loop;
      default:
        continue loop;
    }
  }
}
`;
const using_ts = `class Lease implements AsyncDisposable {
  async [Symbol.asyncDispose](): Promise<void> {}
}
export async function run(signal: AbortSignal, step: () => Promise<void>): Promise<void> {
  await using lease = new Lease();
  void lease;
  while (true) {
    await step();
  }
}
export class Disposer implements Disposable {
  #interval = setInterval(() => undefined, 1000);
  [Symbol.dispose](): void {}
}
`;
const private_ts = `export class Feed {
  static #instances = 0;
  static {
    Feed.#instances = 0;
  }
  #running = true;
  #heartbeat?: ReturnType<typeof setTimeout>;
  tick(): void {
    this.#heartbeat = setTimeout(() => this.tick(), 1000);
  }
  async loop(read: () => Promise<void>): Promise<void> {
    while (true) {
      if (!this.#running) return;
      await read();
    }
  }
  stop(): void {
    this.#running = false;
  }
}
`;
const optional_ts = `import { EventEmitter } from 'node:events';
export class Hub {
  bus?: EventEmitter = new EventEmitter();
  watch(onMessage: (m: string) => void): void {
    this.bus?.on('message', onMessage);
  }
  wait(): Promise<string> {
    return new Promise((resolve) => {
      this.bus?.once('message', (m: string) => resolve(m));
    });
  }
}
`;
const computed_ts = `import { EventEmitter } from 'node:events';
const bus = new EventEmitter();
const ON = 'on';
export function subscribe(handler: () => void): void {
  bus[ON]('tick', handler);
  bus['addListener']('tock', handler);
}
export function later(): void {
  globalThis['setInterval'](() => undefined, 1000);
}
`;
const view_tsx = `export function Clock(props: { onTick: () => void }): JSX.Element {
  setInterval(props.onTick, 1000);
  window.addEventListener('resize', props.onTick);
  return <div onClick={() => new Promise((resolve) => { if (Math.random() > 2) resolve(1); })}>clock</div>;
}
declare global {
  namespace JSX {
    interface Element {}
    interface IntrinsicElements { div: { onClick?: () => unknown; children?: unknown } }
  }
}
`;
const ambient_ts = `declare const emitter: import('node:events').EventEmitter;
declare function poll(): Promise<void>;
declare global {
  var sweeper: ReturnType<typeof setInterval>;
}
declare module '*.svg' {
  const url: string;
  export default url;
}
export function overload(a: string): Promise<string>;
export function overload(a: number): Promise<number>;
export function overload(a: string | number): Promise<string | number> {
  return new Promise((resolve, reject) => {
    emitter.on('data', () => resolve(a));
    if (a === '') reject(new Error('empty'));
  });
}
export async function forever(): Promise<void> {
  do {
    await poll();
  } while (true);
}
`;

const tsx = { filename: 'react.tsx' };

ruleTester.run('no-leaked-timer: odd syntax', noLeakedTimer, {
  valid: [
    generators_ts,
    labels_ts,
    optional_ts,
    // A computed `globalThis['setInterval']` is not recognised as a timer (a recall gap, not a crash).
    computed_ts,
    ambient_ts,
  ],
  invalid: [
    // Decorated methods: the interval set in `start()` is neither cleared by `close()` nor before a second `start()`.
    {
      code: decorators_ts,
      errors: [
        {
          messageId: 'timerNotClearedOnTeardown',
          line: 8,
          column: 5,
          suggestions: [
            {
              messageId: 'clearOnTeardownSuggestion',
              output: `function logged<T extends (...args: never[]) => unknown>(target: T, _context: ClassMethodDecoratorContext): T {
  return target;
}
export class Poller {
  private timer: ReturnType<typeof setInterval> | undefined;
  @logged
  start(): void {
    this.timer = setInterval(() => undefined, 1000);
  }
  @logged
  close(): void {
    clearInterval(this.timer);
  
    // forgets clearInterval(this.timer)
  }
}
`,
            },
          ],
        },
        {
          messageId: 'timerOverwritten',
          line: 8,
          column: 5,
          suggestions: [
            {
              messageId: 'clearPreviousSuggestion',
              output: `function logged<T extends (...args: never[]) => unknown>(target: T, _context: ClassMethodDecoratorContext): T {
  return target;
}
export class Poller {
  private timer: ReturnType<typeof setInterval> | undefined;
  @logged
  start(): void {
    clearInterval(this.timer);
    this.timer = setInterval(() => undefined, 1000);
  }
  @logged
  close(): void {
    // forgets clearInterval(this.timer)
  }
}
`,
            },
          ],
        },
      ],
    },
    // A `#private` timer loop, with a static block in the class.
    {
      code: private_ts,
      errors: [
        {
          messageId: 'timerNotClearedOnTeardown',
          line: 9,
          column: 5,
          suggestions: [
            {
              messageId: 'clearOnTeardownSuggestion',
              output: `export class Feed {
  static #instances = 0;
  static {
    Feed.#instances = 0;
  }
  #running = true;
  #heartbeat?: ReturnType<typeof setTimeout>;
  tick(): void {
    this.#heartbeat = setTimeout(() => this.tick(), 1000);
  }
  async loop(read: () => Promise<void>): Promise<void> {
    while (true) {
      if (!this.#running) return;
      await read();
    }
  }
  stop(): void {
    clearTimeout(this.#heartbeat);
    this.#running = false;
  }
}
`,
            },
          ],
        },
      ],
    },
    // A `#private` field initializer and a `[Symbol.dispose]()` teardown that does not clear it.
    {
      code: using_ts,
      errors: [
        {
          messageId: 'timerNotClearedOnTeardown',
          line: 12,
          column: 3,
          suggestions: [
            {
              messageId: 'clearOnTeardownSuggestion',
              output: `class Lease implements AsyncDisposable {
  async [Symbol.asyncDispose](): Promise<void> {}
}
export async function run(signal: AbortSignal, step: () => Promise<void>): Promise<void> {
  await using lease = new Lease();
  void lease;
  while (true) {
    await step();
  }
}
export class Disposer implements Disposable {
  #interval = setInterval(() => undefined, 1000);
  [Symbol.dispose](): void {
    clearInterval(this.#interval);
  }
}
`,
            },
          ],
        },
      ],
    },
    { code: view_tsx, ...tsx, errors: [{ messageId: 'intervalNeverCleared', line: 2, column: 3 }] },
  ],
});

ruleTester.run('no-leaked-listener: odd syntax', noLeakedListener, {
  valid: [
    decorators_ts,
    generators_ts,
    labels_ts,
    using_ts,
    private_ts,
    // `this.bus?.on(…, onMessage)` with a caller's handler: a forwarding wrapper, not reported.
    optional_ts,
    // Computed `bus[ON](…)` and `bus['addListener'](…)`, also with a caller's handler.
    computed_ts,
  ],
  invalid: [
    { code: view_tsx, ...tsx, errors: [{ messageId: 'listenerNeverRemoved', line: 3, column: 3 }] },
    // An overload's implementation adds a listener to a declared module-level emitter on every call.
    { code: ambient_ts, errors: [{ messageId: 'inlineListenerNeverRemoved', line: 14, column: 5 }] },
  ],
});

ruleTester.run('no-unstoppable-loop: odd syntax', noUnstoppableLoop, {
  valid: [
    decorators_ts,
    // `break loop` from a `switch` leaves the labelled loop.
    labels_ts,
    // A loop that returns when a `#private` stop flag is cleared by `stop()`.
    private_ts,
    optional_ts,
    computed_ts,
    { code: view_tsx, ...tsx },
  ],
  invalid: [
    // The async generator's loop yields (its consumer can stop it) and the sync one does not await;
    // the labelled `for (;;)` whose only jump is `continue outer` never ends.
    {
      code: generators_ts,
      errors: [
        {
          messageId: 'loopNeverStops',
          line: 9,
          column: 10,
          suggestions: [
            {
              messageId: 'addSignalSuggestion',
              output: `export async function* ticks(signal: AbortSignal): AsyncGenerator<number> {
  let n = 0;
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 10));
    yield n++;
  }
}
export async function pump(source: AsyncIterable<number>, sink: (n: number) => Promise<void>, signal?: AbortSignal): Promise<void> {
  outer: for (; !signal?.aborted; ) {
    for await (const n of source) {
      if (n < 0) continue outer;
      await sink(n);
    }
  }
}
export function* ids(): Generator<number> {
  let i = 0;
  while (true) yield i++;
}
`,
            },
          ],
        },
      ],
    },
    // `await using` in the function; the signal parameter is never looked at.
    {
      code: using_ts,
      errors: [
        {
          messageId: 'signalNeverChecked',
          line: 7,
          column: 3,
          suggestions: [
            {
              messageId: 'checkSignalSuggestion',
              output: `class Lease implements AsyncDisposable {
  async [Symbol.asyncDispose](): Promise<void> {}
}
export async function run(signal: AbortSignal, step: () => Promise<void>): Promise<void> {
  await using lease = new Lease();
  void lease;
  while (!signal.aborted) {
    await step();
  }
}
export class Disposer implements Disposable {
  #interval = setInterval(() => undefined, 1000);
  [Symbol.dispose](): void {}
}
`,
            },
          ],
        },
      ],
    },
    // `do … while (true)` next to ambient declarations and overloads.
    {
      code: ambient_ts,
      errors: [
        {
          messageId: 'loopNeverStops',
          line: 19,
          column: 3,
          suggestions: [
            {
              messageId: 'addSignalSuggestion',
              output: `declare const emitter: import('node:events').EventEmitter;
declare function poll(): Promise<void>;
declare global {
  var sweeper: ReturnType<typeof setInterval>;
}
declare module '*.svg' {
  const url: string;
  export default url;
}
export function overload(a: string): Promise<string>;
export function overload(a: number): Promise<number>;
export function overload(a: string | number): Promise<string | number> {
  return new Promise((resolve, reject) => {
    emitter.on('data', () => resolve(a));
    if (a === '') reject(new Error('empty'));
  });
}
export async function forever(signal?: AbortSignal): Promise<void> {
  do {
    await poll();
  } while (!signal?.aborted);
}
`,
            },
          ],
        },
      ],
    },
  ],
});

ruleTester.run('no-unsettled-promise: odd syntax', noUnsettledPromise, {
  valid: [
    decorators_ts,
    generators_ts,
    labels_ts,
    using_ts,
    private_ts,
    // `this.bus?.once(…)` on a plain EventEmitter: its events are not known, so not judged.
    optional_ts,
    computed_ts,
    // The overload's executor listens on a plain, declared EventEmitter: not judged.
    ambient_ts,
  ],
  invalid: [
    // An executor inline in a JSX attribute that settles only on one branch.
    { code: view_tsx, ...tsx, errors: [{ messageId: 'executorPathNeverSettles', line: 4, column: 30 }] },
  ],
});
