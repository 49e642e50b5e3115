export { addressRefusal } from './addressPolicy';
export type { AddressPolicyOptions } from './addressPolicy';
export { HostAllowList, normalizeHost } from './HostAllowList';
export { RequestRefusedError, SsrfGuard } from './SsrfGuard';
export type {
  CheckedTarget,
  ResolvedAddress,
  SsrfGuardOptions,
} from './SsrfGuard';
export { fetchJson, httpStatusError, responseExcerpt } from './fetchJson';
export type {
  FetchJsonRequest,
  JsonResponse,
  StatusErrorOverrides,
} from './fetchJson';
export { guardedHttpRequest, pinnedLookup } from './guardedHttpRequest';
export type {
  GuardedHttpRequestOptions,
  GuardedHttpResponse,
} from './guardedHttpRequest';
export {
  backoffDelayMs,
  defaultRetryPolicy,
  parseRetryAfterMs,
  RetryableError,
  sleep,
  withRetries,
} from './retry';
export type { RetryPolicy, Sleep, WithRetriesOptions } from './retry';
