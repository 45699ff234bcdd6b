/**
 * Programs for no-unsettled-promise's suggestions: a `new Promise` executor
 * (taking `reject`, only `resolve`, a bare `resolve`, or a `resolve` beside a
 * local named `reject`; with or without a type argument; returned, kept in a
 * `const`, awaited or an arrow's body) that
 *
 * - listens for a stream's `end`, a process's `exit`, an image's `onload`, a
 *   reader's `load` or a piped stream's `finish` without `error` (also through
 *   a chain of `.on()` calls, or on an emitter that is not a plain reference);
 * - has an `error` listener that only logs (with or without a parameter, an
 *   expression body, an early return);
 * - hands a node-style callback whose error branch returns, throws, falls
 *   through, or is a lone statement before an `else`, or a `.catch()` /
 *   `.then(…, onRejected)` handler that only logs;
 * - returns a value from the executor (that fits `resolve` or not), or is
 *   `async` and throws or awaits outside a `try`.
 */
import fc from 'fast-check';
import {
  chance,
  fillerLists,
  fillerPrelude,
  flattenGroups,
  jsdoc,
  lang as langArbitrary,
  render,
  style as styleArbitrary,
  t,
  type Code,
  type Filler,
  type Generated,
  type Lang,
} from './common.js';

type Params = 'both' | 'resolveOnly' | 'bare' | 'rejectTaken' | 'annotated';
type Holder = 'return' | 'const' | 'await' | 'arrow';
type Body =
  | { k: 'emitter'; emitter: Emitter; listener: 'expression' | 'block' | 'comment'; chained: boolean }
  | { k: 'errorListener'; param: 'err' | 'error' | 'none' | 'e'; form: ErrorForm }
  | { k: 'callback'; branch: Branch; name: 'err' | 'error' | 'e' }
  | { k: 'chain'; form: 'catch' | 'then' | 'catchNoParam' | 'catchExpression' }
  | { k: 'returns'; value: 'fits' | 'misfit' | 'bare' }
  | { k: 'async'; mode: AsyncMode; template: boolean };
/**
 * An async executor that awaits outside a `try`, throws outside one (after an await guarded by
 * one, or none), or does both inside one. Not both outside: the rule then reports neither (or,
 * with the await in a template, only the throw), which is the detection's business, not a fix's.
 */
type AsyncMode = 'await' | 'throw' | 'throwAfterGuarded' | 'inside';
type Emitter = 'stream' | 'child' | 'image' | 'reader' | 'pipe' | 'call';
type ErrorForm = 'block' | 'empty' | 'commentOnly' | 'expression' | 'earlyReturn' | 'function';
type Branch =
  | 'returnBlock'
  | 'returnLone'
  | 'throw'
  | 'throwBlock'
  | 'elseLone'
  | 'elseBlock'
  | 'nextLine'
  | 'fallsThrough'
  | 'trailingComment';

interface Shape {
  lang: Lang;
  params: Params;
  typeArgument: boolean;
  holder: Holder;
  body: Body;
  fill: Filler[][];
}

const body: fc.Arbitrary<Body> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({
      k: fc.constant('emitter' as const),
      emitter: fc.constantFrom<Emitter>('stream', 'stream', 'child', 'image', 'reader', 'pipe', 'call'),
      listener: fc.constantFrom('expression' as const, 'block' as const, 'comment' as const),
      chained: chance(25),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      k: fc.constant('errorListener' as const),
      param: fc.constantFrom('err' as const, 'error' as const, 'none' as const, 'e' as const),
      form: fc.constantFrom<ErrorForm>(
        'block',
        'block',
        'empty',
        'commentOnly',
        'expression',
        'earlyReturn',
        'function',
      ),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      k: fc.constant('callback' as const),
      branch: fc.constantFrom<Branch>(
        'returnBlock',
        'returnLone',
        'throw',
        'throwBlock',
        'elseLone',
        'elseBlock',
        'nextLine',
        'fallsThrough',
        'trailingComment',
      ),
      name: fc.constantFrom('err' as const, 'error' as const, 'e' as const),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      k: fc.constant('chain' as const),
      form: fc.constantFrom('catch' as const, 'then' as const, 'catchNoParam' as const, 'catchExpression' as const),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      k: fc.constant('returns' as const),
      value: fc.constantFrom('fits' as const, 'misfit' as const, 'bare' as const),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      k: fc.constant('async' as const),
      mode: fc.constantFrom<AsyncMode>('await', 'throw', 'throwAfterGuarded', 'inside'),
      template: chance(20),
    }),
  },
);

const shape: fc.Arbitrary<Shape> = fc.record({
  lang: langArbitrary,
  params: fc.constantFrom<Params>('both', 'resolveOnly', 'resolveOnly', 'bare', 'rejectTaken', 'annotated'),
  typeArgument: fc.boolean(),
  holder: fc.constantFrom<Holder>('return', 'return', 'const', 'await', 'arrow'),
  body,
  fill: fillerLists(2, { async: false, names: ['reject', 'reject2', 'error', 'text'] }),
});

/** The executor's statements, and the type the promise settles with. */
function executorBody(s: Shape, language: Lang): { lines: Code[]; settles: string; async: boolean } {
  const b = s.body;
  switch (b.k) {
    case 'emitter': {
      const settle = (value: string): string =>
        b.listener === 'expression' ? `() => resolve(${value})` : `() => resolve(${value}) /* done */`;
      // A listener in a block is printed over three lines.
      const register = (head: string, value: string, tail = ');'): Code[] =>
        b.listener === 'block'
          ? [`${head}() => {`, [`resolve(${value});`], `}${tail}`]
          : [`${head}${settle(value)}${tail}`];
      switch (b.emitter) {
        case 'stream':
          return {
            settles: 'string',
            async: false,
            lines: [
              "let text = '';",
              "const stream = createReadStream(path, 'utf8');",
              ...(b.chained
                ? register("stream.on('data', (chunk) => (text += String(chunk))).on('end', ", 'text')
                : ["stream.on('data', (chunk) => (text += String(chunk)));", ...register("stream.on('end', ", 'text')]),
            ],
          };
        case 'child':
          return {
            settles: 'string',
            async: false,
            lines: ["const child = spawn('ls', [path]);", ...register("child.once('exit', ", 'path')],
          };
        case 'image':
          return {
            settles: 'string',
            async: false,
            lines: [
              'const img = new Image();',
              ...(b.listener === 'block'
                ? ['img.onload = () => {', ['resolve(img.src);'], '};']
                : [`img.onload = ${settle('img.src')};`]),
              'img.src = path;',
            ],
          };
        case 'reader':
          return {
            settles: 'string',
            async: false,
            lines: [
              'const reader = new FileReader();',
              ...register("reader.addEventListener('load', ", 'String(reader.result)'),
              'reader.readAsText(new Blob([path]));',
            ],
          };
        case 'pipe':
          return {
            settles: 'string',
            async: false,
            lines: [
              'const source = createReadStream(path);',
              "const sink = createWriteStream(path + '.copy');",
              'source.pipe(sink);',
              ...register("sink.on('finish', ", 'path'),
              "sink.on('error', reject);",
            ],
          };
        case 'call':
          return { settles: 'string', async: false, lines: register("createReadStream(path).on('end', ", 'path') };
      }
      break;
    }
    case 'errorListener': {
      const param = b.param === 'none' ? '' : `${b.param}${t(language, ': Error')}`;
      const use = b.param === 'none' ? "'read failed'" : `String(${b.param})`;
      const listener: Code[] = (() => {
        switch (b.form) {
          case 'block':
            return [`stream.on('error', (${param}) => {`, [`note(${use});`], '});'];
          case 'empty':
            return [`stream.on('error', (${param}) => {});`];
          case 'commentOnly':
            return [`stream.on('error', (${param}) => {`, ['// Ignored: the read is retried elsewhere.'], '});'];
          case 'expression':
            return [`stream.on('error', (${param}) => note(${use}));`];
          case 'earlyReturn':
            return [`stream.on('error', (${param}) => {`, ['if (state.ready) return;', `note(${use});`], '});'];
          case 'function':
            return [`stream.on('error', function (${param}) {`, [`note(${use});`], '});'];
        }
      })();
      return {
        settles: 'string',
        async: false,
        lines: [
          'const stream = createReadStream(path);',
          ...listener,
          "stream.on('end', () => resolve(path));",
          'stream.resume();',
        ],
      };
    }
    case 'callback': {
      const e = b.name;
      const branch: Code[] = (() => {
        switch (b.branch) {
          case 'returnBlock':
            return [`if (${e}) {`, [`note(String(${e}));`, 'return;'], '}', "resolve(value ?? '');"];
          case 'returnLone':
            return [`if (${e}) return;`, "resolve(value ?? '');"];
          case 'throw':
            return [`if (${e}) throw ${e};`, "resolve(value ?? '');"];
          case 'throwBlock':
            return [`if (${e}) {`, ["note('failed');", `throw ${e};`], '}', "resolve(value ?? '');"];
          case 'elseLone':
            return [`if (${e}) note(String(${e}));`, "else resolve(value ?? '');"];
          case 'elseBlock':
            return [`if (${e}) {`, [`note(String(${e}));`], '} else {', ["resolve(value ?? '');"], '}'];
          case 'nextLine':
            return [`if (${e})`, [`note(String(${e}));`], "else resolve(value ?? '');"];
          case 'fallsThrough':
            return [`if (${e}) {`, [`note(String(${e}));`], '}', 'if (value) resolve(value);'];
          case 'trailingComment':
            return [`if (${e}) {`, [`note(String(${e})); // logged`], '} else {', ["resolve(value ?? '');"], '}'];
        }
      })();
      return { settles: 'string', async: false, lines: [`lookup(path, (${e}, value) => {`, branch, '});'] };
    }
    case 'chain': {
      switch (b.form) {
        case 'catch':
          return {
            settles: 'string',
            async: false,
            lines: ['load(path)', ['.then(resolve)', '.catch((error) => {', ['note(String(error));'], '});']],
          };
        case 'then':
          return {
            settles: 'string',
            async: false,
            lines: ['load(path).then(resolve, (error) => {', ['note(String(error));'], '});'],
          };
        case 'catchNoParam':
          return {
            settles: 'string',
            async: false,
            lines: ['load(path).then(resolve).catch(() => {', ["note('failed');"], '});'],
          };
        case 'catchExpression':
          return {
            settles: 'string',
            async: false,
            lines: ['load(path).then(resolve).catch((error) => note(String(error)));'],
          };
      }
      break;
    }
    case 'returns': {
      const value = b.value === 'fits' ? 'cache.get(path)' : b.value === 'misfit' ? 'sizes.get(path)' : '';
      return {
        settles: 'string | undefined',
        async: false,
        lines: [
          `if (cache.has(path)) return${value ? ` ${value}` : ''};`,
          'lookup(path, (err, value) => (err ? reject(err) : resolve(value)));',
        ],
      };
    }
    case 'async': {
      const work: Code[] = b.template
        ? ['const value = `${await load(path)}', '`;']
        : ['const value = await load(path);'];
      const throwing = "if (value === '') throw new Error('empty');";
      const lines: Code[] = {
        await: [...work, 'resolve(value);'],
        throw: ['const value = path.trim();', throwing, 'resolve(value);'],
        throwAfterGuarded: [
          "let value = '';",
          'try {',
          [b.template ? 'value = `${await load(path)}' : 'value = await load(path);', ...(b.template ? ['`;'] : [])],
          '} catch {',
          ["value = '';"],
          '}',
          throwing,
          'resolve(value);',
        ],
        inside: ['try {', [...work, throwing, 'resolve(value);'], '} catch (caught) {', ['reject(caught);'], '}'],
      }[b.mode];
      return { settles: 'string', async: true, lines };
    }
  }
  throw new Error('unreachable');
}

function build(s: Shape): { lines: Code[]; shape: string } {
  const language = s.lang;
  const js = language === 'js';
  const b = s.body;
  // What the executor must call: `reject` where the body names it.
  const needsReject =
    (b.k === 'emitter' && b.emitter === 'pipe') || b.k === 'returns' || (b.k === 'async' && b.mode === 'inside');
  let params: Params = s.params;
  if (needsReject) params = 'both';
  if (js && params === 'annotated') params = 'resolveOnly';
  const { lines: inner, settles, async } = executorBody({ ...s, params }, language);
  // The executor's own parameters, and a local `reject` beside a lone `resolve`.
  const taken = ['text', ...(params === 'both' || params === 'rejectTaken' ? ['reject'] : [])];
  const [before = [], after = []] = flattenGroups(s.fill, taken);
  const resolveType = settles === 'void' ? '(value: void) => void' : `(value: ${settles}) => void`;
  const executorParams = {
    both: '(resolve, reject)',
    resolveOnly: '(resolve)',
    bare: 'resolve',
    rejectTaken: '(resolve)',
    annotated: `(resolve: ${resolveType})`,
  }[params];
  const local: Code[] =
    params === 'rejectTaken'
      ? [
          ...jsdoc(language, '@param {unknown} chunk'),
          `const reject = (chunk${t(language, ': unknown')}) => chunk === null;`,
          'note(String(reject(path)));',
        ]
      : [];
  const typeArgument = s.typeArgument && !js ? `<${settles}>` : '';
  const executor: Code[] = [
    `new Promise${typeArgument}(${async ? 'async ' : ''}${executorParams} => {`,
    [...local, ...before, ...inner, ...after],
    '})',
  ];
  const returnType = t(language, `: Promise<${settles}>`);
  const doc = jsdoc(language, '@param {string} path');
  const params0 = `path${t(language, ': string')}`;
  let fn: Code[];
  const [head, middle, tail] = executor as [string, Code[], string];
  switch (s.holder) {
    case 'return':
      fn = [...doc, `export function read(${params0})${returnType} {`, [`return ${head}`, middle, `${tail};`], '}'];
      break;
    case 'const':
      fn = [
        ...doc,
        `export function read(${params0})${returnType} {`,
        [`const pending${t(language, `: Promise<${settles}>`)} = ${head}`, middle, `${tail};`, 'return pending;'],
        '}',
      ];
      break;
    case 'await':
      fn = [
        ...doc,
        `export async function read(${params0})${returnType} {`,
        [`const result${t(language, `: ${settles}`)} = await ${head}`, middle, `${tail};`, 'return result;'],
        '}',
      ];
      break;
    case 'arrow':
      fn = [...doc, `export const read = (${params0})${returnType} =>`, [head, middle, `${tail};`]];
      break;
  }
  const shapeName = `${b.k}:${Object.values(b).slice(1).join('/')} ${params} ${s.holder}`;
  return { lines: fn, shape: shapeName };
}

function prelude(language: Lang): Code[] {
  return [
    "import { createReadStream, createWriteStream } from 'node:fs';",
    "import { spawn } from 'node:child_process';",
    ...fillerPrelude(language),
    ...jsdoc(language, '@param {string} key', '@param {(err: Error | null, value?: string) => void} callback'),
    `function lookup(key${t(language, ': string')}, callback${t(language, ': (err: Error | null, value?: string) => void')})${t(language, ': void')} {`,
    ['setTimeout(() => callback(null, key), 1);'],
    '}',
    ...jsdoc(language, '@param {string} key'),
    `async function load(key${t(language, ': string')})${t(language, ': Promise<string>')} {`,
    ['await tick();', 'return key;'],
    '}',
    ...jsdoc(language, '@type {Map<string, string>}'),
    `const cache = new Map${t(language, '<string, string>')}();`,
    ...jsdoc(language, '@type {Map<string, number>}'),
    `const sizes = new Map${t(language, '<string, number>')}();`,
    'note(String(cache.size + sizes.size));',
    '',
  ];
}

export const promisePrograms: fc.Arbitrary<Generated> = fc.tuple(shape, styleArbitrary).map(([s, style]) => {
  const { lines, shape: name } = build(s);
  return { lang: s.lang, shape: name, code: render([...prelude(s.lang), ...lines], style) };
});
