/**
 * The one retry helper every outbound call (Prometheus, PagerDuty, Opsgenie) goes through. Only failures that are worth trying
 * again (network errors, 429, 5xx) are retried, only for idempotent requests, with capped
 * exponential backoff and `Retry-After` honoured. It holds no state between calls.
 */

/**
 * How calls are retried.
 *
 * @public
 */
export interface RetryPolicy {
  /** Attempts in all, the first one included. Default 4. */
  maxAttempts: number;
  /** Backoff before the first retry, doubled before each next one. Default 250 ms. */
  baseDelayMs: number;
  /** Cap of the exponential backoff. Default 8 s. */
  maxDelayMs: number;
  /**
   * The longest `Retry-After` that is waited for. A server asking for longer fails the call at
   * once, so that an evaluation cycle is not held up for minutes. Default 30 s.
   */
  maxRetryAfterMs: number;
}

/**
 * The default {@link RetryPolicy}.
 *
 * @public
 */
export const defaultRetryPolicy: Readonly<RetryPolicy> = Object.freeze({
  maxAttempts: 4,
  baseDelayMs: 250,
  maxDelayMs: 8_000,
  maxRetryAfterMs: 30_000,
});

/**
 * A failure that may pass when tried again. `error` is what the caller gets when it is not
 * retried (attempts exhausted, not idempotent, `Retry-After` too long).
 *
 * @internal
 */
export class RetryableError extends Error {
  constructor(
    readonly error: Error,
    /** What the server asked for with `Retry-After`, milliseconds. */
    readonly retryAfterMs?: number,
  ) {
    super(error.message);
    this.name = 'RetryableError';
  }
}

/**
 * Waits `ms` milliseconds; rejects with the signal's reason when it aborts.
 *
 * @internal
 */
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

/** @internal */
export const sleep: Sleep = (ms, signal) =>
  new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    let onAbort = () => {};
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });

/**
 * Options of one {@link withRetries} call.
 *
 * @internal
 */
export interface WithRetriesOptions {
  /** Only idempotent calls are retried; others fail on their first retryable error. */
  idempotent: boolean;
  policy?: Partial<RetryPolicy>;
  signal?: AbortSignal;
  sleep?: Sleep;
  /** Jitter source in [0, 1); `Math.random` by default. */
  random?: () => number;
  /** Called before each wait, e.g. to log. */
  onRetry?: (info: { attempt: number; delayMs: number; error: Error }) => void;
}

/**
 * The backoff before retry number `retry` (1 for the first): `base × 2^(retry − 1)` capped at
 * `maxDelayMs`, with "equal jitter" (a random half on top of a fixed half) so that many clients
 * failing together do not retry in lockstep; never shorter than `Retry-After`.
 *
 * @internal
 */
export function backoffDelayMs(
  retry: number,
  policy: RetryPolicy,
  random: () => number,
  retryAfterMs?: number,
): number {
  const exponential = Math.min(
    policy.maxDelayMs,
    policy.baseDelayMs * 2 ** (retry - 1),
  );
  const jittered = exponential / 2 + (random() * exponential) / 2;
  return Math.max(jittered, retryAfterMs ?? 0);
}

/**
 * Parses `Retry-After`: delay seconds or an HTTP date. `undefined` when absent or malformed.
 *
 * @internal
 */
export function parseRetryAfterMs(
  header: string | null,
  nowMs: number = Date.now(),
): number | undefined {
  if (!header) {
    return undefined;
  }
  const text = header.trim();
  if (/^\d+(\.\d+)?$/.test(text)) {
    return Number(text) * 1000;
  }
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
}

/**
 * Runs `operation` until it succeeds, throws a non-retryable error, or the policy gives up.
 * `operation` throws {@link RetryableError} for transient failures; anything else passes
 * through untouched. An aborted signal stops at once with its reason.
 *
 * @internal
 */
export async function withRetries<T>(
  operation: (attempt: number) => Promise<T>,
  options: WithRetriesOptions,
): Promise<T> {
  const policy: RetryPolicy = { ...defaultRetryPolicy, ...options.policy };
  const wait = options.sleep ?? sleep;
  const random = options.random ?? Math.random;
  for (let attempt = 1; ; attempt++) {
    options.signal?.throwIfAborted();
    try {
      return await operation(attempt);
    } catch (error) {
      if (!(error instanceof RetryableError)) {
        throw error;
      }
      if (options.signal?.aborted) {
        throw options.signal.reason;
      }
      const tooLong =
        error.retryAfterMs !== undefined &&
        error.retryAfterMs > policy.maxRetryAfterMs;
      if (!options.idempotent || attempt >= policy.maxAttempts || tooLong) {
        throw error.error;
      }
      const delayMs = backoffDelayMs(
        attempt,
        policy,
        random,
        error.retryAfterMs,
      );
      options.onRetry?.({ attempt, delayMs, error: error.error });
      await wait(delayMs, options.signal);
    }
  }
}
