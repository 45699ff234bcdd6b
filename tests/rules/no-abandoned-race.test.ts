import rule from '../../src/rules/no-abandoned-race.js';
import { typedRuleTester } from '../rule-tester.js';

const ruleTester = typedRuleTester();

const prelude = `import { setTimeout as sleep } from 'node:timers/promises';
import { delay } from './timer-helpers.js';
declare function fetchReport(id: string, options?: { signal?: AbortSignal }): Promise<string>;
declare function compute(id: string): Promise<string>;
declare function overloaded(id: string): Promise<string>;
declare function overloaded(id: string, init: { signal: AbortSignal | null }): Promise<string>;
declare function rejectAfterMs(ms: number): Promise<never>;
`;
// Code lines start after the prelude's seven lines.
const L = (line: number) => line + 7;

ruleTester.run('no-abandoned-race', rule, {
  valid: [
    // The timer's callback disconnects the client whose read is raced: the work ends with the timeout.
    {
      code: `interface Client { read(): Promise<string>; disconnect(): void }
export async function readOnce(client: Client): Promise<string | null> {
  let watchdog: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<null>((resolve) => {
    watchdog = setTimeout(() => {
      client.disconnect();
      resolve(null);
    }, 1000);
  });
  try {
    return await Promise.race([client.read(), timeout]);
  } finally {
    clearTimeout(watchdog);
  }
}`,
      options: [{ checkUncancellableWork: true }],
    },
    // It aborts the controller of the object the work is handed.
    {
      code: `interface Props { controller: AbortController; url: string }
declare function parse(props: Props): Promise<string>;
export async function get(props: Props): Promise<string> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      props.controller.abort();
      reject(new Error('timeout'));
    }, 1000);
  });
  try {
    return await Promise.race([parse(props), timeout]);
  } finally {
    clearTimeout(timer);
  }
}`,
      options: [{ checkUncancellableWork: true }],
    },
    // The timer's handle kept on the object and cleared in \`finally\`, through the global object,
    // after a race in a \`catch\`: each runs after the race whichever element wins.
    `${prelude}export class Client {
  private timer: ReturnType<typeof setTimeout> | undefined;
  async call(id: string): Promise<string> {
    try {
      return await compute(id);
    } catch {
      return await Promise.race([
        compute(id),
        new Promise<never>((_, reject) => {
          this.timer = setTimeout(() => reject(new Error('late')), 1000);
        }),
      ]);
    } finally {
      globalThis.clearTimeout(this.timer);
    }
  }
}`,
    // A call that makes a new promise on every call is not a kept one.
    `${prelude}export class Feed {
  private readonly futures = new Map<string, Promise<number>>();
  future(key: string): Promise<number> {
    let pending = this.futures.get(key);
    if (!pending) {
      pending = new Promise<number>(() => undefined);
      this.futures.set(key, pending);
    }
    return pending;
  }
  fresh(key: string): Promise<number> {
    const made = Promise.resolve(key.length);
    return made;
  }
}
export async function watch(feed: Feed, signal: AbortSignal): Promise<void> {
  while (!signal.aborted) {
    await Promise.race([feed.fresh('a'), feed.fresh('b')]);
  }
}`,
    // The same helper made again on every pass: each race gets its own promise.
    `${prelude}declare function next(): Promise<string | undefined>;
function watchErrors(target: EventTarget) {
  const failed = new Promise<never>((_, reject) => {
    target.addEventListener('error', () => reject(new Error('failed')), { once: true });
  });
  failed.catch(() => undefined);
  return {
    race<T>(promise: Promise<T>): Promise<T> {
      return Promise.race([promise, failed]);
    },
  };
}
export async function copy(target: EventTarget): Promise<void> {
  for (;;) {
    const chunk = await watchErrors(target).race(next());
    if (chunk === undefined) return;
  }
}`,
    // A chain on a promise made in the loop: a new promise each pass, not a long-lived one.
    `${prelude}declare function nextJob(): Promise<string | undefined>;
declare function closedSignal(): Promise<void>;
export async function consume(): Promise<void> {
  for (;;) {
    const closed = closedSignal();
    const job = await Promise.race([nextJob(), closed.then(() => undefined)]);
    if (job === undefined) return;
  }
}`,
    // The timer's handle stored through a cast is still the one cleared in finally.
    `${prelude}export async function guarded(id: string): Promise<string> {
  let timer: number | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('timeout')), 1000) as unknown as number;
  });
  try {
    return await Promise.race([compute(id), expired]);
  } finally {
    if (timer !== undefined) clearTimeout(timer);
  }
}`,
    // The other element clears the timer when it settles; when the timer wins it has fired.
    `${prelude}export function sleepUnlessCancelled(cancelled: Promise<never>, ms: number): Promise<void> {
  let handle: ReturnType<typeof setTimeout> | undefined;
  const timer = new Promise<void>((resolve) => {
    handle = setTimeout(resolve, ms);
  });
  return Promise.race([cancelled.finally(() => clearTimeout(handle)), timer]);
}`,
    // The signal reaches the work inside an options object held in a const.
    `${prelude}export async function viaOptions(id: string): Promise<string> {
  const controller = new AbortController();
  const options = { signal: controller.signal };
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    return await Promise.race([
      fetchReport(id, options),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => { controller.abort(); reject(new Error('t')); }, 1000);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}`,
    // A helper's result holds the timer promise and the function that clears it, called in finally.
    `${prelude}function deadline(ms: number): { promise: Promise<never>; clear: () => void } {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const promise = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('late')), ms);
  });
  return { promise, clear: () => clearTimeout(timer) };
}
export async function a(id: string, signal: AbortSignal): Promise<string> {
  const { promise: late, clear } = deadline(1000);
  try {
    return await Promise.race([compute(id), late]);
  } finally {
    clear();
  }
}`,
    // A retry helper that sleeps between attempts returns its work's result: it is work, not a timeout.
    `${prelude}async function withRetry(id: string): Promise<string> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await compute(id);
    } catch (error) {
      if (attempt >= 3) throw error;
      await new Promise((resolve) => setTimeout(resolve, 250 * attempt));
    }
  }
}
export function first(id: string): Promise<string> {
  return Promise.race([compute(id), withRetry(id)]);
}`,
    // The raced handle is made again on every pass: each race has a fresh promise.
    `${prelude}declare function nextChunk(): Promise<string | undefined>;
export async function pump(): Promise<void> {
  let failed = Promise.withResolvers<undefined>();
  for (;;) {
    failed = Promise.withResolvers<undefined>();
    const chunk = await Promise.race([nextChunk(), failed.promise]);
    if (chunk === undefined) return;
  }
}`,
    // The work gets a signal that fires on timeout and the timer is AbortSignal.timeout itself.
    `${prelude}export async function a(id: string): Promise<string> {
  return fetchReport(id, { signal: AbortSignal.timeout(1000) });
}`,
    // A controller aborted by the timer, and the timer cleared in finally.
    `${prelude}export async function b(id: string): Promise<string> {
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    return await Promise.race([
      fetchReport(id, { signal: controller.signal }),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => { controller.abort(); reject(new Error('t')); }, 1000);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}`,
    // A node:timers/promises timer with a signal, and AbortSignal.any of a timeout.
    `${prelude}export async function c(id: string, outer: AbortSignal): Promise<string | undefined> {
  const signal = AbortSignal.any([outer, AbortSignal.timeout(1000)]);
  return Promise.race([fetchReport(id, { signal }), sleep(1000, undefined, { signal })]);
}`,
    // No timeout element: a race of two works.
    `${prelude}export function d(id: string): Promise<string> {
  return Promise.race([compute(id), fetchReport(id)]);
}`,
    // Uncancellable work is reported only with checkUncancellableWork.
    `${prelude}export async function e(id: string): Promise<string> {
  const controller = new AbortController();
  try {
    return await Promise.race([compute(id), sleep(1000, 'late', { signal: controller.signal })]);
  } finally {
    controller.abort();
  }
}`,
    // A promise created inside the loop is not long-lived.
    `${prelude}export async function f(ids: string[]): Promise<void> {
  for (const id of ids) {
    const job = compute(id);
    await Promise.race([job, compute(id)]);
  }
}`,
    // An unref'd guard timer cannot keep the process alive.
    `${prelude}export async function h(id: string): Promise<string> {
  const guard = new Promise<string>((resolve) => {
    setTimeout(resolve, 1000, 'hung').unref();
  });
  return Promise.race([fetchReport(id, { signal: AbortSignal.timeout(1000) }), guard]);
}`,
    // Cleared in both handlers of .then on the race.
    `${prelude}export function g(id: string): Promise<string | null> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return Promise.race([
    fetchReport(id, { signal: AbortSignal.timeout(1000) }),
    new Promise<null>((resolve) => { timer = setTimeout(() => resolve(null), 1000); }),
  ]).then(
    (value) => { clearTimeout(timer); return value; },
    (error: unknown) => { clearTimeout(timer); throw error; },
  );
}`,
  ],
  invalid: [
    // The timer's callback disconnects another client: the raced read keeps running.
    {
      code: `interface Client { read(): Promise<string>; disconnect(): void }
export async function readOnce(client: Client, other: Client): Promise<string | null> {
  let watchdog: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<null>((resolve) => {
    watchdog = setTimeout(() => {
      other.disconnect();
      resolve(null);
    }, 1000);
  });
  try {
    return await Promise.race([client.read(), timeout]);
  } finally {
    clearTimeout(watchdog);
  }
}`,
      options: [{ checkUncancellableWork: true }],
      errors: [{ messageId: 'workNeverAborted', line: 11, column: 18, data: { callee: 'client.read' } }],
    },
    // A local helper that returns a reject-form timer; the work accepts a signal: both defects and a suggestion.
    {
      code: `${prelude}function timeout(ms: number): Promise<never> {
  return new Promise((_, reject) => setTimeout(() => reject(new Error('t')), ms));
}
export async function report(id: string): Promise<string> {
  return Promise.race([fetchReport(id), timeout(5000)]);
}`,
      errors: [
        {
          messageId: 'timerNeverCleared',
          line: L(5),
          column: 10,
          data: { timeout: 'timeout(5000)' },
          // The helper's timer made in place with its handle kept; the helper, now unused, goes.
          suggestions: [
            {
              messageId: 'inlineTimerRemoveHelperSuggestion',
              data: { name: 'timer', helper: 'timeout' },
              output: `${prelude}export async function report(id: string): Promise<string> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return Promise.race([fetchReport(id), new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error('t')), 5000)))]).finally(() => clearTimeout(timer));
}`,
            },
          ],
        },
        {
          messageId: 'signalNotPassed',
          line: L(5),
          column: 10,
          data: { callee: 'fetchReport' },
          suggestions: [
            {
              messageId: 'useAbortSignalTimeoutSuggestion',
              data: { ms: '5000', callee: 'fetchReport' },
              output: `${prelude}function timeout(ms: number): Promise<never> {
  return new Promise((_, reject) => setTimeout(() => reject(new Error('t')), ms));
}
export async function report(id: string): Promise<string> {
  return fetchReport(id, { signal: AbortSignal.timeout(5000) });
}`,
            },
          ],
        },
      ],
    },
    // An options object in a const with the caller's signal: it does not fire on the timeout.
    {
      code: `${prelude}export async function viaOptions(id: string, outer: AbortSignal): Promise<string> {
  const options = { signal: outer };
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    return await Promise.race([
      fetchReport(id, options),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error('t')), 1000);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}`,
      errors: [
        { messageId: 'signalNotPassed', line: L(5), column: 18, data: { callee: 'fetchReport' }, suggestions: [] },
      ],
    },
    // The caller's options spread into new ones: their signal is the caller's, not the timeout's.
    {
      code: `${prelude}export async function viaSpread(id: string, init: { signal?: AbortSignal }): Promise<string> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    return await Promise.race([
      fetchReport(id, { ...init }),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error('t')), 1000);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}`,
      errors: [
        { messageId: 'signalNotPassed', line: L(4), column: 18, data: { callee: 'fetchReport' }, suggestions: [] },
      ],
    },
    // A helper that returns its timer promise through a const is a timeout.
    {
      code: `${prelude}function expireAfter(ms: number): Promise<never> {
  const expired = new Promise<never>((_, reject) => {
    setTimeout(() => reject(new Error('late')), ms);
  });
  return expired;
}
export function a(id: string): Promise<string> {
  return Promise.race([compute(id), expireAfter(1000)]);
}`,
      // The helper's body is more than its promise: not made in place.
      errors: [
        {
          messageId: 'timerNeverCleared',
          line: L(8),
          column: 10,
          data: { timeout: 'expireAfter(1000)' },
          suggestions: [],
        },
      ],
    },
    // The helper's timer promise raced as a property, and its clear() never called.
    {
      code: `${prelude}function deadline(ms: number): { promise: Promise<never>; clear: () => void } {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const promise = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('late')), ms);
  });
  return { promise, clear: () => clearTimeout(timer) };
}
export async function a(id: string): Promise<string> {
  const timeout = deadline(1000);
  return Promise.race([compute(id), timeout.promise]);
}`,
      // The timer is the helper's, behind its result: no handle to keep here.
      errors: [
        {
          messageId: 'timerNeverCleared',
          line: L(10),
          column: 10,
          data: { timeout: 'timeout.promise' },
          suggestions: [],
        },
      ],
    },
    // The work raced through a const: followed to the call it was made from.
    {
      code: `${prelude}export async function a(id: string): Promise<string> {
  const request = fetchReport(id);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('timeout')), 1000);
  });
  try {
    return await Promise.race([request, expired]);
  } finally {
    clearTimeout(timer);
  }
}`,
      errors: [
        { messageId: 'signalNotPassed', line: L(8), column: 18, data: { callee: 'fetchReport' }, suggestions: [] },
      ],
    },
    // Only one of the two other elements clears the timer: when the other wins, it stays armed.
    {
      code: `${prelude}export function sleepUnlessCancelled(cancelled: Promise<never>, closed: Promise<never>, ms: number): Promise<void> {
  let handle: ReturnType<typeof setTimeout> | undefined;
  const timer = new Promise<void>((resolve) => {
    handle = setTimeout(resolve, ms);
  });
  return Promise.race([cancelled.finally(() => clearTimeout(handle)), closed, timer]);
}`,
      errors: [
        {
          messageId: 'timerNeverCleared',
          line: L(6),
          column: 10,
          data: { timeout: 'timer' },
          // The handle is kept already: it is cleared when the race settles.
          suggestions: [
            {
              messageId: 'clearKeptTimerSuggestion',
              data: { name: 'handle' },
              output: `${prelude}export function sleepUnlessCancelled(cancelled: Promise<never>, closed: Promise<never>, ms: number): Promise<void> {
  let handle: ReturnType<typeof setTimeout> | undefined;
  const timer = new Promise<void>((resolve) => {
    handle = setTimeout(resolve, ms);
  });
  return Promise.race([cancelled.finally(() => clearTimeout(handle)), closed, timer]).finally(() => clearTimeout(handle));
}`,
            },
          ],
        },
      ],
    },
    // An inline resolve-form timer held in a const; a clearTimeout after the race is skipped by a rejection.
    {
      code: `${prelude}export async function a(id: string): Promise<string | void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<void>((resolve) => { timer = setTimeout(resolve, 100); });
  const result = await Promise.race([fetchReport(id, { signal: AbortSignal.timeout(100) }), timeout]);
  clearTimeout(timer);
  return result;
}`,
      errors: [
        {
          messageId: 'timerNeverCleared',
          line: L(4),
          column: 24,
          data: { timeout: 'timeout' },
          suggestions: [
            {
              messageId: 'clearKeptTimerSuggestion',
              data: { name: 'timer' },
              output: `${prelude}export async function a(id: string): Promise<string | void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<void>((resolve) => { timer = setTimeout(resolve, 100); });
  const result = await Promise.race([fetchReport(id, { signal: AbortSignal.timeout(100) }), timeout]).finally(() => clearTimeout(timer));
  clearTimeout(timer);
  return result;
}`,
            },
          ],
        },
      ],
    },
    // An imported helper, found through the type checker; an overloaded callee; a .then chain as work.
    {
      code: `${prelude}export async function b(id: string): Promise<unknown> {
  return Promise.race([overloaded(id).then((text) => text.length), delay(50)]);
}`,
      errors: [
        {
          messageId: 'timerNeverCleared',
          line: L(2),
          column: 10,
          // The imported helper's timer made in place; the helper stays in its module.
          suggestions: [
            {
              messageId: 'inlineTimerSuggestion',
              data: { name: 'timer', helper: 'delay' },
              output: `${prelude}export async function b(id: string): Promise<unknown> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return Promise.race([overloaded(id).then((text) => text.length), new Promise<void>((resolve) => (timer = setTimeout(resolve, 50)))]).finally(() => clearTimeout(timer));
}`,
            },
          ],
        },
        {
          messageId: 'signalNotPassed',
          line: L(2),
          column: 10,
          data: { callee: 'overloaded' },
          // The work is a .then chain, not the call itself: no mechanical rewrite.
          suggestions: [],
        },
      ],
    },
    // Seed 004: the timeout is a reaction chained on a sleep helper's promise; the work accepts a signal it is not given.
    // No suggestion: dropping the race would drop the reaction that yields 'timeout'.
    {
      code: `${prelude}export async function report(id: string): Promise<string> {
  return Promise.race([fetchReport(id), delay(5000).then(() => 'timeout')]);
}`,
      errors: [
        {
          messageId: 'timerNeverCleared',
          line: L(2),
          column: 10,
          // The reaction stays chained on the timer made in place.
          suggestions: [
            {
              messageId: 'inlineTimerSuggestion',
              data: { name: 'timer', helper: 'delay' },
              output: `${prelude}export async function report(id: string): Promise<string> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return Promise.race([fetchReport(id), new Promise<void>((resolve) => (timer = setTimeout(resolve, 5000))).then(() => 'timeout')]).finally(() => clearTimeout(timer));
}`,
            },
          ],
        },
        { messageId: 'signalNotPassed', line: L(2), column: 10, data: { callee: 'fetchReport' }, suggestions: [] },
      ],
    },
    // Promise.all of calls as work; a node:timers/promises timer without a signal; the caller's signal does not fire on timeout.
    {
      code: `${prelude}export async function c(ids: string[], signal: AbortSignal): Promise<unknown> {
  return Promise.race([Promise.all(ids.map((id) => fetchReport(id, { signal }))), sleep(1000)]);
}`,
      errors: [
        {
          messageId: 'timerNeverCleared',
          line: L(2),
          column: 10,
          data: { timeout: 'sleep(1000)' },
          // A node:timers/promises timer takes a signal: a controller aborted when the race settles.
          suggestions: [
            {
              messageId: 'abortTimerSuggestion',
              data: { name: 'controller' },
              output: `${prelude}export async function c(ids: string[], signal: AbortSignal): Promise<unknown> {
  const controller = new AbortController();
  return Promise.race([Promise.all(ids.map((id) => fetchReport(id, { signal }))), sleep(1000, undefined, { signal: controller.signal })]).finally(() => controller.abort());
}`,
            },
          ],
        },
        { messageId: 'signalNotPassed', line: L(2), column: 10, data: { callee: 'fetchReport' }, suggestions: [] },
      ],
    },
    // checkUncancellableWork, and a helper named in timeoutHelpers (its body is not visible).
    {
      code: `${prelude}export async function d(id: string): Promise<string> {
  return Promise.race([compute(id), rejectAfterMs(1000)]);
}`,
      options: [{ checkUncancellableWork: true, timeoutHelpers: ['rejectAfterMs'] }],
      errors: [
        // A helper named in options, with no body to read: nothing to make in place.
        {
          messageId: 'timerNeverCleared',
          line: L(2),
          column: 10,
          data: { timeout: 'rejectAfterMs(1000)' },
          suggestions: [],
        },
        { messageId: 'workNeverAborted', line: L(2), column: 10, data: { callee: 'compute' } },
      ],
    },
    // A promise made before a polling loop and raced on every pass is waited on, not work started
    // for the race: raceInLoop and the armed timer, but no workNeverAborted for it.
    {
      code: `${prelude}export async function waitFor(id: string): Promise<string | null> {
  const result = compute(id);
  let value: string | null = null;
  while (value === null) {
    value = await Promise.race([result, sleep(100, null)]);
  }
  return value;
}`,
      options: [{ checkUncancellableWork: true }],
      errors: [
        { messageId: 'raceInLoop', line: L(5), column: 19, data: { element: 'result' } },
        {
          messageId: 'timerNeverCleared',
          line: L(5),
          column: 19,
          data: { timeout: 'sleep(100, null)' },
          suggestions: [
            {
              messageId: 'abortTimerSuggestion',
              data: { name: 'controller' },
              output: `${prelude}export async function waitFor(id: string): Promise<string | null> {
  const result = compute(id);
  let value: string | null = null;
  while (value === null) {
    const controller = new AbortController();
    value = await Promise.race([result, sleep(100, null, { signal: controller.signal })]).finally(() => controller.abort());
  }
  return value;
}`,
            },
          ],
        },
      ],
    },
    // A call that hands back the promise its object keeps (a resettable event) starts no work:
    // raceInLoop for it, the armed timer, and no workNeverAborted naming it.
    {
      code: `${prelude}class Signal {
  private promise: Promise<void> = new Promise<void>(() => undefined);
  wait(): Promise<void> {
    return this.promise;
  }
}
export class Flusher {
  private readonly ready = new Signal();
  async run(signal: AbortSignal): Promise<void> {
    while (!signal.aborted) {
      await Promise.race([this.ready.wait(), sleep(2000)]);
    }
  }
}`,
      options: [{ checkUncancellableWork: true }],
      errors: [
        { messageId: 'raceInLoop', line: L(11), column: 13, data: { element: 'this.ready.wait()' } },
        {
          messageId: 'timerNeverCleared',
          line: L(11),
          column: 13,
          data: { timeout: 'sleep(2000)' },
          suggestions: [
            {
              messageId: 'abortTimerSuggestion',
              data: { name: 'controller' },
              output: `${prelude}class Signal {
  private promise: Promise<void> = new Promise<void>(() => undefined);
  wait(): Promise<void> {
    return this.promise;
  }
}
export class Flusher {
  private readonly ready = new Signal();
  async run(signal: AbortSignal): Promise<void> {
    while (!signal.aborted) {
      const controller = new AbortController();
      await Promise.race([this.ready.wait(), sleep(2000, undefined, { signal: controller.signal })]).finally(() => controller.abort());
    }
  }
}`,
            },
          ],
        },
      ],
    },
    // Suggestions for timerNeverCleared. An inline timer whose executor is the setTimeout call: the
    // handle is kept by an assignment in parentheses, declared before the statement and its comment.
    {
      code: `${prelude}export async function a(id: string): Promise<string | null> {
  try {
    // Waits one second at most.
    return await Promise.race([compute(id), new Promise<null>((resolve) => setTimeout(() => resolve(null), 1000))]);
  } catch {
    return null;
  }
}`,
      errors: [
        {
          messageId: 'timerNeverCleared',
          line: L(4),
          column: 18,
          suggestions: [
            {
              messageId: 'clearTimerSuggestion',
              data: { name: 'timer' },
              output: `${prelude}export async function a(id: string): Promise<string | null> {
  try {
    let timer: ReturnType<typeof setTimeout> | undefined;
    // Waits one second at most.
    return await Promise.race([compute(id), new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), 1000)))]).finally(() => clearTimeout(timer));
  } catch {
    return null;
  }
}`,
            },
          ],
        },
      ],
    },
    // A timer promise in a const before the race, armed as `const id = setTimeout(…)` (its callback
    // clears itself); the name \`timer\` is taken, so the handle gets another.
    {
      code: `${prelude}export async function a(id: string, timer: number): Promise<string> {
  const expired = new Promise<never>((_, reject) => {
    const handle = setTimeout(() => {
      clearTimeout(handle);
      reject(new Error(String(timer)));
    }, timer);
  });
  return Promise.race([compute(id), expired]);
}`,
      errors: [
        {
          messageId: 'timerNeverCleared',
          line: L(8),
          column: 10,
          suggestions: [
            {
              messageId: 'clearTimerSuggestion',
              data: { name: 'timer2' },
              output: `${prelude}export async function a(id: string, timer: number): Promise<string> {
  let timer2: ReturnType<typeof setTimeout> | undefined;
  const expired = new Promise<never>((_, reject) => {
    const handle = (timer2 = setTimeout(() => {
      clearTimeout(handle);
      reject(new Error(String(timer)));
    }, timer));
  });
  return Promise.race([compute(id), expired]).finally(() => clearTimeout(timer2));
}`,
            },
          ],
        },
      ],
    },
    // The name \`timer\` only in a comment, in a string and inside a longer name (\`timers\`):
    // no identifier spells it, so the handle takes it.
    {
      code: `${prelude}export async function a(id: string, timers: number): Promise<string> {
  // the timer below rejects
  const expired = new Promise<never>((_, reject) => {
    const handle = setTimeout(() => {
      clearTimeout(handle);
      reject(new Error('timer'));
    }, timers);
  });
  return Promise.race([compute(id), expired]);
}`,
      errors: [
        {
          messageId: 'timerNeverCleared',
          line: L(9),
          column: 10,
          suggestions: [
            {
              messageId: 'clearTimerSuggestion',
              data: { name: 'timer' },
              output: `${prelude}export async function a(id: string, timers: number): Promise<string> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  // the timer below rejects
  const expired = new Promise<never>((_, reject) => {
    const handle = (timer = setTimeout(() => {
      clearTimeout(handle);
      reject(new Error('timer'));
    }, timers));
  });
  return Promise.race([compute(id), expired]).finally(() => clearTimeout(timer));
}`,
            },
          ],
        },
      ],
    },
    // A race that is an arrow's expression body: the arrow gets a block that declares the handle.
    {
      code: `${prelude}export const reports = (ids: string[]): Promise<string[]> =>
  Promise.all(ids.map((id) => Promise.race([compute(id), new Promise<never>((_, reject) => {
    setTimeout(() => reject(new Error('late')), 1000);
  })])));`,
      errors: [
        {
          messageId: 'timerNeverCleared',
          line: L(2),
          column: 31,
          suggestions: [
            {
              messageId: 'clearTimerSuggestion',
              data: { name: 'timer' },
              output: `${prelude}export const reports = (ids: string[]): Promise<string[]> =>
  Promise.all(ids.map((id) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    return Promise.race([compute(id), new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('late')), 1000);
  })]).finally(() => clearTimeout(timer));
  }));`,
            },
          ],
        },
      ],
    },
    // In a .js file the handle is declared without a type.
    {
      code: `export function waitFor(done) {
  return Promise.race([done, new Promise((resolve) => setTimeout(resolve, 1000))]);
}`,
      filename: 'script.js',
      errors: [
        {
          messageId: 'timerNeverCleared',
          line: 2,
          column: 10,
          suggestions: [
            {
              messageId: 'clearTimerSuggestion',
              data: { name: 'timer' },
              output: `export function waitFor(done) {
  let timer;
  return Promise.race([done, new Promise((resolve) => (timer = setTimeout(resolve, 1000)))]).finally(() => clearTimeout(timer));
}`,
            },
          ],
        },
      ],
    },
    // A helper used elsewhere stays; its timer is made in place with the arguments for its parameters
    // (a stable template literal may move into the timer's callback).
    {
      code: `${prelude}function rejectAfter(ms: number, what: string): Promise<never> {
  return new Promise((_, reject) => {
    setTimeout(() => reject(new Error(\`\${what} took \${ms}ms\`)), ms);
  });
}
export function a(id: string, ms: number): Promise<string> {
  return Promise.race([compute(id), rejectAfter(ms * 2, \`compute \${id}\`)]);
}
export const b = (): Promise<never> => rejectAfter(1, 'b');`,
      errors: [
        {
          messageId: 'timerNeverCleared',
          line: L(7),
          column: 10,
          suggestions: [
            {
              messageId: 'inlineTimerSuggestion',
              data: { name: 'timer', helper: 'rejectAfter' },
              output: `${prelude}function rejectAfter(ms: number, what: string): Promise<never> {
  return new Promise((_, reject) => {
    setTimeout(() => reject(new Error(\`\${what} took \${ms}ms\`)), ms);
  });
}
export function a(id: string, ms: number): Promise<string> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return Promise.race([compute(id), new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(\`\${\`compute \${id}\`} took \${ms * 2}ms\`)), ms * 2);
  })]).finally(() => clearTimeout(timer));
}
export const b = (): Promise<never> => rejectAfter(1, 'b');`,
            },
          ],
        },
      ],
    },
    // A private method as the helper, with its comment: removed with it when the race was its only use;
    // an argument with a side effect is evaluated once, where the timer is armed.
    {
      code: `${prelude}export class Poller {
  /** Waits \`ms\`. */
  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, ms));
  }

  async poll(next: () => number, wake: Promise<void>): Promise<void> {
    await Promise.race([this.sleep(next()), wake]);
  }
}`,
      errors: [
        {
          messageId: 'timerNeverCleared',
          line: L(8),
          column: 11,
          suggestions: [
            {
              messageId: 'inlineTimerRemoveHelperSuggestion',
              data: { name: 'timer', helper: 'sleep' },
              output: `${prelude}export class Poller {
  async poll(next: () => number, wake: Promise<void>): Promise<void> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    await Promise.race([new Promise<void>((resolve) => (timer = setTimeout(resolve, next()))), wake]).finally(() => clearTimeout(timer));
  }
}`,
            },
          ],
        },
      ],
    },
    // An async IIFE that first awaits the helper: its timer is made in place inside it.
    {
      code: `${prelude}export function a(id: string): Promise<string> {
  return Promise.race([
    compute(id),
    (async () => {
      await delay(100);
      throw new Error('late');
    })(),
  ]);
}`,
      errors: [
        {
          messageId: 'timerNeverCleared',
          line: L(2),
          column: 10,
          suggestions: [
            {
              messageId: 'inlineTimerSuggestion',
              data: { name: 'timer', helper: 'delay' },
              output: `${prelude}export function a(id: string): Promise<string> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return Promise.race([
    compute(id),
    (async () => {
      await new Promise<void>((resolve) => (timer = setTimeout(resolve, 100)));
      throw new Error('late');
    })(),
  ]).finally(() => clearTimeout(timer));
}`,
            },
          ],
        },
      ],
    },
    // A node:timers/promises timer with options: the signal joins them.
    {
      code: `${prelude}export async function a(id: string): Promise<string | null> {
  return Promise.race([compute(id), sleep(100, null, { ref: false })]);
}`,
      errors: [
        {
          messageId: 'timerNeverCleared',
          line: L(2),
          column: 10,
          suggestions: [
            {
              messageId: 'abortTimerSuggestion',
              data: { name: 'controller' },
              output: `${prelude}export async function a(id: string): Promise<string | null> {
  const controller = new AbortController();
  return Promise.race([compute(id), sleep(100, null, { signal: controller.signal, ref: false })]).finally(() => controller.abort());
}`,
            },
          ],
        },
      ],
    },
    // An imported helper whose promise uses another export of its module: imported beside the helper.
    {
      code: `import { rejectAfter } from './race-timeout-helpers.js';
declare function compute(id: string): Promise<string>;
export function a(id: string): Promise<string> {
  return Promise.race([compute(id), rejectAfter(100)]);
}`,
      errors: [
        {
          messageId: 'timerNeverCleared',
          line: 4,
          column: 10,
          suggestions: [
            {
              messageId: 'inlineTimerSuggestion',
              data: { name: 'timer', helper: 'rejectAfter' },
              output: `import { rejectAfter, DeadlineError } from './race-timeout-helpers.js';
declare function compute(id: string): Promise<string>;
export function a(id: string): Promise<string> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return Promise.race([compute(id), new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DeadlineError(100)), 100);
  })]).finally(() => clearTimeout(timer));
}`,
            },
          ],
        },
      ],
    },
    // Refused: the helper's promise uses a name its module does not export.
    {
      code: `import { failAfter } from './race-timeout-helpers.js';
declare function compute(id: string): Promise<string>;
export function a(id: string): Promise<string> {
  return Promise.race([compute(id), failAfter(100)]);
}`,
      errors: [{ messageId: 'timerNeverCleared', line: 4, column: 10, suggestions: [] }],
    },
    // Refused: options spread into the timer's (a signal may be among them).
    {
      code: `${prelude}export async function a(id: string, options: { ref?: boolean }): Promise<string | null> {
  return Promise.race([compute(id), sleep(100, null, { ...options })]);
}`,
      errors: [{ messageId: 'timerNeverCleared', line: L(2), column: 10, suggestions: [] }],
    },
    // Refused: two timers in one executor (which one to keep?).
    {
      code: `${prelude}export async function a(id: string): Promise<string> {
  return Promise.race([
    compute(id),
    new Promise<never>((_, reject) => {
      setTimeout(() => console.warn('slow'), 500);
      setTimeout(() => reject(new Error('late')), 1000);
    }),
  ]);
}`,
      errors: [{ messageId: 'timerNeverCleared', line: L(2), column: 10, suggestions: [] }],
    },
    // Refused: an argument with a side effect that the helper reads only when the timer fires.
    {
      code: `${prelude}declare function describe(): string;
function rejectAfter(ms: number, what: string): Promise<never> {
  return new Promise((_, reject) => setTimeout(() => reject(new Error(what)), ms));
}
export function a(id: string): Promise<string> {
  return Promise.race([compute(id), rejectAfter(100, describe())]);
}`,
      errors: [{ messageId: 'timerNeverCleared', line: L(6), column: 10, suggestions: [] }],
    },
    // Refused: a name the helper uses means something else at the call.
    {
      code: `${prelude}const message = 'late';
function rejectAfter(ms: number): Promise<never> {
  return new Promise((_, reject) => setTimeout(() => reject(new Error(message)), ms));
}
export function a(id: string, message: number): Promise<string> {
  return Promise.race([compute(id), rejectAfter(message)]);
}`,
      errors: [{ messageId: 'timerNeverCleared', line: L(6), column: 10, suggestions: [] }],
    },
    // Refused: an async helper, and a helper called on an object (another object may replace it).
    {
      code: `${prelude}async function later(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
export const clock = {
  wait(ms: number): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, ms));
  },
};
export async function a(id: string): Promise<unknown> {
  await Promise.race([compute(id), later(10)]);
  return Promise.race([compute(id), clock.wait(10)]);
}`,
      errors: [
        { messageId: 'timerNeverCleared', line: L(10), column: 9, suggestions: [] },
        { messageId: 'timerNeverCleared', line: L(11), column: 10, suggestions: [] },
      ],
    },
    // Refused: the timer promise is raced twice; clearing it when the first race settles would take
    // the second race's timeout.
    {
      code: `${prelude}export async function a(first: string, second: string): Promise<string[]> {
  const deadline = new Promise<never>((_, reject) => setTimeout(() => reject(new Error('late')), 1000));
  const one = await Promise.race([compute(first), deadline]);
  const two = await Promise.race([compute(second), deadline]);
  return [one, two];
}`,
      errors: [
        { messageId: 'timerNeverCleared', line: L(3), column: 21, suggestions: [] },
        { messageId: 'timerNeverCleared', line: L(4), column: 21, suggestions: [] },
      ],
    },
    // Refused: one timer promise raced on every pass of a loop; clearing it after the first pass
    // would take the timeout of the others.
    {
      code: `${prelude}export async function a(ids: string[]): Promise<string[]> {
  const deadline = new Promise<never>((_, reject) => setTimeout(() => reject(new Error('late')), 1000));
  const out: string[] = [];
  for (const id of ids) out.push(await Promise.race([compute(id), deadline]));
  return out;
}`,
      errors: [
        { messageId: 'raceInLoop', line: L(4), column: 40 },
        { messageId: 'timerNeverCleared', line: L(4), column: 40, suggestions: [] },
      ],
    },
    // Refused: the argument's name would be captured by the executor's own \`resolve\`.
    {
      code: `${prelude}function later(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
export async function a(id: string, resolve: number): Promise<unknown> {
  return Promise.race([compute(id), later(resolve)]);
}`,
      errors: [{ messageId: 'timerNeverCleared', line: L(5), column: 10, suggestions: [] }],
    },
    // A long-lived promise raced in a loop.
    {
      code: `${prelude}declare const shutdown: Promise<void>;
declare function nextJob(): Promise<string | undefined>;
export async function consume(): Promise<void> {
  for (;;) {
    const job = await Promise.race([nextJob(), shutdown]);
    if (job === undefined) return;
  }
}`,
      errors: [{ messageId: 'raceInLoop', line: L(5), column: 23, data: { element: 'shutdown' } }],
    },
    // A helper that races a promise it closes over, called in a loop through a receiver made
    // before the loop: each pass adds a reaction to the one promise.
    {
      code: `${prelude}declare function next(): Promise<string | undefined>;
function watchErrors(target: EventTarget) {
  const failed = new Promise<never>((_, reject) => {
    target.addEventListener('error', () => reject(new Error('failed')), { once: true });
  });
  failed.catch(() => undefined);
  return {
    race<T>(promise: Promise<T>): Promise<T> {
      return Promise.race([promise, failed]);
    },
  };
}
export async function copy(target: EventTarget): Promise<void> {
  const errors = watchErrors(target);
  for (;;) {
    const chunk = await errors.race(next());
    if (chunk === undefined) return;
  }
}`,
      errors: [{ messageId: 'raceInLoop', line: L(9), column: 14, data: { element: 'failed' } }],
    },
    // A call that hands back a promise its object keeps (a pending per-key future): the same
    // promise on every pass.
    {
      code: `${prelude}export class Feed {
  private readonly futures = new Map<string, Promise<number>>();
  future(key: string): Promise<number> {
    let pending = this.futures.get(key);
    if (!pending) {
      pending = new Promise<number>(() => undefined);
      this.futures.set(key, pending);
    }
    return pending;
  }
  fresh(key: string): Promise<number> {
    const made = Promise.resolve(key.length);
    return made;
  }
}
export async function watch(feed: Feed, signal: AbortSignal): Promise<void> {
  while (!signal.aborted) {
    await Promise.race([feed.future('a'), feed.future('b')]);
  }
}`,
      errors: [{ messageId: 'raceInLoop', line: L(18), column: 11, data: { element: "feed.future('a')" } }],
    },
    // A reaction chained on a long-lived promise in a loop: each pass adds one to it.
    {
      code: `${prelude}declare const connection: { readonly closed: Promise<void> };
declare function nextJob(): Promise<string | undefined>;
export async function consume(): Promise<void> {
  for (;;) {
    const job = await Promise.race([
      nextJob(),
      connection.closed.then(() => {
        throw new Error('closed');
      }),
    ]);
    if (job === undefined) return;
  }
}`,
      errors: [{ messageId: 'raceInLoop', line: L(5), column: 23, data: { element: 'connection.closed' } }],
    },
    // Review of the suggestions: a \`setTimeout\` method of the program's own clock is not the platform timer
    // (its handle is no \`ReturnType<typeof setTimeout>\`, and \`clearTimeout\` would not cancel it): refused.
    {
      code: `interface Clock { setTimeout(fn: () => void, ms: number): { cancel(): void } }
declare const clock: Clock;
declare function fetchThing(): Promise<string>;
export function get(): Promise<string> {
  return Promise.race([
    fetchThing(),
    new Promise<never>((_, reject) => {
      clock.setTimeout(() => reject(new Error('timeout')), 100);
    }),
  ]);
}
`,
      errors: [{ messageId: 'timerNeverCleared', line: 5, column: 10, suggestions: [] }],
    },
    // Inlining a helper whose text spans lines would re-indent the string: refused.
    {
      code: `declare function fetchThing(): Promise<string>;
export class C {
  private timeoutAfter(ms: number): Promise<never> {
    return new Promise((_, reject) => {
      setTimeout(() => reject(new Error(\`timed out
after \${ms}\`)), ms);
    });
  }
  async run(): Promise<string> {
    return Promise.race([fetchThing(), this.timeoutAfter(100)]);
  }
  other(): unknown {
    const { timeoutAfter } = this;
    return timeoutAfter;
  }
}
`,
      errors: [{ messageId: 'timerNeverCleared', line: 10, column: 12, suggestions: [] }],
    },
    // The helper is inlined, but kept: the class names it again (\`const { timeoutAfter } = this\`).
    {
      code: `declare function fetchThing(): Promise<string>;
export class C {
  private timeoutAfter(ms: number): Promise<never> {
    return new Promise((_, reject) => {
      setTimeout(() => reject(new Error(\`timed out after \${ms}\`)), ms);
    });
  }
  async run(): Promise<string> {
    return Promise.race([fetchThing(), this.timeoutAfter(100)]);
  }
  other(): unknown {
    const { timeoutAfter } = this;
    return timeoutAfter;
  }
}
`,
      errors: [
        {
          messageId: 'timerNeverCleared',
          line: 9,
          column: 12,
          suggestions: [
            {
              messageId: 'inlineTimerSuggestion',
              output: `declare function fetchThing(): Promise<string>;
export class C {
  private timeoutAfter(ms: number): Promise<never> {
    return new Promise((_, reject) => {
      setTimeout(() => reject(new Error(\`timed out after \${ms}\`)), ms);
    });
  }
  async run(): Promise<string> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    return Promise.race([fetchThing(), new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(\`timed out after \${100}\`)), 100);
    })]).finally(() => clearTimeout(timer));
  }
  other(): unknown {
    const { timeoutAfter } = this;
    return timeoutAfter;
  }
}
`,
            },
          ],
        },
      ],
    },
    // `globalThis.setTimeout` is the platform timer: `globalThis` has no declaration, the checker makes it.
    {
      code: `export async function f(work: Promise<string>) {
  return Promise.race([
    work,
    new Promise<never>((_, reject) => globalThis.setTimeout(() => reject(new Error('t')), 1000)),
  ]);
}
`,
      errors: [
        {
          messageId: 'timerNeverCleared',
          line: 2,
          column: 10,
          suggestions: [
            {
              messageId: 'clearTimerSuggestion',
              output: `export async function f(work: Promise<string>) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return Promise.race([
    work,
    new Promise<never>((_, reject) => (timer = globalThis.setTimeout(() => reject(new Error('t')), 1000))),
  ]).finally(() => clearTimeout(timer));
}
`,
            },
          ],
        },
      ],
    },
    // The helper computes its delay (`seconds * 1000`): its argument is not the delay in milliseconds, so no `AbortSignal.timeout` is offered (it would say 30 ms for 30 s).
    {
      code: `const timeoutAfter = (seconds: number): Promise<never> =>
  new Promise((_, reject) => setTimeout(() => reject(new Error('timed out')), seconds * 1000));

export async function get(url: string): Promise<Response> {
  return Promise.race([fetch(url), timeoutAfter(30)]);
}
`,
      errors: [
        {
          messageId: 'timerNeverCleared',
          line: 5,
          column: 10,
          suggestions: [
            {
              messageId: 'inlineTimerSuggestion',
              output: `const timeoutAfter = (seconds: number): Promise<never> =>
  new Promise((_, reject) => setTimeout(() => reject(new Error('timed out')), seconds * 1000));

export async function get(url: string): Promise<Response> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return Promise.race([fetch(url), new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error('timed out')), 30 * 1000)))]).finally(() => clearTimeout(timer));
}
`,
            },
          ],
        },
        { messageId: 'signalNotPassed', line: 5, column: 10, suggestions: [] },
      ],
    },
    // The helper's delay is its second parameter: that argument goes into `AbortSignal.timeout`.
    {
      code: `function rejectAfter(label: string, ms: number): Promise<never> {
  return new Promise((_, reject) => setTimeout(() => reject(new Error(label)), ms));
}
export async function get(url: string): Promise<Response> {
  return Promise.race([fetch(url), rejectAfter('fetch', 5000)]);
}
`,
      errors: [
        {
          messageId: 'timerNeverCleared',
          line: 5,
          column: 10,
          suggestions: [
            {
              messageId: 'inlineTimerRemoveHelperSuggestion',
              output: `export async function get(url: string): Promise<Response> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return Promise.race([fetch(url), new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error('fetch')), 5000)))]).finally(() => clearTimeout(timer));
}
`,
            },
          ],
        },
        {
          messageId: 'signalNotPassed',
          line: 5,
          column: 10,
          suggestions: [
            {
              messageId: 'useAbortSignalTimeoutSuggestion',
              output: `function rejectAfter(label: string, ms: number): Promise<never> {
  return new Promise((_, reject) => setTimeout(() => reject(new Error(label)), ms));
}
export async function get(url: string): Promise<Response> {
  return fetch(url, { signal: AbortSignal.timeout(5000) });
}
`,
            },
          ],
        },
      ],
    },
    // Property test: `this.delayMs` would move into the helper's `function` executor, where `this` is not the instance: not inlined.
    {
      code: `declare function fetchReport(id: string): Promise<string>;
function wait(delay: number): Promise<void> {
  return new Promise(function (resolve) {
    setTimeout(resolve, delay);
  });
}
export class Reporter {
  private delayMs = 100;
  async report(id: string) {
    return Promise.race([fetchReport(id), wait(this.delayMs)]);
  }
}
`,
      errors: [{ messageId: 'timerNeverCleared', line: 10, column: 12, suggestions: [] }],
    },
  ],
});
