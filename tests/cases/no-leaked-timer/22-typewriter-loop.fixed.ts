// Source: https://github.com/paoloricciuti/svelte-typewriter-store/issues/1
// Bug: fixed twin: the loop runs only while someone is subscribed; the last unsubscribe clears the pending timeout.
// expect: none

type Subscriber = (text: string) => void;

export function typewriter(phrases: string[], delayMs = 100): { subscribe(run: Subscriber): () => void } {
  const subscribers = new Set<Subscriber>();
  let phrase = 0;
  let shown = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const type = (): void => {
    const text = phrases[phrase] ?? '';
    shown = shown >= text.length ? 0 : shown + 1;
    if (shown === 0) phrase = (phrase + 1) % phrases.length;
    for (const run of subscribers) run(text.slice(0, shown));
    timer = setTimeout(type, delayMs);
  };
  return {
    subscribe(run) {
      subscribers.add(run);
      if (subscribers.size === 1) type();
      return () => {
        subscribers.delete(run);
        if (subscribers.size === 0) clearTimeout(timer);
      };
    },
  };
}
