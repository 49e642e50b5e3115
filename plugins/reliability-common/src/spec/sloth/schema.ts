/**
 * The structure of Sloth's two SLO formats: the `prometheus/v1` spec (snake_case fields) and the
 * Kubernetes `PrometheusServiceLevel` CRD (camelCase fields). Sloth ignores unknown fields, so
 * they are warnings here rather than errors: a file Sloth accepts stays accepted, and a typo such
 * as `page_alerts` is still pointed out.
 */
import { z } from 'zod';
import { strictObject } from '../validation/strictObject';

const stringMap = z.record(z.string(), z.string());

/** Sloth's SLO plugin chain, which this suite does not run. */
const sloPluginsSchema = z.looseObject({
  overridePrevious: z.boolean().optional(),
  chain: z.array(z.unknown()).optional(),
});

/** An SLO plugin chain as written. @internal */
export type SlothSloPlugins = z.infer<typeof sloPluginsSchema>;

const alertSchema = strictObject({
  disable: z.boolean().optional(),
  labels: stringMap.optional(),
  annotations: stringMap.optional(),
});

const sliPluginSchema = strictObject({
  id: z.string(),
  options: stringMap.optional(),
});

/** The `prometheus/v1` spec (`sloth generate -i slos.yml`). @internal */
export const slothPrometheusV1Schema = strictObject({
  version: z.literal('prometheus/v1'),
  service: z.string(),
  labels: stringMap.optional(),
  slo_plugins: sloPluginsSchema.optional(),
  slos: z
    .array(
      strictObject({
        name: z.string(),
        description: z.string().optional(),
        objective: z.number(),
        labels: stringMap.optional(),
        plugins: sloPluginsSchema.optional(),
        sli: strictObject({
          events: strictObject({
            error_query: z.string(),
            total_query: z.string(),
          }).optional(),
          raw: strictObject({ error_ratio_query: z.string() }).optional(),
          plugin: sliPluginSchema.optional(),
        }),
        alerting: strictObject({
          name: z.string().optional(),
          labels: stringMap.optional(),
          annotations: stringMap.optional(),
          page_alert: alertSchema.optional(),
          ticket_alert: alertSchema.optional(),
        }).optional(),
      }),
    )
    .min(1, { error: 'at least one SLO is required' }),
});

/** A valid `prometheus/v1` spec. @internal */
export type SlothPrometheusV1 = z.infer<typeof slothPrometheusV1Schema>;

/** The `PrometheusServiceLevel` CRD (`sloth.slok.dev/v1`). @internal */
export const slothPrometheusServiceLevelSchema = strictObject({
  apiVersion: z.literal('sloth.slok.dev/v1'),
  kind: z.literal('PrometheusServiceLevel'),
  // Kubernetes object metadata has many more fields (uid, resourceVersion, ...), all irrelevant.
  metadata: z.looseObject({
    name: z.string(),
    namespace: z.string().optional(),
    labels: stringMap.optional(),
    annotations: stringMap.optional(),
  }),
  spec: strictObject({
    service: z.string(),
    labels: stringMap.optional(),
    sloPlugins: sloPluginsSchema.optional(),
    slos: z
      .array(
        strictObject({
          name: z.string(),
          description: z.string().optional(),
          objective: z.number(),
          labels: stringMap.optional(),
          plugins: sloPluginsSchema.optional(),
          sli: strictObject({
            events: strictObject({
              errorQuery: z.string(),
              totalQuery: z.string(),
            }).optional(),
            raw: strictObject({ errorRatioQuery: z.string() }).optional(),
            plugin: sliPluginSchema.optional(),
          }),
          alerting: strictObject({
            name: z.string().optional(),
            labels: stringMap.optional(),
            annotations: stringMap.optional(),
            pageAlert: alertSchema.optional(),
            ticketAlert: alertSchema.optional(),
          }).optional(),
        }),
      )
      .min(1, { error: 'at least one SLO is required' }),
  }),
  status: z.unknown().optional(),
});

/** A valid `PrometheusServiceLevel`. @internal */
export type SlothPrometheusServiceLevel = z.infer<
  typeof slothPrometheusServiceLevelSchema
>;
