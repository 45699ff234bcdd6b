/**
 * `besideLoopRearm` through a probe rule: at every timer assigned to a place
 * that is not itself a loop's re-arm, it reports `beside` when it stands on
 * another branch beside a loop's re-arm of the same place in the same
 * function (it replaces the handle that re-arm would, one that has fired),
 * and `apart` otherwise.
 */
import { ESLintUtils, type TSESTree } from '@typescript-eslint/utils';
import { besideLoopRearm, type LoopRearm } from '../../src/analysis/overwrites.js';
import { resolveOwner, type Owner } from '../../src/analysis/owners.js';
import { handleUseOf, mayBeTimerCallee, rescheduledFunction } from '../../src/analysis/timers.js';
import { typedRuleTester } from '../rule-tester.js';

const probe = ESLintUtils.RuleCreator.withoutDocs<[], 'verdict'>({
  meta: { type: 'problem', messages: { verdict: '{{verdict}}' }, schema: [], defaultOptions: [] },
  create(context) {
    const { sourceCode } = context;
    const timers: TSESTree.CallExpression[] = [];
    return {
      CallExpression(node) {
        if (mayBeTimerCallee(node.callee, new Set())) timers.push(node);
      },
      'Program:exit'() {
        const owned: { call: TSESTree.CallExpression; owner: Owner; loop: boolean }[] = [];
        for (const call of timers) {
          const use = handleUseOf(call, sourceCode);
          if ((use.kind !== 'variable' && use.kind !== 'member') || !use.assignment) continue;
          const owner = resolveOwner(use.target, (node) => sourceCode.getScope(node));
          if (owner) owned.push({ call, owner, loop: rescheduledFunction(call, sourceCode) !== null });
        }
        const rearms: LoopRearm[] = owned.filter((timer) => timer.loop);
        for (const { call, owner, loop } of owned) {
          if (loop) continue;
          const verdict = besideLoopRearm(call, owner, rearms) ? 'beside' : 'apart';
          context.report({ node: call, messageId: 'verdict', data: { verdict } });
        }
      },
    };
  },
});

const verdict = (value: string, line: number) => ({ messageId: 'verdict' as const, data: { verdict: value }, line });

typedRuleTester().run('loop re-arm branches probe', probe, {
  valid: [],
  invalid: [
    {
      code: `declare function done(): void;
declare const flag: boolean;
declare const kind: number;
export class Poller {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private other: ReturnType<typeof setTimeout> | undefined;
  poll(): void {
    if (flag) this.timer = setTimeout(done, 1);
    else this.timer = setTimeout(() => this.poll(), 5);
    void (flag ? (this.other = setTimeout(done, 1)) : (this.other = setTimeout(() => this.poll(), 5)));
    switch (kind) {
      case 1:
        this.timer = setTimeout(done, 1);
        break;
      case 2:
        this.timer = setTimeout(() => this.poll(), 5);
        break;
    }
  }
  sequential(): void {
    this.timer = setTimeout(done, 1);
    if (flag) this.timer = setTimeout(() => this.sequential(), 5);
  }
  elsewhere(): void {
    if (flag) this.timer = setTimeout(done, 1);
  }
  fallsThrough(): void {
    switch (kind) {
      case 1:
        this.other = setTimeout(done, 1);
      case 2:
        this.other = setTimeout(() => this.fallsThrough(), 5);
        break;
    }
  }
}
`,
      errors: [
        verdict('beside', 8),
        verdict('beside', 10),
        verdict('beside', 13),
        verdict('apart', 21),
        verdict('apart', 25),
        verdict('apart', 30),
      ],
    },
  ],
});
