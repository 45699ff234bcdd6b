/**
 * `teardownReach` through a probe rule: at every loop it finds the class
 * around the loop's function and that class's teardown method (as
 * no-unstoppable-loop does) and reports whether the teardown, on every path
 * through it, changes state the loop reads (`reaches`), changes a field an
 * exit's test reads on some of its paths only (`reaches on some paths`), or
 * neither (`does not reach`). Only endless loops are asked about, as by
 * no-unstoppable-loop.
 */
import { ESLintUtils, type TSESTree } from '@typescript-eslint/utils';
import { enclosingFunction } from '../../src/analysis/ast.js';
import { teardownAround } from '../../src/analysis/intent.js';
import { isEndlessLoop, loopFacts, type EndlessLoop } from '../../src/analysis/loops.js';
import { teardownReach } from '../../src/analysis/teardown-reach.js';
import { classFacts } from '../../src/analysis/timers.js';
import { typedRuleTester } from '../rule-tester.js';

const probe = ESLintUtils.RuleCreator.withoutDocs<[], 'verdict'>({
  meta: { type: 'problem', messages: { verdict: '{{verdict}}' }, schema: [], defaultOptions: [] },
  create(context) {
    const judge = (loop: EndlessLoop): string => {
      const fn = enclosingFunction(loop);
      const owner = fn ? teardownAround(fn, context.sourceCode) : null;
      if (!fn || !owner) return 'no teardown';
      const teardown = classFacts(owner.classNode, context.sourceCode).methods.get(owner.name) ?? [];
      const reach = teardownReach(loop, fn, owner.classNode, teardown, loopFacts(loop).exits, context.sourceCode);
      return reach.always ? 'reaches' : reach.sometimes ? 'reaches on some paths' : 'does not reach';
    };
    // Only endless loops, as in no-unstoppable-loop: a loop's own test is not state it reads.
    const report = (node: TSESTree.Node): void => {
      if (isEndlessLoop(node)) context.report({ node, messageId: 'verdict', data: { verdict: judge(node) } });
    };
    return {
      WhileStatement: report,
      DoWhileStatement: report,
      ForStatement: report,
    };
  },
});

const prelude = `declare function tick(): Promise<void>;
declare function next(): Promise<string | null>;
`;
const at = (line: number) => line + 2;
const reaches = (line: number) => ({ messageId: 'verdict' as const, data: { verdict: 'reaches' }, line: at(line) });
const partly = (line: number) => ({
  messageId: 'verdict' as const,
  data: { verdict: 'reaches on some paths' },
  line: at(line),
});
const misses = (line: number) => ({
  messageId: 'verdict' as const,
  data: { verdict: 'does not reach' },
  line: at(line),
});

typedRuleTester().run('teardown-reach probe', probe, {
  valid: [],
  invalid: [
    {
      // A stop flag the loop tests, set by the teardown on its only path.
      code: `${prelude}class Poller {
  private stopped = false;
  async run(): Promise<void> {
    while (true) {
      if (this.stopped) break;
      await tick();
    }
  }
  stop(): void {
    this.stopped = true;
  }
}
`,
      errors: [reaches(4)],
    },
    {
      // After \`if (!this.stream) return;\` only changes to \`this.stream\` count: the flag the exit
      // tests is set only when there was a stream. A loop that reads the stream itself is reached.
      code: `${prelude}class Tail {
  private stream: ReadableStream | undefined;
  private closed = false;
  async run(): Promise<void> {
    while (true) {
      if (this.closed) return;
      await tick();
    }
  }
  close(): void {
    if (!this.stream) return;
    this.closed = true;
    void this.stream.cancel();
  }
}
class Drain {
  private stream: ReadableStream | undefined;
  async run(): Promise<void> {
    while (true) {
      if (this.stream === undefined) return;
      await tick();
    }
  }
  close(): void {
    if (this.stream === undefined) return;
    void this.stream.cancel();
  }
}
`,
      errors: [partly(5), reaches(19)],
    },
    {
      // The flag is set by a method of the class that the teardown always calls; one called
      // only under an \`if\` on another field sets it on some paths.
      code: `${prelude}class Worker {
  private stopped = false;
  async run(): Promise<void> {
    while (true) {
      if (this.stopped) break;
      await tick();
    }
  }
  close(): void {
    this.markStopped();
  }
  private markStopped(): void {
    this.stopped = true;
  }
}
class Pump {
  private stopped = false;
  private started = false;
  async run(): Promise<void> {
    while (true) {
      if (this.stopped) break;
      await tick();
    }
  }
  close(): void {
    if (this.started) this.markStopped();
  }
  private markStopped(): void {
    this.stopped = true;
  }
}
`,
      errors: [reaches(4), partly(20)],
    },
    {
      // A field the pass assigns before it reads it is that pass's own value, not state the
      // teardown can change; a field read before the assignment is.
      code: `${prelude}class Cursor {
  private current: string | null = null;
  async run(): Promise<void> {
    while (true) {
      this.current = await next();
      if (this.current === null) break;
    }
  }
  close(): void {
    this.current = null;
  }
}
class Follower {
  private current: string | null = '';
  async run(): Promise<void> {
    while (true) {
      if (this.current === null) break;
      this.current = await next();
    }
  }
  close(): void {
    this.current = null;
  }
}
`,
      errors: [misses(4), reaches(16)],
    },
    {
      // A local made from a field before the loop: reading it reads the field, which the
      // teardown cancels.
      code: `${prelude}class Reader {
  private stream = new ReadableStream<string>();
  async run(): Promise<void> {
    const reader = this.stream.getReader();
    while (true) {
      const { done } = await reader.read();
      if (done) break;
    }
  }
  close(): void {
    void this.stream.cancel();
  }
}
`,
      errors: [reaches(5)],
    },
    {
      // A change under an \`if\` that tests another field happens only on some paths; under a
      // presence test of the same field (\`if (this.timer) clearTimeout(this.timer)\`) it counts
      // for that field.
      code: `${prelude}class Guarded {
  private stopped = false;
  private open = true;
  async run(): Promise<void> {
    while (true) {
      if (this.stopped) break;
      await tick();
    }
  }
  close(): void {
    if (this.open) this.stopped = true;
  }
}
class Timed {
  private timer: ReturnType<typeof setTimeout> | undefined;
  async run(): Promise<void> {
    while (true) {
      if (this.timer === undefined) break;
      await tick();
    }
  }
  close(): void {
    if (this.timer) clearTimeout(this.timer);
  }
}
class TimedElsewhere {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private open = true;
  async run(): Promise<void> {
    while (true) {
      if (this.timer === undefined) break;
      await tick();
    }
  }
  close(): void {
    if (this.open) clearTimeout(this.timer);
  }
}
`,
      errors: [partly(5), reaches(17), partly(30)],
    },
    {
      // State outside the loop's function: a module variable the teardown assigns, and a field
      // read by a method the loop calls on \`this\`.
      code: `${prelude}let running = true;
class Ticker {
  async run(): Promise<void> {
    while (true) {
      if (!running) break;
      await tick();
    }
  }
  stop(): void {
    running = false;
  }
}
class Stepper {
  private paused = false;
  async run(): Promise<void> {
    for (;;) {
      await this.step();
    }
  }
  private async step(): Promise<void> {
    if (this.paused) throw new Error('paused');
    await tick();
  }
  dispose(): void {
    this.paused = true;
  }
}
`,
      errors: [reaches(4), reaches(16)],
    },
    {
      // Changes that run only on some paths: on the right of \`&&\`, in a \`catch\`, in a callback, or
      // after an early exit on another field.
      code: `${prelude}class Partial {
  private stopped = false;
  private ready = false;
  private stream: ReadableStream | undefined;
  async run(): Promise<void> {
    while (true) {
      if (this.stopped) break;
      await tick();
    }
  }
  destroy(): void {
    this.ready && (this.stopped = true);
    try {
      void this.stream?.cancel();
    } catch {
      this.stopped = true;
    }
    [1].forEach(() => {
      this.stopped = true;
    });
    if (!this.stream) return;
    this.stopped = true;
  }
}
`,
      errors: [partly(6)],
    },
    {
      // Teardown methods that call each other: each is followed once, and the flag set on the way
      // counts.
      code: `${prelude}class Relay {
  private stopped = false;
  private ended = false;
  async run(): Promise<void> {
    while (true) {
      if (this.stopped) break;
      await tick();
    }
  }
  close(): void {
    this.finish();
  }
  private finish(): void {
    this.ended = true;
    this.close();
  }
}
class Echo {
  private stopped = false;
  async run(): Promise<void> {
    while (true) {
      if (this.stopped) break;
      await tick();
    }
  }
  close(): void {
    this.finish();
  }
  private finish(): void {
    this.close();
    this.stopped = true;
  }
}
`,
      errors: [misses(5), reaches(21)],
    },
    {
      // State read only by the update of \`for (;; await this.step())\` is loop state: the update
      // runs on every pass.
      code: `${prelude}class Stepped {
  private paused = false;
  async run(): Promise<void> {
    for (; ; await this.step()) {
      await tick();
    }
  }
  private async step(): Promise<void> {
    if (this.paused) throw new Error('paused');
    await tick();
  }
  dispose(): void {
    this.paused = true;
  }
}
`,
      errors: [reaches(4)],
    },
  ],
});
