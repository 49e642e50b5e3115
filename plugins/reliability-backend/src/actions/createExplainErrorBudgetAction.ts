import { InputError, NotFoundError, isError } from '@backstage/errors';
import {
  ReliabilityActionsOptions,
  parseActionEntityRef,
  readableEntityRef,
} from './ReliabilityActionsOptions';
import { explainErrorBudget } from './explainErrorBudget';
import { readEntitySlos } from './readers';
import { sloOutput, sloSchema } from './schemas';

/**
 * `reliability:explain-error-budget`: one SLO's error budget in plain words, with its numbers.
 *
 * @internal
 */
export function createExplainErrorBudgetAction(
  options: ReliabilityActionsOptions,
): void {
  const { actionsRegistry, catalog, slos } = options;
  const now = options.now ?? Date.now;
  actionsRegistry.register({
    name: 'explain-error-budget',
    title: "Explain an SLO's error budget",
    description: `Explains one SLO's error budget in plain sentences a person can read out: the objective and its period, how much outage the budget allows, how much is used and left (as shares and as minutes of full outage), the burn rates, when the budget runs out at the current rate, which alert fires and the budget policy. The numbers are the portal's.
Name the SLO by its id (from get-entity-reliability or list-burning-slos), or by entityRef plus the SLO's name. Use it for "how much budget does checkout availability have left?" or "explain why we are freezing releases".`,
    attributes: { readOnly: true, idempotent: true, destructive: false },
    schema: {
      input: z =>
        z.object({
          sloId: z.string().min(1).optional().describe('The SLO id'),
          entityRef: z
            .string()
            .min(1)
            .optional()
            .describe('The entity, with sloName, when the id is not known'),
          sloName: z
            .string()
            .min(1)
            .optional()
            .describe('The SLO name or display name, with entityRef'),
        }),
      output: z =>
        z.object({
          explanation: z.string().describe('Plain sentences, one per line'),
          slo: sloSchema(z),
        }),
    },
    examples: [
      {
        title: 'By entity and SLO name',
        input: { entityRef: 'checkout', sloName: 'availability' },
      },
    ],
    action: async ({ input, credentials }) => {
      let slo;
      if (input.sloId) {
        // Unknown and unreadable SLOs answer alike, as `GET /slos/{sloId}/history` does.
        const notFound = new NotFoundError(`No SLO with id '${input.sloId}'`);
        const view = await slos.getSlo(input.sloId).catch(error => {
          throw isError(error) && error.name === 'NotFoundError'
            ? notFound
            : error;
        });
        const entity = await catalog.getEntityByRef(view.entityRef, {
          credentials,
        });
        if (!entity) throw notFound;
        slo = view;
      } else {
        if (!input.entityRef || !input.sloName) {
          throw new InputError('Give sloId, or entityRef and sloName');
        }
        const entityRef = await readableEntityRef(
          catalog,
          parseActionEntityRef(input.entityRef, 'entityRef', 'component'),
          credentials,
        );
        const wanted = input.sloName.toLowerCase();
        const { slos: entitySlos } = await readEntitySlos(options, entityRef);
        slo = entitySlos.find(
          candidate =>
            candidate.name.toLowerCase() === wanted ||
            candidate.displayName?.toLowerCase() === wanted ||
            candidate.id.toLowerCase() === wanted,
        );
        if (!slo) {
          throw new NotFoundError(
            `${entityRef} has no SLO named '${input.sloName}'; it has ${
              entitySlos.map(candidate => `'${candidate.name}'`).join(', ') ||
              'none'
            }`,
          );
        }
      }
      return {
        output: {
          explanation: explainErrorBudget(slo, now()).join('\n'),
          slo: sloOutput(slo),
        },
      };
    },
  });
}
