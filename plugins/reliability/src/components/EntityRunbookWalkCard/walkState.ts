import {
  nextRunbookNodeId,
  RunbookNode,
  RunbookTree,
  RunbookWalkStep,
} from '@reliability/backstage-plugin-common';

/**
 * Where a walk stands: the steps taken, the last one being the node shown now (without an
 * answer until one is chosen).
 */
export interface WalkState {
  path: RunbookWalkStep[];
}

export type WalkAction =
  | { type: 'answer'; label: string }
  | { type: 'continue' }
  | { type: 'back' }
  | { type: 'restart'; start: string };

/** The node shown now. */
export function currentNode(tree: RunbookTree, state: WalkState): RunbookNode {
  const id = state.path[state.path.length - 1].node;
  return tree.nodes.find(node => node.id === id)!;
}

/**
 * The walk after an action: an answer records the label and moves to the node it leads to, an
 * action's "continue" moves to its `next`, "back" undoes the last move. An action that does not
 * apply to the node shown leaves the walk as it is.
 */
export function walkReducer(tree: RunbookTree) {
  return (state: WalkState, action: WalkAction): WalkState => {
    if (action.type === 'restart') {
      return { path: [{ node: action.start }] };
    }
    const node = currentNode(tree, state);
    const before = state.path.slice(0, -1);
    if (action.type === 'back') {
      if (state.path.length < 2) {
        return state;
      }
      const previous = before[before.length - 1];
      return { path: [...before.slice(0, -1), { node: previous.node }] };
    }
    if (action.type === 'answer') {
      const next =
        node.type === 'question'
          ? nextRunbookNodeId(node, action.label)
          : undefined;
      return next === undefined
        ? state
        : {
            path: [
              ...before,
              { node: node.id, answer: action.label },
              { node: next },
            ],
          };
    }
    const next = node.type === 'action' ? node.next : undefined;
    return next === undefined
      ? state
      : { path: [...before, { node: node.id }, { node: next }] };
  };
}
