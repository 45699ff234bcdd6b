/**
 * Paths, on ESLint's code path analysis: where marked nodes sit (their code
 * path segment and their order in it), and whether every path from one
 * position to the end of its function passes another.
 */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

type Segment = TSESLint.CodePathSegment;
type CodePath = TSESLint.CodePath;

export interface Position {
  node: TSESTree.Node;
  codePath: CodePath;
  /** The segments current when the node was entered (usually one); shared between positions, never changed. */
  segments: readonly Segment[];
  /** Visit order of the node among all marked nodes. */
  order: number;
}

/** How a path that skips every release leaves the function. */
export interface Leak {
  end: 'normal' | 'throw';
  /** A `return`, `break`, `continue` or `throw` on that path, if one was passed. */
  jump: TSESTree.Node | null;
}

/** How the path left: by a `return`, a `throw`, or neither yet. */
type Exit = 'return' | 'throw' | null;

interface Frame {
  codePath: CodePath;
  current: Set<Segment>;
  /** `current` as an array, shared by the positions marked until the segments change (no position changes it). */
  snapshot: Segment[] | null;
}

/**
 * Records positions while ESLint traverses; ask it questions at `Program:exit`.
 * Its `listeners` must be merged into the rule's visitor.
 */
export class PathTracker {
  readonly positions = new Map<TSESTree.Node, Position>();
  private readonly stack: Frame[] = [];
  private order = 0;
  private readonly jumpsBySegment = new Map<Segment, Position[]>();
  private readonly jumpsByCodePath = new Map<CodePath, Position[]>();
  /** Segments that start a `catch` block: a throw that reaches one has been caught. */
  private readonly catchEntries = new Set<Segment>();

  readonly listeners = {
    onCodePathStart: (codePath: CodePath): void => {
      this.stack.push({ codePath, current: new Set(), snapshot: null });
    },
    onCodePathEnd: (): void => {
      this.stack.pop();
    },
    onCodePathSegmentStart: (segment: Segment): void => {
      this.enter(segment);
    },
    onCodePathSegmentEnd: (segment: Segment): void => {
      this.leave(segment);
    },
    onUnreachableCodePathSegmentStart: (segment: Segment): void => {
      this.enter(segment);
    },
    onUnreachableCodePathSegmentEnd: (segment: Segment): void => {
      this.leave(segment);
    },
  };

  private enter(segment: Segment): void {
    const frame = this.stack.at(-1);
    if (!frame) return;
    frame.current.add(segment);
    frame.snapshot = null;
  }

  private leave(segment: Segment): void {
    const frame = this.stack.at(-1);
    if (!frame) return;
    frame.current.delete(segment);
    frame.snapshot = null;
  }

  /** Record where `node` is. Call it when ESLint enters the node. */
  mark(node: TSESTree.Node): Position | null {
    const frame = this.stack.at(-1);
    if (!frame) return null;
    frame.snapshot ??= [...frame.current];
    const position: Position = { node, codePath: frame.codePath, segments: frame.snapshot, order: this.order++ };
    this.positions.set(node, position);
    return position;
  }

  /** Record a `return`, `break`, `continue` or `throw`, named in the leak it is on. */
  markJump(node: TSESTree.Node): void {
    const position = this.mark(node);
    if (!position) return;
    const inPath = this.jumpsByCodePath.get(position.codePath);
    if (inPath) inPath.push(position);
    else this.jumpsByCodePath.set(position.codePath, [position]);
    for (const segment of position.segments) {
      const list = this.jumpsBySegment.get(segment);
      if (list) list.push(position);
      else this.jumpsBySegment.set(segment, [position]);
    }
  }

  /** Record a `catch` clause. Call it when ESLint enters the clause. */
  markCatch(): void {
    for (const segment of this.stack.at(-1)?.current ?? []) this.catchEntries.add(segment);
  }

  /**
   * A path from `start` to the end of its function that passes none of
   * `releases`, or null when every path passes one. Normal ends are preferred
   * over throws in the answer. Re-entering the start's own segment (a loop
   * back to the acquire) is a leak when `fromAcquire` (the resource taken last
   * time is never given back), and a path already followed otherwise.
   */
  findLeak(
    start: Position,
    releases: readonly Position[],
    coveredJumps: ReadonlySet<TSESTree.Node> = new Set(),
    fromAcquire = true,
  ): Leak | null {
    const releaseOrders = new Map<Segment, number[]>();
    for (const release of releases) {
      if (release.codePath !== start.codePath) continue;
      for (const segment of release.segments) {
        const list = releaseOrders.get(segment);
        if (list) list.push(release.order);
        else releaseOrders.set(segment, [release.order]);
      }
    }
    const thrown = new Set(start.codePath.thrownSegments);
    const returned = new Set(start.codePath.returnedSegments);
    let normal: Leak | null = null;
    let thrownLeak: Leak | null = null;
    // A segment is judged once per way of leaving (the same segment can be reached by a return and by a throw).
    const seen = new Map<Segment, Set<Exit>>();
    // `exit`: the last `return` or `throw` on the path, which tells how a path that
    // leaves through a `finally` ends.
    const stack: { segment: Segment; jump: TSESTree.Node | null; exit: Exit; first: boolean }[] = start.segments.map(
      (segment) => ({ segment, jump: null, exit: null, first: true }),
    );
    while (stack.length > 0) {
      const item = stack.pop();
      if (!item) break;
      const { segment, first } = item;
      if (!first && start.segments.includes(segment)) {
        // Back at the start of a question that is not an acquire (a `catch` in a loop): that
        // path has been followed already.
        if (!fromAcquire) continue;
        // Back at the acquire (a loop) without a release since: unless the segment
        // releases before the acquire, the resource taken last time is never given back.
        const orders = releaseOrders.get(segment) ?? [];
        if (orders.some((order) => order < start.order)) continue;
        normal ??= { end: 'normal', jump: item.jump };
        break;
      }
      if (!first) {
        const exits = seen.get(segment) ?? new Set<Exit>();
        if (exits.has(item.exit)) continue;
        exits.add(item.exit);
        seen.set(segment, exits);
      }
      const orders = releaseOrders.get(segment) ?? [];
      if (first ? orders.some((order) => order > start.order) : orders.length > 0) continue;
      const jumps = (this.jumpsBySegment.get(segment) ?? []).filter((j) => !first || j.order > start.order);
      // ESLint routes `return` and `throw` through `finally`, but not `break` and `continue`.
      if (jumps.some((j) => coveredJumps.has(j.node))) continue;
      const jump = item.jump ?? jumps[0]?.node ?? null;
      let exit = this.catchEntries.has(segment) ? null : item.exit;
      for (const j of jumps) {
        if (j.node.type === AST_NODE_TYPES.ReturnStatement) exit = 'return';
        else if (j.node.type === AST_NODE_TYPES.ThrowStatement) exit = 'throw';
      }
      // A path that returned ends at a return exit, even one that also leads on
      // (a `finally` shared by a return and a throw goes on to an outer `catch`).
      if (exit === 'return' && returned.has(segment) && segment.nextSegments.length > 0) {
        normal ??= { end: 'normal', jump };
        break;
      }
      if (segment.nextSegments.length === 0) {
        if (!segment.reachable) continue;
        if (thrown.has(segment) && exit !== 'return') {
          // A thrown end reached without a `throw` took one of the paths ESLint adds
          // from inside a `try` or `catch` (any call there may throw) to its `finally`.
          // Which awaits and calls can throw is the caller's question (`between`), not
          // this path's: it is no leak here.
          if (exit === 'throw') thrownLeak ??= { end: 'throw', jump };
          continue;
        }
        // After a `finally`, one final segment can be both a return and a throw exit:
        // a path that passed a `return` ends normally there.
        normal ??= { end: 'normal', jump };
        break;
      }
      for (const next of segment.nextSegments) stack.push({ segment: next, jump, exit, first: false });
    }
    return normal ?? thrownLeak;
  }

  /** Does some path from `start` reach one of `targets`? */
  reachesAny(start: Position, targets: readonly Position[]): boolean {
    const reachable = new Set<Segment>();
    const stack = [...start.segments];
    while (stack.length > 0) {
      const segment = stack.pop();
      if (!segment || reachable.has(segment)) continue;
      reachable.add(segment);
      stack.push(...segment.nextSegments);
    }
    return targets.some(
      (target) =>
        target.codePath === start.codePath &&
        target.segments.some(
          (segment) => reachable.has(segment) && (!start.segments.includes(segment) || target.order > start.order),
        ),
    );
  }

  /**
   * The marked `return`, `break`, `continue` and `throw` positions of one code
   * path (one function), in visit order: a question about an acquire never
   * looks at the jumps of other functions, so its cost does not grow with the file.
   */
  jumpsIn(codePath: CodePath): readonly Position[] {
    return this.jumpsByCodePath.get(codePath) ?? [];
  }

  /**
   * The marked nodes that can run after `start` and before any of `releases`
   * (on some path), in visit order: candidates for "what can throw here".
   * A `coveredJumps` jump (a `break`/`continue` through a `finally` that
   * releases) ends a path as a release does.
   */
  between(
    start: Position,
    releases: readonly Position[],
    candidates: readonly Position[],
    coveredJumps: ReadonlySet<TSESTree.Node> = new Set(),
  ): Position[] {
    const releaseOrders = new Map<Segment, number>();
    const stops = [...releases];
    for (const node of coveredJumps) {
      const jump = this.positions.get(node);
      if (jump) stops.push(jump);
    }
    for (const release of stops) {
      for (const segment of release.segments) {
        releaseOrders.set(segment, Math.min(releaseOrders.get(segment) ?? Infinity, release.order));
      }
    }
    const reachable = new Map<Segment, { after: number; before: number }>();
    const stack: { segment: Segment; after: number }[] = start.segments.map((segment) => ({
      segment,
      after: start.order,
    }));
    while (stack.length > 0) {
      const item = stack.pop();
      if (!item) break;
      const { segment, after } = item;
      const known = reachable.get(segment);
      if (known && known.after <= after) continue;
      const firstRelease = releaseOrders.get(segment);
      const before = firstRelease !== undefined && firstRelease > after ? firstRelease : Infinity;
      reachable.set(segment, { after, before });
      if (before !== Infinity) continue;
      for (const next of segment.nextSegments) {
        if (!start.segments.includes(next)) stack.push({ segment: next, after: -1 });
      }
    }
    return candidates
      .filter(
        (candidate) =>
          candidate.codePath === start.codePath &&
          candidate.segments.some((segment) => {
            const window = reachable.get(segment);
            return window !== undefined && candidate.order > window.after && candidate.order < window.before;
          }),
      )
      .sort((a, b) => a.order - b.order);
  }
}
