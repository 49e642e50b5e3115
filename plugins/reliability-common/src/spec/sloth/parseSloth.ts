import type { SpecProblem } from '../../problems';
import type { ServiceLevelObjective } from '../model';
import { checkSchema } from '../validation/checkSchema';
import type { YamlObject } from '../yaml/YamlObject';
import {
  slothPrometheusServiceLevelSchema,
  slothPrometheusV1Schema,
  SlothPrometheusServiceLevel,
  SlothPrometheusV1,
} from './schema';
import {
  KUBERNETES_FIELDS,
  PROMETHEUS_V1_FIELDS,
  SlothGroupInput,
} from './SlothGroup';
import { toSlothSlos } from './toSlothSlos';

const SCHEMA_OPTIONS = {
  unknownFields: 'warning',
  unknownFieldNote: 'Sloth ignores it',
} as const;

/**
 * Parses a Sloth `prometheus/v1` spec.
 *
 * @internal
 */
export function parseSlothPrometheusV1(object: YamlObject): {
  slos: ServiceLevelObjective[];
  problems: SpecProblem[];
} {
  const check = checkSchema(slothPrometheusV1Schema, object, SCHEMA_OPTIONS);
  if (!check.data) {
    return { slos: [], problems: check.problems };
  }
  const built = toSlothSlos(
    fromPrometheusV1(check.data),
    { object, path: [], fields: PROMETHEUS_V1_FIELDS },
    { format: 'prometheus/v1' },
  );
  return {
    slos: built.slos,
    problems: [...check.problems, ...built.problems],
  };
}

/**
 * Parses a Sloth `PrometheusServiceLevel` Kubernetes object; its metadata goes to
 * `source.kubernetes`, so that rules can be written as a PrometheusRule beside it.
 *
 * @internal
 */
export function parseSlothPrometheusServiceLevel(object: YamlObject): {
  slos: ServiceLevelObjective[];
  problems: SpecProblem[];
} {
  const check = checkSchema(
    slothPrometheusServiceLevelSchema,
    object,
    SCHEMA_OPTIONS,
  );
  if (!check.data) {
    return { slos: [], problems: check.problems };
  }
  const { metadata } = check.data;
  const built = toSlothSlos(
    fromKubernetes(check.data),
    { object, path: ['spec'], fields: KUBERNETES_FIELDS },
    {
      format: 'sloth.slok.dev/v1',
      kubernetes: {
        name: metadata.name,
        ...(metadata.namespace !== undefined
          ? { namespace: metadata.namespace }
          : {}),
        labels: metadata.labels ?? {},
        annotations: metadata.annotations ?? {},
      },
    },
  );
  return {
    slos: built.slos,
    problems: [...check.problems, ...built.problems],
  };
}

function fromPrometheusV1(spec: SlothPrometheusV1): SlothGroupInput {
  return {
    service: spec.service,
    labels: spec.labels,
    sloPlugins: spec.slo_plugins,
    slos: spec.slos.map(slo => ({
      name: slo.name,
      description: slo.description,
      objective: slo.objective,
      labels: slo.labels,
      plugins: slo.plugins,
      sli: {
        events: slo.sli.events && {
          errorQuery: slo.sli.events.error_query,
          totalQuery: slo.sli.events.total_query,
        },
        raw: slo.sli.raw && {
          errorRatioQuery: slo.sli.raw.error_ratio_query,
        },
        plugin: slo.sli.plugin,
      },
      alerting: slo.alerting && {
        name: slo.alerting.name,
        labels: slo.alerting.labels,
        annotations: slo.alerting.annotations,
        page: slo.alerting.page_alert,
        ticket: slo.alerting.ticket_alert,
      },
    })),
  };
}

function fromKubernetes(
  resource: SlothPrometheusServiceLevel,
): SlothGroupInput {
  const spec = resource.spec;
  return {
    service: spec.service,
    labels: spec.labels,
    sloPlugins: spec.sloPlugins,
    slos: spec.slos.map(slo => ({
      name: slo.name,
      description: slo.description,
      objective: slo.objective,
      labels: slo.labels,
      plugins: slo.plugins,
      sli: slo.sli,
      alerting: slo.alerting && {
        name: slo.alerting.name,
        labels: slo.alerting.labels,
        annotations: slo.alerting.annotations,
        page: slo.alerting.pageAlert,
        ticket: slo.alerting.ticketAlert,
      },
    })),
  };
}
