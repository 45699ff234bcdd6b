/**
 * `classKeepsEntriesAcrossCalls` through a probe: at every `probe(this)` it
 * reports whether the class around it has a collection that one method adds
 * to and another deletes from (`keeps entries`) or not (`no sign`).
 */
import { enclosingClass } from '../../src/analysis/ast.js';
import { classKeepsEntriesAcrossCalls } from '../../src/analysis/intent.js';
import { typedRuleTester } from '../rule-tester.js';
import { argumentProbe } from './argument-probe.js';

const probe = argumentProbe((arg) => {
  const classNode = enclosingClass(arg);
  if (!classNode) return 'no class';
  return classKeepsEntriesAcrossCalls(classNode) ? 'keeps entries' : 'no sign';
});

const verdict = (text: string) => (line: number) => ({ messageId: 'verdict' as const, data: { verdict: text }, line });
const keeps = verdict('keeps entries');
const noSign = verdict('no sign');

typedRuleTester().run('class keeps entries probe', probe, {
  valid: [],
  invalid: [
    {
      // join() adds to this.users, leave() deletes from it: entries come and go over calls.
      code: `declare function probe(value: unknown): void;
export class Room {
  private readonly users = new Set<string>();
  join(id: string): void {
    probe(this);
    this.users.add(id);
  }
  leave(id: string): void {
    this.users.delete(id);
  }
}
`,
      errors: [keeps(5)],
    },
    {
      // Added and deleted in the same method (a guard around one call), deleted only in the
      // constructor, or added to one field and deleted from another: no sign.
      code: `declare function probe(value: unknown): void;
export class Walk {
  private readonly visiting = new Set<string>();
  private readonly seen = new Set<string>();
  private readonly other = new Map<string, number>();
  constructor() {
    this.seen.delete('x');
  }
  step(id: string): void {
    probe(this);
    this.visiting.add(id);
    this.visiting.delete(id);
    this.seen.add(id);
    this.other.set(id, 1);
  }
  drop(id: string): void {
    this.other.get(id);
  }
}
`,
      errors: [noSign(10)],
    },
  ],
});
