import type { SpecProblem } from '../../../problems';
import type { SliDefinition, SliMetricSource } from '../../model';
import { hasErrorsSince } from '../../problemCounts';
import type { PathSegment } from '../../yaml/path';
import type { YamlObject } from '../../yaml/YamlObject';
import { definedAt, OpenSloV1Lookup } from './OpenSloV1Entry';
import type { OpenSloV1MetricSource, OpenSloV1SliSpec } from './schema';

/**
 * Where an SLI spec was written: its object and the path of its `spec` inside it.
 *
 * @internal
 */
export interface SliSpecAt {
  object: YamlObject;
  path: readonly PathSegment[];
}

/**
 * Checks how the parts of an OpenSLO SLI spec fit together (threshold or ratio; good or bad over
 * total, or raw with rawType), resolves data sources, and gives the SLI definition; `undefined`
 * when an error was reported.
 *
 * @internal
 */
export function toSliDefinition(
  spec: OpenSloV1SliSpec,
  at: SliSpecAt,
  lookup: OpenSloV1Lookup,
  problems: SpecProblem[],
): SliDefinition | undefined {
  const problem = (
    path: readonly PathSegment[],
    message: string,
    severity: SpecProblem['severity'] = 'error',
  ) =>
    problems.push(at.object.problem([...at.path, ...path], message, severity));

  if (spec.thresholdMetric && spec.ratioMetric) {
    problem(
      ['ratioMetric'],
      'an SLI has either "thresholdMetric" or "ratioMetric", not both',
    );
    return undefined;
  }
  if (spec.thresholdMetric) {
    const metric = toMetricSource(
      spec.thresholdMetric.metricSource,
      {
        object: at.object,
        path: [...at.path, 'thresholdMetric', 'metricSource'],
      },
      lookup,
      problems,
    );
    return metric && { kind: 'threshold', metric };
  }
  const ratio = spec.ratioMetric;
  if (!ratio) {
    problem(
      [],
      'an SLI needs "ratioMetric" (good or bad over total, or raw) or "thresholdMetric"',
    );
    return undefined;
  }

  const start = problems.length;
  if (ratio.total && ratio.raw) {
    problem(
      ['ratioMetric', 'raw'],
      'a ratio uses either "total" (with "good" or "bad") or "raw", not both',
    );
  } else if (ratio.total) {
    if (ratio.good && ratio.bad) {
      problem(
        ['ratioMetric', 'bad'],
        'a ratio counts either "good" or "bad" events over "total", not both',
      );
    } else if (!ratio.good && !ratio.bad) {
      problem(['ratioMetric'], '"good" or "bad" is required with "total"');
    }
    if (ratio.rawType) {
      problem(
        ['ratioMetric', 'rawType'],
        'rawType applies only to "raw"; "good" or "bad" already says what the ratio counts',
      );
    }
  } else if (ratio.raw) {
    for (const part of ['good', 'bad'] as const) {
      if (ratio[part]) {
        problem(
          ['ratioMetric', part],
          `"${part}" cannot be combined with "raw", which is a precomputed ratio`,
        );
      }
    }
    if (!ratio.rawType) {
      problem(
        ['ratioMetric'],
        '"rawType" is required with "raw": "success" if the ratio counts good events, "failure" if it counts bad ones',
      );
    }
  } else {
    problem(
      ['ratioMetric'],
      'a ratio needs "total" (with "good" or "bad") or "raw" (with "rawType")',
    );
  }

  const sources: Partial<
    Record<'good' | 'bad' | 'total' | 'raw', SliMetricSource>
  > = {};
  for (const part of ['good', 'bad', 'total', 'raw'] as const) {
    const metric = ratio[part];
    if (metric) {
      sources[part] = toMetricSource(
        metric.metricSource,
        {
          object: at.object,
          path: [...at.path, 'ratioMetric', part, 'metricSource'],
        },
        lookup,
        problems,
      );
    }
  }
  if (hasErrorsSince(problems, start)) {
    return undefined;
  }
  return {
    kind: 'ratio',
    // The spec ignores `counter` for raw ratios; false is the SDK's default.
    counter: ratio.counter ?? false,
    ...sources,
    ...(ratio.raw ? { rawType: ratio.rawType } : {}),
  };
}

/** A metric source with its data source resolved; `undefined` when an error was reported. */
function toMetricSource(
  source: OpenSloV1MetricSource,
  at: SliSpecAt,
  lookup: OpenSloV1Lookup,
  problems: SpecProblem[],
): SliMetricSource | undefined {
  const problem = (
    path: readonly PathSegment[],
    message: string,
    severity: SpecProblem['severity'] = 'error',
  ) =>
    problems.push(at.object.problem([...at.path, ...path], message, severity));

  let type = source.type;
  const ref = source.metricSourceRef;
  if (ref) {
    const dataSource = lookup.find('DataSource', ref);
    if (!dataSource) {
      // The data source may be configured in the SLO platform rather than in a file.
      problem(
        ['metricSourceRef'],
        `no DataSource named "${ref}" is among the files read together; ${
          type
            ? `the query is taken to be of type "${type}"`
            : 'without "type" the kind of query is unknown'
        }`,
        'warning',
      );
    } else if (!dataSource.data) {
      problem(
        ['metricSourceRef'],
        `the DataSource "${ref}" (${definedAt(
          dataSource,
        )}) has errors; fix them first`,
      );
      return undefined;
    } else if (type && type !== dataSource.data.spec.type) {
      problem(
        ['type'],
        `the type "${type}" contradicts the type "${
          dataSource.data.spec.type
        }" of the DataSource "${ref}" (${definedAt(dataSource)})`,
      );
      return undefined;
    } else {
      type = dataSource.data.spec.type;
    }
  } else if (!type) {
    problem(
      [],
      '"type" is required when no "metricSourceRef" names a DataSource (e.g. type: Prometheus)',
    );
    return undefined;
  }

  const query = [source.spec.query, source.spec.promql].find(
    (candidate): candidate is string => typeof candidate === 'string',
  );
  return {
    ...(ref ? { dataSourceRef: ref } : {}),
    ...(type ? { type } : {}),
    spec: source.spec,
    ...(query !== undefined ? { query } : {}),
  };
}
