// Source: https://github.com/trvswgnr/prodkit/pull/1
// Bug: module of case 50: a rejecting timer promise, made in another module than the race that uses it.
// expect: none

export class OpTimeoutError extends Error {
  constructor(readonly ms: number) {
    super(`operation timed out after ${ms}ms`);
    this.name = 'OpTimeoutError';
  }
}

export function rejectAfter(ms: number): Promise<never> {
  return new Promise<never>((_, reject) => {
    setTimeout(() => reject(new OpTimeoutError(ms)), ms);
  });
}
