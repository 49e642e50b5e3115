import { SloView } from '@reliability/backstage-plugin-common';
import {
  ReliabilityActionsOptions,
  parseActionEntityRef,
  readableEntityRefs,
} from './ReliabilityActionsOptions';
import { sloOutput, sloSchema } from './schemas';

/** How many SLOs one call reads at most (pages of 500 from the store). */
const MAX_SCANNED = 10_000;

/** Whether an SLO spends its budget faster than it may: a warning or exhausted policy, or a firing burn-rate alert. */
export function isBurning(slo: SloView): boolean {
  const status = slo.status;
  if (!status) return false;
  return (
    status.policy.state === 'warning' ||
    status.policy.state === 'exhausted' ||
    status.alerts?.page === 'firing' ||
    status.alerts?.ticket === 'firing'
  );
}

function severityRank(slo: SloView): number {
  const status = slo.status!;
  if (status.policy.state === 'exhausted') return 0;
  if (status.alerts?.page === 'firing') return 1;
  if (status.alerts?.ticket === 'firing') return 2;
  return 3;
}

/**
 * `reliability:list-burning-slos`: the SLOs across the organisation that burn or have spent
 * their error budget, worst first, among the entities the caller may read.
 *
 * @internal
 */
export function createListBurningSlosAction(
  options: ReliabilityActionsOptions,
): void {
  const { actionsRegistry, catalog, slos } = options;
  actionsRegistry.register({
    name: 'list-burning-slos',
    title: 'List burning or exhausted SLOs',
    description: `Lists the SLOs that are burning their error budget (budget policy "warning" or "exhausted", or a page or ticket burn-rate alert firing) or, with state "exhausted", only those whose budget is spent. Worst first: exhausted, then paging, then ticketing, then by budget left.
Use it for "what is on fire?", "which of the payments team's SLOs are burning?", "anything exhausted in tier 1?". Filter by owner (a group such as "payments"), tier (as the SLO files write it, e.g. "1" or "critical") or system (e.g. "shop").
Only entities the caller may read in the catalog are included.`,
    attributes: { readOnly: true, idempotent: true, destructive: false },
    schema: {
      input: z =>
        z.object({
          state: z
            .enum(['burning', 'exhausted'])
            .default('burning')
            .describe(
              '"burning" includes exhausted SLOs; "exhausted" only those',
            ),
          owner: z
            .string()
            .min(1)
            .optional()
            .describe(
              'Owner group, e.g. "payments" or "group:default/payments"',
            ),
          tier: z.string().min(1).optional(),
          system: z
            .string()
            .min(1)
            .optional()
            .describe('System, e.g. "shop" or "system:default/shop"'),
          limit: z.number().int().min(1).max(200).default(50),
        }),
      output: z =>
        z.object({
          items: z.array(sloSchema(z)),
          truncated: z.boolean().describe('More SLOs matched than the limit'),
        }),
    },
    examples: [
      { title: 'Everything burning', input: { state: 'burning', limit: 50 } },
      {
        title: "The payments team's exhausted SLOs",
        input: { state: 'exhausted', owner: 'payments', limit: 20 },
      },
    ],
    action: async ({ input, credentials }) => {
      const owner =
        input.owner && parseActionEntityRef(input.owner, 'owner', 'group');
      const system =
        input.system && parseActionEntityRef(input.system, 'system', 'system');
      const matched: SloView[] = [];
      let cursor: string | undefined;
      let scanned = 0;
      do {
        const page = await slos.listSlos({
          owner,
          tier: input.tier,
          state: input.state === 'exhausted' ? 'exhausted' : undefined,
          limit: 500,
          cursor,
        });
        scanned += page.items.length;
        matched.push(...page.items.filter(isBurning));
        cursor = page.nextCursor ?? undefined;
      } while (cursor && scanned < MAX_SCANNED);

      const readable = await readableEntityRefs(
        catalog,
        matched.map(slo => slo.entityRef),
        credentials,
        ['kind', 'metadata.name', 'metadata.namespace', 'spec.system'],
      );
      const visible = matched.filter(slo => {
        const entity = readable.get(slo.entityRef.toLowerCase());
        if (!entity) return false;
        if (!system) return true;
        if (!entity.system) return false;
        const namespace =
          slo.entityRef.split(':')[1]?.split('/')[0] ?? 'default';
        const ref = entity.system.includes(':')
          ? entity.system
          : `system:${
              entity.system.includes('/')
                ? entity.system
                : `${namespace}/${entity.system}`
            }`;
        return ref.toLowerCase() === system.toLowerCase();
      });
      visible.sort(
        (a, b) =>
          severityRank(a) - severityRank(b) ||
          (a.status?.budget?.remaining ?? Infinity) -
            (b.status?.budget?.remaining ?? Infinity) ||
          a.id.localeCompare(b.id),
      );
      return {
        output: {
          items: visible.slice(0, input.limit).map(sloOutput),
          truncated: visible.length > input.limit,
        },
      };
    },
  });
}
