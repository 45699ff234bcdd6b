/**
 * `timeoutCleared` through a probe rule: at every `Promise.race([...])` it
 * takes the first element `timeoutOf` sees as a timeout (as no-abandoned-race
 * does) and reports its kind and whether its timer stops once the race
 * settles (`cleared`) or stays armed (`armed`); `no timeout` when no element
 * is one. The rule reports `timerNeverCleared` for `armed`.
 */
import { ESLintUtils, type TSESTree } from '@typescript-eslint/utils';
import { racedElements } from '../../src/analysis/raced-work.js';
import { timeoutCleared } from '../../src/analysis/timeout-clearing.js';
import { timeoutOf } from '../../src/analysis/timeouts.js';
import { typedRuleTester } from '../rule-tester.js';

const probe = ESLintUtils.RuleCreator.withoutDocs<[], 'verdict'>({
  meta: { type: 'problem', messages: { verdict: '{{verdict}}' }, schema: [], defaultOptions: [] },
  create(context) {
    const services = ESLintUtils.getParserServices(context);
    const { sourceCode } = context;
    const raceContext = { sourceCode, services, checker: services.program.getTypeChecker() };
    return {
      CallExpression(node: TSESTree.CallExpression) {
        const elements = racedElements(node);
        if (!elements) return;
        const timeout = elements
          .map((element) => timeoutOf(element, { sourceCode, services, helpers: [] }))
          .find((found) => found !== null);
        const verdict = timeout
          ? `${timeout.kind} ${timeoutCleared(timeout, node, raceContext) ? 'cleared' : 'armed'}`
          : 'no timeout';
        context.report({ node, messageId: 'verdict', data: { verdict } });
      },
    };
  },
});

const prelude = `declare function work(): Promise<string>;
declare function done(): void;
let timer: ReturnType<typeof setTimeout> | undefined;
`;
const at = (line: number) => line + 3;
const verdict = (text: string, line: number) => ({
  messageId: 'verdict' as const,
  data: { verdict: text },
  line: at(line),
});
const cleared = (line: number) => verdict('promiseTimer cleared', line);
const armed = (line: number) => verdict('promiseTimer armed', line);

typedRuleTester().run('timeout-clearing probe', probe, {
  valid: [],
  invalid: [
    {
      // A \`finally\` around the race that clears the handle, also behind a null-guard, with
      // \`clearInterval\`, or through a \`const\` holding the timer promise; no \`finally\`, or one
      // that clears another handle, leaves it armed. A race of no timer has no verdict.
      code: `${prelude}let other: ReturnType<typeof setTimeout> | undefined;
async function run(): Promise<void> {
  try {
    await Promise.race([work(), new Promise<never>((_, reject) => { timer = setTimeout(reject, 10); })]);
  } finally {
    clearTimeout(timer);
  }
  try {
    await Promise.race([work(), new Promise<never>((_, reject) => { timer = setTimeout(reject, 10); })]);
  } finally {
    if (timer) clearInterval(timer);
  }
  const limit = new Promise<never>((_, reject) => { timer = setTimeout(reject, 10); });
  try {
    await Promise.race([work(), limit]);
  } finally {
    clearTimeout(timer);
  }
  await Promise.race([work(), new Promise<never>((_, reject) => { timer = setTimeout(reject, 10); })]);
  try {
    await Promise.race([work(), new Promise<never>((_, reject) => { other = setTimeout(reject, 10); })]);
  } finally {
    clearTimeout(timer);
  }
  await Promise.race([work(), work()]);
}
`,
      errors: [cleared(4), cleared(9), cleared(15), armed(19), armed(21), verdict('no timeout', 25)],
    },
    {
      // \`.finally()\` on the race, or both handlers of \`.then(a, b)\` on it, clear it; one handler
      // only does not. A timer written with \`.unref()\` is taken as cleared; one whose handle is
      // never kept is armed.
      code: `${prelude}async function chained(): Promise<void> {
  await Promise.race([work(), new Promise<never>((_, reject) => { timer = setTimeout(reject, 10); })]).finally(() => clearTimeout(timer));
  await Promise.race([work(), new Promise<never>((_, reject) => { timer = setTimeout(reject, 10); })]).then(
    () => clearTimeout(timer),
    () => clearTimeout(timer),
  );
  await Promise.race([work(), new Promise<never>((_, reject) => { timer = setTimeout(reject, 10); })]).then(() => clearTimeout(timer));
  await Promise.race([work(), new Promise<void>((resolve) => { setTimeout(resolve, 10).unref(); })]);
  await Promise.race([work(), new Promise<void>((resolve) => { setTimeout(resolve, 10); })]);
}
`,
      errors: [cleared(2), cleared(3), armed(7), cleared(8), armed(9)],
    },
    {
      // Every other element of the race clears it when it settles (\`.finally\` or both handlers
      // of \`.then\`): when the work wins the timer is cleared, when the timer wins it has fired.
      // One other element that does not leaves it armed.
      code: `${prelude}async function others(): Promise<void> {
  await Promise.race([work().finally(() => clearTimeout(timer)), new Promise<never>((_, reject) => { timer = setTimeout(reject, 10); })]);
  await Promise.race([
    work().then(() => clearTimeout(timer), () => clearTimeout(timer)),
    new Promise<never>((_, reject) => { timer = setTimeout(reject, 10); }),
  ]);
  await Promise.race([
    work().finally(() => clearTimeout(timer)),
    work(),
    new Promise<never>((_, reject) => { timer = setTimeout(reject, 10); }),
  ]);
  await Promise.race([work().then(() => clearTimeout(timer)), new Promise<never>((_, reject) => { timer = setTimeout(reject, 10); })]);
}
`,
      errors: [cleared(2), cleared(3), armed(7), armed(12)],
    },
    {
      // Only what runs after the race in its own function counts: a \`finally\` of a caller, or
      // one around a callback the race is written in, does not.
      // A race in a \`catch\` block is cleared by the \`finally\` of the same \`try\`, which runs
      // after the \`catch\` too.
      code: `${prelude}async function inner(): Promise<string> {
  return Promise.race([work(), new Promise<never>((_, reject) => { timer = setTimeout(reject, 10); })]);
}
async function outer(): Promise<void> {
  try {
    await inner();
    await Promise.all([1].map(() => Promise.race([work(), new Promise<never>((_, reject) => { timer = setTimeout(reject, 10); })])));
  } finally {
    clearTimeout(timer);
  }
  try {
    await work();
  } catch {
    await Promise.race([work(), new Promise<never>((_, reject) => { timer = setTimeout(reject, 10); })]);
  } finally {
    clearTimeout(timer);
  }
}
`,
      errors: [armed(2), armed(7), cleared(14)],
    },
    {
      // A handle kept on \`this\` and cleared in \`finally\`; \`globalThis.clearTimeout(timer)\`
      // is the same function as \`clearTimeout\`.
      code: `${prelude}class Client {
  private timer: ReturnType<typeof setTimeout> | undefined;
  async call(): Promise<void> {
    try {
      await Promise.race([work(), new Promise<never>((_, reject) => { this.timer = setTimeout(reject, 10); })]);
    } finally {
      clearTimeout(this.timer);
    }
    try {
      await Promise.race([work(), new Promise<never>((_, reject) => { timer = setTimeout(reject, 10); })]);
    } finally {
      globalThis.clearTimeout(timer);
    }
  }
}
`,
      errors: [cleared(5), cleared(10)],
    },
    {
      // A helper whose declaration makes a timer promise is cleared only when it is handed an
      // \`AbortSignal\` (bare or as \`{ signal }\`).
      code: `${prelude}function delay(ms: number, signal?: AbortSignal | { signal: AbortSignal }): Promise<never> {
  return new Promise((_, reject) => { setTimeout(reject, ms); });
}
async function helpers(signal: AbortSignal): Promise<void> {
  await Promise.race([work(), delay(10, signal)]);
  await Promise.race([work(), delay(10, { signal })]);
  await Promise.race([work(), delay(10)]);
}
`,
      errors: [verdict('helper cleared', 5), verdict('helper cleared', 6), verdict('helper armed', 7)],
    },
    {
      // A timer promise taken from a helper's result is cleared when the result's own clearing
      // function is called after the race (by the object's name or a destructured name); a
      // result with no such function, or a clear left uncalled, leaves it armed.
      code: `${prelude}function deadline(ms: number) {
  let handle: ReturnType<typeof setTimeout> | undefined;
  const promise = new Promise<never>((_, reject) => { handle = setTimeout(reject, ms); });
  return { promise, clear: () => clearTimeout(handle) };
}
function bare(ms: number) {
  const promise = new Promise<never>((_, reject) => { setTimeout(reject, ms); });
  return { promise };
}
async function results(): Promise<void> {
  const limit = deadline(10);
  try {
    await Promise.race([work(), limit.promise]);
  } finally {
    limit.clear();
  }
  const { promise, clear } = deadline(10);
  await Promise.race([work(), promise]).finally(() => clear());
  const lone = deadline(10);
  await Promise.race([work(), lone.promise]).then(() => lone.clear());
  const plain = bare(10);
  try {
    await Promise.race([work(), plain.promise]);
  } finally {
    done();
  }
}
`,
      errors: [
        verdict('helperResult cleared', 13),
        verdict('helperResult cleared', 18),
        verdict('helperResult armed', 20),
        verdict('helperResult armed', 23),
      ],
    },
    {
      // A \`node:timers/promises\` timer is cleared when it is given a \`signal\`.
      code: `import { setTimeout as sleep } from 'node:timers/promises';
declare function work(): Promise<string>;
export async function waits(signal: AbortSignal): Promise<void> {
  await Promise.race([work(), sleep(10, undefined, { signal })]);
  await Promise.race([work(), sleep(10)]);
}
`,
      errors: [
        { messageId: 'verdict', data: { verdict: 'timersPromises cleared' }, line: 4 },
        { messageId: 'verdict', data: { verdict: 'timersPromises armed' }, line: 5 },
      ],
    },
  ],
});
