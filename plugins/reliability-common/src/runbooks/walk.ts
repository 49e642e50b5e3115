import type {
  RunbookWalkOutcome,
  RunbookWalkStep,
} from '../api/runbookTreeViews';
import { findRunbookEntryNode } from './entryNode';
import type { RunbookNode, RunbookTree } from './model';

/**
 * What {@link checkRunbookWalk} found: the outcome the path reaches, or why it is no walk of the
 * tree.
 *
 * @public
 */
export type RunbookWalkCheck =
  | { ok: true; outcome: RunbookWalkOutcome }
  | { ok: false; message: string };

/**
 * The node a step leads to: a question's chosen answer, or an action's `next`; `undefined` at an
 * end or at a question without (a known) answer.
 *
 * @public
 */
export function nextRunbookNodeId(
  node: RunbookNode,
  answer?: string,
): string | undefined {
  if (node.type === 'question') {
    return node.answers.find(candidate => candidate.label === answer)?.next;
  }
  return node.next;
}

/**
 * Checks that `path` is a walk through `tree`: it starts at the alert's entry node (or the start
 * without an alert), each step follows from the one before by an answer of the question or the
 * action's `next`, and nothing follows an end. The outcome is the end reached, else `abandoned`.
 *
 * @public
 */
export function checkRunbookWalk(
  tree: RunbookTree,
  path: readonly RunbookWalkStep[],
  alert?: string,
): RunbookWalkCheck {
  if (path.length === 0) {
    return {
      ok: false,
      message:
        'the path is empty: it needs at least the node the walk started at',
    };
  }
  const byId = new Map(tree.nodes.map(node => [node.id, node]));
  const first = findRunbookEntryNode(tree, alert);
  if (path[0].node !== first.id) {
    return {
      ok: false,
      message: `path[0] is "${path[0].node}", but a walk ${
        alert ? `from the alert ${alert}` : 'from the top'
      } starts at "${first.id}"`,
    };
  }
  for (let index = 0; index < path.length; index++) {
    const step = path[index];
    const node = byId.get(step.node);
    if (!node) {
      return {
        ok: false,
        message: `path[${index}] names the node "${step.node}", which the runbook does not have`,
      };
    }
    if (node.type === 'question' && step.answer !== undefined) {
      if (!node.answers.some(candidate => candidate.label === step.answer)) {
        return {
          ok: false,
          message: `path[${index}].answer "${
            step.answer
          }" is not an answer of "${node.id}": one of ${node.answers
            .map(candidate => `"${candidate.label}"`)
            .join(', ')}`,
        };
      }
    }
    if (node.type === 'action' && step.answer !== undefined) {
      return {
        ok: false,
        message: `path[${index}] has an answer, but "${node.id}" is an action, not a question`,
      };
    }
    const last = index === path.length - 1;
    if (last) {
      break;
    }
    const next = nextRunbookNodeId(node, step.answer);
    if (next === undefined) {
      return {
        ok: false,
        message:
          node.type === 'question'
            ? `path[${index}] continues without an answer to "${node.id}"`
            : `path[${index}] continues after "${node.id}", which ends the walk`,
      };
    }
    if (path[index + 1].node !== next) {
      return {
        ok: false,
        message: `path[${index + 1}] is "${path[index + 1].node}", but "${
          node.id
        }" leads to "${next}"`,
      };
    }
  }
  const end = byId.get(path[path.length - 1].node)!;
  return {
    ok: true,
    outcome: end.type === 'action' && end.end ? end.end : 'abandoned',
  };
}

/**
 * A walk as plain text for an incident channel: the runbook, where it started, and one numbered
 * line per step with the answer chosen or the end reached.
 *
 * @public
 */
export function formatRunbookWalk(
  tree: RunbookTree,
  path: readonly RunbookWalkStep[],
  options: { alert?: string; entity?: string } = {},
): string {
  const byId = new Map(tree.nodes.map(node => [node.id, node]));
  const heading = [
    `Runbook "${tree.title}"`,
    options.entity ? ` of ${options.entity}` : '',
    options.alert ? `, from the alert ${options.alert}` : ', from the top',
    ':',
  ].join('');
  const lines = path.map((step, index) => {
    const node = byId.get(step.node);
    const number = `${index + 1}.`;
    if (!node) {
      return `${number} ${step.node}`;
    }
    if (node.type === 'question') {
      return step.answer === undefined
        ? `${number} ${node.title}: ${node.question} (not answered yet)`
        : `${number} ${node.title}: ${node.question} → ${step.answer}`;
    }
    if (node.end === 'resolved') {
      return `${number} ${node.title} → resolved`;
    }
    if (node.end === 'escalate') {
      const to = node.escalation?.to ?? 'the on-call chain';
      const message = node.escalation?.message
        ? ` (${node.escalation.message})`
        : '';
      return `${number} ${node.title} → escalate to ${to}${message}`;
    }
    return `${number} ${node.title} → done`;
  });
  return [heading, ...lines].join('\n');
}
