/**
 * The shape of a runbook's graph the checks need: each node's successors, and whether it ends a
 * walk. Successors that name no node are left out (they are reported on their own).
 *
 * @internal
 */
export interface RunbookGraph {
  /** Node ids in the order written. */
  ids: readonly string[];
  successors: ReadonlyMap<string, readonly string[]>;
  ends: ReadonlySet<string>;
}

/**
 * The nodes reachable from `roots`, in breadth-first order, so that renderings read from the
 * start outwards.
 *
 * @internal
 */
export function reachableFrom(
  graph: RunbookGraph,
  roots: readonly string[],
): string[] {
  const seen = new Set<string>();
  const order: string[] = [];
  const queue = roots.filter(root => graph.successors.has(root));
  for (let i = 0; i < queue.length; i++) {
    const id = queue[i];
    if (seen.has(id)) {
      continue;
    }
    seen.add(id);
    order.push(id);
    queue.push(...(graph.successors.get(id) ?? []));
  }
  return order;
}

/** The nodes from which some end (resolved or escalate) can be reached. */
function nodesWithExit(graph: RunbookGraph): Set<string> {
  const predecessors = new Map<string, string[]>();
  for (const [id, next] of graph.successors) {
    for (const successor of next) {
      predecessors.set(successor, [...(predecessors.get(successor) ?? []), id]);
    }
  }
  const withExit = new Set<string>();
  const queue = [...graph.ends];
  for (let i = 0; i < queue.length; i++) {
    const id = queue[i];
    if (withExit.has(id)) {
      continue;
    }
    withExit.add(id);
    queue.push(...(predecessors.get(id) ?? []));
  }
  return withExit;
}

/**
 * The cycles from which no end can be reached: a walk that enters one never finishes. Each is a
 * strongly connected component (Tarjan's algorithm, iterative so that long chains cannot overflow
 * the stack) with more than one node or a node leading to itself, its ids in the order written.
 * Cycles with an exit are fine: "wait five minutes and look again" is one.
 *
 * @internal
 */
export function cyclesWithoutExit(graph: RunbookGraph): string[][] {
  const withExit = nodesWithExit(graph);
  const trapped = graph.ids.filter(id => !withExit.has(id));
  const inTrap = new Set(trapped);
  const position = new Map(graph.ids.map((id, index) => [id, index]));
  const successorsOf = (id: string) =>
    (graph.successors.get(id) ?? []).filter(next => inTrap.has(next));

  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  let counter = 0;

  for (const root of trapped) {
    if (index.has(root)) {
      continue;
    }
    const work: Array<{ id: string; next: number }> = [{ id: root, next: 0 }];
    index.set(root, counter);
    low.set(root, counter);
    counter++;
    stack.push(root);
    onStack.add(root);
    while (work.length > 0) {
      const frame = work[work.length - 1];
      const successors = successorsOf(frame.id);
      if (frame.next < successors.length) {
        const successor = successors[frame.next++];
        if (!index.has(successor)) {
          index.set(successor, counter);
          low.set(successor, counter);
          counter++;
          stack.push(successor);
          onStack.add(successor);
          work.push({ id: successor, next: 0 });
        } else if (onStack.has(successor)) {
          low.set(
            frame.id,
            Math.min(low.get(frame.id)!, index.get(successor)!),
          );
        }
        continue;
      }
      work.pop();
      if (work.length > 0) {
        const parent = work[work.length - 1].id;
        low.set(parent, Math.min(low.get(parent)!, low.get(frame.id)!));
      }
      if (low.get(frame.id) === index.get(frame.id)) {
        const component: string[] = [];
        let member: string;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          component.push(member);
        } while (member !== frame.id);
        const loops =
          component.length > 1 || successorsOf(frame.id).includes(frame.id);
        if (loops) {
          cycles.push(
            component.sort((a, b) => position.get(a)! - position.get(b)!),
          );
        }
      }
    }
  }
  return cycles.sort((a, b) => position.get(a[0])! - position.get(b[0])!);
}
