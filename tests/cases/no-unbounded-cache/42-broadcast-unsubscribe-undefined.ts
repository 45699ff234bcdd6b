// Source: https://github.com/vesparny/brcast/pull/9
// Bug: unsubscribe() assigned undefined to the listener's slot instead of deleting it, so the listeners dictionary kept one key per subscription ever made and every setState() walked all of them.
// expect: no-unbounded-cache/objectNeverShrinks 9:9

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
      listeners[id] = undefined;
    },
  };
}
