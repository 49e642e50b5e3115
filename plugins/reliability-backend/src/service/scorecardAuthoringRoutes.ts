import {
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { InputError, NotAllowedError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  formatScorecardDefinitionProblem,
  reliabilityScorecardDryRunPermission,
} from '@reliability/backstage-plugin-common';
import express from 'express';
import { ScorecardService } from '../scorecards';

/**
 * What the scorecard authoring routes need.
 *
 * @internal
 */
export interface ScorecardAuthoringRouteOptions {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  scorecards: ScorecardService;
}

type Req = express.Request;

/**
 * Adds the routes of scorecards as code: the state of the definition files (problems with file,
 * line and key path, and whether the previous definition is served), and the dry run of a draft
 * on the stored facts of the whole catalog (`reliability.scorecard.dry-run`). A draft with
 * problems is a 400 whose message has one line per problem, `file:line:column: path message`.
 *
 * @internal
 */
export function registerScorecardAuthoringRoutes(
  target: {
    get(path: string, handler: express.RequestHandler): unknown;
    post(path: string, handler: express.RequestHandler): unknown;
  },
  options: ScorecardAuthoringRouteOptions,
): void {
  const { httpAuth, permissions, scorecards } = options;
  const route =
    (handler: (req: Req, res: express.Response) => Promise<void>) =>
    (req: Req, res: express.Response, next: express.NextFunction) => {
      handler(req, res).catch(next);
    };

  target.get(
    '/scorecards/definition-status',
    route(async (req, res) => {
      await httpAuth.credentials(req, { allow: ['user', 'service'] });
      const status = scorecards.definitionStatus();
      res.json({
        loadedAt: status.loadedAt,
        scorecards: scorecards.listScorecards().map(scorecard => ({
          id: scorecard.id,
          source: scorecard.source,
        })),
        problems: status.problems.map(problem => ({
          source: problem.source,
          file: problem.file ?? null,
          line: problem.line ?? null,
          column: problem.column ?? null,
          path: problem.path,
          message: problem.message,
          servingPrevious: problem.servingPrevious,
        })),
      });
    }),
  );

  target.post(
    '/scorecards/dry-run',
    route(async (req, res) => {
      const credentials = await httpAuth.credentials(req, {
        allow: ['user', 'service'],
      });
      const [decision] = await permissions.authorize(
        [{ permission: reliabilityScorecardDryRunPermission }],
        { credentials },
      );
      if (decision.result !== AuthorizeResult.ALLOW) {
        throw new NotAllowedError(
          `A scorecard dry run needs the permission ${reliabilityScorecardDryRunPermission.name}`,
        );
      }
      const body = req.body as { yaml?: unknown; definition?: unknown };
      const hasYaml = typeof body?.yaml === 'string';
      const hasDefinition = body?.definition !== undefined;
      if (hasYaml === hasDefinition) {
        throw new InputError(
          "Send either 'yaml' (a scorecard file's text) or 'definition' (a scorecard as JSON), not both or neither",
        );
      }
      const run = await scorecards.dryRun(
        hasYaml
          ? { yaml: body.yaml as string }
          : { definition: body.definition },
      );
      if (run.problems.length > 0) {
        // The draft is the client's input: its mistakes are a 400 naming each one's place.
        throw new InputError(
          `The draft scorecard has ${run.problems.length} problem${
            run.problems.length === 1 ? '' : 's'
          }; nothing was evaluated:\n${run.problems
            .map(problem => formatScorecardDefinitionProblem(problem))
            .join('\n')}`,
        );
      }
      res.json({
        entitiesWithFacts: run.entitiesWithFacts,
        summaries: run.summaries,
        durationMs: Math.round(run.durationMs),
      });
    }),
  );
}
