export * from './releasePolicy';
export {
  parseReleasePolicyFile,
  parseReleasePolicySpec,
  RELEASE_POLICY_API_VERSION,
  RELEASE_POLICY_KIND,
} from './parseReleasePolicy';
export type { ReleasePolicyParseResult } from './parseReleasePolicy';
export * from './freezeWindows';
export * from './decideRelease';
export * from './expectedBudgetRecovery';
