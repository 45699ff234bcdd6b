/**
 * `neverRejects` through a probe rule: at every `probe(value)` it reports
 * whether `value`, an `await`, waits on a promise that cannot reject
 * (`never rejects`), as the code of this file shows, or may (`may reject`).
 * Rules use it to skip an `await` as a place where a throw could skip cleanup
 * or leave a loop.
 */
import { ESLintUtils, type TSESTree } from '@typescript-eslint/utils';
import { neverRejects } from '../../src/analysis/rejections.js';
import { typedRuleTester } from '../rule-tester.js';

const probe = ESLintUtils.RuleCreator.withoutDocs<[], 'verdict'>({
  meta: { type: 'problem', messages: { verdict: '{{verdict}}' }, schema: [], defaultOptions: [] },
  create(context) {
    return {
      'CallExpression[callee.name="probe"]'(node: TSESTree.CallExpression) {
        const [arg] = node.arguments;
        if (!arg) return;
        const verdict = neverRejects(arg, ESLintUtils.getParserServices(context)) ? 'never rejects' : 'may reject';
        context.report({ node, messageId: 'verdict', data: { verdict } });
      },
    };
  },
});

const prelude = `declare function probe(value: unknown): void;
declare function work(): Promise<void>;
declare const ready: Promise<void>;
declare function check(): void;
`;
const at = (line: number) => line + 4;
const never = (line: number) => ({ messageId: 'verdict' as const, data: { verdict: 'never rejects' }, line: at(line) });
const may = (line: number) => ({ messageId: 'verdict' as const, data: { verdict: 'may reject' }, line: at(line) });

typedRuleTester().run('rejections probe', probe, {
  valid: [],
  invalid: [
    {
      // An inline executor that takes no \`reject\`, through wrappers and \`const\`s; one that takes
      // \`reject\`, a \`let\`, a promise from elsewhere, and a value that is no \`await\`.
      code: `${prelude}async function run(): Promise<void> {
  probe(await new Promise<void>((resolve) => setTimeout(resolve, 10)));
  probe(await new Promise<void>(function (resolve) { setTimeout(resolve, 10); }));
  probe(await (new Promise<void>((resolve) => setTimeout(resolve, 10)) as Promise<void>));
  const tick = new Promise<void>((resolve) => setTimeout(resolve, 10));
  probe(await tick);
  probe(await new Promise<void>((resolve, reject) => setTimeout(reject, 10)));
  let later = new Promise<void>((resolve) => setTimeout(resolve, 10));
  probe(await later);
  probe(await ready);
  probe(await work());
  probe(new Promise<void>((resolve) => setTimeout(resolve, 10)));
  later = ready;
}
`,
      errors: [never(2), never(3), never(4), never(6), may(7), may(9), may(10), may(11), may(12)],
    },
    {
      // Three \`const\` names are followed to the executor (\`third\`, \`second\`, then
      // \`first\`); a fourth is one too many.
      code: `${prelude}async function run(): Promise<void> {
  const first = new Promise<void>((resolve) => setTimeout(resolve, 10));
  const second = first;
  const third = second;
  const fourth = third;
  probe(await second);
  probe(await third);
  probe(await fourth);
}
`,
      errors: [never(6), never(7), may(8)],
    },
    {
      // A \`.catch\` whose handler turns every rejection into a value; one that throws, or a
      // handler that is not an inline function, may still reject.
      code: `${prelude}async function run(handler: () => void): Promise<void> {
  probe(await work().catch(() => undefined));
  probe(await work().catch(function () { return null; }));
  probe(await work().catch((error: unknown) => { throw error; }));
  probe(await work().catch(handler));
  probe(await work().then(() => undefined));
}
`,
      errors: [never(2), never(3), may(4), may(5), may(6)],
    },
    {
      // A function or method of this file that returns such a promise, with one \`return\` or an
      // expression body, or an arrow-valued field (the checker resolves the call to it); an async
      // one, one whose returns are not all such promises, and one declared without a body are not followed.
      code: `${prelude}function wait(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
async function waitAsync(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
function either(fast: boolean): Promise<void> {
  return fast ? Promise.resolve() : wait(1);
}
class Timer {
  delay(): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, 1));
  }
  later = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 1));
  async run(): Promise<void> {
    probe(await this.delay());
    probe(await this.later());
  }
}
async function run(): Promise<void> {
  probe(await wait(1));
  probe(await pause(1));
  probe(await waitAsync(1));
  probe(await either(true));
  probe(await Promise.resolve());
}
`,
      errors: [never(17), never(18), never(22), never(23), may(24), may(25), may(26)],
    },
    {
      // An executor with a \`throw\` rejects its promise, and a helper that throws before its
      // \`return\` hands the throw to the \`await\`. Today: calls that may throw in an executor
      // (\`check()\`, \`JSON.parse\`) are not counted, only \`throw\` statements.
      code: `${prelude}function guardedWait(ms: number): Promise<void> {
  if (ms < 0) throw new Error('negative delay');
  return new Promise((resolve) => setTimeout(resolve, ms));
}
async function run(text: string): Promise<void> {
  probe(await new Promise<void>((resolve) => { check(); JSON.parse(text); resolve(); }));
  probe(await new Promise<void>(() => { throw new Error('never'); }));
  probe(await guardedWait(1));
}
`,
      errors: [never(6), may(7), may(8)],
    },
    {
      // Every \`return\` of the helper counts, also one inside an \`if\` that returns a rejected promise.
      code: `${prelude}function waitOrFail(ms: number): Promise<void> {
  if (ms < 0) {
    return Promise.reject(new Error('negative delay'));
  }
  return new Promise((resolve) => setTimeout(resolve, ms));
}
async function run(): Promise<void> {
  probe(await waitOrFail(-1));
}
`,
      errors: [may(8)],
    },
    {
      // Functions of another file of the program, through the checker: \`delay\` returns a
      // resolve-only promise; \`pause\` one of a \`Promise\` subclass that hands its executor to
      // \`super\`; \`deadline\` is async and throws. A subclass whose constructor wraps the executor
      // may reject however it is called.
      code: `import { deadline, delay, pause } from './timer-helpers.js';
${prelude}class Wrapped<T> extends Promise<T> {
  constructor(executor: (resolve: (value: T) => void) => void) {
    super((resolve, reject) => { try { executor(resolve); } catch (error) { reject(error); } });
  }
}
async function run(): Promise<void> {
  probe(await delay(1));
  probe(await pause(1));
  probe(await deadline(1));
  probe(await new Wrapped<void>((resolve) => setTimeout(resolve, 1)));
}
`,
      errors: [
        { ...never(0), line: 12 },
        { ...never(0), line: 13 },
        { ...may(0), line: 14 },
        { ...may(0), line: 15 },
      ],
    },
    {
      // The checker answers for the type, not for what runs: a \`let\` may hold another function by
      // then, a conditional takes the type of one branch, a method may be overridden by a subclass, a
      // static overload set is not the instance method of that name, and a subclass may override
      // \`then\`. None of these is followed; a method of a class nothing extends is.
      code: `${prelude}function wait(): Promise<void> { return new Promise((resolve) => setTimeout(resolve, 1)); }
function fail(): Promise<void> { return Promise.reject(new Error('no')); }
let step = wait;
export function arm(): void { step = fail; }
declare const cond: boolean;
const either = cond ? wait : fail;
class Base { wait(): Promise<void> { return new Promise<void>((resolve) => setTimeout(resolve, 1)); } }
class Failing extends Base { override wait(): Promise<void> { return Promise.reject(new Error('no')); } }
declare const base: Base;
class Sole { wait(): Promise<void> { return new Promise<void>((resolve) => setTimeout(resolve, 1)); } }
declare const sole: Sole;
class Twin {
  m(): Promise<void> { return new Promise((resolve) => setTimeout(resolve, 1)); }
  static m(x: number): Promise<void>;
  static m(x: string): Promise<void>;
  static m(x: unknown): Promise<void> { return Promise.reject(x); }
}
class Thenless<T> extends Promise<T> {
  override then<A = T, B = never>(): Promise<A | B> { return Promise.reject(new Error('no')); }
}
class Quiet<T> extends Promise<T> {}
async function run(): Promise<void> {
  probe(await step());
  probe(await either());
  probe(await base.wait());
  probe(await sole.wait());
  probe(await Twin.m(1));
  probe(await new Thenless<void>((resolve) => resolve()));
  probe(await new Quiet<void>((resolve) => resolve()));
  probe(await new Failing().wait());
}
`,
      errors: [may(23), may(24), may(25), never(26), may(27), may(28), never(29), may(30)],
    },
    {
      // A \`.catch\` handler that returns a rejected promise rejects the chain all the same.
      code: `${prelude}async function run(): Promise<void> {
  probe(await work().catch((error: unknown) => Promise.reject(error)));
}
`,
      errors: [may(2)],
    },
    {
      // A parameter's call: every call of \`runTask\` passes a function that catches every error
      // (written there, or named); one call of \`runOther\` passes one that does not, and
      // \`runLoose\` is also handed on as a value, so its callers cannot all be read.
      code: `${prelude}async function runTask(task: () => Promise<void>): Promise<void> {
  probe(await task());
}
async function runOther(task: () => Promise<void>): Promise<void> {
  probe(await task());
}
async function runLoose(task: () => Promise<void>): Promise<void> {
  probe(await task());
}
async function quiet(): Promise<void> {
  try {
    await work();
  } catch {
    return;
  }
}
export async function main(): Promise<void> {
  await runTask(async () => {
    try {
      await work();
    } catch (error) {
      console.error('failed', error);
    }
  });
  await runTask(quiet);
  await runOther(quiet);
  await runOther(async () => {
    await work();
  });
  await runLoose(quiet);
}
export const loose = runLoose;
`,
      errors: [never(2), may(5), may(8)],
    },
    {
      // What the passed async function awaits or returns must settle too: a promise returned
      // unawaited from its \`try\`, a helper whose executor takes \`reject\`, a timer from
      // \`node:timers/promises\` (an abort rejects it), a default parameter that throws, an
      // argument that throws, and a parameter that a destructuring assignment rewrites.
      code: `${prelude}import { setTimeout as delay } from 'node:timers/promises';
async function viaTry(task: () => Promise<void>): Promise<void> {
  probe(await task());
}
async function viaHelper(task: () => Promise<void>): Promise<void> {
  probe(await task());
}
async function viaTimer(task: () => Promise<void>): Promise<void> {
  probe(await task());
}
async function viaDefault(task: () => Promise<void>): Promise<void> {
  probe(await task());
}
async function viaArgument(task: (n: number) => Promise<void>, text: string): Promise<void> {
  probe(await task(JSON.parse(text)));
}
async function viaRewrite(task: () => Promise<void>, other: { task: () => Promise<void> }): Promise<void> {
  ({ task } = other);
  probe(await task());
}
function failing(): Promise<void> {
  return new Promise((resolve, reject) => setTimeout(reject, 1));
}
declare const signal: AbortSignal;
declare function boom(): number;
export async function main(text: string): Promise<void> {
  await viaTry(async () => {
    try {
      return work();
    } catch {
      return;
    }
  });
  await viaHelper(async () => {
    await failing();
  });
  await viaTimer(async () => {
    await delay(5, undefined, { signal });
  });
  await viaDefault(async (n = boom()) => {
    try {
      await work();
    } catch {
      return;
    }
  });
  await viaArgument(async () => {}, text);
  await viaRewrite(async () => {}, { task: work });
}
`,
      errors: [may(3), may(6), may(9), may(12), may(15), may(19)],
    },
  ],
});
