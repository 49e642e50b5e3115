import type {
  StoredScorecardCampaign,
  StoredScorecardResult,
} from './ScorecardStore';

/**
 * Where a campaign stands: `closed` once closed; `done` when every entity in scope reached the
 * target; `late` when it is overdue, or when the share at the target is behind a straight line
 * from its start to its due date; `on-track` otherwise.
 *
 * @internal
 */
export type ScorecardCampaignState = 'on-track' | 'late' | 'done' | 'closed';

/**
 * The state of a campaign from its progress (see {@link ScorecardCampaignState}).
 *
 * @internal
 */
export function campaignState(
  campaign: StoredScorecardCampaign,
  progress: { entities: number; share?: number | null; overdue: boolean },
  nowMs: number,
): ScorecardCampaignState {
  if (campaign.closedAt) {
    return 'closed';
  }
  const share = progress.share ?? 0;
  if (progress.entities > 0 && share >= 1) {
    return 'done';
  }
  if (progress.overdue) {
    return 'late';
  }
  const start = Date.parse(campaign.createdAt);
  const due = Date.parse(campaign.dueDate);
  if (Number.isNaN(due) || due <= start) {
    return 'on-track';
  }
  const elapsed = Math.min(1, Math.max(0, (nowMs - start) / (due - start)));
  return share + 1e-9 >= elapsed ? 'on-track' : 'late';
}

/**
 * Per owner: the entities in scope and how many are at or above the target, worst share first.
 *
 * @internal
 */
export function campaignTeams(
  inScope: readonly StoredScorecardResult[],
  remaining: ReadonlySet<string>,
): Array<{
  ownerRef: string | null;
  entities: number;
  atOrAboveTarget: number;
}> {
  const teams = new Map<
    string,
    { entities: number; atOrAboveTarget: number }
  >();
  for (const item of inScope) {
    const key = item.result.ownerRef ?? '';
    const team = teams.get(key) ?? { entities: 0, atOrAboveTarget: 0 };
    team.entities++;
    if (!remaining.has(item.result.entityRef)) {
      team.atOrAboveTarget++;
    }
    teams.set(key, team);
  }
  return [...teams.entries()]
    .map(([ownerRef, team]) => ({ ownerRef: ownerRef || null, ...team }))
    .sort(
      (a, b) =>
        a.atOrAboveTarget / a.entities - b.atOrAboveTarget / b.entities ||
        (a.ownerRef ?? '').localeCompare(b.ownerRef ?? ''),
    );
}
