// Source: https://github.com/electrovir/catch-exit/issues/2
// Bug: fixed twin: the guard flag is set when the listener is attached, so it is attached once.
// expect: none

const callbacks = new Set<() => void>();
let alreadySetup = false;

function runCallbacks(): void {
  for (const callback of callbacks) callback();
}

export function addExitCallback(callback: () => void): () => void {
  callbacks.add(callback);
  if (!alreadySetup) {
    alreadySetup = true;
    process.on('SIGHUP', runCallbacks);
  }
  return () => callbacks.delete(callback);
}
