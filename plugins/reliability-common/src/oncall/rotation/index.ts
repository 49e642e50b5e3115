export * from './model';
export { parseRotationFile } from './parseRotationFile';
export type {
  RotationParseOptions,
  RotationParseResult,
} from './parseRotationFile';
export { ROTATION_API_VERSION, ROTATION_KIND } from './schema';
export { normalizeUserEntityRef } from './userRef';
export type { UserRefResult } from './userRef';
export {
  computeRotationOnCallShifts,
  computeRotationSchedule,
} from './rotationSchedule';
export type { RotationPeriod } from './rotationSchedule';
export {
  computeRotationEscalationChain,
  findRotationNextOnCall,
  findRotationOnCallAt,
  summarizeRotationOnCall,
  toOnCallAssignment,
} from './onCall';
export type { RotationOnCallSummary } from './onCall';
