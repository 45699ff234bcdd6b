// Source: https://github.com/wevm/viem/issues/4390
// Bug: observe() keeps listeners and cleanups per observer id in two module Maps; unwatching filters the callback out but writes back an empty array and never deletes either entry, so every short-lived watcher leaves keys behind.
// expect: no-unbounded-cache/mapNeverShrinks 13:7
// expect: no-unbounded-cache/mapNeverShrinks 14:7

type Callbacks = Record<string, ((...args: unknown[]) => void) | undefined>;

interface Listener {
  id: number;
  fns: Callbacks;
}

const listenersCache = new Map<string, Listener[]>();
const cleanupCache = new Map<string, () => void>();
let callbackCount = 0;

export function observe(observerId: string, callbacks: Callbacks, start: (emit: Callbacks) => (() => void) | void) {
  const callbackId = ++callbackCount;
  const getListeners = (): Listener[] => listenersCache.get(observerId) ?? [];
  const listeners = getListeners();
  listenersCache.set(observerId, [...listeners, { id: callbackId, fns: callbacks }]);
  if (listeners.length === 0) {
    const emit: Callbacks = {};
    for (const key of Object.keys(callbacks)) {
      emit[key] = (...args: unknown[]) => {
        for (const listener of getListeners()) listener.fns[key]?.(...args);
      };
    }
    const cleanup = start(emit);
    if (typeof cleanup === 'function') cleanupCache.set(observerId, cleanup);
  }
  return function unwatch(): void {
    const current = getListeners();
    if (current.length === 1) cleanupCache.get(observerId)?.();
    listenersCache.set(observerId, current.filter((listener) => listener.id !== callbackId));
  };
}
