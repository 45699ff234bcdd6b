/**
 * Programs for no-leaked-timer's suggestions:
 *
 * - an interval whose handle is dropped (or kept and never used) in a function
 *   that registers a `close` listener (`on`, `once`, `addListener`,
 *   `addEventListener`) after it, or before it with only timers (or other
 *   work) in between, with a block, empty, one-line, comment-only, expression
 *   or `function` listener, and names around (`interval`, the handle's) that
 *   the fix's `const` must not take;
 * - a module-level interval, to `.unref()`, in a branch, through `globalThis`
 *   or `window`;
 * - an interval (or a `setTimeout` loop) on a field that a teardown method
 *   (empty, one line, several, a comment, an arrow field, `[Symbol.dispose]`)
 *   does not clear;
 * - a timer stored again over an armed one (a field or a module variable, in a
 *   block, an `if`, a `switch` case, or a lone `if` branch).
 */
import fc from 'fast-check';
import {
  chance,
  fillerGroups,
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

// ---- an interval and the `close` listener of what it works for ---------------------------

type Listener =
  | 'block'
  | 'empty'
  | 'oneLine'
  | 'commentOnly'
  | 'expression'
  | 'sequence'
  | 'object'
  | 'commented'
  | 'function'
  | 'declaresFresh'
  | 'declaresHandle';
type Timer = 'discarded' | 'kept' | 'globalThis' | 'timeout';
type Target = 'emitter' | 'domSocket' | 'booleanListener';
type Where = 'function' | 'arrow' | 'method' | 'branch' | 'module';
type Order = 'after' | 'afterWork' | 'before' | 'beforeTimers' | 'beforeWork' | 'none';

interface ListenerShape {
  lang: Lang;
  timer: Timer;
  listener: Listener;
  target: Target;
  method: 'on' | 'once' | 'addListener';
  where: Where;
  order: Order;
  event: 'close' | 'end';
  helperFirst: boolean;
  intervalParam: boolean;
  fill: Filler[][];
  /** The function's block starts with a plain call. */
  startsPlain?: boolean;
}

const listenerShape: fc.Arbitrary<ListenerShape> = fc
  .record({
    lang: langArbitrary,
    timer: fc.constantFrom<Timer>('discarded', 'discarded', 'kept', 'globalThis', 'timeout'),
    listener: fc.constantFrom<Listener>(
      'block',
      'empty',
      'oneLine',
      'commentOnly',
      'expression',
      'sequence',
      'object',
      'commented',
      'function',
      'declaresFresh',
      'declaresHandle',
    ),
    target: fc.constantFrom<Target>('emitter', 'emitter', 'domSocket', 'booleanListener'),
    method: fc.constantFrom<ListenerShape['method']>('on', 'once', 'addListener'),
    where: fc.constantFrom<Where>('function', 'function', 'arrow', 'method', 'branch', 'module'),
    order: fc.constantFrom<Order>('after', 'after', 'afterWork', 'before', 'beforeTimers', 'beforeWork', 'none'),
    event: fc.constantFrom<ListenerShape['event']>('close', 'close', 'close', 'end'),
    helperFirst: chance(30),
    intervalParam: chance(25),
    fill: fillerLists(3, { async: false, names: ['interval', 'interval2', 'timer', 'beat'] }),
  })
  // The channel whose listener returns a value is declared in TypeScript only.
  .map((s) => (s.lang === 'js' && s.target === 'booleanListener' ? { ...s, target: 'emitter' as const } : s))
  .map((s) => ({ ...s, startsPlain: false }));

function listenerCode(s: ListenerShape): Code[] {
  const open = (head: string): string => head;
  const arrow = s.target === 'booleanListener' ? '(): boolean =>' : '() =>';
  const ret = s.target === 'booleanListener' ? ['return true;'] : [];
  switch (s.listener) {
    case 'block':
      return [open(`${arrow} {`), ["log('closed');", ...ret], '}'];
    case 'empty':
      return s.target === 'booleanListener' ? [`${arrow} true`] : ['() => {}'];
    case 'oneLine':
      return [`${arrow} { log('closed'); ${ret.join(' ')}}`];
    case 'commentOnly':
      return [`${arrow} {`, ['// Nothing else to do.', ...ret], '}'];
    case 'expression':
      return s.target === 'booleanListener' ? [`${arrow} done()`] : ["() => log('closed')"];
    case 'sequence':
      return s.target === 'booleanListener' ? [`${arrow} (log('a'), done())`] : ["() => (log('a'), log('b'))"];
    case 'object':
      return [`${s.target === 'booleanListener' ? '(): boolean' : '()'} => ({ done: true }).done`];
    case 'commented':
      return s.target === 'booleanListener'
        ? [`${arrow} /* finished */ done()`]
        : ["() => /* finished */ log('closed')"];
    case 'function':
      return [
        `function ()${s.target === 'booleanListener' ? t(s.lang, ': boolean') : ''} {`,
        ["log('closed');", ...ret],
        '}',
      ];
    case 'declaresFresh':
      return [`${arrow} {`, ['const interval = String(state.count);', 'log(interval);', ...ret], '}'];
    case 'declaresHandle':
      return [`${arrow} {`, ["const beat = 'gone';", 'log(beat);', ...ret], '}'];
  }
}

/** `socket.on('close', <listener>);` over as many lines as the listener takes. */
function registration(s: ListenerShape): Code[] {
  const method = s.target === 'domSocket' ? 'addEventListener' : s.method;
  const lines = listenerCode(s);
  const head = `socket.${method}('${s.event}', `;
  if (lines.length === 1) return [`${head}${String(lines[0])});`];
  const [first, middle, last] = lines;
  return [`${head}${String(first)}`, middle as Code, `${String(last)});`];
}

function timerStatement(s: ListenerShape): string {
  const callback = "() => log('beat')";
  switch (s.timer) {
    case 'discarded':
      return `setInterval(${callback}, 1000);`;
    case 'kept':
      return `const beat = setInterval(${callback}, 1000);`;
    case 'globalThis':
      return `globalThis.setInterval(${callback}, 1000);`;
    case 'timeout':
      return `setTimeout(${callback}, 1000);`;
  }
}

function buildListener(s: ListenerShape): { lines: Code[]; shape: string } {
  const language = s.lang;
  // The handle's `const`, the parameter and the helper are declared in the same block.
  const taken = ['beat', 'helper', ...(s.intervalParam ? ['interval'] : [])];
  const [before = [], between = [], after = []] = flattenGroups(s.fill, taken);
  const body: Code[] = s.startsPlain ? ["log('watching');"] : [];
  if (s.helperFirst) body.push(`function helper()${t(language, ': void')} {`, ["log('helper');"], '}');
  body.push(...before);
  const register = registration(s);
  if (s.order === 'before' || s.order === 'beforeTimers' || s.order === 'beforeWork') {
    body.push(...register);
    if (s.order === 'beforeTimers') body.push("setTimeout(() => log('soon'), 10);");
    if (s.order === 'beforeWork') body.push("log('between');");
    body.push(timerStatement(s), ...between);
  } else {
    body.push(timerStatement(s));
    if (s.order === 'afterWork') body.push(...between, "log('between');");
    if (s.order !== 'none') body.push(...register);
  }
  body.push(...after);
  if (s.helperFirst) body.push('helper();');

  const socketType = { emitter: 'EventEmitter', domSocket: 'WebSocket', booleanListener: 'Channel' }[s.target];
  const interval = s.intervalParam ? `, interval${t(language, ': number')}` : '';
  const params = `socket${t(language, `: ${socketType}`)}${interval}`;
  const doc = jsdoc(
    language,
    `@param {${socketType}} socket`,
    ...(s.intervalParam ? ['@param {number} interval'] : []),
  );
  const lines: Code[] = [];
  switch (s.where) {
    case 'function':
      lines.push(...doc, `export function watch(${params})${t(language, ': void')} {`, body, '}');
      break;
    case 'arrow':
      lines.push(...doc, `export const watch = (${params})${t(language, ': void')} => {`, body, '};');
      break;
    case 'method':
      lines.push('export class Watcher {', [...doc, `watch(${params})${t(language, ': void')} {`, body, '}'], '}');
      break;
    case 'branch':
      lines.push(
        ...doc,
        `export function watch(${params})${t(language, ': void')} {`,
        ['if (state.ready) {', body, '}'],
        '}',
      );
      break;
    case 'module':
      lines.push(
        ...jsdoc(language, `@type {${socketType}}`),
        `export const socket${t(language, `: ${socketType}`)} = ${{ emitter: 'new EventEmitter()', domSocket: 'makeSocket()', booleanListener: 'makeChannel()' }[s.target]};`,
        ...(s.intervalParam ? ['export const interval = 1000;'] : []),
        ...body,
      );
      break;
  }
  return { lines, shape: `listener ${s.where} ${s.timer} ${s.order} ${s.listener} ${s.target}` };
}

// ---- a module-level interval ---------------------------------------------------------------

interface UnrefShape {
  lang: Lang;
  callee: 'setInterval' | 'globalThis.setInterval' | 'window.setInterval';
  callback: 'arrow' | 'block' | 'function' | 'callState';
  branch: boolean;
  trailingComment: boolean;
  fill: Code[][];
}

const unrefShape: fc.Arbitrary<UnrefShape> = fc.record({
  lang: langArbitrary,
  callee: fc.constantFrom<UnrefShape['callee']>(
    'setInterval',
    'setInterval',
    'globalThis.setInterval',
    'window.setInterval',
  ),
  callback: fc.constantFrom<UnrefShape['callback']>('arrow', 'block', 'function', 'callState'),
  branch: chance(30),
  trailingComment: chance(30),
  fill: fillerGroups(2, { async: false }),
});

function buildUnref(s: UnrefShape): { lines: Code[]; shape: string } {
  const language = s.lang;
  const comment = s.trailingComment ? ' // sweep' : '';
  const timer: Code[] =
    s.callback === 'arrow'
      ? [`${s.callee}(() => counts.clear(), 60_000);${comment}`]
      : s.callback === 'block'
        ? [`${s.callee}(() => {`, ['counts.clear();'], `}, 60_000);${comment}`]
        : s.callback === 'function'
          ? [`${s.callee}(function () {`, ['counts.clear();'], `}, 60_000);${comment}`]
          : [
              ...jsdoc(language, '@param {number} ms'),
              `export function sweepEvery(ms${t(language, ': number')})${t(language, ': void')} {`,
              [`${s.callee}(() => counts.delete(String(ms)), ms);`],
              '}',
            ];
  const [before = [], after = []] = s.fill;
  const lines: Code[] = [
    ...jsdoc(language, '@type {Map<string, number>}'),
    `const counts = new Map${t(language, '<string, number>')}();`,
    ...before,
    ...(s.branch && s.callback !== 'callState' ? ['if (state.ready) {', timer, '}'] : timer),
    ...after,
    ...jsdoc(language, '@param {string} key'),
    `export function hit(key${t(language, ': string')})${t(language, ': number')} {`,
    ['const count = (counts.get(key) ?? 0) + 1;', 'counts.set(key, count);', 'return count;'],
    '}',
  ];
  return { lines, shape: `unref ${s.callee} ${s.callback}${s.branch ? ' branch' : ''}` };
}

// ---- a timer on a field that teardown does not clear -------------------------------------------

type FieldKind = 'initializer' | 'constructor' | 'start' | 'loop';
type FieldType = 'undefined' | 'null' | 'hash' | 'plain';
type TeardownBody =
  'empty' | 'emptyLines' | 'oneLine' | 'statements' | 'commentOnly' | 'arrowField' | 'arrowExpression';

interface TeardownShape {
  lang: Lang;
  kind: FieldKind;
  type: FieldType;
  teardown: 'close' | 'destroy' | 'dispose' | 'stop' | 'Symbol.dispose';
  body: TeardownBody;
  nested: boolean;
}

const teardownShape: fc.Arbitrary<TeardownShape> = fc.record({
  lang: langArbitrary,
  kind: fc.constantFrom<FieldKind>('initializer', 'constructor', 'start', 'loop'),
  type: fc.constantFrom<FieldType>('undefined', 'null', 'hash', 'plain'),
  teardown: fc.constantFrom<TeardownShape['teardown']>('close', 'destroy', 'dispose', 'stop', 'Symbol.dispose'),
  body: fc.constantFrom<TeardownBody>(
    'empty',
    'emptyLines',
    'oneLine',
    'statements',
    'commentOnly',
    'arrowField',
    'arrowExpression',
  ),
  nested: chance(25),
});

function buildTeardown(s: TeardownShape): { lines: Code[]; shape: string } {
  const language = s.lang;
  const js = language === 'js';
  const name = s.type === 'hash' ? '#timer' : 'timer';
  const field = `this.${name}`;
  const priv = (text: string): string => (js || s.type === 'hash' ? text : `private ${text}`);
  const fn = s.kind === 'loop' ? 'setTimeout' : 'setInterval';
  const arm = s.kind === 'loop' ? `${fn}(() => this.tick(), 1000)` : `${fn}(() => this.tick(), 1000)`;
  const handleType = s.type === 'null' ? `ReturnType<typeof ${fn}> | null` : `ReturnType<typeof ${fn}> | undefined`;
  const members: Code[] = [];
  if (s.kind === 'initializer') {
    members.push(priv(`${name} = ${arm};`));
  } else if (js) {
    members.push(`/** @type {${handleType}} */`, `${name} = ${s.type === 'null' ? 'null' : 'undefined'};`);
  } else {
    members.push(priv(`${name}: ${handleType}${s.type === 'null' ? ' = null' : ''};`));
  }
  if (s.kind === 'constructor') members.push('constructor() {', [`${field} = ${arm};`], '}');
  if (s.kind === 'start')
    members.push(`start()${t(language, ': void')} {`, [`if (${field}) return;`, `${field} = ${arm};`], '}');
  const tick: Code[] = ["note('tick');"];
  if (s.kind === 'loop') tick.push(`${field} = ${arm};`);
  members.push(`tick()${t(language, ': void')} {`, tick, '}');
  const key = s.teardown === 'Symbol.dispose' ? '[Symbol.dispose]' : s.teardown;
  const head = `${key}()${t(language, ': void')} {`;
  switch (s.body) {
    case 'empty':
      members.push(`${key}()${t(language, ': void')} {}`);
      break;
    case 'emptyLines':
      members.push(head, '}');
      break;
    case 'oneLine':
      members.push(`${key}()${t(language, ': void')} { note('bye'); }`);
      break;
    case 'statements':
      members.push(head, ["note('bye');", 'state.count = 0;'], '}');
      break;
    case 'commentOnly':
      members.push(head, ['// Nothing else holds resources.'], '}');
      break;
    case 'arrowField':
      members.push(`${key} = ()${t(language, ': void')} => {`, ["note('bye');"], '};');
      break;
    case 'arrowExpression':
      members.push(`${key} = ()${t(language, ': void')} => note('bye');`);
      break;
  }
  const cls: Code[] = [`${s.nested ? '' : 'export '}class Presence {`, members, '}'];
  const lines: Code[] = s.nested
    ? [`export function makePresence()${t(language, ': object')} {`, [...cls, 'return new Presence();'], '}']
    : cls;
  return { lines, shape: `teardown ${s.kind} ${s.type} ${s.teardown}:${s.body}` };
}

// ---- a timer stored over an armed one --------------------------------------------------------

type Place = 'block' | 'if' | 'switch' | 'switchSameLine' | 'loneIf' | 'arrowField';

interface OverwriteShape {
  lang: Lang;
  owner: 'field' | 'hash' | 'module';
  type: 'undefined' | 'null';
  place: Place;
  fn: 'setTimeout' | 'setInterval';
  fill: Filler[][];
}

const overwriteShape: fc.Arbitrary<OverwriteShape> = fc.record({
  lang: langArbitrary,
  owner: fc.constantFrom<OverwriteShape['owner']>('field', 'hash', 'module'),
  type: fc.constantFrom<OverwriteShape['type']>('undefined', 'null'),
  place: fc.constantFrom<Place>('block', 'block', 'if', 'switch', 'switchSameLine', 'loneIf', 'arrowField'),
  fn: fc.constantFrom<OverwriteShape['fn']>('setTimeout', 'setInterval'),
  fill: fillerLists(2, { async: false, names: ['timer', 'retry'] }),
});

function buildOverwrite(s: OverwriteShape): { lines: Code[]; shape: string } {
  const language = s.lang;
  const js = language === 'js';
  const place = s.owner === 'module' ? 'retry' : s.owner === 'hash' ? 'this.#retry' : 'this.retry';
  const clear = s.fn === 'setTimeout' ? 'clearTimeout' : 'clearInterval';
  const handleType = `ReturnType<typeof ${s.fn}> | ${s.type}`;
  const initial = s.type === 'null' ? ' = null' : '';
  const assign = `${place} = ${s.fn}(() => note('retry'), 1000);`;
  // A local `retry` would hide the module's.
  const [before = [], after = []] = flattenGroups(s.fill, s.owner === 'module' ? ['retry'] : []);
  let statements: Code[];
  switch (s.place) {
    case 'block':
    case 'arrowField':
      statements = [...before, assign, ...after];
      break;
    case 'if':
      statements = [...before, 'if (state.ready) {', [assign], '}', ...after];
      break;
    case 'switch':
      statements = ['switch (reason) {', ["case 'lost':", [assign, 'break;'], 'default:', ["note('closed');"]], '}'];
      break;
    case 'switchSameLine':
      statements = ['switch (reason) {', [`case 'lost': ${assign}`, ['break;'], 'default:', ["note('closed');"]], '}'];
      break;
    case 'loneIf':
      statements = [`if (reason === 'lost') ${assign}`];
      break;
  }
  const params = `reason${t(language, ': string')}`;
  const doc = jsdoc(language, '@param {string} reason');
  const clearIt = `${s.type === 'null' ? `if (${place}) ` : ''}${clear}(${place});`;
  if (s.owner === 'module') {
    const arrowField = s.place === 'arrowField';
    return {
      lines: [
        ...jsdoc(language, `@type {${handleType}}`),
        `let retry${t(language, `: ${handleType}`)}${initial || (js ? ' = undefined' : '')};`,
        ...doc,
        arrowField
          ? `export const onClose = (${params})${t(language, ': void')} => {`
          : `export function onClose(${params})${t(language, ': void')} {`,
        statements,
        arrowField ? '};' : '}',
        `export function stop()${t(language, ': void')} {`,
        [clearIt],
        '}',
      ],
      shape: `overwrite module ${s.place} ${s.fn}`,
    };
  }
  const name = s.owner === 'hash' ? '#retry' : 'retry';
  const field = js
    ? [`/** @type {${handleType}} */`, `${name} = ${s.type === 'null' ? 'null' : 'undefined'};`]
    : [`${s.owner === 'hash' ? '' : 'private '}${name}: ${handleType}${initial};`];
  const method: Code[] =
    s.place === 'arrowField'
      ? [...doc, `onClose = (${params})${t(language, ': void')} => {`, statements, '};']
      : [...doc, `onClose(${params})${t(language, ': void')} {`, statements, '}'];
  return {
    lines: [
      'export class Reconnector {',
      [...field, ...method, `stop()${t(language, ': void')} {`, [clearIt], '}'],
      '}',
    ],
    shape: `overwrite ${s.owner} ${s.place} ${s.fn}`,
  };
}

// ---- the program ------------------------------------------------------------------------------

function prelude(language: Lang): Code[] {
  return [
    "import { EventEmitter } from 'node:events';",
    ...fillerPrelude(language),
    ...jsdoc(language, '@param {string} message'),
    `function log(message${t(language, ': string')})${t(language, ': void')} {`,
    ['note(message);'],
    '}',
    `function done()${t(language, ': boolean')} {`,
    ['return state.ready;'],
    '}',
    `function makeSocket()${t(language, ': WebSocket')} {`,
    ["return new WebSocket('ws://localhost');"],
    '}',
    ...(language === 'ts'
      ? [
          'interface Channel {',
          [
            "on(event: 'close' | 'end', listener: () => boolean): void;",
            "once(event: 'close' | 'end', listener: () => boolean): void;",
            "addListener(event: 'close' | 'end', listener: () => boolean): void;",
          ],
          '}',
          'declare function makeChannel(): Channel;',
        ]
      : []),
    '',
  ];
}

export const timerPrograms: fc.Arbitrary<Generated> = fc
  .tuple(
    fc.oneof(
      { arbitrary: listenerShape.map((s) => ({ lang: s.lang, ...buildListener(s) })), weight: 3 },
      { arbitrary: unrefShape.map((s) => ({ lang: s.lang, ...buildUnref(s) })), weight: 1 },
      { arbitrary: teardownShape.map((s) => ({ lang: s.lang, ...buildTeardown(s) })), weight: 2 },
      { arbitrary: overwriteShape.map((s) => ({ lang: s.lang, ...buildOverwrite(s) })), weight: 2 },
    ),
    styleArbitrary,
  )
  .map(([{ lang, lines, shape }, style]) => ({ lang, shape, code: render([...prelude(lang), ...lines], style) }));
