export { PrometheusSliSource } from './PrometheusSliSource';
export type {
  PrometheusCycleStats,
  PrometheusInstanceConfig,
  PrometheusReadStrategy,
  PrometheusSliSourceOptions,
} from './PrometheusSliSource';
export {
  PrometheusApi,
  PROMETHEUS_MAX_POINTS_PER_SERIES,
} from './PrometheusApi';
export type {
  PrometheusApiOptions,
  PrometheusCallOptions,
  PrometheusInstantSample,
  PrometheusQueryCounter,
  PrometheusRangeSeries,
} from './PrometheusApi';
export { PROMETHEUS_MIN_STEP_MS } from './bucketGrid';
export { defaultRetryPolicy } from '../../net/retry';
export type { RetryPolicy } from '../../net/retry';
export {
  PROMETHEUS_INSTANCE_LABEL,
  SLOTH_SLI_ERROR_RATIO_5M,
} from './sliQueries';
