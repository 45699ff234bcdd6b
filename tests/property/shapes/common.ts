/**
 * What the generators of tests/property/shapes/ share: code as nested lists
 * printed in a random style (indent unit, line ends), TypeScript or
 * JavaScript, and statement fillers with effects (calls, awaits, comments,
 * blocks, declarations of names a fix may want for itself) to put around the
 * shapes each rule's fixes handle.
 */
import fc from 'fast-check';

export type Lang = 'ts' | 'js';

/** A line, or a list of lines one indentation step deeper. An empty string is a blank line. */
export type Code = string | readonly Code[];

/** A generated program. `shape` names what the generator meant, for messages and tallies. */
export interface Generated {
  code: string;
  lang: Lang;
  shape: string;
}

export interface Style {
  /** One indentation step. */
  unit: string;
  eol: '\n' | '\r\n';
}

export const style: fc.Arbitrary<Style> = fc.record({
  unit: fc.constantFrom('  ', '  ', '    ', '\t'),
  eol: fc.constantFrom<Style['eol']>('\n', '\n', '\n', '\r\n'),
});

/** True with the given probability (in percent). */
export function chance(percent: number): fc.Arbitrary<boolean> {
  return fc.integer({ min: 0, max: 99 }).map((n) => n < percent);
}

export const lang: fc.Arbitrary<Lang> = fc.constantFrom<Lang>('ts', 'ts', 'js');

/** Print `lines` with `style`, ending with a line end. */
export function render(lines: readonly Code[], { unit, eol }: Style): string {
  const out: string[] = [];
  const walk = (code: readonly Code[], depth: number): void => {
    for (const line of code) {
      if (typeof line === 'string') out.push(line === '' ? '' : `${unit.repeat(depth)}${line}`);
      else walk(line, depth + 1);
    }
  };
  walk(lines, 0);
  return `${out.join(eol)}${eol}`;
}

/** `typed` in TypeScript, `untyped` in JavaScript: `t(lang, ': string')`. */
export function t(language: Lang, typed: string, untyped = ''): string {
  return language === 'ts' ? typed : untyped;
}

/** A JSDoc comment in JavaScript (types for `checkJs`), nothing in TypeScript. */
export function jsdoc(language: Lang, ...tags: string[]): Code[] {
  if (language === 'ts') return [];
  return tags.length === 1 ? [`/** ${tags[0] ?? ''} */`] : ['/**', ...tags.map((tag) => ` * ${tag}`), ' */'];
}

/**
 * Declarations the fillers use, as real code so that it type-checks in both
 * languages: `note()` (a synchronous call), `tick()` (an async one), `state`.
 */
export function fillerPrelude(language: Lang): Code[] {
  return [
    ...jsdoc(language, '@param {string} message'),
    `function note(message${t(language, ': string')})${t(language, ': void')} {`,
    ['void message;'],
    '}',
    `async function tick()${t(language, ': Promise<void>')} {`,
    ['await Promise.resolve();'],
    '}',
    'const state = { count: 0, ready: false };',
  ];
}

/** One filler statement; `declares` is the name it declares in its block, if any. */
export interface Filler {
  code: Code[];
  declares?: string;
}

export interface FillerOptions {
  /** May it await? */
  async: boolean;
  /** Names it may declare in its block (names a fix would like to introduce). */
  names?: readonly string[];
}

/** A statement with effects, a comment or a nested block, that runs to its end. */
export function filler({ async, names = [] }: FillerOptions): fc.Arbitrary<Filler> {
  const simple = fc.constantFrom<Filler>(
    { code: ["note('step');"] },
    { code: ['state.count += 1;'] },
    { code: ['// A comment of its own line.'] },
    { code: ["/* a block comment */ note('after a comment');"] },
    { code: ["note('trailing'); // and a comment after it"] },
    { code: ['if (state.ready) {', ["note('ready');"], '}'] },
    { code: ["if (state.ready) note('ready');", "else note('not yet');"] },
    { code: ["for (const part of ['a', 'b']) note(part);"] },
    { code: ['{', ["note('in a block');"], '}'] },
    { code: ['try {', ["note('try');"], '} catch {', ["note('caught');"], '}'] },
    { code: ['const local = () => note(String(state.count));', 'local();'], declares: 'local' },
  );
  const awaiting = fc.constantFrom<Filler>(
    { code: ['await tick();'] },
    { code: ['if (state.ready) {', ['await tick();'], '}'] },
    { code: ['try {', ['await tick();'], '} finally {', ["note('finally');"], '}'] },
  );
  const declaring =
    names.length > 0
      ? fc.tuple(fc.constantFrom(...names), fc.constantFrom('const', 'let')).map(([name, kind]): Filler => ({
          code: [`${kind} ${name} = state.count;`, `note(String(${name}));`],
          declares: name,
        }))
      : null;
  return fc.oneof(
    { arbitrary: simple, weight: 4 },
    ...(async ? [{ arbitrary: awaiting, weight: 2 }] : []),
    ...(declaring ? [{ arbitrary: declaring, weight: 2 }] : []),
  );
}

/** The code of `list`, without the fillers that declare a name `taken` holds or an earlier one declares. */
export function flatten(list: readonly Filler[], taken: Iterable<string> = []): Code[] {
  const declared = new Set(taken);
  const out: Code[] = [];
  for (const item of list) {
    if (item.declares !== undefined) {
      if (declared.has(item.declares)) continue;
      declared.add(item.declares);
    }
    out.push(...item.code);
  }
  return out;
}

/** Up to `max` fillers, unprinted: `flattenGroups` prints them, leaving out names a shape takes. */
export function fillerLists(count: number, options: FillerOptions & { max?: number }): fc.Arbitrary<Filler[][]> {
  const group = fc.array(filler(options), { maxLength: options.max ?? 2 });
  return fc.array(group, { minLength: count, maxLength: count });
}

/** Lists of fillers for places in one block: none declares a name another one, or `taken`, declares. */
export function flattenGroups(groups: readonly (readonly Filler[])[], taken: Iterable<string> = []): Code[][] {
  const declared = new Set(taken);
  return groups.map((list) => {
    const code = flatten(list, declared);
    for (const item of list) if (item.declares !== undefined) declared.add(item.declares);
    return code;
  });
}

/**
 * `count` lists of up to `max` fillers each, for places in one block (before
 * and after a statement, say): none declares a name another one, or `taken`,
 * declares.
 */
export function fillerGroups(
  count: number,
  options: FillerOptions & { max?: number; taken?: readonly string[] },
): fc.Arbitrary<Code[][]> {
  return fillerLists(count, options).map((groups) => flattenGroups(groups, options.taken));
}

/** One list of fillers: `fillerGroups` with one group. */
export function fillers(options: FillerOptions & { max?: number; taken?: readonly string[] }): fc.Arbitrary<Code[]> {
  return fillerGroups(1, options).map(([only]) => only ?? []);
}
