import {
  ReliabilityActionsOptions,
  parseActionEntityRef,
  readableEntityRef,
} from './ReliabilityActionsOptions';

/**
 * `reliability:get-release-gate`: whether an entity may deploy now, the answer of
 * `GET /gate/{kind}/{namespace}/{name}?preview=true`. An assistant asking is not a release, so
 * the answer is not recorded among the gate's decisions.
 *
 * @internal
 */
export function createGetReleaseGateAction(
  options: ReliabilityActionsOptions,
): void {
  const { actionsRegistry, catalog, releaseGate } = options;
  if (!releaseGate) {
    return;
  }
  actionsRegistry.register({
    name: 'get-release-gate',
    title: 'May this service deploy now?',
    description: `Answers the error-budget release gate for one catalog entity: allow, warn or block, the one-line summary, every reason (each SLO with its budget remaining and burn rates, freeze windows, page alerts firing, stale data), the override that lets a block pass if one is active, and when a block is expected to lift at the current burn.
Use it for "can I ship checkout?", "why are payments releases blocked?". Give release (e.g. "fix") when the policy lets that kind of release pass a block. Budget remaining is a share: 0 spent, negative overspent.
Asking does not record a decision; CI, Flagger and Argo Rollouts ask the gate itself. An entity the caller cannot see in the catalog answers "not found".`,
    attributes: { readOnly: true, idempotent: true, destructive: false },
    schema: {
      input: z =>
        z.object({
          entityRef: z
            .string()
            .min(1)
            .describe(
              'The entity, e.g. "checkout" or "component:default/checkout"',
            ),
          release: z
            .string()
            .min(1)
            .optional()
            .describe(
              'The kind of release, e.g. "fix", when the policy lets some kinds pass a block',
            ),
        }),
      output: z =>
        z.object({
          entityRef: z.string(),
          decision: z.enum(['allow', 'warn', 'block']),
          allowed: z
            .boolean()
            .describe('False only when the decision is block'),
          summary: z.string(),
          rule: z.string().describe('The rule that decided'),
          reasons: z.array(
            z.object({
              rule: z.string(),
              effect: z.enum(['allow', 'warn', 'block']),
              message: z.string(),
              slo: z.string().optional(),
              budgetRemaining: z.number().optional(),
            }),
          ),
          override: z
            .object({
              reason: z.string(),
              approver: z.string(),
              expiresAt: z.string(),
            })
            .nullable()
            .describe('The active override that let a block pass'),
          expectedLiftAt: z
            .string()
            .nullable()
            .describe(
              'When a block is expected to lift at the current burn, or null when it will not',
            ),
          decidedAt: z.string(),
        }),
    },
    examples: [
      {
        title: 'May checkout deploy?',
        input: { entityRef: 'checkout' },
      },
      {
        title: 'May a hotfix of checkout pass a block?',
        input: { entityRef: 'component:default/checkout', release: 'fix' },
      },
    ],
    action: async ({ input, credentials }) => {
      const entityRef = await readableEntityRef(
        catalog,
        parseActionEntityRef(input.entityRef, 'entityRef', 'component'),
        credentials,
      );
      const entity = await releaseGate.readableEntity(entityRef, credentials);
      const answer = await releaseGate.decideFor(entity, input.release);
      return {
        output: {
          entityRef: answer.entityRef,
          decision: answer.decision,
          allowed: answer.allowed,
          summary: answer.summary,
          rule: answer.rule,
          reasons: answer.reasons.map(reason => ({
            rule: reason.rule,
            effect: reason.effect,
            message: reason.message,
            ...(reason.sloName ?? reason.sloId
              ? { slo: reason.sloName ?? reason.sloId }
              : {}),
            ...(reason.remaining !== undefined
              ? { budgetRemaining: reason.remaining }
              : {}),
          })),
          override: answer.override
            ? {
                reason: answer.override.reason,
                approver: answer.override.approver,
                expiresAt: answer.override.expiresAt,
              }
            : null,
          expectedLiftAt: answer.expectedLiftAt,
          decidedAt: answer.decidedAt,
        },
      };
    },
  });
}
