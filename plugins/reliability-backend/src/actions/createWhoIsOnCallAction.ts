import { InputError } from '@backstage/errors';
import {
  ReliabilityActionsOptions,
  parseActionEntityRef,
  readableEntityRef,
} from './ReliabilityActionsOptions';
import { onCallOutput, onCallSchema } from './schemas';

/**
 * `reliability:who-is-on-call`: who is on call now and next for one entity, or for every
 * service a team owns; the answers of `GET /entities/…/oncall` and `GET /oncall?owner=`.
 *
 * @internal
 */
export function createWhoIsOnCallAction(
  options: ReliabilityActionsOptions,
): void {
  const { actionsRegistry, catalog, onCall } = options;
  actionsRegistry.register({
    name: 'who-is-on-call',
    title: 'Who is on call',
    description: `Tells who is on call now and who is next, with their escalation level and shift times, for one catalog entity (give entityRef) or for every service a team owns (give team). The answer says where it came from (PagerDuty, Opsgenie, Jira Service Management, GoAlert or a rotation file in the catalog) and, when nobody can be found, why ("reasons").
Use it for "who do I page for checkout?", "who is on call for the payments team this weekend?". Give exactly one of entityRef and team.`,
    attributes: { readOnly: true, idempotent: true, destructive: false },
    schema: {
      input: z =>
        z.object({
          entityRef: z
            .string()
            .min(1)
            .optional()
            .describe(
              'An entity, e.g. "checkout" or "component:default/checkout"',
            ),
          team: z
            .string()
            .min(1)
            .optional()
            .describe(
              'A group (or user), e.g. "payments" or "group:default/payments"',
            ),
        }),
      output: z =>
        z.object({
          team: z
            .string()
            .nullable()
            .describe('The team asked about; null for an entity'),
          entities: z.array(onCallSchema(z)),
        }),
    },
    examples: [
      { title: 'For a service', input: { entityRef: 'checkout' } },
      { title: 'For a team', input: { team: 'group:default/payments' } },
    ],
    action: async ({ input, credentials }) => {
      if (Boolean(input.entityRef) === Boolean(input.team)) {
        throw new InputError('Give exactly one of entityRef and team');
      }
      if (input.entityRef) {
        const entityRef = await readableEntityRef(
          catalog,
          parseActionEntityRef(input.entityRef, 'entityRef', 'component'),
          credentials,
        );
        const answer = await onCall.getEntityOnCall(entityRef, credentials);
        return { output: { team: null, entities: [onCallOutput(answer)] } };
      }
      const owner = await onCall.getOwnerOnCall(
        parseActionEntityRef(input.team!, 'team', 'group'),
        credentials,
      );
      return {
        output: {
          team: owner.owner,
          entities: owner.entities.map(onCallOutput),
        },
      };
    },
  });
}
