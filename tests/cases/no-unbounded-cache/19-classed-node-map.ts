// Source: https://github.com/philipmulcahy/azad/issues/370
// Bug: ClassedNode keeps a static Map from every scraped DOM node to its wrapper so it can hand out one wrapper per node, and nothing ever removes entries, so every page scraped stays reachable.
// expect: no-unbounded-cache/mapNeverShrinks 6:10

class ClassedNode {
  static _elementMap = new Map<Node, ClassedNode>();

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
