import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { InputError, NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  MonthlyReliabilityReport,
  MonthlyReportCampaign,
  MonthlyReportLevelChange,
  MonthlyReportReleaseInput,
  ReliabilityReportScope,
  SloHistoryPointView,
  SloView,
  buildMonthlyReport,
  monthRange,
} from '@reliability/backstage-plugin-common';
import { AlertQualityService } from '../alerts/AlertQualityService';
import { entitiesOfScope } from '../catalog/scopeEntities';
import { ReleaseGateStore } from '../database/ReleaseGateStore';
import { ReliabilityService } from '../evaluation';
import {
  ScorecardService,
  ScorecardStore,
  measureStoredCampaign,
} from '../scorecards';

const DAY_MS = 24 * 60 * 60 * 1000;
const MINUTE_MS = 60_000;
const MAX_ENTITIES = 2_000;
/** How far before the month a level change looks for the level it changed from. */
const LEVEL_LOOKBACK_MS = 366 * DAY_MS;
/** Decisions the gate store keeps per entity (and `GET /gate/…/decisions` serves at most). */
const DECISIONS_KEPT = 200;

/**
 * What a report asks for: a group, system or domain ref, or none for the organisation.
 *
 * @internal
 */
export interface MonthlyReportRequest {
  subject?: string;
  month: string;
  credentials: BackstageCredentials;
}

/**
 * Builds monthly reports from the services the REST API serves: SLO views and their histories,
 * the team's alert quality, scorecard history and campaigns. The caller sees only entities the
 * catalog lets them read; an unreadable subject answers 404 like an unknown one.
 *
 * @internal
 */
export class MonthlyReportService {
  static create(options: {
    catalog: CatalogService;
    slos: ReliabilityService;
    alertQuality: AlertQualityService;
    scorecards: ScorecardService;
    scorecardStore: ScorecardStore;
    /** The release gate's store; without it the report has no release section's data. */
    releaseGateStore?: ReleaseGateStore;
    now?: () => number;
  }): MonthlyReportService {
    return new MonthlyReportService(options);
  }

  private constructor(
    private readonly options: Parameters<typeof MonthlyReportService.create>[0],
  ) {}

  private now(): number {
    return (this.options.now ?? Date.now)();
  }

  async getReport(
    request: MonthlyReportRequest,
  ): Promise<MonthlyReliabilityReport> {
    const range = monthRange(request.month);
    if (!range) {
      throw new InputError(
        `'month' must be a calendar month such as 2026-12, got '${request.month}'`,
      );
    }
    const nowMs = this.now();
    if (range.from.getTime() > nowMs) {
      throw new InputError(`'month' ${request.month} has not started yet`);
    }
    // The month so far ends at the current minute, as the alert-quality API's default period.
    const endMs = Math.min(
      range.to.getTime(),
      Math.ceil(nowMs / MINUTE_MS) * MINUTE_MS,
    );
    const { scope, subject, entityRefs } = await this.resolveSubject(
      request.subject,
      request.credentials,
    );

    const slos: Array<{ slo: SloView; days: SloHistoryPointView[] }> = [];
    for (const entityRef of entityRefs) {
      let view = await this.options.slos.getEntitySlos(entityRef);
      if (!view.loaded) view = await this.options.slos.refreshEntity(entityRef);
      for (const slo of view.slos) {
        slos.push({
          slo,
          days: await this.dailyHistory(slo.id, range.from.getTime(), endMs),
        });
      }
    }
    // Every scope's pages as the alert-quality API answers them: `GET /alert-quality` of the
    // group, system or domain; the organisation's over the report's entities.
    const period = { from: range.from, to: new Date(endMs) };
    const alerts =
      scope === 'organisation'
        ? await this.options.alertQuality.getEntitiesAlertQuality(
            subject,
            entityRefs,
            period,
            request.credentials,
          )
        : await this.options.alertQuality.getOwnerAlertQuality(
            subject,
            period,
            request.credentials,
          );
    return buildMonthlyReport({
      subject,
      scope,
      month: request.month,
      nowMs,
      entities: entityRefs,
      slos,
      alerts,
      levelChanges: await this.levelChanges(
        entityRefs,
        range.from.getTime(),
        endMs,
      ),
      campaigns: await this.campaigns(entityRefs, nowMs),
      releases: await this.releases(entityRefs, range.from.getTime(), endMs),
    });
  }

  /**
   * What the release gate recorded for each entity, as `GET /gate/…/decisions` (all kept) and
   * `GET /gate/…/overrides` serve it, and its state changes up to the end of the period.
   */
  private async releases(
    entityRefs: string[],
    fromMs: number,
    toMs: number,
  ): Promise<MonthlyReportReleaseInput[]> {
    const store = this.options.releaseGateStore;
    if (!store) return [];
    const nowMs = this.now();
    const result: MonthlyReportReleaseInput[] = [];
    for (const entityRef of entityRefs) {
      const ref = entityRef.toLowerCase();
      const [decisions, transitions, overrides] = await Promise.all([
        store.listDecisions(ref, DECISIONS_KEPT),
        store.listGateTransitions(ref, fromMs, toMs),
        store.listOverrides({ entityRef: ref }, nowMs),
      ]);
      const oldest = decisions[decisions.length - 1];
      result.push({
        entityRef,
        decisions,
        // All kept decisions fall in the month: older ones of the month may have been trimmed.
        decisionsTruncated:
          decisions.length >= DECISIONS_KEPT &&
          Date.parse(oldest.decidedAt) > fromMs,
        transitions,
        overrides,
      });
    }
    return result;
  }

  /**
   * The SLO's history per UTC day from `fromMs` to `toMs`, as `GET /slos/{id}/history` serves
   * it: whole days with a step of one day, then the day so far as one step (the history API
   * answers whole steps only).
   */
  private async dailyHistory(sloId: string, fromMs: number, toMs: number) {
    const startOfDay = Math.floor(toMs / DAY_MS) * DAY_MS;
    const points: SloHistoryPointView[] = [];
    if (startOfDay > fromMs) {
      const whole = await this.options.slos.getSloHistory(sloId, {
        from: new Date(fromMs),
        to: new Date(startOfDay),
        stepMs: DAY_MS,
      });
      points.push(...whole.points);
    }
    if (toMs > startOfDay) {
      const today = await this.options.slos.getSloHistory(sloId, {
        from: new Date(startOfDay),
        to: new Date(toMs),
        stepMs: toMs - startOfDay,
      });
      points.push(...today.points);
    }
    return points;
  }

  private async resolveSubject(
    subjectRef: string | undefined,
    credentials: BackstageCredentials,
  ): Promise<{
    scope: ReliabilityReportScope;
    subject: string;
    entityRefs: string[];
  }> {
    const { catalog, slos } = this.options;
    if (!subjectRef) {
      // The organisation: every entity with SLOs that the caller may read.
      const refs = new Set<string>();
      let cursor: string | undefined;
      do {
        const page = await slos.listSlos({ limit: 500, cursor });
        page.items.forEach(slo => refs.add(slo.entityRef));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      const all = [...refs];
      const readable: string[] = [];
      for (let i = 0; i < all.length; i += 500) {
        const batch = all.slice(i, i + 500);
        const { items } = await catalog.getEntitiesByRefs(
          { entityRefs: batch, fields: ['kind', 'metadata.name'] },
          { credentials },
        );
        items.forEach((item, index) => item && readable.push(batch[index]));
      }
      return {
        scope: 'organisation',
        subject: 'organisation',
        entityRefs: readable,
      };
    }

    const entity = await catalog.getEntityByRef(subjectRef, { credentials });
    if (!entity) {
      throw new NotFoundError(`No entity ${subjectRef} in the catalog`);
    }
    const subject = stringifyEntityRef(entity);
    const entityRefs = await entitiesOfScope(
      catalog,
      entity,
      credentials,
      MAX_ENTITIES,
    );
    if (!entityRefs) {
      throw new InputError(
        `'owner' must be a group, a system or a domain, got ${subject}`,
      );
    }
    const kind = entity.kind.toLowerCase() as 'group' | 'system' | 'domain';
    return { scope: kind, subject, entityRefs };
  }

  /** Level changes in the month, from the scorecard history the history API serves. */
  private async levelChanges(
    entityRefs: string[],
    fromMs: number,
    toMs: number,
  ): Promise<MonthlyReportLevelChange[]> {
    const { scorecards, scorecardStore } = this.options;
    const changes: MonthlyReportLevelChange[] = [];
    for (const scorecard of scorecards.listScorecards()) {
      for (const entityRef of entityRefs) {
        const rows = await scorecardStore.listHistory({
          scorecardId: scorecard.id,
          entityRef: entityRef.toLowerCase(),
          fromMs: fromMs - LEVEL_LOOKBACK_MS,
          toMs,
        });
        let previous: (typeof rows)[number] | undefined;
        for (const row of rows) {
          const at = Date.parse(row.recordedAt);
          if (
            previous &&
            at >= fromMs &&
            previous.levelIndex !== row.levelIndex
          ) {
            changes.push({
              entityRef: row.entityRef,
              scorecardId: scorecard.id,
              from: previous.level ?? null,
              to: row.level ?? null,
              at: row.recordedAt,
            });
          }
          previous = row;
        }
      }
    }
    return changes;
  }

  /** Each campaign's progress over the subject's entities, as its progress route measures it. */
  private async campaigns(
    entityRefs: string[],
    nowMs: number,
  ): Promise<MonthlyReportCampaign[]> {
    const { scorecards, scorecardStore } = this.options;
    const mine = new Set(entityRefs.map(ref => ref.toLowerCase()));
    const result: MonthlyReportCampaign[] = [];
    for (const campaign of await scorecardStore.listCampaigns()) {
      const scorecard = scorecards.getScorecard(campaign.scorecardId);
      if (!scorecard) continue;
      const stored = (
        await scorecardStore.listScorecardResults(scorecard.id)
      ).filter(item => mine.has(item.result.entityRef.toLowerCase()));
      const progress = measureStoredCampaign(
        campaign,
        scorecard,
        stored,
        nowMs,
      );
      if (progress.entities === 0) continue;
      result.push({
        id: campaign.id,
        title: campaign.title,
        targetLevel: campaign.targetLevel,
        deadline: campaign.dueDate,
        entities: progress.entities,
        reached: progress.atOrAboveTarget,
      });
    }
    return result;
  }
}
