/**
 * The loop analysis through a probe rule.
 * - At every loop: `bounded` when its own test can end it (`isEndlessLoop` is
 *   false), otherwise how it starts (`loopKeyword`) and what `loopFacts` finds
 *   in it: `awaits`, `yields`, and the endless loops nested in it.
 * - At every `break`, `continue`, `return` and `throw` inside an endless loop
 *   (the nearest one, in the same function): `exit` when `loopFacts` lists it
 *   among the loop's exits, `next pass` when among its continues, `stays`
 *   otherwise; and whether `leavesLoop` agrees, when asked of an exit.
 */
import { AST_NODE_TYPES, ESLintUtils, type TSESTree } from '@typescript-eslint/utils';
import { isFunctionNode } from '../../src/analysis/ast.js';
import {
  isEndlessLoop,
  leavesLoop,
  loopFacts,
  loopKeyword,
  type EndlessLoop,
  type LoopJump,
} from '../../src/analysis/loops.js';
import { typedRuleTester } from '../rule-tester.js';

const probe = ESLintUtils.RuleCreator.withoutDocs<[], 'verdict'>({
  meta: { type: 'problem', messages: { verdict: '{{verdict}}' }, schema: [], defaultOptions: [] },
  create(context) {
    const loop = (node: TSESTree.Node): void => {
      let verdict = 'bounded';
      if (isEndlessLoop(node)) {
        const facts = loopFacts(node);
        verdict = [
          loopKeyword(node),
          facts.awaits ? 'awaits' : null,
          facts.yields ? 'yields' : null,
          facts.innerLoops.length > 0 ? `inner ${String(facts.innerLoops.length)}` : null,
        ]
          .filter((part) => part !== null)
          .join(' ');
      }
      context.report({ node, messageId: 'verdict', data: { verdict } });
    };
    const jump = (node: LoopJump): void => {
      let around: EndlessLoop | null = null;
      for (let p: TSESTree.Node | undefined = node.parent; p && !isFunctionNode(p); p = p.parent) {
        if (isEndlessLoop(p)) {
          around = p;
          break;
        }
      }
      if (!around) return;
      const facts = loopFacts(around);
      let verdict = 'stays';
      if (facts.exits.includes(node)) verdict = leavesLoop(node, around) ? 'exit' : 'exit (leavesLoop disagrees)';
      else if (node.type === AST_NODE_TYPES.ContinueStatement && facts.continues.includes(node)) verdict = 'next pass';
      context.report({ node, messageId: 'verdict', data: { verdict } });
    };
    return {
      WhileStatement: loop,
      DoWhileStatement: loop,
      ForStatement: loop,
      ForOfStatement: loop,
      ForInStatement: loop,
      BreakStatement: jump,
      ContinueStatement: jump,
      ReturnStatement: jump,
      ThrowStatement: jump,
    };
  },
});

const prelude = `declare function tick(): Promise<void>;
declare const items: number[];
declare const ready: boolean;
`;
const at = (line: number) => line + 3;
const verdictAt = (verdict: string) => (line: number) => ({
  messageId: 'verdict' as const,
  data: { verdict },
  line: at(line),
});
const loop = (verdict: string, line: number) => verdictAt(verdict)(line);
const bounded = verdictAt('bounded');
const exit = verdictAt('exit');
const nextPass = verdictAt('next pass');
const stays = verdictAt('stays');

typedRuleTester().run('loops probe', probe, {
  valid: [],
  invalid: [
    {
      // Heads whose test never ends the loop, and heads whose test may.
      code: `${prelude}function heads(): void {
  while (true) {}
  while (1) {}
  while (!0) {}
  while (!!true) {}
  do {} while (true);
  for (;;) {}
  for (; 1; ) {}
  while (0) {}
  while (ready) {}
  while (!1) {}
  while ('forever') {}
  for (; ready; ) {}
  for (const item of items) {}
  for (const key in items) {}
  do {} while (false);
}
`,
      errors: [
        loop('while (true)', 2),
        loop('while (true)', 3),
        loop('while (true)', 4),
        loop('while (true)', 5),
        loop('do … while (true)', 6),
        loop('for (;;)', 7),
        loop('for (; true;)', 8),
        bounded(9),
        bounded(10),
        bounded(11),
        bounded(12),
        bounded(13),
        bounded(14),
        bounded(15),
        bounded(16),
      ],
    },
    {
      // What a pass waits on: an \`await\`, a \`for await\`, an \`await using\`, the update of a
      // \`for\`; not an \`await\` in a callback. A \`yield\`; endless loops nested in the body.
      code: `${prelude}async function* passes(stream: AsyncIterable<number>, open: () => Promise<AsyncDisposable>) {
  while (true) {
    await tick();
  }
  while (true) {
    for await (const chunk of stream) void chunk;
  }
  while (true) {
    await using handle = await open();
  }
  for (; ; await tick()) {}
  while (true) {
    items.forEach(async () => {
      await tick();
    });
  }
  while (true) {
    yield 1;
  }
  for (;;) {
    while (true) {
      await tick();
    }
    do {} while (1);
  }
}
`,
      errors: [
        loop('while (true) awaits', 2),
        loop('while (true) awaits', 5),
        bounded(6),
        loop('while (true) awaits', 8),
        loop('for (;;) awaits', 11),
        loop('while (true)', 12),
        loop('while (true) yields', 17),
        loop('for (;;) awaits inner 2', 20),
        loop('while (true) awaits', 21),
        loop('do … while (true)', 24),
      ],
    },
    {
      // Which jumps leave the loop: its own \`break\`, a \`return\`, a \`throw\` nothing inside
      // catches (a \`try\` with only a \`finally\`, or one in the \`catch\` itself); not a \`break\` of a
      // \`switch\` or of an inner loop.
      code: `${prelude}function jumps(code: number): number {
  while (true) {
    if (code === 0) break;
    if (code === 1) return 1;
    if (code === 2) throw new Error('two');
    switch (code) {
      case 3:
        break;
    }
    for (const item of items) {
      if (item) break;
    }
    try {
      throw new Error('caught');
    } catch {
      throw new Error('rethrown');
    }
    try {
      throw new Error('not caught');
    } finally {
      code = 0;
    }
  }
  return 0;
}
`,
      errors: [
        loop('while (true)', 2),
        exit(3),
        exit(4),
        exit(5),
        stays(8),
        bounded(10),
        stays(11),
        stays(14),
        exit(16),
        exit(19),
      ],
    },
    {
      // Labels: \`continue\` to the loop itself starts its next pass, \`break\` or \`continue\` to a
      // statement around it leaves it, \`break\` of a block inside it does not; a plain
      // \`continue\` in an inner loop goes round the inner loop.
      code: `${prelude}function labels(): void {
  outer: for (const item of items) {
    self: while (true) {
      for (const other of items) {
        if (other === item) continue self;
        if (other > item) continue outer;
        if (other < 0) break outer;
        continue;
      }
      block: {
        if (ready) break block;
      }
      if (ready) continue;
    }
  }
}
`,
      errors: [
        bounded(2),
        loop('while (true)', 3),
        bounded(4),
        nextPass(5),
        exit(6),
        exit(7),
        stays(8),
        stays(11),
        nextPass(13),
      ],
    },
  ],
});
