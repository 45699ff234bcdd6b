// Source: https://github.com/mdn/content/issues/21636
// Bug: none: racing a promise against an already-resolved sentinel checks whether it is still pending; no timer is involved.
// expect: none

const PENDING = Symbol('pending');

export async function isPending(promise: Promise<unknown>): Promise<boolean> {
  const first = await Promise.race([promise, Promise.resolve(PENDING)]).catch(() => undefined);
  return first === PENDING;
}

export async function describeInit(init: Promise<void>): Promise<string> {
  return (await isPending(init)) ? 'initialising' : 'ready';
}
