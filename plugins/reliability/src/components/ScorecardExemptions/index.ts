export { ExemptionQueueSection } from './ExemptionQueueSection';
export { ExemptionRequestDialog } from './ExemptionRequestDialog';
export { ExemptionSummary } from './ExemptionSummary';
export { ExemptionAuditTrail } from './ExemptionAuditTrail';
export { EXEMPTION_STATES } from './exemptionStates';
