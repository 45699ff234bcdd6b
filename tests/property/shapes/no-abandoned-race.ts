/**
 * Programs for no-abandoned-race's suggestions: `Promise.race` (or
 * `Promise.any`) of work (a call that takes a signal, one that takes none, the
 * caller's signal passed on, `Promise.all` of calls) against a timeout that is
 *
 * - a `new Promise` written in the race, its timer armed in an expression
 *   body, a parenthesized one, a statement, a `const` of the executor, a
 *   `function` executor, or twice;
 * - such a promise in a `const` raced once (or twice, or in a loop);
 * - a promise whose handle is already kept in a `let`;
 * - a helper of the program (a function declaration, a `const` arrow, an
 *   `async` one, one with more statements, an exported one, one used twice,
 *   a private method, one imported from another module), with a delay that is
 *   a literal, a parameter, `this.delayMs` or a call, sometimes with `.then()`
 *   chained on it or awaited first in an async IIFE;
 * - a `node:timers/promises` timer, with a value, options, or options spread;
 *
 * the race returned, awaited in a `try`, kept in a `const`, an arrow's body,
 * mapped over ids, or in a `switch` case, with `timer` and `controller` taken.
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

type Work = 'signalled' | 'plain' | 'callerSignal' | 'all' | 'withOptions';
type Inline =
  'expression' | 'parenthesized' | 'statement' | 'constHandle' | 'functionExecutor' | 'twoTimers' | 'resolveForm';
type Timeout =
  | { k: 'inline'; form: Inline }
  | { k: 'const'; form: Inline; uses: 'once' | 'twice' | 'loop' }
  | { k: 'kept' }
  | { k: 'helper'; helper: Helper; delay: Delay; chain: 'none' | 'then' | 'iife' }
  | { k: 'imported'; name: 'rejectAfter' | 'failAfter' }
  | { k: 'timers'; args: 'ms' | 'value' | 'options' | 'spread' };
type Helper =
  | 'declaration'
  | 'arrow'
  | 'async'
  | 'twoStatements'
  | 'exported'
  | 'usedTwice'
  | 'method'
  | 'functionExecutor'
  | 'lazyDelay';
type Delay = 'literal' | 'param' | 'member' | 'call';
type Holder = 'return' | 'tryAwait' | 'const' | 'arrow' | 'map' | 'switch';

interface Shape {
  lang: Lang;
  work: Work;
  timeout: Timeout;
  holder: Holder;
  any: boolean;
  timerTaken: boolean;
  fill: Filler[][];
}

const inline = fc.constantFrom<Inline>(
  'expression',
  'expression',
  'parenthesized',
  'statement',
  'constHandle',
  'functionExecutor',
  'twoTimers',
  'resolveForm',
);

const timeout: fc.Arbitrary<Timeout> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ k: fc.constant('inline' as const), form: inline }) },
  {
    weight: 2,
    arbitrary: fc.record({
      k: fc.constant('const' as const),
      form: inline,
      uses: fc.constantFrom('once' as const, 'once' as const, 'twice' as const, 'loop' as const),
    }),
  },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('kept' as const) }) },
  {
    weight: 4,
    arbitrary: fc.record({
      k: fc.constant('helper' as const),
      helper: fc.constantFrom<Helper>(
        'declaration',
        'declaration',
        'arrow',
        'async',
        'twoStatements',
        'exported',
        'usedTwice',
        'method',
        'functionExecutor',
        'lazyDelay',
      ),
      delay: fc.constantFrom<Delay>('literal', 'literal', 'param', 'member', 'call'),
      chain: fc.constantFrom('none' as const, 'none' as const, 'then' as const, 'iife' as const),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      k: fc.constant('imported' as const),
      name: fc.constantFrom('rejectAfter' as const, 'failAfter' as const),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      k: fc.constant('timers' as const),
      args: fc.constantFrom('ms' as const, 'value' as const, 'options' as const, 'spread' as const),
    }),
  },
);

const shape: fc.Arbitrary<Shape> = fc
  .record({
    lang: langArbitrary,
    work: fc.constantFrom<Work>('signalled', 'signalled', 'plain', 'callerSignal', 'all', 'withOptions'),
    timeout,
    holder: fc.constantFrom<Holder>('return', 'return', 'tryAwait', 'const', 'arrow', 'map', 'switch'),
    any: chance(15),
    timerTaken: chance(25),
    fill: fillerLists(2, { async: true, names: ['timer', 'controller', 'timer2'] }),
  })
  // The helper module is TypeScript.
  .map((s) => (s.lang === 'js' && s.timeout.k === 'imported' ? { ...s, lang: 'ts' as const } : s));

/** A `new Promise` that settles from a timer after `ms`. */
function timerPromise(form: Inline, ms: string, language: Lang): Code[] {
  const never = t(language, '<never>');
  const fail = "reject(new Error('late'))";
  switch (form) {
    case 'expression':
      return [`new Promise${never}((_, reject) => setTimeout(() => ${fail}, ${ms}))`];
    case 'parenthesized':
      return [`new Promise${never}((_, reject) => (setTimeout(() => ${fail}, ${ms})))`];
    case 'statement':
      return [`new Promise${never}((_, reject) => {`, [`setTimeout(() => ${fail}, ${ms});`], '})'];
    case 'constHandle':
      return [
        `new Promise${never}((_, reject) => {`,
        ['const handle = setTimeout(() => {', ['clearTimeout(handle);', `${fail};`], `}, ${ms});`],
        '})',
      ];
    case 'functionExecutor':
      return [`new Promise${never}(function (_, reject) {`, [`setTimeout(() => ${fail}, ${ms});`], '})'];
    case 'twoTimers':
      return [
        `new Promise${never}((_, reject) => {`,
        [`setTimeout(() => ${fail}, ${ms});`, "setTimeout(() => note('half'), 1);"],
        '})',
      ];
    case 'resolveForm':
      return [`new Promise${t(language, '<null>')}((resolve) => setTimeout(() => resolve(null), ${ms}))`];
  }
}

/** Join code so that a one-line piece stays inline and a longer one keeps its lines. */
function inlineOf(code: Code[]): { head: string; rest: Code[] } {
  const [head, ...rest] = code;
  return { head: String(head), rest };
}

function build(s: Shape): { lines: Code[]; shape: string } {
  const language = s.lang;
  const js = language === 'js';
  const to = s.timeout;
  const top: Code[] = [];
  const members: Code[] = [];
  const before: Code[] = [];
  let element: Code[];
  let raceTwice = false;
  let inLoop = false;
  let settles = 'string';
  const ms = 'ms';
  switch (to.k) {
    case 'inline':
      element = timerPromise(to.form, ms, language);
      if (to.form === 'resolveForm') settles = 'string | null';
      break;
    case 'const': {
      const promise = timerPromise(to.form, ms, language);
      const { head, rest } = inlineOf(promise);
      before.push(
        `const expired = ${head}`,
        ...rest.slice(0, -1),
        ...(rest.length > 0 ? [`${String(rest.at(-1))};`] : []),
      );
      if (rest.length === 0) before[0] = `${String(before[0])};`;
      element = ['expired'];
      raceTwice = to.uses === 'twice';
      inLoop = to.uses === 'loop';
      if (to.form === 'resolveForm') settles = 'string | null';
      break;
    }
    case 'kept':
      before.push(
        ...jsdoc(language, '@type {ReturnType<typeof setTimeout> | undefined}'),
        `let handle${t(language, ': ReturnType<typeof setTimeout> | undefined')};`,
        `const expired = new Promise${t(language, '<never>')}((_, reject) => {`,
        ["handle = setTimeout(() => reject(new Error('late')), ms);"],
        '});',
      );
      element = ['expired'];
      break;
    case 'helper': {
      const delay = { literal: '5000', param: 'ms', member: 'this.delayMs', call: 'nextDelay()' }[to.delay];
      const helperBody = (param: string): Code[] =>
        to.helper === 'functionExecutor'
          ? [`return new Promise(function (resolve) {`, [`setTimeout(resolve, ${param});`], '});']
          : to.helper === 'lazyDelay'
            ? [`return new Promise((resolve) => setTimeout(() => resolve(String(${param})), ${param}));`]
            : to.helper === 'twoStatements'
              ? [`note(String(${param}));`, `return new Promise((resolve) => setTimeout(resolve, ${param}));`]
              : [`return new Promise((resolve) => setTimeout(resolve, ${param}));`];
      const returns = to.helper === 'lazyDelay' ? 'Promise<string>' : 'Promise<void>';
      const doc = jsdoc(language, '@param {number} delay', `@returns {${returns}}`);
      switch (to.helper) {
        case 'method':
          members.push(
            '/** Waits `delay` ms. */',
            ...(js ? jsdoc(language, '@param {number} delay', '@returns {Promise<void>}') : []),
            `${js ? '#wait' : 'private wait'}(delay${t(language, ': number')})${t(language, `: ${returns}`)} {`,
            helperBody('delay'),
            '}',
          );
          break;
        case 'arrow':
          top.push(...doc, `const wait = (delay${t(language, ': number')})${t(language, `: ${returns}`)} =>`, [
            `new Promise((resolve) => setTimeout(resolve, delay));`,
          ]);
          break;
        case 'async':
          top.push(
            ...doc,
            `async function wait(delay${t(language, ': number')})${t(language, `: ${returns}`)} {`,
            [
              'await tick();',
              ...helperBody('delay').map((l) =>
                typeof l === 'string' ? l.replace('return new', 'return await new') : l,
              ),
            ],
            '}',
          );
          break;
        default:
          top.push(
            ...doc,
            `${to.helper === 'exported' ? 'export ' : ''}function wait(delay${t(language, ': number')})${t(language, `: ${returns}`)} {`,
            helperBody('delay'),
            '}',
          );
          if (to.helper === 'usedTwice') top.push('export const settled = wait(1);');
      }
      const call = to.helper === 'method' ? `this.${js ? '#wait' : 'wait'}(${delay})` : `wait(${delay})`;
      element =
        to.chain === 'then'
          ? [`${call}.then(() => 'late')`]
          : to.chain === 'iife'
            ? ['(async () => {', [`await ${call};`, "throw new Error('late');"], '})()']
            : [call];
      if (to.chain === 'none') settles = to.helper === 'lazyDelay' ? 'string' : 'string | void';
      break;
    }
    case 'imported':
      top.push(`import { ${to.name} } from './race-timeout-helpers.js';`);
      element = [`${to.name}(ms)`];
      break;
    case 'timers': {
      const args = {
        ms: 'ms',
        value: "ms, 'late'",
        options: "ms, 'late', { ref: false }",
        spread: "ms, 'late', { ...timerOptions }",
      }[to.args];
      element = [`sleep(${args})`];
      if (to.args === 'ms') settles = 'string | void';
      break;
    }
  }
  const work = {
    signalled: 'fetchReport(id)',
    plain: 'compute(id)',
    callerSignal: 'fetchReport(id, { signal })',
    all: 'Promise.all([compute(id), compute(id)]).then((parts) => parts.join())',
    withOptions: 'fetchReport(id, { retries: 1 })',
  }[s.work];
  const { head, rest } = inlineOf(element);
  const race = (prefix: string, suffix: string): Code[] =>
    rest.length === 0
      ? [`${prefix}Promise.${s.any ? 'any' : 'race'}([${work}, ${head}])${suffix}`]
      : [
          `${prefix}Promise.${s.any ? 'any' : 'race'}([${work}, ${head}`,
          ...rest.slice(0, -1),
          `${String(rest.at(-1))}])${suffix}`,
        ];
  const taken = ['expired', 'handle', 'winner', 'ms', 'id', 'signal', 'timer'];
  const [fillBefore = [], fillAfter = []] = flattenGroups(
    s.fill,
    s.timerTaken ? taken : taken.filter((n) => n !== 'timer'),
  );
  const timerLocal: Code[] = s.timerTaken ? ['const timer = state.count;', 'note(String(timer));'] : [];
  const statements = (r: Code[]): Code[] => {
    const body = [
      ...timerLocal,
      ...fillBefore,
      ...before,
      ...(raceTwice ? race('void ', ';') : []),
      ...fillAfter,
      ...r,
    ];
    return inLoop ? ['for (const round of [1, 2]) {', ['note(String(round));', ...body], '}'] : body;
  };
  const params = `id${t(language, ': string')}, ms${t(language, ': number')}, signal${t(language, ': AbortSignal')}`;
  const doc = jsdoc(language, '@param {string} id', '@param {number} ms', '@param {AbortSignal} signal');
  // An arrow's expression body, or a race per id, where nothing needs a statement first.
  const simple = before.length === 0 && !inLoop && !raceTwice;
  const holder: Holder =
    to.k === 'kept' ? 'const' : (s.holder === 'arrow' || s.holder === 'map') && !simple ? 'return' : s.holder;
  const fnLines: Code[] = [];
  if (holder === 'arrow') {
    fnLines.push(...doc, `const report = (${params})${t(language, `: Promise<${settles}>`)} =>`, race('', ';'));
  } else if (holder === 'map') {
    fnLines.push(
      ...jsdoc(language, '@param {string[]} ids', '@param {number} ms', '@param {AbortSignal} signal'),
      `const reports = (ids${t(language, ': string[]')}, ms${t(language, ': number')}, signal${t(language, ': AbortSignal')})${t(language, `: Promise<(${settles})[]>`)} =>`,
      ['Promise.all(', ['ids.map((id) =>', race('', ''), '),'], ');'],
    );
  } else {
    let body: Code[];
    switch (holder) {
      case 'tryAwait':
        body = ['try {', statements(race('return await ', ';')), '} catch {', ["return 'failed';"], '}'];
        break;
      case 'const':
        // A kept handle cleared after the race: a rejection skips the clear.
        body = statements([
          ...race('const winner = await ', ';'),
          ...(to.k === 'kept' ? ['clearTimeout(handle);'] : []),
          'return winner;',
        ]);
        break;
      case 'switch':
        body = [
          'switch (id) {',
          ["case 'now':", statements(race('return ', ';')), 'default:', ["return 'later';"]],
          '}',
        ];
        break;
      default:
        body = statements(race('return ', ';'));
    }
    if (inLoop || raceTwice) body.push("return 'done';");
    fnLines.push(
      ...doc,
      `async function report(${params})${t(language, `: Promise<${settles} | 'failed' | 'later' | 'done'>`)} {`,
      body,
      '}',
    );
  }
  // A class holds the race when the helper is its method, or the delay is its field.
  const inClass = to.k === 'helper' && (to.helper === 'method' || to.delay === 'member');
  const exported = (line: Code): Code =>
    typeof line === 'string' && /^(const|async function|function) /.test(line) ? `export ${line}` : line;
  const lines: Code[] = [...top];
  if (inClass) {
    const methods = fnLines.map((line) =>
      typeof line === 'string'
        ? line.replace(/^(async )?function report/, '$1report').replace(/^const (report|reports) = /, '$1 = ')
        : line,
    );
    lines.push('export class Reporter {', [`${js ? '' : 'private '}delayMs = 100;`, ...members, ...methods], '}');
  } else {
    lines.push(...fnLines.map(exported));
  }
  const name =
    to.k === 'helper'
      ? `helper:${to.helper}/${to.delay}/${to.chain}`
      : to.k === 'const'
        ? `const:${to.form}/${to.uses}`
        : to.k === 'inline'
          ? `inline:${to.form}`
          : to.k === 'timers'
            ? `timers:${to.args}`
            : to.k;
  return { lines, shape: `${name} ${s.work} ${s.holder}` };
}

function prelude(language: Lang): Code[] {
  return [
    "import { setTimeout as sleep } from 'node:timers/promises';",
    ...fillerPrelude(language),
    ...jsdoc(
      language,
      '@param {string} id',
      '@param {{ signal?: AbortSignal, retries?: number }} [options]',
      '@returns {Promise<string>}',
    ),
    `async function fetchReport(id${t(language, ': string')}, options${t(language, '?: { signal?: AbortSignal; retries?: number }')})${t(language, ': Promise<string>')} {`,
    ['await tick();', 'return `${id}:${String(options?.retries ?? 0)}`;'],
    '}',
    ...jsdoc(language, '@param {string} id'),
    `async function compute(id${t(language, ': string')})${t(language, ': Promise<string>')} {`,
    ['await tick();', 'return id;'],
    '}',
    `function nextDelay()${t(language, ': number')} {`,
    ['return state.count + 1;'],
    '}',
    'const timerOptions = { ref: false };',
    'note(typeof sleep + String(timerOptions.ref) + String(nextDelay()));',
    '',
  ];
}

export const racePrograms: fc.Arbitrary<Generated> = fc.tuple(shape, styleArbitrary).map(([s, style]) => {
  const { lines, shape: name } = build(s);
  return { lang: s.lang, shape: name, code: render([...prelude(s.lang), ...lines], style) };
});
