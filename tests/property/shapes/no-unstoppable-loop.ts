/**
 * Programs for no-unstoppable-loop's suggestions: an endless awaiting loop
 * (`while (true)`, `while (1)`, `for (;;)`, `for (let i = 0; ; i++)`,
 * `for (; true; )`, `do … while (true)`, with a block or a lone statement) in
 *
 * - a function (declared, exported or called from another, an arrow, a
 *   bare-parameter arrow, a method, an object's method, an async generator,
 *   an async IIFE) that is given an `AbortSignal` (a parameter, an optional
 *   one, an options property, a destructured one) or none, sometimes with a
 *   local that takes the signal's name, used as a value, or with code after the
 *   loop, a value to return, a `try` around it;
 * - a class with a teardown method (`close`, `stop`, `dispose`, …) that sets a
 *   flag first thing, later, behind a guard, or not at all, in a class that
 *   may already have a member called `stopped`, private names, or an index
 *   signature, at module level or inside a function.
 */
import fc from 'fast-check';
import {
  chance,
  filler,
  fillers,
  fillerPrelude,
  flatten,
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

type LoopForm = 'while' | 'while1' | 'for' | 'forInit' | 'forTrue' | 'do';
type Content = 'poll' | 'breakOut' | 'idleContinue' | 'innerBreak' | 'switch' | 'retry';

interface LoopShape {
  form: LoopForm;
  block: boolean;
  content: Content[];
  fill: Filler[];
}

const loopShape = (async: boolean): fc.Arbitrary<LoopShape> =>
  fc.record({
    form: fc.constantFrom<LoopForm>('while', 'while1', 'for', 'forInit', 'forTrue', 'do'),
    block: fc.boolean(),
    content: fc
      .tuple(chance(60), chance(12), chance(25), chance(20), chance(15), chance(8))
      .map((flags) =>
        (['poll', 'breakOut', 'idleContinue', 'innerBreak', 'switch', 'retry'] as const).filter((_, i) => flags[i]),
      ),
    fill: fc.array(filler({ async, names: ['signal', 'stopped', 'controller'] }), { maxLength: 2 }),
  });

/** The loop's statements; a lone statement (no block) when it is one line. Its fillers declare none of `taken`. */
function loop(shape: LoopShape, taken: readonly string[] = []): Code[] {
  const body: Code[] = flatten(shape.fill, taken);
  const has = (c: Content): boolean => shape.content.includes(c);
  if (has('poll') || has('breakOut') || has('idleContinue') || has('innerBreak') || has('switch')) {
    body.push('const item = await poll();');
    if (has('idleContinue')) body.push('if (!item) {', ['await sleep(10);', 'continue;'], '}');
    if (has('breakOut')) body.push("if (item === 'stop') break;");
    if (has('innerBreak')) body.push('for (const part of [item]) {', ['if (!part) break;', 'handle(part);'], '}');
    if (has('switch'))
      body.push('switch (item) {', ["case 'skip':", ['break;'], 'default:', ["handle(item ?? '');"]], '}');
    else body.push('if (item) handle(item);');
  }
  if (has('retry')) body.push('try {', ['await poll();', 'break;'], '} catch {', ['state.count += 1;'], '}');
  body.push('await sleep(100);');
  const lone = !shape.block && body.length === 1 ? body[0] : undefined;
  const head = {
    while: 'while (true)',
    while1: 'while (1)',
    for: 'for (;;)',
    forInit: 'for (let round = 0; ; round++)',
    forTrue: 'for (; true; )',
    do: 'do',
  }[shape.form];
  if (typeof lone === 'string') return shape.form === 'do' ? [`do ${lone} while (true);`] : [`${head} ${lone}`];
  return shape.form === 'do' ? ['do {', body, '} while (true);'] : [`${head} {`, body, '}'];
}

/** Can the function's end be reached (so that a value-returning one needs a `return` after the loop)? */
function endReachable(shape: LoopShape, around: Around): boolean {
  return (
    shape.form === 'while1' ||
    shape.content.includes('breakOut') ||
    shape.content.includes('retry') ||
    around === 'if' ||
    around === 'tryCatch'
  );
}

type Around = 'none' | 'if' | 'tryCatch' | 'tryFinally' | 'label' | 'block';

function wrap(around: Around, lines: Code[]): Code[] {
  switch (around) {
    case 'none':
      return lines;
    case 'if':
      return ['if (state.ready) {', lines, '}'];
    case 'tryCatch':
      return ['try {', lines, '} catch (error) {', ['note(String(error));'], '}'];
    case 'tryFinally':
      return ['try {', lines, '} finally {', ["note('done');"], '}'];
    case 'label': {
      const [first, ...rest] = lines;
      return typeof first === 'string' ? [`outer: ${first}`, ...rest] : lines;
    }
    case 'block':
      return ['{', ['const signal = state.count;', 'note(String(signal));', ...lines], '}'];
  }
}

// ---- a loop in a function ---------------------------------------------------------------

type Container = 'export' | 'local' | 'arrow' | 'bareArrow' | 'method' | 'objectMethod' | 'generator' | 'iife';
type Signal = 'none' | 'label' | 'param' | 'optional' | 'options' | 'optionalOptions' | 'destructured';
type Returns = 'none' | 'void' | 'string' | 'maybe';

interface FunctionShape {
  lang: Lang;
  container: Container;
  signal: Signal;
  around: Around;
  after: 'none' | 'statement' | 'return';
  returns: Returns;
  usedAsValue: boolean;
  signalAtModule: boolean;
  loop: LoopShape;
  before: Code[];
}

const functionShape: fc.Arbitrary<FunctionShape> = fc.record({
  lang: langArbitrary,
  container: fc.constantFrom<Container>(
    'export',
    'local',
    'arrow',
    'bareArrow',
    'method',
    'objectMethod',
    'generator',
    'iife',
  ),
  signal: fc.constantFrom<Signal>(
    'none',
    'none',
    'none',
    'label',
    'label',
    'param',
    'optional',
    'options',
    'optionalOptions',
    'destructured',
  ),
  around: fc.constantFrom<Around>('none', 'none', 'if', 'tryCatch', 'tryFinally', 'label', 'block'),
  after: fc.constantFrom<FunctionShape['after']>('none', 'none', 'statement', 'return'),
  returns: fc.constantFrom<Returns>('none', 'void', 'string', 'maybe'),
  usedAsValue: chance(20),
  signalAtModule: chance(30),
  loop: loopShape(true),
  before: fillers({ async: true, names: ['stopped', 'controller'] }),
});

/** Parameters, a JSDoc for them in JavaScript, and the arguments a call passes. */
function parameters(signal: Signal, language: Lang): { params: string; doc: string | null; args: string } {
  const ts = language === 'ts';
  switch (signal) {
    case 'none':
      return { params: '', doc: null, args: '' };
    case 'label':
      // In JavaScript, JSDoc types make the parameters required: no `signal` is added there.
      return {
        params: `label${t(language, ': string')}`,
        doc: ts ? null : '/** @param {string} label */',
        args: "'x'",
      };
    case 'param':
      return {
        params: `signal${t(language, ': AbortSignal')}`,
        doc: ts ? null : '/** @param {AbortSignal} signal */',
        args: 'new AbortController().signal',
      };
    case 'optional':
      return {
        params: `signal${t(language, '?: AbortSignal')}`,
        doc: ts ? null : '/** @param {AbortSignal} [signal] */',
        args: '',
      };
    case 'options':
      return {
        params: `options${t(language, ': { signal?: AbortSignal; ms: number }')}`,
        doc: ts ? null : '/** @param {{ signal?: AbortSignal, ms: number }} options */',
        args: '{ ms: 10 }',
      };
    case 'optionalOptions':
      return {
        params: `options${t(language, '?: { signal?: AbortSignal }')}`,
        doc: ts ? null : '/** @param {{ signal?: AbortSignal }} [options] */',
        args: '',
      };
    case 'destructured':
      return {
        params: `{ signal }${t(language, ': { signal: AbortSignal }')}`,
        doc: ts ? null : '/** @param {{ signal: AbortSignal }} options */',
        args: '{ signal: new AbortController().signal }',
      };
  }
}

function buildFunction(s: FunctionShape): { lines: Code[]; shape: string } {
  const language = s.lang;
  // A bare parameter: one, without a type of its own.
  const signal: Signal =
    s.container === 'bareArrow' ? 'label' : s.around === 'block' && s.signal === 'none' ? 'none' : s.signal;
  const { params, doc, args } = parameters(signal, language);
  const valued = s.returns === 'string' || s.returns === 'maybe';
  const generator = s.container === 'generator';
  const settled = { none: 'void', void: 'void', string: 'string', maybe: 'string | undefined' }[s.returns];
  const returnType =
    language === 'js' || s.returns === 'none'
      ? ''
      : generator
        ? `: AsyncGenerator<number, ${settled}>`
        : `: Promise<${settled}>`;
  let after: FunctionShape['after'] = s.after;
  if (valued && after !== 'return' && endReachable(s.loop, s.around)) after = 'return';
  // A function that returns nothing written says so by falling off its end.
  if (!valued && after === 'return') after = 'statement';
  // A function whose return type admits `undefined` sometimes has no `return` at all
  // (`Promise<string | undefined>` may then not end normally, TS2355), sometimes an early one.
  const early: Code[] =
    s.returns === 'maybe' && after !== 'return' && s.before.length % 2 === 0
      ? ['if (state.count < 0) return undefined;']
      : [];
  const body: Code[] = [...early, ...s.before, ...wrap(s.around, loop(s.loop))];
  if (after === 'statement') body.push("note('after the loop');");
  if (after === 'return') body.push("return 'done';");

  const lines: Code[] = [];
  if (s.signalAtModule) lines.push(`export const signal = new AbortController().signal;`, '');
  const documented = doc ? [doc] : [];
  let name = 'run';
  switch (s.container) {
    case 'export':
    case 'local':
    case 'generator':
      lines.push(
        ...documented,
        `${s.container === 'local' ? '' : 'export '}async function${generator ? '*' : ''} run(${params})${returnType} {`,
        body,
        '}',
      );
      if (s.container === 'local' || s.usedAsValue) {
        lines.push(
          `export function start()${t(language, ': void')} {`,
          [generator ? `void run(${args}).next();` : `void run(${args});`],
          '}',
        );
      }
      break;
    case 'arrow':
      lines.push(...documented, `export const run = async (${params})${returnType} => {`, body, '};');
      break;
    case 'bareArrow':
      lines.push(
        ...documented,
        `export const run${t(language, `: (label: string) => Promise<${settled}>`)} = async label => {`,
        ['note(label);', ...body],
        '};',
      );
      break;
    case 'method':
      lines.push('export class Poller {', [...documented, `async run(${params})${returnType} {`, body, '}'], '}');
      name = 'poller.run';
      break;
    case 'objectMethod':
      lines.push('export const api = {', [...documented, `async run(${params})${returnType} {`, body, '},'], '};');
      name = 'api.run';
      break;
    case 'iife':
      lines.push(
        ...documented,
        `export function start(${params})${t(language, ': void')} {`,
        ['void (async () => {', body, '})();'],
        '}',
      );
      name = '';
      break;
  }
  if (s.usedAsValue && name !== '') {
    lines.push(
      name === 'poller.run'
        ? `export const pick = (${language === 'js' ? '/** @type {Poller} */ ' : ''}poller${t(language, ': Poller')}) => poller.run;`
        : `export const handlers = [${name}];`,
    );
  }
  return { lines, shape: `${s.container} ${signal} ${s.around} ${s.loop.form}` };
}

// ---- a loop in a class with a teardown method ----------------------------------------------

type Teardown = 'close' | 'stop' | 'dispose' | 'destroy' | 'disconnect' | 'shutdown';
type TeardownBody = 'empty' | 'emptyLines' | 'commentOnly' | 'work' | 'setsFlag' | 'flagAfterWork' | 'guarded';
type Flag = 'none' | 'closed' | 'hashClosed' | 'running';
type LoopMember = 'method' | 'private' | 'hash' | 'arrowField' | 'constructorIife';
type Extra = 'none' | 'stoppedMember' | 'hashMember' | 'indexSignature';

interface ClassShape {
  lang: Lang;
  teardown: Teardown;
  teardownBody: TeardownBody;
  flag: Flag;
  loopReadsFlag: boolean;
  member: LoopMember;
  extra: Extra;
  firstComment: boolean;
  nested: boolean;
  returns: 'none' | 'void' | 'string';
  loop: LoopShape;
}

const classShape: fc.Arbitrary<ClassShape> = fc.record({
  lang: langArbitrary,
  teardown: fc.constantFrom<Teardown>('close', 'stop', 'dispose', 'destroy', 'disconnect', 'shutdown'),
  teardownBody: fc.constantFrom<TeardownBody>(
    'empty',
    'emptyLines',
    'commentOnly',
    'work',
    'setsFlag',
    'flagAfterWork',
    'guarded',
  ),
  flag: fc.constantFrom<Flag>('none', 'closed', 'hashClosed', 'running'),
  loopReadsFlag: chance(25),
  member: fc.constantFrom<LoopMember>('method', 'private', 'hash', 'arrowField', 'constructorIife'),
  extra: fc.constantFrom<Extra>('none', 'none', 'stoppedMember', 'hashMember', 'indexSignature'),
  firstComment: fc.boolean(),
  nested: fc.boolean(),
  returns: fc.constantFrom<ClassShape['returns']>('none', 'void', 'string'),
  loop: loopShape(true),
});

function buildClass(s: ClassShape): { lines: Code[]; shape: string } {
  const language = s.lang;
  const js = language === 'js';
  const priv = (name: string): string => (js ? name : `private ${name}`);
  // A running flag is set by the method that starts the (private) loop.
  const member: LoopMember = s.flag === 'running' && s.member !== 'hash' ? 'private' : s.member;
  const flagName =
    s.flag === 'hashClosed' || (s.flag === 'running' && member === 'hash')
      ? `#${s.flag === 'running' ? 'running' : 'closed'}`
      : s.flag === 'running'
        ? 'running'
        : 'closed';
  const stopValue = s.flag === 'running' ? 'false' : 'true';
  const members: Code[] = [];
  if (s.firstComment) members.push('// The members of a poller.');
  if (s.extra === 'stoppedMember') members.push(`${priv('stopped')} = 0;`);
  if (s.extra === 'hashMember') members.push('#count = 0;');
  if (s.extra === 'indexSignature' && !js) members.push('[key: string]: unknown;');
  if (s.flag !== 'none') {
    const declared = `${flagName} = false;`;
    members.push(flagName.startsWith('#') ? declared : priv(declared));
  }
  const valued = s.returns === 'string' && member !== 'constructorIife';
  const returnType = js || s.returns === 'none' || member === 'constructorIife' ? '' : `: Promise<${s.returns}>`;
  const body: Code[] = [];
  if (s.loopReadsFlag && s.flag !== 'none') body.push(`if (${s.flag === 'running' ? '!' : ''}this.${flagName}) break;`);
  const loopLines = loop({ ...s.loop, block: s.loop.block || body.length > 0 });
  // The flag's test goes first in the loop's block.
  const withTest: Code[] =
    body.length > 0 && loopLines.length === 3 && Array.isArray(loopLines[1])
      ? [loopLines[0] as string, [...body, ...(loopLines[1] as Code[])], loopLines[2] as string]
      : loopLines;
  const fnBody: Code[] = [...withTest];
  if (valued && (endReachable(s.loop, 'none') || body.length > 0)) fnBody.push("return 'done';");
  const loopName = member === 'hash' ? '#run' : 'run';
  switch (member) {
    case 'method':
      members.push(`async run()${returnType} {`, fnBody, '}');
      break;
    case 'private':
      members.push(`${priv('async run')}()${returnType} {`, fnBody, '}');
      break;
    case 'hash':
      members.push(`async #run()${returnType} {`, fnBody, '}');
      break;
    case 'arrowField':
      members.push(`run = async ()${returnType} => {`, fnBody, '};');
      break;
    case 'constructorIife':
      members.push('constructor() {', ['void (async () => {', fnBody, '})();'], '}');
      break;
  }
  if (member !== 'constructorIife') {
    const start =
      s.flag === 'running' ? [`this.${flagName} = true;`, `void this.${loopName}();`] : [`void this.${loopName}();`];
    members.push(`start()${t(language, ': void')} {`, start, '}');
  }
  const teardownHead = `${s.teardown}()${t(language, ': void')} {`;
  const setFlag = s.flag === 'none' ? "note('no flag');" : `this.${flagName} = ${stopValue};`;
  switch (s.teardownBody) {
    case 'empty':
      members.push(`${s.teardown}()${t(language, ': void')} {}`);
      break;
    case 'emptyLines':
      members.push(teardownHead, '}');
      break;
    case 'commentOnly':
      members.push(teardownHead, ['// Nothing to release yet.'], '}');
      break;
    case 'work':
      members.push(teardownHead, ["note('closing');"], '}');
      break;
    case 'setsFlag':
      members.push(teardownHead, [setFlag, "note('closing');"], '}');
      break;
    case 'flagAfterWork':
      members.push(teardownHead, ["note('closing');", setFlag], '}');
      break;
    case 'guarded':
      members.push(teardownHead, ['if (state.ready) return;', setFlag], '}');
      break;
  }
  const cls: Code[] = [`${s.nested ? '' : 'export '}class Poller {`, members, '}'];
  const lines: Code[] = s.nested
    ? [`export function makePoller()${t(language, ': object')} {`, [...cls, 'return new Poller();'], '}']
    : cls;
  return { lines, shape: `class ${member} ${s.flag} ${s.teardown}:${s.teardownBody} ${s.loop.form}` };
}

// ---- the program ------------------------------------------------------------------------------

function prelude(language: Lang): Code[] {
  return [
    ...fillerPrelude(language),
    ...jsdoc(language, '@param {number} ms'),
    `async function sleep(ms${t(language, ': number')})${t(language, ': Promise<void>')} {`,
    ['await new Promise((resolve) => setTimeout(resolve, ms));'],
    '}',
    `async function poll()${t(language, ': Promise<string | undefined>')} {`,
    ['await tick();', 'return state.ready ? String(state.count) : undefined;'],
    '}',
    ...jsdoc(language, '@param {string} item'),
    `function handle(item${t(language, ': string')})${t(language, ': void')} {`,
    ['note(item);'],
    '}',
    '',
  ];
}

export const loopPrograms: fc.Arbitrary<Generated> = fc
  .tuple(
    fc.oneof(
      functionShape.map((s) => ({ lang: s.lang, ...buildFunction(s) })),
      classShape.map((s) => ({ lang: s.lang, ...buildClass(s) })),
    ),
    styleArbitrary,
  )
  .map(([{ lang, lines, shape }, style]) => ({
    lang,
    shape,
    code: render([...prelude(lang), ...lines], style),
  }));
