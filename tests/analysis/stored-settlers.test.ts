/**
 * `storedSettlerFailures` through a probe rule: at every `new Promise` whose
 * executor settles somewhere it asks, with one state for the file (as
 * no-unsettled-promise does), which registrations are the only ones to settle
 * the entries the executor stores its settlers in. Each is reported at the
 * registration as `only <event> settles <field>`; a promise with none gets
 * `none`.
 */
import { ESLintUtils, type TSESTree } from '@typescript-eslint/utils';
import { modelExecutor, promiseExecutor } from '../../src/analysis/settlers.js';
import { storedSettlerFailures, type StoredSettlerState } from '../../src/analysis/stored-settlers.js';
import { typedRuleTester } from '../rule-tester.js';

const probe = ESLintUtils.RuleCreator.withoutDocs<[], 'verdict'>({
  meta: { type: 'problem', messages: { verdict: '{{verdict}}' }, schema: [], defaultOptions: [] },
  create(context) {
    const services = ESLintUtils.getParserServices(context);
    const { sourceCode } = context;
    const emitters = { services, checker: services.program.getTypeChecker(), sourceCode };
    const state: StoredSettlerState = { membersByName: null, found: new Set() };
    return {
      NewExpression(node: TSESTree.NewExpression) {
        const executor = promiseExecutor(node);
        const model = executor ? modelExecutor(node, executor, sourceCode) : null;
        if (!model || model.sites.length === 0) return;
        const failures = storedSettlerFailures(emitters, state, model);
        for (const { registration, field } of failures) {
          const verdict = `only ${registration.event} settles ${sourceCode.getText(field)}`;
          context.report({ node: registration.node, messageId: 'verdict', data: { verdict } });
        }
        if (failures.length === 0) context.report({ node, messageId: 'verdict', data: { verdict: 'none' } });
      },
    };
  },
});

const prelude = `import { Socket } from 'node:net';
type Entry = { resolve: (value: unknown) => void; reject: (error: Error) => void };
declare function parse(data: unknown): { id: number; result: unknown };
`;
const at = (line: number) => line + 3;
const verdict = (text: string, line: number) => ({
  messageId: 'verdict' as const,
  data: { verdict: text },
  line: at(line),
});
const none = (line: number) => verdict('none', line);
const onlyMessage = (line: number) => verdict('only message settles this.pending', line);

typedRuleTester().run('stored-settlers probe', probe, {
  valid: [],
  invalid: [
    {
      // The only function that takes an entry out and settles it is a \`message\` listener of a
      // socket that can fail, by \`addEventListener\` or \`onmessage\`: a failure leaves every entry
      // pending. Keys renamed in the entry (\`ok\`, \`fail\`) are followed.
      code: `${prelude}export class Rpc {
  private pending = new Map<number, Entry>();
  constructor(private readonly ws: WebSocket) {
    ws.addEventListener('message', (event) => {
      const msg = parse(event.data);
      this.pending.get(msg.id)?.resolve(msg.result);
    });
  }
  call(id: number): Promise<unknown> {
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
    });
  }
}
export class Renamed {
  private pending = new Map<number, { ok: (value: unknown) => void; fail: (error: Error) => void }>();
  constructor(ws: WebSocket) {
    ws.onmessage = (event) => {
      const msg = parse(event.data);
      this.pending.get(msg.id)?.ok(msg.result);
    };
  }
  call(id: number): Promise<unknown> {
    return new Promise((resolve, reject) => {
      this.pending.set(id, { ok: resolve, fail: reject });
    });
  }
}
`,
      errors: [onlyMessage(4), onlyMessage(18)],
    },
    {
      // A Node.js socket's \`data\` listener is a success listener too. A DOM event that is no
      // success event, or a listener on a target that cannot fail, is not asked about.
      code: `${prelude}export class Wire {
  private waiting = new Map<number, Entry>();
  constructor(socket: Socket) {
    socket.on('data', (chunk) => {
      this.waiting.get(chunk.length)?.resolve(chunk);
    });
  }
  call(id: number): Promise<unknown> {
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
    });
  }
}
export class Custom {
  private pending = new Map<number, Entry>();
  constructor(ws: WebSocket, bus: { on(event: string, fn: (id: number) => void): void }) {
    ws.addEventListener('custom', () => {
      this.pending.get(0)?.resolve(null);
    });
    bus.on('message', (id) => {
      this.pending.get(id)?.resolve(null);
    });
  }
  call(id: number): Promise<unknown> {
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
    });
  }
}
`,
      errors: [verdict('only data settles this.waiting', 4), none(25)],
    },
    {
      // Another way out makes the listener not the only one: a \`close\` listener that settles the
      // entries in a loop (a sweep), a terminal listener that settles one, or a plain method.
      code: `${prelude}export class Swept {
  private pending = new Map<number, Entry>();
  constructor(ws: WebSocket) {
    ws.addEventListener('message', (event) => this.pending.get(parse(event.data).id)?.resolve(null));
    ws.addEventListener('close', () => {
      for (const entry of this.pending.values()) entry.reject(new Error('closed'));
    });
  }
  call(id: number): Promise<unknown> {
    return new Promise((resolve, reject) => this.pending.set(id, { resolve, reject }));
  }
}
export class Terminal {
  private pending = new Map<number, Entry>();
  constructor(ws: WebSocket) {
    ws.onmessage = (event) => this.pending.get(parse(event.data).id)?.resolve(null);
    ws.onerror = () => this.pending.get(0)?.reject(new Error('failed'));
  }
  call(id: number): Promise<unknown> {
    return new Promise((resolve, reject) => this.pending.set(id, { resolve, reject }));
  }
}
export class Method {
  private pending = new Map<number, Entry>();
  constructor(ws: WebSocket) {
    ws.onmessage = (event) => this.pending.get(parse(event.data).id)?.resolve(null);
  }
  fail(id: number): void {
    this.pending.get(id)?.reject(new Error('cancelled'));
  }
  call(id: number): Promise<unknown> {
    return new Promise((resolve, reject) => this.pending.set(id, { resolve, reject }));
  }
}
`,
      errors: [none(10), none(20), none(32)],
    },
    {
      // Only the keys that hold this executor's settlers count (\`log\` is no settler); a field of
      // the same name in another class is another field; a registration is found once per file,
      // whichever executor stores into it first.
      code: `${prelude}declare function log(text: string): void;
export class Logged {
  private pending = new Map<number, { resolve: (value: unknown) => void; log: typeof log }>();
  constructor(ws: WebSocket) {
    ws.onmessage = (event) => this.pending.get(parse(event.data).id)?.log('x');
  }
  call(id: number): Promise<unknown> {
    return new Promise((resolve) => this.pending.set(id, { resolve, log }));
  }
}
export class Twice {
  private pending = new Map<number, Entry>();
  constructor(ws: WebSocket) {
    ws.onmessage = (event) => this.pending.get(parse(event.data).id)?.resolve(null);
  }
  call(id: number): Promise<unknown> {
    return new Promise((resolve, reject) => this.pending.set(id, { resolve, reject }));
  }
  notify(id: number): Promise<unknown> {
    return new Promise((resolve, reject) => this.pending.set(id, { resolve, reject }));
  }
}
`,
      errors: [none(8), onlyMessage(14), none(20)],
    },
    {
      // Today: settlers stored bare (\`set(id, resolve)\`) or through a \`const\` entry are not seen
      // as stored (looks wrong because the message listener is still the only way out for them,
      // and a failing socket leaves them pending: errorNotListened misses it).
      code: `${prelude}export class Bare {
  private pending = new Map<number, (value: unknown) => void>();
  constructor(ws: WebSocket) {
    ws.onmessage = (event) => this.pending.get(parse(event.data).id)?.(null);
  }
  call(id: number): Promise<unknown> {
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
    });
  }
}
export class Held {
  private pending = new Map<number, Entry>();
  constructor(ws: WebSocket) {
    ws.onmessage = (event) => this.pending.get(parse(event.data).id)?.resolve(null);
  }
  call(id: number): Promise<unknown> {
    return new Promise((resolve, reject) => {
      const entry = { resolve, reject };
      this.pending.set(id, entry);
    });
  }
}
`,
      errors: [none(7), none(18)],
    },
  ],
});
