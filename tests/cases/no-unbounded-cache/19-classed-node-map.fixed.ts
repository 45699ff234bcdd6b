// Source: https://github.com/philipmulcahy/azad/issues/370
// Bug: fixed (idiomatic; the project moved the map into a per-scrape context object): keying the wrappers by node in a WeakMap lets a wrapper go with its node.
// expect: none

class ClassedNode {
  static _elementMap = new WeakMap<Node, ClassedNode>();

  readonly element: HTMLElement;

  private constructor(element: HTMLElement) {
    this.element = element;
  }

  // Prevent duplicate ClassedNode objects for the same Node object.
  static create(element: HTMLElement): ClassedNode {
    const existing = ClassedNode._elementMap.get(element);
    if (existing) return existing;
    const created = new ClassedNode(element);
    ClassedNode._elementMap.set(element, created);
    return created;
  }

  get text(): string {
    return this.element.textContent?.trim() ?? '';
  }
}

export function classify(root: HTMLElement): ClassedNode[] {
  return Array.from(root.querySelectorAll<HTMLElement>('*'), (el) => ClassedNode.create(el));
}
