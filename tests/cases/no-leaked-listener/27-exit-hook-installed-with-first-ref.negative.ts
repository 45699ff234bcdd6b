// Source: https://github.com/mcollina/on-exit-leak-free/pull/28
// Bug: negative: the process exit handler is a module-level function, installed with the first registered object and removed with the last one.
// expect: none

const registered = new Set<() => void>();

function onExit(): void {
  for (const flush of registered) flush();
}

export function register(flush: () => void): void {
  if (registered.size === 0) process.on('exit', onExit);
  registered.add(flush);
}

export function unregister(flush: () => void): void {
  registered.delete(flush);
  if (registered.size === 0) process.removeListener('exit', onExit);
}
