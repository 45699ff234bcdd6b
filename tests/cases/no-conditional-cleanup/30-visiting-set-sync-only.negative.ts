// Source: https://github.com/langwatch/langwatch/pull/5002
// Bug: none: unlike the async helper in that review, this cycle guard adds to and deletes from its visiting Set with only synchronous calls in between, so no await, return, break or throw can skip the delete.
// expect: none
// These negatives hold for the default options; configs.all turns on assumeCallsThrow, under which
// the synchronous calls between the pair count as able to throw.
/* eslint leaks/no-conditional-cleanup: ["error", { "assumeCallsThrow": false }] */

export class DependencyGraph {
  private readonly visiting = new Set<string>();

  constructor(private readonly edges: ReadonlyMap<string, readonly string[]>) {}

  dependsOn(name: string, target: string): boolean {
    if (this.visiting.has(name)) {
      return false;
    }
    this.visiting.add(name);
    const deps = this.edges.get(name) ?? [];
    const found = deps.includes(target) || deps.some((dep) => this.dependsOn(dep, target));
    this.visiting.delete(name);
    return found;
  }
}
