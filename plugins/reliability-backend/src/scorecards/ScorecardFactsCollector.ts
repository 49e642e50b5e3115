import {
  AuthService,
  BackstageCredentials,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { stringifyError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  AlertQualityFacts,
  entityBasicFacts,
  EntityFacts,
  EntityOnCall,
  OnCallFacts,
  OnCallPerson,
  RELIABILITY_SLOS_ANNOTATION,
  RunbookFacts,
  RunbookTreeFacts,
  ServiceLevelObjective,
  SloFacts,
} from '@reliability/backstage-plugin-common';
import { RunbookTreeService } from '../runbooks/RunbookTreeService';
import { AlertQualityService } from '../alerts/AlertQualityService';
import { mapWithConcurrency } from '../evaluation/mapWithConcurrency';
import { ReliabilityService } from '../evaluation/types';
import { OnCallService } from '../oncall/OnCallService';
import { RunbookService } from '../runbooks/types';

const DAY_MS = 24 * 60 * 60 * 1000;
/** The window of alert quality and of past on-call shifts. */
const WINDOW_MS = 30 * DAY_MS;
const MAX_PROBLEM_MESSAGES = 3;

/**
 * The annotation (on the entity) that points at its error budget policy, e.g. a document URL.
 * An SLO label `error-budget-policy` declares one for that SLO alone.
 *
 * @public
 */
export const RELIABILITY_ERROR_BUDGET_POLICY_ANNOTATION =
  'reliability/error-budget-policy';
const POLICY_LABEL = 'error-budget-policy';

/**
 * The services facts come from. Each is an interface, so tests can give fakes.
 *
 * @internal
 */
export interface ScorecardFactSources {
  catalog: CatalogService;
  auth: AuthService;
  logger: LoggerService;
  slos: Pick<
    ReliabilityService,
    'getEntitySlos' | 'getEntitySloDefinitions' | 'refreshEntity'
  >;
  onCall: Pick<OnCallService, 'getEntityOnCall' | 'getShifts'>;
  runbooks: Pick<RunbookService, 'getEntityRunbooks'>;
  alertQuality: Pick<AlertQualityService, 'getEntityAlertQuality'>;
  /** Decision-tree runbooks; without it, the tree facts are not collected. */
  runbookTrees?: Pick<RunbookTreeService, 'getFreshness'>;
  /**
   * The names of the entity's alerts that paged with high urgency in a period; without it, only
   * the page alerts of its SLO files count as page-level.
   */
  pagedAlertNames?: (
    entityRef: string,
    period: { from: Date; to: Date },
  ) => Promise<string[]>;
  /** Entities collected at once; default 4. */
  concurrency?: number;
  now?: () => number;
}

/**
 * Collects the {@link EntityFacts} scorecards are evaluated over: the catalog entity (with its
 * owner resolved and its system's domain), its SLOs, on-call, runbooks and the last 30 days of
 * alert quality. Each area is collected on its own: an area that fails is left `undefined`
 * (checks then answer "unknown") and logged, so one entity or one service never stops the rest.
 *
 * @internal
 */
export class ScorecardFactsCollector {
  static create(sources: ScorecardFactSources): ScorecardFactsCollector {
    return new ScorecardFactsCollector(sources);
  }

  private constructor(private readonly sources: ScorecardFactSources) {}

  private now(): number {
    return (this.sources.now ?? Date.now)();
  }

  /** Facts of one entity; never throws. */
  async collect(entity: Entity): Promise<EntityFacts> {
    const [facts] = await this.collectMany([entity]);
    return facts;
  }

  /**
   * Facts of many entities, a few at a time, in the order given. Owners and systems are looked
   * up once for the whole batch. Never throws.
   */
  async collectMany(entities: readonly Entity[]): Promise<EntityFacts[]> {
    const credentials = await this.sources.auth.getOwnServiceCredentials();
    const context = await this.catalogContext(entities, credentials);
    // One moment for the whole batch: its facts describe the same 30 days, and the entities of
    // a team then ask the on-call provider for the same period, which it computes once.
    const nowMs = this.now();
    return mapWithConcurrency(entities, this.sources.concurrency ?? 4, entity =>
      this.collectOne(entity, context, credentials, nowMs),
    );
  }

  private async collectOne(
    entity: Entity,
    context: CatalogContext,
    credentials: BackstageCredentials,
    nowMs: number,
  ): Promise<EntityFacts> {
    const base = entityBasicFacts(entity);
    const ownerKind = base.ownerRef
      ? context.ownerKinds.get(base.ownerRef)
      : undefined;
    let ownerIsGroup: boolean | undefined;
    if (!base.ownerRef) {
      ownerIsGroup = false;
    } else if (ownerKind !== undefined) {
      ownerIsGroup = ownerKind === 'group';
    } else if (context.ownersKnown) {
      // Looked up, and the catalog does not have it.
      ownerIsGroup = false;
    }
    const basic = entityBasicFacts(entity, {
      ownerIsGroup,
      domainRef: base.systemRef
        ? context.systemDomains.get(base.systemRef)
        : undefined,
    });
    const entityRef = stringifyEntityRef(entity);
    const area = async <T>(
      name: string,
      fn: () => Promise<T>,
    ): Promise<T | undefined> => {
      try {
        return await fn();
      } catch (error) {
        this.sources.logger.warn(
          `Scorecard facts: could not collect ${name} of ${entityRef}: ${stringifyError(
            error,
          )}`,
        );
        return undefined;
      }
    };
    const [slos, onCall, runbooks, alertQuality] = await Promise.all([
      area('SLOs', () => this.sloFacts(entity, entityRef)),
      area('on-call', () => this.onCallFacts(entityRef, credentials, nowMs)),
      area('runbooks', () => this.runbookFacts(entityRef, credentials, nowMs)),
      area('alert quality', () => this.alertQualityFacts(entityRef, nowMs)),
    ]);
    const facts: EntityFacts = { entity: basic };
    if (slos) facts.slos = slos;
    if (onCall) facts.onCall = onCall;
    if (runbooks) facts.runbooks = runbooks;
    if (alertQuality) facts.alertQuality = alertQuality;
    return facts;
  }

  private async catalogContext(
    entities: readonly Entity[],
    credentials: BackstageCredentials,
  ): Promise<CatalogContext> {
    const owners = new Set<string>();
    const systems = new Set<string>();
    for (const entity of entities) {
      const basic = entityBasicFacts(entity);
      if (basic.ownerRef) owners.add(basic.ownerRef);
      if (basic.systemRef) systems.add(basic.systemRef);
    }
    const context: CatalogContext = {
      ownerKinds: new Map(),
      ownersKnown: false,
      systemDomains: new Map(),
    };
    try {
      const found = await this.lookup([...owners], ['kind'], credentials);
      for (const [ref, entity] of found) {
        context.ownerKinds.set(ref, entity.kind.toLowerCase());
      }
      context.ownersKnown = true;
    } catch (error) {
      // Unknown stays unknown: `owner-is-group` answers "unknown" rather than failing everyone.
      this.sources.logger.warn(
        `Scorecard facts: could not look owners up in the catalog: ${stringifyError(
          error,
        )}`,
      );
    }
    try {
      const found = await this.lookup(
        [...systems],
        ['kind', 'metadata.namespace', 'spec.domain'],
        credentials,
      );
      for (const [ref, system] of found) {
        const domain = system.spec?.domain;
        if (typeof domain === 'string' && domain) {
          context.systemDomains.set(
            ref,
            completeRef(domain, 'domain', system.metadata.namespace),
          );
        }
      }
    } catch (error) {
      this.sources.logger.warn(
        `Scorecard facts: could not look systems up in the catalog: ${stringifyError(
          error,
        )}`,
      );
    }
    return context;
  }

  private async lookup(
    refs: string[],
    fields: string[],
    credentials: BackstageCredentials,
  ): Promise<Map<string, Entity>> {
    const found = new Map<string, Entity>();
    for (let i = 0; i < refs.length; i += 500) {
      const entityRefs = refs.slice(i, i + 500);
      const { items } = await this.sources.catalog.getEntitiesByRefs(
        { entityRefs, fields },
        { credentials },
      );
      items.forEach((item, index) => {
        if (item) found.set(entityRefs[index], item);
      });
    }
    return found;
  }

  private async sloFacts(
    entity: Entity,
    entityRef: string,
  ): Promise<SloFacts | undefined> {
    const declared = Boolean(
      entity.metadata.annotations?.[RELIABILITY_SLOS_ANNOTATION]?.trim(),
    );
    if (!declared) {
      return {
        filesDeclared: false,
        fileProblemCount: 0,
        fileProblemMessages: [],
        slos: [],
      };
    }
    let view = await this.sources.slos.getEntitySlos(entityRef);
    if (!view.loaded) {
      // The scheduled read has not reached the entity yet: read its files now rather than
      // scoring it on nothing.
      view = await this.sources.slos.refreshEntity(entityRef);
    }
    if (!view.loaded) {
      return undefined;
    }
    const entityPolicy = Boolean(
      entity.metadata.annotations?.[
        RELIABILITY_ERROR_BUDGET_POLICY_ANNOTATION
      ]?.trim(),
    );
    const sloPolicies = entityPolicy
      ? new Set<string>()
      : new Set(
          (await this.sources.slos.getEntitySloDefinitions(entityRef))
            .filter(slo => slo.labels[POLICY_LABEL]?.trim())
            .map(slo => slo.id),
        );
    const errors = view.errors.filter(error => error.severity === 'error');
    return {
      filesDeclared: true,
      fileProblemCount: errors.length,
      fileProblemMessages: errors
        .slice(0, MAX_PROBLEM_MESSAGES)
        .map(error => `${error.file}: ${error.message}`),
      slos: view.slos.map(slo => {
        const status = slo.status;
        const measured =
          status?.sliStatus === 'measured' && status.sli !== null;
        const policy = status?.policy.state;
        return {
          id: slo.id,
          name: slo.displayName ?? slo.name,
          objectiveMet: measured
            ? status!.sli! >= slo.objective.target
            : undefined,
          budgetRemainingRatio: status?.budget?.remaining ?? undefined,
          exhausted:
            policy === undefined || policy === 'unknown'
              ? undefined
              : policy === 'exhausted',
          policyDeclared: entityPolicy || sloPolicies.has(slo.id),
        };
      }),
    };
  }

  private async onCallFacts(
    entityRef: string,
    credentials: BackstageCredentials,
    nowMs: number,
  ): Promise<OnCallFacts> {
    const onCall = await this.sources.onCall.getEntityOnCall(
      entityRef,
      credentials,
    );
    if (onCall.status === 'unresolved') {
      return { resolved: false, people: 0 };
    }
    const live = onCall.status === 'ok';
    const facts: OnCallFacts = {
      resolved: true,
      source: onCall.resolution?.source,
      live,
    };
    if (live || onCall.stale) {
      const shifts = await this.sources.onCall
        .getShifts(entityRef, new Date(nowMs - WINDOW_MS), new Date(nowMs))
        .catch(() => []);
      facts.people = countPeople(onCall, shifts);
    }
    return facts;
  }

  private async runbookFacts(
    entityRef: string,
    credentials: BackstageCredentials,
    nowMs: number,
  ): Promise<RunbookFacts> {
    const [view, tree] = await Promise.all([
      this.sources.runbooks.getEntityRunbooks(entityRef, { credentials }),
      this.runbookTreeFacts(entityRef, credentials, nowMs).catch(error => {
        // The tree is one part of the area: the other runbook facts still count.
        this.sources.logger.warn(
          `Scorecard facts: could not read the runbook tree of ${entityRef}: ${stringifyError(
            error,
          )}`,
        );
        return undefined;
      }),
    ]);
    const checks = view.runbooks.map(runbook => runbook.check);
    const allChecked =
      checks.length > 0 &&
      checks.every(check => check && check.outcome !== 'refused');
    const modified = checks
      .map(check =>
        check?.lastModifiedAt ? Date.parse(check.lastModifiedAt) : NaN,
      )
      .filter(ms => !Number.isNaN(ms));
    return {
      count: view.runbooks.length,
      reachableCount: allChecked
        ? checks.filter(check => check?.outcome === 'reachable').length
        : undefined,
      unreachable: view.runbooks
        .filter(runbook => runbook.check?.outcome === 'unreachable')
        .map(runbook => runbook.url ?? runbook.path ?? runbook.title),
      newestUpdateAgeDays:
        modified.length > 0
          ? Math.max(0, (nowMs - Math.max(...modified)) / DAY_MS)
          : undefined,
      pagingAlertsWithoutRunbook: view.pagingAlertsWithoutRunbook.length,
      ...(tree ? { tree } : {}),
    };
  }

  private async runbookTreeFacts(
    entityRef: string,
    credentials: BackstageCredentials,
    nowMs: number,
  ): Promise<RunbookTreeFacts | undefined> {
    const { runbookTrees, pagedAlertNames } = this.sources;
    if (!runbookTrees) {
      return undefined;
    }
    const [freshness, definitions, paged] = await Promise.all([
      runbookTrees.getFreshness(entityRef, { credentials }),
      this.sources.slos.getEntitySloDefinitions(entityRef),
      pagedAlertNames
        ? pagedAlertNames(entityRef, {
            from: new Date(nowMs - WINDOW_MS),
            to: new Date(nowMs),
          })
        : Promise.resolve([]),
    ]);
    const pageAlerts = [
      ...new Set([...sloPageAlerts(definitions), ...paged]),
    ].sort();
    const covered = new Set(
      freshness.runbook?.entryPoints.map(entry => entry.alert) ?? [],
    );
    const age = (ms: number | undefined) =>
      ms === undefined ? undefined : Math.max(0, (nowMs - ms) / DAY_MS);
    return {
      declared: freshness.declared,
      valid: freshness.runbook !== undefined,
      pageAlerts,
      pageAlertsWithoutEntryPoint: pageAlerts.filter(
        name => !covered.has(name),
      ),
      lastWalkedAgeDays: age(freshness.lastWalkedAtMs),
      lastChangedAgeDays: age(freshness.lastChangedAtMs),
      openFlags: freshness.openFlags,
    };
  }

  private async alertQualityFacts(
    entityRef: string,
    nowMs: number,
  ): Promise<AlertQualityFacts> {
    const view = await this.sources.alertQuality.getEntityAlertQuality(
      entityRef,
      { from: new Date(nowMs - WINDOW_MS), to: new Date(nowMs) },
    );
    const { report } = view;
    const load = report.onCallLoad.summary;
    const actionable = report.noise.actionableRatio;
    return {
      pages: report.pagesUsed,
      // Per shift when shifts are known; else the rate per 12 hours over the whole window.
      pagesPerShift:
        load.state === 'known'
          ? load.meanPagesPer12Hours
          : view.pagesPer12Hours,
      actionableRatio:
        actionable.state === 'known' ? actionable.value : undefined,
    };
  }
}

/** The page alerts the SLO files declare: named alerting whose page alert is not disabled. */
function sloPageAlerts(
  definitions: readonly ServiceLevelObjective[],
): string[] {
  return definitions.flatMap(slo => {
    const name = slo.alerting?.name?.trim();
    return name && !slo.alerting?.page.disabled ? [name] : [];
  });
}

interface CatalogContext {
  /** Owner ref to the kind it resolves to (lower case); absent when not in the catalog. */
  ownerKinds: Map<string, string>;
  /** Whether the owner lookup succeeded, so that a missing owner means "not in the catalog". */
  ownersKnown: boolean;
  systemDomains: Map<string, string>;
}

function completeRef(ref: string, kind: string, namespace = 'default') {
  const withKind = ref.includes(':') ? ref : `${kind}:${ref}`;
  const [k, rest] = [
    withKind.slice(0, withKind.indexOf(':')),
    withKind.slice(withKind.indexOf(':') + 1),
  ];
  return `${k}:${
    rest.includes('/') ? rest : `${namespace}/${rest}`
  }`.toLowerCase();
}

/**
 * Distinct people of a rotation: who is on call now and next, everyone in the escalation chain,
 * and everyone who had a shift in the last 30 days. Now and next alone would count a weekly
 * rotation of five as two. Providers name one person in several ways (user ref, email, id,
 * display name), so two mentions sharing any of them are one person.
 */
function countPeople(
  onCall: EntityOnCall,
  shifts: ReadonlyArray<{ user: string }>,
): number {
  const idOfKey = new Map<string, number>();
  let people = 0;
  const add = (keys: Array<string | undefined>) => {
    const known = keys.filter((key): key is string => Boolean(key));
    const normalized = known.map(key => key.trim().toLowerCase());
    let id = normalized
      .map(key => idOfKey.get(key))
      .find(found => found !== undefined);
    if (id === undefined) {
      id = people++;
    }
    for (const key of normalized) {
      idOfKey.set(key, id);
    }
  };
  const addPerson = (person: OnCallPerson) =>
    add([person.userRef, person.email, person.externalId, person.name]);
  for (const assignment of [...onCall.now, ...onCall.next]) {
    addPerson(assignment.person);
  }
  for (const step of onCall.escalationChain) {
    for (const target of step.targets) {
      if (target.type === 'user') {
        add([target.name]);
      }
      for (const person of target.onCall ?? []) {
        addPerson(person);
      }
    }
  }
  for (const shift of shifts) {
    add([shift.user]);
  }
  return people;
}
