// The one module that reads XState's state nodes, through its public API only (the machine's
// `root`, a node's `states`, `parent`, `transitions`, `ownEvents`, `type`, `path`, and a
// snapshot's `machine` and `value`), never internals such as `snapshot._nodes`.
// test/workflows/state-nodes.test.ts fails if an upgrade of XState changes what these read.
import type { AnyMachineSnapshot, AnyStateNode } from 'xstate';

/** The active state nodes of a snapshot, from the root down to the leaf (no parallel states here). */
export function activeNodes(snapshot: AnyMachineSnapshot): AnyStateNode[] {
  const nodes: AnyStateNode[] = [snapshot.machine.root];
  let value: unknown = snapshot.value;
  while (value !== undefined) {
    const node = nodes[nodes.length - 1]!;
    const [key, inner] = typeof value === 'string' ? [value, undefined] : (Object.entries(value as object)[0] ?? []);
    const child = key === undefined ? undefined : (node.states as Record<string, AnyStateNode>)[key];
    if (!child) break;
    nodes.push(child);
    value = inner;
  }
  return nodes;
}

/** The active leaf: an atomic or final state. */
function leafNode(snapshot: AnyMachineSnapshot): AnyStateNode | undefined {
  return activeNodes(snapshot).find((n) => n.type === 'atomic' || n.type === 'final');
}

/** Dotted value of the active leaf state ('review.expert'). */
export function stateKey(snapshot: AnyMachineSnapshot): string {
  const leaf = leafNode(snapshot);
  return leaf ? leaf.path.join('.') : '';
}

/** Event types any active state handles. */
export function activeEvents(snapshot: AnyMachineSnapshot): string[] {
  return [...new Set(activeNodes(snapshot).flatMap((n) => n.ownEvents as string[]))];
}

/** The transitions XState would consider for this event, deepest state first (as XState does). */
export function candidateTransitions(snapshot: AnyMachineSnapshot, type: string) {
  const found = [];
  for (let node = leafNode(snapshot); node; node = node.parent) found.push(...(node.transitions.get(type) ?? []));
  return found;
}

/**
 * Leaf states (dotted keys) in which no event can ever be accepted again: final states, and
 * states where neither the leaf nor any ancestor has a transition (timed events are transitions
 * too, so a state waiting on a timer is not closed).
 */
export function closedLeaves(root: AnyStateNode): Set<string> {
  const closed = new Set<string>();
  const walk = (node: AnyStateNode, inherited: number): void => {
    const own = inherited + node.transitions.size;
    const children = Object.values(node.states) as AnyStateNode[];
    if (children.length === 0) {
      if (node.type === 'final' || own === 0) closed.add(node.path.join('.'));
      return;
    }
    children.forEach((child) => walk(child, own));
  };
  walk(root, 0);
  return closed;
}
