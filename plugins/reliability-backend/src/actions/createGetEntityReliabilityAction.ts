import {
  ReliabilityActionsOptions,
  parseActionEntityRef,
  readableEntityRef,
} from './ReliabilityActionsOptions';
import { readEntityScorecards, readEntitySlos } from './readers';
import {
  decisionTreeOutput,
  decisionTreeSchema,
  onCallOutput,
  onCallSchema,
  runbookOutput,
  runbookSchema,
  scorecardOutput,
  scorecardSchema,
  sloOutput,
  sloSchema,
} from './schemas';

/**
 * `reliability:get-entity-reliability`: everything the portal's Reliability tab shows about one
 * entity, in one answer.
 *
 * @internal
 */
export function createGetEntityReliabilityAction(
  options: ReliabilityActionsOptions,
): void {
  const { actionsRegistry, catalog, onCall, runbooks, runbookTrees } = options;
  actionsRegistry.register({
    name: 'get-entity-reliability',
    title: 'Get the reliability of a service',
    description: `Answers "is this service healthy, who do I call and what do I do?" for one catalog entity (usually a component): its SLOs with the current SLI, the error budget left, burn rates per alert window and the budget policy state; who is on call now and next; its runbooks, including its decision-tree runbook (entry points per alert, then one question or action per node: start at the fired alert's entry point and follow the answers the responder gives); and its production-readiness scorecard level with the checks that fail and how to fix them.
Use it first when asked about a specific service, e.g. "is checkout burning?", "where is the payments runbook?".
Budget remaining is a share: 1 means untouched, 0 spent, negative overspent. A burn rate of 1 spends the budget exactly over the SLO window; above 14 in the 1h window is a page.
An entity the caller cannot see in the catalog answers "not found", like one that does not exist.`,
    attributes: { readOnly: true, idempotent: true, destructive: false },
    schema: {
      input: z =>
        z.object({
          entityRef: z
            .string()
            .min(1)
            .describe(
              'The entity, e.g. "component:default/checkout" or just "checkout" (kind component, namespace default)',
            ),
        }),
      output: z =>
        z.object({
          entityRef: z.string(),
          slos: z.array(sloSchema(z)),
          sloFileProblems: z
            .array(
              z.object({
                file: z.string(),
                line: z.number(),
                severity: z.enum(['error', 'warning']),
                message: z.string(),
              }),
            )
            .describe("Problems reading the entity's SLO files"),
          onCall: onCallSchema(z),
          runbooks: z.array(runbookSchema(z)),
          decisionTree: decisionTreeSchema(z),
          scorecards: z.array(scorecardSchema(z)),
        }),
    },
    examples: [
      {
        title: 'A service by its short name',
        input: { entityRef: 'checkout' },
      },
      {
        title: 'A full entity ref',
        input: { entityRef: 'component:default/payments' },
      },
    ],
    action: async ({ input, credentials }) => {
      const entityRef = await readableEntityRef(
        catalog,
        parseActionEntityRef(input.entityRef, 'entityRef', 'component'),
        credentials,
      );
      const [slos, who, books, cards, tree] = await Promise.all([
        readEntitySlos(options, entityRef),
        onCall.getEntityOnCall(entityRef, credentials),
        runbooks.getEntityRunbooks(entityRef),
        readEntityScorecards(options, entityRef),
        runbookTrees?.getTree(entityRef, { credentials }),
      ]);
      return {
        output: {
          entityRef,
          slos: slos.slos.map(sloOutput),
          sloFileProblems: slos.errors.map(problem => ({
            file: problem.file,
            line: problem.line,
            severity: problem.severity,
            message: problem.message,
          })),
          onCall: onCallOutput(who),
          runbooks: books.runbooks.map(runbookOutput),
          decisionTree: tree ? decisionTreeOutput(tree) : null,
          scorecards: cards.map(scorecardOutput),
        },
      };
    },
  });
}
