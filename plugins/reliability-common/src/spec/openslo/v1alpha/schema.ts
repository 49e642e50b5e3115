/**
 * The structure of OpenSLO v1alpha SLOs in the shape Sloth reads them (`sloth generate` accepts
 * v1alpha only): `spec.service`, objectives with `ratioMetrics` good/total, or a shared
 * `indicator.thresholdMetric`, and an optional `timeWindows` list. Mappings are strict, as for v1.
 */
import { z } from 'zod';
import { SLOTH_NAME, SLOTH_NAME_RULE } from '../../names';
import { strictObject } from '../../validation/strictObject';

const requiredText = (field: string) =>
  z.string().min(1, { error: `"${field}" must not be empty` });

const metricSourceSchema = strictObject({
  source: requiredText('source'),
  queryType: requiredText('queryType'),
  query: requiredText('query'),
});

/** A v1alpha query: source (e.g. prometheus), query type (e.g. promql) and query. @internal */
export type OpenSloV1AlphaMetricSource = z.infer<typeof metricSourceSchema>;

const objectiveSchema = strictObject({
  displayName: z.string().optional(),
  value: z.number().optional(),
  op: z.enum(['lt', 'lte', 'gt', 'gte']).optional(),
  target: z.number(),
  timeSliceTarget: z.number().optional(),
  ratioMetrics: strictObject({
    good: metricSourceSchema,
    total: metricSourceSchema,
    incremental: z.boolean().optional(),
  }).optional(),
});

/** One entry of `spec.objectives`. @internal */
export type OpenSloV1AlphaObjective = z.infer<typeof objectiveSchema>;

const timeWindowSchema = strictObject({
  unit: z.enum(['Second', 'Day', 'Week', 'Month', 'Quarter']),
  count: z
    .number()
    .int({ error: 'count must be a whole number' })
    .positive({ error: 'count must be greater than 0' }),
  isRolling: z.boolean().optional(),
  calendar: strictObject({
    startTime: z.string(),
    timeZone: z.string(),
  }).optional(),
});

/** One entry of `spec.timeWindows`. @internal */
export type OpenSloV1AlphaTimeWindow = z.infer<typeof timeWindowSchema>;

const metadataSchema = strictObject({
  name: z.string().regex(SLOTH_NAME, { error: `the name ${SLOTH_NAME_RULE}` }),
  displayName: z.string().optional(),
});

/** The kinds of OpenSLO v1alpha objects read. @internal */
export const OPENSLO_V1ALPHA_KINDS = ['SLO', 'Service'] as const;

/** The schema of each kind. @internal */
export const openSloV1AlphaSchemas = {
  SLO: strictObject({
    apiVersion: z.literal('openslo/v1alpha'),
    kind: z.literal('SLO'),
    metadata: metadataSchema,
    spec: strictObject({
      service: requiredText('service'),
      description: z.string().optional(),
      // Sloth computes event-based budgets whatever is written; Occurrences when left out.
      budgetingMethod: z.enum(['Occurrences', 'Timeslices']).optional(),
      indicator: strictObject({
        thresholdMetric: metricSourceSchema,
      }).optional(),
      timeWindows: z.array(timeWindowSchema).optional(),
      objectives: z
        .array(objectiveSchema)
        .min(1, { error: 'an SLO needs at least one objective' }),
    }),
  }),
  Service: strictObject({
    apiVersion: z.literal('openslo/v1alpha'),
    kind: z.literal('Service'),
    metadata: metadataSchema,
    spec: strictObject({ description: z.string().optional() }).optional(),
  }),
};

/** A valid v1alpha SLO. @internal */
export type OpenSloV1AlphaSlo = z.infer<typeof openSloV1AlphaSchemas.SLO>;
