import { reachableFrom } from './graph';
import type { RunbookNode, RunbookTree } from './model';

/**
 * The nodes in reading order: breadth-first from the start, then from each entry point, then
 * any left (none in a valid tree), so that renderings follow the walk rather than the file.
 *
 * @internal
 */
export function nodesInReadingOrder(tree: RunbookTree): RunbookNode[] {
  const byId = new Map(tree.nodes.map(node => [node.id, node]));
  const successors = new Map(
    tree.nodes.map(node => [
      node.id,
      node.type === 'question'
        ? node.answers.map(answer => answer.next).filter(id => byId.has(id))
        : [node.next].filter((id): id is string => !!id && byId.has(id)),
    ]),
  );
  const graph = { ids: [...byId.keys()], successors, ends: new Set<string>() };
  const seen = new Set<string>();
  for (const root of [
    tree.start,
    ...tree.entryPoints.map(entry => entry.node),
  ]) {
    for (const id of reachableFrom(graph, [root])) {
      seen.add(id);
    }
  }
  return [
    ...[...seen].map(id => byId.get(id)!),
    ...tree.nodes.filter(node => !seen.has(node.id)),
  ];
}
