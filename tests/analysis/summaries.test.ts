/**
 * `callDoesNothing` through a probe rule: at every `probe(call)` it reports
 * whether the function the call runs changes anything beyond its own
 * object's flags.
 */
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { callDoesNothing, callReturnsKeptValue } from '../../src/analysis/summaries.js';
import { typedRuleTester } from '../rule-tester.js';
import { argumentProbe } from './argument-probe.js';

const probe = argumentProbe((arg, services) =>
  arg.type === AST_NODE_TYPES.CallExpression &&
  callDoesNothing(services.program, services.esTreeNodeToTSNodeMap.get(arg))
    ? 'nothing'
    : 'something',
);

const prelude = `declare function probe(value: unknown): void;
declare function connect(): { end(): void };
`;
const at = (line: number) => line + 2;
const nothing = (line: number) => ({ messageId: 'verdict' as const, data: { verdict: 'nothing' }, line: at(line) });
const something = (line: number) => ({
  messageId: 'verdict' as const,
  data: { verdict: 'something' },
  line: at(line),
});

const keptProbe = argumentProbe((arg, services) =>
  arg.type === AST_NODE_TYPES.CallExpression &&
  callReturnsKeptValue(services.program, services.esTreeNodeToTSNodeMap.get(arg))
    ? 'kept'
    : 'new',
);
const kept = (line: number) => ({ messageId: 'verdict' as const, data: { verdict: 'kept' }, line: at(line) });
const made = (line: number) => ({ messageId: 'verdict' as const, data: { verdict: 'new' }, line: at(line) });

typedRuleTester().run('kept-value probe', keptProbe, {
  valid: [],
  invalid: [
    {
      code: `${prelude}class Feed {
  private ready = Promise.resolve();
  private readonly futures = new Map<string, Promise<number>>();
  whenReady(): Promise<void> {
    return this.ready;
  }
  future(key: string): Promise<number> {
    let pending = this.futures.get(key);
    if (!pending) {
      pending = Promise.resolve(1);
      this.futures.set(key, pending);
    }
    return pending;
  }
  latest(): Promise<number> {
    const made = Promise.resolve(2);
    this.futures.set('latest', made);
    return made;
  }
  fresh(): Promise<number> {
    return Promise.resolve(3);
  }
}
const feed = new Feed();
probe(feed.whenReady());
probe(feed.future('a'));
probe(feed.latest());
probe(feed.fresh());
`,
      errors: [kept(25), kept(26), made(27), made(28)],
    },
  ],
});

typedRuleTester().run('summaries probe', probe, {
  valid: [],
  invalid: [
    {
      code: `${prelude}class Flagged {
  released = false;
  conn: { end(): void } | undefined;
  release(): Promise<void> {
    this.released = true;
    if (this.conn !== undefined) this.conn.end();
    return Promise.resolve();
  }
  async close(): Promise<void> {}
  end(): void {
    this.conn?.end();
  }
}
function noop(): void {}
const flagged = new Flagged();
probe(flagged.release());
probe(flagged.close());
probe(noop());
probe(flagged.end());
probe(connect().end());
`,
      errors: [nothing(16), nothing(17), nothing(18), something(19), something(20)],
    },
    {
      // The field is set on these instances (by a base class's method), or the method may be
      // overridden, or the body calls out: each call does something.
      code: `${prelude}class Base {
  conn: { end(): void } | undefined;
  open(): void {
    this.conn = connect();
  }
}
class Pooled extends Base {
  release(): void {
    if (this.conn) this.conn.end();
  }
}
class Plain {
  released = false;
  release(): void {
    this.released = true;
  }
}
class Special extends Plain {
  override release(): void {
    connect().end();
  }
}
class Logged {
  release(): void {
    console.log('released');
  }
}
probe(new Pooled().release());
probe(new Plain().release());
probe(new Logged().release());
probe(new Special().release());
`,
      errors: [something(28), something(29), something(30), something(31)],
    },
  ],
});
