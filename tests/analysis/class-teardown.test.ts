/**
 * `teardownGap` through a probe rule: at every timer whose handle goes into
 * a field (`this.timer = setInterval(…)`, `private timer = setInterval(…)`)
 * it reports, for the default teardown names of no-leaked-timer, whether
 * every end of the object's life lets go of the handle (`covered`), or
 * where it does not: `gap <method>` when no teardown method clears it,
 * `gap <method> on <emitter> <event>` when teardown clears it but the close
 * handler of an emitter the object owns for life does not.
 */
import { ESLintUtils, type TSESTree } from '@typescript-eslint/utils';
import { keyName } from '../../src/analysis/ast.js';
import { teardownGap } from '../../src/analysis/class-teardown.js';
import { fieldKey, resolveOwner, type FieldOwner } from '../../src/analysis/owners.js';
import { DEFAULT_TEARDOWN_METHODS, handleUseOf, mayBeTimerCallee } from '../../src/analysis/timers.js';
import { typedRuleTester } from '../rule-tester.js';

const teardownNames = new Set(DEFAULT_TEARDOWN_METHODS);

const probe = ESLintUtils.RuleCreator.withoutDocs<[], 'verdict'>({
  meta: { type: 'problem', messages: { verdict: '{{verdict}}' }, schema: [], defaultOptions: [] },
  create(context) {
    const { sourceCode } = context;
    const ownerOf = (call: TSESTree.CallExpression): FieldOwner | null => {
      const use = handleUseOf(call, sourceCode);
      if (use.kind === 'property') {
        const name = keyName(use.definition.key, false);
        if (name === null) return null;
        const classNode = use.definition.parent.parent;
        return { kind: 'field', key: fieldKey(classNode, name, false), classNode, name, isStatic: false };
      }
      if (use.kind !== 'member') return null;
      const owner = resolveOwner(use.target, (node) => sourceCode.getScope(node));
      return owner?.kind === 'field' ? owner : null;
    };
    return {
      CallExpression(node) {
        if (!mayBeTimerCallee(node.callee, new Set())) return;
        const owner = ownerOf(node);
        if (!owner) return;
        const gap = teardownGap(node, owner, teardownNames, sourceCode);
        const verdict = !gap
          ? 'covered'
          : gap.close
            ? `gap ${gap.method} on ${gap.close.emitter} ${gap.close.event}`
            : `gap ${gap.method}`;
        context.report({ node, messageId: 'verdict', data: { verdict } });
      },
    };
  },
});

const prelude = `declare function tick(): void;
import { EventEmitter } from 'node:events';
`;
const at = (line: number) => line + 2;
const verdictAt = (verdict: string) => (line: number) => ({
  messageId: 'verdict' as const,
  data: { verdict },
  line: at(line),
});
const is = (verdict: string, line: number) => verdictAt(verdict)(line);
const covered = verdictAt('covered');

typedRuleTester().run('class teardown probe', probe, {
  valid: [],
  invalid: [
    {
      // No teardown method: nothing to judge. A teardown that clears the field (directly, through
      // a method it calls, with \`.close()\` or optional chaining) covers it; one that does not
      // leaves a gap named after the first teardown method.
      code: `${prelude}class NoTeardown {
  private timer = setInterval(tick, 1000);
}
class Cleared {
  private timer = setInterval(tick, 1000);
  stop(): void {
    clearInterval(this.timer);
  }
}
class ThroughHelper {
  private timer: NodeJS.Timeout | undefined;
  start(): void {
    this.timer = setInterval(tick, 1000);
  }
  dispose(): void {
    this.reset();
  }
  private reset(): void {
    this.timer?.close();
  }
}
class Forgotten {
  private timer: ReturnType<typeof setInterval> | undefined;
  private other: ReturnType<typeof setInterval> | undefined;
  start(): void {
    this.timer = setInterval(tick, 1000);
  }
  destroy(): void {
    clearInterval(this.other);
  }
  close(): void {}
}
`,
      errors: [covered(2), covered(5), covered(13), is('gap destroy', 26)],
    },
    {
      // Teardown that assigns a field through the class's setter runs the setter; a setter that
      // emits runs the object's own listeners for that event (matched by the event's text).
      code: `${prelude}const Events = { Changed: 'changed', Other: 'other' } as const;
class ViaSetter extends EventEmitter {
  private timer: ReturnType<typeof setInterval> | undefined;
  constructor() {
    super();
    this.on(Events.Changed, () => this.reset());
  }
  set phase(value: string) {
    this.emit(Events.Changed, value);
  }
  start(): void {
    this.timer = setInterval(tick, 1000);
  }
  close(): void {
    this.phase = 'closed';
  }
  private reset(): void {
    clearInterval(this.timer);
  }
}
class OtherEvent extends EventEmitter {
  private timer: ReturnType<typeof setInterval> | undefined;
  constructor() {
    super();
    this.on(Events.Other, () => this.reset());
  }
  set phase(value: string) {
    this.emit(Events.Changed, value);
  }
  start(): void {
    this.timer = setInterval(tick, 1000);
  }
  close(): void {
    this.phase = 'closed';
  }
  private reset(): void {
    clearInterval(this.timer);
  }
}
`,
      errors: [covered(12), is('gap close', 31)],
    },
    {
      // A second teardown method that clears is enough; \`[Symbol.dispose]()\` is a teardown.
      code: `${prelude}class Either {
  private timer = setInterval(tick, 1000);
  close(): void {}
  [Symbol.dispose](): void {
    clearInterval(this.timer);
  }
}
class Disposable {
  private timer = setInterval(tick, 1000);
  [Symbol.dispose](): void {}
}
`,
      errors: [covered(2), is('gap Symbol.dispose', 9)],
    },
    {
      // An interval whose callback clears it when its work is done needs no teardown.
      code: `${prelude}class SelfClearing {
  private done = false;
  private timer: ReturnType<typeof setInterval> | undefined;
  start(): void {
    this.timer = setInterval(() => {
      if (this.done) clearInterval(this.timer);
    }, 1000);
  }
  stop(): void {}
}
class Named {
  private timer: ReturnType<typeof setInterval> | undefined;
  start(): void {
    this.timer = setInterval(this.check.bind(this), 1000);
  }
  private check(): void {
    clearInterval(this.timer);
  }
  stop(): void {}
}
`,
      errors: [covered(5), covered(14)],
    },
    {
      // Teardown clears the timer, but the close handler of a readonly emitter (a field or a
      // parameter property) does not; one of a writable field is not judged; a handler that
      // clears, or is not one method, leaves no gap.
      code: `${prelude}class Session {
  private readonly socket = new EventEmitter();
  private timer = setInterval(tick, 1000);
  constructor() {
    this.socket.on('close', () => this.onClose());
  }
  private onClose(): void {}
  close(): void {
    clearInterval(this.timer);
  }
}
class Peer {
  private timer = setInterval(tick, 1000);
  constructor(private readonly stream: EventEmitter) {
    stream.once('close', this.onEnd.bind(this));
  }
  private onEnd(): void {}
  close(): void {
    clearInterval(this.timer);
  }
}
class Writable {
  private socket = new EventEmitter();
  private timer = setInterval(tick, 1000);
  constructor() {
    this.socket.on('close', () => this.onClose());
  }
  private onClose(): void {}
  close(): void {
    clearInterval(this.timer);
  }
}
class Handled {
  private readonly socket = new EventEmitter();
  private timer = setInterval(tick, 1000);
  constructor() {
    this.socket.on('close', () => this.close());
    this.socket.on('close', () => {
      console.log('closed');
      this.onClose();
    });
  }
  private onClose(): void {}
  close(): void {
    clearInterval(this.timer);
  }
}
`,
      errors: [
        is('gap onClose on this.socket close', 3),
        is('gap onEnd on stream close', 13),
        covered(24),
        covered(35),
      ],
    },
    {
      // Today: a teardown that clears the field on some paths only covers it (looks wrong because
      // \`stop()\` on an object that is not paused leaves the interval armed).
      code: `${prelude}class Partial {
  private paused = false;
  private timer = setInterval(tick, 1000);
  stop(): void {
    if (this.paused) clearInterval(this.timer);
  }
}
`,
      errors: [covered(3)],
    },
  ],
});
