import {
  HttpAuthService,
  LoggerService,
  PermissionsService,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import {
  AuthenticationError,
  InputError,
  isError,
  NotAllowedError,
  NotFoundError,
} from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  generatePrometheusRules,
  parsePrometheusDuration,
  reliabilityAlertTriagePermission,
  reliabilitySliWritePermission,
  toPrometheusRulesYaml,
} from '@reliability/backstage-plugin-common';
import express from 'express';
import { createHash, timingSafeEqual } from 'node:crypto';
import { AlertmanagerReceiver } from '../alerts/AlertmanagerReceiver';
import { AlertQualityService } from '../alerts/AlertQualityService';
import { AlertStore } from '../alerts/AlertStore';
import { OnCallService } from '../oncall/OnCallService';
import { RunbookService } from '../runbooks';
import { ScorecardService, ScorecardStore } from '../scorecards';
import { registerScorecardRoutes } from './scorecardRoutes';
import { registerRunbookTreeRoutes } from './runbookTreeRoutes';
import { RunbookTreeService } from '../runbooks/RunbookTreeService';
import { registerReportRoutes } from './reportRoutes';
import { MonthlyReportService } from '../report/MonthlyReportService';
import {
  registerReleaseGateRoutes,
  ReleaseGateRouteOptions,
} from './releaseGateRoutes';
import { registerExemptionWorkflowRoutes } from './exemptionWorkflowRoutes';
import { registerScorecardAuthoringRoutes } from './scorecardAuthoringRoutes';
import { registerCampaignRoutes } from './campaignRoutes';
import { spec } from '../schema/openapi.generated';
import { parseDateParam, parseIntegerParam } from './requestParams';
import { ReadableEntityCache } from './ReadableEntityCache';
import { jsonBody } from './jsonBody';
import { createPartitionedOpenApiRouter } from './partitionedOpenApiRouter';
import { ReliabilityService } from '../evaluation';

/**
 * Accepts pushed SLI events for a push SLO.
 *
 * @internal
 */
export interface SliEventSink {
  ingest(sloId: string, body: unknown): Promise<{ accepted: number }>;
}

/**
 * What the router needs from the plugin.
 *
 * @internal
 */
export interface RouterOptions {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  catalog: CatalogService;
  logger: LoggerService;
  slos: ReliabilityService;
  events: SliEventSink;
  onCall: OnCallService;
  runbooks: RunbookService;
  alerts: AlertStore;
  alertQuality: AlertQualityService;
  /** Absent when `reliability.alertmanager.webhookToken` is not set. */
  alertmanager?: { receiver: AlertmanagerReceiver; webhookToken: string };
  scorecards: ScorecardService;
  scorecardStore: ScorecardStore;
  /** Decision-tree runbooks: their routes are served when given. */
  runbookTrees?: RunbookTreeService;
  /** The monthly reports; without it `/report` is not served (tests of other routes). */
  reports?: MonthlyReportService;
  /** The release gate's services; its routes are served when given. */
  releaseGate?: Omit<
    ReleaseGateRouteOptions,
    'httpAuth' | 'permissions' | 'catalog'
  >;
  /** Who the caller is and what they own, for exemption requests by owners. */
  userInfo: UserInfoService;
  /**
   * Checks every answer against the responses of `openapi.yaml` (an answer that does not match
   * becomes a 500 naming the field). For tests: it costs time on every request.
   */
  validateResponses?: boolean;
}

function sha256(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}

const DAY_MS = 24 * 60 * 60 * 1000;
const MAX_HISTORY_POINTS = 5000;
const FIRST_CHECK_WAIT_MS = 3000;

/**
 * The plugin's HTTP API under `/api/reliability`, validated against `src/schema/openapi.yaml`.
 * Handlers go credentials → authorize → parse → read model → JSON. Users see only the SLOs of
 * entities the catalog lets them read: unreadable entities answer 404 like unknown ones, so that
 * the API does not reveal what exists.
 *
 * @internal
 */
export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const { httpAuth, permissions, catalog, slos, events } = options;
  const { onCall, runbooks, alerts, alertQuality, alertmanager } = options;
  const validated = createPartitionedOpenApiRouter(spec, {
    // Replaces the validator's default `express.json()` (100 kB). The outer router below parses
    // the body first; body-parser then passes a parsed body on untouched.
    middleware: [jsonBody()],
    validatorOptions: options.validateResponses
      ? { validateResponses: true }
      : undefined,
  });
  const router = validated.routes;
  const readableEntities = new ReadableEntityCache({
    ttlMs: 10_000,
    maxEntries: 10_000,
  });

  router.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });

  async function authorize(
    req: Parameters<HttpAuthService['credentials']>[0],
    permission: typeof reliabilityAlertTriagePermission,
    what: string,
  ) {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const [decision] = await permissions.authorize([{ permission }], {
      credentials,
    });
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(
        `${what} needs the permission ${permission.name}`,
      );
    }
    return credentials;
  }

  async function readableEntityRef(
    req: Parameters<HttpAuthService['credentials']>[0],
    ref: { kind: string; namespace: string; name: string },
  ): Promise<string> {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const entityRef = stringifyEntityRef(ref);
    const readable = await readableEntities.get(
      credentials,
      entityRef,
      async () => {
        const entity = await catalog.getEntityByRef(entityRef, { credentials });
        return entity && stringifyEntityRef(entity);
      },
    );
    if (!readable) {
      throw new NotFoundError(`No entity ${entityRef} in the catalog`);
    }
    return readable;
  }

  async function readableSloEntityRef(
    req: Parameters<HttpAuthService['credentials']>[0],
    sloId: string,
  ): Promise<string> {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    // Unknown and unreadable SLOs answer alike, so the API does not reveal what exists.
    const notFound = new NotFoundError(`No SLO with id '${sloId}'`);
    const slo = await slos.getSlo(sloId).catch(error => {
      throw isError(error) && error.name === 'NotFoundError' ? notFound : error;
    });
    const entity = await catalog.getEntityByRef(slo.entityRef, { credentials });
    if (!entity) {
      throw notFound;
    }
    return slo.entityRef;
  }

  router.get('/entities/:kind/:namespace/:name/slos', async (req, res) => {
    const entityRef = await readableEntityRef(req, req.params);
    let result = await slos.getEntitySlos(entityRef);
    if (!result.loaded) {
      // First visit before the scheduled refresh reached the entity: read its files now.
      result = await slos.refreshEntity(entityRef);
    }
    res.json(result);
  });

  router.post('/entities/:kind/:namespace/:name/refresh', async (req, res) => {
    // Sent by the catalog module when an entity changes, or by a user asking for fresh data.
    const entityRef = await readableEntityRef(req, req.params);
    res.json(await slos.refreshEntity(entityRef));
  });

  router.get('/entities/:kind/:namespace/:name/rules', async (req, res) => {
    const entityRef = await readableEntityRef(req, req.params);
    const definitions = await slos.getEntitySloDefinitions(entityRef);
    const { groups, problems } = generatePrometheusRules(definitions, {});
    if (req.query.format === 'yaml') {
      // The validated router types bodies as JSON; this one answer is YAML text.
      (res as express.Response)
        .type('text/yaml')
        .send(toPrometheusRulesYaml(groups));
      return;
    }
    res.json({
      groups: groups.map(g => ({ ...g })),
      problems: problems.map(p => ({ ...p })),
    });
  });

  router.get('/slos', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const page = await slos.listSlos({
      owner: req.query.owner,
      tier: req.query.tier,
      state: req.query.state,
      limit: parseIntegerParam(req.query.limit, 'limit', {
        min: 1,
        max: 500,
        default: 50,
      }),
      cursor: req.query.cursor,
    });
    // One catalog request per page decides what this caller may see.
    const refs = [...new Set(page.items.map(item => item.entityRef))];
    const { items: entities } =
      refs.length > 0
        ? await catalog.getEntitiesByRefs(
            {
              entityRefs: refs,
              fields: ['kind', 'metadata.name', 'metadata.namespace'],
            },
            { credentials },
          )
        : { items: [] };
    const readable = new Set(
      refs.filter(
        (_ref, index) =>
          entities[index] !== null && entities[index] !== undefined,
      ),
    );
    res.json({
      items: page.items.filter(item => readable.has(item.entityRef)),
      nextCursor: page.nextCursor ?? null,
    });
  });

  router.get('/slos/:sloId/history', async (req, res) => {
    const { sloId } = req.params;
    await readableSloEntityRef(req, sloId);
    const to = parseDateParam(req.query.to, 'to') ?? Date.now();
    const from = parseDateParam(req.query.from, 'from') ?? to - 30 * DAY_MS;
    if (from >= to) {
      throw new InputError(
        "'from' and 'to' must be ISO 8601 date-times with from before to",
      );
    }
    const stepMs = req.query.step
      ? parsePrometheusDuration(req.query.step)
      : // About 300-500 points in whole minutes, the resolution of stored SLI data.
        Math.max(1, Math.ceil((to - from) / 500 / 60_000)) * 60_000;
    if (!stepMs) {
      throw new InputError(
        `'step' must be a duration such as 5m or 1h, got '${req.query.step}'`,
      );
    }
    if ((to - from) / stepMs > MAX_HISTORY_POINTS) {
      throw new InputError(
        `The range and step ask for more than ${MAX_HISTORY_POINTS} points: use a larger step`,
      );
    }
    res.json(
      await slos.getSloHistory(sloId, {
        from: new Date(from),
        to: new Date(to),
        stepMs,
      }),
    );
  });

  router.post('/slos/:sloId/events', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const [decision] = await permissions.authorize(
      [{ permission: reliabilitySliWritePermission }],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(
        `Pushing SLI events needs the permission ${reliabilitySliWritePermission.name}`,
      );
    }
    const result = await events.ingest(req.params.sloId, req.body);
    res.status(202).json(result);
  });

  router.get('/entities/:kind/:namespace/:name/oncall', async (req, res) => {
    const entityRef = await readableEntityRef(req, req.params);
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    res.json(await onCall.getEntityOnCall(entityRef, credentials));
  });

  router.get('/oncall', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const ownerRef = parseRef(req.query.owner, 'owner', 'group');
    res.json(await onCall.getOwnerOnCall(ownerRef, credentials));
  });

  router.get('/entities/:kind/:namespace/:name/runbooks', async (req, res) => {
    const entityRef = await readableEntityRef(req, req.params);
    let view = await runbooks.getEntityRunbooks(entityRef);
    if (view.runbooks.length > 0 && view.runbooks.every(r => !r.check)) {
      // First visit before the scheduled check reached the entity: check now, but answer within
      // a few seconds either way; a slow check goes on and is stored for the next visit.
      const checking = runbooks.checkEntity(entityRef).catch(() => undefined);
      view =
        (await Promise.race([
          checking,
          new Promise<undefined>(resolve =>
            setTimeout(resolve, FIRST_CHECK_WAIT_MS),
          ),
        ])) ?? view;
    }
    res.json(view);
  });

  router.get(
    '/entities/:kind/:namespace/:name/runbooks/:runbookId/content',
    async (req, res) => {
      const entityRef = await readableEntityRef(req, req.params);
      const content = await runbooks.getRunbookContent(
        entityRef,
        req.params.runbookId,
      );
      res.json(content);
    },
  );

  router.get('/entities/:kind/:namespace/:name/alerts', async (req, res) => {
    const entityRef = await readableEntityRef(req, req.params);
    const period = alertPeriod(req.query);
    const items = await alertQuality.listEntityAlerts(
      entityRef,
      period,
      parseIntegerParam(req.query.limit, 'limit', {
        min: 1,
        max: 5000,
        default: 500,
      }),
    );
    res.json({ items });
  });

  router.get(
    '/entities/:kind/:namespace/:name/alert-quality',
    async (req, res) => {
      const entityRef = await readableEntityRef(req, req.params);
      const period = alertPeriod(req.query);
      res.json(await alertQuality.getEntityAlertQuality(entityRef, period));
    },
  );

  router.get('/alert-quality', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const ownerRef = parseRef(req.query.owner, 'owner', 'group');
    const period = alertPeriod(req.query);
    res.json(
      await alertQuality.getOwnerAlertQuality(ownerRef, period, credentials),
    );
  });

  router.post('/alerts/:alertId/triage', async (req, res) => {
    const credentials = await authorize(
      req,
      reliabilityAlertTriagePermission,
      'Marking a page actionable or not',
    );
    const alert = await alerts.getAlert(req.params.alertId);
    // Alerts of entities the caller cannot read answer like unknown ones.
    const entity =
      alert && (await catalog.getEntityByRef(alert.entityRef, { credentials }));
    if (!alert || !entity) {
      throw new NotFoundError(`No alert with id '${req.params.alertId}'`);
    }
    const by =
      credentials.principal.type === 'user'
        ? credentials.principal.userEntityRef
        : `service:${credentials.principal.subject}`;
    const triaged = await alerts.triageAlert(alert.id, {
      actionable: req.body.actionable,
      by,
      atMs: Date.now(),
    });
    if (!triaged) {
      // Removed between the read above and the update (retention).
      throw new NotFoundError(`No alert with id '${req.params.alertId}'`);
    }
    res.json(triaged);
  });

  router.post('/alerts/alertmanager', async (req, res) => {
    // Checked before validation by `alertmanagerAuthentication`; again here, so that the route
    // stays closed should its path and the middleware's ever drift apart.
    const receiver = authenticateAlertmanager(req, alertmanager);
    res.json(await receiver.receive(req.body));
  });

  registerScorecardRoutes(router, {
    httpAuth,
    permissions,
    catalog,
    scorecards: options.scorecards,
    store: options.scorecardStore,
  });
  registerCampaignRoutes(router, {
    httpAuth,
    permissions,
    scorecards: options.scorecards,
  });
  registerScorecardAuthoringRoutes(router, {
    httpAuth,
    permissions,
    scorecards: options.scorecards,
  });
  registerExemptionWorkflowRoutes(router, {
    httpAuth,
    permissions,
    catalog,
    userInfo: options.userInfo,
    scorecards: options.scorecards,
    store: options.scorecardStore,
  });

  if (options.runbookTrees) {
    registerRunbookTreeRoutes(router, {
      httpAuth,
      permissions,
      catalog,
      runbookTrees: options.runbookTrees,
    });
  }
  if (options.reports) {
    registerReportRoutes(router, { httpAuth, reports: options.reports });
  }
  if (options.releaseGate) {
    registerReleaseGateRoutes(router, {
      httpAuth,
      permissions,
      catalog,
      ...options.releaseGate,
    });
  }

  // The webhook's token is checked before its body is read or validated, so that a caller
  // without it learns nothing about the API. Outside the validated router: that one turns every
  // error of its middleware into a 400, which would make a body over the limit a 400, not a 413.
  const outer = express.Router();
  outer.use(alertmanagerAuthentication(alertmanager));
  outer.use(jsonBody());
  outer.use(validated.router);
  return outer;
}

/**
 * The period of an alert query. Its dates are checked here first: `AlertQualityService.period`
 * takes any date JavaScript reads, and one near year -271821 gave a start that is no date (500).
 */
function alertPeriod(query: { from?: string; to?: string }) {
  const to = parseDateParam(query.to, 'to');
  const from = parseDateParam(query.from, 'from');
  return AlertQualityService.period(
    from === undefined ? undefined : new Date(from).toISOString(),
    to === undefined ? undefined : new Date(to).toISOString(),
  );
}

/** The paths express routes to `/alerts/alertmanager`: any case, an optional trailing slash. */
const ALERTMANAGER_PATH = /^\/alerts\/alertmanager\/?$/i;

/**
 * Checks the Alertmanager webhook's bearer token and returns the receiver; throws 404 when the
 * receiver is not enabled and 401 for a missing or wrong token.
 */
function authenticateAlertmanager(
  req: express.Request,
  alertmanager: RouterOptions['alertmanager'],
): AlertmanagerReceiver {
  if (!alertmanager) {
    throw new NotFoundError(
      'The Alertmanager receiver is not enabled: set reliability.alertmanager.webhookToken',
    );
  }
  const header = req.header('authorization') ?? '';
  const token = /^Bearer\s+(.+)$/i.exec(header)?.[1]?.trim() ?? '';
  // Compare digests, so the comparison takes the same time whatever the token.
  if (
    !token ||
    !timingSafeEqual(sha256(token), sha256(alertmanager.webhookToken))
  ) {
    throw new AuthenticationError(
      'The Alertmanager webhook needs the bearer token of reliability.alertmanager.webhookToken',
    );
  }
  return alertmanager.receiver;
}

/** Refuses webhook requests without the token before their body is parsed or validated. */
function alertmanagerAuthentication(
  alertmanager: RouterOptions['alertmanager'],
): express.RequestHandler {
  return (req, _res, next) => {
    if (req.method === 'POST' && ALERTMANAGER_PATH.test(req.path)) {
      try {
        authenticateAlertmanager(req, alertmanager);
      } catch (error) {
        next(error);
        return;
      }
    }
    next();
  };
}

/**
 * Reads an entity ref from a query parameter; the kind defaults to `defaultKind`.
 */
function parseRef(value: string, name: string, defaultKind: string): string {
  try {
    return stringifyEntityRef(
      parseEntityRef(value, { defaultKind, defaultNamespace: 'default' }),
    );
  } catch {
    throw new InputError(
      `'${name}' must be an entity ref such as ${defaultKind}:default/payments, got '${value}'`,
    );
  }
}
