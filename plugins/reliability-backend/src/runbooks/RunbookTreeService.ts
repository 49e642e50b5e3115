import { InputError, NotFoundError } from '@backstage/errors';
import {
  checkRunbookWalk,
  EntityRunbookTreeView,
  RunbookFlagView,
  RunbookTree,
  RunbookWalkStep,
  RunbookWalkView,
} from '@reliability/backstage-plugin-common';
import { RunbookWalkStore } from '../database/RunbookWalkStore';
import { RunbookTreeRead, RunbookTreeReader } from './RunbookTreeReader';
import {
  RunbookEntityLoader,
  RunbookRequestOptions,
  RunbookSloDefinitionsLoader,
} from './types';

/** Longest flag comment and resolution note, in characters. */
export const MAX_FLAG_COMMENT_LENGTH = 2000;
/** Longest walk, in steps: a walk around a cycle a hundred times is no walk. */
export const MAX_WALK_STEPS = 500;

/**
 * The tree of an entity as read now, with what the store knows about it.
 *
 * @internal
 */
export type RunbookTreeState = Omit<
  EntityRunbookTreeView,
  'canFlag' | 'canResolveFlags'
>;

/**
 * How fresh an entity's decision-tree runbook is, for scorecard facts.
 *
 * @internal
 */
export interface RunbookTreeFreshness {
  /** Whether the entity names a `.yaml` runbook. */
  declared: boolean;
  /** The tree, when its structure is valid. */
  runbook?: RunbookTree;
  errorCount: number;
  lastWalkedAtMs?: number;
  lastChangedAtMs?: number;
  openFlags: number;
}

function cleanText(value: string, what: string, required: boolean): string {
  const text = value.trim();
  if (required && text.length === 0) {
    throw new InputError(`${what} is empty: say what is wrong with the step`);
  }
  if (text.length > MAX_FLAG_COMMENT_LENGTH) {
    throw new InputError(
      `${what} is ${text.length} characters long, more than ${MAX_FLAG_COMMENT_LENGTH}`,
    );
  }
  return text;
}

/**
 * Serves entities' decision-tree runbooks with their walks, changes and flags. The tree is read
 * on every call (the file is small and this keeps it never staler than its repository); reading
 * it also notes its content, which is how "last changed" is known.
 *
 * @internal
 */
export class RunbookTreeService {
  static create(options: {
    reader: RunbookTreeReader;
    store: RunbookWalkStore;
    loadEntity: RunbookEntityLoader;
    loadSloDefinitions: RunbookSloDefinitionsLoader;
    now?: () => number;
  }): RunbookTreeService {
    return new RunbookTreeService(
      options.reader,
      options.store,
      options.loadEntity,
      options.loadSloDefinitions,
      options.now ?? Date.now,
    );
  }

  private constructor(
    private readonly reader: RunbookTreeReader,
    private readonly store: RunbookWalkStore,
    private readonly loadEntity: RunbookEntityLoader,
    private readonly loadSloDefinitions: RunbookSloDefinitionsLoader,
    private readonly now: () => number,
  ) {}

  async getTree(
    entityRef: string,
    options: RunbookRequestOptions = {},
  ): Promise<RunbookTreeState> {
    const read = await this.read(entityRef, options);
    const [changedAtMs, walks, openFlags] = await Promise.all([
      read.contentHash
        ? this.store.noteRevision(entityRef, read.contentHash, this.now())
        : undefined,
      this.store.listWalks(entityRef, 1),
      this.store.listFlags(entityRef, { status: 'open' }),
    ]);
    return {
      entityRef,
      ...(read.source ? { source: read.source } : {}),
      ...(read.runbook ? { runbook: read.runbook } : {}),
      problems: read.problems,
      ...(read.contentHash ? { contentHash: read.contentHash } : {}),
      ...(changedAtMs !== undefined
        ? { lastChangedAt: new Date(changedAtMs).toISOString() }
        : {}),
      ...(walks[0] ? { lastWalk: walks[0] } : {}),
      openFlags,
    };
  }

  /** Records a walk through the entity's current tree; InputError when it is no walk of it. */
  async recordWalk(
    entityRef: string,
    walk: { alert?: string; path: RunbookWalkStep[] },
    walkedBy: string,
    options: RunbookRequestOptions = {},
  ): Promise<RunbookWalkView> {
    if (walk.path.length > MAX_WALK_STEPS) {
      throw new InputError(
        `The walk has ${walk.path.length} steps, more than ${MAX_WALK_STEPS}`,
      );
    }
    const read = await this.read(entityRef, options);
    const tree = this.usableTree(entityRef, read);
    const checked = checkRunbookWalk(tree, walk.path, walk.alert);
    if (!checked.ok) {
      throw new InputError(
        `The walk does not follow the runbook ${read.source?.file}: ${checked.message}`,
      );
    }
    return this.store.recordWalk({
      entityRef,
      ...(walk.alert ? { alert: walk.alert } : {}),
      path: walk.path.map(step => ({
        node: step.node,
        ...(step.answer !== undefined ? { answer: step.answer } : {}),
      })),
      outcome: checked.outcome,
      walkedBy,
      walkedAtMs: this.now(),
      contentHash: read.contentHash!,
    });
  }

  async listWalks(entityRef: string, limit: number) {
    return this.store.listWalks(entityRef, limit);
  }

  async listFlags(entityRef: string, status?: 'open' | 'resolved') {
    return this.store.listFlags(entityRef, status ? { status } : {});
  }

  /** Flags a node of the entity's current tree; InputError for an unknown node or no comment. */
  async createFlag(
    entityRef: string,
    flag: { node: string; comment: string },
    createdBy: string,
    options: RunbookRequestOptions = {},
  ): Promise<RunbookFlagView> {
    const comment = cleanText(flag.comment, 'The comment', true);
    const read = await this.read(entityRef, options);
    const tree = this.usableTree(entityRef, read);
    if (!tree.nodes.some(node => node.id === flag.node)) {
      throw new InputError(
        `The runbook ${read.source?.file} has no node "${
          flag.node
        }": flag one of ${tree.nodes.map(node => `"${node.id}"`).join(', ')}`,
      );
    }
    return this.store.createFlag({
      entityRef,
      node: flag.node,
      comment,
      createdBy,
      createdAtMs: this.now(),
    });
  }

  /** Resolves a flag of the entity; NotFoundError when it has none with that id. */
  async resolveFlag(
    entityRef: string,
    flagId: string,
    resolution: { comment?: string },
    resolvedBy: string,
  ): Promise<RunbookFlagView> {
    const comment =
      resolution.comment === undefined
        ? undefined
        : cleanText(resolution.comment, 'The resolution', false) || undefined;
    const flag = await this.store.resolveFlag(entityRef, flagId, {
      by: resolvedBy,
      atMs: this.now(),
      ...(comment ? { comment } : {}),
    });
    if (!flag) {
      throw new NotFoundError(
        `${entityRef} has no runbook flag with the id '${flagId}'`,
      );
    }
    return flag;
  }

  /** What the scorecard checks look at; never throws for a bad file. */
  async getFreshness(
    entityRef: string,
    options: RunbookRequestOptions = {},
  ): Promise<RunbookTreeFreshness> {
    const read = await this.read(entityRef, options);
    const [changedAtMs, walks, openFlags] = await Promise.all([
      read.contentHash
        ? this.store.noteRevision(entityRef, read.contentHash, this.now())
        : undefined,
      this.store.listWalks(entityRef, 1),
      this.store.listFlags(entityRef, { status: 'open' }),
    ]);
    return {
      declared: read.source !== undefined,
      ...(read.runbook ? { runbook: read.runbook } : {}),
      errorCount: read.problems.filter(p => p.severity === 'error').length,
      ...(walks[0] ? { lastWalkedAtMs: Date.parse(walks[0].walkedAt) } : {}),
      ...(changedAtMs !== undefined ? { lastChangedAtMs: changedAtMs } : {}),
      openFlags: openFlags.length,
    };
  }

  private async read(
    entityRef: string,
    options: RunbookRequestOptions,
  ): Promise<RunbookTreeRead> {
    const entity = await this.loadEntity(entityRef, {
      credentials: options.credentials,
    });
    if (!entity) {
      throw new NotFoundError(`No entity ${entityRef} in the catalog`);
    }
    const slos = await this.loadSloDefinitions(entityRef);
    return this.reader.read(entity, slos, { signal: options.signal });
  }

  private usableTree(entityRef: string, read: RunbookTreeRead): RunbookTree {
    if (!read.source) {
      throw new InputError(
        `${entityRef} has no decision-tree runbook: its reliability/runbook annotation names no .yaml file`,
      );
    }
    if (!read.runbook || !read.contentHash) {
      throw new InputError(
        `The runbook ${
          read.source.file
        } of ${entityRef} has errors; fix them first: ${read.problems
          .slice(0, 3)
          .map(p => `${p.line}:${p.column} ${p.path} ${p.message}`)
          .join('; ')}`,
      );
    }
    return read.runbook;
  }
}
