import { guardedHttpRequest, RequestRefusedError, SsrfGuard } from '../../net';
import { HttpProbeSpec } from './httpProbeSpec';

/**
 * What one probe request gave: `good` or `bad` count as a bucket; `error` means the probe was not
 * allowed to run and counts as nothing.
 *
 * @internal
 */
export interface HttpProbeOutcome {
  outcome: 'good' | 'bad' | 'error';
  statusCode?: number;
  latencyMs?: number;
  message?: string;
}

function describeExpected(expected: number[] | undefined): string {
  if (!expected) {
    return 'a 2xx status';
  }
  return expected.length === 1
    ? String(expected[0])
    : `one of ${expected.join(', ')}`;
}

/**
 * Runs one HTTP probe through the SSRF guard and classifies it: good when the status is expected
 * (any 2xx unless the spec lists statuses) and the response was complete within the latency
 * threshold; bad on another status, a slow response, a timeout or a network failure; error when the
 * guard refused the URL or a redirect.
 *
 * @internal
 */
export async function runHttpProbe(
  guard: SsrfGuard,
  spec: HttpProbeSpec,
  options: { timeoutMs: number; signal?: AbortSignal },
): Promise<HttpProbeOutcome> {
  let response;
  try {
    response = await guardedHttpRequest(guard, {
      url: spec.url,
      method: spec.method,
      timeoutMs: options.timeoutMs,
      maxRedirects: spec.followRedirects ? 5 : 0,
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof RequestRefusedError) {
      return { outcome: 'error', message: `refused: ${error.message}` };
    }
    if (options.signal?.aborted) {
      throw error;
    }
    return { outcome: 'bad', message: (error as Error).message };
  }

  const statusCode = response.status;
  const latencyMs = Math.round(response.latencyMs);
  const statusOk = spec.expectedStatus
    ? spec.expectedStatus.includes(statusCode)
    : statusCode >= 200 && statusCode < 300;
  if (!statusOk) {
    return {
      outcome: 'bad',
      statusCode,
      latencyMs,
      message: `status ${statusCode}, expected ${describeExpected(
        spec.expectedStatus,
      )}`,
    };
  }
  if (
    spec.latencyThresholdMs !== undefined &&
    response.latencyMs > spec.latencyThresholdMs
  ) {
    return {
      outcome: 'bad',
      statusCode,
      latencyMs,
      message: `latency ${latencyMs} ms above the threshold of ${spec.latencyThresholdMs} ms`,
    };
  }
  return { outcome: 'good', statusCode, latencyMs };
}
