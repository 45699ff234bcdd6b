/**
 * Names the analysis uses as evidence, in one place. Each list says what kind
 * of evidence it is; a name is a tie-breaker unless its list says it is matched
 * against a declaration that the type checker resolved.
 */

/**
 * Built-ins that read a collection passed to them and keep nothing of it:
 * its keys, values or entries copied out, or its text. Matched against the
 * declaration the checker resolves in TypeScript's libraries
 * (`calledBuiltin`), so a program's own `keys()` is not one. Passing a
 * collection to them is a read, not a hand-over to code that might shrink it.
 */
export const READING_BUILTINS: ReadonlySet<string> = new Set([
  'ObjectConstructor.keys',
  'ObjectConstructor.values',
  'ObjectConstructor.entries',
  'ObjectConstructor.getOwnPropertyNames',
  'JSON.stringify',
  'ArrayConstructor.from',
  'ArrayConstructor.isArray',
]);

/**
 * Built-ins that print a diagnostic for a person to read: the console's
 * methods and Node's `process.emitWarning`. Matched against the declaration
 * the checker resolves in TypeScript's libraries or Node's types
 * (`calledBuiltin`), never against a program's own `warn()`.
 */
export const DIAGNOSTIC_BUILTINS: ReadonlySet<string> = new Set([
  'Console.warn',
  'Console.error',
  'Console.log',
  'Console.info',
  'Console.debug',
  'Console.trace',
  'Process.emitWarning',
]);

/**
 * Methods a `WeakMap` or `WeakSet` also has: a `Map` or `Set` used only
 * through these (with object keys) can become weak.
 */
export const WEAK_COLLECTION_METHODS: ReadonlySet<string> = new Set(['get', 'has', 'set', 'add', 'delete']);

/** Names of class methods that make the class a container: its callers own the bound. */
export const CONTAINER_METHOD = /^(set|add|put|push|store|insert|save|register)$/;

/** Names of hooks that only tests call (`resetForTests`, `__clearForTesting`): code production never runs. */
export const TEST_HOOK = /(For|In|Only)_?(Tests?|Testing)$|^_*(test|testing)[A-Z_]/;

/** Source text of a call or `delete` that removes entries, matched against a function's text. */
export const SHRINK_TEXT = /\.(delete|clear|splice|shift|pop)\(|\bdelete\s/;

/** Source text of a synchronous file-system read, matched against a function's text: start-up or tooling code. */
export const SYNC_FS_TEXT = /\b(readFileSync|readdirSync|statSync|lstatSync|existsSync|realpathSync)\(/;

/**
 * Built-ins that cannot throw to their caller, as `Container.member` (or the
 * bare name of a global function) of the declaration a call resolves to. Only
 * declarations in TypeScript's default library or in Node's type definitions
 * count, so a user's own `clearTimeout` or `Math` is never taken for these.
 *
 * - timers: clearing takes any value and never throws; arming one, or
 *   queueing a microtask, takes a function (its callback throws later, when
 *   it runs, not in the call that arms it);
 * - the console's `log`/`info`/`warn`/`error`/`debug`: Node's console drops
 *   write errors instead of throwing them;
 * - `Math` and the clocks: pure arithmetic on numbers;
 * - `AbortController.abort()`: listeners run inside it, but an exception in a
 *   listener is reported by the event target, not thrown to the caller;
 * - `Map`/`Set` lookups and updates;
 * - adding or removing a listener (a listener that throws does so later, when
 *   the event is dispatched, not in the call that adds it);
 * - string and array queries that take no callback, and pushing onto an array;
 * - a Node timer's `ref`/`unref`/`hasRef`/`refresh`;
 * - making an empty collection or an error (`new Map()`, `new Error(…)`, as
 *   `new MapConstructor`), and `new Promise(…)`, which turns a throw in its
 *   executor into a rejection.
 */
export const NON_THROWING_BUILTINS: ReadonlySet<string> = new Set([
  'clearTimeout',
  'clearInterval',
  'clearImmediate',
  'setTimeout',
  'setInterval',
  'setImmediate',
  'queueMicrotask',
  'Console.log',
  'Console.info',
  'Console.warn',
  'Console.error',
  'Console.debug',
  'Math.abs',
  'Math.ceil',
  'Math.floor',
  'Math.max',
  'Math.min',
  'Math.random',
  'Math.round',
  'Math.sign',
  'Math.trunc',
  'DateConstructor.now',
  'Performance.now',
  'AbortController.abort',
  'Map.get',
  'Map.has',
  'Map.set',
  'Map.delete',
  'Map.clear',
  'Set.add',
  'Set.has',
  'Set.delete',
  'Set.clear',
  'WeakMap.get',
  'WeakMap.has',
  'WeakMap.set',
  'WeakMap.delete',
  'WeakSet.add',
  'WeakSet.has',
  'WeakSet.delete',
  'EventTarget.addEventListener',
  'EventTarget.removeEventListener',
  'EventEmitter.on',
  'EventEmitter.once',
  'EventEmitter.off',
  'EventEmitter.addListener',
  'EventEmitter.prependListener',
  'EventEmitter.prependOnceListener',
  'EventEmitter.removeListener',
  'EventEmitter.removeAllListeners',
  'String.toUpperCase',
  'String.toLowerCase',
  'String.trim',
  'String.trimStart',
  'String.trimEnd',
  'String.startsWith',
  'String.endsWith',
  'String.includes',
  'String.indexOf',
  'String.lastIndexOf',
  'String.slice',
  'String.substring',
  'String.charAt',
  'String.charCodeAt',
  'Array.push',
  'Array.indexOf',
  'Array.includes',
  'Array.slice',
  'Array.at',
  'ReadonlyArray.indexOf',
  'ReadonlyArray.includes',
  'ReadonlyArray.slice',
  'ReadonlyArray.at',
  'new MapConstructor',
  'new SetConstructor',
  'new WeakMapConstructor',
  'new WeakSetConstructor',
  'new ErrorConstructor',
  'new PromiseConstructor',
  'Timeout.ref',
  'Timeout.unref',
  'Timeout.hasRef',
  'Timeout.refresh',
  'ArrayConstructor.isArray',
  'NumberConstructor.isFinite',
  'NumberConstructor.isInteger',
  'NumberConstructor.isNaN',
  'ObjectConstructor.is',
]);

/**
 * Of `NON_THROWING_BUILTINS`, the collection constructors that iterate their
 * argument (`new Map(entries)`): they cannot throw only when it is an array,
 * whose iteration runs no code of the program.
 */
export const ITERATING_CONSTRUCTORS: ReadonlySet<string> = new Set([
  'new MapConstructor',
  'new SetConstructor',
  'new WeakMapConstructor',
  'new WeakSetConstructor',
]);

/**
 * Methods that release a handle whose type is disposable (it declares
 * `[Symbol.dispose]` or `[Symbol.asyncDispose]`): a tie-breaker for which call
 * on such a handle is its release. The type is the evidence that the handle is
 * a resource; a name alone never makes one.
 */
export const DISPOSE_METHODS: ReadonlySet<string> = new Set([
  'close',
  'destroy',
  'dispose',
  'end',
  'endSession',
  'release',
  'disconnect',
  'quit',
  'terminate',
]);

/**
 * Array methods that run the callbacks written at the call in place and throw
 * only when one of them does. Narrower than `SYNC_CALLBACK_METHODS`:
 * `reduce()` and `reduceRight()` throw on an empty array without an initial
 * value whatever the callback does, and `Array.from()` iterates what it is
 * handed, which can throw on its own.
 */
export const IN_PLACE_ARRAY_METHODS: ReadonlySet<string> = new Set([
  'forEach',
  'map',
  'filter',
  'some',
  'every',
  'find',
  'findIndex',
  'findLast',
  'findLastIndex',
  'flatMap',
]);

/**
 * Methods that chain a reaction on a promise: the chain settles no earlier
 * than the promise, and each callback passed runs at most once. Matched on a
 * receiver whose type is a promise (it has a `then` method).
 */
export const PROMISE_REACTIONS: ReadonlySet<string> = new Set(['then', 'catch', 'finally']);

/**
 * Property reads that consult a cancellation state (`signal.aborted`,
 * `signal.throwIfAborted()`, `token.isCancellationRequested`), whatever the
 * receiver's type: a loop that reads one can be stopped from outside.
 */
export const CANCELLATION_READS: ReadonlySet<string> = new Set([
  'aborted',
  'throwIfAborted',
  'isCancellationRequested',
]);

/**
 * Events a Node.js stream, socket, server or child process, or a DOM target,
 * emits at most once: after its listener has run, no second call comes. A
 * tie-breaker matched only on an emitter whose type the checker resolves to
 * Node's typings or the DOM's (`failingEmitterKind`), never on a program's own
 * emitter.
 */
export const ONE_SHOT_EVENTS: ReadonlySet<string> = new Set([
  'end',
  'finish',
  'close',
  'exit',
  'load',
  'loadend',
  'open',
  'listening',
  'connect',
  'response',
]);

/**
 * Events after which a failed emitter says nothing more (`error`, a stream's
 * `close`, a DOM request's `loadend`): a listener on one that settles a
 * promise covers the emitter's failure. Matched on the emitters a promise's
 * executor listens on.
 */
export const TERMINAL_EVENTS: ReadonlySet<string> = new Set(['error', 'close', 'loadend']);

/**
 * Node.js classes whose last event is known, by the module of Node's typings
 * that declares them: a listener on it hears the emitter's end whatever
 * happened before. A `worker_threads` `Worker` emits `exit` once it has
 * stopped, after an uncaught error too (`error`, then `exit`). Matched on the
 * class or a class that extends it, through the checker.
 */
export const NODE_FINAL_EVENTS: readonly { module: string; className: string; events: ReadonlySet<string> }[] = [
  { module: 'worker_threads', className: 'Worker', events: new Set(['exit']) },
];

/**
 * Properties of Node.js classes that hold a connection's socket, which
 * outlives the request it is reached through: a keep-alive connection
 * carries many requests, one after the other. Matched on the class of
 * Node's typings that declares the property, through the checker.
 */
export const NODE_SHARED_SOCKETS: readonly { module: string; className: string; properties: ReadonlySet<string> }[] = [
  { module: 'http', className: 'IncomingMessage', properties: new Set(['socket', 'connection']) },
];

/**
 * Events whose listener covers a stream's failure: a source piped into a
 * destination that `pipe()` does not forward errors to is heard through one.
 */
export const FAILURE_EVENTS: ReadonlySet<string> = new Set(['error', 'close']);

/**
 * DOM events that mean "it worked" on targets that can fail (`img`,
 * `XMLHttpRequest`, `WebSocket`, `FileReader`, `IDBRequest`, `Worker`).
 * Matched only on a target whose type the checker resolves to the DOM's
 * typings (`failingEmitterKind`).
 */
export const DOM_SUCCESS_EVENTS: ReadonlySet<string> = new Set([
  'load',
  'open',
  'success',
  'message',
  'complete',
  'loadeddata',
  'loadedmetadata',
  'canplay',
  'canplaythrough',
  'upgradeneeded',
]);

/**
 * String methods whose result is a function of the receiver and the
 * arguments alone: a bounded receiver with bounded arguments gives a bounded
 * result. Matched only on a receiver the checker types as a string.
 */
export const PURE_STRING_METHODS: ReadonlySet<string> = new Set([
  'toLowerCase',
  'toUpperCase',
  'toLocaleLowerCase',
  'toLocaleUpperCase',
  'trim',
  'trimStart',
  'trimEnd',
  'toString',
  'normalize',
  'slice',
  'substring',
  'padStart',
  'padEnd',
]);

/**
 * Calls that keep a callback and call it later, again and again: event
 * registrations, subscriptions, intervals and route handlers. Matched on the
 * called member's name.
 */
export const REGISTRATIONS: ReadonlySet<string> = new Set([
  'on',
  'addListener',
  'prependListener',
  'addEventListener',
  'subscribe',
  'setInterval',
  'use',
  'get',
  'post',
  'put',
  'patch',
  'all',
  'handle',
  'register',
  'listen',
  'watch',
  'observe',
  'tap',
  'tapAsync',
  'tapPromise',
]);

/**
 * Built-ins that return a new value on every call (a clock, a random number,
 * a UUID, a symbol), as `Container.member` of the declaration a call resolves
 * to in TypeScript's library or Node's types: a key made from one is new on
 * every call.
 */
export const FRESH_VALUE_BUILTINS: ReadonlySet<string> = new Set([
  'DateConstructor.now',
  'Performance.now',
  'Math.random',
  'Crypto.randomUUID',
  'randomUUID',
  'randomBytes',
  'SymbolConstructor',
]);

/**
 * Events an emitter sends once, when it is closed for good (a socket, a
 * stream, a WebSocket): a tie-breaker for which handler ends the life of the
 * object that owns the emitter.
 */
export const CLOSE_EVENTS: ReadonlySet<string> = new Set(['close']);

/**
 * Calls on a listener's target that end the target's life where they are
 * made (closed, destroyed, stripped of every listener): the listeners it
 * holds go with it. Matched on the called member's name, on a receiver that
 * is the listener's own target.
 */
export const TARGET_TEARDOWN_CALLS: ReadonlySet<string> = new Set([
  'close',
  'destroy',
  'end',
  'terminate',
  'dispose',
  'abort',
  'disconnect',
  'kill',
  'removeAllListeners',
]);

/**
 * A comment that tells a tool something about the next line (`// @ts-expect-error`,
 * `// eslint-disable-next-line`, coverage and formatter pragmas): a fix must not move
 * it away from that line, nor move that line away from it.
 */
export const TOOL_DIRECTIVE = /^\s*(?:@ts-|eslint-|istanbul\b|c8\b|prettier-ignore|biome-ignore)/;
