import { LookupFunction } from 'node:net';
import * as http from 'node:http';
import * as https from 'node:https';
import { performance } from 'node:perf_hooks';
import {
  CheckedTarget,
  RequestRefusedError,
  ResolvedAddress,
  SsrfGuard,
} from './SsrfGuard';

/**
 * A `lookup` for `http.request` that answers with addresses checked before, whatever the host
 * name, so that the connection goes to an address the guard has seen. (IP literals skip `lookup`
 * altogether; the guard checks those directly.)
 *
 * @internal
 */
export function pinnedLookup(addresses: ResolvedAddress[]): LookupFunction {
  return (hostname, options, callback) => {
    let family: number | undefined;
    if (options.family === 'IPv4') {
      family = 4;
    } else if (options.family === 'IPv6') {
      family = 6;
    } else {
      family = options.family || undefined;
    }
    const matching = family
      ? addresses.filter(a => a.family === family)
      : addresses;
    if (matching.length === 0) {
      const error: NodeJS.ErrnoException = new Error(
        `host '${hostname}' has no IPv${family} address`,
      );
      error.code = 'ENOTFOUND';
      callback(error, '');
    } else if (options.all) {
      callback(null, matching);
    } else {
      callback(null, matching[0].address, matching[0].family);
    }
  };
}

/**
 * @internal
 */
export interface GuardedHttpRequestOptions {
  url: string;
  method: 'GET' | 'HEAD';
  /** For the whole exchange: every hop, and the body of the last response. */
  timeoutMs: number;
  /** Redirects to follow, each one checked by the guard like the first URL. Default: 5. */
  maxRedirects?: number;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

/**
 * @internal
 */
export interface GuardedHttpResponse {
  status: number;
  /** The URL that gave the final response. */
  url: string;
  /** The redirect targets followed, in order. */
  redirects: string[];
  /** From sending the first request to the end of the final response's body. */
  latencyMs: number;
  /** Headers of the final response. */
  headers: http.IncomingHttpHeaders;
}

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/** Bodies are read (to time the whole response) but not kept; beyond this they are cut off. */
const MAX_BODY_BYTES = 1024 * 1024;

function sendOnce(
  target: CheckedTarget,
  method: string,
  headers: Record<string, string>,
  signal: AbortSignal,
): Promise<{
  status: number;
  location?: string;
  headers: http.IncomingHttpHeaders;
}> {
  return new Promise((resolve, reject) => {
    const transport = target.url.protocol === 'https:' ? https : http;
    const request = transport.request(
      {
        protocol: target.url.protocol,
        hostname: target.hostname,
        port: target.url.port || undefined,
        path: `${target.url.pathname}${target.url.search}`,
        method,
        headers,
        // No pooled sockets: each request connects to the addresses checked for it.
        agent: false,
        lookup: pinnedLookup(target.addresses),
        signal,
      },
      response => {
        const result = {
          status: response.statusCode ?? 0,
          location: response.headers.location,
          headers: response.headers,
        };
        let bytes = 0;
        response.on('data', (chunk: Buffer) => {
          bytes += chunk.length;
          if (bytes > MAX_BODY_BYTES) {
            response.destroy();
            resolve(result);
          }
        });
        response.on('end', () => resolve(result));
        response.on('error', reject);
        response.on('close', () => {
          if (!response.complete && bytes <= MAX_BODY_BYTES) {
            reject(
              new Error(
                'the connection closed before the response was complete',
              ),
            );
          }
        });
      },
    );
    request.on('error', reject);
    request.end();
  });
}

function abortable<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => {
      signal.removeEventListener('abort', onAbort);
    });
  });
}

/**
 * Makes one HTTP(S) request through the {@link SsrfGuard}: the URL and every redirect target are
 * checked (scheme, allow-list, resolved addresses) before anything connects, and each connection
 * goes to the addresses that were checked. A refusal throws {@link RequestRefusedError}, naming
 * the redirect when a later hop was refused; network failures and timeouts throw plain errors.
 *
 * @internal
 */
export async function guardedHttpRequest(
  guard: SsrfGuard,
  options: GuardedHttpRequestOptions,
): Promise<GuardedHttpResponse> {
  const maxRedirects = options.maxRedirects ?? 5;
  const headers = {
    'user-agent': 'backstage-reliability-probe',
    accept: '*/*',
    ...options.headers,
  };
  const controller = new AbortController();
  const timeout = new Error(`no response within ${options.timeoutMs} ms`);
  const timer = setTimeout(() => controller.abort(timeout), options.timeoutMs);
  const onAbort = () => controller.abort(options.signal?.reason);
  if (options.signal?.aborted) {
    onAbort();
  }
  options.signal?.addEventListener('abort', onAbort, { once: true });

  const started = performance.now();
  const redirects: string[] = [];
  let url = options.url;
  let method: string = options.method;
  try {
    for (;;) {
      let target: CheckedTarget;
      try {
        target = await abortable(guard.check(url), controller.signal);
      } catch (error) {
        if (redirects.length > 0 && error instanceof RequestRefusedError) {
          throw new RequestRefusedError(
            `redirect to ${url} refused: ${error.message}`,
          );
        }
        throw error;
      }
      const {
        status,
        location,
        headers: responseHeaders,
      } = await sendOnce(target, method, headers, controller.signal);
      if (
        !REDIRECT_STATUSES.has(status) ||
        location === undefined ||
        maxRedirects === 0
      ) {
        return {
          status,
          url: target.url.href,
          redirects,
          latencyMs: performance.now() - started,
          headers: responseHeaders,
        };
      }
      if (redirects.length >= maxRedirects) {
        throw new Error(`more than ${maxRedirects} redirects`);
      }
      let next: URL;
      try {
        next = new URL(location, target.url);
      } catch {
        throw new Error(`status ${status} redirects to an invalid URL`);
      }
      redirects.push(next.href);
      url = next.href;
      if (status === 303 && method !== 'HEAD') {
        method = 'GET';
      }
    }
  } catch (error) {
    // Requests aborted by the timer fail with an AbortError; say what happened instead.
    if (controller.signal.aborted && controller.signal.reason === timeout) {
      throw timeout;
    }
    throw error;
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', onAbort);
  }
}
