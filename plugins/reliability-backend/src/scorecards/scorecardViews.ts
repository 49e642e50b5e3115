import type {
  ScorecardCheckRegistry,
  ScorecardDefinition,
  ScorecardDefinitionView,
  ScorecardHistoryDayView,
  ScorecardResultView,
} from '@reliability/backstage-plugin-common';
import type {
  ScorecardDailyLevel,
  StoredScorecardExemption,
  StoredScorecardResult,
} from './ScorecardStore';

/**
 * A scorecard definition as the API serves it, with each check's description.
 *
 * @internal
 */
export function scorecardDefinitionView(
  scorecard: ScorecardDefinition,
  checks: ScorecardCheckRegistry,
): ScorecardDefinitionView {
  return {
    id: scorecard.id,
    title: scorecard.title,
    description: scorecard.description ?? null,
    appliesTo: scorecard.appliesTo,
    source: scorecard.source,
    levels: scorecard.levels.map(level => ({
      name: level.name,
      description: level.description ?? null,
      checks: level.checks.map(reference => ({
        id: reference.id,
        check: reference.check,
        title: reference.title,
        description: checks.get(reference.check)?.description ?? null,
        params: reference.params,
        remediation: reference.remediation,
        docsUrl: reference.docsUrl ?? null,
      })),
    })),
  };
}

/**
 * One stored result with what a reader needs beside each check: its title, level, remediation,
 * docs link and the exemption covering it (with the exemption's id, to revoke it).
 *
 * @internal
 */
export function scorecardResultView(
  stored: StoredScorecardResult,
  scorecard: ScorecardDefinition | undefined,
  exemptions: readonly StoredScorecardExemption[] = [],
): ScorecardResultView {
  const { result } = stored;
  const references = new Map(
    (scorecard?.levels ?? []).flatMap(level =>
      level.checks.map(reference => [
        reference.id,
        { reference, level: level.name },
      ]),
    ),
  );
  return {
    scorecardId: result.scorecardId,
    title: scorecard?.title ?? result.scorecardId,
    entityRef: result.entityRef,
    ownerRef: result.ownerRef ?? null,
    systemRef: result.systemRef ?? null,
    domainRef: result.domainRef ?? null,
    tier: stored.entity.tier ?? null,
    level: result.level ?? null,
    levelIndex: result.levelIndex,
    nextLevel: scorecard?.levels[result.levelIndex + 1]?.name ?? null,
    evaluatedAt: stored.evaluatedAt,
    levels: result.levels,
    checks: result.checks.map(check => {
      const known = references.get(check.id);
      const exemption =
        check.exemption &&
        exemptions.find(
          candidate =>
            candidate.state === 'active' &&
            candidate.scorecardId === result.scorecardId &&
            candidate.checkId === check.id &&
            candidate.expiresAt === check.exemption!.expiresAt,
        );
      return {
        id: check.id,
        title: known?.reference.title ?? check.id,
        level: known?.level ?? null,
        status: check.status,
        checkStatus: check.checkStatus,
        message: check.message,
        remediation: known?.reference.remediation ?? null,
        docsUrl: known?.reference.docsUrl ?? null,
        exemption: check.exemption
          ? {
              id: exemption?.id ?? null,
              reason: check.exemption.reason,
              expiresAt: check.exemption.expiresAt,
              grantedBy: check.exemption.grantedBy,
            }
          : null,
      };
    }),
  };
}

/**
 * Entities per level per day, from the last level of each entity on each day.
 *
 * @internal
 */
export function countLevelsPerDay(
  rows: readonly ScorecardDailyLevel[],
  scorecard: ScorecardDefinition,
): ScorecardHistoryDayView[] {
  const days = new Map<string, { counts: number[]; noLevel: number }>();
  for (const row of rows) {
    let day = days.get(row.day);
    if (!day) {
      day = { counts: scorecard.levels.map(() => 0), noLevel: 0 };
      days.set(row.day, day);
    }
    if (row.levelIndex >= 0 && row.levelIndex < day.counts.length) {
      day.counts[row.levelIndex]++;
    } else {
      day.noLevel++;
    }
  }
  return [...days.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([day, { counts, noLevel }]) => ({
      day,
      entities: counts.reduce((sum, count) => sum + count, noLevel),
      noLevel,
      levels: scorecard.levels.map((level, index) => ({
        name: level.name,
        entities: counts[index],
      })),
    }));
}

/**
 * Escapes one CSV cell (RFC 4180): quoted when it holds a comma, quote or line break, with
 * quotes doubled. Cells that a spreadsheet would run as a formula get a leading apostrophe.
 *
 * @internal
 */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) {
    return '';
  }
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) {
    text = `'${text}`;
  }
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
