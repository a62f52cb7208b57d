import type { Segment } from './content';

/** The shape of a ChatGPT `mapping` once hidden and empty nodes are taken out. */
export interface KeptTree {
  /** Kept node ids, every parent before its children; siblings oldest first. */
  order: string[];
  /** Each kept node's nearest kept ancestor (null for a root). */
  keptParent: Map<string, string | null>;
  /** How many kept children a kept node (or, for null, the forest) has. */
  childCount(nodeId: string | null): number;
  /** The kept node the conversation showed last (from `current_node`, else the newest branch). */
  currentLeaf: string | null;
  /** Kept nodes no root leads to (a parent cycle). */
  unreachable: number;
}

const ROOT = '\u0000root';

/**
 * Links every kept node to its nearest kept ancestor, skipping null, hidden and empty nodes, so
 * the tree stays connected. Parents missing from the mapping make a node a root (trimmed exports).
 */
export function buildTree(
  segments: Map<string, Segment>,
  parents: Map<string, string | undefined>,
  currentNode: string | undefined,
): KeptTree {
  const nearest = new Map<string, string | null>();
  // The nearest kept node at or above `start`, memoised along the way so long runs of
  // dropped nodes are walked once.
  const keptAtOrAbove = (start: string | undefined): string | null => {
    const trail: string[] = [];
    const onTrail = new Set<string>();
    let cursor = start;
    let found: string | null = null;
    while (cursor !== undefined && parents.has(cursor)) {
      const known = nearest.get(cursor);
      if (known !== undefined) {
        found = known;
        break;
      }
      if (segments.has(cursor)) {
        found = cursor;
        break;
      }
      if (onTrail.has(cursor)) break;
      trail.push(cursor);
      onTrail.add(cursor);
      cursor = parents.get(cursor);
    }
    for (const nodeId of trail) nearest.set(nodeId, found);
    return found;
  };

  const keptParent = new Map<string, string | null>();
  const children = new Map<string, string[]>();
  for (const nodeId of segments.keys()) {
    const parent = keptAtOrAbove(parents.get(nodeId));
    keptParent.set(nodeId, parent);
    const key = parent ?? ROOT;
    const list = children.get(key);
    if (list) list.push(nodeId);
    else children.set(key, [nodeId]);
  }
  const time = (nodeId: string): number => {
    const value = segments.get(nodeId)?.createTime;
    return typeof value === 'number' ? value : Number.POSITIVE_INFINITY;
  };
  for (const list of children.values()) {
    if (list.length > 1) {
      // Stable sort: siblings without a time keep the mapping's order.
      list.sort((a, b) => {
        const difference = time(a) - time(b);
        return Number.isNaN(difference) ? 0 : difference;
      });
    }
  }

  const order: string[] = [];
  const stack = [...(children.get(ROOT) ?? [])].reverse();
  while (stack.length > 0) {
    const nodeId = stack.pop() as string;
    order.push(nodeId);
    const list = children.get(nodeId);
    if (list) for (let index = list.length - 1; index >= 0; index--) stack.push(list[index] as string);
  }

  let currentLeaf = currentNode !== undefined ? keptAtOrAbove(currentNode) : null;
  const reached = new Set(order);
  if (currentLeaf === null || !reached.has(currentLeaf)) {
    // No usable current_node (trimmed export): show the newest branch.
    currentLeaf = null;
    let list = children.get(ROOT);
    while (list && list.length > 0) {
      currentLeaf = list[list.length - 1] as string;
      list = children.get(currentLeaf);
    }
  }

  return {
    order,
    keptParent,
    childCount: (nodeId) => children.get(nodeId ?? ROOT)?.length ?? 0,
    currentLeaf,
    unreachable: segments.size - order.length,
  };
}
