/**
 * One attempt of a JSON-over-HTTP call to an outbound API (PagerDuty, Opsgenie, Prometheus), and
 * the mapping of its status to a typed error. What the clients share lives here: the timeout
 * combined with the caller's abort signal, network failures made retryable, the body read once
 * and parsed leniently, and statuses mapped to `@backstage/errors` classes or
 * {@link RetryableError}. Retrying stays with the caller ({@link withRetries}), which knows
 * whether the call is idempotent and what to count or log per attempt; the wording of errors
 * stays with the caller too, since it names the system, the account and the config key to fix.
 */
import {
  AuthenticationError,
  InputError,
  NotAllowedError,
  NotFoundError,
  ServiceUnavailableError,
  isError,
} from '@backstage/errors';
import { RetryableError, parseRetryAfterMs } from './retry';

/**
 * One HTTP request of {@link fetchJson}.
 *
 * @internal
 */
export interface FetchJsonRequest {
  url: string;
  /** Default `GET`. */
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  /** Timeout of this one request, milliseconds. */
  timeoutMs: number;
  /** The caller's signal; when it aborts, its reason is thrown and nothing is retried. */
  signal?: AbortSignal;
  /** Replaces the global `fetch`, for tests. */
  fetch?: typeof fetch;
  /**
   * The error to report when the server could not be reached (connection refused or reset, DNS
   * failure, timeout), e.g. `ServiceUnavailableError`. `detail` is the failure with its
   * underlying cause, e.g. `fetch failed (connect ECONNREFUSED 127.0.0.1:9)`. It is wrapped in
   * a {@link RetryableError}, since such failures may pass when tried again.
   */
  unreachableError: (detail: string, cause: Error) => Error;
}

/**
 * What {@link fetchJson} read: the status and headers, the body as text and, when the text is
 * JSON, parsed.
 *
 * @internal
 */
export interface JsonResponse {
  status: number;
  headers: Headers;
  text: string;
  /** The body parsed as JSON; `undefined` when it is not JSON (an HTML error page, empty). */
  json: unknown;
}

/**
 * Sends one request and reads its whole body, whatever the status; call {@link httpStatusError}
 * on the result. Throws the caller's abort reason when its signal aborted, and a
 * {@link RetryableError} wrapping `unreachableError(…)` when the server could not be reached.
 *
 * @internal
 */
export async function fetchJson(
  request: FetchJsonRequest,
): Promise<JsonResponse> {
  const { signal } = request;
  const doFetch = request.fetch ?? fetch;
  const timeout = AbortSignal.timeout(request.timeoutMs);
  let response: Response;
  try {
    response = await doFetch(request.url, {
      method: request.method ?? 'GET',
      headers: request.headers,
      body: request.body,
      signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
    });
  } catch (error) {
    if (signal?.aborted) {
      throw signal.reason;
    }
    // Connection refused, reset, DNS failure or our own timeout: worth another try.
    const cause = isError(error) ? error : new Error(String(error));
    // Node's fetch says only "fetch failed"; what failed is in its cause.
    const detail =
      isError(cause.cause) && cause.cause.message
        ? `${cause.message} (${cause.cause.message})`
        : cause.message;
    throw new RetryableError(request.unreachableError(detail, cause));
  }
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json };
}

/**
 * The start of a response body for an error message (trimmed, at most `maxChars`), or
 * `no response body` when it is empty.
 *
 * @internal
 */
export function responseExcerpt(text: string, maxChars = 200): string {
  return text.trim().slice(0, maxChars) || 'no response body';
}

/**
 * Errors for particular statuses in place of {@link httpStatusError}'s defaults, each built from
 * the message, e.g. a config error naming the key to fix for 401.
 *
 * @internal
 */
export type StatusErrorOverrides = Partial<
  Record<number, (message: string) => Error>
>;

/**
 * The error a non-2xx status stands for, with `message` as its message, or `undefined` for a
 * 2xx. Unless `overrides` says otherwise: 429 and 5xx become a {@link RetryableError} (of a
 * `ServiceUnavailableError`, waiting as `Retry-After` asks); 400 and 422 an `InputError`; 401 an
 * `AuthenticationError`; 403 a `NotAllowedError`; 404 a `NotFoundError`; anything else a
 * `ServiceUnavailableError`, since the server did not answer as its API documents.
 *
 * @internal
 */
export function httpStatusError(
  response: Pick<JsonResponse, 'status' | 'headers'>,
  message: string,
  overrides: StatusErrorOverrides = {},
): Error | undefined {
  const { status } = response;
  if (status >= 200 && status < 300) {
    return undefined;
  }
  const override = overrides[status];
  if (override) {
    return override(message);
  }
  if (status === 429 || status >= 500) {
    return new RetryableError(
      new ServiceUnavailableError(message),
      parseRetryAfterMs(response.headers.get('retry-after')),
    );
  }
  switch (status) {
    case 400:
    case 422:
      return new InputError(message);
    case 401:
      return new AuthenticationError(message);
    case 403:
      return new NotAllowedError(message);
    case 404:
      return new NotFoundError(message);
    default:
      return new ServiceUnavailableError(message);
  }
}
