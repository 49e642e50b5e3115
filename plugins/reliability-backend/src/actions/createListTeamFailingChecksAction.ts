import { ScorecardResultView } from '@reliability/backstage-plugin-common';
import { NotFoundError } from '@backstage/errors';
import { scorecardResultView } from '../scorecards';
import {
  ReliabilityActionsOptions,
  parseActionEntityRef,
  readableEntityRefs,
} from './ReliabilityActionsOptions';
import { failingCheckSchema, failingChecksOf } from './schemas';

const MAX_RESULTS = 10_000;

/**
 * `reliability:list-team-failing-checks`: the production-readiness checks that fail across the
 * entities a team owns, with their remediation; `GET /scorecards/results?owner=` filtered to
 * failures.
 *
 * @internal
 */
export function createListTeamFailingChecksAction(
  options: ReliabilityActionsOptions,
): void {
  const { actionsRegistry, catalog, scorecards, scorecardStore } = options;
  actionsRegistry.register({
    name: 'list-team-failing-checks',
    title: "List a team's failing scorecard checks",
    description: `Lists the production-readiness scorecard checks that fail for the entities a team owns, each with what the check found, the level it belongs to and how to fix it (remediation and docs link), plus each entity's current level. Exempted checks are not failures.
Use it for "what does the payments team need to do to reach Gold?" or "which readiness checks fail for my team?".`,
    attributes: { readOnly: true, idempotent: true, destructive: false },
    schema: {
      input: z =>
        z.object({
          team: z
            .string()
            .min(1)
            .describe(
              'The owner group, e.g. "payments" or "group:default/payments"',
            ),
          scorecardId: z
            .string()
            .min(1)
            .optional()
            .describe('Only this scorecard, e.g. "production-readiness"'),
        }),
      output: z =>
        z.object({
          team: z.string(),
          entities: z.array(
            z.object({
              entityRef: z.string(),
              scorecardId: z.string(),
              level: z.string().nullable(),
              nextLevel: z.string().nullable(),
            }),
          ),
          failingChecks: z.array(failingCheckSchema(z)),
        }),
    },
    examples: [
      { title: "The payments team's failures", input: { team: 'payments' } },
    ],
    action: async ({ input, credentials }) => {
      const team = parseActionEntityRef(input.team, 'team', 'group');
      if (input.scorecardId && !scorecards.getScorecard(input.scorecardId)) {
        throw new NotFoundError(
          `No scorecard with id '${input.scorecardId}'; configured: ${
            scorecards
              .listScorecards()
              .map(s => `'${s.id}'`)
              .join(', ') || 'none'
          }`,
        );
      }
      const views: ScorecardResultView[] = [];
      let cursor: string | undefined;
      do {
        const page = await scorecardStore.listResults({
          ownerRef: team.toLowerCase(),
          scorecardId: input.scorecardId,
          limit: 500,
          cursor,
        });
        views.push(
          ...page.items.map(item =>
            scorecardResultView(
              item,
              scorecards.getScorecard(item.result.scorecardId),
            ),
          ),
        );
        cursor = page.nextCursor;
      } while (cursor && views.length < MAX_RESULTS);
      const readable = await readableEntityRefs(
        catalog,
        views.map(view => view.entityRef),
        credentials,
      );
      const visible = views.filter(view =>
        readable.has(view.entityRef.toLowerCase()),
      );
      return {
        output: {
          team,
          entities: visible.map(view => ({
            entityRef: view.entityRef,
            scorecardId: view.scorecardId,
            level: view.level,
            nextLevel: view.nextLevel,
          })),
          failingChecks: visible.flatMap(failingChecksOf),
        },
      };
    },
  });
}
