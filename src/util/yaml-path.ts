// Paths into parsed YAML: from a data path (['facts', 3, 'status']) to the node that
// holds it (for file:line:col), and to the dotted form users read (`facts[3].status`).
import { isMap, isNode, isPair, isScalar, isSeq, type Node } from 'yaml';

/** The node at a data path under `root` (a document's contents), or undefined when absent. */
export function nodeAt(root: unknown, path: readonly PropertyKey[]): Node | undefined {
  let node: unknown = root;
  for (const seg of path) {
    if (isMap(node)) node = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(seg))?.value;
    else if (isSeq(node) && typeof seg === 'number') node = node.items[seg];
    else return undefined;
    if (node == null) return undefined;
  }
  return isNode(node) ? node : undefined;
}

export function dottedPath(path: readonly PropertyKey[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i ? '.' : ''}${String(p)}`)).join('');
}
