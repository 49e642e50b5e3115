import {
  BackstageCredentials,
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { InputError, NotAllowedError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  reliabilityCampaignCreatePermission,
  ScorecardAppliesTo,
} from '@reliability/backstage-plugin-common';
import express from 'express';
import { ScorecardService } from '../scorecards';

/**
 * What the campaign lifecycle routes need.
 *
 * @internal
 */
export interface CampaignRouteOptions {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  scorecards: ScorecardService;
}

type Req = express.Request;

/**
 * Adds editing and closing campaigns (`reliability.campaign.create`, the permission that creates
 * them) to the router; creating and reading them are in `scorecardRoutes.ts`.
 *
 * @internal
 */
export function registerCampaignRoutes(
  target: {
    post(path: string, handler: express.RequestHandler): unknown;
  },
  options: CampaignRouteOptions,
): void {
  const { httpAuth, permissions, scorecards } = options;
  const route =
    (handler: (req: Req, res: express.Response) => Promise<void>) =>
    (req: Req, res: express.Response, next: express.NextFunction) => {
      handler(req, res).catch(next);
    };

  async function authorize(req: Req, what: string): Promise<string> {
    const credentials: BackstageCredentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const [decision] = await permissions.authorize(
      [{ permission: reliabilityCampaignCreatePermission }],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(
        `${what} needs the permission ${reliabilityCampaignCreatePermission.name}`,
      );
    }
    const principal = credentials.principal as {
      type: string;
      userEntityRef?: string;
      subject?: string;
    };
    return principal.type === 'user' && principal.userEntityRef
      ? principal.userEntityRef
      : `service:${principal.subject ?? 'unknown'}`;
  }

  target.post(
    '/campaigns/:campaignId',
    route(async (req, res) => {
      const by = await authorize(req, 'Editing a scorecard campaign');
      const body = (req.body ?? {}) as Record<string, unknown>;
      const text = (field: string) => {
        const value = body[field];
        if (typeof value !== 'string' || value.trim() === '') {
          throw new InputError(
            `'${field}' is required and must be non-empty text`,
          );
        }
        return value.trim();
      };
      res.json(
        await scorecards.updateCampaign(
          req.params.campaignId,
          {
            title: text('title'),
            targetLevel: text('targetLevel'),
            dueDate: text('dueDate'),
            filter: body.filter as ScorecardAppliesTo | undefined,
          },
          by,
        ),
      );
    }),
  );

  target.post(
    '/campaigns/:campaignId/close',
    route(async (req, res) => {
      const by = await authorize(req, 'Closing a scorecard campaign');
      res.json(await scorecards.closeCampaign(req.params.campaignId, by));
    }),
  );
}
