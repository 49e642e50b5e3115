import {
  AuthService,
  BackstageCredentials,
} from '@backstage/backend-plugin-api';
import { InputError, NotFoundError } from '@backstage/errors';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  AlertPage,
  AlertQualityOptions,
  AlertQualityView,
  analyzeAlertQuality,
  OnCallShift,
} from '@reliability/backstage-plugin-common';
import { entitiesOfScope, ownersOfEntities } from '../catalog/scopeEntities';
import { OnCallService } from '../oncall/OnCallService';
import { AlertStore, StoredAlertWithId } from './AlertStore';
import { ContinuedSources, mergeContinuedAlerts } from './continuedSources';

const DAY_MS = 24 * 60 * 60 * 1000;
const MAX_PERIOD_MS = 366 * DAY_MS;
const MAX_ALERTS = 50_000;
const MAX_TEAM_ENTITIES = 500;
const VIEW_FRESH_MS = 30_000;
/** Alertmanager knows firing and resolved, not whether anybody acknowledged. */
const SOURCES_WITHOUT_ACKNOWLEDGEMENT = new Set(['alertmanager']);
/** What a page's responder is called when neither the source nor a shift names anybody. */
export const UNKNOWN_RESPONDER = 'unknown';

/**
 * A period [from, to) of alert analytics.
 *
 * @internal
 */
export interface AlertPeriod {
  from: Date;
  to: Date;
}

export type { AlertQualityView } from '@reliability/backstage-plugin-common';

/**
 * Turns stored alerts into the pages alert-quality analytics reads. The responder is the one the
 * source named, else who acknowledged, else who was on shift when the page fired.
 *
 * @internal
 */
export function alertsToPages(
  alerts: StoredAlertWithId[],
  shifts: OnCallShift[],
): AlertPage[] {
  const parsedShifts = shifts
    .map(shift => ({
      user: shift.user,
      start: Date.parse(shift.start),
      end: Date.parse(shift.end),
    }))
    .filter(s => !Number.isNaN(s.start) && !Number.isNaN(s.end));
  return alerts.map(alert => {
    const triggeredAt = Date.parse(alert.triggeredAt);
    const onShift = parsedShifts.find(
      s => s.start <= triggeredAt && triggeredAt < s.end,
    );
    const page: AlertPage = {
      id: alert.id,
      service: alert.entityRef,
      urgency: alert.urgency,
      triggeredAt: alert.triggeredAt,
      responder:
        alert.responder ??
        alert.acknowledgedBy ??
        onShift?.user ??
        UNKNOWN_RESPONDER,
    };
    if (alert.alertName) page.alertName = alert.alertName;
    if (alert.fingerprint) page.fingerprint = alert.fingerprint;
    if (alert.acknowledgedAt) page.acknowledgedAt = alert.acknowledgedAt;
    if (alert.resolvedAt) page.resolvedAt = alert.resolvedAt;
    if (alert.actionable !== undefined) page.actionable = alert.actionable;
    if (SOURCES_WITHOUT_ACKNOWLEDGEMENT.has(alert.source)) {
      page.acknowledgementKnown = false;
    }
    return page;
  });
}

/** Who is asking, for answers that depend on what the caller may read. */
function callerOf(credentials: BackstageCredentials): string {
  const principal = credentials.principal as {
    type: string;
    userEntityRef?: string;
    subject?: string;
  };
  return principal.userEntityRef ?? principal.subject ?? principal.type;
}

function ratio(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}

/**
 * Alert quality per entity and per owning team, from the stored alerts and the on-call shifts.
 *
 * @internal
 */
export class AlertQualityService {
  static create(options: {
    store: AlertStore;
    onCall: OnCallService;
    catalog: CatalogService;
    auth: AuthService;
    analysis?: AlertQualityOptions;
    /**
     * Sources that report another source's alerts again (`AlertSource.continues`), read when
     * alerts are listed so that sources registered later count; such alerts count once.
     */
    continuedSources?: () => ContinuedSources;
  }): AlertQualityService {
    return new AlertQualityService(options);
  }

  private constructor(
    private readonly options: {
      store: AlertStore;
      onCall: OnCallService;
      catalog: CatalogService;
      auth: AuthService;
      analysis?: AlertQualityOptions;
      continuedSources?: () => ContinuedSources;
    },
  ) {}

  /** Stored alerts, each alert that two sources reported counted once. */
  private async listAlerts(
    query: Parameters<AlertStore['listAlerts']>[0],
  ): Promise<StoredAlertWithId[]> {
    const alerts = await this.options.store.listAlerts(query);
    return mergeContinuedAlerts(
      alerts,
      this.options.continuedSources?.() ?? new Map(),
    );
  }

  /**
   * Checks a period: `from` before `to`, at most a year. Without `to` the period ends at the
   * current minute, so that repeated requests share cached answers.
   */
  static period(from?: string, to?: string, nowMs = Date.now()): AlertPeriod {
    const toMs = to ? Date.parse(to) : Math.ceil(nowMs / 60_000) * 60_000;
    const fromMs = from ? Date.parse(from) : toMs - 30 * DAY_MS;
    if (Number.isNaN(fromMs) || Number.isNaN(toMs) || fromMs >= toMs) {
      throw new InputError(
        "'from' and 'to' must be ISO 8601 date-times with from before to",
      );
    }
    if (toMs - fromMs > MAX_PERIOD_MS) {
      throw new InputError(
        'The period from "from" to "to" may be a year at most',
      );
    }
    return { from: new Date(fromMs), to: new Date(toMs) };
  }

  async listEntityAlerts(
    entityRef: string,
    period: AlertPeriod,
    limit: number,
  ): Promise<StoredAlertWithId[]> {
    return this.listAlerts({
      entityRefs: [entityRef],
      fromMs: period.from.getTime(),
      toMs: period.to.getTime(),
      limit,
    });
  }

  private readonly views = new Map<
    string,
    { at: number; view: Promise<AlertQualityView> }
  >();

  /**
   * Analytics over up to a year of pages are recomputed at most every 30 s per subject and
   * period: a dashboard full of viewers costs one computation, and new pages show within 30 s.
   */
  private cached(
    key: string,
    compute: () => Promise<AlertQualityView>,
  ): Promise<AlertQualityView> {
    const now = Date.now();
    const hit = this.views.get(key);
    if (hit && now - hit.at < VIEW_FRESH_MS) {
      return hit.view;
    }
    if (this.views.size >= 1_000) {
      this.views.clear();
    }
    const view = compute();
    this.views.set(key, { at: now, view });
    view.catch(() => this.views.delete(key));
    return view;
  }

  async getEntityAlertQuality(
    entityRef: string,
    period: AlertPeriod,
  ): Promise<AlertQualityView> {
    return this.cached(
      `${entityRef}|${period.from.getTime()}|${period.to.getTime()}`,
      () => this.computeEntityAlertQuality(entityRef, period),
    );
  }

  private async computeEntityAlertQuality(
    entityRef: string,
    period: AlertPeriod,
  ): Promise<AlertQualityView> {
    const alerts = await this.listEntityAlerts(entityRef, period, MAX_ALERTS);
    const shifts = await this.options.onCall.getShifts(
      entityRef,
      period.from,
      period.to,
    );
    return this.analyze(entityRef, period, alerts, shifts);
  }

  async getOwnerAlertQuality(
    ownerRef: string,
    period: AlertPeriod,
    credentials: BackstageCredentials,
  ): Promise<AlertQualityView> {
    // What a team rollup contains depends on what the caller may read: cache per caller.
    return this.cached(
      `${ownerRef}|${period.from.getTime()}|${period.to.getTime()}|${callerOf(
        credentials,
      )}`,
      () => this.computeOwnerAlertQuality(ownerRef, period, credentials),
    );
  }

  /**
   * The alert quality of a set of entities the caller may read, such as the organisation's in
   * the monthly report, with the shifts of the entities' owner groups.
   */
  async getEntitiesAlertQuality(
    subject: string,
    entityRefs: string[],
    period: AlertPeriod,
    credentials: BackstageCredentials,
  ): Promise<AlertQualityView> {
    const refs = [...new Set(entityRefs)].sort();
    return this.cached(
      `${subject}|${period.from.getTime()}|${period.to.getTime()}|${callerOf(
        credentials,
      )}|${refs.join(',')}`,
      async () =>
        this.analyzeEntities(
          subject,
          refs,
          period,
          await this.shiftsOfOwners(refs, period, credentials),
        ),
    );
  }

  private async computeOwnerAlertQuality(
    ownerRef: string,
    period: AlertPeriod,
    credentials: BackstageCredentials,
  ): Promise<AlertQualityView> {
    const owner = await this.options.catalog.getEntityByRef(ownerRef, {
      credentials,
    });
    if (!owner) {
      throw new NotFoundError(`No entity ${ownerRef} in the catalog`);
    }
    const subject = stringifyEntityRef(owner);
    const kind = owner.kind.toLowerCase();
    if (kind === 'system' || kind === 'domain') {
      // A system or domain: the entities it holds, paged by the teams that own them.
      const entityRefs =
        (await entitiesOfScope(
          this.options.catalog,
          owner,
          credentials,
          MAX_TEAM_ENTITIES,
        )) ?? [];
      return this.analyzeEntities(
        subject,
        entityRefs,
        period,
        await this.shiftsOfOwners(entityRefs, period, credentials),
      );
    }
    if (kind !== 'group') {
      throw new InputError(
        `'owner' must be a group, a system or a domain, got ${subject}`,
      );
    }
    const { items } = await this.options.catalog.queryEntities(
      {
        filter: { 'relations.ownedBy': subject },
        fields: ['kind', 'metadata.namespace', 'metadata.name'],
        limit: MAX_TEAM_ENTITIES,
      },
      { credentials },
    );
    const entityRefs = items.map(item => stringifyEntityRef(item));
    // The team's shifts come from the group's own on-call mapping.
    const shifts = await this.options.onCall.getShifts(
      subject,
      period.from,
      period.to,
    );
    return this.analyzeEntities(subject, entityRefs, period, shifts);
  }

  /** The shifts of the entities' owner groups, each shift once. */
  private async shiftsOfOwners(
    entityRefs: string[],
    period: AlertPeriod,
    credentials: BackstageCredentials,
  ): Promise<OnCallShift[]> {
    const owners = await ownersOfEntities(
      this.options.catalog,
      entityRefs,
      credentials,
    );
    const shifts = new Map<string, OnCallShift>();
    for (const owner of owners) {
      for (const shift of await this.options.onCall.getShifts(
        owner,
        period.from,
        period.to,
      )) {
        shifts.set(`${shift.user}|${shift.start}|${shift.end}`, shift);
      }
    }
    return [...shifts.values()];
  }

  /** The alert quality of the entities together, and of each. */
  private async analyzeEntities(
    subject: string,
    entityRefs: string[],
    period: AlertPeriod,
    shifts: OnCallShift[],
  ): Promise<AlertQualityView> {
    const alerts =
      entityRefs.length > 0
        ? await this.listAlerts({
            entityRefs,
            fromMs: period.from.getTime(),
            toMs: period.to.getTime(),
            limit: MAX_ALERTS,
          })
        : [];
    const view = this.analyze(subject, period, alerts, shifts);
    view.entities = entityRefs
      .map(entityRef => {
        const own = alerts.filter(a => a.entityRef === entityRef);
        const { noise } = analyzeAlertQuality(
          { pages: alertsToPages(own, shifts) },
          this.options.analysis,
        );
        return {
          entityRef,
          pages: own.length,
          highUrgencyPages: own.filter(a => a.urgency === 'high').length,
          actionableRatio: ratio(
            noise.actionable,
            noise.actionable + noise.noise,
          ),
          noiseRatio: ratio(noise.noise, noise.actionable + noise.noise),
        };
      })
      .sort(
        (a, b) => b.pages - a.pages || a.entityRef.localeCompare(b.entityRef),
      );
    return view;
  }

  private analyze(
    subject: string,
    period: AlertPeriod,
    alerts: StoredAlertWithId[],
    shifts: OnCallShift[],
  ): AlertQualityView {
    const pages = alertsToPages(alerts, shifts);
    const report = analyzeAlertQuality(
      { pages, shifts },
      this.options.analysis,
    );
    const interrupting = this.options.analysis?.interruptingUrgencies ?? [
      'high',
    ];
    const highUrgency = alerts.filter(a => interrupting.includes(a.urgency));
    const hours = (period.to.getTime() - period.from.getTime()) / 3_600_000;
    return {
      subject,
      from: period.from.toISOString(),
      to: period.to.toISOString(),
      pagesPer12Hours: ratio(highUrgency.length * 12, hours) ?? 0,
      shiftsKnown: report.shiftsUsed,
      report,
    };
  }
}
