/**
 * The cancellation analysis through probe rules.
 * - At every `probe(code)` call: whether `code` reads a cancellation state
 *   (`reads`: `readsCancellation`, which `consultsCancellation` also accepts),
 *   only uses or hands on an `AbortSignal` (`passes`: `consultsCancellation`
 *   without a read), or does neither (`ignores`).
 * - At every `probeSignal()` call: the `AbortSignal` its function, or one
 *   around it, is given, as `signalInScope` names it, or `none`.
 */
import { ESLintUtils, type TSESTree } from '@typescript-eslint/utils';
import { enclosingFunction } from '../../src/analysis/ast.js';
import { consultsCancellation, readsCancellation, signalInScope } from '../../src/analysis/cancellation.js';
import { typedRuleTester } from '../rule-tester.js';
import { argumentProbe } from './argument-probe.js';

const consultProbe = argumentProbe((arg, services) => {
  const consults = consultsCancellation(arg, { services, checker: services.program.getTypeChecker() });
  const reads = readsCancellation(arg);
  if (reads && !consults) return 'reads without consulting';
  return reads ? 'reads' : consults ? 'passes' : 'ignores';
});

const signalProbe = ESLintUtils.RuleCreator.withoutDocs<[], 'verdict'>({
  meta: { type: 'problem', messages: { verdict: '{{verdict}}' }, schema: [], defaultOptions: [] },
  create(context) {
    const services = ESLintUtils.getParserServices(context);
    const typeContext = { services, checker: services.program.getTypeChecker() };
    return {
      'CallExpression[callee.name="probeSignal"]'(node: TSESTree.CallExpression) {
        const fn = enclosingFunction(node);
        const verdict = (fn ? signalInScope(fn, typeContext) : null) ?? 'none';
        context.report({ node, messageId: 'verdict', data: { verdict } });
      },
    };
  },
});

const prelude = `declare function probe(value: unknown): void;
declare function probeSignal(): void;
declare function work(): Promise<void>;
declare function read(options: { bytes?: number; signal?: AbortSignal }): Promise<string>;
declare function fetchFrom(url: string, init?: RequestInit): Promise<Response>;
declare const signal: AbortSignal;
declare const options: { bytes: number; signal?: AbortSignal };
declare const token: { isCancellationRequested: boolean };
declare const job: { aborted: boolean; id: string };
declare const controller: AbortController;
`;
const at = (line: number) => line + 10;
const verdictAt = (verdict: string) => (line: number) => ({
  messageId: 'verdict' as const,
  data: { verdict },
  line: at(line),
});
const reads = verdictAt('reads');
const passes = verdictAt('passes');
const ignores = verdictAt('ignores');
const named = (verdict: string, line: number) => verdictAt(verdict)(line);

typedRuleTester().run('cancellation probe', consultProbe, {
  valid: [],
  invalid: [
    {
      // Reads of a cancellation state, nested callbacks included.
      code: `${prelude}probe(() => {
  if (signal.aborted) return;
});
probe(() => signal.throwIfAborted());
probe(() => token.isCancellationRequested);
probe(() => [1].forEach(() => options.signal?.throwIfAborted()));
probe(async () => {
  while (!signal.aborted) await work();
});
`,
      errors: [reads(1), reads(4), reads(5), reads(6), reads(7)],
    },
    {
      // An \`AbortSignal\` used or handed on: the value itself, a member holding one, an options
      // object passed to a call whose type carries one, a literal that spreads it.
      code: `${prelude}probe(() => fetchFrom('/a', { signal }));
probe(() => read(options));
probe(() => read({ ...options, bytes: 1 }));
probe(() => {
  const own = options.signal;
  return own;
});
probe(() => fetchFrom('/a', { signal: controller.signal }));
probe(() => signal['aborted']);
declare const sdkOptions: { abortSignal?: AbortSignal; retries: number };
declare function send(options: { abortSignal?: AbortSignal; retries: number }): Promise<void>;
probe(() => send(sdkOptions));
`,
      errors: [passes(1), passes(2), passes(3), passes(4), passes(8), passes(9), passes(12)],
    },
    {
      // Nothing about cancellation: a call with no signal, an options object read but not passed
      // on, a controller aborted, a key named like a read.
      code: `${prelude}probe(() => work());
probe(() => options.bytes);
probe(() => controller.abort());
probe(() => ({ aborted: false }));
probe(() => read({ bytes: 1 }));
`,
      errors: [ignores(1), ignores(2), ignores(3), ignores(4), ignores(5)],
    },
    {
      // The read is known by its name alone: \`aborted\` on an object that is no signal counts.
      code: `${prelude}probe(() => job.aborted);
`,
      errors: [reads(1)],
    },
  ],
});

typedRuleTester().run('signal in scope probe', signalProbe, {
  valid: [],
  invalid: [
    {
      // A parameter, with a default, or a union with undefined; an options parameter's
      // \`signal\` (the program's own type or a library's such as \`RequestInit\`); a destructured
      // one, renamed or with a default.
      code: `${prelude}function a(signal: AbortSignal): void {
  probeSignal();
}
function b(timeout: number, signal = new AbortController().signal): void {
  probeSignal();
}
function c(signal: AbortSignal | undefined): void {
  probeSignal();
}
function d(opts: { retries: number; signal?: AbortSignal }): void {
  probeSignal();
}
function e(init: RequestInit): void {
  probeSignal();
}
function f({ signal: stop }: { signal: AbortSignal }): void {
  probeSignal();
}
function g({ signal = undefined }: { signal?: AbortSignal }): void {
  probeSignal();
}
`,
      errors: [
        named('signal', 2),
        named('signal', 5),
        named('signal', 8),
        named('opts.signal', 11),
        named('init.signal', 14),
        named('stop', 17),
        named('signal', 20),
      ],
    },
    {
      // A function around the probe's gives its signal; a constructor's parameter property is
      // a parameter of the constructor only; no signal at all.
      code: `${prelude}function outer(signal: AbortSignal): void {
  const inner = (): void => {
    probeSignal();
  };
  inner();
}
class Poller {
  constructor(private readonly signal: AbortSignal) {
    probeSignal();
  }
  poll(): void {
    probeSignal();
  }
}
function plain(timeout: number, name: string): void {
  probeSignal();
}
probeSignal();
`,
      errors: [named('signal', 3), named('signal', 9), named('none', 12), named('none', 16), named('none', 18)],
    },
    {
      // An options property typed \`AbortSignal\` is found whatever its name, as by \`signalSlot\`,
      // also in an intersection of option types.
      code: `${prelude}function other(options: { abortSignal: AbortSignal }): void {
  probeSignal();
}
function joined(options?: { signal?: AbortSignal | null } & { pollMs?: number }): void {
  probeSignal();
}
`,
      errors: [named('options.abortSignal', 2), named('options.signal', 5)],
    },
  ],
});
