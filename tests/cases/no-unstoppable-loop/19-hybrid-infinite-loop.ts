// Source: https://github.com/dwavesystems/dwave-hybrid/issues/95
// Bug: the workflow loops needed to support infinite looping and to be interruptible; an infinite loop of solver iterations had no way to be stopped from outside (re-expressed from Python).
// expect: no-unstoppable-loop/loopNeverStops 16:3

export interface SampleSet {
  energy: number;
}

export interface Runnable {
  next(state: SampleSet): Promise<SampleSet>;
}

export async function loopForever(branch: Runnable, initial: SampleSet, onBest: (best: SampleSet) => void): Promise<never> {
  let state = initial;
  let best = initial;
  for (;;) {
    state = await branch.next(state);
    if (state.energy < best.energy) {
      best = state;
      onBest(best);
    }
  }
}
