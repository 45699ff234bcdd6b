import rule from '../../src/rules/no-unsettled-promise.js';
import { typedRuleTester } from '../rule-tester.js';

const ruleTester = typedRuleTester();

const prelude = `import { readFile, createReadStream, createWriteStream } from 'node:fs';
import { EventEmitter } from 'node:events';
import { spawn } from 'node:child_process';
import type { Server } from 'node:net';
declare function lookup(key: string, cb: (err: Error | null, value?: string) => void): void;
declare function register(cb: (value: string) => void): void;
declare function fail(message: string): never;
`;
// Code lines start after the prelude's seven lines.
const L = (line: number) => line + 7;
// A client that keeps each request's settlers in a map, settled by the socket's message listener.
const client = `class Rpc {
  private nextId = 0;
  private readonly pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  constructor(private readonly ws: WebSocket) {
    ws.addEventListener('message', (event: MessageEvent<string>) => {
      const msg = JSON.parse(event.data) as { id: number; result: unknown };
      const entry = this.pending.get(msg.id);
      this.pending.delete(msg.id);
      entry?.resolve(msg.result);
    });%EXTRA%
  }
  call(method: string): Promise<unknown> {
    const id = ++this.nextId;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.ws.send(JSON.stringify({ id, method }));
    });
  }%METHOD%
}`;

ruleTester.run('no-unsettled-promise', rule, {
  valid: [
    // \`reject(e)\` in a \`catch\` before a \`finally\`: ESLint forks at the call itself (a throw of the
    // settler, which never comes), and its argument cannot throw: the path settles.
    `declare function work(): Promise<number>;
const pending = new Map<number, Promise<number>>();
export function run(key: number, ok: boolean): Promise<number> {
  const p = new Promise<number>(async (resolve, reject) => {
    try {
      if (!ok) {
        throw new TypeError('no');
      }
      resolve(await work());
    } catch (e) {
      reject(e);
    } finally {
      pending.delete(key);
    }
  });
  pending.set(key, p);
  return p;
}`,
    // \`reject(new Error(String(e)))\` there: outside a \`try\` block, the forks of its arguments stand
    // for the handler's own bookkeeping failing, not for work that fails.
    `declare function work(): Promise<number>;
const pending = new Map<number, Promise<number>>();
export function run(key: number, ok: boolean): Promise<number> {
  const p = new Promise<number>(async (resolve, reject) => {
    try {
      if (!ok) {
        throw new TypeError('no');
      }
      resolve(await work());
    } catch (e) {
      reject(new Error(String(e)));
    } finally {
      pending.delete(key);
    }
  });
  pending.set(key, p);
  return p;
}`,
    // \`trim()\` cannot throw: \`resolve\` runs whenever the \`try\` is entered.
    `${prelude}export function parse(text: string): Promise<unknown> {
  return new Promise((resolve) => {
    try {
      resolve(text.trim());
    } catch (error) {
      console.error(error);
    }
  });
}`,
    // The hand-off is the first thing the \`try\` runs and nothing before it can throw: a throw in
    // the block comes after it, though ESLint enters the \`catch\` at the block's first read.
    `${prelude}interface Extension {
  afterUnload(count: number): Promise<void>;
}
export class Host {
  private readonly extensions: Extension[] = [];
  constructor(private readonly count: () => number) {}
  close(): Promise<void> {
    return new Promise<void>((resolve) => {
      try {
        this.extensions.push({ afterUnload: async (count) => { if (count === 0) resolve(); } });
        if (this.count() === 0) resolve();
      } catch (error) {
        console.error(error);
      }
    });
  }
}`,
    // A \`const\` copy of the stream is the same emitter: its \`error\` listener settles the promise.
    `${prelude}export function drain(path: string): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const stream = createReadStream(path);
    const same = stream;
    same.on('error', reject);
    stream.on('end', resolve);
    stream.resume();
  });
}`,
    // An async executor whose awaits cannot reject: a resolve-only timer, a chain ending in .catch.
    `${prelude}declare function load(key: string): Promise<string>;
export function later(key: string): Promise<string> {
  return new Promise<string>(async (resolve, reject) => {
    await new Promise<void>((done) => setTimeout(done, 100));
    const value = await load(key).catch(reject);
    resolve(value ?? '');
  });
}`,
    // An async executor whose awaits are all caught, and an await after it has settled.
    `${prelude}declare function load(key: string): Promise<string>;
declare function audit(key: string): Promise<void>;
export function fetchValue(key: string): Promise<string> {
  return new Promise<string>(async (resolve, reject) => {
    try {
      resolve(await load(key));
    } catch (error) {
      reject(error);
      return;
    }
    await audit(key);
  });
}`,
    // A settling abort listener is a deadline: the promise settles whatever the socket does.
    `${prelude}export function ask(socket: WebSocket, ms: number) {
  return new Promise<string>((resolve, reject) => {
    const signal = AbortSignal.timeout(ms);
    signal.addEventListener('abort', () => reject(new Error('timed out')), { once: true });
    socket.addEventListener('message', (event: MessageEvent<string>) => resolve(event.data), { signal });
  });
}`,
    // A timer promise.
    `${prelude}export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));`,
    // Deliberately never settles.
    `${prelude}export const forever = new Promise<void>(() => {});
export const forever2 = new Promise<void>((_resolve) => {});
export const forever3 = new Promise<void>((resolve) => {});`,
    // A node-style callback that settles on both branches.
    `${prelude}export function a(key: string) {
  return new Promise<string | undefined>((resolve, reject) => {
    lookup(key, (err, value) => (err ? reject(err) : resolve(value)));
  });
}`,
    // The error branch hands reject on through a local helper.
    `${prelude}export function b(key: string) {
  return new Promise<string | undefined>((resolve, reject) => {
    function finish(err: Error | null, value?: string) {
      if (err) reject(err);
      else resolve(value);
    }
    lookup(key, (err, value) => {
      if (err) return finish(err);
      finish(null, value);
    });
  });
}`,
    // Both listeners on a stream, chained.
    `${prelude}export function c(path: string) {
  return new Promise<void>((resolve, reject) => {
    createReadStream(path).on('end', resolve).on('error', reject).resume();
  });
}`,
    // 'close' covers failure too.
    `${prelude}export function d(path: string) {
  return new Promise<void>((resolve) => {
    const out = createWriteStream(path);
    out.on('close', () => resolve());
    out.end('x');
  });
}`,
    // A plain EventEmitter declares no 'error' event: its events are the program's own.
    `${prelude}export function e(bus: EventEmitter) {
  return new Promise<void>((resolve) => {
    bus.once('ready', () => resolve());
  });
}`,
    // resolve handed to an unknown function: trusted.
    `${prelude}export function f() {
  return new Promise<string>((resolve) => {
    register(resolve);
  });
}`,
    // Stored for later: a deferred.
    `${prelude}const waiters: Array<() => void> = [];
export function g() {
  return new Promise<void>((resolve) => {
    waiters.push(resolve);
  });
}`,
    // An exhaustive switch, and a path that ends in a never-returning call.
    `${prelude}export function h(kind: 'a' | 'b', ok: boolean) {
  return new Promise<number>((resolve, reject) => {
    if (!ok) fail('bad');
    switch (kind) {
      case 'a':
        resolve(1);
        break;
      case 'b':
        reject(new Error('b'));
        break;
    }
  });
}`,
    // A listener that settles on some events only: listeners are not path-checked.
    `${prelude}export function i(path: string) {
  return new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    const s = createReadStream(path);
    s.on('data', (chunk) => {
      chunks.push(chunk as Buffer);
      if (chunks.length > 10) resolve(Buffer.concat(chunks));
    });
    s.on('error', reject);
  });
}`,
    // A callback that does not settle on every path, but the executor settles after it anyway.
    `${prelude}export function j(key: string) {
  return new Promise<void>((resolve, reject) => {
    lookup(key, (err) => {
      if (err) reject(err);
    });
    resolve();
  });
}`,
    // A callback whose first parameter is not an error.
    `${prelude}export function k(items: string[]) {
  return new Promise<string>((resolve) => {
    register((e) => {
      if (items.includes(e)) resolve(e);
    });
  });
}`,
    // server.listen with an error listener that rejects.
    `${prelude}export function l(server: Server, port: number) {
  return new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, () => resolve());
  });
}`,
    // An image with both handlers.
    `${prelude}export function m(src: string) {
  return new Promise<HTMLImageElement>((resolve, reject) => {
    const img = new Image();
    img.onload = () => resolve(img);
    img.onerror = reject;
    img.src = src;
  });
}`,
    // A window 'load' listener: no failure event to wait for.
    `${prelude}export function n() {
  return new Promise<void>((resolve) => {
    window.addEventListener('load', () => resolve());
  });
}`,
    // Detection boundary: a named callback (a const) is not path-checked, only inline ones are.
    `${prelude}export function m(a: string) {
  return new Promise<string | undefined>((resolve, reject) => {
    const onValue = (err: Error | null, value?: string) => {
      if (err) {
        return;
      }
      resolve(value);
    };
    lookup(a, (err, first) => {
      if (err) return reject(err);
      lookup(first ?? '', onValue);
    });
  });
}`,
    // A library's own typed emitter (not Node's typings): its 'completed' is not a stream's 'end'.
    `${prelude}interface JobEvents {
  on(event: 'completed', listener: (id: string) => void): this;
  on(event: 'error', listener: (err: Error) => void): this;
}
export function p(worker: JobEvents) {
  return new Promise<string>((resolve) => {
    worker.on('completed', (id) => resolve(id));
  });
}`,
    // An assertion thrown in a callback after the promise settled is not its error escaping.
    `${prelude}export function q(fn: (done: (err?: Error) => void) => void) {
  let once = true;
  return new Promise<void>((resolve, reject) => {
    fn((err) => {
      if (!once) {
        throw new Error('done() called twice');
      } else if (err) {
        reject(err);
      } else {
        once = false;
        resolve();
      }
    });
  });
}`,
    // The error branch reconnects; a 'close' listener elsewhere in the executor settles.
    `${prelude}export function r(client: EventEmitter & { check(cb: (err: Error | null) => void): void; reconnect(): void }) {
  return new Promise<void>((resolve, reject) => {
    client.once('close', () => reject(new Error('closed')));
    client.check((err) => {
      if (err) {
        client.reconnect();
        return;
      }
      resolve();
    });
  });
}`,
    // A close listener held in a var that is never reassigned still settles.
    `${prelude}export function s(path: string) {
  return new Promise<void>((resolve, reject) => {
    const stream = createReadStream(path);
    var onClose = function () {
      reject(new Error('closed'));
    };
    stream.once('end', () => resolve());
    stream.once('close', onClose);
  });
}`,
    // A deadline timer settles it whatever the stream does.
    `${prelude}export function t(path: string) {
  return new Promise<boolean>((resolve) => {
    const stream = createReadStream(path);
    const timer = setTimeout(() => resolve(false), 1000);
    stream.once('end', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}`,
    // A promise whose settlers are reassigned: not followed.
    `${prelude}export function o(x: boolean) {
  return new Promise<void>((resolve) => {
    if (x) resolve = () => {};
  });
}`,
    // Promise chains whose failure route settles too, or is not the only route.
    `${prelude}declare function load(key: string): Promise<string>;
export function chained(key: string) {
  return Promise.all([
    new Promise<string>((resolve, reject) => {
      load(key)
        .then((value) => resolve(value))
        .catch((err: unknown) => {
          console.error(err);
          reject(err);
        });
    }),
    new Promise<string>((resolve) => {
      load(key).then(resolve, () => resolve(''));
    }),
    new Promise<string>((resolve) => {
      load(key)
        .then(resolve)
        .catch((err: unknown) => console.error(err));
      setTimeout(() => resolve(''), 1000);
    }),
    new Promise<string>((resolve) => {
      load(key)
        .then((value) => console.log(value))
        .catch((err: unknown) => console.error(err));
      resolve(key);
    }),
    new Promise<string>((resolve, reject) => {
      void load(key)
        .then(resolve)
        .catch((err: unknown) => {
          if (err instanceof Error) return reject(err);
          throw err;
        });
    }),
  ]);
}`,
    // A handler function passed by name is trusted, and a chain whose result is kept is the caller's.
    `${prelude}declare function load(key: string): Promise<string>;
declare function report(err: unknown): void;
export function named(key: string) {
  return new Promise<Promise<void>>((resolve) => {
    load(key).then(resolve).catch(report);
    const kept = load(key)
      .then(resolve)
      .catch((err: unknown) => console.error(err));
    register(() => void kept);
  });
}`,
    // Listeners whose catch settles, rethrows, or waits for a later event.
    `${prelude}export function parsed(path: string) {
  return Promise.all([
    new Promise<unknown>((resolve, reject) => {
      let text = '';
      const s = createReadStream(path, 'utf8');
      s.on('data', (chunk) => (text += String(chunk)));
      s.on('error', reject);
      s.on('end', () => {
        try {
          resolve(JSON.parse(text));
        } catch (e) {
          console.error(e);
          reject(e);
        }
      });
    }),
    new Promise<unknown>((resolve) => {
      const s = createReadStream(path, 'utf8');
      s.on('close', () => resolve(null));
      s.once('end', () => {
        try {
          resolve(JSON.parse(''));
        } catch {
          console.warn('not JSON');
        }
      });
    }),
    new Promise<unknown>((resolve, reject) => {
      const s = createReadStream(path, 'utf8');
      s.on('error', reject);
      s.on('end', () => {
        try {
          resolve(JSON.parse(''));
        } catch (e) {
          console.error(e);
          throw e;
        }
      });
    }),
  ]);
}`,
    // A listener for a repeated event skips a bad message: a later one may settle.
    `${prelude}export function firstGood(socket: WebSocket) {
  return new Promise<unknown>((resolve, reject) => {
    socket.onerror = () => reject(new Error('socket failed'));
    socket.onclose = () => reject(new Error('socket closed'));
    socket.addEventListener('message', (event: MessageEvent<string>) => {
      try {
        resolve(JSON.parse(event.data));
      } catch (e) {
        console.warn('skipping', e);
      }
    });
  });
}`,
    // A piped source whose failure is wired: a listener on it (settling, or forwarding to the
    // destination, here or before the executor), a helper it is handed to, or pipeline().
    `${prelude}import { PassThrough, finished, pipeline } from 'node:stream';
export function piped(path: string) {
  const early = createReadStream(path);
  const sink = new PassThrough();
  early.on('error', (error) => sink.destroy(error));
  return Promise.all([
    new Promise<void>((resolve, reject) => {
      const src = createReadStream(path);
      const out = new PassThrough();
      src.on('error', reject);
      src.pipe(out);
      out.on('end', () => resolve());
      out.on('error', reject);
    }),
    new Promise<void>((resolve, reject) => {
      const src = createReadStream(path);
      const out = new PassThrough();
      src.once('error', (error) => out.destroy(error)).pipe(out);
      out.on('end', () => resolve());
      out.on('error', reject);
    }),
    new Promise<void>((resolve, reject) => {
      early.pipe(sink);
      sink.on('end', () => resolve());
      sink.on('error', reject);
    }),
    new Promise<void>((resolve, reject) => {
      const src = createReadStream(path);
      const out = new PassThrough();
      finished(src, (err) => err && reject(err));
      src.pipe(out);
      out.on('end', () => resolve());
      out.on('error', reject);
    }),
    new Promise<void>((resolve, reject) => {
      const out = new PassThrough();
      pipeline(createReadStream(path), out, (err) => err && reject(err));
      out.on('end', () => resolve());
      out.on('error', reject);
    }),
  ]);
}`,
    // Stored settlers that something besides the message listener settles: a close listener
    // that rejects them all through a method, or a per-request deadline.
    `${prelude}export ${client
      .replace('%EXTRA%', "\n    ws.addEventListener('close', () => this.failAll(new Error('closed')));")
      .replace(
        '%METHOD%',
        `
  private failAll(error: Error): void {
    for (const entry of this.pending.values()) entry.reject(error);
    this.pending.clear();
  }`,
      )}`,
    // A listener that rejects every pending entry in a loop (a worker's \`exit\`), whatever its event.
    `${prelude}export ${client
      .replace(
        '%EXTRA%',
        "\n    ws.addEventListener('open', () => {\n      for (const entry of this.pending.values()) entry.reject(new Error('reset'));\n      this.pending.clear();\n    });",
      )
      .replace('%METHOD%', '')}`,
    `${prelude}export ${client.replace('%EXTRA%', '').replace(
      '%METHOD%',
      `
  expire(id: number): void {
    this.pending.get(id)?.reject(new Error('timed out'));
    this.pending.delete(id);
  }`,
    )}`,
    // A worker thread emits \`exit\` once it has stopped, after an uncaught error too: \`exit\` is its last word.
    `import { Worker } from 'node:worker_threads';
export function run(file: string): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(file);
    worker.on('message', (result: unknown) => resolve(result));
    worker.on('exit', (code) => reject(new Error(\`worker stopped with \${code}\`)));
  });
}`,
    // The same for a class that extends \`Worker\`.
    `import { Worker } from 'node:worker_threads';
class Pooled extends Worker {
  readonly id = 1;
}
export function stop(worker: Pooled): Promise<number> {
  return new Promise((resolve) => {
    worker.once('exit', resolve);
    void worker.terminate();
  });
}`,
  ],
  invalid: [
    // One site stands at its \`try\` (the hand-off to \`register\`); the other still settles only
    // after \`JSON.parse\` runs, whose throw the second \`catch\` swallows.
    {
      code: `declare function register(cb: (value: string) => void): void;
export function both(text: string, early: boolean): Promise<unknown> {
  return new Promise((resolve) => {
    if (early) {
      try {
        register((value) => resolve(value));
      } catch (error) {
        console.error(error);
      }
      return;
    }
    try {
      resolve(JSON.parse(text));
    } catch (error) {
      console.error(error);
    }
  });
}`,
      errors: [{ messageId: 'executorPathNeverSettles', line: 3, column: 10, suggestions: [] }],
    },
    // The await is an argument of the settling call: it runs, and may reject, before the call.
    {
      code: `declare function blockNumber(): Promise<number>;
export function waitFor(check: (block: number) => boolean): Promise<number> {
  return new Promise<number>(async (resolve) => {
    const listener = (block: number): void => {
      if (check(block)) resolve(block);
    };
    listener(await blockNumber());
  });
}`,
      errors: [
        {
          messageId: 'executorPathNeverSettles',
          line: 3,
          column: 10,
          suggestions: [
            {
              messageId: 'wrapInTrySuggestion',
              output: `declare function blockNumber(): Promise<number>;
export function waitFor(check: (block: number) => boolean): Promise<number> {
  return new Promise<number>(async (resolve, reject) => {
    try {
      const listener = (block: number): void => {
        if (check(block)) resolve(block);
      };
      listener(await blockNumber());
    } catch (error) {
      reject(error);
    }
  });
}`,
            },
          ],
        },
      ],
    },
    // The settling call's argument throws first (\`JSON.parse\`): the \`catch\` only logs, and the
    // promise is never settled.
    {
      code: `${prelude}export function parse(text: string): Promise<unknown> {
  return new Promise((resolve) => {
    try {
      resolve(JSON.parse(text));
    } catch (error) {
      console.error(error);
    }
  });
}`,
      errors: [{ messageId: 'executorPathNeverSettles', line: L(2), column: 10, suggestions: [] }],
    },
    // Making a class before the hand-off runs its \`extends\` expression (and static parts),
    // which may throw: not taken as harmless.
    {
      code: `${prelude}interface Extension {
  afterUnload(count: number): Promise<void>;
}
export class Host {
  private readonly extensions: Extension[] = [];
  constructor(private readonly count: () => number) {}
  close(): Promise<void> {
    return new Promise<void>((resolve) => {
      try {
        class Local extends (Object as new () => object) {}
        this.extensions.push({ afterUnload: async (count) => { if (count === 0) resolve(); } });
        if (this.count() === 0) resolve();
      } catch (error) {
        console.error(error);
      }
    });
  }
}`,
      errors: [{ messageId: 'executorPathNeverSettles', line: L(8), column: 12, suggestions: [] }],
    },
    // Spreading a \`Set\` iterates it through its iterator, which is not an array's.
    {
      code: `${prelude}interface Extension {
  afterUnload(count: number): Promise<void>;
}
export class Host {
  private readonly extensions: Extension[] = [];
  constructor(private readonly count: () => number) {}
  close(): Promise<void> {
    return new Promise<void>((resolve) => {
      try {
        const copies = [...new Set(this.extensions)];
        this.extensions.push({ afterUnload: async (count) => { if (count === 0) resolve(); } });
        if (this.count() === 0) resolve();
      } catch (error) {
        console.error(error);
      }
    });
  }
}`,
      errors: [{ messageId: 'executorPathNeverSettles', line: L(8), column: 12, suggestions: [] }],
    },
    // Before the hand-off the \`try\` calls a function that may throw: the \`catch\` then ends
    // the executor with the promise neither settled nor handed on.
    {
      code: `${prelude}interface Extension {
  afterUnload(count: number): Promise<void>;
}
export class Host {
  private readonly extensions: Extension[] = [];
  constructor(private readonly count: () => number) {}
  close(): Promise<void> {
    return new Promise<void>((resolve) => {
      try {
        if (this.count() < 0) console.warn('negative');
        this.extensions.push({ afterUnload: async (count) => { if (count === 0) resolve(); } });
        if (this.count() === 0) resolve();
      } catch (error) {
        console.error(error);
      }
    });
  }
}`,
      errors: [{ messageId: 'executorPathNeverSettles', line: L(8), column: 12, suggestions: [] }],
    },
    // The hand-off sits in a branch of its statement: a throw of the test skips it.
    {
      code: `${prelude}interface Extension {
  afterUnload(count: number): Promise<void>;
}
export class Host {
  private readonly extensions: Extension[] = [];
  constructor(private readonly count: () => number) {}
  close(): Promise<void> {
    return new Promise<void>((resolve) => {
      try {
        this.extensions.push(this.count() > 0 ? { afterUnload: async () => resolve() } : { afterUnload: async () => {} });
        if (this.count() === 0) resolve();
      } catch (error) {
        console.error(error);
      }
    });
  }
}`,
      errors: [{ messageId: 'executorPathNeverSettles', line: L(8), column: 12, suggestions: [] }],
    },
    // An async executor: the throw rejects only the executor's own promise.
    {
      code: `${prelude}declare function load(key: string): Promise<string>;
export function fetchValue(key: string): Promise<string> {
  return new Promise<string>(async (resolve) => {
    const value = await load(key).catch(() => '');
    if (value === '') throw new Error('empty');
    resolve(value);
  });
}`,
      errors: [
        {
          messageId: 'executorPathNeverSettles',
          line: L(5),
          column: 23,
          data: { path: 'throws at line 12', settlers: '`resolve`', them: 'it' },
          suggestions: [
            {
              messageId: 'rejectInsteadOfThrowSuggestion',
              data: {
                take: ", taking `reject` as the executor's second parameter",
                code: "return reject(new Error('empty'));",
              },
              output: `${prelude}declare function load(key: string): Promise<string>;
export function fetchValue(key: string): Promise<string> {
  return new Promise<string>(async (resolve, reject) => {
    const value = await load(key).catch(() => '');
    if (value === '') return reject(new Error('empty'));
    resolve(value);
  });
}`,
            },
          ],
        },
      ],
    },
    // An async executor awaiting outside any try before it settles: a rejection there is lost.
    {
      code: `${prelude}declare function load(key: string): Promise<string>;
export function fetchValue(key: string): Promise<string> {
  return new Promise<string>(async (resolve, reject) => {
    const value = await load(key);
    if (value === '') reject(new Error('empty'));
    else resolve(value);
  });
}`,
      errors: [
        {
          messageId: 'executorPathNeverSettles',
          line: L(3),
          column: 10,
          data: {
            path: "awaits on line 11 outside a `try` (in an async executor a rejection there rejects only the executor's own promise)",
            settlers: '`resolve` or `reject`',
            them: 'them',
          },
          suggestions: [
            {
              messageId: 'wrapInTrySuggestion',
              data: { take: '', code: 'reject(error);' },
              output: `${prelude}declare function load(key: string): Promise<string>;
export function fetchValue(key: string): Promise<string> {
  return new Promise<string>(async (resolve, reject) => {
    try {
      const value = await load(key);
      if (value === '') reject(new Error('empty'));
      else resolve(value);
    } catch (error) {
      reject(error);
    }
  });
}`,
            },
          ],
        },
      ],
    },
    // The same with a template literal over two lines: moving its lines would change its text; no suggestion.
    {
      code: `${prelude}declare function load(key: string): Promise<string>;
export function fetchBlock(key: string): Promise<string> {
  return new Promise<string>(async (resolve) => {
    const value = await load(key);
    resolve(\`<pre>
\${value}</pre>\`);
  });
}`,
      errors: [{ messageId: 'executorPathNeverSettles', line: L(3), column: 10, suggestions: [] }],
    },
    // A branch of the executor that settles nothing.
    {
      code: `${prelude}export function a(cached: number | undefined) {
  return new Promise<number>((resolve) => {
    if (cached !== undefined) resolve(cached);
  });
}`,
      errors: [
        {
          messageId: 'executorPathNeverSettles',
          line: L(2),
          column: 10,
          endLine: L(2),
          endColumn: 21,
          data: { path: `reaches its end (line ${String(L(4))})`, settlers: '`resolve`', them: 'it' },
          // No value to settle with on the path that falls off the executor's end.
          suggestions: [],
        },
      ],
    },
    // An early return in the executor (the shape no-promise-executor-return warns about).
    {
      code: `${prelude}export function b(key: string, skip: boolean) {
  return new Promise<string | undefined>((resolve, reject) => {
    if (skip) {
      return;
    }
    lookup(key, (err, value) => (err ? reject(err) : resolve(value)));
  });
}`,
      // A bare \`return\`: nothing to resolve with, no error to reject with.
      errors: [
        { messageId: 'executorPathNeverSettles', line: L(4), column: 7, endLine: L(4), endColumn: 14, suggestions: [] },
      ],
    },
    // The error branch of a node-style callback logs and returns.
    {
      code: `${prelude}export function c(key: string) {
  return new Promise<string | undefined>((resolve, reject) => {
    lookup(key, (err, value) => {
      if (err) {
        console.error(err);
        return;
      }
      resolve(value);
    });
  });
}`,
      errors: [
        {
          messageId: 'callbackPathNeverSettles',
          line: L(6),
          column: 9,
          data: {
            callee: 'lookup',
            path: `return at line ${String(L(6))}`,
            settlers: '`resolve` or `reject`',
            error: 'err',
            fix: 'Call `reject(err)` there',
          },
          suggestions: [
            {
              messageId: 'rejectOnReturnSuggestion',
              data: { take: '', code: 'return reject(err);' },
              output: `${prelude}export function c(key: string) {
  return new Promise<string | undefined>((resolve, reject) => {
    lookup(key, (err, value) => {
      if (err) {
        console.error(err);
        return reject(err);
      }
      resolve(value);
    });
  });
}`,
            },
          ],
        },
      ],
    },
    // A callback that only rejects: success falls off its end.
    {
      code: `${prelude}export function d(path: string) {
  return new Promise<string>((resolve, reject) => {
    readFile(path, 'utf8', (error) => {
      if (error) reject(error);
    });
  });
}`,
      // The silent path is the success path: no error value on it.
      errors: [
        {
          messageId: 'callbackPathNeverSettles',
          line: L(3),
          column: 28,
          endLine: L(3),
          endColumn: 39,
          suggestions: [],
        },
      ],
    },
    // A throw in a callback does not reject.
    {
      code: `${prelude}export function e(key: string) {
  return new Promise<string | undefined>((resolve) => {
    lookup(key, (err, value) => {
      if (err) throw err;
      resolve(value);
    });
  });
}`,
      errors: [
        {
          messageId: 'callbackPathNeverSettles',
          line: L(4),
          column: 16,
          data: {
            callee: 'lookup',
            path: `throw at line ${String(L(4))}`,
            settlers: '`resolve`',
            error: 'err',
            fix: "Take `reject` as the executor's second parameter and call `reject(err)` there",
          },
          suggestions: [
            {
              messageId: 'rejectInsteadOfThrowSuggestion',
              data: { take: ", taking `reject` as the executor's second parameter", code: 'return reject(err);' },
              output: `${prelude}export function e(key: string) {
  return new Promise<string | undefined>((resolve, reject) => {
    lookup(key, (err, value) => {
      if (err) return reject(err);
      resolve(value);
    });
  });
}`,
            },
          ],
        },
      ],
    },
    // A stream's 'end' without 'error', with the suggestion.
    {
      code: `${prelude}export function f(path: string) {
  return new Promise<string>((resolve, reject) => {
    let text = '';
    const stream = createReadStream(path, 'utf8');
    stream.on('data', (chunk) => (text += String(chunk)));
    stream.on('end', () => resolve(text));
  });
}`,
      errors: [
        {
          messageId: 'errorNotListened',
          line: L(6),
          column: 5,
          endLine: L(6),
          endColumn: 42,
          suggestions: [
            {
              messageId: 'addErrorListenerSuggestion',
              data: { take: '', code: "stream.once('error', reject);" },
              output: `${prelude}export function f(path: string) {
  return new Promise<string>((resolve, reject) => {
    let text = '';
    const stream = createReadStream(path, 'utf8');
    stream.on('data', (chunk) => (text += String(chunk)));
    stream.on('end', () => resolve(text));
    stream.once('error', reject);
  });
}`,
            },
          ],
        },
      ],
    },
    // A worker's \`online\` is not its last event: a worker that fails to start goes to \`error\` and \`exit\`.
    {
      code: `import { Worker } from 'node:worker_threads';
export function start(file: string): Promise<Worker> {
  return new Promise((resolve) => {
    const worker = new Worker(file);
    worker.on('online', () => resolve(worker));
  });
}`,
      errors: [
        {
          messageId: 'errorNotListened',
          line: 5,
          column: 5,
          // The executor takes no \`reject\`: the suggestion takes it too.
          suggestions: [
            {
              messageId: 'addErrorListenerSuggestion',
              data: {
                take: ", taking `reject` as the executor's second parameter",
                code: "worker.once('error', reject);",
              },
              output: `import { Worker } from 'node:worker_threads';
export function start(file: string): Promise<Worker> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(file);
    worker.on('online', () => resolve(worker));
    worker.once('error', reject);
  });
}`,
            },
          ],
        },
      ],
    },
    // A child process's 'exit' without 'error': spawn failures emit only 'error'.
    {
      code: `${prelude}export function g(cmd: string) {
  return new Promise<number | null>((resolve) => {
    const child = spawn(cmd);
    child.on('exit', (code) => resolve(code));
  });
}`,
      errors: [
        {
          messageId: 'errorNotListened',
          line: L(4),
          column: 5,
          suggestions: [
            {
              messageId: 'addErrorListenerSuggestion',
              output: `${prelude}export function g(cmd: string) {
  return new Promise<number | null>((resolve, reject) => {
    const child = spawn(cmd);
    child.on('exit', (code) => resolve(code));
    child.once('error', reject);
  });
}`,
            },
          ],
        },
      ],
    },
    // An 'error' listener that swallows the error.
    {
      code: `${prelude}export function h(path: string) {
  return new Promise<void>((resolve) => {
    const stream = createReadStream(path);
    stream.on('error', (err) => console.error(err));
    stream.on('end', () => resolve());
    stream.resume();
  });
}`,
      errors: [
        {
          messageId: 'errorListenerNeverSettles',
          line: L(4),
          column: 5,
          data: { emitter: 'stream', event: 'end', reject: 'reject' },
          // An expression-bodied listener: no statement to add the call to.
          suggestions: [],
        },
      ],
    },
    // server.listen(port, resolve): EADDRINUSE is emitted as 'error', not passed to the callback.
    {
      code: `${prelude}export function i(server: Server, port: number) {
  return new Promise<void>((resolve, reject) => {
    server.listen(port, resolve);
  });
}`,
      errors: [
        {
          messageId: 'errorNotListened',
          line: L(3),
          column: 5,
          suggestions: [
            {
              messageId: 'addErrorListenerSuggestion',
              data: { take: '', code: "server.once('error', reject);" },
              output: `${prelude}export function i(server: Server, port: number) {
  return new Promise<void>((resolve, reject) => {
    server.listen(port, resolve);
    server.once('error', reject);
  });
}`,
            },
          ],
        },
      ],
    },
    // A DOM handler property: onload without onerror.
    {
      code: `${prelude}export function j(src: string) {
  return new Promise<HTMLImageElement>((resolve, reject) => {
    const img = new Image();
    img.onload = () => resolve(img);
    img.src = src;
  });
}`,
      errors: [
        {
          messageId: 'errorNotListened',
          line: L(4),
          column: 5,
          data: {
            emitter: 'img',
            event: 'load',
            failure: '`error`',
            fix: 'Also handle `error` and call `reject`',
          },
          suggestions: [
            {
              messageId: 'addErrorListenerSuggestion',
              data: { take: '', code: 'img.onerror = reject;' },
              output: `${prelude}export function j(src: string) {
  return new Promise<HTMLImageElement>((resolve, reject) => {
    const img = new Image();
    img.onload = () => resolve(img);
    img.onerror = reject;
    img.src = src;
  });
}`,
            },
          ],
        },
      ],
    },
    // addEventListener('load') on a FileReader.
    {
      code: `${prelude}export function k(file: Blob) {
  return new Promise<string>((resolve, reject) => {
    const reader = new FileReader();
    reader.addEventListener('load', () => resolve(String(reader.result)));
    reader.readAsText(file);
  });
}`,
      errors: [
        {
          messageId: 'errorNotListened',
          line: L(4),
          column: 5,
          suggestions: [
            {
              messageId: 'addErrorListenerSuggestion',
              data: { take: '', code: "reader.addEventListener('error', reject);" },
              output: `${prelude}export function k(file: Blob) {
  return new Promise<string>((resolve, reject) => {
    const reader = new FileReader();
    reader.addEventListener('load', () => resolve(String(reader.result)));
    reader.addEventListener('error', reject);
    reader.readAsText(file);
  });
}`,
            },
          ],
        },
      ],
    },
    // resolve taken and never used.
    {
      code: `${prelude}export function l() {
  return new Promise<void>((resolve) => {
    console.log('setting up');
  });
}`,
      errors: [{ messageId: 'executorNeverSettles', line: L(2), column: 10, endLine: L(2), endColumn: 21 }],
    },
    // A promise chain whose .catch() only logs: a failed load leaves the promise pending.
    {
      code: `${prelude}declare function load(key: string): Promise<string>;
export function m(key: string) {
  return new Promise<string[]>((resolve) => {
    load(key)
      .then((value) => resolve([value]))
      .catch((err: unknown) => {
        console.log(err);
      });
  });
}`,
      errors: [
        {
          messageId: 'callbackPathNeverSettles',
          line: L(6),
          column: 14,
          data: {
            callee: 'load(…).then(…).catch',
            path: `reach its end (line ${String(L(8))})`,
            settlers: '`resolve`',
            error: 'err',
            fix: "Take `reject` as the executor's second parameter and call `reject(err)` there",
          },
          suggestions: [
            {
              messageId: 'rejectAtEndSuggestion',
              data: { take: ", taking `reject` as the executor's second parameter", code: 'reject(err);' },
              output: `${prelude}declare function load(key: string): Promise<string>;
export function m(key: string) {
  return new Promise<string[]>((resolve, reject) => {
    load(key)
      .then((value) => resolve([value]))
      .catch((err: unknown) => {
        console.log(err);
        reject(err);
      });
  });
}`,
            },
          ],
        },
      ],
    },
    // The two-callback form, with reject taken but not called.
    {
      code: `${prelude}declare function load(key: string): Promise<string>;
export function n(key: string) {
  return new Promise<string>((resolve, reject) => {
    load(key).then(resolve, () => {
      console.warn('load failed');
    });
  });
}`,
      errors: [
        {
          messageId: 'callbackPathNeverSettles',
          line: L(4),
          column: 29,
          data: {
            callee: 'load(…).then',
            path: `reach its end (line ${String(L(6))})`,
            settlers: '`resolve` or `reject`',
            error: 'error',
            fix: 'Take the error as its parameter and call `reject(error)` there',
          },
          // The handler takes no error: nothing to reject with.
          suggestions: [],
        },
      ],
    },
    // A stream's 'end' listener settles in a try whose catch only logs.
    {
      code: `${prelude}export function o(path: string) {
  return new Promise<unknown>((resolve, reject) => {
    let text = '';
    const s = createReadStream(path, 'utf8');
    s.on('data', (chunk) => (text += String(chunk)));
    s.on('error', reject);
    s.on('end', () => {
      try {
        resolve(JSON.parse(text));
      } catch (e) {
        console.error(e);
      }
    });
  });
}`,
      errors: [
        {
          messageId: 'callbackPathNeverSettles',
          line: L(7),
          column: 17,
          data: {
            callee: 's.on',
            path: `reach its end (line ${String(L(13))}) from its \`catch\` (line ${String(L(10))})`,
            settlers: '`resolve` or `reject`',
            error: 'e',
            fix: 'Call `reject(e)` in the `catch`',
          },
          suggestions: [
            {
              messageId: 'rejectAtEndSuggestion',
              data: { take: '', code: 'reject(e);' },
              output: `${prelude}export function o(path: string) {
  return new Promise<unknown>((resolve, reject) => {
    let text = '';
    const s = createReadStream(path, 'utf8');
    s.on('data', (chunk) => (text += String(chunk)));
    s.on('error', reject);
    s.on('end', () => {
      try {
        resolve(JSON.parse(text));
      } catch (e) {
        console.error(e);
        reject(e);
      }
    });
  });
}`,
            },
          ],
        },
      ],
    },
    // An XMLHttpRequest's onload returns from its catch; onerror is wired.
    {
      code: `${prelude}export function p(url: string) {
  return new Promise<unknown>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.onerror = () => reject(new Error('network'));
    xhr.onload = () => {
      try {
        resolve(JSON.parse(xhr.responseText));
      } catch {
        return;
      }
    };
    xhr.open('GET', url);
    xhr.send();
  });
}`,
      errors: [
        {
          messageId: 'callbackPathNeverSettles',
          line: L(9),
          column: 9,
          data: {
            callee: 'xhr.onload',
            path: `return at line ${String(L(9))} from its \`catch\` (line ${String(L(8))})`,
            settlers: '`resolve` or `reject`',
            error: 'error',
            fix: 'Catch the error as `error` and call `reject(error)` in the `catch`',
          },
        },
      ],
    },
    // pipe() does not forward the source's errors: the destination is wired, the source is not.
    {
      code: `${prelude}import { PassThrough } from 'node:stream';
export function q(path: string) {
  return new Promise<string>((resolve, reject) => {
    let text = '';
    const src = createReadStream(path, 'utf8');
    const out = new PassThrough({ encoding: 'utf8' });
    src.pipe(out);
    out.on('data', (chunk: string) => (text += chunk));
    out.on('end', () => resolve(text));
    out.on('error', reject);
  });
}`,
      errors: [
        {
          messageId: 'errorNotListened',
          line: L(9),
          column: 5,
          data: {
            emitter: 'src.pipe(out)',
            event: 'end',
            failure: 'an `error` of `src`, which `pipe()` does not forward',
            fix: "Also listen for `error` on `src` and call `reject`, or use `stream.pipeline()`, which forwards every stream's error",
          },
          suggestions: [
            {
              messageId: 'addErrorListenerSuggestion',
              data: { take: '', code: "src.once('error', reject);" },
              output: `${prelude}import { PassThrough } from 'node:stream';
export function q(path: string) {
  return new Promise<string>((resolve, reject) => {
    let text = '';
    const src = createReadStream(path, 'utf8');
    const out = new PassThrough({ encoding: 'utf8' });
    src.pipe(out);
    src.once('error', reject);
    out.on('data', (chunk: string) => (text += chunk));
    out.on('end', () => resolve(text));
    out.on('error', reject);
  });
}`,
            },
          ],
        },
      ],
    },
    // The middle of a pipe chain: the source is wired, the transform between is not.
    {
      code: `${prelude}import { createGzip } from 'node:zlib';
export function r(from: string, to: string) {
  return new Promise<void>((resolve, reject) => {
    const src = createReadStream(from);
    const gzip = createGzip();
    const out = createWriteStream(to);
    src.on('error', reject);
    src.pipe(gzip).pipe(out);
    out.on('finish', () => resolve());
    out.on('error', reject);
  });
}`,
      errors: [
        {
          messageId: 'errorNotListened',
          line: L(9),
          column: 5,
          data: {
            emitter: 'src.pipe(gzip).pipe(out)',
            event: 'finish',
            failure: 'an `error` of `gzip`, which `pipe()` does not forward',
            fix: "Also listen for `error` on `gzip` and call `reject`, or use `stream.pipeline()`, which forwards every stream's error",
          },
          suggestions: [
            {
              messageId: 'addErrorListenerSuggestion',
              data: { take: '', code: "gzip.once('error', reject);" },
              output: `${prelude}import { createGzip } from 'node:zlib';
export function r(from: string, to: string) {
  return new Promise<void>((resolve, reject) => {
    const src = createReadStream(from);
    const gzip = createGzip();
    const out = createWriteStream(to);
    src.on('error', reject);
    src.pipe(gzip).pipe(out);
    gzip.once('error', reject);
    out.on('finish', () => resolve());
    out.on('error', reject);
  });
}`,
            },
          ],
        },
      ],
    },
    // Settlers stored in a map that only the socket's message listener settles.
    {
      code: `${prelude}export ${client.replace('%EXTRA%', '').replace('%METHOD%', '')}`,
      errors: [
        {
          messageId: 'errorNotListened',
          line: L(5),
          column: 5,
          data: {
            emitter: 'ws',
            event: 'message',
            failure: `\`error\` or \`close\`, for the promises stored in \`this.pending\` on line ${String(L(15))}`,
            fix: 'Reject every entry of `this.pending` when `ws` fails or closes, and clear it',
          },
        },
      ],
    },
    // Suggestions on the silent path. The error branch is a lone statement before an `else`: it gets braces.
    {
      code: `${prelude}export function s1(key: string) {
  return new Promise<string | undefined>((resolve, reject) => {
    lookup(key, (err, value) => {
      if (err) console.error(err);
      else resolve(value);
    });
  });
}`,
      errors: [
        {
          messageId: 'callbackPathNeverSettles',
          line: L(3),
          column: 17,
          suggestions: [
            {
              messageId: 'rejectAtEndSuggestion',
              data: { take: '', code: 'reject(err);' },
              output: `${prelude}export function s1(key: string) {
  return new Promise<string | undefined>((resolve, reject) => {
    lookup(key, (err, value) => {
      if (err) {
        console.error(err);
        reject(err);
      } else resolve(value);
    });
  });
}`,
            },
          ],
        },
      ],
    },
    // The error branch falls through to code that may settle: the silent end is not the branch's, no suggestion.
    {
      code: `${prelude}export function s2(key: string) {
  return new Promise<string | undefined>((resolve, reject) => {
    lookup(key, (err, value) => {
      if (err) {
        console.error(err);
      }
      if (value) resolve(value);
    });
  });
}`,
      errors: [{ messageId: 'callbackPathNeverSettles', line: L(3), column: 17, suggestions: [] }],
    },
    // The executor already uses the name \`reject\`: the parameter it takes is \`reject2\`.
    {
      code: `${prelude}export function s3(path: string) {
  return new Promise<void>((resolve) => {
    const stream = createReadStream(path);
    const reject = (chunk: unknown) => chunk === null;
    stream.on('data', reject);
    stream.on('end', () => resolve());
  });
}`,
      errors: [
        {
          messageId: 'errorNotListened',
          line: L(6),
          column: 5,
          suggestions: [
            {
              messageId: 'addErrorListenerSuggestion',
              data: {
                take: ", taking `reject2` as the executor's second parameter",
                code: "stream.once('error', reject2);",
              },
              output: `${prelude}export function s3(path: string) {
  return new Promise<void>((resolve, reject2) => {
    const stream = createReadStream(path);
    const reject = (chunk: unknown) => chunk === null;
    stream.on('data', reject);
    stream.on('end', () => resolve());
    stream.once('error', reject2);
  });
}`,
            },
          ],
        },
      ],
    },
    // A quiet \`error\` listener without a parameter: it takes the error and rejects with it.
    {
      code: `${prelude}export function s4(path: string) {
  return new Promise<void>((resolve) => {
    const stream = createReadStream(path);
    stream.on('error', () => {
      console.error('read failed');
    });
    stream.on('end', () => resolve());
    stream.resume();
  });
}`,
      errors: [
        {
          messageId: 'errorListenerNeverSettles',
          line: L(4),
          column: 5,
          suggestions: [
            {
              messageId: 'rejectInListenerSuggestion',
              data: { take: ", taking `reject` as the executor's second parameter", code: 'reject(error);' },
              output: `${prelude}export function s4(path: string) {
  return new Promise<void>((resolve, reject) => {
    const stream = createReadStream(path);
    stream.on('error', (error) => {
      console.error('read failed');
      reject(error);
    });
    stream.on('end', () => resolve());
    stream.resume();
  });
}`,
            },
          ],
        },
      ],
    },
    // A value returned from the executor is dropped: resolve with it.
    {
      code: `${prelude}export function s5(key: string, cache: Map<string, string>) {
  return new Promise<string | undefined>((resolve, reject) => {
    if (cache.has(key)) return cache.get(key);
    lookup(key, (err, value) => (err ? reject(err) : resolve(value)));
  });
}`,
      errors: [
        {
          messageId: 'executorPathNeverSettles',
          line: L(3),
          column: 25,
          suggestions: [
            {
              messageId: 'resolveReturnedSuggestion',
              data: { code: 'return resolve(cache.get(key));' },
              output: `${prelude}export function s5(key: string, cache: Map<string, string>) {
  return new Promise<string | undefined>((resolve, reject) => {
    if (cache.has(key)) return resolve(cache.get(key));
    lookup(key, (err, value) => (err ? reject(err) : resolve(value)));
  });
}`,
            },
          ],
        },
      ],
    },
    // The returned value does not fit \`resolve\`: no suggestion.
    {
      code: `${prelude}export function s6(key: string, sizes: Map<string, number>) {
  return new Promise<string | undefined>((resolve, reject) => {
    if (sizes.has(key)) return sizes.get(key);
    lookup(key, (err, value) => (err ? reject(err) : resolve(value)));
  });
}`,
      errors: [{ messageId: 'executorPathNeverSettles', line: L(3), column: 25, suggestions: [] }],
    },
    // A throw inside a \`try\` of an async executor: its \`finally\` runs on the way out; no suggestion.
    {
      code: `${prelude}declare function load(key: string): Promise<string>;
export function s7(key: string) {
  return new Promise<string>(async (resolve, reject) => {
    try {
      const value = await load(key).catch(() => '');
      if (value === '') throw new Error('empty');
      resolve(value);
    } finally {
      console.log('done');
    }
  });
}`,
      errors: [{ messageId: 'executorPathNeverSettles', line: L(6), column: 25, suggestions: [] }],
    },
    // An arrow's bare parameter gets parentheses when reject is taken beside it.
    {
      code: `import { spawn } from 'node:child_process';
export function waitExit(cmd: string): Promise<void> {
  const child = spawn(cmd);
  return new Promise(resolve => {
    child.once('exit', () => resolve());
  });
}`,
      errors: [
        {
          messageId: 'errorNotListened',
          line: 5,
          column: 5,
          suggestions: [
            {
              messageId: 'addErrorListenerSuggestion',
              output: `import { spawn } from 'node:child_process';
export function waitExit(cmd: string): Promise<void> {
  const child = spawn(cmd);
  return new Promise((resolve, reject) => {
    child.once('exit', () => resolve());
    child.once('error', reject);
  });
}`,
            },
          ],
        },
      ],
    },
  ],
});
