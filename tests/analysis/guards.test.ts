/**
 * The guards analysis through probe rules. Acquires and releases are found
 * with `acquireAt` and `releaseAt` as the rules find them; a release is
 * paired with the last acquire before it that shares one of its keys.
 * - `tests`: at every `probe()` call, the tests of the `if`s whose consequent
 *   holds it (`guardTestsAround`), up to its function.
 * - `guard`: at every paired release, whether the test around it only checks
 *   the resource (`guarded`) or is a branch of the work (`branch`)
 *   (`guardedRelease`).
 * - `branches`: at every paired release, whether it sits in the other branch
 *   of an `if` than its acquire (`other branch`) or not (`same path`)
 *   (`inOtherBranch`).
 * - `asserts`: at every `throw`, whether it asserts on the resource of the
 *   last acquire before it (`asserts`) or is an ordinary failure (`fails`)
 *   (`assertsOnResource`).
 * - `gone`: at every `return`, whether it is taken only when the entry of the
 *   last acquire before it is already gone (`gone`) or on other paths too
 *   (`leaves`) (`takenWhenEntryGone`).
 */
import { ESLintUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { enclosingFunction } from '../../src/analysis/ast.js';
import {
  assertsOnResource,
  guardedRelease,
  guardTestsAround,
  inOtherBranch,
  takenWhenEntryGone,
} from '../../src/analysis/guards.js';
import { acquireAt, releaseAt, releaseKeys, type ResourceSite } from '../../src/analysis/resources.js';
import { typedRuleTester } from '../rule-tester.js';

type SourceCode = Readonly<TSESLint.SourceCode>;

/** A rule that collects the acquires and releases of the file and reports at `Program:exit`. */
function sitesProbe(
  judge: (
    sites: { acquires: ResourceSite[]; releases: ResourceSite[] },
    sourceCode: SourceCode,
  ) => {
    node: TSESTree.Node;
    verdict: string;
  }[],
) {
  return ESLintUtils.RuleCreator.withoutDocs<[], 'verdict'>({
    meta: { type: 'problem', messages: { verdict: '{{verdict}}' }, schema: [], defaultOptions: [] },
    create(context) {
      const sourceCode = context.sourceCode;
      const acquires: ResourceSite[] = [];
      const releases: ResourceSite[] = [];
      const collect = (node: TSESTree.Node): void => {
        const acquire = acquireAt(node, sourceCode, []);
        if (acquire) {
          acquires.push(acquire);
          return;
        }
        const release = releaseAt(node, sourceCode, []);
        if (release) releases.push(release);
      };
      return {
        CallExpression: collect,
        UpdateExpression: collect,
        AssignmentExpression: collect,
        'Program:exit'() {
          for (const { node, verdict } of judge({ acquires, releases }, sourceCode)) {
            context.report({ node, messageId: 'verdict', data: { verdict } });
          }
        },
      };
    },
  });
}

/** The last acquire before `node` that shares a key with `keys`. */
function lastAcquire(acquires: readonly ResourceSite[], node: TSESTree.Node, keys: readonly string[]) {
  return acquires.filter((a) => a.node.range[1] <= node.range[0] && keys.includes(a.pairKey)).at(-1);
}

const testsProbe = ESLintUtils.RuleCreator.withoutDocs<[], 'verdict'>({
  meta: { type: 'problem', messages: { verdict: '{{verdict}}' }, schema: [], defaultOptions: [] },
  create(context) {
    return {
      'CallExpression[callee.name="probe"]'(node: TSESTree.CallExpression) {
        const tests = guardTestsAround(node, enclosingFunction(node));
        const verdict = tests.map((test) => context.sourceCode.getText(test)).join(' / ') || 'none';
        context.report({ node, messageId: 'verdict', data: { verdict } });
      },
    };
  },
});

const guardProbe = sitesProbe(({ acquires, releases }, sourceCode) =>
  releases.flatMap((release) => {
    const acquire = lastAcquire(acquires, release.node, releaseKeys(release));
    if (!acquire) return [];
    const tests = guardTestsAround(acquire.node, enclosingFunction(acquire.node));
    const at = guardedRelease(release, { node: acquire.node, tests }, sourceCode);
    return [{ node: release.node, verdict: at === release.node ? 'branch' : 'guarded' }];
  }),
);

const branchesProbe = sitesProbe(({ acquires, releases }) =>
  releases.flatMap((release) => {
    const acquire = lastAcquire(acquires, release.node, releaseKeys(release));
    if (!acquire) return [];
    return [{ node: release.node, verdict: inOtherBranch(acquire.node, release.node) ? 'other branch' : 'same path' }];
  }),
);

const assertsProbe = ESLintUtils.RuleCreator.withoutDocs<[], 'verdict'>({
  meta: { type: 'problem', messages: { verdict: '{{verdict}}' }, schema: [], defaultOptions: [] },
  create(context) {
    const acquires: ResourceSite[] = [];
    const collect = (node: TSESTree.Node): void => {
      const acquire = acquireAt(node, context.sourceCode, []);
      if (acquire) acquires.push(acquire);
    };
    return {
      CallExpression: collect,
      UpdateExpression: collect,
      AssignmentExpression: collect,
      ThrowStatement(node: TSESTree.ThrowStatement) {
        const acquire = acquires.filter((a) => a.node.range[1] <= node.range[0]).at(-1);
        if (!acquire) return;
        const verdict = assertsOnResource(node, acquire, context.sourceCode) ? 'asserts' : 'fails';
        context.report({ node, messageId: 'verdict', data: { verdict } });
      },
    };
  },
});

const goneProbe = ESLintUtils.RuleCreator.withoutDocs<[], 'verdict'>({
  meta: { type: 'problem', messages: { verdict: '{{verdict}}' }, schema: [], defaultOptions: [] },
  create(context) {
    const acquires: ResourceSite[] = [];
    return {
      CallExpression(node) {
        const acquire = acquireAt(node, context.sourceCode, []);
        if (acquire?.kind === 'entry') acquires.push(acquire);
      },
      ReturnStatement(node: TSESTree.ReturnStatement) {
        const acquire = acquires.filter((a) => a.node.range[1] <= node.range[0]).at(-1);
        if (!acquire) return;
        const gone = takenWhenEntryGone(node, acquire, enclosingFunction(node), context.sourceCode);
        context.report({ node, messageId: 'verdict', data: { verdict: gone ? 'gone' : 'leaves' } });
      },
    };
  },
});

const prelude = `declare function probe(): void;
declare function work(): Promise<void>;
declare function create(): { close(): void };
`;
const at = (line: number) => line + 3;
const verdictAt = (verdict: string) => (line: number) => ({
  messageId: 'verdict' as const,
  data: { verdict },
  line: at(line),
});
const tests = (verdict: string, line: number) => verdictAt(verdict)(line);
const guarded = verdictAt('guarded');
const branch = verdictAt('branch');
const other = verdictAt('other branch');
const same = verdictAt('same path');
const asserts = verdictAt('asserts');
const fails = verdictAt('fails');

typedRuleTester().run('guard tests probe', testsProbe, {
  valid: [],
  invalid: [
    {
      // The consequents around the call, innermost first; an \`else\` and the test itself are not
      // consequents, and the walk stops at the call's function.
      code: `${prelude}declare const a: boolean;
declare const b: boolean;
probe();
if (a) probe();
if (a) {
  if (!b) probe();
}
if (a) {
} else probe();
if ((probe(), a)) {
}
if (a) {
  const f = (): void => {
    if (b) probe();
    probe();
  };
}
if (a) {
  while (b) probe();
}
`,
      errors: [
        tests('none', 3),
        tests('a', 4),
        tests('!b / a', 6),
        tests('none', 9),
        tests('none', 10),
        tests('b', 14),
        tests('none', 15),
        tests('a', 19),
      ],
    },
  ],
});

typedRuleTester().run('guarded release probe', guardProbe, {
  valid: [],
  invalid: [
    {
      // A test of the handle itself (truthiness, negated, compared with another value) is not a
      // branch; a test of something else is, and so is an \`if\` with an \`else\`.
      code: `${prelude}declare const failed: boolean;
declare let current: { close(): void };
function handles(): void {
  const t = setTimeout(probe, 1);
  if (t) clearTimeout(t);
  const u = setTimeout(probe, 1);
  if (failed) clearTimeout(u);
  const v = setTimeout(probe, 1);
  if (v) {
    clearTimeout(v);
  }
  const w = setTimeout(probe, 1);
  if (w) clearTimeout(w);
  else probe();
  const runner = create();
  if (runner !== current) runner.close();
}
`,
      errors: [guarded(5), branch(7), guarded(10), branch(13), guarded(16)],
    },
    {
      // A release that shares the block of a test of its handle is guarded by it, as in
      // \`if (x) clearTimeout(x)\`; \`if (!y) clearTimeout(y)\` runs only when there is no
      // handle to release: a branch.
      code: `${prelude}function handles(): void {
  const x = setTimeout(probe, 1);
  if (x) {
    probe();
    clearTimeout(x);
  }
  const y = setTimeout(probe, 1);
  if (!y) clearTimeout(y);
}
`,
      errors: [guarded(5), branch(8)],
    },
    {
      // An awaited release under a test of its handle; a release with no \`if\` around it.
      code: `${prelude}async function awaited(): Promise<void> {
  const handle = create();
  if (handle) await handle.close();
  const other = create();
  await other.close();
}
`,
      errors: [guarded(3), branch(5)],
    },
    {
      // The acquire's own guard, or a test it implies through a \`const\`, holds whenever the
      // acquire ran.
      code: `${prelude}declare let runner: { close(): void } | undefined;
declare const stale: boolean;
class Gate {
  active = 0;
  async run(blocking: boolean, other: boolean): Promise<void> {
    if (blocking) this.active++;
    try {
      await work();
    } finally {
      if (blocking) this.active--;
    }
    if (blocking) this.active++;
    if (other) this.active--;
  }
}
function reuse(): void {
  const shouldCreate = !runner || stale;
  if (!runner || shouldCreate) runner = create();
  if (shouldCreate) runner.close();
}
`,
      errors: [guarded(10), branch(13), guarded(19)],
    },
    {
      // An entry deleted when its own contents say it is unused; a test of another entry is a branch.
      code: `${prelude}const waiters = new Map<string, Set<() => void>>();
function wait(key: string, other: string, done: () => void): void {
  waiters.set(key, new Set([done]));
  if (waiters.get(key)?.size === 0) waiters.delete(key);
  waiters.set(key, new Set([done]));
  if (waiters.get(other)?.size === 0) waiters.delete(key);
}
`,
      errors: [guarded(4), branch(6)],
    },
  ],
});

typedRuleTester().run('other branch probe', branchesProbe, {
  valid: [],
  invalid: [
    {
      // The two branches of one \`if\` keep a set up to date, however deep in each branch, and
      // inside a loop too; an \`if\` with no \`else\`, or one after the other, is one path.
      code: `${prelude}const nulls = new Set<string>();
function track(key: string, value: string | null, values: string[]): void {
  if (value === null) nulls.add(key);
  else nulls.delete(key);
  for (const v of values) {
    if (v) {
      if (value) nulls.add(key);
    } else {
      nulls.delete(key);
    }
  }
  if (value) {
    nulls.add(key);
    nulls.delete(key);
  }
  nulls.add(key);
  if (value) nulls.delete(key);
}
`,
      errors: [other(4), other(9), same(14), same(17)],
    },
    {
      // The release in the other branch but inside a callback: the walk stops at the callback.
      code: `${prelude}const nulls = new Set<string>();
function later(key: string, value: string | null): void {
  if (value) {
    nulls.add(key);
  } else {
    setTimeout(() => nulls.delete(key), 1);
  }
}
`,
      errors: [same(6)],
    },
  ],
});

typedRuleTester().run('asserts probe', assertsProbe, {
  valid: [],
  invalid: [
    {
      // A throw that is the whole branch of an \`if\` reading the count just raised asserts on it;
      // a throw on another test, or with other statements in its branch, is an ordinary failure.
      code: `${prelude}class Limiter {
  active = 0;
  max = 4;
  take(tooSlow: boolean): void {
    this.active++;
    if (this.active > this.max) throw new Error('over the limit');
    this.active += 1;
    if (this.active > this.max) {
      throw new Error('over the limit');
    }
    this.active++;
    if (tooSlow) throw new Error('too slow');
    this.active++;
    if (this.active > this.max) {
      probe();
      throw new Error('over the limit');
    }
  }
}
`,
      errors: [asserts(6), asserts(9), fails(12), fails(16)],
    },
    {
      // Only a count: a throw on the state of an entry or a handle is an ordinary failure.
      code: `${prelude}const cache = new Map<string, number>();
function put(key: string): void {
  cache.set(key, 1);
  if (cache.size > 10) throw new Error('full');
  const t = setTimeout(probe, 1);
  if (t) throw new Error('armed');
}
`,
      errors: [fails(4), fails(6)],
    },
  ],
});

typedRuleTester().run('gone probe', goneProbe, {
  valid: [],
  invalid: [
    {
      // A return whose test says the acquire's own entry is missing (a lookup of the same
      // owner and key, directly, through \`!has\`, or through a variable just given the
      // lookup's value) leaves nothing behind; any other test, key or branch does.
      code: `${prelude}const open = new Map<string, number>();
async function pull(key: string, other: string, flag?: number): Promise<void> {
  open.set(key, 1);
  await work();
  if (!open.has(key)) return;
  if (open.get(key) === undefined) return;
  let state = flag;
  state = state ?? open.get(key);
  if (state === undefined) return;
  const seen = open.get(key);
  if (!seen) return;
  if (!open.has(other)) return;
  if (open.has(key)) return;
  if (flag === undefined) return;
  if (open.get(key) === undefined) probe();
  else return;
}
`,
      errors: [
        verdictAt('gone')(5),
        verdictAt('gone')(6),
        verdictAt('gone')(9),
        verdictAt('gone')(11),
        verdictAt('leaves')(12),
        verdictAt('leaves')(13),
        verdictAt('leaves')(14),
        verdictAt('leaves')(16),
      ],
    },
  ],
});
