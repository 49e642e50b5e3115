export {
  collectRunbooks,
  isMarkdownTarget,
  runbookId,
} from './collectRunbooks';
export type { CollectedRunbook, RunbookCollection } from './collectRunbooks';
export {
  ALERT_RUNBOOK_ANNOTATIONS,
  alertRunbookLocation,
} from './alertRunbook';
export { findPagingAlertsWithoutRunbook } from './findPagingAlertsWithoutRunbook';
export { readRunbookSettings } from './config';
export type { RunbookSettings } from './config';
export { RunbookChecker } from './RunbookChecker';
export type {
  RunbookCheckResult,
  RunbookCheckerOptions,
} from './RunbookChecker';
export { DatabaseRunbookCheckStore } from './RunbookCheckStore';
export type {
  RunbookCheckStore,
  RunbookCheckUpdate,
  StoredRunbookCheck,
} from './RunbookCheckStore';
export {
  MAX_RUNBOOK_BYTES,
  RunbookMarkdownReader,
} from './RunbookMarkdownReader';
export { DefaultRunbookService } from './RunbookService';
export type * from './types';
export { RunbookTreeReader, runbookTreeLocation } from './RunbookTreeReader';
export type { RunbookTreeRead } from './RunbookTreeReader';
export { RunbookTreeService } from './RunbookTreeService';
export type {
  RunbookTreeFreshness,
  RunbookTreeState,
} from './RunbookTreeService';
