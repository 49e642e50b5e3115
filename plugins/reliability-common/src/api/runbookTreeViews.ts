import type { SpecProblem } from '../problems';
import type { RunbookTree } from '../runbooks/model';

/**
 * One step of a walk through a decision-tree runbook: the node shown and, at a question, the
 * answer chosen (its label as written).
 *
 * @public
 */
export interface RunbookWalkStep {
  node: string;
  answer?: string;
}

/**
 * How a walk ended: at a `resolved` or `escalate` end, or `abandoned` before any end.
 *
 * @public
 */
export type RunbookWalkOutcome = 'resolved' | 'escalate' | 'abandoned';

/**
 * A walk someone recorded through an entity's runbook.
 *
 * @public
 */
export interface RunbookWalkView {
  id: string;
  entityRef: string;
  /** The alert the walk started from, when it started at an entry point. */
  alert?: string;
  path: RunbookWalkStep[];
  outcome: RunbookWalkOutcome;
  /** A user entity ref, or `service:<subject>`. */
  walkedBy: string;
  walkedAt: string;
  /** The hash of the runbook file the walk went through. */
  contentHash: string;
}

/**
 * Whether a flag still needs an owner's look.
 *
 * @public
 */
export type RunbookFlagStatus = 'open' | 'resolved';

/**
 * A responder's note that a step of a runbook is wrong or outdated.
 *
 * @public
 */
export interface RunbookFlagView {
  id: string;
  entityRef: string;
  /** The id of the flagged node. */
  node: string;
  comment: string;
  createdBy: string;
  createdAt: string;
  status: RunbookFlagStatus;
  resolvedBy?: string;
  resolvedAt?: string;
  /** What the owner did about it. */
  resolution?: string;
}

/**
 * Where an entity's decision-tree runbook is read from.
 *
 * @public
 */
export interface RunbookTreeSource {
  /** The `reliability/runbook` annotation as written. */
  location: string;
  /** The resolved file: a URL or `file:<path>`, as problems name it. */
  file: string;
  /** The URL to open it in its repository, when it has one. */
  url?: string;
}

/**
 * An entity's decision-tree runbook (`GET /entities/{kind}/{namespace}/{name}/runbook-tree`):
 * the parsed tree when its file has no errors, every problem with its position, and how fresh it
 * is. Without a `.yaml` runbook annotation, `source` and `runbook` are absent.
 *
 * @public
 */
export interface EntityRunbookTreeView {
  entityRef: string;
  source?: RunbookTreeSource;
  runbook?: RunbookTree;
  problems: SpecProblem[];
  /** sha256 of the file's text. */
  contentHash?: string;
  /** When the backend first read the file's current content. */
  lastChangedAt?: string;
  /** The latest recorded walk. */
  lastWalk?: RunbookWalkView;
  /** Open flags, oldest first. */
  openFlags: RunbookFlagView[];
  /** Whether the caller may flag a step. */
  canFlag: boolean;
  /** Whether the caller may resolve flags (typically the entity's owners). */
  canResolveFlags: boolean;
}
