/**
 * Random TypeScript programs for the property tests: one async function that
 * acquires a resource (a Map entry, a listener, a timer, a lock, a count) and
 * releases it somewhere inside random control flow (if/else, loops with labels,
 * break and continue, try/catch/finally, early returns and throws, awaits,
 * Promise.race timeouts, nested functions and classes).
 *
 * Each program comes with its ground truth for `no-conditional-cleanup` at its
 * default options, computed by running the program abstractly over every path:
 * awaits may reject, synchronous calls do not, conditions go either way.
 *
 * The generator keeps to shapes where that truth is unambiguous for the rule's
 * documented semantics:
 * - a `try` that has a `catch` starts with an `await` (so its catch is
 *   reachable from the start of the block), and its block releases only when
 *   the catch releases first thing;
 * - the acquire is at the top of the function body, of an `if (ready)` branch
 *   or of a loop body, and nothing else tests `ready`;
 * - a `finally` holds no jump, and releases only at its top level (the rule
 *   takes any release in a `finally` as covering a throw);
 * - no release sits in a nested function.
 */
import fc from 'fast-check';

export type Kind = 'entry' | 'listener' | 'count' | 'timer' | 'timerField' | 'lock' | 'mutex';
export type Placement = 'top' | 'branch' | 'loop';
export type Verdict = 'none' | 'cleanupSkippedOnSomePaths' | 'cleanupSkippedOnThrow';

type Leaf =
  | 'await'
  | 'race'
  | 'sync'
  | 'release'
  | 'return'
  | 'returnWork'
  | 'throw'
  | 'break'
  | 'continue'
  | 'breakOuter'
  | 'continueOuter'
  | 'nestedArrow'
  | 'nestedFunction'
  | 'nestedClass'
  | 'nestedGenerator';

export type Stmt =
  | { k: Leaf }
  | { k: 'if'; cond: string; then: Stmt[]; else: Stmt[] | null }
  | { k: 'loop'; labelled: boolean; body: Stmt[] }
  | {
      k: 'try';
      variant: 'catch' | 'finally' | 'both';
      catchReleases: boolean;
      block: Stmt[];
      handler: Stmt[];
      finalizer: Stmt[];
    };

export interface RawProgram {
  kind: Kind;
  placement: Placement;
  prefix: Stmt[];
  /** After the acquire, in the same block. */
  inner: Stmt[];
  /** After the `if`/loop that holds the acquire (placements `branch` and `loop`). */
  outer: Stmt[];
}

const LEAVES: Leaf[] = [
  'await',
  'race',
  'sync',
  'release',
  'release',
  'release',
  'return',
  'returnWork',
  'throw',
  'break',
  'continue',
  'breakOuter',
  'continueOuter',
  'nestedArrow',
  'nestedFunction',
  'nestedClass',
  'nestedGenerator',
];
const CONDITIONS = ['c1', 'c2', 'check(k)', 'n > 1', 'items.length > 0'];

const { block } = fc.letrec<{ stmt: Stmt; block: Stmt[] }>((tie) => ({
  stmt: fc.oneof(
    { depthSize: 'small', maxDepth: 4, withCrossShrink: true },
    fc.constantFrom(...LEAVES).map((k): Stmt => ({ k })),
    fc.record({
      k: fc.constant('if' as const),
      cond: fc.constantFrom(...CONDITIONS),
      then: tie('block'),
      else: fc.option(tie('block')),
    }),
    fc.record({ k: fc.constant('loop' as const), labelled: fc.boolean(), body: tie('block') }),
    fc.record({
      k: fc.constant('try' as const),
      variant: fc.constantFrom('catch' as const, 'finally' as const, 'both' as const),
      catchReleases: fc.boolean(),
      block: tie('block'),
      handler: tie('block'),
      finalizer: tie('block'),
    }),
  ),
  block: fc.array(tie('stmt'), { maxLength: 4 }),
}));

export const rawProgram: fc.Arbitrary<RawProgram> = fc
  .record({
    kind: fc.constantFrom<Kind>('entry', 'listener', 'count', 'timer', 'timerField', 'lock', 'mutex'),
    placement: fc.constantFrom<Placement>('top', 'branch', 'loop'),
    prefix: fc.array(fc.constantFrom<Stmt>({ k: 'sync' }, { k: 'await' }, { k: 'nestedArrow' }), { maxLength: 2 }),
    inner: block,
    outer: block,
  })
  // A handle held in a block-scoped `const` cannot be released outside its block.
  .map((p) => (p.kind === 'timer' || p.kind === 'lock' ? { ...p, placement: 'top' as const } : p));

// ---- normalising: the raw tree made into valid code of the shapes above -----

interface Context {
  loops: number;
  /** Labels of the enclosing labelled loops, outermost first. */
  labels: string[];
  releases: boolean;
  inFinally: boolean;
}

let labelCount = 0;

function normaliseBlock(stmts: readonly Stmt[], context: Context): Stmt[] {
  const out: Stmt[] = [];
  for (const stmt of stmts) {
    const normal = normalise(stmt, context);
    out.push(normal);
    if (isTerminal(normal)) break;
  }
  return out;
}

function isTerminal(stmt: Stmt): boolean {
  return ['return', 'returnWork', 'throw', 'break', 'continue'].includes(stmt.k);
}

type Jump = { k: 'break' | 'continue'; label?: string };

/**
 * The rule takes any release in a `finally` as covering a throw (a guard there
 * is usually a flag set with the acquire, which it cannot follow), so releases
 * in a `finally` stay at its top level, where that is the truth.
 */
function nestedInFinally(context: Context): Context {
  return context.inFinally ? { ...context, releases: false } : context;
}

function normalise(stmt: Stmt, context: Context): Stmt {
  switch (stmt.k) {
    case 'release':
      return context.releases ? stmt : { k: 'sync' };
    case 'return':
    case 'returnWork':
    case 'throw':
      return context.inFinally ? { k: 'sync' } : stmt;
    case 'break':
    case 'continue':
      return context.inFinally || context.loops === 0 ? { k: 'sync' } : stmt;
    case 'breakOuter':
    case 'continueOuter': {
      if (context.inFinally || context.loops === 0) return { k: 'sync' };
      const label = context.labels[0];
      const k = stmt.k === 'breakOuter' ? 'break' : 'continue';
      return (label ? { k, label } : { k }) as Jump;
    }
    case 'if': {
      const inner = nestedInFinally(context);
      return {
        ...stmt,
        then: normaliseBlock(stmt.then, inner),
        else: stmt.else ? normaliseBlock(stmt.else, inner) : null,
      };
    }
    case 'loop': {
      const label = stmt.labelled ? `l${String(++labelCount)}` : undefined;
      const inner = {
        ...nestedInFinally(context),
        loops: context.loops + 1,
        labels: label ? [...context.labels, label] : context.labels,
      };
      return { ...stmt, labelled: label !== undefined, label, body: normaliseBlock(stmt.body, inner) } as Stmt;
    }
    case 'try': {
      context = nestedInFinally(context);
      const hasCatch = stmt.variant !== 'finally';
      const catchReleases = hasCatch && stmt.catchReleases && context.releases;
      const blockContext = { ...context, releases: context.releases && (!hasCatch || catchReleases) };
      let tryBlock = normaliseBlock(stmt.block, blockContext);
      let handler = hasCatch ? normaliseBlock(stmt.handler, context) : [];
      if (hasCatch) {
        tryBlock = [{ k: 'await' }, ...tryBlock];
        if (catchReleases) handler = [{ k: 'release' }, ...handler];
      }
      const finalizer = stmt.variant === 'catch' ? [] : normaliseBlock(stmt.finalizer, { ...context, inFinally: true });
      return { ...stmt, catchReleases, block: tryBlock, handler, finalizer };
    }
    default:
      return stmt;
  }
}

export interface Program {
  raw: RawProgram;
  kind: Kind;
  placement: Placement;
  prefix: Stmt[];
  inner: Stmt[];
  outer: Stmt[];
  code: string;
  /** The first line of the function body, for messages. */
  verdict: Verdict;
}

export function build(raw: RawProgram): Program {
  labelCount = 0;
  const top: Context = { loops: 0, labels: [], releases: true, inFinally: false };
  const prefix = normaliseBlock(raw.prefix, { ...top, releases: false });
  let inner: Stmt[];
  let outer: Stmt[];
  if (raw.placement === 'loop') {
    inner = normaliseBlock(raw.inner, { ...top, loops: 1 });
    outer = normaliseBlock(raw.outer, top);
  } else {
    inner = normaliseBlock(raw.inner, top);
    outer = raw.placement === 'branch' ? normaliseBlock(raw.outer, top) : [];
  }
  const program = { raw, kind: raw.kind, placement: raw.placement, prefix, inner, outer };
  return { ...program, code: print(program), verdict: verdict(program) };
}

// ---- printing ----------------------------------------------------------------

export const PRELUDE = `declare function work(id: string): Promise<number>;
declare function check(id: string): boolean;
declare function fetchReport(id: string, options?: { signal?: AbortSignal }): Promise<string>;
declare function onTick(): void;
declare const target: EventTarget;
declare const lock: { acquire(): Promise<() => void> };
declare const mutex: { lock(): void; unlock(): void };
declare const stats: { active: number };
const pending = new Map<string, number>();
function timeout(ms: number): Promise<never> {
  return new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), ms));
}
`;

const ACQUIRE: Record<Kind, string> = {
  entry: 'pending.set(k, 1);',
  listener: "target.addEventListener('tick', onTick);",
  count: 'stats.active++;',
  timer: 'const t = setTimeout(() => undefined, 10);',
  timerField: 't = setTimeout(() => undefined, 10);',
  lock: 'const release = await lock.acquire();',
  mutex: 'mutex.lock();',
};
const RELEASE: Record<Kind, string> = {
  entry: 'pending.delete(k);',
  listener: "target.removeEventListener('tick', onTick);",
  count: 'stats.active--;',
  timer: 'clearTimeout(t);',
  timerField: 'clearTimeout(t);',
  lock: 'release();',
  mutex: 'mutex.unlock();',
};

function print(p: Omit<Program, 'code' | 'verdict'>): string {
  let nested = 0;
  const lines: string[] = [];
  const emit = (depth: number, text: string): void => {
    lines.push(`${'  '.repeat(depth)}${text}`);
  };
  const block = (stmts: readonly Stmt[], depth: number) => {
    for (const stmt of stmts) statement(stmt, depth);
  };
  const statement = (stmt: Stmt, depth: number): void => {
    switch (stmt.k) {
      case 'await':
        emit(depth, 'n += await work(k);');
        return;
      case 'race':
        emit(depth, 'await Promise.race([fetchReport(k), timeout(50)]);');
        return;
      case 'sync':
        emit(depth, 'check(k);');
        return;
      case 'release':
        emit(depth, RELEASE[p.kind]);
        return;
      case 'return':
        emit(depth, 'return;');
        return;
      case 'returnWork':
        emit(depth, 'return work(k);');
        return;
      case 'throw':
        emit(depth, "throw new Error('failed');");
        return;
      case 'break':
      case 'continue': {
        const label = (stmt as Jump).label;
        emit(depth, label ? `${stmt.k} ${label};` : `${stmt.k};`);
        return;
      }
      case 'breakOuter':
      case 'continueOuter':
        emit(depth, 'check(k);');
        return;
      case 'nestedArrow':
        nested++;
        {
          emit(
            depth,
            `const helper${String(nested)} = async (x: string): Promise<number> => { if (check(x)) return 1; await work(x); return 2; };`,
          );
          return;
        }
      case 'nestedFunction':
        nested++;
        emit(depth, `function inner${String(nested)}(list: string[]): number {`);
        emit(depth + 1, 'let c = 0;');
        emit(
          depth + 1,
          "outer: for (const s of list) { for (;;) { if (s === '') continue outer; if (s === '-') break outer; break; } c++; }",
        );
        emit(depth + 1, 'return c;');
        emit(depth, '}');
        return;
      case 'nestedClass':
        nested++;
        emit(depth, `class Local${String(nested)} {`);
        emit(depth + 1, '#x = 0;');
        emit(depth + 1, 'static { void 0; }');
        emit(depth + 1, 'run(): number { try { return this.#x; } finally { this.#x++; } }');
        emit(depth, '}');
        return;
      case 'nestedGenerator':
        nested++;
        emit(depth, `const gen${String(nested)} = function* (): Generator<number> { yield 1; return; };`);
        return;
      case 'if':
        emit(depth, `if (${stmt.cond}) {`);
        block(stmt.then, depth + 1);
        if (stmt.else) {
          emit(depth, '} else {');
          block(stmt.else, depth + 1);
        }
        emit(depth, '}');
        return;
      case 'loop': {
        const label = (stmt as { label?: string }).label;
        emit(depth, `${label ? `${label}: ` : ''}for (const item of items) {`);
        emit(depth + 1, 'check(item);');
        block(stmt.body, depth + 1);
        emit(depth, '}');
        return;
      }
      case 'try':
        emit(depth, 'try {');
        block(stmt.block, depth + 1);
        if (stmt.variant !== 'finally') {
          emit(depth, '} catch (error) {');
          emit(depth + 1, 'void error;');
          block(stmt.handler, depth + 1);
        }
        if (stmt.variant !== 'catch') {
          emit(depth, '} finally {');
          block(stmt.finalizer, depth + 1);
        }
        emit(depth, '}');
        return;
    }
  };

  emit(
    0,
    'export async function subject(k: string, c1: boolean, c2: boolean, ready: boolean, items: string[]): Promise<number | void> {',
  );
  emit(1, 'let n = 0;');
  if (p.kind === 'timerField') emit(1, 'let t: ReturnType<typeof setTimeout> | undefined;');
  block(p.prefix, 1);
  if (p.placement === 'top') {
    emit(1, ACQUIRE[p.kind]);
    block(p.inner, 1);
  } else {
    emit(1, p.placement === 'branch' ? 'if (ready) {' : 'for (const item of items) {');
    if (p.placement === 'loop') emit(2, 'check(item);');
    emit(2, ACQUIRE[p.kind]);
    block(p.inner, 2);
    emit(1, '}');
    block(p.outer, 1);
  }
  emit(0, '}');
  return `${PRELUDE}${lines.join('\n')}\n`;
}

// ---- ground truth --------------------------------------------------------------

/** Abstract state: is the resource held, and has the acquire run on this path. */
const HELD = 1;
const ACQUIRED = 2;

interface Outcome {
  normal: Set<number>;
  returns: Set<number>;
  throws: Set<number>;
  /** By label ('' for an unlabelled jump). */
  breaks: Map<string, Set<number>>;
  continues: Map<string, Set<number>>;
}

interface Run {
  /** A release ran after the acquire on some path. */
  releaseReached: boolean;
  /** The acquire ran again while the resource was still held (a loop back without release). */
  reacquiredWhileHeld: boolean;
}

const empty = (): Outcome => ({
  normal: new Set(),
  returns: new Set(),
  throws: new Set(),
  breaks: new Map(),
  continues: new Map(),
});

function addAll(into: Set<number>, from: Iterable<number>): void {
  for (const s of from) into.add(s);
}

function mergeJumps(into: Map<string, Set<number>>, from: Map<string, Set<number>>): void {
  for (const [label, states] of from) {
    const set = into.get(label) ?? new Set<number>();
    addAll(set, states);
    into.set(label, set);
  }
}

function mergeExits(into: Outcome, from: Outcome): void {
  addAll(into.returns, from.returns);
  addAll(into.throws, from.throws);
  mergeJumps(into.breaks, from.breaks);
  mergeJumps(into.continues, from.continues);
}

function execBlock(stmts: readonly Stmt[], input: Set<number>, run: Run, kind: Kind): Outcome {
  const result = empty();
  let current = new Set(input);
  for (const stmt of stmts) {
    const out = exec(stmt, current, run, kind);
    mergeExits(result, out);
    current = out.normal;
  }
  result.normal = current;
  return result;
}

function exec(stmt: Stmt, input: Set<number>, run: Run, kind: Kind): Outcome {
  const out = empty();
  switch (stmt.k) {
    case 'await':
    case 'race':
      out.normal = new Set(input);
      out.throws = new Set(input);
      return out;
    case 'release':
      for (const s of input) {
        if (s & ACQUIRED) run.releaseReached = true;
        out.normal.add(s & ~HELD);
      }
      return out;
    case 'return':
    case 'returnWork':
      out.returns = new Set(input);
      return out;
    case 'throw':
      out.throws = new Set(input);
      return out;
    case 'break':
    case 'continue': {
      const label = (stmt as Jump).label ?? '';
      (stmt.k === 'break' ? out.breaks : out.continues).set(label, new Set(input));
      return out;
    }
    case 'if': {
      const a = execBlock(stmt.then, input, run, kind);
      const b = stmt.else ? execBlock(stmt.else, input, run, kind) : { ...empty(), normal: new Set(input) };
      out.normal = new Set([...a.normal, ...b.normal]);
      mergeExits(out, a);
      mergeExits(out, b);
      return out;
    }
    case 'loop':
      return loop(stmt.body, (stmt as { label?: string }).label ?? null, input, run, kind, false);
    case 'try': {
      const body = execBlock(stmt.block, input, run, kind);
      let normal = new Set(body.normal);
      const exits = empty();
      mergeExits(exits, { ...body, throws: new Set() });
      if (stmt.variant !== 'finally') {
        const handler = execBlock(stmt.handler, body.throws, run, kind);
        addAll(normal, handler.normal);
        mergeExits(exits, handler);
      } else {
        addAll(exits.throws, body.throws);
      }
      if (stmt.variant !== 'catch') {
        // Every way out passes through the finally block.
        const through = (states: Set<number>): Set<number> => {
          const f = execBlock(stmt.finalizer, states, run, kind);
          addAll(out.throws, f.throws);
          return f.normal;
        };
        normal = through(normal);
        exits.returns = through(exits.returns);
        exits.throws = through(exits.throws);
        for (const map of [exits.breaks, exits.continues]) {
          for (const [label, states] of map) map.set(label, through(states));
        }
      }
      out.normal = normal;
      mergeExits(out, exits);
      return out;
    }
    default:
      out.normal = new Set(input);
      return out;
  }
}

/** `for (const item of items) body`: zero or more iterations; with `acquires`, the acquire runs first in each. */
function loop(
  body: readonly Stmt[],
  label: string | null,
  input: Set<number>,
  run: Run,
  kind: Kind,
  acquires: boolean,
): Outcome {
  const out = empty();
  const atTest = new Set(input);
  for (;;) {
    let entry = new Set(atTest);
    if (acquires) {
      entry = new Set(
        [...atTest].map((s) => {
          if (s & HELD) run.reacquiredWhileHeld = true;
          return s | HELD | ACQUIRED;
        }),
      );
    }
    const result = execBlock(body, entry, run, kind);
    const next = new Set([
      ...result.normal,
      ...(result.continues.get('') ?? []),
      ...(label ? (result.continues.get(label) ?? []) : []),
    ]);
    addAll(out.normal, result.breaks.get('') ?? []);
    if (label) addAll(out.normal, result.breaks.get(label) ?? []);
    addAll(out.returns, result.returns);
    addAll(out.throws, result.throws);
    for (const [l, states] of result.breaks)
      if (l !== '' && l !== label) mergeJumps(out.breaks, new Map([[l, states]]));
    for (const [l, states] of result.continues)
      if (l !== '' && l !== label) mergeJumps(out.continues, new Map([[l, states]]));
    const before = atTest.size;
    addAll(atTest, next);
    if (atTest.size === before) break;
  }
  addAll(out.normal, atTest);
  return out;
}

function verdict(p: Omit<Program, 'code' | 'verdict'>): Verdict {
  const run: Run = { releaseReached: false, reacquiredWhileHeld: false };
  const acquireAll = (states: Set<number>) => new Set([...states].map((s) => s | HELD | ACQUIRED));
  const start = execBlock(p.prefix, new Set([0]), run, p.kind);
  const exits = { normal: new Set<number>(), throws: new Set<number>() };
  addAll(exits.normal, start.returns);
  addAll(exits.throws, start.throws);
  let end: Outcome;
  if (p.placement === 'top') {
    end = execBlock(p.inner, acquireAll(start.normal), run, p.kind);
  } else if (p.placement === 'branch') {
    const branch = execBlock(p.inner, acquireAll(start.normal), run, p.kind);
    const after = execBlock(p.outer, new Set([...branch.normal, ...start.normal]), run, p.kind);
    mergeExits(after, branch);
    end = after;
  } else {
    const loopOut = loop(p.inner, null, start.normal, run, p.kind, true);
    const after = execBlock(p.outer, loopOut.normal, run, p.kind);
    mergeExits(after, loopOut);
    end = after;
  }
  addAll(exits.normal, end.normal);
  addAll(exits.normal, end.returns);
  addAll(exits.throws, end.throws);
  if (!run.releaseReached) return 'none';
  if (run.reacquiredWhileHeld || [...exits.normal].some((s) => s & HELD)) return 'cleanupSkippedOnSomePaths';
  if ([...exits.throws].some((s) => s & HELD)) return 'cleanupSkippedOnThrow';
  return 'none';
}
