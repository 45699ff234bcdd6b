// Source: https://github.com/vesparny/brcast/pull/9
// Bug: fixed (the PR): unsubscribe() deletes the key, so the dictionary holds live subscriptions only.
// expect: none

type Listener<S> = (state: S) => void;

export function createBroadcast<S>(initialState: S) {
  let state = initialState;
  const listeners: Record<number, Listener<S> | undefined> = {};
  let nextId = 1;

  return {
    getState: (): S => state,
    setState(next: S): void {
      state = next;
      for (const key of Object.keys(listeners)) listeners[Number(key)]?.(next);
    },
    subscribe(listener: Listener<S>): number {
      const id = nextId++;
      listeners[id] = listener;
      return id;
    },
    unsubscribe(id: number): void {
      delete listeners[id];
    },
  };
}
