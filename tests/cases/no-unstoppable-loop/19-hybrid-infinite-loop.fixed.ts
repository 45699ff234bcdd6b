// Source: https://github.com/dwavesystems/dwave-hybrid/issues/95
// Bug: fixed twin: the infinite loop takes a stop signal and returns the best sample set when it is aborted.
// expect: none

export interface SampleSet {
  energy: number;
}

export interface Runnable {
  next(state: SampleSet): Promise<SampleSet>;
}

export async function loopForever(
  branch: Runnable,
  initial: SampleSet,
  onBest: (best: SampleSet) => void,
  stop: AbortSignal,
): Promise<SampleSet> {
  let state = initial;
  let best = initial;
  for (;;) {
    if (stop.aborted) return best;
    state = await branch.next(state);
    if (state.energy < best.energy) {
      best = state;
      onBest(best);
    }
  }
}
