/**
 * `parameterMadePerCall` through a probe rule: at every `probe(x.size)` where `x`
 * names a parameter it reports whether the collection the parameter holds
 * lives for one outermost call of its function (`per call`) or may outlive it
 * (`outlives`). The probe reads `x.size`, a use in place: handing `x` itself to
 * `probe` would be a hand-off to a function the analysis cannot see into.
 */
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import ts from 'typescript';
import { enclosingFunction } from '../../src/analysis/ast.js';
import { parameterMadePerCall, receiverLivesPerCall, resultLivesPerCall } from '../../src/analysis/call-scoped.js';
import { typedRuleTester } from '../rule-tester.js';
import { argumentProbe } from './argument-probe.js';

const probe = argumentProbe((arg, services) => {
  const read = arg.type === AST_NODE_TYPES.ChainExpression ? arg.expression : arg;
  const subject = read.type === AST_NODE_TYPES.MemberExpression ? read.object : read;
  const tsNode = services.esTreeNodeToTSNodeMap.get(subject);
  if (!ts.isIdentifier(tsNode)) return 'not a parameter';
  const declaration = services.program.getTypeChecker().getSymbolAtLocation(tsNode)?.valueDeclaration;
  if (!declaration || !ts.isParameter(declaration)) return 'not a parameter';
  return parameterMadePerCall(services.program, declaration) ? 'per call' : 'outlives';
});

const prelude = `declare function probe(value: unknown): void;
interface Tree { children: Tree[] }
declare const root: Tree;
`;
const at = (line: number) => line + 3;
const perCall = (line: number) => ({ messageId: 'verdict' as const, data: { verdict: 'per call' }, line: at(line) });
const outlives = (line: number) => ({ messageId: 'verdict' as const, data: { verdict: 'outlives' }, line: at(line) });

typedRuleTester().run('call-scoped probe', probe, {
  valid: [],
  invalid: [
    {
      // A recursion guard: every outer call passes a fresh set, the recursion passes its own
      // parameter down.
      code: `${prelude}function visit(node: Tree, seen: Set<Tree>): void {
  probe(seen.size);
  if (seen.has(node)) return;
  seen.add(node);
  for (const child of node.children) visit(child, seen);
}
visit(root, new Set());
export function again(): void {
  visit(root, new Set<Tree>());
}
`,
      errors: [perCall(2)],
    },
    {
      // The same guard, but one outer call passes a set kept at module level.
      code: `${prelude}const shared = new Set<Tree>();
function visit(node: Tree, seen: Set<Tree>): void {
  probe(seen.size);
  if (seen.has(node)) return;
  seen.add(node);
  for (const child of node.children) visit(child, seen);
}
visit(root, new Set());
visit(root, shared);
`,
      errors: [outlives(3)],
    },
    {
      // A fresh default that callers omit, or fill with a fresh map themselves; a default that is
      // a module-level map is not fresh.
      code: `${prelude}const memos = new Map<object, object>();
function merge(target: object, source: object, memo = new Map<object, object>()): void {
  probe(memo.size);
  if (memo.has(source)) return;
  memo.set(source, target);
}
merge({}, {});
merge({}, {}, new Map());
function mergeShared(target: object, source: object, memo = memos): void {
  probe(memo.size);
  memo.set(source, target);
}
mergeShared({}, {});
`,
      errors: [perCall(3), outlives(10)],
    },
    {
      // An omitted argument without a default: a caller that passes nothing is not judged fresh.
      code: `${prelude}function count(node: Tree, seen?: Set<Tree>): number {
  probe(seen?.size);
  return seen ? seen.size : node.children.length;
}
count(root);
count(root, new Set());
`,
      errors: [outlives(2)],
    },
    {
      // Mutual recursion: the set passes through two functions, filled fresh by the only outer call.
      code: `${prelude}function walkTree(node: Tree, seen: Set<Tree>): void {
  probe(seen.size);
  if (seen.has(node)) return;
  seen.add(node);
  for (const child of node.children) walkChildren(child, seen);
}
function walkChildren(node: Tree, visited: Set<Tree>): void {
  probe(visited.size);
  walkTree(node, visited);
}
walkTree(root, new Set());
`,
      errors: [perCall(2), perCall(8)],
    },
    {
      // The same mutual recursion, but the second function is also called with a module-level
      // set: neither parameter is per call any more.
      code: `${prelude}const kept = new Set<Tree>();
function walkTree(node: Tree, seen: Set<Tree>): void {
  probe(seen.size);
  if (seen.has(node)) return;
  seen.add(node);
  for (const child of node.children) walkChildren(child, seen);
}
function walkChildren(node: Tree, visited: Set<Tree>): void {
  probe(visited.size);
  walkTree(node, visited);
}
walkTree(root, new Set());
walkChildren(root, kept);
`,
      errors: [outlives(3), outlives(9)],
    },
    {
      // Returned, stored in a field, reassigned: the collection leaves the call or is not the
      // caller's any more.
      code: `${prelude}function collect(node: Tree, out: Tree[]): Tree[] {
  probe(out.size);
  out.push(node);
  return out;
}
collect(root, []);
class Walker {
  private seen: Set<Tree> | undefined;
  run(node: Tree, seen: Set<Tree>): void {
    probe(seen.size);
    this.seen = seen;
  }
  start(): void {
    this.run(root, new Set());
  }
}
function fresh(node: Tree, seen: Set<Tree>): void {
  probe(seen.size);
  seen = new Set();
  seen.add(node);
}
fresh(root, new Set());
`,
      errors: [outlives(2), outlives(10), outlives(18)],
    },
    {
      // An async function and a generator keep the collection across suspensions.
      code: `${prelude}declare function tick(): Promise<void>;
async function visitLater(node: Tree, seen: Set<Tree>): Promise<void> {
  probe(seen.size);
  seen.add(node);
  await tick();
}
void visitLater(root, new Set());
function* visitEach(node: Tree, seen: Set<Tree>): Generator<Tree> {
  probe(seen.size);
  seen.add(node);
  yield node;
}
visitEach(root, new Set());
`,
      errors: [outlives(3), outlives(9)],
    },
    {
      // No callers in the program (only exported), a caller that spreads its arguments, and a
      // function handed on as a value: callers the program does not show.
      code: `${prelude}export function check(node: Tree, seen: Set<Tree>): void {
  probe(seen.size);
  seen.add(node);
}
function spread(node: Tree, seen: Set<Tree>): void {
  probe(seen.size);
  seen.add(node);
}
declare const args: [Tree, Set<Tree>];
spread(...args);
function handed(node: Tree, seen: Set<Tree>): void {
  probe(seen.size);
  seen.add(node);
}
handed(root, new Set());
export const handler = handed;
`,
      errors: [outlives(2), outlives(6), outlives(12)],
    },
    {
      // Iterating the collection with for…of is a use in place; a spread of it into an array
      // literal is not one of the uses in place.
      code: `${prelude}function list(node: Tree, seen: Set<Tree>): void {
  probe(seen.size);
  seen.add(node);
  for (const item of seen) void item;
}
list(root, new Set());
function copy(node: Tree, seen: Set<Tree>): Tree[] {
  probe(seen.size);
  seen.add(node);
  return [...seen];
}
copy(root, new Set());
`,
      errors: [perCall(2), outlives(8)],
    },
    {
      // Handed to a call the program cannot follow into (\`held.push(seen)\` stores it in a
      // module-level array): the set outlives the call.
      code: `${prelude}const held: Set<Tree>[] = [];
function hold(node: Tree, seen: Set<Tree>): void {
  probe(seen.size);
  seen.add(node);
  held.push(seen);
}
hold(root, new Set());
`,
      errors: [outlives(3)],
    },
    {
      // A use inside a nested function: the closure may outlive the call with the set (here it is
      // returned).
      code: `${prelude}function seenTest(node: Tree, seen: Set<Tree>): (other: Tree) => boolean {
  probe(seen.size);
  seen.add(node);
  return (other) => seen.has(other);
}
export const test = seenTest(root, new Set());
`,
      errors: [outlives(2)],
    },
  ],
});

/**
 * `receiverLivesPerCall` through a probe: at every `probe(x.size)` it reports whether the
 * collection `x` denotes (`seen`, `ctx.visiting`, `job.ctx.visiting`) lives for one
 * outermost call (`per call`) or may outlive it (`outlives`).
 */
const receiverProbe = argumentProbe((arg, services) => {
  if (arg.type !== AST_NODE_TYPES.MemberExpression) return 'not a read';
  const tsNode = services.esTreeNodeToTSNodeMap.get(arg.object);
  if (!ts.isExpression(tsNode)) return 'not a read';
  return receiverLivesPerCall(services.program, tsNode) ? 'per call' : 'outlives';
});

const shapes = `declare function probe(value: unknown): void;
interface Shape { kind: string; parts: Shape[] }
interface Ctx { visiting: Set<Shape>; names: Map<Shape, string> }
interface Job { shape: Shape; ctx: Ctx }
`;
const inShapes = (line: number, verdict: string) => ({
  messageId: 'verdict' as const,
  data: { verdict },
  line: line + 4,
});

typedRuleTester().run('receiver lives per call probe', receiverProbe, {
  valid: [],
  invalid: [
    {
      // A context object made per outermost call, its set a property of it: handed down through an
      // object literal, a destructuring and a callback that runs in place.
      code: `${shapes}function describe(shape: Shape, ctx: Ctx): string {
  probe(ctx.visiting.size);
  if (ctx.visiting.has(shape)) return ctx.names.get(shape) ?? '?';
  ctx.visiting.add(shape);
  const parts = shape.parts.map((part) => describe(part, ctx));
  ctx.visiting.delete(shape);
  return parts.join(',');
}
function run(job: Job): string {
  const { shape, ctx } = job;
  probe(ctx.visiting.size);
  probe(job.ctx.visiting.size);
  return describe(shape, ctx);
}
export function render(shape: Shape): string {
  const ctx: Ctx = { visiting: new Set(), names: new Map() };
  const names = (): number => ctx.names.size;
  probe(ctx.visiting.size);
  run({ shape, ctx });
  return run({ shape, ctx: ctx }) + String(names());
}
`,
      errors: [inShapes(2, 'per call'), inShapes(11, 'per call'), inShapes(12, 'per call'), inShapes(18, 'per call')],
    },
    {
      // The context kept at module level, and one whose set is replaced by a shared one.
      code: `${shapes}const kept: Ctx = { visiting: new Set(), names: new Map() };
const shared = new Set<Shape>();
function describe(shape: Shape, ctx: Ctx): void {
  probe(ctx.visiting.size);
  ctx.visiting.add(shape);
}
export function render(shape: Shape): void {
  describe(shape, kept);
}
function mark(shape: Shape, ctx: Ctx): void {
  probe(ctx.visiting.size);
  ctx.visiting.add(shape);
}
export function paint(shape: Shape): void {
  const ctx: Ctx = { visiting: new Set(), names: new Map() };
  ctx.visiting = shared;
  mark(shape, ctx);
}
`,
      errors: [inShapes(4, 'outlives'), inShapes(11, 'outlives')],
    },
    {
      // A caller that catches the throw and carries on with the same context: what the callee
      // left in the set is still read.
      code: `${shapes}function describe(shape: Shape, ctx: Ctx): string {
  probe(ctx.visiting.size);
  ctx.visiting.add(shape);
  const parts = shape.parts.map((part) => describe(part, ctx));
  ctx.visiting.delete(shape);
  return parts.join(',');
}
export function render(shape: Shape, fallback: Shape): string {
  const ctx: Ctx = { visiting: new Set(), names: new Map() };
  try {
    return describe(shape, ctx);
  } catch {
    return describe(fallback, ctx);
  }
}
`,
      errors: [inShapes(2, 'outlives')],
    },
    {
      // The context stored, returned, or its set read by a callback that outlives the call.
      code: `${shapes}let last: Ctx | undefined;
function store(shape: Shape, ctx: Ctx): void {
  probe(ctx.visiting.size);
  last = ctx;
}
export function render(shape: Shape): void {
  store(shape, { visiting: new Set(), names: new Map() });
}
export function open(shape: Shape): Ctx {
  const ctx: Ctx = { visiting: new Set([shape]), names: new Map() };
  probe(ctx.visiting.size);
  return ctx;
}
export function watch(shape: Shape): () => boolean {
  const ctx: Ctx = { visiting: new Set(), names: new Map() };
  probe(ctx.visiting.size);
  return () => ctx.visiting.has(shape);
}
`,
      errors: [inShapes(3, 'outlives'), inShapes(11, 'outlives'), inShapes(16, 'outlives')],
    },
    {
      // A recursion no call of the program enters: exported, its callers are not shown. A literal
      // that spreads another object may take its set from there.
      code: `${shapes}export function describe(shape: Shape, ctx: Ctx): void {
  probe(ctx.visiting.size);
  for (const part of shape.parts) describe(part, ctx);
}
declare const base: Ctx;
function mark(shape: Shape, ctx: Ctx): void {
  probe(ctx.visiting.size);
  ctx.visiting.add(shape);
}
export function paint(shape: Shape): void {
  mark(shape, { ...base, names: new Map() });
}
`,
      errors: [inShapes(2, 'outlives'), inShapes(7, 'outlives')],
    },
    {
      // A method of the literal reaches the context through \`this\` and may swap its set; a
      // parameter's default takes the set out of the context.
      code: `${shapes}const shared = new Set<Shape>();
function mark(shape: Shape, ctx: Ctx & { reset(): void }): void {
  probe(ctx.visiting.size);
  ctx.visiting.add(shape);
  ctx.reset();
}
export function paint(shape: Shape): void {
  mark(shape, {
    visiting: new Set(),
    names: new Map(),
    reset() {
      this.visiting = shared;
    },
  });
}
function tag(shape: Shape, ctx: Ctx, seen = ctx.visiting): void {
  probe(ctx.visiting.size);
  seen.add(shape);
}
export function label(shape: Shape): void {
  tag(shape, { visiting: new Set(), names: new Map() });
}
`,
      errors: [inShapes(3, 'outlives'), inShapes(17, 'outlives')],
    },
  ],
});

/**
 * `resultLivesPerCall` through a probe: at every `probe(0)` it reports whether
 * every value the function around the probe returns lives for one call of the
 * function that called it (`per call`) or may outlive it (`outlives`).
 */
const resultProbe = argumentProbe((arg, services) => {
  const fn = enclosingFunction(arg);
  if (!fn) return 'no function';
  return resultLivesPerCall(services.program, services.esTreeNodeToTSNodeMap.get(fn)) ? 'per call' : 'outlives';
});

const factory = `declare function probe(value: unknown): void;
function createLoaders(ids: string[]) {
  probe(0);
  const seen = new Set<string>();
  return { has: (id: string) => seen.has(id), add: (id: string) => seen.add(id), ids };
}
`;
const inFactory = (verdict: string) => ({ messageId: 'verdict' as const, data: { verdict }, line: 3 });

typedRuleTester().run('result lives per call probe', resultProbe, {
  valid: [],
  invalid: [
    {
      // Every caller keeps the value in a local const and only calls methods on it, also in a
      // callback that runs in place.
      code: `${factory}export function handle(ids: string[]): boolean[] {
  const loaders = createLoaders(ids);
  loaders.add('a');
  return ids.map((id) => loaders.has(id));
}
export function once(id: string): boolean {
  return createLoaders([id]).has(id);
}
`,
      errors: [inFactory('per call')],
    },
    {
      // Made at module scope: the value lives as long as the module.
      code: `${factory}const loaders = createLoaders([]);
export function handle(id: string): boolean {
  return loaders.has(id);
}
`,
      errors: [inFactory('outlives')],
    },
    {
      // Returned by the caller: it lives as long as whoever keeps that.
      code: `${factory}export function handle(ids: string[]) {
  const loaders = createLoaders(ids);
  loaders.add('a');
  return loaders;
}
`,
      errors: [inFactory('outlives')],
    },
    {
      // Captured by a callback that outlives the call.
      code: `${factory}export function handle(ids: string[]): () => boolean {
  const loaders = createLoaders(ids);
  return () => loaders.has('a');
}
`,
      errors: [inFactory('outlives')],
    },
    {
      // A method read off the value and handed on keeps its closure.
      code: `${factory}export function handle(ids: string[], keep: (f: (id: string) => boolean) => void): void {
  const loaders = createLoaders(ids);
  keep(loaders.has);
}
`,
      errors: [inFactory('outlives')],
    },
    {
      // No caller the program shows.
      code: factory,
      errors: [inFactory('outlives')],
    },
  ],
});
