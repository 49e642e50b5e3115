/**
 * The client of the Prometheus HTTP API (`/api/v1/query`, `/api/v1/query_range`), which Thanos,
 * Mimir, Cortex and VictoriaMetrics serve as well. Queries are POSTed form-encoded, so that long
 * selectors fit, and they are read-only, hence idempotent and retried through {@link withRetries}.
 * Statuses become typed errors from `@backstage/errors`.
 */
import {
  InputError,
  NotFoundError,
  ServiceUnavailableError,
} from '@backstage/errors';
import {
  JsonResponse,
  fetchJson,
  httpStatusError,
  responseExcerpt,
} from '../../net/fetchJson';
import { RetryPolicy, Sleep, withRetries } from '../../net/retry';

/**
 * One series of a range query: its labels and `[unix seconds, value]` pairs, values as the API
 * writes them (`"1.5"`, `"NaN"`, `"+Inf"`).
 *
 * @public
 */
export interface PrometheusRangeSeries {
  metric: Record<string, string>;
  values: Array<[number, string]>;
}

/**
 * One series of an instant query.
 *
 * @public
 */
export interface PrometheusInstantSample {
  metric: Record<string, string>;
  value: [number, string];
}

/**
 * Counts what a client sends, so that a caller can tell how many queries one evaluation cycle
 * cost. The caller owns the object; the client only increments it.
 *
 * @public
 */
export interface PrometheusQueryCounter {
  /** PromQL queries, each counted once however often it was retried. */
  queries: number;
  /** HTTP requests, retries included. */
  requests: number;
}

/**
 * Options of one query call.
 *
 * @public
 */
export interface PrometheusCallOptions {
  signal?: AbortSignal;
  counter?: PrometheusQueryCounter;
}

/**
 * How to reach one Prometheus-compatible HTTP API.
 *
 * @public
 */
export interface PrometheusApiOptions {
  /** The instance name from config, used in error messages. */
  name: string;
  /** Base URL, e.g. `http://prometheus:9090` or `http://mimir/prometheus`. */
  baseUrl: string;
  /** Extra headers, e.g. `Authorization` or `X-Scope-OrgID`. */
  headers?: Record<string, string>;
  /** Timeout of one HTTP request. Default 60 s. */
  timeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  /** Replaces the global `fetch`, for tests. */
  fetch?: typeof fetch;
  /** Replaces the backoff wait, for tests. */
  sleep?: Sleep;
}

/**
 * The largest number of points Prometheus returns per series of a range query; it rejects
 * queries asking for more ("exceeded maximum resolution of 11,000 points per timeseries").
 *
 * @public
 */
export const PROMETHEUS_MAX_POINTS_PER_SERIES = 11_000;

interface ApiResponseBody {
  status?: string;
  data?: { resultType?: string; result?: unknown };
  errorType?: string;
  error?: string;
}

/** Prometheus' own error message from a response body, when it sent one. */
function describeBody(body: ApiResponseBody | undefined, text: string) {
  if (body?.error) {
    return body.errorType ? `${body.errorType}: ${body.error}` : body.error;
  }
  return responseExcerpt(text);
}

function seconds(ms: number): string {
  return String(ms / 1000);
}

/**
 * A client of one Prometheus HTTP API.
 *
 * @public
 */
export class PrometheusApi {
  readonly name: string;
  readonly baseUrl: string;
  readonly #headers: Record<string, string>;
  readonly #timeoutMs: number;
  readonly #retry?: Partial<RetryPolicy>;
  readonly #fetch: typeof fetch;
  readonly #sleep?: Sleep;

  constructor(options: PrometheusApiOptions) {
    this.name = options.name;
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.#headers = options.headers ?? {};
    this.#timeoutMs = options.timeoutMs ?? 60_000;
    this.#retry = options.retry;
    this.#fetch = options.fetch ?? ((...args) => fetch(...args));
    this.#sleep = options.sleep;
  }

  /**
   * Evaluates `query` over `[startMs, endMs]` every `stepMs` (`/api/v1/query_range`).
   */
  async queryRange(
    query: string,
    range: { startMs: number; endMs: number; stepMs: number },
    options: PrometheusCallOptions = {},
  ): Promise<PrometheusRangeSeries[]> {
    const points = Math.floor((range.endMs - range.startMs) / range.stepMs) + 1;
    if (points > PROMETHEUS_MAX_POINTS_PER_SERIES) {
      throw new InputError(
        `A range query of ${points} points per series exceeds Prometheus' limit of ${PROMETHEUS_MAX_POINTS_PER_SERIES}; use a longer step`,
      );
    }
    const result = await this.#call(
      'query_range',
      {
        query,
        start: seconds(range.startMs),
        end: seconds(range.endMs),
        step: seconds(range.stepMs),
      },
      'matrix',
      options,
    );
    return result as PrometheusRangeSeries[];
  }

  /**
   * Evaluates `query` at one moment (`/api/v1/query`); the result must be an instant vector.
   */
  async query(
    query: string,
    timeMs: number,
    options: PrometheusCallOptions = {},
  ): Promise<PrometheusInstantSample[]> {
    const result = await this.#call(
      'query',
      { query, time: seconds(timeMs) },
      'vector',
      options,
    );
    return result as PrometheusInstantSample[];
  }

  async #call(
    endpoint: 'query' | 'query_range',
    params: Record<string, string>,
    resultType: 'matrix' | 'vector',
    options: PrometheusCallOptions,
  ): Promise<unknown> {
    const url = `${this.baseUrl}/api/v1/${endpoint}`;
    const body = new URLSearchParams(params).toString();
    if (options.counter) {
      options.counter.queries += 1;
    }
    return withRetries(
      async () => {
        if (options.counter) {
          options.counter.requests += 1;
        }
        const response = await this.#send(url, body, options.signal);
        return this.#read(response, resultType);
      },
      {
        // Queries only read: sending one twice cannot change anything.
        idempotent: true,
        policy: this.#retry,
        signal: options.signal,
        sleep: this.#sleep,
      },
    );
  }

  async #send(
    url: string,
    body: string,
    signal: AbortSignal | undefined,
  ): Promise<JsonResponse> {
    return fetchJson({
      url,
      method: 'POST',
      headers: {
        ...this.#headers,
        'Content-Type': 'application/x-www-form-urlencoded',
        Accept: 'application/json',
      },
      body,
      timeoutMs: this.#timeoutMs,
      signal,
      fetch: this.#fetch,
      unreachableError: (detail, cause) =>
        new ServiceUnavailableError(
          `Prometheus "${this.name}" at ${this.baseUrl} could not be reached: ${detail}`,
          cause,
        ),
    });
  }

  #read(response: JsonResponse, resultType: 'matrix' | 'vector'): unknown {
    const { status, text } = response;
    const body = response.json as ApiResponseBody | undefined;
    const what = `Prometheus "${this.name}" answered ${status}: ${describeBody(
      body,
      text,
    )}`;
    // 400 is a malformed query, 422 one that cannot be executed (too many samples, bad
    // matching): both are the SLO's query at fault, and asking again does not help. Those, 401,
    // 403, 429 and 5xx map as httpStatusError does by default.
    const error = httpStatusError(response, what, {
      404: message =>
        new NotFoundError(
          `${message} (is ${this.baseUrl} the base URL of a Prometheus HTTP API?)`,
        ),
    });
    if (error) {
      throw error;
    }
    // The API documents 200 for every answer; another 2xx comes from something else in between.
    if (status !== 200) {
      throw new ServiceUnavailableError(what);
    }
    if (body?.status !== 'success' || !body.data) {
      throw new ServiceUnavailableError(
        `Prometheus "${
          this.name
        }" answered 200 without a successful API response: ${describeBody(
          body,
          text,
        )}`,
      );
    }
    if (body.data.resultType !== resultType) {
      throw new InputError(
        `Prometheus "${this.name}" returned a ${body.data.resultType} where a ${resultType} was expected`,
      );
    }
    const problem = malformedResult(body.data.result, resultType);
    if (problem) {
      // The query was fine; what answered is not a working Prometheus API (a broken proxy, an
      // incompatible backend), so this is an outage of the source, not the SLO's fault.
      throw new ServiceUnavailableError(
        `Prometheus "${this.name}" answered a malformed ${resultType}: ${problem}; is ${this.baseUrl} a Prometheus HTTP API?`,
      );
    }
    return body.data.result;
  }
}

function isSample(value: unknown): boolean {
  return (
    Array.isArray(value) &&
    value.length === 2 &&
    typeof value[0] === 'number' &&
    typeof value[1] === 'string'
  );
}

/**
 * What is wrong with a query result, or `undefined` when it has the documented shape: an array
 * of series, each with a `metric` object and `values` (matrix) or `value` (vector) made of
 * `[unix seconds, "value"]` pairs. Checked here so that garbage fails with a clear error instead
 * of a `TypeError` deep in the bucket maths.
 *
 * @internal
 */
export function malformedResult(
  result: unknown,
  resultType: 'matrix' | 'vector',
): string | undefined {
  if (!Array.isArray(result)) {
    return `data.result is ${
      result === undefined ? 'missing' : typeof result
    }, not an array`;
  }
  for (let i = 0; i < result.length; i++) {
    const series = result[i];
    if (typeof series !== 'object' || series === null) {
      return `data.result[${i}] is not an object`;
    }
    const { metric } = series as { metric?: unknown };
    if (
      typeof metric !== 'object' ||
      metric === null ||
      Array.isArray(metric)
    ) {
      return `data.result[${i}].metric is not an object of labels`;
    }
    if (resultType === 'vector') {
      if (!isSample((series as { value?: unknown }).value)) {
        return `data.result[${i}].value is not a [time, "value"] pair`;
      }
      continue;
    }
    const { values } = series as { values?: unknown };
    if (!Array.isArray(values) || !values.every(isSample)) {
      return `data.result[${i}].values is not an array of [time, "value"] pairs`;
    }
  }
  return undefined;
}
