// Source: https://github.com/brummelte/sleep-promise/issues/13
// Bug: module of case 47: a default-exported sleep with no way to cancel it, like the package the issue is about.
// expect: none

export default function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => {
    setTimeout(resolve, ms);
  });
}
