// Source: https://github.com/BrowserBox/BrowserBox/issues/56
// Bug: module of case 45: the sleep helper its command timeout is built on; the timer it arms cannot be cancelled.
// expect: none

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export class CommandTimeoutError extends Error {
  constructor(
    readonly command: string,
    readonly ms: number,
  ) {
    super(`${command} did not answer within ${ms}ms`);
    this.name = 'CommandTimeoutError';
  }
}
