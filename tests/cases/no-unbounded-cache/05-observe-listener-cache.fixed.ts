// Source: https://github.com/wevm/viem/issues/4390
// Bug: fixed (viem PR #4630): when the last listener of an observer unwatches, its entries are deleted from both caches instead of leaving an empty array and a stale cleanup.
// expect: none

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
    const remaining = getListeners().filter((listener) => listener.id !== callbackId);
    if (remaining.length > 0) {
      listenersCache.set(observerId, remaining);
      return;
    }
    cleanupCache.get(observerId)?.();
    listenersCache.delete(observerId);
    cleanupCache.delete(observerId);
  };
}
