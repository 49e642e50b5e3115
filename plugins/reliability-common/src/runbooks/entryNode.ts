import type { RunbookNode, RunbookTree } from './model';

/**
 * The node a walk starts at: the entry point of `alert` when the runbook has one, else `start`.
 * Alert names are compared as written, as Prometheus and Alertmanager do.
 *
 * @public
 */
export function findRunbookEntryNode(
  tree: RunbookTree,
  alert?: string,
): RunbookNode {
  const entry =
    alert === undefined
      ? undefined
      : tree.entryPoints.find(candidate => candidate.alert === alert);
  const id = entry?.node ?? tree.start;
  const node = tree.nodes.find(candidate => candidate.id === id);
  if (!node) {
    // Only a tree that did not come from parseRunbookFile can get here.
    throw new Error(`the runbook ${tree.name} has no node "${id}"`);
  }
  return node;
}
