import {
  BackstageCredentials,
  HttpAuthService,
  PermissionsService,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { InputError, NotAllowedError, NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  AuthorizeResult,
  BasicPermission,
} from '@backstage/plugin-permission-common';
import {
  reliabilityExemptionApprovePermission,
  reliabilityExemptionRequestPermission,
} from '@reliability/backstage-plugin-common';
import express from 'express';
import { ScorecardService, ScorecardStore } from '../scorecards';

const DAY_MS = 24 * 60 * 60 * 1000;
const MAX_COMMENT = 2000;

/**
 * What the exemption workflow routes need.
 *
 * @internal
 */
export interface ExemptionWorkflowRouteOptions {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  userInfo: UserInfoService;
  catalog: CatalogService;
  scorecards: ScorecardService;
  store: ScorecardStore;
  now?: () => number;
}

type Req = express.Request;
type Handler = (req: Req, res: express.Response) => Promise<void>;

/**
 * Adds the exemption workflow to the router: an owner requests an exemption of one check
 * (`reliability.exemption.request`, and owning the entity), an approver grants or refuses it
 * with a comment (`reliability.exemption.approve`), and everybody who may read the entity sees
 * its requests, exemptions and their whole audit trail.
 *
 * @internal
 */
export function registerExemptionWorkflowRoutes(
  target: {
    get(path: string, handler: express.RequestHandler): unknown;
    post(path: string, handler: express.RequestHandler): unknown;
  },
  options: ExemptionWorkflowRouteOptions,
): void {
  const { httpAuth, permissions, userInfo, catalog, scorecards, store } =
    options;
  const now = options.now ?? Date.now;
  const route =
    (handler: Handler) =>
    (req: Req, res: express.Response, next: express.NextFunction) => {
      handler(req, res).catch(next);
    };
  const credentialsOf = (req: Req) =>
    httpAuth.credentials(req, { allow: ['user', 'service'] });

  async function isAllowed(
    credentials: BackstageCredentials,
    permission: BasicPermission,
  ): Promise<boolean> {
    const [decision] = await permissions.authorize([{ permission }], {
      credentials,
    });
    return decision.result === AuthorizeResult.ALLOW;
  }

  async function readableEntity(
    credentials: BackstageCredentials,
    req: Req,
  ): Promise<Entity> {
    const { kind, namespace, name } = req.params;
    const ref = stringifyEntityRef({ kind, namespace, name });
    const entity = await catalog.getEntityByRef(ref, { credentials });
    if (!entity) {
      throw new NotFoundError(`No entity ${ref} in the catalog`);
    }
    return entity;
  }

  /** Whether the user is, or is a member of, an owner of the entity. */
  async function owns(
    credentials: BackstageCredentials,
    entity: Entity,
  ): Promise<boolean> {
    if ((credentials.principal as { type?: string }).type !== 'user') {
      return false;
    }
    const owners = (entity.relations ?? [])
      .filter(relation => relation.type === 'ownedBy')
      .map(relation => relation.targetRef.toLowerCase());
    // Before the catalog's processors add relations, spec.owner is all there is.
    const specOwner = (entity.spec as { owner?: unknown } | undefined)?.owner;
    if (typeof specOwner === 'string') {
      try {
        owners.push(
          stringifyEntityRef(
            parseEntityRef(specOwner, {
              defaultKind: 'group',
              defaultNamespace: entity.metadata.namespace ?? 'default',
            }),
          ).toLowerCase(),
        );
      } catch {
        // An owner the catalog cannot read makes nobody an owner.
      }
    }
    const { ownershipEntityRefs } = await userInfo.getUserInfo(
      credentials as BackstageCredentials<{
        type: 'user';
        userEntityRef: string;
      }>,
    );
    return ownershipEntityRefs.some(ref => owners.includes(ref.toLowerCase()));
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

  target.get(
    '/entities/:kind/:namespace/:name/exemptions',
    route(async (req, res) => {
      const credentials = await credentialsOf(req);
      const entity = await readableEntity(credentials, req);
      const entityRef = stringifyEntityRef(entity).toLowerCase();
      const [items, audit, mayRequest, mayApprove, isOwner] = await Promise.all(
        [
          store.listExemptions({ entityRef }, now()),
          store.listEntityExemptionAudit(entityRef),
          isAllowed(credentials, reliabilityExemptionRequestPermission),
          isAllowed(credentials, reliabilityExemptionApprovePermission),
          owns(credentials, entity),
        ],
      );
      let requestDenial: string | null = null;
      if (!mayRequest) {
        requestDenial = `Requesting an exemption needs the permission ${reliabilityExemptionRequestPermission.name}`;
      } else if (!isOwner && !mayApprove) {
        requestDenial = `Only the owners of ${entityRef} can request its exemptions`;
      }
      res.json({
        entityRef,
        items,
        audit,
        policy: {
          maxDurationDays: Math.floor(scorecards.maxExemptionMs() / DAY_MS),
          canRequest: requestDenial === null,
          requestDenial,
        },
      });
    }),
  );

  target.post(
    '/entities/:kind/:namespace/:name/exemption-requests',
    route(async (req, res) => {
      const credentials = await credentialsOf(req);
      if (
        !(await isAllowed(credentials, reliabilityExemptionRequestPermission))
      ) {
        throw new NotAllowedError(
          `Requesting a scorecard exemption needs the permission ${reliabilityExemptionRequestPermission.name}`,
        );
      }
      const entity = await readableEntity(credentials, req);
      const entityRef = stringifyEntityRef(entity).toLowerCase();
      if (
        !(await owns(credentials, entity)) &&
        !(await isAllowed(credentials, reliabilityExemptionApprovePermission))
      ) {
        throw new NotAllowedError(
          `Only the owners of ${entityRef} (or an approver with ${reliabilityExemptionApprovePermission.name}) can request its exemptions`,
        );
      }
      const body = bodyOf(req);
      const requested = await scorecards.requestExemption({
        entityRef,
        scorecardId: requiredText(body.scorecardId, 'scorecardId'),
        checkId: requiredText(body.checkId, 'checkId'),
        reason: requiredText(body.reason, 'reason'),
        expiresAt: requiredText(body.expiresAt, 'expiresAt'),
        requestedBy: principalOf(credentials),
      });
      res.status(201).json(requested);
    }),
  );

  target.post(
    '/exemptions/:exemptionId/decision',
    route(async (req, res) => {
      const credentials = await credentialsOf(req);
      if (
        !(await isAllowed(credentials, reliabilityExemptionApprovePermission))
      ) {
        throw new NotAllowedError(
          `Deciding on an exemption request needs the permission ${reliabilityExemptionApprovePermission.name}`,
        );
      }
      const body = bodyOf(req);
      const decision = body.decision;
      if (decision !== 'grant' && decision !== 'refuse') {
        throw new InputError(`'decision' must be "grant" or "refuse"`);
      }
      const comment =
        typeof body.comment === 'string' && body.comment.trim() !== ''
          ? body.comment.trim().slice(0, MAX_COMMENT)
          : undefined;
      if (decision === 'refuse' && !comment) {
        throw new InputError(
          `'comment' is required when refusing: tell the owner why, so they can fix the check or ask again`,
        );
      }
      const existing = await store.getExemption(req.params.exemptionId, now());
      const readable =
        existing &&
        (await catalog.getEntityByRef(existing.entityRef, { credentials }));
      if (!existing || !readable) {
        throw new NotFoundError(
          `No exemption with id '${req.params.exemptionId}'`,
        );
      }
      res.json(
        await scorecards.decideExemption(existing.id, {
          decision,
          by: principalOf(credentials),
          comment,
        }),
      );
    }),
  );
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
