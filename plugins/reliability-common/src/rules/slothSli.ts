/**
 * Turns an SLI of any format into one of the two SLI kinds Sloth generates rules from: `events`
 * (error / total) or `raw` (a query returning the error ratio). OpenSLO good/total ratios get
 * Sloth's own conversion into a raw `1 - (good / total)` query, so that they produce the very rules
 * Sloth produces for them.
 */
import type { SliDefinition, SliMetricSource } from '../spec/model';

/**
 * An SLI as Sloth generates rules from it. Queries keep their `{{.window}}` placeholders.
 *
 * @internal
 */
export type SlothSli =
  | { kind: 'events'; errorQuery: string; totalQuery: string }
  | { kind: 'raw'; errorRatioQuery: string };

/**
 * The SLI, or why no Prometheus rules can be generated from it.
 *
 * @internal
 */
export type SlothSliResult = { sli: SlothSli } | { error: string };

/**
 * Sloth's template for OpenSLO ratios (`openSLOErrorRatioRawQueryTpl`), whitespace included: the
 * SLI recording rules embed it verbatim.
 */
function goodOverTotalErrorRatio(good: string, total: string): string {
  return `
  1 - (
    (
      ${good}
    )
    /
    (
      ${total}
    )
  )
`;
}

/** The same shape for a raw ratio that counts successes. */
function successRatioToErrorRatio(success: string): string {
  return `
  1 - (
    ${success}
  )
`;
}

const PROMETHEUS_SOURCES = ['prometheus', 'sloth'];

function prometheusQuery(
  role: string,
  metric: SliMetricSource | undefined,
): { query: string } | { error: string } {
  if (!metric) {
    return { error: `the ratio SLI has no "${role}" query` };
  }
  const type = metric.type?.toLowerCase();
  if (!type || !PROMETHEUS_SOURCES.includes(type)) {
    const named = metric.type
      ? `"${metric.type}"`
      : `unknown (data source ${metric.dataSourceRef ?? 'not set'})`;
    return {
      error: `the "${role}" query's data source type is ${named}; Prometheus rules need a Prometheus data source`,
    };
  }
  const queryType = metric.spec.queryType;
  if (typeof queryType === 'string' && queryType.toLowerCase() !== 'promql') {
    return {
      error: `the "${role}" query type is "${queryType}"; Prometheus rules need "promql"`,
    };
  }
  const query =
    metric.query ??
    (typeof metric.spec.query === 'string' ? metric.spec.query : undefined) ??
    (typeof metric.spec.promql === 'string' ? metric.spec.promql : undefined);
  if (!query || query.trim() === '') {
    return { error: `the "${role}" query is empty` };
  }
  return { query };
}

/**
 * Converts an SLI into Sloth's terms, or says why it cannot produce Prometheus rules.
 *
 * @internal
 */
export function toSlothSli(sli: SliDefinition): SlothSliResult {
  switch (sli.kind) {
    case 'events':
      return {
        sli: {
          kind: 'events',
          errorQuery: sli.errorQuery,
          totalQuery: sli.totalQuery,
        },
      };
    case 'raw':
      return { sli: { kind: 'raw', errorRatioQuery: sli.errorRatioQuery } };
    case 'threshold':
      return {
        error:
          'threshold SLIs cannot be turned into burn-rate recording and alerting rules; use a ratio SLI (good or bad over total)',
      };
    case 'ratio':
      return ratioToSlothSli(sli);
    default:
      return { error: 'unknown SLI kind' };
  }
}

function ratioToSlothSli(
  sli: Extract<SliDefinition, { kind: 'ratio' }>,
): SlothSliResult {
  if (sli.raw) {
    const raw = prometheusQuery('raw', sli.raw);
    if ('error' in raw) {
      return raw;
    }
    if (sli.rawType === 'failure') {
      return { sli: { kind: 'raw', errorRatioQuery: raw.query } };
    }
    if (sli.rawType === 'success') {
      return {
        sli: {
          kind: 'raw',
          errorRatioQuery: successRatioToErrorRatio(raw.query),
        },
      };
    }
    return {
      error:
        'the raw ratio SLI needs rawType "success" or "failure" to know what it measures',
    };
  }
  const total = prometheusQuery('total', sli.total);
  if ('error' in total) {
    return total;
  }
  if (sli.good) {
    // Sloth counts errors; OpenSLO good/total becomes a raw error ratio, exactly as Sloth maps it.
    const good = prometheusQuery('good', sli.good);
    if ('error' in good) {
      return good;
    }
    return {
      sli: {
        kind: 'raw',
        errorRatioQuery: goodOverTotalErrorRatio(good.query, total.query),
      },
    };
  }
  if (sli.bad) {
    const bad = prometheusQuery('bad', sli.bad);
    if ('error' in bad) {
      return bad;
    }
    return {
      sli: { kind: 'events', errorQuery: bad.query, totalQuery: total.query },
    };
  }
  return { error: 'the ratio SLI needs a "good" or a "bad" query' };
}
