/**
 * The settle-paths analysis through a probe rule wired as no-unsettled-promise
 * wires it (executor records, a `PathTracker`, questions at `Program:exit`).
 * For every `new Promise` whose executor settles somewhere it reports:
 * - `executorLeak`: `executor settles`, or how a path leaves without settling
 *   (`executor returns` / `executor throws` at the jump, `executor ends` at
 *   the promise);
 * - `awaitBeforeSettling` (async executors): `await may reject` at the first
 *   unguarded `await` reached before settling (awaits of a promise that cannot
 *   reject are left out);
 * - `settlesWhateverHappens`: `settles whatever happens` at the promise;
 * - `callbackLeak`, `chainLeak`: `callback …` / `chain …` at the jump or at the
 *   function's head, `callback settles` / `chain settles` when there is none;
 * - `swallowedFailure` for each listener that settles: `catch swallows` at the
 *   path's jump or the handler's head, or `no swallow` at the registration.
 * An executor that never uses its settlers gets `no sites`.
 */
import { AST_NODE_TYPES, ESLintUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { PathTracker, type Leak } from '../../src/analysis/paths.js';
import {
  awaitBeforeSettling,
  callbackLeak,
  chainLeak,
  executorLeak,
  executorRecords,
  recordExecutor,
  settlesWhateverHappens,
  sitesByFunction,
  swallowedFailure,
  type SettleContext,
} from '../../src/analysis/settle-paths.js';
import { modelExecutor, promiseExecutor, type ExecutorModel } from '../../src/analysis/settlers.js';
import { typedRuleTester } from '../rule-tester.js';

const probe = ESLintUtils.RuleCreator.withoutDocs<[], 'verdict'>({
  meta: { type: 'problem', messages: { verdict: '{{verdict}}' }, schema: [], defaultOptions: [] },
  create(context) {
    const services = ESLintUtils.getParserServices(context);
    const { sourceCode } = context;
    const tracker = new PathTracker();
    const records = executorRecords();
    const paths: SettleContext = { services, checker: services.program.getTypeChecker(), sourceCode, tracker, records };
    const models: ExecutorModel[] = [];
    const say = (node: TSESTree.Node, verdict: string): void => {
      context.report({ node, messageId: 'verdict', data: { verdict } });
    };
    // A leak is reported at its `return` or `throw`, else at `head`, as the rule does.
    const sayLeak = (what: string, leak: Leak | null, head: TSESTree.Node): void => {
      const jump = leak?.jump;
      if (!leak) say(head, `${what} settles`);
      else if (jump?.type === AST_NODE_TYPES.ReturnStatement) say(jump, `${what} returns`);
      else if (jump?.type === AST_NODE_TYPES.ThrowStatement) say(jump, `${what} throws`);
      else say(head, `${what} ends`);
    };
    const check = (model: ExecutorModel): void => {
      const byFunction = sitesByFunction(model);
      const executorSites = byFunction.get(model.executor) ?? [];
      sayLeak('executor', executorLeak(paths, model, executorSites), model.promise);
      if (model.executor.async) {
        const rejected = awaitBeforeSettling(paths, model.executor, executorSites);
        if (rejected) say(rejected, 'await may reject');
      }
      if (settlesWhateverHappens(model)) say(model.promise, 'settles whatever happens');
      for (const callback of model.callbacks) {
        sayLeak('callback', callbackLeak(paths, model, callback, byFunction), callback.fn);
      }
      for (const chain of records.chains.get(model.executor) ?? []) {
        sayLeak('chain', chainLeak(paths, model, chain, byFunction), chain.handler);
      }
      for (const listener of model.listeners) {
        if (!listener.settles) continue;
        const found = swallowedFailure(paths, model, listener, byFunction);
        if (found) sayLeak('catch', found.leak, found.fn);
        else say(listener.node, 'no swallow');
      }
    };
    const listeners: TSESLint.RuleListener = {
      NewExpression(node) {
        const executor = promiseExecutor(node);
        const model = executor ? modelExecutor(node, executor, sourceCode) : null;
        if (!model) return;
        if (model.sites.length === 0) {
          say(node, 'no sites');
          return;
        }
        models.push(model);
        recordExecutor(records, model);
      },
      '*'(node: TSESTree.Node) {
        if (records.jumps.has(node)) tracker.markJump(node);
        else if (records.toMark.has(node)) tracker.mark(node);
      },
      'Program:exit'() {
        for (const model of models) check(model);
      },
    };
    return { ...listeners, ...(tracker.listeners as unknown as TSESLint.RuleListener) };
  },
});

const prelude = `import { createReadStream } from 'node:fs';
declare function work(): Promise<string>;
declare function ready(): boolean;
declare function log(value: unknown): void;
declare function fail(): never;
declare function lookup(key: string, cb: (err: Error | null, value?: string) => void): void;
`;
const at = (line: number) => line + 6;
const verdict = (text: string, line: number) => ({
  messageId: 'verdict' as const,
  data: { verdict: text },
  line: at(line),
});

typedRuleTester().run('settle-paths probe', probe, {
  valid: [],
  invalid: [
    {
      // Every path of a sync executor settles, or hands a settler on (a timer, which is also a
      // deadline, or a listener); a
      // \`throw\` in a sync executor rejects the promise. An executor that never uses its settlers
      // has no sites.
      code: `${prelude}export const all = new Promise<string>((resolve, reject) => {
  if (ready()) resolve('a');
  else reject(new Error('b'));
});
export const thrown = new Promise<string>((resolve) => {
  if (!ready()) throw new Error('not ready');
  resolve('a');
});
export const handed = new Promise<void>((resolve) => {
  if (ready()) resolve();
  else setTimeout(resolve, 10);
});
export const unused = new Promise<void>((resolve) => {
  log(resolve.name.length > 0 ? 'x' : 'y');
});
export const none = new Promise<void>((resolve) => {
  log('x');
});
`,
      errors: [
        verdict('executor settles', 1),
        verdict('executor settles', 5),
        verdict('executor settles', 9),
        verdict('settles whatever happens', 9),
        verdict('executor settles', 13),
        verdict('no sites', 16),
      ],
    },
    {
      // A \`return\` before settling, and an \`if\` with no \`else\`, leave the promise pending; a call
      // typed \`never\` and an exhaustive \`switch\` end or cover the path; a \`switch\` that misses a
      // case does not.
      code: `${prelude}export const early = new Promise<void>((resolve) => {
  if (!ready()) return;
  resolve();
});
export const half = new Promise<void>((resolve) => {
  if (ready()) resolve();
});
export const exits = new Promise<void>((resolve) => {
  if (ready()) resolve();
  else fail();
});
export function choose(mode: 'a' | 'b'): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    switch (mode) {
      case 'a':
        resolve('a');
        break;
      case 'b':
        reject(new Error('b'));
        break;
    }
  });
}
export function partial(mode: 'a' | 'b' | 'c'): Promise<string> {
  return new Promise<string>((resolve) => {
    switch (mode) {
      case 'a':
      case 'b':
        resolve(mode);
        break;
    }
  });
}
`,
      errors: [
        verdict('executor returns', 2),
        verdict('executor ends', 5),
        verdict('executor settles', 8),
        verdict('executor settles', 13),
        verdict('executor ends', 25),
      ],
    },
    {
      // A \`const\` alias of a settler and a nested function that calls one are followed to their
      // calls; an \`await\` in a nested function is not the executor's own.
      code: `${prelude}export const alias = new Promise<void>((resolve) => {
  const settle = resolve;
  if (!ready()) return;
  settle();
});
export const nested = new Promise<void>((resolve) => {
  const finish = (): void => resolve();
  if (ready()) finish();
});
export const inner = new Promise<void>(async (resolve) => {
  const later = async (): Promise<void> => {
    await work();
  };
  resolve();
  void later();
});
`,
      errors: [verdict('executor returns', 3), verdict('executor ends', 6), verdict('executor settles', 10)],
    },
    {
      // An async executor: a \`throw\` rejects only the executor's own promise, so it is a path
      // that leaves the promise pending; an \`await\` outside a \`try … catch\` may reject before
      // settling, unless it awaits a promise that cannot reject (no \`reject\` parameter, or a chain
      // ending in \`.catch\`), or comes after settling. A \`try … finally\` with no \`catch\` does not
      // guard it.
      // Today: \`resolve(await work())\` is taken as settling before the \`await\` (looks wrong
      // because the argument is awaited before \`resolve\` runs: when \`work()\` rejects the
      // promise stays pending); the call is placed where it is entered, before its argument.
      code: `${prelude}export const thrown = new Promise<void>(async (resolve) => {
  if (!ready()) throw new Error('not ready');
  resolve();
});
export const awaited = new Promise<string>(async (resolve) => {
  const value = await work();
  resolve(value);
});
export const guarded = new Promise<string>(async (resolve, reject) => {
  try {
    resolve(await work());
  } catch (error) {
    reject(error);
  }
});
export const safe = new Promise<string>(async (resolve) => {
  await new Promise<void>((done) => setTimeout(done, 10));
  await work().catch(() => 'fallback');
  resolve('a');
  await work();
});
export const chainedCatch = new Promise<string>(async (resolve) => {
  await work().catch(() => 'x').then((value) => value);
  resolve('a');
});
export const direct = new Promise<string>(async (resolve) => {
  resolve(await work());
});
export const finallyOnly = new Promise<string>(async (resolve) => {
  try {
    const value = await work();
    resolve(value);
  } finally {
    log('done');
  }
});
`,
      errors: [
        verdict('executor throws', 2),
        verdict('executor settles', 5),
        verdict('await may reject', 6),
        verdict('executor settles', 9),
        verdict('executor settles', 16),
        verdict('executor settles', 17),
        verdict('settles whatever happens', 17),
        verdict('executor settles', 22),
        verdict('await may reject', 23),
        verdict('executor settles', 26),
        verdict('executor settles', 29),
        verdict('await may reject', 31),
      ],
    },
    {
      // A timer that settles (a deadline) or a settling \`abort\` listener settle the promise
      // whatever its other routes do (the rule then skips the callbacks; the probe still asks);
      // a timer armed in a callback is no deadline. A settling \`abort\` listener is also a
      // route of its own, so the callback beside it is not the only one.
      code: `${prelude}export function deadline(signal: AbortSignal): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    setTimeout(() => reject(new Error('timeout')), 10);
    lookup('k', (err, value) => { if (!err) resolve(value ?? ''); });
  });
}
export function aborted(signal: AbortSignal): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    signal.addEventListener('abort', () => reject(signal.reason));
    lookup('k', (err, value) => { if (!err) resolve(value ?? ''); });
  });
}
export function later(): Promise<string> {
  return new Promise<string>((resolve) => {
    lookup('k', (err, value) => { if (!err) setTimeout(() => resolve(value ?? ''), 10); });
  });
}
`,
      errors: [
        verdict('executor settles', 2),
        verdict('settles whatever happens', 2),
        verdict('callback ends', 4),
        verdict('executor settles', 8),
        verdict('settles whatever happens', 8),
        verdict('no swallow', 9),
        verdict('callback settles', 10),
        verdict('executor settles', 14),
        verdict('callback ends', 15),
      ],
    },
    {
      // A node-style callback that is the one route to settling: its error branch returns or
      // ends without settling; one that rejects, or rethrows its own error (which escapes to
      // whoever called back, leaving the promise pending), is reported only for the rethrow.
      // Another settling argument of the call, a settling listener elsewhere, or settling after
      // the call make it not the only route.
      code: `${prelude}declare function each(sql: string, row: (err: Error | null) => void, done: () => void): void;
export const returns = new Promise<string>((resolve) => {
  lookup('k', (err, value) => {
    if (err) {
      log(err);
      return;
    }
    resolve(value ?? '');
  });
});
export const rejects = new Promise<string>((resolve, reject) => {
  lookup('k', (err, value) => (err ? reject(err) : resolve(value ?? '')));
});
export const rethrows = new Promise<string>((resolve) => {
  lookup('k', (err, value) => {
    if (err) throw err;
    resolve(value ?? '');
  });
});
export const twoRoutes = new Promise<void>((resolve) => {
  each('q', (err) => { if (!err) log('row'); }, () => resolve());
  each('q', (err) => { if (!err) resolve(); }, () => resolve());
});
export const after = new Promise<string>((resolve) => {
  lookup('k', (err, value) => { if (!err) resolve(value ?? ''); });
  resolve('fallback');
});
`,
      errors: [
        verdict('executor settles', 2),
        verdict('callback returns', 6),
        verdict('executor settles', 11),
        verdict('callback settles', 12),
        verdict('executor settles', 14),
        verdict('callback throws', 16),
        verdict('executor settles', 20),
        verdict('callback settles', 22),
        verdict('executor settles', 24),
        verdict('callback settles', 25),
      ],
    },
    {
      // A dropped \`p.then(settle).catch(h)\` (or \`p.then(settle, h)\`) whose handler logs and ends
      // leaves the promise pending when \`p\` fails; a handler that rejects does not. A chain on
      // a value typed \`any\` is not known to hang off a promise.
      code: `${prelude}declare const loose: any;
export const logs = new Promise<string>((resolve) => {
  work().then((value) => resolve(value)).catch((error) => { log(error); });
});
export const pair = new Promise<string>((resolve) => {
  void work().then(resolve, (error) => log(error));
});
export const rejects = new Promise<string>((resolve, reject) => {
  work().then((value) => resolve(value)).catch((error) => reject(error));
});
export const untyped = new Promise<string>((resolve) => {
  loose.then((value: string) => resolve(value)).catch((error: unknown) => log(error));
});
`,
      errors: [
        verdict('executor settles', 2),
        verdict('chain ends', 3),
        verdict('executor settles', 5),
        verdict('chain ends', 6),
        verdict('executor settles', 8),
        verdict('callback settles', 9),
        verdict('chain settles', 9),
        verdict('executor settles', 11),
        verdict('chain settles', 12),
      ],
    },
    {
      // A one-shot listener (\`end\` on a stream that can fail, \`once()\`) that settles in a \`try\`
      // whose \`catch\` swallows the failure; a repeated event (\`data\`) may settle later, a
      // \`catch\` that rejects settles, and another settling listener (\`close\`) is another route.
      code: `${prelude}export function read(path: string): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    const stream = createReadStream(path);
    stream.on('error', reject);
    stream.on('end', () => {
      try {
        resolve(JSON.stringify(stream.bytesRead));
      } catch (error) {
        log(error);
      }
    });
  });
}
export function chunks(path: string): Promise<string> {
  return new Promise<string>((resolve) => {
    createReadStream(path).on('data', () => {
      try {
        resolve('x');
      } catch (error) {
        log(error);
      }
    });
  });
}
export function rejects(path: string): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    createReadStream(path).once('end', () => {
      try {
        resolve('x');
      } catch (error) {
        reject(error);
      }
    });
  });
}
`,
      errors: [
        verdict('executor settles', 2),
        verdict('no swallow', 4),
        verdict('catch ends', 5),
        verdict('executor settles', 15),
        verdict('no swallow', 16),
        verdict('executor settles', 26),
        verdict('no swallow', 27),
      ],
    },
  ],
});
