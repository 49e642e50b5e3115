import { ServiceLevelObjective } from '@reliability/backstage-plugin-common';

/**
 * The type of SLI source an SLO reads from, in lower kebab case: Sloth SLIs are Prometheus
 * queries; OpenSLO SLIs name theirs in `metricSource.type` (`Prometheus`, `Push`, `HttpProbe`).
 * `undefined` when the SLI names no type.
 *
 * @internal
 */
export function sliSourceTypeOf(
  slo: ServiceLevelObjective,
): string | undefined {
  const sli = slo.sli;
  let type: string | undefined;
  switch (sli.kind) {
    case 'events':
    case 'raw':
      return 'prometheus';
    case 'ratio':
      type = (sli.good ?? sli.bad ?? sli.raw ?? sli.total)?.type;
      break;
    case 'threshold':
      type = sli.metric.type;
      break;
    default:
      return undefined;
  }
  return type
    ?.replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/[\s_]+/g, '-')
    .toLowerCase();
}
