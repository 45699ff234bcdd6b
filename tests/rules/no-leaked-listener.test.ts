import rule from '../../src/rules/no-leaked-listener.js';
import { typedRuleTester } from '../rule-tester.js';

const ruleTester = typedRuleTester();

const prelude = `import { EventEmitter } from 'node:events';
const bus = new EventEmitter();
declare function cleanup(): void;
`;
// Code lines start after the prelude's three lines.
const L = (line: number) => line + 3;

ruleTester.run('no-leaked-listener', rule, {
  valid: [
    // An upgrade hands the connection over: the socket serves no later HTTP request.
    `import { createServer } from 'node:http';
export const server = createServer();
server.on('upgrade', (req, socket) => {
  req.socket.on('error', () => socket.destroy());
});
`,
    // The socket listener goes when the response finishes; the request's own listener goes with it.
    `import { createServer } from 'node:http';
export const server = createServer((req, res) => {
  const onClose = (): void => console.log('closed', req.url);
  req.socket.on('close', onClose);
  res.on('finish', () => req.socket.off('close', onClose));
  req.on('close', () => console.log('request closed'));
  res.end('ok');
});
`,
    // A helper called only from set-up code that runs once: its own parameter, used as a value
    // inside it, is not the helper escaping.
    `function initialize(): void {
  const anchor = document.createElement('div');
  document.body.append(anchor);
  createMenu(anchor);
}
function createMenu(anchor: HTMLElement): void {
  document.addEventListener('click', (event) => {
    if (event.composedPath().indexOf(anchor) === -1) anchor.hidden = true;
  });
}
if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', initialize);
else initialize();`,
    // The class is its own registry of listeners: addListeners() adds through the class's own API.
    `type Listener = (value: string) => void;
export class Hooks {
  readonly #listeners = new Map<string, Listener[]>();
  addListener(name: string, listener: Listener): () => void {
    this.#listeners.set(name, [...(this.#listeners.get(name) ?? []), listener]);
    return () => this.removeListener(name, listener);
  }
  removeListener(name: string, listener: Listener): void {
    this.#listeners.set(name, (this.#listeners.get(name) ?? []).filter((l) => l !== listener));
  }
  addListeners(listeners: Record<string, Listener>): void {
    for (const [name, listener] of Object.entries(listeners)) this.addListener(name, listener);
  }
}`,
    // An event-handler property setter: each call removes the listener the previous call kept
    // (the converter hands back the function it is given, as WebIDL's does).
    `${prelude}declare function toHandler<T>(fn: T): T;
export class Socket extends EventTarget {
  #onopen: ((event: Event) => void) | null = null;
  set onopen(fn: ((event: Event) => void) | null) {
    if (this.#onopen) this.removeEventListener('open', this.#onopen);
    const listener = toHandler(fn);
    if (listener) this.addEventListener('open', listener);
    this.#onopen = fn;
  }
}`,
    `${prelude}declare function toHandler<T>(fn: T): T;
let previous: (() => void) | undefined;
export function onTick(fn: () => void): void {
  if (previous) bus.off('tick', previous);
  const next = toHandler(fn);
  bus.on('tick', next);
  previous = fn;
}`,
    `${prelude}process.on('exit', () => cleanup());
bus.on('message', (m: string) => console.log(m));`,
    // The only caller is a factory method, behind a static flag that nothing resets: once per process.
    `${prelude}export function handleRejections(): void {
  process.on('unhandledRejection', () => cleanup());
}
export class Creator {
  static installed = false;
  static make(): Creator {
    if (!Creator.installed) {
      handleRejections();
      Creator.installed = true;
    }
    return new Creator();
  }
}`,
    // The only caller is a memo of a promise that nothing else assigns: once per process.
    `${prelude}export async function handleRejections(): Promise<void> {
  process.on('unhandledRejection', () => cleanup());
}
export class Creator {
  static ready: Promise<void> | undefined;
  static async make(): Promise<Creator> {
    Creator.ready ??= handleRejections();
    await Creator.ready;
    return new Creator();
  }
}`,
    // A constructor runs once per object, and the program makes the only object at module scope.
    `${prelude}class Tracker {
  constructor() {
    process.on('exit', () => this.flush());
  }
  flush(): void {}
}
export const tracker = new Tracker();`,
    // The same through a method the constructor calls.
    `${prelude}class Tracker {
  constructor() {
    this.watch();
  }
  private watch(): void {
    process.on('exit', () => this.flush());
  }
  flush(): void {}
}
export const tracker = new Tracker();`,
    // A listener on the object's own member goes with the object.
    `${prelude}export class Relay {
  private readonly events = new EventEmitter();
  constructor() {
    this.events.on('data', () => cleanup());
  }
}
export function relay(): Relay {
  return new Relay();
}`,
    // The caller's signal: the listener is removed in finally.
    `${prelude}export async function fetchWith(url: string, signal: AbortSignal): Promise<void> {
  const onAbort = () => cleanup();
  signal.addEventListener('abort', onAbort);
  try {
    await fetch(url);
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
}`,
    // { signal } and { once: true } remove the listener.
    `${prelude}export function track(controller: AbortController): void {
  window.addEventListener('resize', () => cleanup(), { signal: controller.signal });
  window.addEventListener('load', () => cleanup(), { once: true });
}`,
    // Options we cannot read: trusted.
    `${prelude}export function track(options: AddEventListenerOptions): void {
  window.addEventListener('resize', () => cleanup(), options);
}`,
    // A returned cleanup removes it.
    `${prelude}export function watchResize(onChange: () => void): () => void {
  const handler = () => onChange();
  window.addEventListener('resize', handler);
  return () => window.removeEventListener('resize', handler);
}`,
    // A target this call created is not long-lived.
    `${prelude}export function local(): EventEmitter {
  const emitter = new EventEmitter();
  emitter.on('data', () => cleanup());
  return emitter;
}`,
    // Added on mount, removed on unmount, by the same field.
    `${prelude}export class Widget {
  onResize = (): void => cleanup();
  componentDidMount(): void {
    window.addEventListener('resize', this.onResize);
  }
  componentWillUnmount(): void {
    window.removeEventListener('resize', this.onResize);
  }
}`,
    // A forwarding wrapper: the caller owns the handler.
    `${prelude}export class Facade {
  private readonly events = new EventEmitter();
  on(event: string, handler: (...args: unknown[]) => void): this {
    this.events.on(event, handler);
    return this;
  }
}`,
    // A set-up function by name.
    `${prelude}export function installSignalHandlers(): void {
  process.on('SIGINT', () => cleanup());
}`,
    // A once-guard: the flag is set by the function itself.
    `${prelude}let hooked = false;
export function ensureExitHook(): void {
  if (hooked) return;
  hooked = true;
  process.on('exit', () => cleanup());
}`,
    // A guard that counts listeners.
    `${prelude}export function ensureExitHook(): void {
  if (process.listenerCount('exit') === 0) process.on('exit', () => cleanup());
}`,
    // The field is replaced with a fresh target by the same method.
    `${prelude}export class Link {
  private socket = new EventEmitter();
  renew(): void {
    this.socket = new EventEmitter();
    this.socket.on('data', () => cleanup());
  }
}`,
    // A parameter that is not an AbortSignal: its lifetime is the caller's business.
    `${prelude}export function pipe(source: EventEmitter): void {
  source.on('data', () => cleanup());
}`,
    // A callback that runs once at module level.
    `${prelude}void Promise.resolve().then(() => {
  process.on('exit', () => cleanup());
});`,
    // Not an event source: a route table with an `on` method.
    `${prelude}const routes = { on(path: string, handler: () => void): void { void path; void handler; } };
export function route(): void {
  routes.on('/health', () => cleanup());
}`,
    // The class tears the target's listeners down.
    `${prelude}export class Session {
  private readonly socket = new EventEmitter();
  send(): void {
    this.socket.on('data', () => cleanup());
  }
  close(): void {
    this.socket.removeAllListeners();
  }
}`,
    // The handler is handed on to be removed later.
    `${prelude}const disposers: (() => void)[] = [];
export function watch(): void {
  const handler = () => cleanup();
  bus.on('tick', handler);
  disposers.push(handler);
}`,
    // The result is kept (it may be an unsubscribe).
    `${prelude}export function watch(): EventEmitter {
  return bus.on('tick', () => cleanup());
}`,
    // The handler removes itself when it runs, and it runs on abort.
    `${prelude}export function onCancel(signal: AbortSignal): void {
  const onAbort = (): void => {
    signal.removeEventListener('abort', onAbort);
    cleanup();
  };
  signal.addEventListener('abort', onAbort);
}`,
    // once() is reported only with checkOnce.
    `${prelude}export function waitExit(): void {
  process.once('exit', () => cleanup());
}`,
    // A controller made by this call: its signal is local.
    `${prelude}export async function run(): Promise<void> {
  const controller = new AbortController();
  controller.signal.addEventListener('abort', () => cleanup());
  await fetch('/x', { signal: controller.signal });
}`,

    // A function called only from module initialisation is set-up code.
    `${prelude}function wire(): void {
  process.on('SIGTERM', () => cleanup());
}
wire();`,
    // A default-exported anonymous function: a module's entry point.
    `${prelude}export default (name: string): void => {
  process.on('SIGINT', () => cleanup());
  void name;
};`,
    // connect() sets up the object's own socket: once per object (and reconnect).
    `${prelude}export class Conn {
  private readonly socket = new EventEmitter();
  connect(): void {
    this.socket.on('data', () => cleanup());
  }
}`,
    // A method of an object literal made at module level runs once.
    `${prelude}export const plugin = {
  start(): void {
    process.on('exit', () => cleanup());
  },
};`,
    // A listener for a one-shot event: its body runs once.
    `${prelude}document.addEventListener('DOMContentLoaded', () => {
  window.addEventListener('resize', () => cleanup());
});`,
    // removeAllListeners for the event, elsewhere in the file.
    `${prelude}export function track(): void {
  bus.on('tick', () => cleanup());
}
export function reset(): void {
  bus.removeAllListeners('tick');
}`,
    // The target's end in the class: its listeners go with it.
    `${prelude}export class Pipe {
  private readonly stream = new EventEmitter() as EventEmitter & { destroy(): void };
  write(): void {
    this.stream.on('drain', () => cleanup());
  }
  close(): void {
    this.stream.destroy();
  }
}`,
    // The handler is returned to the caller, who removes it.
    `${prelude}export function watch(): () => void {
  const handler = (): void => cleanup();
  bus.on('tick', handler);
  return handler;
}`,
    // Chained registrations whose handlers are removed by a module-level function.
    `${prelude}function onA(): void {}
function onB(): void {}
export function attachBoth(): void {
  bus.on('a', onA).on('b', onB);
}
export function detachBoth(): void {
  bus.off('a', onA);
  bus.off('b', onB);
}`,
    // A module-level let the function replaces before listening: a fresh target.
    `${prelude}let current = new EventEmitter();
export function restart(): void {
  current = new EventEmitter();
  current.on('data', () => cleanup());
}`,
    // A local variable of an outer function, used by a callback that does not outlive it.
    `${prelude}export function collect(items: string[]): void {
  const local = new EventEmitter();
  items.forEach(() => {
    local.on('x', () => cleanup());
  });
}`,
    // The event name is a parameter: a generic wrapper.
    `${prelude}export function relay(event: string): void {
  bus.on(event, () => cleanup());
}`,
    // A static block runs once.
    `${prelude}export class Registry {
  static {
    process.on('exit', () => cleanup());
  }
}`,

    // A callback's signal is supplied per call by whoever calls it (a job's signal).
    `${prelude}declare class Worker { constructor(run: (job: string, signal?: AbortSignal) => Promise<void>); }
export const worker = new Worker(async (job, signal) => {
  signal?.addEventListener('abort', () => cleanup());
  await Promise.resolve(job);
});`,

    // Added in one promise callback, removed in another of the same call.
    `${prelude}export function download(url: string): Promise<void> {
  const onWarning = (): void => cleanup();
  return Promise.resolve(url)
    .then(() => {
      process.on('warning', onWarning);
    })
    .finally(() => {
      process.off('warning', onWarning);
    });
}`,

    // A removal that only the event runs, and the promise settles only through the event: nothing is left behind.
    `${prelude}export function nextReady(): Promise<void> {
  return new Promise((resolve) => {
    const onReady = (): void => {
      bus.off('ready', onReady);
      resolve();
    };
    bus.on('ready', onReady);
  });
}`,
    // The timer that settles the promise removes the listener too.
    `${prelude}export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}`,
    // A request and its timeout share one cleanup, called on every settlement.
    `${prelude}export class Rpc extends EventEmitter {
  call(id: string, timeoutMs: number): Promise<unknown> {
    return new Promise((resolve, reject) => {
      const event = 'reply:' + id;
      const cleanup = (): void => {
        clearTimeout(timer);
        this.off(event, onReply);
      };
      const onReply = (reply: unknown): void => {
        cleanup();
        resolve(reply);
      };
      const fail = (): void => {
        cleanup();
        reject(new Error('timed out'));
      };
      const timer = setTimeout(fail, timeoutMs);
      this.on(event, onReply);
    });
  }
}`,
    // A one-shot event with a fallback timer: 'load' fires once, and every once-listener goes then.
    `${prelude}export function pageLoaded(ms: number): Promise<void> {
  return new Promise((resolve) => {
    window.addEventListener('load', () => resolve(), { once: true });
    setTimeout(resolve, ms);
  });
}`,

    // A retry loop that removes each pass's listener in finally.
    `${prelude}export async function retry(urls: string[], signal: AbortSignal): Promise<Response | undefined> {
  for (const url of urls) {
    const controller = new AbortController();
    const onAbort = (): void => controller.abort(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    try {
      return await fetch(url, { signal: controller.signal });
    } catch {
      continue;
    } finally {
      signal.removeEventListener('abort', onAbort);
    }
  }
  return undefined;
}`,
    // One handler for every pass: an EventTarget keeps a function added twice only once.
    `${prelude}export async function poll(urls: string[], signal: AbortSignal): Promise<void> {
  const onAbort = (): void => cleanup();
  for (const url of urls) {
    signal.addEventListener('abort', onAbort, { once: true });
    await fetch(url);
  }
}`,
    // Each pass waits for the event itself: its once-listener is gone before the next pass.
    `${prelude}export async function everyAbort(signal: AbortSignal, times: number): Promise<void> {
  for (let i = 0; i < times; i++) {
    await new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
  }
}`,

    // Every caller passes the signal of a controller made for that call, and aborts it: the listener goes with it.
    `${prelude}function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
  });
}
export async function pump(signal: AbortSignal): Promise<void> {
  while (!signal.aborted) {
    const controller = new AbortController();
    try {
      await pause(100, controller.signal);
    } finally {
      controller.abort();
    }
  }
}`,
    // A service's start method, and the program starts its one instance from its entry point.
    `${prelude}class AppService {
  start(): void {
    process.on('SIGTERM', () => this.stop());
  }
  stop(): void {}
}
async function main(): Promise<void> {
  const app = new AppService();
  app.start();
  await Promise.resolve();
}
void main();`,
    // The only instance is made at module scope.
    `${prelude}export class AppService {
  start(): void {
    process.on('SIGTERM', () => this.stop());
  }
  stop(): void {}
}
export const app = new AppService();`,
    // A container's singleton: one instance for the program.
    `${prelude}declare function Injectable(): ClassDecorator;
@Injectable()
export class ShutdownService {
  init(): void {
    process.on('SIGTERM', () => this.stop());
  }
  stop(): void {}
}`,
    // The request's own signal: made with the request and aborted with it, it lives as long as
    // the request the caller hands in, not longer.
    `${prelude}export function streamBody(request: Request): ReadableStream<string> {
  const { readable, writable } = new TransformStream<string, string>();
  request.signal.addEventListener('abort', () => void writable.abort());
  return readable;
}`,
    // The same through a context object and a const alias.
    `${prelude}interface Context {
  req: { raw: Request };
}
export const streamEvents = (c: Context): void => {
  const signal = c.req.raw.signal;
  signal.addEventListener('abort', () => cleanup());
};`,
    // A job's own read-only signal, on an object with methods.
    `${prelude}declare class Job {
  readonly signal: AbortSignal;
  cancel(): void;
}
export function watch(job: Job): void {
  job.signal.addEventListener('abort', () => cleanup());
}`,
    // Nothing in the program calls it: its source text is read to run in a worker.
    `${prelude}function relay(url: string): void {
  self.addEventListener('message', () => cleanup());
  void url;
}
export function startRelay(url: string): Worker {
  const source = \`(\${relay.toString()})(\${JSON.stringify(url)});\`;
  return new Worker(URL.createObjectURL(new Blob([source])));
}`,
    // The factory's server is the made object's own state: listen() sets that object up.
    `${prelude}import { createServer } from 'node:http';
export function createApp() {
  const http = createServer();
  let url = '';
  return {
    listen(port: number): void {
      http.on('listening', () => {
        url = \`http://localhost:\${port}\`;
      });
      http.listen(port);
    },
    get url(): string {
      return url;
    },
  };
}`,
  ],
  invalid: [
    // A request's socket outlives the request: keep-alive serves the next requests on it.
    {
      code: `import { createServer } from 'node:http';
export const server = createServer((req, res) => {
  req.socket.on('close', () => console.log('closed', req.url));
  res.end('ok');
});
`,
      errors: [
        {
          messageId: 'inlineListenerNeverRemoved',
          line: 3,
          column: 3,
          suggestions: [],
        },
      ],
    },
    // Removing some other handler first (a local, for another event) does not replace this one.
    {
      code: `${prelude}export function watch(): void {
  const stale = () => cleanup();
  bus.off('tick', stale);
  bus.on('tock', () => cleanup());
}`,
      errors: [{ messageId: 'inlineListenerNeverRemoved', line: L(4), column: 3 }],
    },
    // An inline exit hook added on every call.
    {
      code: `${prelude}export function createTempFile(path: string): void {
  process.on('exit', () => cleanup());
  void path;
}`,
      errors: [
        {
          messageId: 'inlineListenerNeverRemoved',
          line: L(2),
          column: 3,
          endLine: L(2),
          endColumn: 38,
          data: {
            fn: '`createTempFile`',
            event: 'exit',
            target: 'process',
            lifetime: 'lives as long as the process',
            until: '',
            remove: 'removeListener',
            alternative: '',
          },
        },
      ],
    },
    // A read-only signal in an options bag (data, no methods) is still the caller's signal.
    {
      code: `${prelude}export interface LoadOptions {
  readonly signal: AbortSignal;
}
export async function load(url: string, options: LoadOptions): Promise<void> {
  options.signal.addEventListener('abort', () => cleanup());
  await fetch(url);
}`,
      errors: [
        {
          messageId: 'inlineListenerNeverRemoved',
          line: L(5),
          column: 3,
          suggestions: [
            {
              messageId: 'abortInFinallySuggestion',
              output: `${prelude}export interface LoadOptions {
  readonly signal: AbortSignal;
}
export async function load(url: string, options: LoadOptions): Promise<void> {
  const listeners = new AbortController();
  options.signal.addEventListener('abort', () => cleanup(), { signal: listeners.signal });
  try {
    await fetch(url);
  } finally {
    listeners.abort();
  }
}`,
            },
          ],
        },
      ],
    },
    // Its source text is read, and it is also called on every request.
    {
      code: `${prelude}function relay(url: string): void {
  self.addEventListener('message', () => cleanup());
  void url;
}
export const source = \`(\${relay.toString()})();\`;
export function onRequest(url: string): void {
  relay(url);
}`,
      errors: [{ messageId: 'inlineListenerNeverRemoved', line: L(2), column: 3 }],
    },
    // Objects made in a loop share the factory's server: it is not one object's own.
    {
      code: `${prelude}import { createServer } from 'node:http';
export function createApps(ports: number[]) {
  const http = createServer();
  const apps: Record<number, { listen(): void }> = {};
  for (const port of ports) {
    apps[port] = {
      listen(): void {
        http.on('listening', () => cleanup());
        http.listen(port);
      },
    };
  }
  return apps;
}`,
      errors: [{ messageId: 'inlineListenerNeverRemoved', line: L(8), column: 9 }],
    },
    // The caller's signal collects an abort listener per call.
    {
      code: `${prelude}export async function request(url: string, signal: AbortSignal): Promise<Response> {
  const onAbort = () => cleanup();
  signal.addEventListener('abort', onAbort);
  return fetch(url);
}`,
      errors: [
        {
          messageId: 'listenerNeverRemoved',
          line: L(3),
          column: 3,
          data: {
            fn: '`request`',
            handler: 'onAbort',
            event: 'abort',
            target: 'signal',
            lifetime: "is the caller's AbortSignal and can outlive the call",
            until: '',
            remove: 'removeEventListener',
            alternative: ', or pass `{ signal }` from an AbortController you abort then',
          },
          suggestions: [
            {
              messageId: 'removeInFinallySuggestion',
              output: `${prelude}export async function request(url: string, signal: AbortSignal): Promise<Response> {
  const onAbort = () => cleanup();
  signal.addEventListener('abort', onAbort);
  try {
    return await fetch(url);
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
}`,
            },
          ],
        },
      ],
    },
    // Added on mount, never removed.
    {
      code: `${prelude}export class Widget {
  onResize = (): void => cleanup();
  componentDidMount(): void {
    window.addEventListener('resize', this.onResize);
  }
}`,
      errors: [{ messageId: 'listenerNeverRemoved', line: L(4), column: 5 }],
    },
    // A module-level bus, a handler per request.
    {
      code: `${prelude}export function handle(id: string): void {
  const onMessage = (m: string) => { if (m === id) cleanup(); };
  bus.on('message', onMessage);
}`,
      errors: [{ messageId: 'listenerNeverRemoved', line: L(3), column: 3 }],
    },
    // An effect with no cleanup: anonymous callback.
    {
      code: `${prelude}declare function useEffect(effect: () => void | (() => void), deps?: unknown[]): void;
export function useWindowSize(): void {
  useEffect(() => {
    window.addEventListener('resize', () => cleanup());
  }, []);
}`,
      errors: [
        {
          messageId: 'inlineListenerNeverRemoved',
          line: L(4),
          column: 5,
          suggestions: [
            {
              messageId: 'abortInNewCleanupSuggestion',
              output: `${prelude}declare function useEffect(effect: () => void | (() => void), deps?: unknown[]): void;
export function useWindowSize(): void {
  useEffect(() => {
    const listeners = new AbortController();
    window.addEventListener('resize', () => cleanup(), { signal: listeners.signal });
    return () => listeners.abort();
  }, []);
}`,
            },
          ],
        },
      ],
    },
    // A closure-held emitter, a listener per call of the returned method.
    {
      code: `${prelude}export function createStore() {
  const changes = new EventEmitter();
  return {
    watch(key: string): void {
      changes.on('change', (k: string) => { if (k === key) cleanup(); });
    },
  };
}`,
      errors: [{ messageId: 'inlineListenerNeverRemoved', line: L(5), column: 7 }],
    },
    // A field target, a listener per request; .bind() makes a new function each time.
    {
      code: `${prelude}export class Client {
  private readonly socket = new EventEmitter();
  send(): void {
    this.socket.on('data', this.onData.bind(this));
  }
  private onData(): void {}
}`,
      errors: [{ messageId: 'inlineListenerNeverRemoved', line: L(4), column: 5 }],
    },
    // once() with checkOnce.
    {
      code: `${prelude}export function waitExit(): void {
  process.once('exit', () => cleanup());
}`,
      options: [{ checkOnce: true }],
      errors: [{ messageId: 'onceListenerMayNeverFire', line: L(2), column: 3 }],
    },
    // The bare global addEventListener.
    {
      code: `${prelude}export function forward(handler: (e: MessageEvent) => void): void {
  const wrapped = (e: MessageEvent) => handler(e);
  addEventListener('message', wrapped);
}`,
      errors: [{ messageId: 'listenerNeverRemoved', line: L(3), column: 3 }],
    },
    // A listener per connection, on the process.
    {
      code: `${prelude}bus.on('connection', (socket: EventEmitter) => {
  process.on('SIGTERM', () => socket.emit('close'));
});`,
      errors: [{ messageId: 'inlineListenerNeverRemoved', line: L(2), column: 3 }],
    },

    // Something hanging on a global: document.body.
    {
      code: `${prelude}export function openMenu(): void {
  document.body.addEventListener('click', () => cleanup());
}`,
      errors: [{ messageId: 'inlineListenerNeverRemoved', line: L(2), column: 3 }],
    },
    // The caller's signal as an options property, through an alias.
    {
      code: `${prelude}export async function load(url: string, options: { signal: AbortSignal }): Promise<void> {
  const { signal } = options;
  const stop = () => cleanup();
  options.signal.addEventListener('abort', stop);
  void signal;
  await fetch(url);
}`,
      errors: [
        {
          messageId: 'listenerNeverRemoved',
          line: L(4),
          column: 3,
          suggestions: [
            {
              messageId: 'removeInFinallySuggestion',
              output: `${prelude}export async function load(url: string, options: { signal: AbortSignal }): Promise<void> {
  const { signal } = options;
  const stop = () => cleanup();
  options.signal.addEventListener('abort', stop);
  try {
    void signal;
    await fetch(url);
  } finally {
    options.signal.removeEventListener('abort', stop);
  }
}`,
            },
          ],
        },
      ],
    },
    // A removal of the same field in another class does not count.
    {
      code: `${prelude}export class A {
  onTick = (): void => cleanup();
  watch(): void {
    bus.on('tick', this.onTick);
  }
}
export class B {
  onTick = (): void => cleanup();
  unwatch(): void {
    bus.off('tick', this.onTick);
  }
}`,
      errors: [{ messageId: 'listenerNeverRemoved', line: L(4), column: 5 }],
    },
    // removeAllListeners for another event does not count.
    {
      code: `${prelude}export function track(): void {
  bus.on('tick', () => cleanup());
}
export function reset(): void {
  bus.removeAllListeners('tock');
}`,
      errors: [{ messageId: 'inlineListenerNeverRemoved', line: L(2), column: 3 }],
    },
    // A set-up name on a short-lived object still adds per object to a global target.
    {
      code: `${prelude}export function openStream(): ReadableStream<string> {
  return new ReadableStream<string>({
    start(controller) {
      window.addEventListener('message', (e: MessageEvent<string>) => controller.enqueue(e.data));
    },
  });
}`,
      errors: [
        {
          messageId: 'inlineListenerNeverRemoved',
          line: L(4),
          column: 7,
          data: {
            fn: '`start`',
            event: 'message',
            target: 'window',
            lifetime: 'lives as long as the page',
            until: '',
            remove: 'removeEventListener',
            alternative: ', or pass `{ signal }` from an AbortController you abort then',
          },
        },
      ],
    },
    // { once: false } does not remove anything; a static field is module-long.
    {
      code: `${prelude}export class Hub {
  static readonly events = new EventEmitter();
  static relay(): void {
    window.addEventListener('storage', () => cleanup(), { once: false });
  }
  send(): void {
    Hub.events.on('send', () => cleanup());
  }
}`,
      errors: [
        { messageId: 'inlineListenerNeverRemoved', line: L(4), column: 5 },
        {
          messageId: 'inlineListenerNeverRemoved',
          line: L(7),
          column: 5,
          data: {
            fn: '`send`',
            event: 'send',
            target: 'Hub.events',
            lifetime: 'is module-level and lives as long as the module',
            until: '',
            remove: 'removeListener',
            alternative: '',
          },
        },
      ],
    },
    // The once-flag is reset elsewhere, so the guarded call can run again.
    {
      code: `${prelude}export function handleRejections(): void {
  process.on('unhandledRejection', () => cleanup());
}
export class Creator {
  static installed = false;
  static make(): Creator {
    if (!Creator.installed) {
      handleRejections();
      Creator.installed = true;
    }
    return new Creator();
  }
  static reset(): void {
    Creator.installed = false;
  }
}`,
      errors: [{ messageId: 'inlineListenerNeverRemoved', line: L(2), column: 3 }],
    },
    // The memo is emptied elsewhere, so the call behind it can run again.
    {
      code: `${prelude}export async function handleRejections(): Promise<void> {
  process.on('unhandledRejection', () => cleanup());
}
export class Creator {
  static ready: Promise<void> | undefined;
  static async make(): Promise<Creator> {
    Creator.ready ??= handleRejections();
    await Creator.ready;
    return new Creator();
  }
  static reset(): void {
    Creator.ready = undefined;
  }
}`,
      errors: [{ messageId: 'inlineListenerNeverRemoved', line: L(2), column: 3 }],
    },
    // A constructor adds to the process, and objects are made per call: one listener per object.
    {
      code: `${prelude}class Tracker {
  constructor() {
    process.on('exit', () => this.flush());
  }
  flush(): void {}
}
export function track(): Tracker {
  return new Tracker();
}`,
      errors: [
        {
          messageId: 'inlineListenerNeverRemoved',
          line: L(3),
          column: 5,
          data: {
            fn: '`new Tracker()`',
            event: 'exit',
            target: 'process',
            lifetime: 'lives as long as the process',
            until: '',
            remove: 'removeListener',
            alternative: '',
          },
        },
      ],
    },
    // Through a method the constructor calls, with objects made per call.
    {
      code: `${prelude}class Tracker {
  constructor() {
    this.watch();
  }
  private watch(): void {
    process.on('exit', () => this.flush());
  }
  flush(): void {}
}
export function track(): Tracker {
  return new Tracker();
}`,
      errors: [
        {
          messageId: 'inlineListenerNeverRemoved',
          line: L(6),
          column: 5,
          data: {
            fn: '`watch`',
            event: 'exit',
            target: 'process',
            lifetime: 'lives as long as the process',
            until: '',
            remove: 'removeListener',
            alternative: '',
          },
        },
      ],
    },
    // A method called only from the constructor of an exported class the program never instantiates.
    {
      code: `${prelude}export class Monitor {
  constructor() {
    this.hook();
  }
  private hook(): void {
    process.on('warning', () => cleanup());
  }
}`,
      errors: [{ messageId: 'inlineListenerNeverRemoved', line: L(6), column: 5 }],
    },
    // An exported class the program never instantiates: its users may make any number.
    {
      code: `${prelude}export class Tracker {
  constructor() {
    process.on('exit', () => this.flush());
  }
  flush(): void {}
}`,
      errors: [{ messageId: 'inlineListenerNeverRemoved', line: L(3), column: 5 }],
    },
    // prependListener and addListener on the process, per call.
    {
      code: `${prelude}export function handle(): void {
  process.prependListener('warning', () => cleanup());
  process.addListener('beforeExit', () => cleanup());
}`,
      errors: [
        { messageId: 'inlineListenerNeverRemoved', line: L(2), column: 3 },
        { messageId: 'inlineListenerNeverRemoved', line: L(3), column: 3 },
      ],
    },

    // A wrapper is added, the wrapped function is removed: the wrapper stays.
    {
      code: `${prelude}declare function onTestFinished(fn: () => void): void;
export function spyOnRejections(spy: (error: unknown) => void): void {
  process.on('unhandledRejection', (error) => spy(error));
  onTestFinished(() => {
    process.off('unhandledRejection', spy);
  });
}`,
      errors: [{ messageId: 'inlineListenerNeverRemoved', line: L(3), column: 3 }],
    },

    // The handler removes itself on abort, but the timer resolves the sleep without removing it.
    {
      code: `${prelude}export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const onAbort = (): void => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      reject(signal?.reason);
    };
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', onAbort);
  });
}`,
      errors: [
        {
          messageId: 'listenerNeverRemoved',
          line: L(9),
          column: 5,
          suggestions: [
            {
              messageId: 'abortWhenSettledSuggestion',
              output: `${prelude}export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  const listeners = new AbortController();
  return new Promise<void>((resolve, reject) => {
    const onAbort = (): void => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      reject(signal?.reason);
    };
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', onAbort, { signal: listeners.signal });
  }).finally(() => listeners.abort());
}`,
            },
          ],
        },
      ],
    },
    // { once: true } goes only on abort; the timer settles the promise first.
    {
      code: `${prelude}export function delay(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(signal.reason);
    }, { once: true });
  });
}`,
      errors: [
        {
          messageId: 'inlineListenerNeverRemoved',
          line: L(4),
          column: 5,
          suggestions: [
            {
              messageId: 'abortWhenSettledSuggestion',
              output: `${prelude}export function delay(ms: number, signal: AbortSignal): Promise<void> {
  const listeners = new AbortController();
  return new Promise<void>((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(signal.reason);
    }, { once: true, signal: listeners.signal });
  }).finally(() => listeners.abort());
}`,
            },
          ],
        },
      ],
    },
    // The cleanup runs from the reply and error listeners only; the timeout rejects without it.
    {
      code: `${prelude}export class Rpc extends EventEmitter {
  call(id: string, timeoutMs: number): Promise<unknown> {
    return new Promise((resolve, reject) => {
      const event = 'reply:' + id;
      const cleanup = (): void => {
        this.off(event, onReply);
      };
      const onReply = (reply: unknown): void => {
        cleanup();
        resolve(reply);
      };
      this.on(event, onReply);
      setTimeout(() => reject(new Error('timed out')), timeoutMs);
    });
  }
}`,
      errors: [
        {
          messageId: 'listenerNeverRemoved',
          line: L(12),
          column: 7,
          data: {
            fn: '`call`',
            handler: 'onReply',
            event: 'event',
            target: 'this',
            lifetime: 'belongs to the object and outlives the call',
            until: ' but its event firing, and the `setTimeout` callback can settle the promise before it does',
            remove: 'removeListener',
            alternative: '',
          },
        },
      ],
    },

    // { once: true } goes only on abort; every retry pass adds a fresh handler to the caller's signal.
    {
      code: `${prelude}export async function retry(urls: string[], signal: AbortSignal): Promise<Response | undefined> {
  for (const url of urls) {
    const controller = new AbortController();
    const onAbort = (): void => controller.abort(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    try {
      return await fetch(url, { signal: controller.signal });
    } catch {
      continue;
    }
  }
  return undefined;
}`,
      errors: [
        {
          messageId: 'listenerNeverRemoved',
          line: L(5),
          column: 5,
          suggestions: [
            {
              messageId: 'removeInFinallySuggestion',
              output: `${prelude}export async function retry(urls: string[], signal: AbortSignal): Promise<Response | undefined> {
  for (const url of urls) {
    const controller = new AbortController();
    const onAbort = (): void => controller.abort(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    try {
      return await fetch(url, { signal: controller.signal });
    } catch {
      continue;
    } finally {
      signal.removeEventListener('abort', onAbort);
    }
  }
  return undefined;
}`,
            },
          ],
        },
      ],
    },

    // One controller made before the loop: every pass hands the same signal another listener.
    {
      code: `${prelude}function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
  });
}
export async function pump(): Promise<void> {
  const controller = new AbortController();
  for (let i = 0; i < 10; i++) await pause(100, controller.signal);
  controller.abort();
}`,
      errors: [
        {
          messageId: 'inlineListenerNeverRemoved',
          line: L(4),
          column: 5,
          suggestions: [
            {
              messageId: 'abortWhenSettledSuggestion',
              output: `${prelude}function pause(ms: number, signal: AbortSignal): Promise<void> {
  const listeners = new AbortController();
  return new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true, signal: listeners.signal },
    );
  }).finally(() => listeners.abort());
}
export async function pump(): Promise<void> {
  const controller = new AbortController();
  for (let i = 0; i < 10; i++) await pause(100, controller.signal);
  controller.abort();
}`,
            },
          ],
        },
      ],
    },
    // A start method of an exported service: every instance started adds its own signal handler.
    {
      code: `${prelude}export class ServiceManager {
  async startServer(): Promise<void> {
    const onSignal = (): void => cleanup();
    process.on('SIGINT', onSignal);
    await Promise.resolve();
  }
}`,
      errors: [
        {
          messageId: 'listenerNeverRemoved',
          line: L(4),
          column: 5,
          suggestions: [
            {
              messageId: 'removeInFinallySuggestion',
              output: `${prelude}export class ServiceManager {
  async startServer(): Promise<void> {
    const onSignal = (): void => cleanup();
    process.on('SIGINT', onSignal);
    try {
      await Promise.resolve();
    } finally {
      process.removeListener('SIGINT', onSignal);
    }
  }
}`,
            },
          ],
        },
      ],
    },
    // Suggestion: the cleanup the function returns also removes the listener (the handler is made per call).
    {
      code: `${prelude}export function watch(stream: NodeJS.WriteStream): () => void {
  const timer = setInterval(() => stream.write('.'), 80);
  const onExit = (): void => {
    stream.write('done');
  };
  process.on('exit', onExit);
  return () => clearInterval(timer);
}`,
      errors: [
        {
          messageId: 'listenerNeverRemoved',
          line: L(6),
          column: 3,
          suggestions: [
            {
              messageId: 'removeInCleanupSuggestion',
              output: `${prelude}export function watch(stream: NodeJS.WriteStream): () => void {
  const timer = setInterval(() => stream.write('.'), 80);
  const onExit = (): void => {
    stream.write('done');
  };
  process.on('exit', onExit);
  return () => {
    process.removeListener('exit', onExit);
    clearInterval(timer);
  };
}`,
            },
          ],
        },
      ],
    },
    // Suggestion: an inline listener on an EventTarget in a branch, with a returned cleanup: a controller's signal.
    {
      code: `${prelude}export function follow(outer: AbortSignal | undefined, inner: AbortController): () => void {
  if (outer) {
    outer.addEventListener('abort', () => inner.abort());
  }
  return () => {
    inner.abort();
  };
}`,
      errors: [
        {
          messageId: 'inlineListenerNeverRemoved',
          line: L(3),
          column: 5,
          suggestions: [
            {
              messageId: 'abortInCleanupSuggestion',
              output: `${prelude}export function follow(outer: AbortSignal | undefined, inner: AbortController): () => void {
  const listeners = new AbortController();
  if (outer) {
    outer.addEventListener('abort', () => inner.abort(), { signal: listeners.signal });
  }
  return () => {
    listeners.abort();
    inner.abort();
  };
}`,
            },
          ],
        },
      ],
    },
    // Suggestion: an effect that returns nothing returns a cleanup that removes the listener.
    {
      code: `${prelude}declare function useEffect(effect: () => void | (() => void), deps?: unknown[]): void;
export function useScroll(onScroll: () => void): void {
  useEffect(() => {
    const listener = (): void => onScroll();
    window.addEventListener('scroll', listener);
  }, [onScroll]);
}`,
      errors: [
        {
          messageId: 'listenerNeverRemoved',
          line: L(5),
          column: 5,
          suggestions: [
            {
              messageId: 'removeInNewCleanupSuggestion',
              output: `${prelude}declare function useEffect(effect: () => void | (() => void), deps?: unknown[]): void;
export function useScroll(onScroll: () => void): void {
  useEffect(() => {
    const listener = (): void => onScroll();
    window.addEventListener('scroll', listener);
    return () => window.removeEventListener('scroll', listener);
  }, [onScroll]);
}`,
            },
          ],
        },
      ],
    },
    // Suggestion: a capture listener is not removed by name (the flag would have to match): a controller's signal instead.
    {
      code: `${prelude}export async function track(url: string): Promise<void> {
  const onKey = (event: KeyboardEvent): void => console.log(event.key);
  document.addEventListener('keydown', onKey, true);
  await fetch(url);
}`,
      errors: [
        {
          messageId: 'listenerNeverRemoved',
          line: L(3),
          column: 3,
          suggestions: [
            {
              messageId: 'abortInFinallySuggestion',
              output: `${prelude}export async function track(url: string): Promise<void> {
  const onKey = (event: KeyboardEvent): void => console.log(event.key);
  const listeners = new AbortController();
  document.addEventListener('keydown', onKey, { capture: true, signal: listeners.signal });
  try {
    await fetch(url);
  } finally {
    listeners.abort();
  }
}`,
            },
          ],
        },
      ],
    },
    // No suggestion: a sync function that returns no cleanup has no place where its work ends.
    {
      code: `${prelude}export function mkTemp(dir: string): string {
  process.on('exit', () => console.log(dir));
  return dir;
}`,
      errors: [{ messageId: 'inlineListenerNeverRemoved', line: L(2), column: 3, suggestions: [] }],
    },
    // No suggestion: a handler shared by every call, added in a branch: removing it could remove another call's
    // (and the guard's flag is written elsewhere, so setting it here is not the fix).
    {
      code: `${prelude}function onHangUp(): void {
  cleanup();
}
let installed = false;
export function addHook(hook: () => void): () => void {
  if (!installed) {
    process.on('SIGHUP', onHangUp);
  }
  return () => void hook;
}
export function uninstall(): void {
  installed = false;
}`,
      errors: [{ messageId: 'listenerNeverRemoved', line: L(7), column: 5, suggestions: [] }],
    },
    // Suggestion: an inline listener on an emitter (no \`{ signal }\` option) is first kept in a \`const\`.
    {
      code: `${prelude}export async function relay(url: string): Promise<void> {
  process.on('SIGINT', () => cleanup());
  await fetch(url);
}`,
      errors: [
        {
          messageId: 'inlineListenerNeverRemoved',
          line: L(2),
          column: 3,
          suggestions: [
            {
              messageId: 'removeInFinallySuggestion',
              output: `${prelude}export async function relay(url: string): Promise<void> {
  const onSIGINT = () => cleanup();
  process.on('SIGINT', onSIGINT);
  try {
    await fetch(url);
  } finally {
    process.removeListener('SIGINT', onSIGINT);
  }
}`,
            },
          ],
        },
      ],
    },
    // No suggestion: an inline listener whose parameters take their types from the registration cannot be moved.
    {
      code: `${prelude}export async function relay(url: string): Promise<void> {
  bus.on('data', (chunk) => console.log(chunk));
  await fetch(url);
}`,
      errors: [{ messageId: 'inlineListenerNeverRemoved', line: L(2), column: 3, suggestions: [] }],
    },
    // Suggestion: the removal passes another inline function; it is made to pass the handler.
    {
      code: `${prelude}export class Runner {
  fail(error: Error): void {
    console.log(error);
  }
  run(): void {
    const uncaught = (error: Error): void => this.fail(error);
    process.on('uncaughtException', uncaught);
    bus.once('end', () => {
      process.removeListener('uncaughtException', (error: Error) => this.fail(error));
    });
  }
}`,
      errors: [
        {
          messageId: 'listenerNeverRemoved',
          line: L(7),
          column: 5,
          suggestions: [
            {
              messageId: 'passSameListenerSuggestion',
              output: `${prelude}export class Runner {
  fail(error: Error): void {
    console.log(error);
  }
  run(): void {
    const uncaught = (error: Error): void => this.fail(error);
    process.on('uncaughtException', uncaught);
    bus.once('end', () => {
      process.removeListener('uncaughtException', uncaught);
    });
  }
}`,
            },
          ],
        },
      ],
    },
    // Suggestion: an inline listener removed as another function later in the block: kept in a \`const\`.
    {
      code: `${prelude}export function subscribe(client: NodeJS.EventEmitter, send: (event: string) => void): void {
  bus.on('event', (event: string) => {
    send(event.toUpperCase());
  });
  client.on('close', () => bus.removeListener('event', send));
}`,
      errors: [
        {
          messageId: 'inlineListenerNeverRemoved',
          line: L(2),
          column: 3,
          suggestions: [
            {
              messageId: 'nameSameListenerSuggestion',
              output: `${prelude}export function subscribe(client: NodeJS.EventEmitter, send: (event: string) => void): void {
  const onEvent = (event: string) => {
    send(event.toUpperCase());
  };
  bus.on('event', onEvent);
  client.on('close', () => bus.removeListener('event', onEvent));
}`,
            },
          ],
        },
      ],
    },
    // Suggestion: an inline listener added in one method and removed as another inline one in another: a field.
    {
      code: `${prelude}export class Section {
  height = 0;
  mount(): void {
    window.addEventListener('resize', () => this.measure());
  }
  unmount(): void {
    window.removeEventListener('resize', () => this.measure());
  }
  measure(): void {
    this.height = window.innerHeight;
  }
}`,
      errors: [
        {
          messageId: 'inlineListenerNeverRemoved',
          line: L(4),
          column: 5,
          suggestions: [
            {
              messageId: 'nameSameListenerSuggestion',
              output: `${prelude}export class Section {
  height = 0;
  private readonly onResize = () => this.measure();

  mount(): void {
    window.addEventListener('resize', this.onResize);
  }
  unmount(): void {
    window.removeEventListener('resize', this.onResize);
  }
  measure(): void {
    this.height = window.innerHeight;
  }
}`,
            },
          ],
        },
      ],
    },
    // No suggestion: two removals pass other functions; which one was meant is not known.
    {
      code: `${prelude}export function subscribe(client: NodeJS.EventEmitter, send: () => void, drop: () => void): void {
  bus.on('event', () => send());
  client.on('close', () => bus.removeListener('event', send));
  client.on('end', () => bus.removeListener('event', drop));
}`,
      errors: [{ messageId: 'inlineListenerNeverRemoved', line: L(2), column: 3, suggestions: [] }],
    },
    // Suggestion: a once-guard whose flag nothing sets.
    {
      code: `${prelude}function onHangUp(): void {
  cleanup();
}
let ready = false;
export function addHook(hook: () => void): void {
  void hook;
  if (!ready) {
    process.on('SIGHUP', onHangUp);
  }
}`,
      errors: [
        {
          messageId: 'listenerNeverRemoved',
          line: L(8),
          column: 5,
          suggestions: [
            {
              messageId: 'setGuardFlagSuggestion',
              output: `${prelude}function onHangUp(): void {
  cleanup();
}
let ready = false;
export function addHook(hook: () => void): void {
  void hook;
  if (!ready) {
    process.on('SIGHUP', onHangUp);
    ready = true;
  }
}`,
            },
          ],
        },
      ],
    },
    // No suggestion: an emitter's listener in a promise executor cannot be reached from \`.finally()\`.
    {
      code: `${prelude}export function next(): Promise<string> {
  return new Promise<string>((resolve) => {
    const onData = (data: string): void => resolve(data);
    bus.on('data', onData);
  });
}`,
      errors: [{ messageId: 'listenerNeverRemoved', line: L(4), column: 5, suggestions: [] }],
    },
    // No suggestion: \`.finally()\` would take the promise out of its expected type, and none is written.
    {
      code: `${prelude}export const wait = (signal: AbortSignal): Promise<number> | undefined =>
  Math.random() > 0.5
    ? new Promise((resolve) => {
        signal.addEventListener('abort', () => resolve(1));
      })
    : undefined;`,
      errors: [{ messageId: 'inlineListenerNeverRemoved', line: L(4), column: 9, suggestions: [] }],
    },
    // No suggestion: the removal's target is written alike but is another function's parameter.
    {
      code: `${prelude}export function subscribe(): void {
  bus.on('event', () => cleanup());
}
export function unsubscribe(bus: NodeJS.EventEmitter): void {
  bus.removeListener('event', cleanup);
}`,
      errors: [{ messageId: 'inlineListenerNeverRemoved', line: L(2), column: 3, suggestions: [] }],
    },
    // No suggestion: the rest of the call holds a function declaration, which cannot move into \`try\`.
    {
      code: `${prelude}export async function poll(signal: AbortSignal): Promise<void> {
  const onAbort = (): void => cleanup();
  signal.addEventListener('abort', onAbort);
  await tick();
  function tick(): Promise<void> {
    return Promise.resolve();
  }
}`,
      errors: [{ messageId: 'listenerNeverRemoved', line: L(3), column: 3, suggestions: [] }],
    },
    // Suggestion in a JavaScript file: the field gets no TypeScript modifiers.
    {
      filename: 'script.js',
      code: `export class Section {
  height = 0;
  mount() {
    window.addEventListener('resize', () => this.measure());
  }
  unmount() {
    window.removeEventListener('resize', () => this.measure());
  }
  measure() {
    this.height = window.innerHeight;
  }
}`,
      errors: [
        {
          messageId: 'inlineListenerNeverRemoved',
          line: 4,
          column: 5,
          suggestions: [
            {
              messageId: 'nameSameListenerSuggestion',
              output: `export class Section {
  height = 0;
  onResize = () => this.measure();

  mount() {
    window.addEventListener('resize', this.onResize);
  }
  unmount() {
    window.removeEventListener('resize', this.onResize);
  }
  measure() {
    this.height = window.innerHeight;
  }
}`,
            },
          ],
        },
      ],
    },
    // No suggestion: the handler's name is assigned again after the registration; \`finally\` would remove another function.
    {
      code: `${prelude}export async function watch(url: string): Promise<void> {
  let onTick = (): void => cleanup();
  bus.on('tick', onTick);
  onTick = (): void => undefined;
  await fetch(url);
  onTick();
}`,
      errors: [{ messageId: 'listenerNeverRemoved', line: L(3), column: 3, suggestions: [] }],
    },
    // Suggestion in a JavaScript file: a promise of \`unknown\` keeps its type through \`.finally()\`.
    {
      filename: 'script.js',
      code: `/**
 * @param {AbortSignal} signal
 */
export function wait(signal) {
  return new Promise((resolve) => {
    signal.addEventListener('abort', () => resolve(undefined));
  });
}`,
      errors: [
        {
          messageId: 'inlineListenerNeverRemoved',
          line: 6,
          column: 5,
          suggestions: [
            {
              messageId: 'abortWhenSettledSuggestion',
              output: `/**
 * @param {AbortSignal} signal
 */
export function wait(signal) {
  const listeners = new AbortController();
  return new Promise((resolve) => {
    signal.addEventListener('abort', () => resolve(undefined), { signal: listeners.signal });
  }).finally(() => listeners.abort());
}`,
            },
          ],
        },
      ],
    },
    // No suggestion in a JavaScript file: the promise's type comes from JSDoc, and \`.finally()\` would lose it.
    {
      filename: 'script.js',
      code: `/**
 * @param {AbortSignal} signal
 * @returns {Promise<number>}
 */
export function wait(signal) {
  return new Promise((resolve) => {
    signal.addEventListener('abort', () => resolve(1));
  });
}`,
      errors: [{ messageId: 'inlineListenerNeverRemoved', line: 7, column: 5, suggestions: [] }],
    },
    // A guard flag that another guard reads too: setting it here would hold that code back as well, so no suggestion.
    {
      code: `let ready = false;
function onHangUp(): void {}
function onTerm(): void {}
export function addHook(h: () => void): void {
  void h;
  if (!ready) {
    process.on('SIGHUP', onHangUp);
  }
}
export function addTermHook(h: () => void): void {
  void h;
  if (!ready) {
    process.on('SIGTERM', onTerm);
  }
}
`,
      errors: [
        { messageId: 'listenerNeverRemoved', line: 7, column: 5, suggestions: [] },
        { messageId: 'listenerNeverRemoved', line: 13, column: 5, suggestions: [] },
      ],
    },
    // The together check (case 31): a registration in a `try` block is reached through it; the `try` goes into a new `try` whose `finally` removes the listener.
    {
      code: `export async function run(start: () => Promise<void>): Promise<void> {
  const cleanup = (): void => {};
  try {
    process.on('SIGTERM', cleanup);
    await start();
  } finally {
    console.log('done');
  }
}
`,
      errors: [
        {
          messageId: 'listenerNeverRemoved',
          line: 4,
          column: 5,
          suggestions: [
            {
              messageId: 'removeInFinallySuggestion',
              output: `export async function run(start: () => Promise<void>): Promise<void> {
  const cleanup = (): void => {};
  try {
    try {
      process.on('SIGTERM', cleanup);
      await start();
    } finally {
      console.log('done');
    }
  } finally {
    process.removeListener('SIGTERM', cleanup);
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
