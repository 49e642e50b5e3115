import {
  BackstageCredentials,
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { NotAllowedError, NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  EntityRunbookTreeView,
  reliabilityRunbookFlagCreatePermission,
  reliabilityRunbookFlagResolvePermission,
  RunbookWalkStep,
} from '@reliability/backstage-plugin-common';
import express from 'express';
import { RunbookTreeService } from '../runbooks/RunbookTreeService';
import { parseEnumParam, parseIntegerParam } from './requestParams';

/**
 * What the runbook-tree routes need.
 *
 * @internal
 */
export interface RunbookTreeRouteOptions {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  catalog: CatalogService;
  runbookTrees: RunbookTreeService;
}

/**
 * The router the routes are added to: the validated router of `createRouter` or any express
 * router.
 *
 * @internal
 */
export interface RunbookTreeRouteTarget {
  get(path: string, handler: express.RequestHandler): unknown;
  post(path: string, handler: express.RequestHandler): unknown;
}

type Req = express.Request;

const BASE = '/entities/:kind/:namespace/:name/runbook-tree';

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

/**
 * Adds the routes of decision-tree runbooks: the tree with its problems and freshness, walks,
 * and flags on steps. Every route needs a user or service credential and an entity the caller
 * may read (others answer 404 like unknown ones); flagging needs
 * `reliability.runbook.flag.create`, resolving `reliability.runbook.flag.resolve` for the entity.
 *
 * @internal
 */
export function registerRunbookTreeRoutes(
  target: RunbookTreeRouteTarget,
  options: RunbookTreeRouteOptions,
): void {
  const { httpAuth, permissions, catalog, runbookTrees } = options;
  // Handlers are async; express 4 needs rejections passed on to the error handler.
  const route =
    (handler: (req: Req, res: express.Response) => Promise<void>) =>
    (req: Req, res: express.Response, next: express.NextFunction) => {
      handler(req, res).catch(next);
    };

  const credentialsOf = (req: Req) =>
    httpAuth.credentials(req, { allow: ['user', 'service'] });

  async function readableEntityRef(
    req: Req,
    credentials: BackstageCredentials,
  ): Promise<string> {
    const { kind, namespace, name } = req.params;
    const entityRef = stringifyEntityRef({ kind, namespace, name });
    const entity = await catalog.getEntityByRef(entityRef, { credentials });
    if (!entity) {
      throw new NotFoundError(`No entity ${entityRef} in the catalog`);
    }
    return stringifyEntityRef(entity);
  }

  async function mayFlag(credentials: BackstageCredentials, entityRef: string) {
    const [create, resolve] = await permissions.authorize(
      [
        { permission: reliabilityRunbookFlagCreatePermission },
        {
          permission: reliabilityRunbookFlagResolvePermission,
          resourceRef: entityRef,
        },
      ],
      { credentials },
    );
    return {
      canFlag: create.result === AuthorizeResult.ALLOW,
      canResolveFlags: resolve.result === AuthorizeResult.ALLOW,
    };
  }

  target.get(
    BASE,
    route(async (req, res) => {
      const credentials = await credentialsOf(req);
      const entityRef = await readableEntityRef(req, credentials);
      const [state, allowed] = await Promise.all([
        runbookTrees.getTree(entityRef, { credentials }),
        mayFlag(credentials, entityRef),
      ]);
      const view: EntityRunbookTreeView = { ...state, ...allowed };
      res.json(view);
    }),
  );

  target.get(
    `${BASE}/walks`,
    route(async (req, res) => {
      const credentials = await credentialsOf(req);
      const entityRef = await readableEntityRef(req, credentials);
      const limit = parseIntegerParam(req.query.limit, 'limit', {
        min: 1,
        max: 500,
        default: 50,
      });
      res.json({ items: await runbookTrees.listWalks(entityRef, limit) });
    }),
  );

  target.post(
    `${BASE}/walks`,
    route(async (req, res) => {
      const credentials = await credentialsOf(req);
      const entityRef = await readableEntityRef(req, credentials);
      const body = req.body as { alert?: string; path: RunbookWalkStep[] };
      const walk = await runbookTrees.recordWalk(
        entityRef,
        { alert: body.alert, path: body.path },
        principalOf(credentials),
        { credentials },
      );
      res.status(201).json(walk);
    }),
  );

  target.get(
    `${BASE}/flags`,
    route(async (req, res) => {
      const credentials = await credentialsOf(req);
      const entityRef = await readableEntityRef(req, credentials);
      const status = parseEnumParam(req.query.status, 'status', [
        'open',
        'resolved',
      ] as const);
      res.json({ items: await runbookTrees.listFlags(entityRef, status) });
    }),
  );

  target.post(
    `${BASE}/flags`,
    route(async (req, res) => {
      const credentials = await credentialsOf(req);
      const [decision] = await permissions.authorize(
        [{ permission: reliabilityRunbookFlagCreatePermission }],
        { credentials },
      );
      if (decision.result !== AuthorizeResult.ALLOW) {
        throw new NotAllowedError(
          `Flagging a runbook step needs the permission ${reliabilityRunbookFlagCreatePermission.name}`,
        );
      }
      const entityRef = await readableEntityRef(req, credentials);
      const body = req.body as { node: string; comment: string };
      const flag = await runbookTrees.createFlag(
        entityRef,
        { node: body.node, comment: body.comment },
        principalOf(credentials),
        { credentials },
      );
      res.status(201).json(flag);
    }),
  );

  target.post(
    `${BASE}/flags/:flagId/resolve`,
    route(async (req, res) => {
      const credentials = await credentialsOf(req);
      const entityRef = await readableEntityRef(req, credentials);
      const [decision] = await permissions.authorize(
        [
          {
            permission: reliabilityRunbookFlagResolvePermission,
            resourceRef: entityRef,
          },
        ],
        { credentials },
      );
      if (decision.result !== AuthorizeResult.ALLOW) {
        throw new NotAllowedError(
          `Resolving a runbook flag needs the permission ${reliabilityRunbookFlagResolvePermission.name} for ${entityRef}`,
        );
      }
      const body = (req.body ?? {}) as { comment?: string };
      const flag = await runbookTrees.resolveFlag(
        entityRef,
        req.params.flagId,
        { comment: body.comment },
        principalOf(credentials),
      );
      res.json(flag);
    }),
  );
}
