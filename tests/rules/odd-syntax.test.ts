/**
 * Odd but valid syntax, for every rule: decorators, generators and async
 * generators, labels, `using` / `await using`, private fields and static
 * blocks, optional chaining, computed members, JSX, `declare` and ambient
 * code, overloads. Each case says what the rule does there (a report with its
 * exact place, fix and suggestions, or nothing).
 */
import noAbandonedRace from '../../src/rules/no-abandoned-race.js';
import noConditionalCleanup from '../../src/rules/no-conditional-cleanup.js';
import noUnboundedCache from '../../src/rules/no-unbounded-cache.js';
import { typedRuleTester } from '../rule-tester.js';

const ruleTester = typedRuleTester();

ruleTester.run('no-unbounded-cache: odd syntax', noUnboundedCache, {
  valid: [
    // static blocks: a private static field filled only in a static block is set-up, not growth
    `export class Registry {
  static #all = new Map<string, number>();
  static {
    Registry.#all.set('root', 1);
  }
  static get(name: string): number | undefined {
    return Registry.#all.get(name);
  }
}
`,
    // computed members: `cache['set'](k, v)` is not seen (the rule's quick text check looks for `.set(`)
    `const cache = new Map<string, number>();
export function remember(key: string): void {
  cache['set'](key, 1);
}
`,
    // declare and ambient code: a declared Map is not created here; ambient declarations are skipped
    `declare const shared: Map<string, number>;
declare global {
  var registry: Map<string, number>;
}
declare module 'leaky' {
  export const cache: Map<string, number>;
}
declare namespace Ambient {
  const seen: Set<string>;
}
export function remember(key: string): void {
  shared.set(key, 1);
  globalThis.registry.set(key, 1);
}
`,
  ],
  invalid: [
    // decorators: a decorated method of a decorated class grows a field
    {
      code: `declare function logged(target: unknown, context: ClassMethodDecoratorContext): void;
declare function sealed(target: unknown, context: ClassDecoratorContext): void;
@sealed
export class Service {
  private readonly seen = new Set<string>();
  @logged remember(id: string): void {
    this.seen.add(id);
  }
}
`,
      output: null,
      options: [{ checkUntraced: true }],
      errors: [
        {
          messageId: 'mapNeverShrinks',
          line: 5,
          column: 20,
          suggestions: [
            {
              messageId: 'capSeenSuggestion',
              output: `declare function logged(target: unknown, context: ClassMethodDecoratorContext): void;
declare function sealed(target: unknown, context: ClassDecoratorContext): void;
const SEEN_LIMIT = 1000;

@sealed
export class Service {
  private readonly seen = new Set<string>();
  @logged remember(id: string): void {
    if (this.seen.size >= SEEN_LIMIT && !this.seen.has(id)) {
      const oldest = this.seen.keys().next();
      if (!oldest.done) this.seen.delete(oldest.value);
    }
    this.seen.add(id);
  }
}
`,
            },
          ],
        },
      ],
    },
    // generators: a generator grows a module Set
    {
      code: `const seen = new Set<string>();
export function* ids(list: string[]): Generator<string> {
  for (const id of list) {
    seen.add(id);
    yield id;
  }
}
`,
      output: null,
      options: [{ checkUntraced: true }],
      errors: [
        {
          messageId: 'mapNeverShrinks',
          line: 1,
          column: 7,
          suggestions: [
            {
              messageId: 'capSeenSuggestion',
              output: `const SEEN_LIMIT = 1000;

const seen = new Set<string>();
export function* ids(list: string[]): Generator<string> {
  for (const id of list) {
    if (seen.size >= SEEN_LIMIT && !seen.has(id)) {
      const oldest = seen.keys().next();
      if (!oldest.done) seen.delete(oldest.value);
    }
    seen.add(id);
    yield id;
  }
}
`,
            },
          ],
        },
      ],
    },
    // async generators: an async generator grows a module Map
    {
      code: `declare function load(id: string): Promise<number>;
const results = new Map<string, number>();
export async function* loadAll(list: string[]): AsyncGenerator<number> {
  for await (const id of list) {
    const n = await load(id);
    results.set(id, n);
    yield n;
  }
}
`,
      output: null,
      options: [{ checkUntraced: true }],
      errors: [
        {
          messageId: 'mapNeverShrinks',
          line: 2,
          column: 7,
          suggestions: [
            {
              messageId: 'capMapSuggestion',
              output: `declare function load(id: string): Promise<number>;
const RESULTS_LIMIT = 1000;

const results = new Map<string, number>();
export async function* loadAll(list: string[]): AsyncGenerator<number> {
  for await (const id of list) {
    const n = await load(id);
    if (results.size >= RESULTS_LIMIT && !results.has(id)) {
      const oldest = results.keys().next();
      if (!oldest.done) results.delete(oldest.value);
    }
    results.set(id, n);
    yield n;
  }
}
`,
            },
          ],
        },
      ],
    },
    // labels: growth inside labelled loops with break and continue
    {
      code: `const seen = new Set<string>();
export function scan(rows: string[][]): void {
  outer: for (const row of rows) {
    inner: for (const id of row) {
      if (id === '') continue outer;
      if (id === '-') break inner;
      seen.add(id);
    }
  }
}
`,
      output: null,
      options: [{ checkUntraced: true }],
      errors: [
        {
          messageId: 'mapNeverShrinks',
          line: 1,
          column: 7,
          suggestions: [
            {
              messageId: 'capSeenSuggestion',
              output: `const SEEN_LIMIT = 1000;

const seen = new Set<string>();
export function scan(rows: string[][]): void {
  outer: for (const row of rows) {
    inner: for (const id of row) {
      if (id === '') continue outer;
      if (id === '-') break inner;
      if (seen.size >= SEEN_LIMIT && !seen.has(id)) {
        const oldest = seen.keys().next();
        if (!oldest.done) seen.delete(oldest.value);
      }
      seen.add(id);
    }
  }
}
`,
            },
          ],
        },
      ],
    },
    // using: a function with `using` declarations grows a module Map
    {
      code: `const cache = new Map<string, number>();
export function remember(key: string): void {
  using scope = { [Symbol.dispose]() {} };
  cache.set(key, 1);
}
`,
      output: null,
      options: [{ checkUntraced: true }],
      errors: [
        {
          messageId: 'mapNeverShrinks',
          line: 1,
          column: 7,
          suggestions: [
            {
              messageId: 'capMapSuggestion',
              output: `const CACHE_LIMIT = 1000;

const cache = new Map<string, number>();
export function remember(key: string): void {
  using scope = { [Symbol.dispose]() {} };
  if (cache.size >= CACHE_LIMIT && !cache.has(key)) {
    const oldest = cache.keys().next();
    if (!oldest.done) cache.delete(oldest.value);
  }
  cache.set(key, 1);
}
`,
            },
          ],
        },
      ],
    },
    // await using: the same with `await using`
    {
      code: `const cache = new Map<string, number>();
export async function remember(key: string): Promise<void> {
  await using scope = { async [Symbol.asyncDispose]() {} };
  cache.set(key, 1);
}
`,
      output: null,
      options: [{ checkUntraced: true }],
      errors: [
        {
          messageId: 'mapNeverShrinks',
          line: 1,
          column: 7,
          suggestions: [
            {
              messageId: 'capMapSuggestion',
              output: `const CACHE_LIMIT = 1000;

const cache = new Map<string, number>();
export async function remember(key: string): Promise<void> {
  await using scope = { async [Symbol.asyncDispose]() {} };
  if (cache.size >= CACHE_LIMIT && !cache.has(key)) {
    const oldest = cache.keys().next();
    if (!oldest.done) cache.delete(oldest.value);
  }
  cache.set(key, 1);
}
`,
            },
          ],
        },
      ],
    },
    // private fields: a private instance field
    {
      code: `export class Service {
  #seen = new Set<string>();
  remember(id: string): void {
    this.#seen.add(id);
  }
}
`,
      output: null,
      options: [{ checkUntraced: true }],
      errors: [
        {
          messageId: 'mapNeverShrinks',
          line: 2,
          column: 3,
          suggestions: [
            {
              messageId: 'capSeenSuggestion',
              output: `const SEEN_LIMIT = 1000;

export class Service {
  #seen = new Set<string>();
  remember(id: string): void {
    if (this.#seen.size >= SEEN_LIMIT && !this.#seen.has(id)) {
      const oldest = this.#seen.keys().next();
      if (!oldest.done) this.#seen.delete(oldest.value);
    }
    this.#seen.add(id);
  }
}
`,
            },
          ],
        },
      ],
    },
    // optional chaining on the receiver: `this.cache?.set`
    {
      code: `export class Service {
  private cache?: Map<string, number> = new Map();
  remember(key: string): void {
    this.cache?.set(key, 1);
  }
}
`,
      output: null,
      options: [{ checkUntraced: true }],
      errors: [
        {
          messageId: 'mapNeverShrinks',
          line: 2,
          column: 11,
          suggestions: [],
        },
      ],
    },
    // JSX: a component grows a module Set
    {
      code: `const rendered = new Set<string>();
export function Item(props: { id: string }) {
  rendered.add(props.id);
  return <li key={props.id}>{props.id}</li>;
}
`,
      filename: 'react.tsx',
      output: null,
      options: [{ checkUntraced: true }],
      errors: [
        {
          messageId: 'mapNeverShrinks',
          line: 1,
          column: 7,
          suggestions: [
            {
              messageId: 'deleteInFinallySuggestion',
              output: `const rendered = new Set<string>();
export function Item(props: { id: string }) {
  rendered.add(props.id);
  try {
    return <li key={props.id}>{props.id}</li>;
  } finally {
    rendered.delete(props.id);
  }
}
`,
            },
          ],
        },
      ],
    },
    // overloads: an overloaded function grows a module Map
    {
      code: `const cache = new Map<string, number>();
export function remember(key: string): void;
export function remember(key: number): void;
export function remember(key: string | number): void {
  cache.set(String(key), 1);
}
`,
      output: null,
      options: [{ checkUntraced: true }],
      errors: [
        {
          messageId: 'mapNeverShrinks',
          line: 1,
          column: 7,
          suggestions: [],
        },
      ],
    },
  ],
});

ruleTester.run('no-conditional-cleanup: odd syntax', noConditionalCleanup, {
  valid: [
    // sync generators: nothing between acquire and release can throw
    `const inflight = new Set<string>();
export function* ids(list: string[]): Generator<string> {
  for (const id of list) {
    inflight.add(id);
    inflight.delete(id);
    yield id;
  }
}
`,
    // using: a `using` disposer that releases hands the release on
    `declare function work(id: string): Promise<number>;
const inflight = new Map<string, number>();
export async function handle(key: string): Promise<number> {
  inflight.set(key, 1);
  using entry = { [Symbol.dispose]() { inflight.delete(key); } };
  return work(key);
}
`,
  ],
  invalid: [
    // decorators: a decorated async method releases after an await
    {
      code: `declare function work(id: string): Promise<number>;
declare function logged(target: unknown, context: ClassMethodDecoratorContext): void;
export class Service {
  private readonly inflight = new Map<string, number>();
  @logged async handle(id: string): Promise<void> {
    this.inflight.set(id, 1);
    await work(id);
    this.inflight.delete(id);
  }
}
`,
      output: `declare function work(id: string): Promise<number>;
declare function logged(target: unknown, context: ClassMethodDecoratorContext): void;
export class Service {
  private readonly inflight = new Map<string, number>();
  @logged async handle(id: string): Promise<void> {
    this.inflight.set(id, 1);
    try {
      await work(id);
    } finally {
      this.inflight.delete(id);
    }
  }
}
`,
      errors: [
        {
          messageId: 'cleanupSkippedOnThrow',
          line: 8,
          column: 5,
          suggestions: [],
        },
      ],
    },
    // generators: a yield before the release (no --fix: a consumer could stop there)
    {
      code: `declare function work(id: string): Promise<number>;
const inflight = new Set<string>();
export async function* results(list: string[]): AsyncGenerator<number> {
  for (const id of list) {
    inflight.add(id);
    yield await work(id);
    inflight.delete(id);
  }
}
`,
      output: null,
      errors: [
        {
          messageId: 'cleanupSkippedOnThrow',
          line: 7,
          column: 5,
          suggestions: [],
        },
      ],
    },
    // labels: a labelled continue skips the release
    {
      code: `declare function work(id: string): Promise<number>;
const inflight = new Set<string>();
export async function scan(rows: string[][]): Promise<void> {
  outer: for (const row of rows) {
    for (const id of row) {
      inflight.add(id);
      if (id === '') continue outer;
      await work(id);
      inflight.delete(id);
    }
  }
}
`,
      output: null,
      errors: [
        {
          messageId: 'cleanupSkippedOnSomePaths',
          line: 9,
          column: 7,
          suggestions: [
            {
              messageId: 'moveToFinallySuggestion',
              output: `declare function work(id: string): Promise<number>;
const inflight = new Set<string>();
export async function scan(rows: string[][]): Promise<void> {
  outer: for (const row of rows) {
    for (const id of row) {
      inflight.add(id);
      try {
        if (id === '') continue outer;
        await work(id);
      } finally {
        inflight.delete(id);
      }
    }
  }
}
`,
            },
          ],
        },
      ],
    },
    // await using: a region holding `await using` gets no fix
    {
      code: `declare function work(id: string): Promise<number>;
const inflight = new Map<string, number>();
export async function handle(key: string): Promise<void> {
  inflight.set(key, 1);
  await using scope = { async [Symbol.asyncDispose]() {} };
  await work(key);
  inflight.delete(key);
}
`,
      output: null,
      errors: [
        {
          messageId: 'cleanupSkippedOnThrow',
          line: 7,
          column: 3,
          suggestions: [],
        },
      ],
    },
    // private fields and static blocks
    {
      code: `declare function work(id: string): Promise<number>;
export class Loader {
  static #inflight = new Set<string>();
  static #ready = false;
  static {
    Loader.#ready = true;
  }
  static async load(id: string): Promise<void> {
    Loader.#inflight.add(id);
    await work(id);
    Loader.#inflight.delete(id);
  }
}
`,
      output: `declare function work(id: string): Promise<number>;
export class Loader {
  static #inflight = new Set<string>();
  static #ready = false;
  static {
    Loader.#ready = true;
  }
  static async load(id: string): Promise<void> {
    Loader.#inflight.add(id);
    try {
      await work(id);
    } finally {
      Loader.#inflight.delete(id);
    }
  }
}
`,
      errors: [
        {
          messageId: 'cleanupSkippedOnThrow',
          line: 11,
          column: 5,
          suggestions: [],
        },
      ],
    },
    // optional chaining on the receiver
    {
      code: `declare function work(id: string): Promise<number>;
export class Store {
  private inflight: Set<string> | undefined = new Set();
  async load(key: string): Promise<void> {
    this.inflight?.add(key);
    await work(key);
    this.inflight?.delete(key);
  }
}
`,
      output: null,
      errors: [
        {
          messageId: 'cleanupSkippedOnThrow',
          line: 7,
          column: 5,
          suggestions: [],
        },
      ],
    },
    // computed members
    {
      code: `declare function work(id: string): Promise<number>;
export class Keys {
  readonly inflight = new Map<string, number>();
  async load(id: string): Promise<void> {
    this['inflight'].set(id, 1);
    await work(id);
    this['inflight'].delete(id);
  }
}
`,
      output: `declare function work(id: string): Promise<number>;
export class Keys {
  readonly inflight = new Map<string, number>();
  async load(id: string): Promise<void> {
    this['inflight'].set(id, 1);
    try {
      await work(id);
    } finally {
      this['inflight'].delete(id);
    }
  }
}
`,
      errors: [
        {
          messageId: 'cleanupSkippedOnThrow',
          line: 7,
          column: 5,
          suggestions: [],
        },
      ],
    },
    // JSX: an async component releases after an await
    {
      code: `declare function work(id: string): Promise<number>;
const inflight = new Map<string, number>();
export async function Report(props: { id: string }) {
  inflight.set(props.id, 1);
  await work(props.id);
  inflight.delete(props.id);
  return <span>{props.id}</span>;
}
`,
      filename: 'react.tsx',
      output: `declare function work(id: string): Promise<number>;
const inflight = new Map<string, number>();
export async function Report(props: { id: string }) {
  inflight.set(props.id, 1);
  try {
    await work(props.id);
  } finally {
    inflight.delete(props.id);
  }
  return <span>{props.id}</span>;
}
`,
      errors: [
        {
          messageId: 'cleanupSkippedOnThrow',
          line: 6,
          column: 3,
          suggestions: [],
        },
      ],
    },
    // declare and ambient code: a declared namespace's work
    {
      code: `declare namespace Ambient {
  function load(id: string): Promise<number>;
}
declare const shared: Map<string, number>;
export async function load(id: string): Promise<void> {
  shared.set(id, 2);
  await Ambient.load(id);
  shared.delete(id);
}
`,
      output: `declare namespace Ambient {
  function load(id: string): Promise<number>;
}
declare const shared: Map<string, number>;
export async function load(id: string): Promise<void> {
  shared.set(id, 2);
  try {
    await Ambient.load(id);
  } finally {
    shared.delete(id);
  }
}
`,
      errors: [
        {
          messageId: 'cleanupSkippedOnThrow',
          line: 8,
          column: 3,
          suggestions: [],
        },
      ],
    },
    // overloads: an overloaded method releases only on success
    {
      code: `declare function work(id: string): Promise<number>;
const inflight = new Set<string>();
export class C {
  load(id: string): Promise<void>;
  load(id: number): Promise<void>;
  async load(id: string | number): Promise<void> {
    inflight.add(String(id));
    await work(String(id));
    inflight.delete(String(id));
  }
}
`,
      output: `declare function work(id: string): Promise<number>;
const inflight = new Set<string>();
export class C {
  load(id: string): Promise<void>;
  load(id: number): Promise<void>;
  async load(id: string | number): Promise<void> {
    inflight.add(String(id));
    try {
      await work(String(id));
    } finally {
      inflight.delete(String(id));
    }
  }
}
`,
      errors: [
        {
          messageId: 'cleanupSkippedOnThrow',
          line: 9,
          column: 5,
          suggestions: [],
        },
      ],
    },
  ],
});

ruleTester.run('no-abandoned-race: odd syntax', noAbandonedRace, {
  valid: [
    // generators: a race handed out by a generator
    `declare function fetchReport(id: string, options?: { signal?: AbortSignal }): Promise<string>;
declare function rejectAfter(ms: number): Promise<never>;
export function* races(ids: string[]): Generator<Promise<string>> {
  for (const id of ids) yield Promise.race([fetchReport(id, { signal: AbortSignal.timeout(5) }), fetchReport(id)]);
}
`,
    // computed members: `Promise['race']` is not followed
    `declare function fetchReport(id: string, options?: { signal?: AbortSignal }): Promise<string>;
declare function rejectAfter(ms: number): Promise<never>;
export function report(id: string): Promise<string> {
  return Promise['race']([fetchReport(id), new Promise<string>((resolve) => setTimeout(resolve, 5, 'late'))]);
}
`,
    // declare and ambient code: a declared timeout helper is not a timer the rule can see
    `declare namespace Net {
  function fetchReport(id: string): Promise<string>;
  function deadline(ms: number): Promise<never>;
}
export function report(id: string): Promise<string> {
  return Promise.race([Net.fetchReport(id), Net.deadline(100)]);
}
`,
  ],
  invalid: [
    // a const read in its own initializer (a runtime error, valid syntax): the work behind it is
    // followed a bounded number of steps; the timer is still reported
    {
      code: `declare function done(): void;
export async function selfish(): Promise<void> {
  // @ts-expect-error used before its declaration
  const p: Promise<void> = p.then(done);
  await Promise.race([p, new Promise<never>((_, reject) => setTimeout(reject, 5))]);
}
`,
      errors: [
        {
          messageId: 'timerNeverCleared',
          line: 5,
          column: 9,
          endColumn: 84,
          suggestions: [
            {
              messageId: 'clearTimerSuggestion',
              output: `declare function done(): void;
export async function selfish(): Promise<void> {
  // @ts-expect-error used before its declaration
  const p: Promise<void> = p.then(done);
  let timer: ReturnType<typeof setTimeout> | undefined;
  await Promise.race([p, new Promise<never>((_, reject) => (timer = setTimeout(reject, 5)))]).finally(() => clearTimeout(timer));
}
`,
            },
          ],
        },
      ],
    },
    // decorators
    {
      code: `declare function fetchReport(id: string, options?: { signal?: AbortSignal }): Promise<string>;
declare function rejectAfter(ms: number): Promise<never>;
declare function logged(target: unknown, context: ClassMethodDecoratorContext): void;
export class Service {
  @logged report(id: string): Promise<string> {
    return Promise.race([fetchReport(id, { signal: AbortSignal.timeout(100) }), new Promise<never>((_, reject) => setTimeout(reject, 100))]);
  }
}
`,
      output: null,
      errors: [
        {
          messageId: 'timerNeverCleared',
          line: 6,
          column: 12,
          suggestions: [
            {
              messageId: 'clearTimerSuggestion',
              output: `declare function fetchReport(id: string, options?: { signal?: AbortSignal }): Promise<string>;
declare function rejectAfter(ms: number): Promise<never>;
declare function logged(target: unknown, context: ClassMethodDecoratorContext): void;
export class Service {
  @logged report(id: string): Promise<string> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    return Promise.race([fetchReport(id, { signal: AbortSignal.timeout(100) }), new Promise<never>((_, reject) => (timer = setTimeout(reject, 100)))]).finally(() => clearTimeout(timer));
  }
}
`,
            },
          ],
        },
      ],
    },
    // async generators
    {
      code: `declare function fetchReport(id: string, options?: { signal?: AbortSignal }): Promise<string>;
declare function rejectAfter(ms: number): Promise<never>;
export async function* reports(ids: string[]): AsyncGenerator<string> {
  for (const id of ids) yield await Promise.race([fetchReport(id), new Promise<string>((resolve) => setTimeout(resolve, 50, 'late'))]);
}
`,
      output: null,
      errors: [
        {
          messageId: 'timerNeverCleared',
          line: 4,
          column: 37,
          suggestions: [
            {
              messageId: 'clearTimerSuggestion',
              output: `declare function fetchReport(id: string, options?: { signal?: AbortSignal }): Promise<string>;
declare function rejectAfter(ms: number): Promise<never>;
export async function* reports(ids: string[]): AsyncGenerator<string> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  for (const id of ids) yield await Promise.race([fetchReport(id), new Promise<string>((resolve) => (timer = setTimeout(resolve, 50, 'late')))]).finally(() => clearTimeout(timer));
}
`,
            },
          ],
        },
        {
          messageId: 'signalNotPassed',
          line: 4,
          column: 37,
          suggestions: [
            {
              messageId: 'useAbortSignalTimeoutSuggestion',
              output: `declare function fetchReport(id: string, options?: { signal?: AbortSignal }): Promise<string>;
declare function rejectAfter(ms: number): Promise<never>;
export async function* reports(ids: string[]): AsyncGenerator<string> {
  for (const id of ids) yield await fetchReport(id, { signal: AbortSignal.timeout(50) });
}
`,
            },
          ],
        },
      ],
    },
    // labels
    {
      code: `declare function fetchReport(id: string, options?: { signal?: AbortSignal }): Promise<string>;
declare function rejectAfter(ms: number): Promise<never>;
export async function first(rows: string[][]): Promise<string | undefined> {
  outer: for (const row of rows) {
    for (const id of row) {
      if (id === '') continue outer;
      const timer = new Promise<string>((resolve) => setTimeout(resolve, 10, 'late'));
      const r = await Promise.race([fetchReport(id), timer]);
      if (r) return r;
      break outer;
    }
  }
  return undefined;
}
`,
      output: null,
      errors: [
        {
          messageId: 'timerNeverCleared',
          line: 8,
          column: 23,
          suggestions: [
            {
              messageId: 'clearTimerSuggestion',
              output: `declare function fetchReport(id: string, options?: { signal?: AbortSignal }): Promise<string>;
declare function rejectAfter(ms: number): Promise<never>;
export async function first(rows: string[][]): Promise<string | undefined> {
  outer: for (const row of rows) {
    for (const id of row) {
      if (id === '') continue outer;
      let timer2: ReturnType<typeof setTimeout> | undefined;
      const timer = new Promise<string>((resolve) => (timer2 = setTimeout(resolve, 10, 'late')));
      const r = await Promise.race([fetchReport(id), timer]).finally(() => clearTimeout(timer2));
      if (r) return r;
      break outer;
    }
  }
  return undefined;
}
`,
            },
          ],
        },
        {
          messageId: 'signalNotPassed',
          line: 8,
          column: 23,
          suggestions: [
            {
              messageId: 'useAbortSignalTimeoutSuggestion',
              output: `declare function fetchReport(id: string, options?: { signal?: AbortSignal }): Promise<string>;
declare function rejectAfter(ms: number): Promise<never>;
export async function first(rows: string[][]): Promise<string | undefined> {
  outer: for (const row of rows) {
    for (const id of row) {
      if (id === '') continue outer;
      const timer = new Promise<string>((resolve) => setTimeout(resolve, 10, 'late'));
      const r = await fetchReport(id, { signal: AbortSignal.timeout(10) });
      if (r) return r;
      break outer;
    }
  }
  return undefined;
}
`,
            },
          ],
        },
      ],
    },
    // using and await using
    {
      code: `declare function fetchReport(id: string, options?: { signal?: AbortSignal }): Promise<string>;
declare function rejectAfter(ms: number): Promise<never>;
export async function report(id: string): Promise<string> {
  using scope = { [Symbol.dispose]() {} };
  await using later = { async [Symbol.asyncDispose]() {} };
  return Promise.race([fetchReport(id), new Promise<string>((resolve) => setTimeout(resolve, 5, 'late'))]);
}
`,
      output: null,
      errors: [
        {
          messageId: 'timerNeverCleared',
          line: 6,
          column: 10,
          suggestions: [
            {
              messageId: 'clearTimerSuggestion',
              output: `declare function fetchReport(id: string, options?: { signal?: AbortSignal }): Promise<string>;
declare function rejectAfter(ms: number): Promise<never>;
export async function report(id: string): Promise<string> {
  using scope = { [Symbol.dispose]() {} };
  await using later = { async [Symbol.asyncDispose]() {} };
  let timer: ReturnType<typeof setTimeout> | undefined;
  return Promise.race([fetchReport(id), new Promise<string>((resolve) => (timer = setTimeout(resolve, 5, 'late')))]).finally(() => clearTimeout(timer));
}
`,
            },
          ],
        },
        {
          messageId: 'signalNotPassed',
          line: 6,
          column: 10,
          suggestions: [
            {
              messageId: 'useAbortSignalTimeoutSuggestion',
              output: `declare function fetchReport(id: string, options?: { signal?: AbortSignal }): Promise<string>;
declare function rejectAfter(ms: number): Promise<never>;
export async function report(id: string): Promise<string> {
  using scope = { [Symbol.dispose]() {} };
  await using later = { async [Symbol.asyncDispose]() {} };
  return fetchReport(id, { signal: AbortSignal.timeout(5) });
}
`,
            },
          ],
        },
      ],
    },
    // private fields and static blocks
    {
      code: `declare function fetchReport(id: string, options?: { signal?: AbortSignal }): Promise<string>;
declare function rejectAfter(ms: number): Promise<never>;
export class Poller {
  static #limit = 0;
  static {
    Poller.#limit = 100;
  }
  #race(id: string): Promise<string> {
    return Promise.race([fetchReport(id), new Promise<string>((resolve) => setTimeout(resolve, Poller.#limit, 'late'))]);
  }
  poll(id: string): Promise<string> {
    return this.#race(id);
  }
}
`,
      output: null,
      errors: [
        {
          messageId: 'timerNeverCleared',
          line: 9,
          column: 12,
          suggestions: [
            {
              messageId: 'clearTimerSuggestion',
              output: `declare function fetchReport(id: string, options?: { signal?: AbortSignal }): Promise<string>;
declare function rejectAfter(ms: number): Promise<never>;
export class Poller {
  static #limit = 0;
  static {
    Poller.#limit = 100;
  }
  #race(id: string): Promise<string> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    return Promise.race([fetchReport(id), new Promise<string>((resolve) => (timer = setTimeout(resolve, Poller.#limit, 'late')))]).finally(() => clearTimeout(timer));
  }
  poll(id: string): Promise<string> {
    return this.#race(id);
  }
}
`,
            },
          ],
        },
        {
          messageId: 'signalNotPassed',
          line: 9,
          column: 12,
          suggestions: [
            {
              messageId: 'useAbortSignalTimeoutSuggestion',
              output: `declare function fetchReport(id: string, options?: { signal?: AbortSignal }): Promise<string>;
declare function rejectAfter(ms: number): Promise<never>;
export class Poller {
  static #limit = 0;
  static {
    Poller.#limit = 100;
  }
  #race(id: string): Promise<string> {
    return fetchReport(id, { signal: AbortSignal.timeout(Poller.#limit) });
  }
  poll(id: string): Promise<string> {
    return this.#race(id);
  }
}
`,
            },
          ],
        },
      ],
    },
    // optional chaining on the call: `Promise.race?.(…)`
    {
      code: `declare function fetchReport(id: string, options?: { signal?: AbortSignal }): Promise<string>;
declare function rejectAfter(ms: number): Promise<never>;
export function report(id: string): Promise<string> | undefined {
  return Promise.race?.([fetchReport(id), new Promise<string>((resolve) => setTimeout(resolve, 5, 'late'))]);
}
`,
      output: null,
      errors: [
        {
          messageId: 'timerNeverCleared',
          line: 4,
          column: 10,
          suggestions: [
            {
              messageId: 'clearTimerSuggestion',
              output: `declare function fetchReport(id: string, options?: { signal?: AbortSignal }): Promise<string>;
declare function rejectAfter(ms: number): Promise<never>;
export function report(id: string): Promise<string> | undefined {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return Promise.race?.([fetchReport(id), new Promise<string>((resolve) => (timer = setTimeout(resolve, 5, 'late')))]).finally(() => clearTimeout(timer));
}
`,
            },
          ],
        },
        {
          messageId: 'signalNotPassed',
          line: 4,
          column: 10,
          suggestions: [
            {
              messageId: 'useAbortSignalTimeoutSuggestion',
              output: `declare function fetchReport(id: string, options?: { signal?: AbortSignal }): Promise<string>;
declare function rejectAfter(ms: number): Promise<never>;
export function report(id: string): Promise<string> | undefined {
  return fetchReport(id, { signal: AbortSignal.timeout(5) });
}
`,
            },
          ],
        },
      ],
    },
    // JSX: an async component races a fetch
    {
      code: `declare function fetchReport(id: string, options?: { signal?: AbortSignal }): Promise<string>;
declare function rejectAfter(ms: number): Promise<never>;
export async function Report(props: { id: string }) {
  const text = await Promise.race([fetchReport(props.id), new Promise<string>((resolve) => setTimeout(resolve, 5, 'late'))]);
  return <p>{text}</p>;
}
`,
      filename: 'react.tsx',
      output: null,
      errors: [
        {
          messageId: 'timerNeverCleared',
          line: 4,
          column: 22,
          suggestions: [
            {
              messageId: 'clearTimerSuggestion',
              output: `declare function fetchReport(id: string, options?: { signal?: AbortSignal }): Promise<string>;
declare function rejectAfter(ms: number): Promise<never>;
export async function Report(props: { id: string }) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const text = await Promise.race([fetchReport(props.id), new Promise<string>((resolve) => (timer = setTimeout(resolve, 5, 'late')))]).finally(() => clearTimeout(timer));
  return <p>{text}</p>;
}
`,
            },
          ],
        },
        {
          messageId: 'signalNotPassed',
          line: 4,
          column: 22,
          suggestions: [
            {
              messageId: 'useAbortSignalTimeoutSuggestion',
              output: `declare function fetchReport(id: string, options?: { signal?: AbortSignal }): Promise<string>;
declare function rejectAfter(ms: number): Promise<never>;
export async function Report(props: { id: string }) {
  const text = await fetchReport(props.id, { signal: AbortSignal.timeout(5) });
  return <p>{text}</p>;
}
`,
            },
          ],
        },
      ],
    },
    // overloads
    {
      code: `declare function fetchReport(id: string, options?: { signal?: AbortSignal }): Promise<string>;
declare function rejectAfter(ms: number): Promise<never>;
export function report(id: string): Promise<string>;
export function report(id: number): Promise<string>;
export function report(id: string | number): Promise<string> {
  return Promise.race([fetchReport(String(id)), new Promise<string>((resolve) => setTimeout(resolve, 5, 'late'))]);
}
`,
      output: null,
      errors: [
        {
          messageId: 'timerNeverCleared',
          line: 6,
          column: 10,
          suggestions: [
            {
              messageId: 'clearTimerSuggestion',
              output: `declare function fetchReport(id: string, options?: { signal?: AbortSignal }): Promise<string>;
declare function rejectAfter(ms: number): Promise<never>;
export function report(id: string): Promise<string>;
export function report(id: number): Promise<string>;
export function report(id: string | number): Promise<string> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return Promise.race([fetchReport(String(id)), new Promise<string>((resolve) => (timer = setTimeout(resolve, 5, 'late')))]).finally(() => clearTimeout(timer));
}
`,
            },
          ],
        },
        {
          messageId: 'signalNotPassed',
          line: 6,
          column: 10,
          suggestions: [
            {
              messageId: 'useAbortSignalTimeoutSuggestion',
              output: `declare function fetchReport(id: string, options?: { signal?: AbortSignal }): Promise<string>;
declare function rejectAfter(ms: number): Promise<never>;
export function report(id: string): Promise<string>;
export function report(id: number): Promise<string>;
export function report(id: string | number): Promise<string> {
  return fetchReport(String(id), { signal: AbortSignal.timeout(5) });
}
`,
            },
          ],
        },
      ],
    },
  ],
});
