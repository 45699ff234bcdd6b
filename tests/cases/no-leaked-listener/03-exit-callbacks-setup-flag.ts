// Source: https://github.com/electrovir/catch-exit/issues/2
// Bug: the once-only guard flag was never set to true, so every registered exit callback attached the process signal listener again (11 SIGHUP listeners).
// expect: no-leaked-listener/listenerNeverRemoved 15:5

const callbacks = new Set<() => void>();
let alreadySetup = false;

function runCallbacks(): void {
  for (const callback of callbacks) callback();
}

export function addExitCallback(callback: () => void): () => void {
  callbacks.add(callback);
  if (!alreadySetup) {
    process.on('SIGHUP', runCallbacks);
  }
  return () => callbacks.delete(callback);
}
