/**
 * The re-arm questions through probe rules built as no-leaked-timer builds
 * its paths (a `PathTracker` marking functions and calls). At every timer
 * that re-runs a function around it (`rescheduledFunction`):
 * - `every run`: whether that function re-arms on every normal path through
 *   it (`every run`) or can stop first (`can stop`) (`reschedulesOnEveryRun`);
 * - `loops`: whether, besides, every run of the callback comes back to that
 *   function through calls reached on every path (`loops`) or not
 *   (`can stop`) (`loopsOnEveryRun`).
 * A timer that re-runs no function around it is `no loop`.
 */
import { ESLintUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import type { FunctionNode } from '../../src/analysis/ast.js';
import { PathTracker, type Position } from '../../src/analysis/paths.js';
import { loopsOnEveryRun, reschedulesOnEveryRun, type FunctionPaths } from '../../src/analysis/rearm.js';
import { mayBeTimerCallee, rescheduledFunction } from '../../src/analysis/timers.js';
import { typedRuleTester } from '../rule-tester.js';

function rearmProbe(judge: (paths: FunctionPaths, call: TSESTree.CallExpression, fn: FunctionNode) => string) {
  return ESLintUtils.RuleCreator.withoutDocs<[], 'verdict'>({
    meta: { type: 'problem', messages: { verdict: '{{verdict}}' }, schema: [], defaultOptions: [] },
    create(context) {
      const { sourceCode } = context;
      const tracker = new PathTracker();
      const entries = new Map<TSESTree.Node, Position>();
      const paths: FunctionPaths = { sourceCode, tracker, entries };
      const timers: TSESTree.CallExpression[] = [];
      const enterFunction = (node: FunctionNode): void => {
        const position = tracker.mark(node);
        if (position) entries.set(node, position);
      };
      const listeners: TSESLint.RuleListener = {
        FunctionDeclaration: enterFunction,
        FunctionExpression: enterFunction,
        ArrowFunctionExpression: enterFunction,
        CallExpression(node) {
          tracker.mark(node);
          if (mayBeTimerCallee(node.callee, new Set())) timers.push(node);
        },
        'Program:exit'() {
          for (const call of timers) {
            const loop = rescheduledFunction(call, sourceCode);
            const verdict = loop ? judge(paths, call, loop.fn) : 'no loop';
            context.report({ node: call, messageId: 'verdict', data: { verdict } });
          }
        },
      };
      return { ...listeners, ...(tracker.listeners as unknown as TSESLint.RuleListener) };
    },
  });
}

const everyRunProbe = rearmProbe((paths, call, fn) =>
  reschedulesOnEveryRun(paths, fn, call) ? 'every run' : 'can stop',
);
const loopsProbe = rearmProbe((paths, call, fn) => (loopsOnEveryRun(paths, call, fn) ? 'loops' : 'can stop'));

const prelude = `declare function work(): void;
declare function send(done: () => void): void;
`;
const at = (line: number) => line + 2;
const verdictAt = (verdict: string) => (line: number) => ({
  messageId: 'verdict' as const,
  data: { verdict },
  line: at(line),
});
const everyRun = verdictAt('every run');
const canStop = verdictAt('can stop');
const loops = verdictAt('loops');
const noLoop = verdictAt('no loop');

typedRuleTester().run('reschedules on every run probe', everyRunProbe, {
  valid: [],
  invalid: [
    {
      // A re-arm on the only path; after a stop test that returns; inside an \`if\`; after a
      // branch that can only throw (a throw ends the loop, not a path that skips the re-arm).
      code: `${prelude}class Poller {
  private stopped = false;
  poll(): void {
    work();
    setTimeout(() => this.poll(), 100);
  }
  pollUntilStopped(): void {
    if (this.stopped) return;
    setTimeout(() => this.pollUntilStopped(), 100);
  }
  pollWhileBusy(busy: boolean): void {
    if (busy) setTimeout(() => this.pollWhileBusy(busy), 100);
  }
  pollChecked(bad: boolean): void {
    if (bad) throw new Error('bad state');
    setTimeout(() => this.pollChecked(bad), 100);
  }
}
`,
      errors: [everyRun(5), canStop(9), canStop(12), everyRun(16)],
    },
    {
      // Functions: by name, bound, through optional chaining on the callback's call; a re-arm
      // in a \`try\` whose \`catch\` returns; a timer that re-runs nothing around it.
      code: `${prelude}function tick(): void {
  setTimeout(tick, 100);
}
class Bound {
  run(): void {
    setTimeout(this.run.bind(this), 100);
  }
}
let handler: (() => void) | undefined;
function optional(): void {
  handler = optional;
  setTimeout(() => handler?.(), 100);
}
function guarded(): void {
  try {
    work();
  } catch {
    return;
  }
  setTimeout(guarded, 100);
}
function once(): void {
  setTimeout(work, 100);
}
`,
      errors: [everyRun(2), everyRun(6), noLoop(12), canStop(20), noLoop(23)],
    },
    {
      // A re-arm in a callback inside the function is not on the function's own paths; a loop
      // before the re-arm that can return stops it.
      code: `${prelude}class Nested {
  run(): void {
    send(() => setTimeout(() => this.run(), 100));
  }
  scan(items: string[]): void {
    for (const item of items) {
      if (item === 'stop') return;
    }
    setTimeout(() => this.scan(items), 100);
  }
  drain(items: string[]): void {
    for (const item of items) {
      if (item === 'skip') continue;
      work();
    }
    setTimeout(() => this.drain(items), 100);
  }
}
`,
      errors: [canStop(3), canStop(9), everyRun(16)],
    },
    {
      // Re-arms on the right of \`||\` or in a branch of \`?:\` can be skipped; one in a \`finally\`
      // runs on every path; a \`switch\` case that returns stops the re-arm after it.
      code: `${prelude}class Shapes {
  private stopped = false;
  logical(): void {
    this.stopped || setTimeout(() => this.logical(), 100);
  }
  conditional(): void {
    const handle = this.stopped ? undefined : setTimeout(() => this.conditional(), 100);
    void handle;
  }
  finallyRearm(): void {
    try {
      work();
    } finally {
      setTimeout(() => this.finallyRearm(), 100);
    }
  }
  switched(mode: 'run' | 'stop'): void {
    switch (mode) {
      case 'stop':
        return;
      default:
        work();
    }
    setTimeout(() => this.switched(mode), 100);
  }
}
`,
      errors: [canStop(4), canStop(7), everyRun(14), canStop(24)],
    },
  ],
});

typedRuleTester().run('loops on every run probe', loopsProbe, {
  valid: [],
  invalid: [
    {
      // The callback calls the re-arming function itself, or through a method that always does;
      // one that calls it only under an \`if\` can stop.
      code: `${prelude}class Ticker {
  private stopped = false;
  arm(): void {
    setTimeout(() => this.run(), 100);
  }
  run(): void {
    work();
    this.arm();
  }
  armMaybe(): void {
    setTimeout(() => this.runMaybe(), 100);
  }
  runMaybe(): void {
    if (this.stopped) return;
    this.armMaybe();
  }
  direct(): void {
    setTimeout(() => this.direct(), 100);
  }
}
`,
      errors: [loops(4), canStop(11), loops(18)],
    },
    {
      // Callbacks handed to a call are taken to run, inline or by name; a function by name and
      // a bound method as the timer's callback.
      code: `${prelude}class Relay {
  arm(): void {
    setTimeout(() => this.run(), 100);
  }
  run(): void {
    send(() => this.arm());
  }
  armNamed(): void {
    setTimeout(this.runNamed.bind(this), 100);
  }
  runNamed(): void {
    send(this.armNamed.bind(this));
  }
}
function arm(): void {
  setTimeout(step, 100);
}
function step(): void {
  arm();
}
`,
      errors: [loops(3), loops(9), loops(16)],
    },
    {
      // A callback handed to a call that is itself reached only on some paths can stop; so can a
      // function that does not re-arm on every run, whatever its callback does.
      code: `${prelude}class Partial {
  private open = true;
  arm(): void {
    setTimeout(() => this.run(), 100);
  }
  run(): void {
    if (this.open) send(() => this.arm());
  }
  armSometimes(): void {
    if (!this.open) return;
    setTimeout(() => this.runAlways(), 100);
  }
  runAlways(): void {
    this.armSometimes();
  }
}
`,
      errors: [canStop(4), canStop(11)],
    },
    {
      // A loop through named helpers is found two helpers deep from the callback, not three.
      code: `${prelude}function armShort(): void {
  setTimeout(a1, 100);
}
function a1(): void {
  a2();
}
function a2(): void {
  armShort();
}
function armLong(): void {
  setTimeout(b1, 100);
}
function b1(): void {
  b2();
}
function b2(): void {
  b3();
}
function b3(): void {
  armLong();
}
`,
      errors: [loops(2), noLoop(11)],
    },
    {
      // A \`throw\` before the call back does not stop the loop; a \`catch\` that returns does.
      code: `${prelude}class Guarded {
  arm(): void {
    setTimeout(() => this.run(), 100);
  }
  run(): void {
    if (Math.random() > 2) throw new Error('impossible');
    this.arm();
  }
  armCaught(): void {
    setTimeout(() => this.runCaught(), 100);
  }
  runCaught(): void {
    try {
      work();
    } catch {
      return;
    }
    this.armCaught();
  }
}
`,
      errors: [loops(3), canStop(10)],
    },
    {
      // Today: a call back inside a function invoked in place (\`(() => this.arm())()\`) is not
      // followed (looks wrong because the function runs right there, on every run).
      code: `${prelude}class InPlace {
  arm(): void {
    setTimeout(() => this.run(), 100);
  }
  run(): void {
    (() => this.arm())();
  }
}
`,
      errors: [canStop(3)],
    },
  ],
});
