// Source: https://github.com/terraforming-mars/terraforming-mars/pull/1079
// Bug: negative: synchronous `while (true)` loops (guarded by a counter that throws) never await, so they cannot outlive their caller; blocking the thread is a different bug.
// expect: none

export function drawUntil<T>(deck: T[], accept: (card: T) => boolean): T {
  let guard = 0;
  while (true) {
    if (guard++ > 1000) throw new Error('drawUntil: no acceptable card');
    const card = deck.shift();
    if (card === undefined) throw new Error('drawUntil: deck is empty');
    if (accept(card)) return card;
    deck.push(card);
  }
}

export function spinUntil(ready: () => boolean): void {
  for (;;) {
    if (ready()) break;
  }
}
