// Source: https://github.com/paoloricciuti/svelte-typewriter-store/issues/1
// Bug: the typewriter store's recursive timeout function never stopped, even after every subscriber had unsubscribed or the component unmounted.
// expect: no-leaked-timer/timeoutLoopNeverStops 16:5

type Subscriber = (text: string) => void;

export function typewriter(phrases: string[], delayMs = 100): { subscribe(run: Subscriber): () => void } {
  const subscribers = new Set<Subscriber>();
  let phrase = 0;
  let shown = 0;
  const type = (): void => {
    const text = phrases[phrase] ?? '';
    shown = shown >= text.length ? 0 : shown + 1;
    if (shown === 0) phrase = (phrase + 1) % phrases.length;
    for (const run of subscribers) run(text.slice(0, shown));
    setTimeout(type, delayMs);
  };
  type();
  return {
    subscribe(run) {
      subscribers.add(run);
      return () => subscribers.delete(run);
    },
  };
}
