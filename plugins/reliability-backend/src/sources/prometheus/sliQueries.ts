/**
 * What to ask Prometheus for an SLO: its raw SLI queries turned into one PromQL query per SLO,
 * and the one query that reads Sloth's recording rules for many SLOs at once.
 */
import { InputError } from '@backstage/errors';
import {
  ServiceLevelObjective,
  SliMetricSource,
  formatPrometheusDuration,
} from '@reliability/backstage-plugin-common';

/**
 * Sloth's shortest SLI recording: the error ratio over 5 minutes, labelled with `sloth_id`.
 *
 * @public
 */
export const SLOTH_SLI_ERROR_RATIO_5M = 'slo:sli_error:ratio_rate5m';

/**
 * The SLO label that names the Prometheus instance of a Sloth SLO, which has no data source of
 * its own. OpenSLO SLIs name theirs with `metricSourceRef` instead.
 *
 * @public
 */
export const PROMETHEUS_INSTANCE_LABEL = 'reliability_prometheus_instance';

/** The label that tells the parts of a combined query apart. */
export const PART_LABEL = 'reliability_part';

const WINDOW = /{{-?\s*\.window\s*-?}}/g;

/** One query of an SLI, as written, with `{{.window}}` still in place. */
export interface SliQueryPart {
  template: string;
  /**
   * The query returns a cumulative counter (OpenSLO `counter: true` without a window): buckets
   * take the difference between the samples at their start and end. Otherwise the query
   * returns a per-second rate over `{{.window}}`, and buckets take rate × step.
   */
  counter: boolean;
}

/**
 * How an SLI's values become good and total counts per bucket.
 *
 * @internal
 */
export type SliQueryPlan =
  /** Events: good or bad events, and all events. */
  | {
      kind: 'counts';
      good?: SliQueryPart;
      bad?: SliQueryPart;
      total: SliQueryPart;
    }
  /** A ratio per bucket: the error ratio, or the success ratio. */
  | { kind: 'ratio'; ratio: SliQueryPart; measures: 'error' | 'success' }
  /** A value per bucket compared with the objective's threshold. */
  | {
      kind: 'threshold';
      value: SliQueryPart;
      op: 'lt' | 'lte' | 'gt' | 'gte';
      threshold: number;
    };

function notPrometheus(slo: ServiceLevelObjective, why: string): InputError {
  return new InputError(
    `SLO "${slo.id}": its SLI is not a Prometheus query (${why})`,
  );
}

function sourcePart(
  slo: ServiceLevelObjective,
  role: string,
  source: SliMetricSource,
  counter: boolean,
): SliQueryPart {
  const type = source.type?.toLowerCase();
  if (type !== 'prometheus') {
    throw notPrometheus(
      slo,
      `the ${role} metric source type is ${
        source.type ? `"${source.type}"` : 'not set'
      }`,
    );
  }
  const queryType = source.spec.queryType;
  if (typeof queryType === 'string' && queryType.toLowerCase() !== 'promql') {
    throw notPrometheus(slo, `the ${role} query type is "${queryType}"`);
  }
  const query =
    source.query ??
    (typeof source.spec.query === 'string' ? source.spec.query : undefined) ??
    (typeof source.spec.promql === 'string' ? source.spec.promql : undefined);
  if (!query || query.trim() === '') {
    throw notPrometheus(slo, `the ${role} metric source has no query`);
  }
  return windowedPart(slo, role, query, counter);
}

function windowedPart(
  slo: ServiceLevelObjective,
  role: string,
  template: string,
  counterAllowed: boolean,
): SliQueryPart {
  if (template.match(WINDOW)) {
    return { template, counter: false };
  }
  if (counterAllowed) {
    return { template, counter: true };
  }
  throw new InputError(
    `SLO "${slo.id}": the ${role} query has no {{.window}} placeholder, so its values cannot be turned into events per bucket; write it as a rate over [{{.window}}]`,
  );
}

/**
 * Plans how to read an SLO's raw SLI queries. Throws `InputError` when the SLI is not a
 * Prometheus query or cannot be read as good and total counts.
 *
 * @internal
 */
export function planSliQuery(slo: ServiceLevelObjective): SliQueryPlan {
  const sli = slo.sli;
  switch (sli.kind) {
    case 'events':
      return {
        kind: 'counts',
        bad: windowedPart(slo, 'error', sli.errorQuery, false),
        total: windowedPart(slo, 'total', sli.totalQuery, false),
      };
    case 'raw':
      return {
        kind: 'ratio',
        ratio: { template: sli.errorRatioQuery, counter: false },
        measures: 'error',
      };
    case 'ratio': {
      if (sli.raw) {
        if (!sli.rawType) {
          throw new InputError(
            `SLO "${slo.id}": the raw ratio SLI needs rawType "success" or "failure"`,
          );
        }
        const ratio = sourcePart(slo, 'raw', sli.raw, false);
        return {
          kind: 'ratio',
          ratio: { template: ratio.template, counter: false },
          measures: sli.rawType === 'failure' ? 'error' : 'success',
        };
      }
      if (!sli.total || !(sli.good || sli.bad)) {
        throw new InputError(
          `SLO "${slo.id}": the ratio SLI needs a total and a good or bad query`,
        );
      }
      const total = sourcePart(slo, 'total', sli.total, sli.counter);
      return sli.good
        ? {
            kind: 'counts',
            good: sourcePart(slo, 'good', sli.good, sli.counter),
            total,
          }
        : {
            kind: 'counts',
            bad: sourcePart(slo, 'bad', sli.bad!, sli.counter),
            total,
          };
    }
    case 'threshold': {
      const { op, value } = slo.objective;
      if (op === undefined || value === undefined) {
        throw new InputError(
          `SLO "${slo.id}": the threshold SLI needs an objective with op and value`,
        );
      }
      const part = sourcePart(slo, 'threshold', sli.metric, false);
      return {
        kind: 'threshold',
        value: { template: part.template, counter: false },
        op,
        threshold: value,
      };
    }
    default:
      throw notPrometheus(slo, 'unknown SLI kind');
  }
}

/**
 * The name of the Prometheus instance an SLO reads from: the data source its OpenSLO metric
 * sources reference, else its {@link PROMETHEUS_INSTANCE_LABEL} label; `undefined` for the
 * default instance. Throws `InputError` when the metric sources reference different ones.
 *
 * @internal
 */
export function instanceNameOf(slo: ServiceLevelObjective): string | undefined {
  const sli = slo.sli;
  let sources: Array<SliMetricSource | undefined> = [];
  if (sli.kind === 'ratio') {
    sources = [sli.good, sli.bad, sli.total, sli.raw];
  } else if (sli.kind === 'threshold') {
    sources = [sli.metric];
  }
  const refs = [
    ...new Set(
      sources.flatMap(source =>
        source?.dataSourceRef ? [source.dataSourceRef] : [],
      ),
    ),
  ];
  if (refs.length > 1) {
    throw new InputError(
      `SLO "${
        slo.id
      }": its metric sources reference different data sources (${refs.join(
        ', ',
      )}); one SLI reads from one Prometheus`,
    );
  }
  return refs[0] ?? slo.labels[PROMETHEUS_INSTANCE_LABEL];
}

/** Fills in `{{.window}}` with the step, so that a rate covers exactly one bucket. */
export function renderWindow(template: string, stepMs: number): string {
  return template.replace(WINDOW, formatPrometheusDuration(stepMs));
}

/** A PromQL string literal; JSON's escaping is valid PromQL. */
function promString(value: string): string {
  return JSON.stringify(value);
}

function tagged(part: string, expression: string): string {
  return `label_replace(${expression}, ${promString(PART_LABEL)}, ${promString(
    part,
  )}, "", "")`;
}

/**
 * The one PromQL query that reads every part of an SLI at once: each part tagged with
 * {@link PART_LABEL} and joined with `or`. Event counts are summed over their series (a query
 * that is not aggregated still counts all its events); ratios and values are left alone and must
 * return one series.
 *
 * @internal
 */
export function renderSliQuery(plan: SliQueryPlan, stepMs: number): string {
  type Part = { name: string; part: SliQueryPart; sum: boolean };
  let parts: Part[];
  if (plan.kind === 'counts') {
    parts = [{ name: 'total', part: plan.total, sum: true }];
    if (plan.good) {
      parts.unshift({ name: 'good', part: plan.good, sum: true });
    }
    if (plan.bad) {
      parts.unshift({ name: 'bad', part: plan.bad, sum: true });
    }
  } else if (plan.kind === 'ratio') {
    parts = [{ name: 'ratio', part: plan.ratio, sum: false }];
  } else {
    parts = [{ name: 'value', part: plan.value, sum: false }];
  }
  return parts
    .map(({ name, part, sum }) => {
      const query = `(${renderWindow(part.template, stepMs).trim()})`;
      return tagged(name, sum ? `sum(${query})` : query);
    })
    .join('\nor\n');
}

/** Escapes RE2 metacharacters, so that an id matches only itself. */
function escapeRegex(text: string): string {
  return text.replace(/[\\.+*?()|[\]{}^$]/g, '\\$&');
}

/**
 * The query reading Sloth's 5-minute error ratio of many SLOs in one go, one series per
 * `sloth_id`. At a 5-minute step each point is the ratio of its own bucket; at a longer step
 * the recorded ratios within the bucket are averaged with equal weight, as Sloth's own
 * `slo:sli_error:ratio_rate30d` averages them over the period.
 *
 * @internal
 */
export function renderRulesQuery(sloIds: string[], stepMs: number): string {
  const ids = [...new Set(sloIds)].map(escapeRegex).join('|');
  const selector = `${SLOTH_SLI_ERROR_RATIO_5M}{sloth_id=~${promString(ids)}}`;
  const perBucket =
    stepMs === 5 * 60_000
      ? selector
      : `avg_over_time(${selector}[${formatPrometheusDuration(stepMs)}])`;
  return `avg by (sloth_id) (${perBucket})`;
}
