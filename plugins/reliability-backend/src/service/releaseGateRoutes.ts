import {
  AuthService,
  BackstageCredentials,
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import {
  AuthenticationError,
  ConflictError,
  InputError,
  NotAllowedError,
  NotFoundError,
} from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  AuthorizeResult,
  BasicPermission,
} from '@backstage/plugin-permission-common';
import {
  parseBudgetAdjustmentRrule,
  parsePrometheusDuration,
  reliabilityBudgetAdjustmentPermission,
  reliabilityReleaseOverridePermission,
  RELIABILITY_FLAGGER_CANARY_ANNOTATION,
} from '@reliability/backstage-plugin-common';
import express from 'express';
import { createHash, timingSafeEqual } from 'node:crypto';
import { ReleaseGateStore } from '../database/ReleaseGateStore';
import { ReliabilityService } from '../evaluation';
import { FILE_ADJUSTMENT_ID_PREFIX } from '../evaluation/budgetAdjustmentViews';
import { parseFlaggerWebhook, ReleaseGateService } from '../release';
import {
  parseDateParam,
  parseEnumParam,
  parseIntegerParam,
  parseTextParam,
} from './requestParams';

const DAY_MS = 24 * 60 * 60 * 1000;
const MAX_ADJUSTMENT_MS = 31 * DAY_MS;

/**
 * What the release gate routes need.
 *
 * @internal
 */
export interface ReleaseGateRouteOptions {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  catalog: CatalogService;
  auth: AuthService;
  gate: ReleaseGateService;
  store: ReleaseGateStore;
  slos: ReliabilityService;
  /** `reliability.release.flagger.webhookToken`; the Flagger webhook answers 404 without it. */
  flaggerWebhookToken?: string;
  /** The longest override, days. */
  maxOverrideDays: number;
  now?: () => number;
}

/**
 * The router the routes are added to (the validated router of `createRouter`).
 *
 * @internal
 */
export interface ReleaseGateRouteTarget {
  get(path: string, handler: express.RequestHandler): unknown;
  post(path: string, handler: express.RequestHandler): unknown;
}

type Req = express.Request;
type Res = express.Response;

function sha256(text: string): Buffer {
  return createHash('sha256').update(text).digest();
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

function bodyOf(req: Req): Record<string, unknown> {
  const body = req.body;
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw new InputError('The request body must be a JSON object');
  }
  return body;
}

function requiredText(value: unknown, field: string, max = 2000): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new InputError(`'${field}' is required and must be non-empty text`);
  }
  if (value.length > max) {
    throw new InputError(`'${field}' must be at most ${max} characters`);
  }
  return value.trim();
}

/**
 * Adds the release gate's routes: the decision for an entity (with `?release=<kind>`), its
 * recent decisions, overrides (granting and revoking need `reliability.release.override`) with
 * their audit, the blocked entities, budget adjustments (declaring and withdrawing need
 * `reliability.budget-adjustment.create`) with their audit, and Flagger's webhook, which
 * authenticates with the token of `reliability.release.flagger.webhookToken`.
 *
 * @internal
 */
export function registerReleaseGateRoutes(
  target: ReleaseGateRouteTarget,
  options: ReleaseGateRouteOptions,
): void {
  const { httpAuth, permissions, catalog, gate, store, slos } = options;
  const now = options.now ?? Date.now;
  const route =
    (handler: (req: Req, res: Res) => Promise<void>) =>
    (req: Req, res: Res, next: express.NextFunction) => {
      handler(req, res).catch(next);
    };
  const router = {
    get: (path: string, handler: (req: Req, res: Res) => Promise<void>) =>
      target.get(path, route(handler)),
    post: (path: string, handler: (req: Req, res: Res) => Promise<void>) =>
      target.post(path, route(handler)),
  };
  const credentialsOf = (req: Req) =>
    httpAuth.credentials(req, { allow: ['user', 'service'] });

  async function authorize(
    req: Req,
    permission: BasicPermission,
    what: string,
  ): Promise<BackstageCredentials> {
    const credentials = await credentialsOf(req);
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

  const entityRefOfPath = (req: Req) =>
    stringifyEntityRef({
      kind: req.params.kind,
      namespace: req.params.namespace,
      name: req.params.name,
    });

  async function readableRef(
    credentials: BackstageCredentials,
    entityRef: string,
  ): Promise<string> {
    const entity = await gate.readableEntity(entityRef, credentials);
    return stringifyEntityRef(entity).toLowerCase();
  }

  async function readableRefs(
    refs: string[],
    credentials: BackstageCredentials,
  ): Promise<Set<string>> {
    const unique = [...new Set(refs)];
    const readable = new Set<string>();
    for (let i = 0; i < unique.length; i += 500) {
      const entityRefs = unique.slice(i, i + 500);
      const { items } = await catalog.getEntitiesByRefs(
        { entityRefs, fields: ['kind', 'metadata.name', 'metadata.namespace'] },
        { credentials },
      );
      items.forEach((item, index) => {
        if (item) readable.add(entityRefs[index].toLowerCase());
      });
    }
    return readable;
  }

  router.get('/gate/blocked', async (req, res) => {
    const credentials = await credentialsOf(req);
    const blocked = await store.listBlockedEntities();
    const readable = await readableRefs(
      blocked.map(b => b.entityRef),
      credentials,
    );
    res.json({ items: blocked.filter(b => readable.has(b.entityRef)) });
  });

  router.post('/gate/flagger', async (req, res) => {
    const token = options.flaggerWebhookToken;
    if (!token) {
      throw new NotFoundError(
        "Flagger's webhook is not enabled: set reliability.release.flagger.webhookToken",
      );
    }
    // Flagger sends no headers of its own: the token rides in the webhook's metadata. A proxy
    // may send it as a bearer token instead.
    const body = req.body as { metadata?: Record<string, unknown> } | undefined;
    const given =
      (typeof body?.metadata?.token === 'string' ? body.metadata.token : '') ||
      (/^Bearer\s+(.+)$/i.exec(req.header('authorization') ?? '')?.[1] ?? '');
    if (!given || !timingSafeEqual(sha256(given), sha256(token))) {
      throw new AuthenticationError(
        "Flagger's webhook needs the token of reliability.release.flagger.webhookToken in its metadata (token: …)",
      );
    }
    const call = parseFlaggerWebhook(req.body);
    const credentials = await options.auth.getOwnServiceCredentials();
    let entityRef: string;
    if (call.metadata.entity) {
      try {
        entityRef = stringifyEntityRef(
          parseEntityRef(call.metadata.entity, {
            defaultKind: 'component',
            defaultNamespace: 'default',
          }),
        );
      } catch {
        throw new InputError(
          `metadata.entity must be an entity ref such as component:default/checkout, got "${call.metadata.entity}"`,
        );
      }
    } else {
      const canary = `${call.namespace}/${call.name}`;
      const { items } = await catalog.queryEntities(
        {
          filter: {
            [`metadata.annotations.${RELIABILITY_FLAGGER_CANARY_ANNOTATION}`]:
              canary,
          },
          fields: ['kind', 'metadata.namespace', 'metadata.name'],
          limit: 2,
        },
        { credentials },
      );
      if (items.length !== 1) {
        throw new NotFoundError(
          items.length === 0
            ? `No entity is annotated ${RELIABILITY_FLAGGER_CANARY_ANNOTATION}: ${canary}; annotate the entity or set metadata.entity in the webhook`
            : `Several entities are annotated ${RELIABILITY_FLAGGER_CANARY_ANNOTATION}: ${canary}; set metadata.entity in the webhook`,
        );
      }
      entityRef = stringifyEntityRef(items[0]);
    }
    const answer = await gate.decide(entityRef, {
      releaseKind: call.metadata.release || undefined,
      requestedBy: `flagger:${call.namespace}/${call.name}`,
      via: `flagger:${call.type}`,
      credentials,
    });
    if (!answer.allowed) {
      // Flagger halts the rollout on any answer other than 2xx and shows the body in its events.
      throw new NotAllowedError(answer.summary);
    }
    res.json({
      proceed: true,
      decision: answer.decision,
      summary: answer.summary,
      entityRef: answer.entityRef,
    });
  });

  router.get('/gate/:kind/:namespace/:name', async (req, res) => {
    const credentials = await credentialsOf(req);
    const releaseKind = parseTextParam(req.query.release, 'release');
    const preview =
      parseEnumParam(
        req.query.preview,
        'preview',
        ['true', 'false'],
        'false',
      ) === 'true';
    if (preview) {
      const entity = await gate.readableEntity(
        entityRefOfPath(req),
        credentials,
      );
      res.json(await gate.decideFor(entity, releaseKind));
      return;
    }
    const answer = await gate.decide(entityRefOfPath(req), {
      releaseKind,
      requestedBy: principalOf(credentials),
      via: 'api',
      credentials,
    });
    res.json(answer);
  });

  router.get('/gate/:kind/:namespace/:name/decisions', async (req, res) => {
    const credentials = await credentialsOf(req);
    const entityRef = await readableRef(credentials, entityRefOfPath(req));
    const limit = parseIntegerParam(req.query.limit, 'limit', {
      min: 1,
      max: 200,
      default: 20,
    });
    res.json({ items: await store.listDecisions(entityRef, limit) });
  });

  router.get('/gate/:kind/:namespace/:name/overrides', async (req, res) => {
    const credentials = await credentialsOf(req);
    const entityRef = await readableRef(credentials, entityRefOfPath(req));
    const state = parseEnumParam(req.query.state, 'state', [
      'active',
      'expired',
      'revoked',
    ]);
    res.json({
      items: await store.listOverrides({ entityRef, state }, now()),
    });
  });

  router.post('/gate/:kind/:namespace/:name/overrides', async (req, res) => {
    const credentials = await authorize(
      req,
      reliabilityReleaseOverridePermission,
      'Granting a release override',
    );
    const entityRef = await readableRef(credentials, entityRefOfPath(req));
    const body = bodyOf(req);
    const reason = requiredText(body.reason, 'reason');
    const expiresAtMs = parseDateParam(
      requiredText(body.expiresAt, 'expiresAt', 64),
      'expiresAt',
    )!;
    const nowMs = now();
    const maxMs = options.maxOverrideDays * DAY_MS;
    if (expiresAtMs <= nowMs || expiresAtMs > nowMs + maxMs) {
      throw new InputError(
        `'expiresAt' must be in the future and at most ${options.maxOverrideDays} days away (reliability.release.maxOverrideDays)`,
      );
    }
    const override = await store.grantOverride(
      { entityRef, reason, approver: principalOf(credentials), expiresAtMs },
      nowMs,
    );
    res.status(201).json(override);
  });

  async function readableOverride(
    credentials: BackstageCredentials,
    id: string,
  ) {
    const override = await store.getOverride(id, now());
    const readable =
      override &&
      (await readableRefs([override.entityRef], credentials)).has(
        override.entityRef,
      );
    if (!override || !readable) {
      throw new NotFoundError(`No release override with id '${id}'`);
    }
    return override;
  }

  router.post('/release-overrides/:overrideId/revoke', async (req, res) => {
    const credentials = await authorize(
      req,
      reliabilityReleaseOverridePermission,
      'Revoking a release override',
    );
    const override = await readableOverride(credentials, req.params.overrideId);
    res.json(
      await store.revokeOverride(override.id, principalOf(credentials), now()),
    );
  });

  router.get('/release-overrides/:overrideId/audit', async (req, res) => {
    const credentials = await credentialsOf(req);
    const override = await readableOverride(credentials, req.params.overrideId);
    res.json({ override, items: await store.listOverrideAudit(override.id) });
  });

  async function readableSlo(credentials: BackstageCredentials, sloId: string) {
    const slo = await slos.getSlo(sloId);
    const readable = (await readableRefs([slo.entityRef], credentials)).has(
      slo.entityRef.toLowerCase(),
    );
    if (!readable) {
      throw new NotFoundError(`No SLO with id '${sloId}'`);
    }
    return slo;
  }

  router.get('/slos/:sloId/budget-adjustments', async (req, res) => {
    const credentials = await credentialsOf(req);
    const slo = await readableSlo(credentials, req.params.sloId);
    // One list: those of the SLO's files first (changed by editing the files), then the API's.
    const declared = await store.listAdjustments({ sloId: slo.id });
    res.json({
      items: [
        ...(slo.budgetAdjustments ?? []),
        ...declared.map(adjustment => ({
          ...adjustment,
          source: 'api' as const,
        })),
      ],
    });
  });

  router.post('/slos/:sloId/budget-adjustments', async (req, res) => {
    const credentials = await authorize(
      req,
      reliabilityBudgetAdjustmentPermission,
      'Declaring a budget adjustment',
    );
    const slo = await readableSlo(credentials, req.params.sloId);
    const body = bodyOf(req);
    const firstEventStartMs = parseDateParam(
      requiredText(body.firstEventStart, 'firstEventStart', 64),
      'firstEventStart',
    )!;
    const durationText = requiredText(body.duration, 'duration', 32);
    const durationMs = parsePrometheusDuration(durationText);
    if (!durationMs || durationMs <= 0 || durationMs > MAX_ADJUSTMENT_MS) {
      throw new InputError(
        `'duration' must be a duration such as 2h or 30m, up to 31d, got "${durationText}"`,
      );
    }
    let rrule: string | null = null;
    if (body.rrule !== undefined && body.rrule !== null) {
      rrule = requiredText(body.rrule, 'rrule', 200);
      const rule = parseBudgetAdjustmentRrule(rrule);
      if ('problem' in rule) {
        throw new InputError(`'rrule' is not supported: ${rule.problem}`);
      }
    }
    const adjustment = await store.createAdjustment(
      {
        sloId: slo.id,
        entityRef: slo.entityRef,
        name: requiredText(body.name, 'name', 200),
        description:
          body.description === undefined || body.description === null
            ? null
            : requiredText(body.description, 'description'),
        firstEventStart: new Date(firstEventStartMs).toISOString(),
        durationMs,
        rrule,
        createdBy: principalOf(credentials),
      },
      now(),
    );
    res.status(201).json(adjustment);
  });

  async function readableAdjustment(
    credentials: BackstageCredentials,
    id: string,
  ) {
    if (id.startsWith(FILE_ADJUSTMENT_ID_PREFIX)) {
      throw new ConflictError(
        `The budget adjustment '${id}' is declared in an SLO file: remove or change its BudgetAdjustment document there (the API withdraws only adjustments declared through it)`,
      );
    }
    const adjustment = await store.getAdjustment(id);
    const readable =
      adjustment &&
      (await readableRefs([adjustment.entityRef], credentials)).has(
        adjustment.entityRef,
      );
    if (!adjustment || !readable) {
      throw new NotFoundError(`No budget adjustment with id '${id}'`);
    }
    return adjustment;
  }

  router.post(
    '/budget-adjustments/:adjustmentId/withdraw',
    async (req, res) => {
      const credentials = await authorize(
        req,
        reliabilityBudgetAdjustmentPermission,
        'Withdrawing a budget adjustment',
      );
      const adjustment = await readableAdjustment(
        credentials,
        req.params.adjustmentId,
      );
      res.json(
        await store.withdrawAdjustment(
          adjustment.id,
          principalOf(credentials),
          now(),
        ),
      );
    },
  );

  router.get('/budget-adjustments/:adjustmentId/audit', async (req, res) => {
    const credentials = await credentialsOf(req);
    const adjustment = await readableAdjustment(
      credentials,
      req.params.adjustmentId,
    );
    res.json({
      adjustment,
      items: await store.listAdjustmentAudit(adjustment.id),
    });
  });
}
