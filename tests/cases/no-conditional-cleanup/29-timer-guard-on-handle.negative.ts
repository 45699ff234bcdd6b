// Source: https://github.com/airbnb/hypernova/pull/109
// Bug: none: the slow-render warning timer is cleared behind `if (timer)`, a check of the handle itself, and only synchronous code runs between arming and clearing it.
// expect: none
// These negatives hold for the default options; configs.all turns on assumeCallsThrow, under which
// the synchronous calls between the pair count as able to throw.
/* eslint leaks/no-conditional-cleanup: ["error", { "assumeCallsThrow": false }] */

export type Warn = (message: string) => void;

export class Renderer {
  constructor(private readonly warn: Warn) {}

  render(component: () => string, warnAfterMs: number): string {
    const timer = setTimeout(() => {
      this.warn(`render exceeded ${warnAfterMs} ms`);
    }, warnAfterMs);
    const html = component();
    if (timer) clearTimeout(timer);
    return html;
  }
}
