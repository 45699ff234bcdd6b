/**
 * The raced-work analysis through a probe rule: at every call it reports,
 * when `racedElements` finds a `Promise.race([...])` or `Promise.any([...])`,
 * the number of its elements and what `abandonedWork` says of the first one
 * (the work; the others are its timeouts): the first call that accepts an
 * `AbortSignal` but is given none that fires on timeout (its callee and slot),
 * and the first call that takes no signal at all (its callee), `-` for none.
 */
import { ESLintUtils, type TSESTree } from '@typescript-eslint/utils';
import { abandonedWork, racedElements } from '../../src/analysis/raced-work.js';
import { typedRuleTester } from '../rule-tester.js';

const probe = ESLintUtils.RuleCreator.withoutDocs<[], 'race'>({
  meta: {
    type: 'problem',
    messages: { race: '{{elements}} elements, unsignalled {{notPassed}}, uncancellable {{uncancellable}}' },
    schema: [],
    defaultOptions: [],
  },
  create(context) {
    const services = ESLintUtils.getParserServices(context);
    const raceContext = { services, checker: services.program.getTypeChecker(), sourceCode: context.sourceCode };
    const text = (call: TSESTree.CallExpression): string => context.sourceCode.getText(call.callee);
    return {
      CallExpression(node: TSESTree.CallExpression) {
        const elements = racedElements(node);
        if (!elements) return;
        const work = elements[0];
        const found = work ? abandonedWork([work], raceContext) : { notPassed: null, uncancellable: null };
        const slot = found.notPassed;
        context.report({
          node,
          messageId: 'race',
          data: {
            elements: String(elements.length),
            notPassed: slot
              ? `${text(slot.call)} ${String(slot.index)}${slot.viaOptions ? ` ${slot.property ?? '?'}` : ''}`
              : '-',
            uncancellable: found.uncancellable ? text(found.uncancellable) : '-',
          },
        });
      },
    };
  },
});

const prelude = `declare function timeout(ms: number): Promise<never>;
declare function fetchFrom(url: string, init?: RequestInit): Promise<Response>;
declare function query(sql: string, signal?: AbortSignal): Promise<number>;
declare function compute(input: string): Promise<number>;
declare const urls: string[];
`;
const at = (line: number) => line + 5;
const race = (elements: number, notPassed: string, uncancellable: string, line: number) => ({
  messageId: 'race' as const,
  data: { elements: String(elements), notPassed, uncancellable },
  line: at(line),
});

typedRuleTester().run('raced work probe', probe, {
  valid: [],
  invalid: [
    {
      // Which calls are races: \`Promise.race\` and \`Promise.any\` of an array literal (holes and
      // spreads left out); not \`Promise.all\`, not a list held elsewhere.
      code: `${prelude}async function races(list: Promise<number>[]): Promise<void> {
  await Promise.race([compute('a'), timeout(1)]);
  await Promise.any([compute('a'), , ...list, timeout(1)]);
  await Promise.all([compute('a'), timeout(1)]);
  await Promise.race(list);
}
`,
      errors: [race(2, '-', 'compute', 2), race(2, '-', 'compute', 3)],
    },
    {
      // A call that accepts a signal, by parameter or options bag, and gets none, or only the
      // caller's (a parameter), or a controller's that nothing aborts.
      code: `${prelude}async function unsignalled(signal: AbortSignal): Promise<void> {
  await Promise.race([fetchFrom('/a'), timeout(1)]);
  await Promise.race([query('select 1'), timeout(1)]);
  await Promise.race([fetchFrom('/a', { signal }), timeout(1)]);
  const idle = new AbortController();
  await Promise.race([query('select 1', idle.signal), timeout(1)]);
}
`,
      errors: [
        race(2, 'fetchFrom 1 signal', '-', 2),
        race(2, 'query 1', '-', 3),
        race(2, 'fetchFrom 1 signal', '-', 4),
        race(2, 'query 1', '-', 6),
      ],
    },
    {
      // A signal that fires on timeout: \`AbortSignal.timeout()\`, a local controller that something
      // aborts, options held in a \`const\`.
      code: `${prelude}async function signalled(): Promise<void> {
  await Promise.race([fetchFrom('/a', { signal: AbortSignal.timeout(1) }), timeout(1)]);
  const controller = new AbortController();
  setTimeout(() => controller.abort(), 1);
  await Promise.race([query('select 1', controller.signal), timeout(1)]);
  const options = { signal: AbortSignal.timeout(1) };
  await Promise.race([fetchFrom('/a', options), timeout(1)]);
}
`,
      errors: [race(2, '-', '-', 2), race(2, '-', '-', 5), race(2, '-', '-', 7)],
    },
    {
      // A spread of the caller's options hands on the caller's signal, as \`{ signal: init.signal }\`
      // does: neither fires on timeout.
      code: `${prelude}async function spread(init: RequestInit): Promise<void> {
  await Promise.race([fetchFrom('/a', { ...init }), timeout(1)]);
  await Promise.race([fetchFrom('/a', { signal: init.signal }), timeout(1)]);
}
`,
      errors: [race(2, 'fetchFrom 1 signal', '-', 2), race(2, 'fetchFrom 1 signal', '-', 3)],
    },
    {
      // The calls the work runs: through \`await\`, \`.then\` chains, \`Promise.all\` of a list or of a
      // mapped call, and \`const\`s (two at most; not one made outside a loop that races it).
      code: `${prelude}async function work(ready: boolean): Promise<void> {
  await Promise.race([fetchFrom('/a').then((response) => response.json()), timeout(1)]);
  await Promise.race([Promise.all([compute('a'), query('select 1')]), timeout(1)]);
  await Promise.race([Promise.all(urls.map((url) => fetchFrom(url))), timeout(1)]);
  const request = fetchFrom('/a');
  const pending = request;
  const waiting = pending;
  await Promise.race([pending, timeout(1)]);
  await Promise.race([waiting, timeout(1)]);
  const started = compute('a');
  while (ready) {
    await Promise.race([started, timeout(1)]);
  }
}
`,
      errors: [
        race(2, 'fetchFrom 1 signal', '-', 2),
        race(2, 'query 1', 'compute', 3),
        race(2, 'fetchFrom 1 signal', '-', 4),
        race(2, 'fetchFrom 1 signal', '-', 8),
        race(2, '-', '-', 9),
        race(2, '-', '-', 12),
      ],
    },
  ],
});
