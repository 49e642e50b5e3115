import {
  BackstageCredentials,
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError, NotAllowedError, NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  AuthorizeResult,
  BasicPermission,
} from '@backstage/plugin-permission-common';
import {
  reliabilityCampaignCreatePermission,
  reliabilityExemptionApprovePermission,
  reliabilityExemptionCreatePermission,
  rollupScorecardResults,
  ScorecardAppliesTo,
  ScorecardDefinition,
} from '@reliability/backstage-plugin-common';
import express from 'express';
import { writeWithBackpressure } from './writeWithBackpressure';
import {
  countLevelsPerDay,
  csvCell,
  campaignState,
  campaignTeams,
  measureStoredCampaign,
  ScorecardExemptionState,
  ScorecardResultSort,
  scorecardDefinitionView,
  scorecardResultView,
  ScorecardService,
  ScorecardStore,
  StoredScorecardExemption,
  StoredScorecardResult,
  utcDay,
} from '../scorecards';
import {
  parseDateParam,
  parseEnumParam,
  parseIntegerParam,
  parseTextParam,
} from './requestParams';

const DAY_MS = 24 * 60 * 60 * 1000;
const MAX_HISTORY_DAYS = 366;
/** Results read from the store per step of the CSV export. */
const CSV_PAGE_ROWS = 500;
const CATALOG_BATCH = 500;

/**
 * What the scorecard routes need.
 *
 * @internal
 */
export interface ScorecardRouteOptions {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  catalog: CatalogService;
  scorecards: ScorecardService;
  store: ScorecardStore;
  /** For expiry and "now"; the current time by default. */
  now?: () => number;
}

/**
 * The router the routes are added to: the validated router of `createRouter` or any express
 * router. Typed by the two methods used, so that the validated router's typed methods fit.
 *
 * @internal
 */
export interface ScorecardRouteTarget {
  get(path: string, handler: express.RequestHandler): unknown;
  post(path: string, handler: express.RequestHandler): unknown;
}

type Req = express.Request;

/** The entity a `/entities/:kind/:namespace/:name/…` route names. */
function entityRefOfPath(req: Req): string {
  const { kind, namespace, name } = req.params;
  return stringifyEntityRef({ kind, namespace, name });
}

/**
 * Adds the scorecard routes (results, definitions, rollups, history, exemptions, campaigns) to
 * the plugin's router. Every route needs a user or service credential; callers only ever see
 * entities the catalog lets them read (others answer 404 like unknown ones, or are left out of
 * listings); granting or revoking an exemption and creating a campaign need their permission.
 *
 * @internal
 */
export function registerScorecardRoutes(
  target: ScorecardRouteTarget,
  options: ScorecardRouteOptions,
): void {
  const { httpAuth, permissions, catalog, scorecards, store } = options;
  const now = options.now ?? Date.now;
  // Handlers are async; express 4 needs rejections passed on to the error handler.
  const route =
    (handler: (req: Req, res: express.Response) => Promise<void>) =>
    (req: Req, res: express.Response, next: express.NextFunction) => {
      handler(req, res).catch(next);
    };
  const router = {
    get: (
      path: string,
      handler: (req: Req, res: express.Response) => Promise<void>,
    ) => target.get(path, route(handler)),
    post: (
      path: string,
      handler: (req: Req, res: express.Response) => Promise<void>,
    ) => target.post(path, route(handler)),
  };

  const credentialsOf = (req: Req) =>
    httpAuth.credentials(req, { allow: ['user', 'service'] });

  /** The credentials, when any one of `allowed` is granted; `NotAllowedError` otherwise. */
  async function authorize(
    req: Req,
    allowed: BasicPermission | BasicPermission[],
    what: string,
  ): Promise<BackstageCredentials> {
    const credentials = await credentialsOf(req);
    const list = Array.isArray(allowed) ? allowed : [allowed];
    const decisions = await permissions.authorize(
      list.map(permission => ({ permission })),
      { credentials },
    );
    if (!decisions.some(d => d.result === AuthorizeResult.ALLOW)) {
      throw new NotAllowedError(
        `${what} needs the permission ${list
          .map(permission => permission.name)
          .join(' or ')}`,
      );
    }
    return credentials;
  }

  /** The refs among `refs` the caller may read, in lower case. */
  async function readableRefs(
    refs: Iterable<string>,
    credentials: BackstageCredentials,
  ): Promise<Set<string>> {
    const unique = [...new Set(refs)];
    const readable = new Set<string>();
    for (let i = 0; i < unique.length; i += CATALOG_BATCH) {
      const entityRefs = unique.slice(i, i + CATALOG_BATCH);
      const { items } = await catalog.getEntitiesByRefs(
        {
          entityRefs,
          fields: ['kind', 'metadata.name', 'metadata.namespace'],
        },
        { credentials },
      );
      items.forEach((item, index) => {
        if (item) readable.add(entityRefs[index].toLowerCase());
      });
    }
    return readable;
  }

  async function readableEntityRef(
    credentials: BackstageCredentials,
    entityRef: string,
  ): Promise<string> {
    const entity = await catalog.getEntityByRef(entityRef, { credentials });
    if (!entity) {
      throw new NotFoundError(`No entity ${entityRef} in the catalog`);
    }
    return stringifyEntityRef(entity).toLowerCase();
  }

  function scorecardFromPath(id: string): ScorecardDefinition {
    const scorecard = scorecards.getScorecard(id);
    if (!scorecard) {
      throw new NotFoundError(`No scorecard with id '${id}'`);
    }
    return scorecard;
  }

  function scorecardFromQuery(
    value: unknown,
    field: string,
  ): ScorecardDefinition | undefined {
    const id = parseTextParam(value, field);
    if (id === undefined) {
      return undefined;
    }
    const scorecard = scorecards.getScorecard(id);
    if (!scorecard) {
      throw new InputError(
        `'${field}' must name a configured scorecard: one of ${
          scorecards
            .listScorecards()
            .map(known => `"${known.id}"`)
            .join(', ') || '(none)'
        }, got "${id}"`,
      );
    }
    return scorecard;
  }

  function principalOf(credentials: BackstageCredentials): string {
    const principal = credentials.principal as {
      type: string;
      userEntityRef?: string;
      subject?: string;
    };
    return principal.type === 'user' && principal.userEntityRef
      ? principal.userEntityRef
      : `service:${principal.subject ?? 'unknown'}`;
  }

  async function entityView(
    entityRef: string,
    stored: StoredScorecardResult[],
  ) {
    const exemptions = await store.listExemptions({ entityRef }, now());
    return {
      entityRef,
      scorecards: stored.map(item =>
        scorecardResultView(
          item,
          scorecards.getScorecard(item.result.scorecardId),
          exemptions,
        ),
      ),
      exemptions: exemptions.filter(exemption => exemption.state === 'active'),
    };
  }

  router.get(
    '/entities/:kind/:namespace/:name/scorecards',
    async (req, res) => {
      const credentials = await credentialsOf(req);
      const entityRef = await readableEntityRef(
        credentials,
        entityRefOfPath(req),
      );
      let stored = await store.listEntityResults(entityRef);
      if (stored.length === 0 && scorecards.listScorecards().length > 0) {
        // First visit before the scheduled run reached the entity: evaluate it now.
        stored = await scorecards.evaluateEntity(entityRef);
      }
      res.json(await entityView(entityRef, stored));
    },
  );

  router.post(
    '/entities/:kind/:namespace/:name/scorecards/evaluate',
    async (req, res) => {
      const credentials = await credentialsOf(req);
      const entityRef = await readableEntityRef(
        credentials,
        entityRefOfPath(req),
      );
      const stored = await scorecards.evaluateEntity(entityRef);
      res.json(await entityView(entityRef, stored));
    },
  );

  router.get('/scorecards', async (req, res) => {
    await credentialsOf(req);
    const checks = scorecards.checks();
    res.json({
      items: scorecards
        .listScorecards()
        .map(scorecard => scorecardDefinitionView(scorecard, checks)),
    });
  });

  function listingQuery(query: Record<string, unknown>) {
    const scorecard = scorecardFromQuery(query.scorecard, 'scorecard');
    const owner = parseTextParam(query.owner, 'owner');
    const tier = parseIntegerParam(query.tier, 'tier', { min: 1, max: 4 });
    const levelText = parseTextParam(query.level, 'level');
    let level: string | null | undefined;
    if (levelText !== undefined) {
      const known = (
        scorecard ? [scorecard] : scorecards.listScorecards()
      ).flatMap(candidate => candidate.levels.map(l => l.name));
      if (levelText.toLowerCase() === 'none') {
        level = null;
      } else if (
        known.some(name => name.toLowerCase() === levelText.toLowerCase())
      ) {
        level = levelText;
      } else {
        throw new InputError(
          `'level' must be "none" or a level of ${
            scorecard ? `scorecard "${scorecard.id}"` : 'a scorecard'
          }: one of ${[...new Set(known)]
            .map(name => `"${name}"`)
            .join(', ')}, got "${levelText}"`,
        );
      }
    }
    const sort = parseEnumParam<ScorecardResultSort>(
      query.sort,
      'sort',
      ['entity', 'level', 'owner', 'evaluatedAt'],
      'entity',
    );
    const order = parseEnumParam(query.order, 'order', ['asc', 'desc'], 'asc');
    const exempted = parseEnumParam(query.exempted, 'exempted', [
      'true',
      'false',
    ]);
    return {
      exemptedAt: exempted === 'true' ? now() : undefined,
      scorecardId: scorecard?.id,
      ownerRef:
        owner === undefined ? undefined : parseRef(owner, 'owner', 'group'),
      tier,
      kind: parseTextParam(query.kind, 'kind'),
      level,
      sort,
      order,
    };
  }

  router.get('/scorecards/results', async (req, res) => {
    const credentials = await credentialsOf(req);
    const query = listingQuery(req.query);
    const page = await store.listResults({
      ...query,
      limit: parseIntegerParam(req.query.limit, 'limit', {
        min: 1,
        max: 500,
        default: 50,
      }),
      cursor: parseTextParam(req.query.cursor, 'cursor'),
    });
    const readable = await readableRefs(
      page.items.map(item => item.result.entityRef),
      credentials,
    );
    const visible = page.items.filter(item =>
      readable.has(item.result.entityRef),
    );
    // The exemptions in force now, so that each exempt check shows its reason and expiry.
    const exemptionsOf = new Map<string, StoredScorecardExemption[]>();
    if (visible.some(item => item.result.checks.some(c => c.exemption))) {
      for (const exemption of await store.listActiveExemptions(now())) {
        const list = exemptionsOf.get(exemption.entityRef) ?? [];
        list.push(exemption);
        exemptionsOf.set(exemption.entityRef, list);
      }
    }
    res.json({
      items: visible.map(item =>
        scorecardResultView(
          item,
          scorecards.getScorecard(item.result.scorecardId),
          exemptionsOf.get(item.result.entityRef),
        ),
      ),
      nextCursor: page.nextCursor ?? null,
    });
  });

  router.get('/scorecards/results.csv', async (req, res) => {
    const credentials = await credentialsOf(req);
    const query = listingQuery(req.query);
    const header = [
      'scorecard',
      'entity',
      'owner',
      'system',
      'domain',
      'tier',
      'level',
      'failed_checks',
      'unknown_checks',
      'exempt_checks',
      'evaluated_at',
    ].join(',');
    const readPage = (cursor: string | undefined) =>
      store.listResults({ ...query, limit: CSV_PAGE_ROWS, cursor });
    // The first page is read before anything is sent, so that a bad cursor or a store that is
    // down still gets its error answer rather than an empty file.
    let page = await readPage(parseTextParam(req.query.cursor, 'cursor'));
    const response = res as express.Response;
    response
      .status(200)
      .type('text/csv; charset=utf-8')
      .setHeader(
        'Content-Disposition',
        'attachment; filename="scorecard-results.csv"',
      );
    // Every row, page by page: the whole catalog (100,000 entities is about 15 MB) is never held
    // at once, and a slow client holds the reading back instead of filling memory.
    try {
      await writeWithBackpressure(response, `${header}\r\n`);
      for (;;) {
        const readable = await readableRefs(
          page.items.map(item => item.result.entityRef),
          credentials,
        );
        const lines = page.items.flatMap(({ result, entity, evaluatedAt }) => {
          if (!readable.has(result.entityRef)) {
            return [];
          }
          const ids = (status: string) =>
            result.checks
              .filter(check => check.status === status)
              .map(check => check.id)
              .join(' ');
          return [
            [
              result.scorecardId,
              result.entityRef,
              result.ownerRef,
              result.systemRef,
              result.domainRef,
              entity.tier,
              result.level,
              ids('fail'),
              ids('unknown'),
              ids('exempt'),
              evaluatedAt,
            ]
              .map(csvCell)
              .join(','),
          ];
        });
        if (lines.length > 0) {
          await writeWithBackpressure(response, `${lines.join('\r\n')}\r\n`);
        }
        if (!page.nextCursor || response.destroyed) {
          break;
        }
        page = await readPage(page.nextCursor);
      }
      response.end();
    } catch (error) {
      // The status line is sent: cutting the transfer off is how the client learns the file is
      // incomplete, rather than taking a short file for the whole.
      response.destroy(
        error instanceof Error ? error : new Error(String(error)),
      );
    }
  });

  router.get('/scorecards/:scorecardId/rollups', async (req, res) => {
    const credentials = await credentialsOf(req);
    const scorecard = scorecardFromPath(req.params.scorecardId);
    const groupBy = parseEnumParam(
      req.query.groupBy,
      'groupBy',
      ['owner', 'system', 'domain'],
      'owner',
    );
    const stored = await store.listScorecardResults(scorecard.id);
    const readable = await readableRefs(
      stored.map(item => item.result.entityRef),
      credentials,
    );
    const groups = rollupScorecardResults(
      stored
        .filter(item => readable.has(item.result.entityRef))
        .map(item => item.result),
      groupBy,
    );
    res.json({
      scorecardId: scorecard.id,
      groupBy,
      groups: groups.map(group => ({ ...group, key: group.key ?? null })),
    });
  });

  router.get('/scorecards/:scorecardId/history', async (req, res) => {
    const credentials = await credentialsOf(req);
    const scorecard = scorecardFromPath(req.params.scorecardId);
    const toMs = parseDateParam(req.query.to, 'to') ?? now();
    const fromMs = parseDateParam(req.query.from, 'from') ?? toMs - 90 * DAY_MS;
    if (fromMs >= toMs || toMs - fromMs > MAX_HISTORY_DAYS * DAY_MS) {
      throw new InputError(
        `'from' must be before 'to', and the range at most ${MAX_HISTORY_DAYS} days`,
      );
    }
    const entityText = parseTextParam(req.query.entityRef, 'entityRef');
    const entityRef =
      entityText === undefined
        ? undefined
        : await readableEntityRef(
            credentials,
            parseRef(entityText, 'entityRef', 'component'),
          );
    const ownerText = parseTextParam(req.query.owner, 'owner');
    const ownerRef =
      ownerText === undefined
        ? undefined
        : parseRef(ownerText, 'owner', 'group');
    const daily = await store.listDailyLevels({
      scorecardId: scorecard.id,
      fromDay: utcDay(fromMs),
      toDay: utcDay(toMs),
      entityRef,
      ownerRef,
    });
    const readable = await readableRefs(
      daily.map(row => row.entityRef),
      credentials,
    );
    res.json({
      scorecardId: scorecard.id,
      from: new Date(fromMs).toISOString(),
      to: new Date(toMs).toISOString(),
      days: countLevelsPerDay(
        daily.filter(row => readable.has(row.entityRef)),
        scorecard,
      ),
      changes: entityRef
        ? (
            await store.listHistory({
              scorecardId: scorecard.id,
              entityRef,
              fromMs,
              toMs,
            })
          )
            .filter(entry => entry.reason === 'change')
            .map(entry => ({
              recordedAt: entry.recordedAt,
              level: entry.level ?? null,
              levelIndex: entry.levelIndex,
              checks: entry.checks,
            }))
        : null,
    });
  });

  router.get('/exemptions', async (req, res) => {
    const credentials = await credentialsOf(req);
    const scorecard = scorecardFromQuery(req.query.scorecard, 'scorecard');
    const entityText = parseTextParam(req.query.entityRef, 'entityRef');
    const state = parseEnumParam<ScorecardExemptionState>(
      req.query.state,
      'state',
      ['pending', 'active', 'refused', 'expired', 'revoked'],
    );
    const exemptions = await store.listExemptions(
      {
        entityRef:
          entityText === undefined
            ? undefined
            : parseRef(entityText, 'entityRef', 'component'),
        scorecardId: scorecard?.id,
        state,
      },
      now(),
    );
    const readable = await readableRefs(
      exemptions.map(exemption => exemption.entityRef),
      credentials,
    );
    res.json({
      items: exemptions.filter(exemption => readable.has(exemption.entityRef)),
    });
  });

  router.post('/exemptions', async (req, res) => {
    const credentials = await authorize(
      req,
      reliabilityExemptionCreatePermission,
      'Granting a scorecard exemption',
    );
    const body = bodyOf(req);
    const entityRef = await readableEntityRef(
      credentials,
      parseRef(
        requiredText(body.entityRef, 'entityRef'),
        'entityRef',
        'component',
      ),
    );
    const exemption = await scorecards.grantExemption({
      entityRef,
      scorecardId: requiredText(body.scorecardId, 'scorecardId'),
      checkId: requiredText(body.checkId, 'checkId'),
      reason: requiredText(body.reason, 'reason'),
      expiresAt: requiredText(body.expiresAt, 'expiresAt'),
      grantedBy: principalOf(credentials),
    });
    res.status(201).json(exemption);
  });

  async function readableExemption(
    credentials: BackstageCredentials,
    id: string,
  ) {
    const exemption = await store.getExemption(id, now());
    // Exemptions of entities the caller cannot read answer like unknown ones.
    const readable =
      exemption &&
      (await readableRefs([exemption.entityRef], credentials)).has(
        exemption.entityRef,
      );
    if (!exemption || !readable) {
      throw new NotFoundError(`No exemption with id '${id}'`);
    }
    return exemption;
  }

  router.post('/exemptions/:exemptionId/revoke', async (req, res) => {
    const credentials = await authorize(
      req,
      [
        reliabilityExemptionApprovePermission,
        reliabilityExemptionCreatePermission,
      ],
      'Revoking a scorecard exemption',
    );
    const exemption = await readableExemption(
      credentials,
      req.params.exemptionId,
    );
    res.json(
      await scorecards.revokeExemption(exemption.id, principalOf(credentials)),
    );
  });

  router.get('/exemptions/:exemptionId/audit', async (req, res) => {
    const credentials = await credentialsOf(req);
    const exemption = await readableExemption(
      credentials,
      req.params.exemptionId,
    );
    res.json({
      exemption,
      items: await store.listExemptionAudit(exemption.id),
    });
  });

  router.get('/campaigns', async (req, res) => {
    await credentialsOf(req);
    res.json({ items: await store.listCampaigns() });
  });

  router.post('/campaigns', async (req, res) => {
    const credentials = await authorize(
      req,
      reliabilityCampaignCreatePermission,
      'Creating a scorecard campaign',
    );
    const body = bodyOf(req);
    const campaign = await scorecards.createCampaign({
      id: requiredText(body.id, 'id'),
      title: requiredText(body.title, 'title'),
      scorecardId: requiredText(body.scorecardId, 'scorecardId'),
      targetLevel: requiredText(body.targetLevel, 'targetLevel'),
      filter: body.filter as ScorecardAppliesTo | undefined,
      dueDate: requiredText(body.dueDate, 'dueDate'),
      createdBy: principalOf(credentials),
    });
    res.status(201).json(campaign);
  });

  router.get('/campaigns/:campaignId/progress', async (req, res) => {
    const credentials = await credentialsOf(req);
    const campaign = await store.getCampaign(req.params.campaignId);
    if (!campaign) {
      throw new NotFoundError(`No campaign with id '${req.params.campaignId}'`);
    }
    const history = (await store.listCampaignProgress(campaign.id)).map(
      point => ({
        day: point.day,
        entities: point.entities,
        atOrAboveTarget: point.atOrAboveTarget,
        share:
          point.entities > 0 ? point.atOrAboveTarget / point.entities : null,
      }),
    );
    const scorecard = scorecards.getScorecard(campaign.scorecardId);
    if (!scorecard) {
      res.json({
        campaign,
        state: campaign.closedAt ? 'closed' : 'late',
        entities: 0,
        atOrAboveTarget: 0,
        share: null,
        teams: [],
        remaining: [],
        daysLeft: null,
        overdue: false,
        problem: `the scorecard "${campaign.scorecardId}" is not configured any more`,
        history,
      });
      return;
    }
    const stored = await store.listScorecardResults(scorecard.id);
    const readable = await readableRefs(
      stored.map(item => item.result.entityRef),
      credentials,
    );
    const visible = stored.filter(item => readable.has(item.result.entityRef));
    const progress = measureStoredCampaign(campaign, scorecard, visible, now());
    const byRef = new Map(visible.map(item => [item.result.entityRef, item]));
    const remaining = new Set(progress.remaining);
    const inScope = new Set(progress.inScope);
    const targetIndex = scorecard.levels.findIndex(
      level => level.name === campaign.targetLevel,
    );
    res.json({
      campaign,
      state: campaignState(campaign, progress, now()),
      entities: progress.entities,
      atOrAboveTarget: progress.atOrAboveTarget,
      share: progress.share ?? null,
      teams: campaignTeams(
        visible.filter(item => inScope.has(item.result.entityRef)),
        remaining,
      ),
      remaining: progress.remaining.map(entityRef => ({
        entityRef,
        ownerRef: byRef.get(entityRef)?.result.ownerRef ?? null,
        level: byRef.get(entityRef)?.result.level ?? null,
        // What keeps it below the target: the failing checks of the levels up to the target.
        failing: (byRef.get(entityRef)?.result.levels ?? [])
          .slice(0, targetIndex + 1)
          .flatMap(level => [...level.failed, ...level.unknown]),
      })),
      daysLeft: progress.daysLeft ?? null,
      overdue: progress.overdue,
      problem: progress.problem ?? null,
      history,
    });
  });
}

function bodyOf(req: Req): Record<string, unknown> {
  const body = req.body;
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw new InputError('The request body must be a JSON object');
  }
  return body;
}

function requiredText(value: unknown, field: string): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new InputError(`'${field}' is required and must be non-empty text`);
  }
  return value.trim();
}

/** Reads an entity ref; the kind defaults to `defaultKind`. Lower case, as results store it. */
function parseRef(value: string, field: string, defaultKind: string): string {
  try {
    return stringifyEntityRef(
      parseEntityRef(value, { defaultKind, defaultNamespace: 'default' }),
    ).toLowerCase();
  } catch {
    throw new InputError(
      `'${field}' must be an entity ref such as ${defaultKind}:default/payments, got "${value}"`,
    );
  }
}
