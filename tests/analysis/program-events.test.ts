/**
 * The program index's answers about how often code runs and where values
 * come from, through probe rules: `probe(f)` names a function (or a class),
 * `probe(value)` an expression.
 */
import { AST_NODE_TYPES, type ParserServicesWithTypeInformation, type TSESTree } from '@typescript-eslint/utils';
import ts from 'typescript';
import { isFreshPerCall, parameterTakesOutsideData } from '../../src/analysis/domains.js';
import {
  callSitesOf,
  instantiationsOf,
  isNeverCalled,
  runsOnlyAtSetUp,
  runsPerEvent,
} from '../../src/analysis/program.js';
import { typedRuleTester } from '../rule-tester.js';
import { argumentProbe } from './argument-probe.js';

/**
 * The declaration a string argument names: `'name'` for a top-level function
 * or class, `'Class.method'` for a method. Named by a string, so that the probe
 * itself does not use the function as a value.
 */
function declared(arg: TSESTree.Node, services: ParserServicesWithTypeInformation): ts.Declaration | undefined {
  if (arg.type !== AST_NODE_TYPES.Literal || typeof arg.value !== 'string') return undefined;
  const [outer, member] = arg.value.split('.');
  const file = services.esTreeNodeToTSNodeMap.get(arg).getSourceFile();
  for (const statement of file.statements) {
    if ((ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement)) && statement.name?.text === outer) {
      if (!member) return statement;
      if (ts.isClassDeclaration(statement)) {
        return statement.members.find((m) => m.name && ts.isIdentifier(m.name) && m.name.text === member);
      }
    }
  }
  return undefined;
}

const fresh = argumentProbe((arg, services) => {
  const node = services.esTreeNodeToTSNodeMap.get(arg);
  return ts.isExpression(node) && isFreshPerCall(services.program, node) ? 'fresh' : 'same';
});

const perEvent = argumentProbe((arg, services) => {
  const fn = declared(arg, services);
  return fn && ts.isFunctionLike(fn) && runsPerEvent(services.program, fn) ? 'per event' : 'not shown';
});

const outside = argumentProbe((arg, services) => {
  const fn = declared(arg, services);
  return fn && ts.isFunctionLike(fn) && parameterTakesOutsideData(services.program, fn, 0) ? 'outside' : 'set-up';
});

const instances = argumentProbe((arg, services) => {
  const cls = declared(arg, services);
  if (!cls || !ts.isClassDeclaration(cls)) return 'no class';
  const { sites, complete } = instantiationsOf(services.program, cls);
  const ctor = cls.members.find(ts.isConstructorDeclaration);
  const once = ctor ? runsOnlyAtSetUp(services.program, ctor, { kind: 'module' }) : false;
  return `${complete ? String(sites.length) : 'unknown'} ${once ? 'at set-up' : 'not at set-up'}`;
});

const calledHere = argumentProbe((arg, services) => {
  const fn = declared(arg, services);
  return fn && ts.isFunctionLike(fn) && isNeverCalled(services.program, fn) ? 'never called' : 'may be called';
});

const callCount = argumentProbe((arg, services) => {
  const fn = declared(arg, services);
  if (!fn || !ts.isFunctionLike(fn)) return 'no function';
  const { calls, complete } = callSitesOf(services.program, fn);
  return complete ? `${String(calls.length)} calls` : 'unknown';
});

const verdict = (line: number, value: string) => ({ messageId: 'verdict' as const, data: { verdict: value }, line });

const ruleTester = typedRuleTester();

ruleTester.run('fresh values', fresh, {
  valid: [],
  invalid: [
    {
      code: `import { randomUUID } from 'node:crypto';
declare function probe(value: unknown): void;
declare const request: { id: string };
let nextId = 0;
function now(): number { return 1; }
probe(nextId++);
probe(Date.now());
probe(\`req-\${nextId++}\`);
probe(randomUUID());
probe(request.id);
probe(now());
const stamp = Date.now();
probe(stamp);
export function next(): void {
  const id = nextId++;
  probe(id);
}
`,
      errors: [
        verdict(6, 'fresh'),
        verdict(7, 'fresh'),
        verdict(8, 'fresh'),
        verdict(9, 'fresh'),
        verdict(10, 'same'),
        verdict(11, 'same'),
        verdict(13, 'same'),
        verdict(16, 'fresh'),
      ],
    },
  ],
});

ruleTester.run('runs per event', perEvent, {
  valid: [],
  invalid: [
    {
      code: `import { EventEmitter } from 'node:events';
declare function probe(value: unknown): void;
const bus = new EventEmitter();
function onMessage(m: string): void { remember(m); }
function remember(m: string): void { void m; }
function setup(): void {}
class Handler {
  handle(m: string): void { void m; }
  onTick(): void {}
}
const handler = new Handler();
bus.on('message', onMessage);
bus.on('other', (m: string) => handler.handle(m));
setInterval(handler.onTick.bind(handler), 1000);
setup();
probe('onMessage');
probe('remember');
probe('setup');
probe('Handler.handle');
probe('Handler.onTick');
`,
      errors: [
        verdict(16, 'per event'),
        verdict(17, 'per event'),
        verdict(18, 'not shown'),
        verdict(19, 'per event'),
        verdict(20, 'per event'),
      ],
    },
  ],
});

ruleTester.run('parameter takes outside data', outside, {
  valid: [],
  invalid: [
    {
      code: `declare function probe(value: unknown): void;
function configured(zone: string): boolean { return zone.length > 0; }
function fed(zone: string): boolean { return zone.length > 0; }
function nobodyCalls(zone: string): boolean { return zone.length > 0; }
export class Database {
  constructor(private readonly options: { timezone: string }) {}
  check(): boolean { return configured(this.options.timezone) && fed(this.options.timezone); }
}
export function validate(input: { zone: string }): boolean {
  return fed(input.zone);
}
probe('configured');
probe('fed');
probe('nobodyCalls');
`,
      errors: [verdict(12, 'set-up'), verdict(13, 'outside'), verdict(14, 'outside')],
    },
    {
      // A callback handed to a function of the program takes what that function calls it with; one
      // handed to a function that keeps it, or to a library's, takes data the program does not show.
      code: `declare function probe(value: unknown): void;
declare const bus: { on(event: string, listener: (name: string) => void): void };
const TABLE: Record<'a' | 'b', string[]> = { a: ['x'], b: ['y'] };
const kept: ((name: string) => void)[] = [];
function contextFor(name: string): number { return name.length; }
function storedFor(name: string): number { return name.length; }
function heardFor(name: string): number { return name.length; }
function each(phase: 'a' | 'b', use: (name: string) => void): void {
  for (const name of TABLE[phase]) if (use) use(name);
}
function keep(use: (name: string) => void): void { kept.push(use); }
each('a', (name) => contextFor(name));
keep((name) => storedFor(name));
bus.on('name', (name) => heardFor(name));
function literalFor(name: string): number { return name.length; }
bus.on('tick', () => literalFor('tick'));
probe('contextFor');
probe('storedFor');
probe('heardFor');
probe('literalFor');
`,
      errors: [verdict(17, 'set-up'), verdict(18, 'outside'), verdict(19, 'outside'), verdict(20, 'set-up')],
    },
    {
      // A property of an object written in place is asked about alone; a value is followed through
      // what a function of the program returns and what a promise it returns settles with, unless
      // that is made by code the program does not show (a library's reply).
      code: `declare function probe(value: unknown): void;
declare const bus: { on(event: string, listener: (body: string) => void): void };
function signed(key: string): number { return key.length; }
function bodied(body: string): number { return body.length; }
function respond(key: string): number { return key.length; }
function echo(value: string): number { return value.length; }
function track(id: string): number { return id.length; }
declare function fetchReply(): Promise<{ id: string }>;
function verify({ key, body }: { key: string; body: string }): string {
  signed(key);
  bodied(body);
  return key;
}
class Handler {
  constructor(private readonly key: string) {}
  async check(body: string): Promise<{ ok: boolean; used: string }> {
    return { ok: true, used: verify({ key: this.key, body }) };
  }
  async reflect(body: string): Promise<{ body: string }> {
    return { body };
  }
  async request(): Promise<{ id: string }> {
    return fetchReply();
  }
}
const handler = new Handler('secret');
bus.on('request', (body) => {
  void handler.check(body).then((result) => respond(result.used));
  void handler.reflect(body).then((result) => echo(result.body));
  void handler.request().then((reply) => track(reply.id));
});
probe('signed');
probe('bodied');
probe('respond');
probe('echo');
probe('track');
`,
      errors: [
        verdict(32, 'set-up'),
        verdict(33, 'outside'),
        verdict(34, 'set-up'),
        verdict(35, 'outside'),
        verdict(36, 'outside'),
      ],
    },
    {
      // In a callee's return, \`this\` is the call's receiver; a \`let\` it assigns later is not its
      // initializer.
      code: `declare function probe(value: unknown): void;
declare const bus: { on(event: string, listener: (message: Message) => void): void };
class Message {
  constructor(private readonly raw: { id: string; route: string }) {}
  getId(): string { return this.raw.id; }
}
function pathOf(route: string): string {
  let file = '';
  if (route.endsWith('/')) file = route + 'index';
  else file = route;
  return file;
}
function seen(id: string): number { return id.length; }
function stored(file: string): number { return file.length; }
bus.on('message', (message) => {
  seen(message.getId());
  stored(pathOf(String(message.getId())));
});
probe('seen');
probe('stored');
`,
      errors: [verdict(19, 'outside'), verdict(20, 'outside')],
    },
    {
      // In a callee's return, \`this\` is the receiver: a label the object's own settings give is
      // set-up data, whatever the call is passed. A value the program cannot read (\`+id\`) is no
      // constant.
      code: `declare function probe(value: unknown): void;
declare const bus: { on(event: string, listener: (id: string) => void): void };
class Settings {
  constructor(private readonly name: string) {}
  label(id: string): string { return id.length > 0 ? this.name : this.name; }
}
const settings = new Settings('main');
function toNumber(id: string): number { return +id; }
function labelled(label: string): number { return label.length; }
function counted(n: number): number { return n; }
bus.on('message', (id) => {
  labelled(settings.label(id));
  counted(toNumber(id));
});
probe('labelled');
probe('counted');
`,
      errors: [verdict(15, 'set-up'), verdict(16, 'outside')],
    },
  ],
});

ruleTester.run('instantiations', instances, {
  valid: [],
  invalid: [
    {
      code: `declare function probe(value: unknown): void;
class Once { constructor() {} }
class PerCall { constructor() {} }
class Passed { constructor() {} }
export class Exported { constructor() {} }
export const once = new Once();
export function make(): PerCall { return new PerCall(); }
export const factories = [Passed];
probe('Once');
probe('PerCall');
probe('Passed');
probe('Exported');
`,
      errors: [
        verdict(9, '1 at set-up'),
        verdict(10, '1 not at set-up'),
        verdict(11, 'unknown not at set-up'),
        verdict(12, '0 not at set-up'),
      ],
    },
  ],
});

ruleTester.run('never called', calledHere, {
  valid: [],
  invalid: [
    {
      code: `declare function probe(value: unknown): void;
function inWorker(url: string): void { void url; }
function both(): void {}
function passed(): void {}
function unused(): void {}
export function exported(): void {}
export const script = \`(\${inWorker.toString()})('x'); \${String(both)}\`;
both();
setTimeout(passed, 1);
probe('inWorker');
probe('both');
probe('passed');
probe('unused');
probe('exported');
`,
      errors: [
        verdict(10, 'never called'),
        verdict(11, 'may be called'),
        verdict(12, 'may be called'),
        verdict(13, 'never called'),
        verdict(14, 'may be called'),
      ],
    },
  ],
});

// The first names asked of a file and of the program are searched in the text; later ones through
// word indexes. Forty methods of an exported class ask both ways: method `mN` is called N % 3 times,
// and is also named in a comment, in a string and inside a longer name, none of which is a call.
const METHODS = 40;
const methodLines = Array.from({ length: METHODS }, (_, n) => `  m${String(n)}(): void {}`);
const callLines = Array.from({ length: METHODS }, (_, n) =>
  [
    ...Array.from({ length: n % 3 }, () => `service.m${String(n)}();`),
    `// service.m${String(n)}() in a comment`,
    `export const text${String(n)} = 'm${String(n)}';`,
    `export function m${String(n)}x(): void {}`,
  ].join('\n'),
);
const probeLines = Array.from({ length: METHODS }, (_, n) => `probe('Service.m${String(n)}');`);
const probeStart = 4 + METHODS + callLines.join('\n').split('\n').length + 1;

ruleTester.run('call sites, by text search and by word index', callCount, {
  valid: [],
  invalid: [
    {
      code: [
        'declare function probe(value: unknown): void;',
        'export class Service {',
        ...methodLines,
        '}',
        'const service = new Service();',
        ...callLines,
        ...probeLines,
        '',
      ].join('\n'),
      errors: Array.from({ length: METHODS }, (_, n) => verdict(probeStart + n, `${String(n % 3)} calls`)),
    },
  ],
});

ruleTester.run('call sites through the property of an object that holds the function', callCount, {
  valid: [],
  invalid: [
    {
      // `schedule` is called through the property and through a destructured name; `cancel` is
      // also handed on as a value; `flush` sits in an object that a declared type receives;
      // `reset` sits in an object nothing calls through.
      code: `declare function probe(value: unknown): void;
function schedule(id: string): void {}
function cancel(id: string): void {}
function flush(): void {}
function reset(): void {}
export function makeRunner() { return { schedule, cancel: cancel }; }
interface Handle { flush(): void }
export const handle: Handle = { flush };
const store = { reset };
export const runnerA = makeRunner();
runnerA.schedule('a');
runnerA.cancel('b');
const { schedule: run, cancel: stop } = makeRunner();
run('c');
export const later = stop;
probe('schedule');
probe('cancel');
probe('flush');
probe('reset');
`,
      errors: [verdict(16, '2 calls'), verdict(17, 'unknown'), verdict(18, 'unknown'), verdict(19, '0 calls')],
    },
  ],
});

ruleTester.run('call sites through an object that goes where its members cannot be followed', callCount, {
  valid: [],
  invalid: [
    {
      // A dispatch table read by a computed key, an object handed to a function, one read
      // through a conditional, one destructured by assignment, and one assigned to
      // \`module.exports\`-like property of another object: code the program does not show may
      // call each member.
      code: `declare function probe(value: unknown): void;
declare const exportsHolder: { api: unknown };
function start(): void {}
function onA(): void {}
function runA(): void {}
function runB(): void {}
function make(): void {}
function shared(): void {}
const commands = { start };
export function dispatch(name: keyof typeof commands): void { commands[name](); }
const handlers = { onA };
Object.values(handlers).forEach((h) => h());
const a = { run: runA };
const b = { run: runB };
export function pick(flag: boolean): void { (flag ? a : b).run(); }
export function factory() { return { make }; }
export function use(): void {
  let m: () => void;
  ({ make: m } = factory());
  m();
}
exportsHolder.api = { shared };
probe('start');
probe('onA');
probe('runA');
probe('runB');
probe('make');
probe('shared');
`,
      errors: [
        verdict(23, 'unknown'),
        verdict(24, 'unknown'),
        verdict(25, 'unknown'),
        verdict(26, 'unknown'),
        verdict(27, 'unknown'),
        verdict(28, 'unknown'),
      ],
    },
    {
      // Followed: a class field that holds the object, read by name, and an \`await\` of an
      // async factory.
      code: `declare function probe(value: unknown): void;
function tick(n: number): void {}
function flush(): void {}
export function makeClock() { return { tick }; }
export async function openStore() { return { flush }; }
export class Host {
  private clock = makeClock();
  step(): void { this.clock.tick(1); this.clock.tick(2); }
}
export async function main(): Promise<void> {
  const store = await openStore();
  store.flush();
}
probe('tick');
probe('flush');
`,
      errors: [verdict(14, '2 calls'), verdict(15, '1 calls')],
    },
  ],
});
