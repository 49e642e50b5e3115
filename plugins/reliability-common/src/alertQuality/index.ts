export type {
  AlertPage,
  AlertUrgency,
  OnCallShift,
  ValidatedAlertPage,
  ValidatedOnCallShift,
} from './model';
export type { AlertRatio, MeanDuration } from './measures';
export { validateAlertQualityInput } from './validation';
export type {
  AlertDataProblem,
  AlertDataProblemEffect,
  AlertDataProblemKind,
  ValidatedAlertQualityInput,
} from './validation';
export {
  measureOnCallLoad,
  SUSTAINABLE_PAGES_PER_12_HOURS,
} from './onCallLoad';
export type {
  OnCallLoad,
  OnCallLoadOptions,
  OnCallLoadSummary,
  OnCallShiftLoad,
} from './onCallLoad';
export {
  classifyAlertPage,
  DEFAULT_QUICK_RESOLVE_MS,
  summarizeAlertNoise,
} from './noise';
export type {
  AlertNoiseOptions,
  AlertNoiseSummary,
  AlertPageClassification,
  AlertPageVerdict,
  AlertPageVerdictReason,
} from './noise';
export { measureAlertResponseTimes } from './responseTimes';
export type { AlertResponseTimes } from './responseTimes';
export {
  classifyInterruptionTime,
  DEFAULT_RESPONDER_HOURS,
  measureInterruptions,
} from './interruptions';
export type {
  InterruptionCounts,
  InterruptionOptions,
  InterruptionPeriod,
  InterruptionReport,
  PageInterruption,
  ResponderHours,
} from './interruptions';
export {
  alertStatesFromPages,
  DEFAULT_ALERT_CHECK_INTERVAL_MS,
  DEFAULT_FLAP_THRESHOLDS,
  detectFlapping,
  FLAP_HISTORY_LENGTH,
  summarizeAlertFlapping,
} from './flapping';
export type {
  AlertCheckResult,
  AlertCheckSeriesOptions,
  AlertCheckState,
  AlertFlapOptions,
  AlertFlapSummary,
  FlapDetectionOptions,
  FlapStep,
} from './flapping';
export { rankNoisiestAlerts } from './noisiestAlerts';
export type {
  AlertQualityByAlert,
  NoisiestAlertsOptions,
} from './noisiestAlerts';
export { analyzeAlertQuality } from './AlertQualityReport';
export type {
  AlertQualityOptions,
  AlertQualityReport,
} from './AlertQualityReport';
