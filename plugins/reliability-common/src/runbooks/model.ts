import type { SpecLocation } from '../spec/model';

/**
 * How a walk through a runbook ends: the problem is fixed, or it goes to the on-call chain.
 *
 * @public
 */
export type RunbookEnd = 'resolved' | 'escalate';

/**
 * A link a responder opens from a runbook, e.g. a dashboard. `params` are added to the URL's
 * query, so that one dashboard link can open on the right service and time range.
 *
 * @public
 */
export interface RunbookLink {
  title: string;
  /** An http(s) URL, as written. */
  url: string;
  /** Query parameters added to `url`, in the order written; see {@link runbookLinkHref}. */
  params: Record<string, string>;
}

/**
 * Evidence shown on a node to help answer it: an SLO of the entity (its live SLI and burn rates),
 * or a link.
 *
 * @public
 */
export type RunbookEvidence =
  | {
      type: 'slo';
      /**
       * The SLO as the entity's SLO files declare it: its name (an OpenSLO `metadata.name`) or
       * id; see {@link findRunbookEvidenceSlos}.
       */
      slo: string;
      /** What to look for, e.g. "Is the 1h window burning too?". */
      note?: string;
    }
  | { type: 'link'; link: RunbookLink; note?: string };

/**
 * One answer of a question node and the node it leads to.
 *
 * @public
 */
export interface RunbookAnswer {
  label: string;
  /** The id of the node this answer leads to. */
  next: string;
}

/**
 * Who to escalate to at an `escalate` end; absent fields mean the entity's on-call chain.
 *
 * @public
 */
export interface RunbookEscalation {
  /** A rotation name, or an entity reference of a group or user; absent for the entity's own. */
  to?: string;
  /** What to tell them, e.g. "Page payments with the failing request ids". */
  message?: string;
}

/**
 * What every node has.
 *
 * @public
 */
export interface RunbookNodeBase {
  /** The node's key in `spec.nodes`: stable, so that links and flags can point at it. */
  id: string;
  /** A short label; the id when the file gives none. */
  title: string;
  evidence: RunbookEvidence[];
  /** Where the node is written. */
  location: SpecLocation;
}

/**
 * A question whose answers lead to other nodes.
 *
 * @public
 */
export interface RunbookQuestionNode extends RunbookNodeBase {
  type: 'question';
  question: string;
  answers: RunbookAnswer[];
}

/**
 * Something to do, then either another node (`next`) or an end (`end`).
 *
 * @public
 */
export interface RunbookActionNode extends RunbookNodeBase {
  type: 'action';
  /** What to do, in Markdown. */
  action: string;
  /** Shell commands to copy, one per entry. */
  commands: string[];
  links: RunbookLink[];
  /** The node that follows; exactly one of `next` and `end` is set. */
  next?: string;
  end?: RunbookEnd;
  /** Only with `end: escalate`. */
  escalation?: RunbookEscalation;
}

/**
 * A node of a runbook's decision tree.
 *
 * @public
 */
export type RunbookNode = RunbookQuestionNode | RunbookActionNode;

/**
 * Where the walk starts when an alert fires.
 *
 * @public
 */
export interface RunbookEntryPoint {
  /** The alert name, e.g. `CheckoutHighErrorRate`. */
  alert: string;
  /** The id of the node to start at. */
  node: string;
}

/**
 * A runbook written as a decision tree (`apiVersion: reliability.dev/v1`, `kind: Runbook`).
 * Only a file without errors becomes one, so every `next`, entry point and `start` names a node,
 * every node is reachable and every cycle has an exit.
 *
 * @public
 */
export interface RunbookTree {
  /** The file as the caller named it. */
  file: string;
  name: string;
  title: string;
  description?: string;
  /** The node a walk starts at without an alert. */
  start: string;
  entryPoints: RunbookEntryPoint[];
  /** In the order written. */
  nodes: RunbookNode[];
}
