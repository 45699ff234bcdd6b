/**
 * The settle-events analysis through three probe rules.
 *
 * Events: at every `new Promise` whose executor settles somewhere, what
 * `unlistenedFailures` finds (`unlistened node` / `unlistened dom` at the
 * registration that settles on success, `quiet error` at an `error` listener
 * of the same emitter that does not settle) and what `unwiredPipes` finds
 * (`unwired <source>` at the `pipe()` call), or `heard` at the promise when
 * neither finds anything. The pipes are those `recordExecutor` records, as in
 * no-unsettled-promise.
 *
 * Listeners: at every listener of an executor, `isOneShotListener` as
 * `<event> one-shot` or `<event> repeated`.
 *
 * Calls: at every `probe(call)`, `pipe` for `isPipeCall`, `listen <first string
 * argument or ->` for `isListenCall` (with `firstString`), else `neither`.
 */
import { AST_NODE_TYPES, ESLintUtils, type TSESTree } from '@typescript-eslint/utils';
import { executorRecords, recordExecutor } from '../../src/analysis/settle-paths.js';
import {
  firstString,
  isListenCall,
  isOneShotListener,
  isPipeCall,
  unlistenedFailures,
  unwiredPipes,
} from '../../src/analysis/settle-events.js';
import { modelExecutor, promiseExecutor } from '../../src/analysis/settlers.js';
import { typedRuleTester } from '../rule-tester.js';
import { argumentProbe } from './argument-probe.js';

const eventsProbe = ESLintUtils.RuleCreator.withoutDocs<[], 'verdict'>({
  meta: { type: 'problem', messages: { verdict: '{{verdict}}' }, schema: [], defaultOptions: [] },
  create(context) {
    const services = ESLintUtils.getParserServices(context);
    const { sourceCode } = context;
    const emitters = { services, checker: services.program.getTypeChecker(), sourceCode };
    const records = executorRecords();
    const say = (node: TSESTree.Node, verdict: string): void => {
      context.report({ node, messageId: 'verdict', data: { verdict } });
    };
    return {
      NewExpression(node: TSESTree.NewExpression) {
        const executor = promiseExecutor(node);
        const model = executor ? modelExecutor(node, executor, sourceCode) : null;
        if (!model || model.sites.length === 0) return;
        recordExecutor(records, model);
        const unlistened = unlistenedFailures(emitters, model);
        const unwired = unwiredPipes(emitters, model, records.pipes.get(model.executor));
        for (const found of unlistened) {
          say(found.success.node, `unlistened ${found.kind}`);
          if (found.quiet) say(found.quiet.node, 'quiet error');
        }
        for (const found of unwired) say(found.pipe, `unwired ${sourceCode.getText(found.source)}`);
        if (unlistened.length === 0 && unwired.length === 0) say(node, 'heard');
      },
    };
  },
});

const listenersProbe = ESLintUtils.RuleCreator.withoutDocs<[], 'verdict'>({
  meta: { type: 'problem', messages: { verdict: '{{verdict}}' }, schema: [], defaultOptions: [] },
  create(context) {
    const services = ESLintUtils.getParserServices(context);
    const { sourceCode } = context;
    const emitters = { services, checker: services.program.getTypeChecker(), sourceCode };
    return {
      NewExpression(node: TSESTree.NewExpression) {
        const executor = promiseExecutor(node);
        const model = executor ? modelExecutor(node, executor, sourceCode) : null;
        for (const listener of model?.listeners ?? []) {
          const verdict = `${listener.event} ${isOneShotListener(emitters, listener) ? 'one-shot' : 'repeated'}`;
          context.report({ node: listener.node, messageId: 'verdict', data: { verdict } });
        }
      },
    };
  },
});

const callsProbe = argumentProbe((arg) => {
  const call = arg.type === AST_NODE_TYPES.ChainExpression ? arg.expression : arg;
  if (call.type !== AST_NODE_TYPES.CallExpression) return 'neither';
  if (isPipeCall(call)) return 'pipe';
  if (isListenCall(call)) return `listen ${firstString(call) ?? '-'}`;
  return 'neither';
});

const prelude = `import { createReadStream, createWriteStream } from 'node:fs';
import { finished, PassThrough } from 'node:stream';
import { EventEmitter } from 'node:events';
declare function log(value: unknown): void;
`;
const at = (line: number) => line + 4;
const verdict = (text: string, line: number) => ({
  messageId: 'verdict' as const,
  data: { verdict: text },
  line: at(line),
});
const heard = (line: number) => verdict('heard', line);

typedRuleTester().run('settle-events unlistenedFailures and unwiredPipes probe', eventsProbe, {
  valid: [],
  invalid: [
    {
      // A Node.js stream that settles on \`end\` (by \`on\` or \`once\`) and on nothing terminal; an
      // \`error\` listener that settles, or a settling \`close\`, covers it; an \`error\` listener that
      // does not settle is named as the quiet one.
      code: `${prelude}export function streams(path: string): Promise<void>[] {
  return [
    new Promise<void>((resolve) => {
      createReadStream(path).on('end', resolve);
    }),
    new Promise<void>((resolve) => {
      createReadStream(path).once('end', () => resolve());
    }),
    new Promise<void>((resolve, reject) => {
      const stream = createReadStream(path);
      stream.on('end', resolve);
      stream.on('error', reject);
    }),
    new Promise<void>((resolve) => {
      createReadStream(path).on('end', resolve).on('close', resolve);
    }),
    new Promise<void>((resolve) => {
      const stream = createReadStream(path);
      stream.on('error', (error) => log(error));
      stream.on('end', resolve);
    }),
  ];
}
`,
      errors: [
        verdict('unlistened node', 4),
        verdict('unlistened node', 7),
        heard(9),
        heard(14),
        verdict('quiet error', 19),
        verdict('unlistened node', 20),
      ],
    },
    {
      // Emitters that cannot fail in the checker's eyes (the program's own \`EventEmitter\`, a
      // value typed \`any\`) are not asked about; each emitter is judged on its own listeners.
      code: `${prelude}declare const loose: any;
export function others(path: string): Promise<void>[] {
  return [
    new Promise<void>((resolve) => {
      new EventEmitter().on('done', resolve);
    }),
    new Promise<void>((resolve) => {
      loose.on('end', resolve);
    }),
    new Promise<void>((resolve, reject) => {
      const a = createReadStream(path);
      const b = createReadStream(path);
      a.on('end', resolve);
      b.on('error', reject);
    }),
  ];
}
`,
      errors: [heard(4), heard(7), verdict('unlistened node', 13)],
    },
    {
      // Listeners are grouped by emitter whatever branch they are in, and \`this.stream\` is one
      // emitter wherever it is written.
      // A \`const\` copy of a variable names the same emitter: \`same\` and \`stream\` are one stream.
      code: `${prelude}export class Reader {
  private stream = createReadStream('f');
  read(strict: boolean): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      if (strict) this.stream.on('error', reject);
      this.stream.on('end', resolve);
    });
  }
  alias(): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const stream = this.stream;
      const same = stream;
      same.on('error', reject);
      stream.on('end', resolve);
    });
  }
}
`,
      errors: [heard(4), heard(10)],
    },
    {
      // DOM targets that can fail settle on a success event (\`load\`, \`message\`) by
      // \`addEventListener\` or an \`on…\` property; \`onerror\`, a settling \`loadend\`, or an event that
      // is no success event do not count as unheard. \`window\` is a global target: its \`error\` is
      // about scripts, so it is not asked about.
      code: `${prelude}export function dom(url: string): Promise<void>[] {
  return [
    new Promise<void>((resolve) => {
      const image = new Image();
      image.onload = () => resolve();
      image.src = url;
    }),
    new Promise<void>((resolve) => {
      new WebSocket(url).addEventListener('open', () => resolve());
    }),
    new Promise<void>((resolve, reject) => {
      const image = new Image();
      image.onload = () => resolve();
      image.onerror = reject;
    }),
    new Promise<void>((resolve) => {
      const request = new XMLHttpRequest();
      request.addEventListener('loadend', () => resolve());
    }),
    new Promise<void>((resolve) => {
      new Image().addEventListener('click', () => resolve());
    }),
    new Promise<void>((resolve) => {
      window.addEventListener('load', () => resolve());
    }),
  ];
}
`,
      errors: [verdict('unlistened dom', 5), verdict('unlistened dom', 9), heard(11), heard(16), heard(20), heard(23)],
    },
    {
      // \`src.pipe(dest)\` with \`dest\` wired both ways: \`pipe()\` does not forward \`src\`'s errors, so
      // an unheard \`src\` is reported; one heard (directly, through a chained listener, or handed
      // to \`finished()\`) is not. In \`a.pipe(b).pipe(c)\` the stream nearest \`c\` is named first. A
      // destination with no terminal listener is the unlistened case, not an unwired pipe.
      code: `${prelude}export function pipes(from: string, to: string): Promise<void>[] {
  return [
    new Promise<void>((resolve, reject) => {
      const source = createReadStream(from);
      const target = createWriteStream(to);
      source.pipe(target);
      target.on('finish', resolve);
      target.on('error', reject);
    }),
    new Promise<void>((resolve, reject) => {
      const source = createReadStream(from);
      const target = createWriteStream(to);
      source.on('error', reject);
      source.pipe(target).on('finish', resolve).on('error', reject);
    }),
    new Promise<void>((resolve, reject) => {
      const target = createWriteStream(to);
      createReadStream(from).on('error', reject).pipe(target);
      target.on('finish', resolve).on('error', reject);
    }),
    new Promise<void>((resolve, reject) => {
      const source = createReadStream(from);
      finished(source, () => undefined);
      source.pipe(createWriteStream(to)).on('finish', resolve).on('error', reject);
    }),
    new Promise<void>((resolve, reject) => {
      const middle = new PassThrough();
      const last = createWriteStream(to);
      createReadStream(from).pipe(middle).pipe(last).on('close', resolve).on('finish', resolve).on('error', reject);
    }),
    new Promise<void>((resolve) => {
      const target = createWriteStream(to);
      createReadStream(from).pipe(target);
      target.on('finish', resolve);
    }),
  ];
}
`,
      errors: [
        verdict('unwired source', 6),
        heard(10),
        heard(16),
        heard(21),
        verdict('unwired middle', 29),
        verdict('unlistened node', 34),
      ],
    },
  ],
});

typedRuleTester().run('settle-events isOneShotListener probe', listenersProbe, {
  valid: [],
  invalid: [
    {
      // One-shot: a \`once\` registration, \`{ once: true }\`, or a one-shot event (\`end\`, \`load\`,
      // \`close\`) on an emitter that can fail. Repeated: \`data\`, \`message\`, \`{ once: false }\`, and a
      // one-shot event name on the program's own emitter.
      code: `${prelude}export function listeners(path: string, url: string): Promise<void> {
  return new Promise<void>((resolve) => {
    const stream = createReadStream(path);
    stream.on('end', resolve);
    stream.on('data', resolve);
    stream.once('data', resolve);
    stream.prependOnceListener('data', resolve);
    const socket = new WebSocket(url);
    socket.addEventListener('message', () => resolve());
    socket.addEventListener('message', () => resolve(), { once: true });
    socket.addEventListener('message', () => resolve(), { once: false });
    socket.onclose = () => resolve();
    new EventEmitter().on('end', resolve);
  });
}
`,
      errors: [
        verdict('end one-shot', 4),
        verdict('data repeated', 5),
        verdict('data one-shot', 6),
        verdict('data one-shot', 7),
        verdict('message repeated', 9),
        verdict('message one-shot', 10),
        verdict('message repeated', 11),
        verdict('close one-shot', 12),
        verdict('end repeated', 13),
      ],
    },
  ],
});

typedRuleTester().run('settle-events call shapes probe', callsProbe, {
  valid: [],
  invalid: [
    {
      // \`pipe\` takes one destination (and options); listener registrations by any of their
      // methods, with the event when it is a plain string; an optional call
      // too. Not a call that only names an event (\`emit\`), nor a value that is no call.
      code: `declare function probe(value: unknown): void;
declare const a: NodeJS.ReadableStream & NodeJS.WritableStream;
declare const t: EventTarget;
declare const name: string;
probe(a.pipe(a));
probe(a.pipe(a, { end: false }));
probe(a.pipe());
probe(a.on('error', () => undefined));
probe(a.once(name, () => undefined));
probe(t.addEventListener('load', () => undefined));
probe(a?.on('end', () => undefined));
probe(a.emit('end'));
probe(a);
`,
      errors: [
        { messageId: 'verdict', data: { verdict: 'pipe' }, line: 5 },
        { messageId: 'verdict', data: { verdict: 'pipe' }, line: 6 },
        { messageId: 'verdict', data: { verdict: 'neither' }, line: 7 },
        { messageId: 'verdict', data: { verdict: 'listen error' }, line: 8 },
        { messageId: 'verdict', data: { verdict: 'listen -' }, line: 9 },
        { messageId: 'verdict', data: { verdict: 'listen load' }, line: 10 },
        { messageId: 'verdict', data: { verdict: 'listen end' }, line: 11 },
        { messageId: 'verdict', data: { verdict: 'neither' }, line: 12 },
        { messageId: 'verdict', data: { verdict: 'neither' }, line: 13 },
      ],
    },
  ],
});
