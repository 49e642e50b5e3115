/**
 * The structure of OpenSLO v1 objects, as the reference validator (OpenSLO/oslo, through the
 * OpenSLO Go SDK) accepts it: every mapping is strict, so a misspelt field is an error rather than
 * silently ignored. Rules that relate fields to each other (target or targetPercent, what the SLI
 * kind requires of an objective, references) are checked when SLOs are built.
 */
import { z } from 'zod';
import { DNS_LABEL, DNS_LABEL_RULE } from '../../names';
import { strictObject } from '../../validation/strictObject';
import {
  DURATION_SHORTHAND_RULE,
  parseDurationShorthand,
} from '../durationShorthand';

/** The kinds of OpenSLO v1 objects. @internal */
export const OPENSLO_V1_KINDS = [
  'SLO',
  'SLI',
  'DataSource',
  'Service',
  'AlertPolicy',
  'AlertCondition',
  'AlertNotificationTarget',
] as const;

/** One of {@link OPENSLO_V1_KINDS}. @internal */
export type OpenSloV1Kind = (typeof OPENSLO_V1_KINDS)[number];

const LABEL_KEY = /^[a-zA-Z0-9]([-._a-zA-Z0-9]{0,61}[a-zA-Z0-9])?$/;
const ANNOTATION_KEY_LENGTH = /^(.{0,253}\/)?.{0,63}$/;
const ANNOTATION_KEY =
  /^([a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?(\.[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?)*\/)?[a-zA-Z0-9]([-._a-zA-Z0-9]{0,61}[a-zA-Z0-9])?$/;

const objectName = z.string().regex(DNS_LABEL, { error: DNS_LABEL_RULE });

const description = z
  .string()
  .max(1050, { error: 'a description has at most 1050 characters' })
  .optional();

const requiredText = (field: string) =>
  z.string().min(1, { error: `"${field}" must not be empty` });

const durationShorthand = z
  .string()
  .refine(text => parseDurationShorthand(text) !== undefined, {
    error: DURATION_SHORTHAND_RULE,
  });

const operator = z.enum(['lt', 'lte', 'gt', 'gte']);

/** `metadata` of every object. @internal */
export const metadataSchema = strictObject({
  name: objectName,
  displayName: z
    .string()
    .max(63, { error: 'a display name has at most 63 characters' })
    .optional(),
  labels: z
    .record(
      z.string().regex(LABEL_KEY, {
        error:
          'a label key has at most 63 letters, digits, "-", "_" and ".", and starts and ends with a letter or digit',
      }),
      z.union([z.string(), z.array(z.string())], {
        error: 'a label value must be text or a list of texts',
      }),
    )
    .optional(),
  annotations: z
    .record(
      z
        .string()
        .regex(ANNOTATION_KEY_LENGTH, {
          error:
            'an annotation key has an optional prefix of at most 253 characters and a name of at most 63',
        })
        .regex(ANNOTATION_KEY, {
          error:
            'an annotation key is an optional DNS prefix and a slash, then a name of letters, digits, "-", "_" and "." (e.g. example.com/owner)',
        }),
      z.string(),
    )
    .optional(),
});

const metricSourceSchema = strictObject({
  metricSourceRef: objectName.optional(),
  type: requiredText('type').optional(),
  spec: z
    .record(z.string(), z.unknown())
    .refine(spec => Object.keys(spec).length > 0, {
      error: 'the metric source spec needs at least one field, e.g. query',
    }),
});

const metricSchema = strictObject({ metricSource: metricSourceSchema });

/** `thresholdMetric.metricSource` and the ratio parts. @internal */
export type OpenSloV1MetricSource = z.infer<typeof metricSourceSchema>;

const ratioMetricSchema = strictObject({
  counter: z.boolean().optional(),
  good: metricSchema.optional(),
  bad: metricSchema.optional(),
  total: metricSchema.optional(),
  rawType: z.enum(['success', 'failure']).optional(),
  raw: metricSchema.optional(),
});

/** The spec of an SLI, inline or standalone. @internal */
export const sliSpecSchema = strictObject({
  description,
  thresholdMetric: metricSchema.optional(),
  ratioMetric: ratioMetricSchema.optional(),
});

/** An SLI's spec. @internal */
export type OpenSloV1SliSpec = z.infer<typeof sliSpecSchema>;

const inlineSliSchema = strictObject({
  metadata: metadataSchema,
  spec: sliSpecSchema,
});

const objectiveSchema = strictObject({
  displayName: z.string().optional(),
  op: operator.optional(),
  value: z.number().optional(),
  target: z.number().optional(),
  targetPercent: z.number().optional(),
  timeSliceTarget: z.number().optional(),
  // The spec allows a bare number of minutes besides the shorthand.
  timeSliceWindow: z
    .union([durationShorthand, z.number().positive()], {
      error: `${DURATION_SHORTHAND_RULE}, or a number of minutes`,
    })
    .optional(),
  indicator: inlineSliSchema.optional(),
  indicatorRef: objectName.optional(),
  compositeWeight: z
    .number()
    .gt(0, { error: 'compositeWeight must be greater than 0' })
    .optional(),
});

/** One entry of `spec.objectives`. @internal */
export type OpenSloV1Objective = z.infer<typeof objectiveSchema>;

const timeWindowSchema = strictObject({
  duration: durationShorthand,
  isRolling: z.boolean().optional(),
  calendar: strictObject({
    startTime: z.string(),
    timeZone: z.string(),
  }).optional(),
});

/** One entry of `spec.timeWindow`. @internal */
export type OpenSloV1TimeWindow = z.infer<typeof timeWindowSchema>;

/** The spec of an AlertCondition, inline or standalone. @internal */
export const alertConditionSpecSchema = strictObject({
  description,
  severity: requiredText('severity'),
  condition: strictObject({
    // The spec says the kind defaults to burnrate, the only kind there is.
    kind: z.literal('burnrate').optional(),
    op: operator,
    threshold: z.number(),
    lookbackWindow: durationShorthand,
    alertAfter: durationShorthand.optional(),
  }),
});

/** The spec of an AlertNotificationTarget, inline or standalone. @internal */
export const notificationTargetSpecSchema = strictObject({
  description,
  target: requiredText('target'),
});

/** A reference or an inline object: which one is checked when SLOs are built. */
const conditionEntrySchema = strictObject({
  conditionRef: objectName.optional(),
  kind: z.literal('AlertCondition').optional(),
  metadata: metadataSchema.optional(),
  spec: alertConditionSpecSchema.optional(),
});

const targetEntrySchema = strictObject({
  targetRef: objectName.optional(),
  kind: z.literal('AlertNotificationTarget').optional(),
  metadata: metadataSchema.optional(),
  spec: notificationTargetSpecSchema.optional(),
});

/** The spec of an AlertPolicy, inline or standalone. @internal */
export const alertPolicySpecSchema = strictObject({
  description,
  alertWhenNoData: z.boolean().optional(),
  alertWhenResolved: z.boolean().optional(),
  alertWhenBreaching: z.boolean().optional(),
  conditions: z.array(conditionEntrySchema).length(1, {
    error:
      'an alert policy has exactly one condition (the spec keeps a list for later versions)',
  }),
  notificationTargets: z.array(targetEntrySchema).min(1, {
    error: 'an alert policy needs at least one notification target',
  }),
});

/** An AlertPolicy's spec. @internal */
export type OpenSloV1AlertPolicySpec = z.infer<typeof alertPolicySpecSchema>;

const sloAlertPolicyEntrySchema = strictObject({
  alertPolicyRef: objectName.optional(),
  kind: z.literal('AlertPolicy').optional(),
  metadata: metadataSchema.optional(),
  spec: alertPolicySpecSchema.optional(),
});

/** One entry of an SLO's `spec.alertPolicies`. @internal */
export type OpenSloV1SloAlertPolicy = z.infer<typeof sloAlertPolicyEntrySchema>;

/** The spec of an SLO. @internal */
export const sloSpecSchema = strictObject({
  description,
  service: requiredText('service'),
  indicator: inlineSliSchema.optional(),
  indicatorRef: objectName.optional(),
  budgetingMethod: z.enum(['Occurrences', 'Timeslices', 'RatioTimeslices']),
  timeWindow: z.array(timeWindowSchema).optional(),
  objectives: z
    .array(objectiveSchema)
    .min(1, { error: 'an SLO needs at least one objective' }),
  alertPolicies: z.array(sloAlertPolicyEntrySchema).optional(),
});

/** An SLO's spec. @internal */
export type OpenSloV1SloSpec = z.infer<typeof sloSpecSchema>;

function objectSchema<Kind extends OpenSloV1Kind, Spec extends z.ZodType>(
  kind: Kind,
  spec: Spec,
) {
  return strictObject({
    apiVersion: z.literal('openslo/v1'),
    kind: z.literal(kind),
    metadata: metadataSchema,
    spec,
  });
}

/** The schema of each kind of standalone object. @internal */
export const openSloV1Schemas = {
  SLO: objectSchema('SLO', sloSpecSchema),
  SLI: objectSchema('SLI', sliSpecSchema),
  DataSource: objectSchema(
    'DataSource',
    strictObject({
      description,
      type: requiredText('type'),
      // Anything the data source needs; the SDK's own examples write a list here.
      connectionDetails: z.union(
        [z.record(z.string(), z.unknown()), z.array(z.unknown())],
        { error: 'connectionDetails must be a mapping or a list' },
      ),
    }),
  ),
  Service: objectSchema('Service', strictObject({ description }).optional()),
  AlertPolicy: objectSchema('AlertPolicy', alertPolicySpecSchema),
  AlertCondition: objectSchema('AlertCondition', alertConditionSpecSchema),
  AlertNotificationTarget: objectSchema(
    'AlertNotificationTarget',
    notificationTargetSpecSchema,
  ),
};

/** A valid standalone object of a kind. @internal */
export type OpenSloV1Object<Kind extends OpenSloV1Kind> = z.infer<
  (typeof openSloV1Schemas)[Kind]
>;
