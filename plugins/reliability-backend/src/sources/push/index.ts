export { PushSliSource } from './PushSliSource';
export { SliEventIngestor } from './SliEventIngestor';
export type {
  SloLookup,
  SliIngestResult,
  SliEventIngestorOptions,
} from './SliEventIngestor';
export { SliBucketRollUp, SLI_ROLLUP_TASK_ID } from './SliBucketRollUp';
export { readPushOptions, DEFAULT_PUSH_OPTIONS } from './pushOptions';
export type { PushOptions } from './pushOptions';
export { readStoredSli } from './readStoredSli';
