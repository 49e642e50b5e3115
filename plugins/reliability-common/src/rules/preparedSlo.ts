/**
 * An SLO reduced to what rule generation needs, with every default applied and every input
 * checked: the rule builders work on this only, so they cannot fail half-way through an SLO.
 */
import type { BurnRateAlerts } from './burnRateAlerts';
import type { SloIdentity } from './conventions';
import type { SlothSli } from './slothSli';

/**
 * Name, labels and annotations of one alerting rule (page or ticket).
 *
 * @internal
 */
export interface PreparedAlert {
  name: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
}

/**
 * The values of the `sloth_slo_info` labels that describe the generator.
 *
 * @internal
 */
export interface GeneratorInfo {
  version: string;
  /** `cli-gen-prom`, `cli-gen-k8s`, `cli-gen-openslo` or their `api-` forms. */
  mode: string;
  /** The spec the SLO was written in, e.g. `prometheus/v1`. */
  spec: string;
}

/**
 * One SLO ready for rule generation.
 *
 * @internal
 */
export interface PreparedSlo {
  identity: SloIdentity;
  periodMs: number;
  /** Objective in percent, e.g. 99.9. */
  objectivePercent: number;
  /** The SLO's labels with the extra labels merged in. */
  labels: Record<string, string>;
  sli: SlothSli;
  alerts: BurnRateAlerts;
  page?: PreparedAlert;
  ticket?: PreparedAlert;
  info: GeneratorInfo;
}
