/**
 * Programs for no-leaked-listener's suggestions: a listener added on every
 * call to something that outlives it (the caller's `AbortSignal`, an options
 * bag's signal, `process`, `window`, a module-level emitter), with a named
 * per-call handler, an inline one (with annotated parameters or not, an arrow
 * or a `function`), a module-level function, or a `.bind()`, and options (none,
 * `{ passive: true }`, a capture flag), in
 *
 * - an async function, arrow, method or generator, the registration standing
 *   alone, in an `if` branch or in a loop body, the rest of the call being
 *   awaits, a returned promise, a `try`/`catch`, a declaration, a multi-line
 *   template;
 * - a function that returns cleanups (with a block or an expression body, one
 *   or two of them);
 * - an effect callback that returns nothing;
 * - a `new Promise` executor (with a type argument, or one to copy from the
 *   function's return type);
 *
 * and the two shapes that mend what the code meant: a removal that passes
 * another function, and a once-guard whose flag nothing sets. Names the fixes
 * introduce (`listeners`, `onExit`, …) are sometimes taken.
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

type Target = 'signal' | 'optionalSignal' | 'options' | 'process' | 'window' | 'bus';
type Handler = 'named' | 'inline' | 'inlineTyped' | 'inlineUntyped' | 'function' | 'moduleFunction' | 'bind';
type Options = 'none' | 'passive' | 'capture' | 'captureObject';
type Container = 'async' | 'asyncArrow' | 'asyncMethod' | 'generator' | 'cleanup' | 'effect' | 'executor';
type Placement = 'alone' | 'branch' | 'loop';
type Rest = 'await' | 'return' | 'tryCatch' | 'declaration' | 'template' | 'nothing';
type Cleanups = 'block' | 'expression' | 'two' | 'value';

interface Shape {
  lang: Lang;
  target: Target;
  handler: Handler;
  options: Options;
  container: Container;
  placement: Placement;
  rest: Rest;
  cleanups: Cleanups;
  typeArgument: boolean;
  commentBefore: boolean;
  fill: Filler[][];
}

const shape: fc.Arbitrary<Shape> = fc.record({
  lang: langArbitrary,
  target: fc.constantFrom<Target>('signal', 'signal', 'optionalSignal', 'options', 'process', 'window', 'bus'),
  handler: fc.constantFrom<Handler>(
    'named',
    'named',
    'named',
    'inline',
    'inlineTyped',
    'inlineUntyped',
    'function',
    'moduleFunction',
    'bind',
  ),
  options: fc.constantFrom<Options>('none', 'none', 'passive', 'capture', 'captureObject'),
  container: fc.constantFrom<Container>(
    'async',
    'async',
    'asyncArrow',
    'asyncMethod',
    'generator',
    'cleanup',
    'cleanup',
    'effect',
    'effect',
    'executor',
  ),
  placement: fc.constantFrom<Placement>('alone', 'alone', 'branch', 'loop'),
  rest: fc.constantFrom<Rest>('await', 'await', 'return', 'tryCatch', 'declaration', 'template', 'nothing'),
  cleanups: fc.constantFrom<Cleanups>('block', 'expression', 'two', 'value'),
  typeArgument: fc.boolean(),
  commentBefore: chance(15),
  fill: fillerLists(3, { async: false, names: ['listeners', 'onExit', 'onAbort', 'onMessage', 'onResize'] }),
});

/** The event and how the handler is called, by target. */
function eventOf(target: Target): {
  receiver: string;
  method: string;
  event: string;
  typedParams: string;
  untyped: string;
  body: string;
} {
  switch (target) {
    case 'signal':
      return {
        receiver: 'signal',
        method: 'addEventListener',
        event: 'abort',
        typedParams: '(event: Event)',
        untyped: '(event)',
        body: 'note(event.type)',
      };
    case 'optionalSignal':
      return {
        receiver: 'signal?',
        method: 'addEventListener',
        event: 'abort',
        typedParams: '(event: Event)',
        untyped: '(event)',
        body: 'note(event.type)',
      };
    case 'options':
      return {
        receiver: 'options.signal',
        method: 'addEventListener',
        event: 'abort',
        typedParams: '(event: Event)',
        untyped: '(event)',
        body: 'note(event.type)',
      };
    case 'process':
      return {
        receiver: 'process',
        method: 'on',
        event: 'exit',
        typedParams: '(code: number)',
        untyped: '(code)',
        body: 'note(String(code))',
      };
    case 'window':
      return {
        receiver: 'window',
        method: 'addEventListener',
        event: 'resize',
        typedParams: '(event: UIEvent)',
        untyped: '(event)',
        body: 'note(event.type)',
      };
    case 'bus':
      return {
        receiver: 'bus',
        method: 'on',
        event: 'message',
        typedParams: '(message: string)',
        untyped: '(message)',
        body: 'note(message)',
      };
  }
}

function build(s: Shape): { lines: Code[]; shape: string } {
  const language = s.lang;
  const js = language === 'js';
  const ev = eventOf(s.target);
  const dom = ev.method === 'addEventListener';
  // A handler typed for the event: annotated in TypeScript, by JSDoc in JavaScript.
  const typed = js ? ev.untyped : ev.typedParams;
  const handlerDoc = js
    ? jsdoc(language, `@param {${ev.typedParams.slice(1, -1).split(': ')[1] ?? ''}} ${ev.untyped.slice(1, -1)}`)
    : [];
  const pre: Code[] = [];
  let handler: string;
  switch (s.handler) {
    case 'named':
      pre.push(...handlerDoc, `const handler = ${typed} => ${ev.body};`);
      handler = 'handler';
      break;
    case 'inline':
      handler = "() => note('event')";
      break;
    case 'inlineTyped':
      handler = `${typed} => ${ev.body}`;
      break;
    case 'inlineUntyped':
      handler = `${ev.untyped} => ${ev.body}`;
      break;
    case 'function':
      handler = "function () { note('event'); }";
      break;
    case 'moduleFunction':
      handler = 'onEvent';
      break;
    case 'bind':
      handler = 'onEvent.bind(null)';
      break;
  }
  const options = !dom
    ? ''
    : { none: '', passive: ', { passive: true }', capture: ', true', captureObject: ', { capture: true }' }[s.options];
  const registration = `${ev.receiver}.${ev.method}('${ev.event}', ${handler}${options});`;
  const taken = ['handler', 'timer', 'value', 'result', 'url'];
  const [before = [], between = [], after = []] = flattenGroups(s.fill, taken);
  const comment = s.commentBefore ? ['// Follow the event while the call lasts.'] : [];
  const placed = (reg: Code[]): Code[] =>
    s.placement === 'branch'
      ? ['if (state.ready) {', reg, '}']
      : s.placement === 'loop'
        ? ["for (const part of ['a', 'b']) {", [...reg, 'note(part);'], '}']
        : reg;
  const registered: Code[] = [...pre, ...comment, registration];

  // Parameters: the signal, or the options bag holding it.
  const signalParam =
    s.target === 'signal'
      ? `, signal${t(language, ': AbortSignal')}`
      : s.target === 'optionalSignal'
        ? `, signal${t(language, '?: AbortSignal')}`
        : s.target === 'options'
          ? `, options${t(language, ': { readonly signal: AbortSignal }')}`
          : '';
  const signalDoc =
    s.target === 'signal'
      ? ['@param {AbortSignal} signal']
      : s.target === 'optionalSignal'
        ? ['@param {AbortSignal} [signal]']
        : s.target === 'options'
          ? ['@param {{ readonly signal: AbortSignal }} options']
          : [];
  const lines: Code[] = [];
  const container = s.container;
  if (container === 'async' || container === 'asyncArrow' || container === 'asyncMethod' || container === 'generator') {
    const placement: Placement = s.placement === 'loop' && container === 'generator' ? 'alone' : s.placement;
    const rest: Code[] = (() => {
      switch (s.rest) {
        case 'await':
          return ['const value = await fetchText(url);', ...after, 'note(value);'];
        case 'return':
          return container === 'generator' ? ['yield await fetchText(url);'] : ['return fetchText(url);'];
        case 'tryCatch':
          return ['try {', ['await fetchText(url);'], '} catch (error) {', ['note(String(error));'], '}'];
        case 'declaration':
          return [
            `function later()${t(language, ': void')} {`,
            ["note('later');"],
            '}',
            'await fetchText(url);',
            'later();',
          ];
        case 'template':
          return ['await fetchText(url);', 'note(`done', 'now`);'];
        case 'nothing':
          return [];
      }
    })();
    const body: Code[] = [
      ...before,
      ...(placement === 'loop'
        ? ['for (const url of urls) {', [...registered, ...between, 'await fetchText(url);'], '}']
        : placement === 'branch'
          ? ['if (state.ready) {', registered, '}']
          : registered),
      ...between.filter(() => placement !== 'loop'),
      ...rest,
    ];
    const returns =
      container === 'generator' ? 'AsyncGenerator<string>' : s.rest === 'return' ? 'Promise<string>' : 'Promise<void>';
    const params = `url${t(language, ': string')}, urls${t(language, ': string[]')}${signalParam}`;
    const doc = jsdoc(language, '@param {string} url', '@param {string[]} urls', ...signalDoc);
    switch (container) {
      case 'async':
      case 'generator':
        lines.push(
          ...doc,
          `export async function${container === 'generator' ? '*' : ''} request(${params})${t(language, `: ${returns}`)} {`,
          body,
          '}',
        );
        break;
      case 'asyncArrow':
        lines.push(...doc, `export const request = async (${params})${t(language, `: ${returns}`)} => {`, body, '};');
        break;
      case 'asyncMethod':
        lines.push(
          'export class Client {',
          [...doc, `async request(${params})${t(language, `: ${returns}`)} {`, body, '}'],
          '}',
        );
        break;
    }
    return { lines, shape: `${container} ${s.target} ${s.handler} ${placement} ${s.rest}` };
  }
  const params = signalParam.slice(2);
  const doc = jsdoc(language, ...signalDoc);
  if (container === 'cleanup') {
    const cleanup: Code[] = {
      block: ['return () => {', ['clearInterval(timer);'], '};'],
      expression: ['return () => clearInterval(timer);'],
      two: [
        'if (state.ready) {',
        ['return () => {', ['clearInterval(timer);'], '};'],
        '}',
        'return () => clearInterval(timer);',
      ],
      value: ['return () => timer.hasRef();'],
    }[s.cleanups];
    const body: Code[] = [
      "const timer = setInterval(() => note('tick'), 80);",
      ...before,
      ...placed(registered),
      ...between,
      ...cleanup,
    ];
    lines.push(...doc, `export function watch(${params})${t(language, ': () => void')} {`, body, '}');
    return { lines, shape: `cleanup:${s.cleanups} ${s.target} ${s.handler}` };
  }
  if (container === 'effect') {
    const body: Code[] = [
      ...before,
      ...(s.placement === 'branch' ? ['if (state.ready) {', registered, '}'] : registered),
      ...between,
    ];
    lines.push(
      ...doc,
      `export function useSize(${params})${t(language, ': void')} {`,
      ['useEffect(() => {', body, '}, []);'],
      '}',
    );
    return { lines, shape: `effect ${s.target} ${s.handler}` };
  }
  // A `new Promise` executor.
  const typeArgument = s.typeArgument && !js ? '<void>' : '';
  const body: Code[] = [
    'const timer = setTimeout(resolve, ms);',
    ...before,
    ...(s.placement === 'branch' ? ['if (state.ready) {', registered, '}'] : registered),
    ...between,
  ];
  const msParams = `ms${t(language, ': number')}${params ? `, ${params}` : ''}`;
  lines.push(
    ...jsdoc(language, '@param {number} ms', ...signalDoc),
    `export function sleep(${msParams})${t(language, ': Promise<void>')} {`,
    [`return new Promise${typeArgument}((resolve) => {`, body, '});'],
    '}',
  );
  return { lines, shape: `executor ${s.target} ${s.handler}` };
}

// ---- a removal that passes another function, and a once-guard --------------------------------

interface MendShape {
  lang: Lang;
  kind: 'inlineRemoval' | 'sameBlock' | 'namedRemoval' | 'methods' | 'otherName' | 'guard' | 'guardRead';
  handler: 'typed' | 'untyped';
}

const mendShape: fc.Arbitrary<MendShape> = fc.record({
  lang: langArbitrary,
  kind: fc.constantFrom<MendShape['kind']>(
    'inlineRemoval',
    'sameBlock',
    'namedRemoval',
    'methods',
    'otherName',
    'guard',
    'guardRead',
  ),
  handler: fc.constantFrom<MendShape['handler']>('typed', 'untyped'),
});

function buildMend(s: MendShape): { lines: Code[]; shape: string } {
  const language = s.lang;
  const param = s.handler === 'typed' || language === 'js' ? `event${t(language, ': string')}` : 'event';
  switch (s.kind) {
    case 'inlineRemoval':
      return {
        shape: 'mend inline removal',
        lines: [
          ...jsdoc(language, '@param {EventEmitter} client'),
          `export function subscribe(client${t(language, ': EventEmitter')})${t(language, ': void')} {`,
          [
            `bus.on('message', (${param}) => note(event));`,
            `client.on('close', () => bus.removeListener('message', (${param}) => note(event)));`,
          ],
          '}',
        ],
      };
    case 'sameBlock':
      return {
        shape: 'mend same block',
        lines: [
          `export function relay()${t(language, ': void')} {`,
          [
            `bus.on('message', (${param}) => note(event));`,
            "note('relaying');",
            `bus.removeListener('message', (${param}) => note(event));`,
          ],
          '}',
        ],
      };
    case 'namedRemoval':
      return {
        shape: 'mend named removal',
        lines: [
          `export function relay()${t(language, ': void')} {`,
          [
            ...jsdoc(language, '@param {string} event'),
            `const forward = (event${t(language, ': string')}) => note(event);`,
            "bus.on('message', forward);",
            "note('relaying');",
            `bus.removeListener('message', (${param}) => note(event));`,
          ],
          '}',
        ],
      };
    case 'methods':
      return {
        shape: 'mend methods',
        lines: [
          'export class Relay {',
          [
            `attach()${t(language, ': void')} {`,
            [`bus.on('message', (${param}) => note(event));`],
            '}',
            `detach()${t(language, ': void')} {`,
            [`bus.removeListener('message', (${param}) => note(event));`],
            '}',
          ],
          '}',
        ],
      };
    case 'otherName':
      return {
        shape: 'mend other name',
        lines: [
          ...jsdoc(language, '@param {EventEmitter} client', '@param {(event: string) => void} send'),
          `export function subscribe(client${t(language, ': EventEmitter')}, send${t(language, ': (event: string) => void')})${t(language, ': void')} {`,
          [
            `bus.on('message', (${param}) => {`,
            ['send(event.toUpperCase());'],
            '});',
            "client.on('close', () => bus.removeListener('message', send));",
          ],
          '}',
        ],
      };
    case 'guard':
    case 'guardRead':
      return {
        shape: `mend ${s.kind}`,
        lines: [
          'let installed = false;',
          ...jsdoc(language, '@param {() => void} hook'),
          `export function addHook(hook${t(language, ': () => void')})${t(language, ': void')} {`,
          [
            'void hook;',
            'if (!installed) {',
            ["process.on('SIGHUP', onEvent);"],
            '}',
            ...(s.kind === 'guardRead' ? ['note(String(installed));'] : []),
          ],
          '}',
        ],
      };
  }
}

function prelude(language: Lang): Code[] {
  return [
    "import { EventEmitter } from 'node:events';",
    ...fillerPrelude(language),
    'const bus = new EventEmitter();',
    `function onEvent()${t(language, ': void')} {`,
    ["note('event');"],
    '}',
    ...jsdoc(language, '@param {string} url'),
    `async function fetchText(url${t(language, ': string')})${t(language, ': Promise<string>')} {`,
    ['await tick();', 'return url;'],
    '}',
    ...jsdoc(language, '@param {() => void | (() => void)} effect', '@param {unknown[]} deps'),
    `function useEffect(effect${t(language, ': () => void | (() => void)')}, deps${t(language, ': unknown[]')})${t(language, ': void')} {`,
    ['note(String(deps.length));', 'const cleanup = effect();', "if (typeof cleanup === 'function') cleanup();"],
    '}',
    '',
  ];
}

export const listenerPrograms: fc.Arbitrary<Generated> = fc
  .tuple(
    fc.oneof(
      { weight: 5, arbitrary: shape.map((s) => ({ lang: s.lang, ...build(s) })) },
      { weight: 2, arbitrary: mendShape.map((s) => ({ lang: s.lang, ...buildMend(s) })) },
    ),
    styleArbitrary,
  )
  .map(([{ lang, lines, shape: name }, style]) => ({
    lang,
    shape: name,
    code: render([...prelude(lang), ...lines], style),
  }));
