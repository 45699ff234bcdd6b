/**
 * Programs for no-unbounded-cache's suggestions (with the options of `all`:
 * arrays, dictionaries, closures and untraced growth are reported): a
 * collection that only grows, held
 *
 * - at module level, in a class field (instance or static), or in a closure a
 *   factory returns, grown in an exported function, a method, or a listener
 *   on a module emitter;
 * - as a Map (read with `get`, or only asked `has`), a Set, a Map with object
 *   keys (weak), an array (read without or with positions), a dictionary set
 *   back to `null`, a Map whose values are functions, or a Map keyed by a key
 *   new to each call (`randomUUID()`) whose call goes on after the growth
 *   (with awaits, returns, declarations, a closure declared before the growth
 *   that reads a `const` declared after it);
 * - grown by a statement of its own, in a branch, in a `switch` case, as a lone
 *   `if` branch, at two sites, under a key that is a name, a member or a call;
 *
 * with names the fixes want (`CACHE_LIMIT`, `oldest`) taken or not, and
 * comments above the collection's statement.
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

type Kind = 'map' | 'mapHas' | 'set' | 'weak' | 'array' | 'arrayByIndex' | 'object' | 'functions' | 'fresh';
type Owner = 'module' | 'field' | 'static' | 'listener' | 'closure';
type Site = 'plain' | 'ifBlock' | 'loneIf' | 'switch' | 'twoSites';
type Key = 'param' | 'member' | 'call';
type Rest =
  'await' | 'returnValue' | 'returnsPromise' | 'functionDeclaration' | 'var' | 'template' | 'closureBefore' | 'comment';

interface Shape {
  lang: Lang;
  kind: Kind;
  owner: Owner;
  site: Site;
  key: Key;
  rest: Rest;
  limitTaken: boolean;
  oldestTaken: boolean;
  annotated: boolean;
  commentAbove: boolean;
  fill: Filler[][];
}

const shape: fc.Arbitrary<Shape> = fc.record({
  lang: langArbitrary,
  kind: fc.constantFrom<Kind>(
    'map',
    'map',
    'mapHas',
    'set',
    'weak',
    'array',
    'arrayByIndex',
    'object',
    'functions',
    'fresh',
    'fresh',
  ),
  owner: fc.constantFrom<Owner>('module', 'module', 'field', 'static', 'listener', 'closure'),
  site: fc.constantFrom<Site>('plain', 'plain', 'plain', 'ifBlock', 'loneIf', 'switch', 'twoSites'),
  key: fc.constantFrom<Key>('param', 'param', 'param', 'member', 'call'),
  rest: fc.constantFrom<Rest>(
    'await',
    'await',
    'await',
    'returnValue',
    'returnsPromise',
    'functionDeclaration',
    'var',
    'template',
    'closureBefore',
    'comment',
  ),
  limitTaken: chance(20),
  oldestTaken: chance(20),
  annotated: chance(40),
  commentAbove: chance(30),
  fill: fillerLists(2, { async: false, names: ['oldest', 'entry'] }),
});

interface Collection {
  /** The type written in TypeScript (`Map<string, number>`), and the initializer. */
  type: string;
  init: string;
  /** The statement that grows it, given the collection's and the key's text. */
  grow: (place: string, key: string) => string;
  /** Statements that read it, before the growth. */
  read: (place: string, key: string) => Code[];
  /** Statements after the growth. */
  then?: (place: string, key: string) => Code[];
}

function collection(kind: Kind): Collection {
  switch (kind) {
    case 'map':
      return {
        type: 'Map<string, number>',
        init: 'new Map',
        grow: (c, k) => `${c}.set(${k}, ${k}.length);`,
        read: (c, k) => [`if (${c}.get(${k}) !== undefined) return;`],
      };
    case 'mapHas':
      return {
        type: 'Map<string, boolean>',
        init: 'new Map',
        grow: (c, k) => `${c}.set(${k}, true);`,
        read: (c, k) => [`if (${c}.has(${k})) return;`],
      };
    case 'set':
      return {
        type: 'Set<string>',
        init: 'new Set',
        grow: (c, k) => `${c}.add(${k});`,
        read: (c, k) => [`if (${c}.has(${k})) return;`],
      };
    case 'weak':
      return {
        type: 'Map<Request, number>',
        init: 'new Map',
        grow: (c) => `${c}.set(request, request.url.length);`,
        read: (c) => [`if (${c}.has(request)) return;`],
      };
    case 'array':
      return {
        type: 'string[]',
        init: '',
        grow: (c, k) => `${c}.push(${k});`,
        read: (c) => [`note(String(${c}.length + ${c}.filter((entry) => entry === '').length));`],
      };
    case 'arrayByIndex':
      return {
        type: 'string[]',
        init: '',
        grow: (c, k) => `${c}.push(${k});`,
        read: (c) => [`note(${c}[0] ?? '');`],
      };
    case 'object':
      return {
        type: 'Record<string, Promise<string> | null>',
        init: '',
        grow: (c, k) => `${c}[${k}] = load(${k});`,
        read: (c, k) => [`if (${c}[${k}]) return;`],
        then: (c, k) => [`void load(${k}).then(() => {`, [`${c}[${k}] = null;`], '});'],
      };
    case 'functions':
      return {
        type: 'Map<string, () => void>',
        init: 'new Map',
        grow: (c, k) => `${c}.set(${k}, () => note(${k}));`,
        read: (c, k) => [`${c}.get(${k})?.();`],
      };
    case 'fresh':
      return {
        type: 'Map<string, number>',
        init: 'new Map',
        grow: (c) => `${c}.set(id, Date.now());`,
        read: () => [],
      };
  }
}

function build(s: Shape): { lines: Code[]; shape: string } {
  const language = s.lang;
  const js = language === 'js';
  const kind = s.kind;
  const c = collection(kind);
  const fresh = kind === 'fresh';
  // A dictionary is set back to `null`; an entry new to each call lives in an async call.
  const async = fresh;
  const place = s.owner === 'field' ? 'this.cache' : s.owner === 'static' ? 'Store.cache' : 'cache';
  const param =
    kind === 'weak'
      ? `request${t(language, ': Request')}`
      : s.key === 'member'
        ? `msg${t(language, ': { id: string }')}`
        : `key${t(language, ': string')}`;
  const paramDoc =
    kind === 'weak'
      ? '@param {Request} request'
      : s.key === 'member'
        ? '@param {{ id: string }} msg'
        : '@param {string} key';
  const key = s.key === 'member' ? 'msg.id' : s.key === 'call' ? 'keyOf(key)' : 'key';
  const growth = c.grow(place, key);
  const growthSites: Code[] = (() => {
    switch (s.site) {
      case 'plain':
        return [growth];
      case 'ifBlock':
        return ['if (state.ready) {', [growth], '}'];
      case 'loneIf':
        return [`if (state.ready) ${growth}`];
      case 'switch':
        return ['switch (state.count) {', ['case 0:', [growth, 'break;'], 'default:', ["note('again');"]], '}'];
      case 'twoSites':
        return ['if (state.ready) {', [growth], '} else {', [growth], '}'];
    }
  })();
  const taken = ['id', 'report', 'started', ...(s.oldestTaken ? ['oldest'] : [])];
  const [before = [], after = []] = flattenGroups(s.fill, taken);
  const body: Code[] = [];
  if (s.oldestTaken) body.push('const oldest = state.count;', 'note(String(oldest));');
  if (fresh) {
    body.push('const id = randomUUID();');
    // A `const` after the growth that a closure before it reads: the delete in `finally` is refused.
    if (s.rest === 'closureBefore') body.push(`const report = ()${t(language, ': number')} => Date.now() - started;`);
    body.push(...before, ...growthSites);
    switch (s.rest) {
      case 'await':
        body.push('await tick();', ...after, `note(String(${place}.size));`);
        break;
      case 'returnValue':
        body.push('await tick();', 'return id.length;');
        break;
      case 'returnsPromise':
        body.push(...after, 'return tick();');
        break;
      case 'functionDeclaration':
        body.push(`function later()${t(language, ': void')} {`, ["note('later');"], '}', 'await tick();', 'later();');
        break;
      case 'var':
        body.push('var count = state.count;', 'await tick();', 'note(String(count));');
        break;
      case 'template':
        body.push('await tick();', 'note(`two', 'lines`);');
        break;
      case 'closureBefore':
        body.push('const started = Date.now();', 'await tick();', 'note(String(report()));');
        break;
      case 'comment':
        body.push('await tick(); // the work', ...after);
        break;
    }
  } else {
    body.push(...c.read(place, key), ...before, ...growthSites, ...(c.then?.(place, key) ?? []), ...after);
  }
  const returns = fresh ? (s.rest === 'returnValue' ? 'Promise<number | void>' : 'Promise<void>') : 'void';
  const returnType = t(language, `: ${returns}`);
  const params = fresh ? '' : param;
  const doc = fresh ? [] : jsdoc(language, paramDoc);
  const head = (name: string): string => `${async ? 'async ' : ''}${name}(${params})${returnType} {`;
  const typeArgs = !js && !s.annotated && c.init ? `<${c.type.replace(/^(Map|Set)</, '').replace(/>$/, '')}>` : '';
  const annotation = js ? '' : s.annotated || !c.init ? `: ${c.type}` : '';
  const init = c.init ? `${c.init}${typeArgs}()` : kind === 'object' ? '{}' : '[]';
  const declDoc = js ? [`/** @type {${c.type}} */`] : [];
  const comment = s.commentAbove ? ['// Entries by key, kept for the life of the process.'] : [];
  const limit = s.limitTaken ? ['export const CACHE_LIMIT = 5;', ''] : [];

  let lines: Code[];
  switch (s.owner) {
    case 'module':
      lines = [
        ...limit,
        ...comment,
        ...declDoc,
        `const cache${annotation} = ${init};`,
        ...doc,
        `export ${head('function remember')}`,
        body,
        '}',
      ];
      break;
    case 'listener':
      lines = [
        ...limit,
        'export const bus = new EventEmitter();',
        ...comment,
        ...declDoc,
        `const cache${annotation} = ${init};`,
        `bus.on('request', ${async ? 'async ' : ''}(${params})${returnType} => {`,
        body,
        '});',
      ];
      break;
    case 'closure':
      lines = [
        ...limit,
        ...comment,
        ...jsdoc(
          language,
          `@returns {(${fresh ? '' : paramDoc.replace(/^@param \{(.*)\} (\w+)$/, '$2: $1')}) => ${returns}}`,
        ),
        `export function makeRemember()${t(language, `: (${fresh ? '' : param}) => ${returns}`)} {`,
        [
          ...declDoc,
          `const cache${annotation} = ${init};`,
          `return ${async ? 'async ' : ''}(${params})${returnType} => {`,
          body,
          '};',
        ],
        '}',
      ];
      break;
    case 'field':
    case 'static': {
      const modifier = s.owner === 'static' ? 'static ' : '';
      lines = [
        ...limit,
        ...comment,
        'export class Store {',
        [
          ...declDoc,
          `${js ? '' : 'private '}${modifier}cache${annotation} = ${init};`,
          ...doc,
          head('remember'),
          body,
          '}',
        ],
        '}',
      ];
      break;
    }
  }
  return { lines, shape: `${kind} ${s.owner} ${s.site} ${s.key}${fresh ? ` ${s.rest}` : ''}` };
}

function prelude(language: Lang): Code[] {
  return [
    "import { randomUUID } from 'node:crypto';",
    "import { EventEmitter } from 'node:events';",
    ...fillerPrelude(language),
    ...jsdoc(language, '@param {string} key'),
    `async function load(key${t(language, ': string')})${t(language, ': Promise<string>')} {`,
    ['await tick();', 'return key;'],
    '}',
    ...jsdoc(language, '@param {string} key'),
    `function keyOf(key${t(language, ': string')})${t(language, ': string')} {`,
    ['return key.trim();'],
    '}',
    '',
  ];
}

export const cachePrograms: fc.Arbitrary<Generated> = fc.tuple(shape, styleArbitrary).map(([s, style]) => {
  const { lines, shape: name } = build(s);
  return { lang: s.lang, shape: name, code: render([...prelude(s.lang), ...lines], style) };
});
