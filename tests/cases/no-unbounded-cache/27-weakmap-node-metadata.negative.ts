// Source: https://github.com/FontoXML/fontoxpath/issues/17
// Bug: none: per-node values are memoised in a WeakMap keyed by the node (the fontoxpath fix), so entries die with their nodes.
// expect: none

export interface NodeValue {
  text: string;
  depth: number;
}

const nodeValueCache = new WeakMap<Node, NodeValue>();
const visitedElements = new WeakSet<Element>();

export function valueOf(node: Node): NodeValue {
  let value = nodeValueCache.get(node);
  if (!value) {
    let depth = 0;
    for (let p = node.parentNode; p; p = p.parentNode) depth++;
    value = { text: node.textContent ?? '', depth };
    nodeValueCache.set(node, value);
  }
  if (node instanceof Element) visitedElements.add(node);
  return value;
}
