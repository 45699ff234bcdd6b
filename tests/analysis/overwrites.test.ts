/**
 * `overwritesArmedHandle` through a probe rule built as no-leaked-timer
 * builds its context (a `PathTracker` marking functions and calls, the
 * `node:timers` import names, the scopes): at every timer whose handle is
 * assigned to a place (`this.timer = setTimeout(…)`, `t = setTimeout(…)`)
 * it reports whether re-arming can replace a handle still armed
 * (`overwrites`) or the old one is let go of, or known empty, whenever the
 * re-arm runs (`let go`).
 */
import { ESLintUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import type { FunctionNode } from '../../src/analysis/ast.js';
import type { Scopes } from '../../src/analysis/lifetime.js';
import { overwritesArmedHandle, type OverwriteContext } from '../../src/analysis/overwrites.js';
import { resolveOwner } from '../../src/analysis/owners.js';
import { PathTracker, type Position } from '../../src/analysis/paths.js';
import { handleUseOf, mayBeTimerCallee, timerImportNames } from '../../src/analysis/timers.js';
import { typedRuleTester } from '../rule-tester.js';

const probe = ESLintUtils.RuleCreator.withoutDocs<[], 'verdict'>({
  meta: { type: 'problem', messages: { verdict: '{{verdict}}' }, schema: [], defaultOptions: [] },
  create(context) {
    const services = ESLintUtils.getParserServices(context);
    const { sourceCode } = context;
    const scopes: Scopes = {
      declared: (node) => sourceCode.getDeclaredVariables(node),
      scopeOf: (node) => sourceCode.getScope(node),
    };
    const tracker = new PathTracker();
    const entries = new Map<TSESTree.Node, Position>();
    const timerAliases = new Set<string>();
    const overwrites: OverwriteContext = { sourceCode, tracker, entries, services, scopes, timerAliases };
    const timers: TSESTree.CallExpression[] = [];
    const enterFunction = (node: FunctionNode): void => {
      const position = tracker.mark(node);
      if (position) entries.set(node, position);
    };
    const listeners: TSESLint.RuleListener = {
      Program(node) {
        for (const name of timerImportNames(node)) timerAliases.add(name);
      },
      FunctionDeclaration: enterFunction,
      FunctionExpression: enterFunction,
      ArrowFunctionExpression: enterFunction,
      CallExpression(node) {
        tracker.mark(node);
        if (mayBeTimerCallee(node.callee, timerAliases)) timers.push(node);
      },
      'Program:exit'() {
        for (const call of timers) {
          const use = handleUseOf(call, sourceCode);
          if (use.kind !== 'variable' && use.kind !== 'member') continue;
          if (!use.assignment) continue;
          const owner = resolveOwner(use.target, scopes.scopeOf);
          const verdict = !owner
            ? 'no owner'
            : overwritesArmedHandle(overwrites, call, owner)
              ? 'overwrites'
              : 'let go';
          context.report({ node: call, messageId: 'verdict', data: { verdict } });
        }
      },
    };
    return { ...listeners, ...(tracker.listeners as unknown as TSESLint.RuleListener) };
  },
});

const prelude = `declare function tick(): void;
declare const ready: boolean;
`;
const at = (line: number) => line + 2;
const verdictAt = (verdict: string) => (line: number) => ({
  messageId: 'verdict' as const,
  data: { verdict },
  line: at(line),
});
const overwrites = verdictAt('overwrites');
const letGo = verdictAt('let go');

typedRuleTester().run('overwrites probe', probe, {
  valid: [],
  invalid: [
    {
      // A method may run again while the timer it armed last time is still armed; a clear
      // on every path before the re-arm lets go of it; a clear on some paths only does not.
      code: `${prelude}class Debouncer {
  private timer: ReturnType<typeof setTimeout> | undefined;
  schedule(): void {
    this.timer = setTimeout(tick, 100);
  }
  reschedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(tick, 100);
  }
  sometimes(): void {
    if (ready) clearTimeout(this.timer);
    this.timer = setTimeout(tick, 100);
  }
  afterward(): void {
    this.timer = setTimeout(tick, 100);
    clearTimeout(this.timer);
  }
}
`,
      errors: [overwrites(4), letGo(8), overwrites(12), overwrites(15)],
    },
    {
      // A clear in the other branch of the \`if\` that re-arms runs only when the re-arm does not.
      code: `${prelude}class Toggle {
  private timer: ReturnType<typeof setInterval> | undefined;
  flip(on: boolean): void {
    if (on) {
      this.timer = setInterval(tick, 100);
    } else {
      clearInterval(this.timer);
    }
  }
}
`,
      errors: [overwrites(5)],
    },
    {
      // A test of the handle before or around the re-arm guards it: \`if (this.timer) return\`,
      // \`if (!this.timer)\`, and a method of the class that reads it.
      code: `${prelude}class Poller {
  private timer: ReturnType<typeof setInterval> | null = null;
  start(): void {
    if (this.timer) return;
    this.timer = setInterval(tick, 100);
  }
  ensure(): void {
    if (!this.timer) this.timer = setInterval(tick, 100);
  }
  startChecked(): void {
    if (this.isRunning()) return;
    this.timer = setInterval(tick, 100);
  }
  private isRunning(): boolean {
    return this.timer !== null;
  }
}
`,
      errors: [letGo(5), letGo(8), letGo(12)],
    },
    {
      // A flag the same method sets guards the re-arm when its test decides whether the
      // re-arm runs; a test whose branches both go on to it (\`if (delay === 0) delay = 30\`)
      // guards nothing, nor does a test of a flag the method never writes.
      code: `${prelude}class Heartbeat {
  private timer: ReturnType<typeof setInterval> | undefined;
  private started = false;
  private delay = 0;
  start(): void {
    if (this.started) return;
    this.started = true;
    this.timer = setInterval(tick, 100);
  }
  restart(): void {
    if (this.delay === 0) this.delay = 30;
    this.timer = setInterval(tick, this.delay);
  }
  resume(): void {
    if (ready) return;
    this.timer = setInterval(tick, 100);
  }
}
`,
      errors: [letGo(8), overwrites(12), overwrites(16)],
    },
    {
      // Sites that run once per owner: the constructor, a field initializer's callback that
      // runs in place, module code, a local that dies with its call.
      code: `${prelude}class Clock {
  private timer: ReturnType<typeof setInterval>;
  constructor() {
    this.timer = setInterval(tick, 1000);
  }
}
let moduleTimer: ReturnType<typeof setTimeout> | undefined;
moduleTimer = setTimeout(tick, 10);
function local(): void {
  let handle: ReturnType<typeof setTimeout>;
  handle = setTimeout(tick, 10);
  handle = setTimeout(tick, 10);
}
function later(): void {
  moduleTimer = setTimeout(tick, 10);
}
`,
      errors: [letGo(4), letGo(8), letGo(11), letGo(12), overwrites(15)],
    },
    {
      // Inside the timer's own callback the handle being replaced is that timer's, which has
      // fired; inside a callback of something else it is not.
      code: `${prelude}class Retry {
  private timer: ReturnType<typeof setTimeout> | undefined;
  arm(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = setTimeout(tick, 100);
    }, 100);
  }
  onMessage(port: MessagePort): void {
    port.addEventListener('message', () => {
      this.timer = setTimeout(tick, 100);
    });
  }
}
`,
      errors: [letGo(5), letGo(6), overwrites(11)],
    },
    {
      // A private helper is judged at its callers: called only from the constructor, each
      // object arms it once; called from a method too, it may run again.
      code: `${prelude}class Once {
  private timer: ReturnType<typeof setTimeout> | undefined;
  constructor() {
    this.arm();
  }
  private arm(): void {
    this.timer = setTimeout(tick, 100);
  }
}
class Twice {
  private timer: ReturnType<typeof setTimeout> | undefined;
  constructor() {
    this.arm();
  }
  poke(): void {
    this.arm();
  }
  private arm(): void {
    this.timer = setTimeout(tick, 100);
  }
}
`,
      errors: [letGo(7), overwrites(19)],
    },
    {
      // Releases in other forms: \`.close()\` through optional chaining, a non-null assertion,
      // an alias of the field, a helper of the file that clears it.
      code: `${prelude}class Forms {
  private timer: NodeJS.Timeout | undefined;
  closeFirst(): void {
    this.timer?.close();
    this.timer = setTimeout(tick, 100);
  }
  asserted(): void {
    clearTimeout(this.timer!);
    this.timer = setTimeout(tick, 100);
  }
  aliased(): void {
    const previous = this.timer;
    clearTimeout(previous);
    this.timer = setTimeout(tick, 100);
  }
  helped(): void {
    this.stop();
    this.timer = setTimeout(tick, 100);
  }
  private stop(): void {
    clearTimeout(this.timer);
  }
}
`,
      errors: [letGo(5), letGo(9), letGo(14), letGo(18)],
    },
    {
      // A clear inside a nested function that is only defined, not called, lets go of nothing;
      // a re-arm in a loop replaces the handle of the pass before.
      code: `${prelude}class Nested {
  private timer: ReturnType<typeof setTimeout> | undefined;
  deferred(): void {
    const stop = (): void => clearTimeout(this.timer);
    this.timer = setTimeout(stop, 100);
  }
  looped(items: string[]): void {
    for (const item of items) {
      clearTimeout(this.timer);
      this.timer = setTimeout(tick, item.length);
    }
  }
  loopedBare(items: string[]): void {
    for (const item of items) {
      this.timer = setTimeout(tick, item.length);
    }
  }
}
`,
      errors: [overwrites(5), letGo(10), overwrites(15)],
    },
    {
      // Variables: a module \`let\` re-armed by an exported function, a timer imported under
      // another name from \`node:timers\`, and a closure variable behind a returned function.
      code: `${prelude}import { setTimeout as later } from 'node:timers';
let handle: ReturnType<typeof later> | undefined;
export function poke(): void {
  handle = later(tick, 10);
}
export function pokeOnce(): void {
  if (handle) return;
  handle = later(tick, 10);
}
export function makeDebounce(): () => void {
  let pending: ReturnType<typeof setTimeout> | undefined;
  return () => {
    pending = setTimeout(tick, 10);
  };
}
`,
      errors: [overwrites(4), letGo(8), overwrites(13)],
    },
    {
      // A switch on the handle and a loop that waits on it are tests of the handle too.
      code: `${prelude}class Waiter {
  private timer: ReturnType<typeof setTimeout> | undefined;
  switched(): void {
    switch (this.timer) {
      case undefined:
        this.timer = setTimeout(tick, 100);
    }
  }
}
`,
      errors: [letGo(6)],
    },
    {
      // Today: a test that reads the handle counts as a guard even when it decides nothing about
      // the re-arm (looks wrong because \`if (this.timer) log()\` lets the re-arm replace an armed
      // handle; only a test whose branch releases, returns or holds the re-arm guards it).
      code: `${prelude}declare function log(text: string): void;
class Noisy {
  private timer: ReturnType<typeof setTimeout> | undefined;
  replace(): void {
    if (this.timer) log('replacing');
    this.timer = setTimeout(tick, 100);
  }
  status(): void {
    log(this.timer ? 'armed' : 'idle');
    this.timer = setTimeout(tick, 100);
  }
}
`,
      errors: [letGo(6), letGo(10)],
    },
    {
      // Today: a guard in the other branch of an \`if\`, or before a listener is added, counts
      // for a re-arm that does not run after it (looks wrong because the re-arm in the
      // \`else\` never passed the test, and the listener runs on every message, long after it).
      code: `${prelude}class Branches {
  private timer: ReturnType<typeof setTimeout> | undefined;
  either(): void {
    if (ready) {
      if (this.timer) return;
    } else {
      this.timer = setTimeout(tick, 100);
    }
  }
  listen(port: MessagePort): void {
    if (this.timer) return;
    port.addEventListener('message', () => {
      this.timer = setTimeout(tick, 100);
    });
  }
}
`,
      errors: [letGo(7), letGo(13)],
    },
    {
      // Today: inside any timer's callback counts, even another timer's (looks wrong because
      // the interval fires every second while the five-second timeout it re-arms is still armed).
      code: `${prelude}class Retrier {
  private retry: ReturnType<typeof setTimeout> | undefined;
  private poll: ReturnType<typeof setInterval> | undefined;
  start(): void {
    if (this.poll) return;
    this.poll = setInterval(() => {
      this.retry = setTimeout(tick, 5000);
    }, 1000);
  }
}
`,
      errors: [letGo(6), letGo(7)],
    },
  ],
});
