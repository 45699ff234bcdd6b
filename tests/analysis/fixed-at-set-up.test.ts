/**
 * `isFixedAtSetUp`, through a probe rule: at every `probe(value)` it reports
 * whether the value is the same on every evaluation once its owners are set
 * up (`fixed`) or may change from one evaluation to the next (`changing`).
 */
import ts from 'typescript';
import { isFixedAtSetUp } from '../../src/analysis/domains.js';
import { typedRuleTester } from '../rule-tester.js';
import { argumentProbe } from './argument-probe.js';

const probe = argumentProbe((arg, services) => {
  const tsNode = services.esTreeNodeToTSNodeMap.get(arg);
  return ts.isExpression(tsNode) && isFixedAtSetUp(services.program, tsNode) ? 'fixed' : 'changing';
});

const prelude = `import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
declare function probe(value: unknown): void;
`;
const at = (line: number) => line + 3;
const fixed = (line: number) => ({ messageId: 'verdict' as const, data: { verdict: 'fixed' }, line: at(line) });
const changing = (line: number) => ({ messageId: 'verdict' as const, data: { verdict: 'changing' }, line: at(line) });

typedRuleTester().run('fixed-at-set-up probe', probe, {
  valid: [],
  invalid: [
    {
      // Module constants are evaluated once; a `let` may be written again, a list's length changes.
      code: `${prelude}const HOST = process.env.HOST ?? 'localhost';
const config = { region: 'eu', hosts: ['a', 'b'] };
let current = 'a';
export function use(next: string): void {
  current = next;
  probe(HOST);
  probe(\`\${config.region}:\${HOST.toLowerCase()}\`);
  probe(current);
  probe(config.hosts.length);
  const local = HOST + '/x';
  probe(local);
}
`,
      errors: [fixed(6), fixed(7), changing(8), changing(9), fixed(11)],
    },
    {
      // A property written only by the constructor, from a \`new\` argument that is no outside data,
      // and properties of it; a property a method writes again, or a fresh value, changes.
      code: `${prelude}class Client {
  private readonly url: URL;
  private target: string;
  private readonly id = randomUUID();
  constructor(url: string, private readonly options: { zone: string }) {
    this.url = new URL(url);
    this.target = url;
  }
  retarget(next: string): void {
    this.target = next;
  }
  send(): void {
    probe(this.url.hostname);
    probe(this.options.zone);
    probe(this.target);
    probe(this.id);
  }
}
export const client = new Client('https://example.test', { zone: 'eu' });
`,
      errors: [fixed(13), fixed(14), changing(15), changing(16)],
    },
    {
      // Instances made per request from the request's data are configured by outside data.
      code: `${prelude}class Session {
  constructor(private readonly user: string) {}
  touch(): void {
    probe(this.user);
  }
}
export function serve(server: EventEmitter): void {
  server.on('request', (req: { user: string }) => new Session(req.user).touch());
}
`,
      errors: [changing(4)],
    },
    {
      // Ways a value changes that no property write names: an object literal's \`this\`, a method's
      // \`Object.assign(this, …)\`, a default that is fresh on every \`new\`, a \`new\` fed from a
      // module's \`let\`.
      code: `${prelude}export function login(user: string): void {
  const session = { user, touch(): void { probe(this.user); } };
  session.touch();
}
class Tenant {
  constructor(private readonly key: string) {}
  reset(next: { key: string }): void { Object.assign(this, next); }
  use(): void { probe(this.key); }
}
export const tenant = new Tenant('a');
class Job {
  constructor(readonly id = randomUUID()) {}
  run(): void { probe(this.id); }
}
export const job = new Job();
let next = 'a';
class Task {
  constructor(private readonly name: string) {}
  run(): void { probe(this.name); }
}
export function start(bus: EventEmitter): void {
  bus.on('tick', () => {
    next = next + 'a';
    new Task(next).run();
  });
}
`,
      errors: [changing(2), changing(8), changing(13), changing(19)],
    },
    {
      // Instances made by code the program does not show (an exported class, or a \`new\` in an
      // exported function that passes its own parameter) may be configured with outside data.
      code: `${prelude}export class Exported {
  constructor(private readonly name: string) {}
  use(): void {
    probe(this.name);
  }
}
class Made {
  constructor(private readonly name: string) {}
  use(): void {
    probe(this.name);
  }
}
export function make(name: string): void {
  new Made(name).use();
  new Made('fixed').use();
}
`,
      errors: [changing(4), changing(10)],
    },
    {
      // A parameter takes what every call passes: fixed when each passes a fixed value, through
      // a chain of calls and recursion; changing when one passes a listener's data.
      code: `${prelude}class Regions {
  private readonly url = new URL('https://example.test');
  private static remember(url: URL): void {
    probe(url.hostname);
    setTimeout(() => Regions.refresh(url), 1000);
  }
  private static refresh(url: URL): void {
    Regions.remember(url);
  }
  update(): void {
    Regions.remember(this.url);
  }
}
export const regions = new Regions();
function track(key: string): void {
  probe(key);
}
export function listen(bus: EventEmitter): void {
  track(process.env.NAME ?? 'default');
  bus.on('message', (id: string) => track(id));
}
`,
      errors: [fixed(4), changing(16)],
    },
  ],
});
