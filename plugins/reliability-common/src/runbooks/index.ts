export * from './model';
export { parseRunbookFile } from './parseRunbookFile';
export type {
  RunbookParseOptions,
  RunbookParseResult,
} from './parseRunbookFile';
export { RUNBOOK_API_VERSION, RUNBOOK_KIND } from './schema';
export { findRunbookEntryNode } from './entryNode';
export { runbookLinkHref } from './links';
export { findRunbookEvidenceSlos } from './sloEvidence';
export { renderRunbookMarkdown } from './renderRunbookMarkdown';
export { renderRunbookMermaid } from './renderRunbookMermaid';
export { checkRunbookWalk, formatRunbookWalk, nextRunbookNodeId } from './walk';
export type { RunbookWalkCheck } from './walk';
