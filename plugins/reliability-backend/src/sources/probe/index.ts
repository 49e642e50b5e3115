export { HttpProbeSliSource } from './HttpProbeSliSource';
export {
  HttpProbeRunner,
  HTTP_PROBES_TASK_ID,
  readProbeTimeoutMs,
} from './HttpProbeRunner';
export type {
  HttpProbeRunnerOptions,
  HttpProbeRunSummary,
  SloLister,
} from './HttpProbeRunner';
export { DatabaseHttpProbeStatusStore } from './HttpProbeStatusStore';
export type {
  HttpProbeStatus,
  HttpProbeStatusStore,
} from './HttpProbeStatusStore';
export { parseHttpProbeSpec } from './httpProbeSpec';
export type { HttpProbeSpec } from './httpProbeSpec';
export { runHttpProbe } from './runHttpProbe';
export type { HttpProbeOutcome } from './runHttpProbe';
