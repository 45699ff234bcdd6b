// Source: https://github.com/postmanlabs/postman-code-generators/pull/299
// Bug: none: unlike the guarded failure branch in that bug, both branches here delete the key before returning and only synchronous calls run between the add and the deletes.
// expect: none
// These negatives hold for the default options; configs.all turns on assumeCallsThrow, under which
// the synchronous calls between the pair count as able to throw.
/* eslint leaks/no-conditional-cleanup: ["error", { "assumeCallsThrow": false }] */

export interface Patch {
  key: string;
  value: string;
}

export type PatchSink = (patch: Patch) => void;

export class PatchApplier {
  private readonly applying = new Set<string>();

  constructor(
    private readonly write: PatchSink,
    private readonly reject: PatchSink,
  ) {}

  isApplying(key: string): boolean {
    return this.applying.has(key);
  }

  tryApply(patch: Patch): boolean {
    this.applying.add(patch.key);
    if (patch.value.length <= 1024) {
      this.write(patch);
      this.applying.delete(patch.key);
      return true;
    }
    this.reject(patch);
    this.applying.delete(patch.key);
    return false;
  }
}
