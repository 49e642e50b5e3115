import { UrlReaderService } from '@backstage/backend-plugin-api';
import { NotFoundError, stringifyError } from '@backstage/errors';
import { ScmIntegrationRegistry } from '@backstage/integration';
import fs from 'node:fs/promises';
import { SloFileTarget } from '../catalog/resolveSloLocations';
import { RequestRefusedError, SsrfGuard, guardedHttpRequest } from '../net';
import { RunbookCheckOutcome } from './types';

/**
 * The result of checking one runbook once.
 *
 * @internal
 */
export interface RunbookCheckResult {
  outcome: RunbookCheckOutcome;
  statusCode?: number;
  redirectCount: number;
  error?: string;
  /** Epoch milliseconds. */
  lastModifiedAt?: number;
  /** Epoch milliseconds. */
  checkedAt: number;
}

/**
 * @internal
 */
export interface RunbookCheckerOptions {
  urlReader: UrlReaderService;
  integrations: ScmIntegrationRegistry;
  /** Built from the probes' and the runbooks' allowed hosts; see `readRunbookSettings`. */
  guard: SsrfGuard;
  /** Of one check, redirects included. */
  timeoutMs: number;
  now?: () => number;
}

/** Servers that do not implement HEAD answer these; GET tells whether the page is there. */
const HEAD_UNSUPPORTED = new Set([405, 501]);

type Outcome = Omit<RunbookCheckResult, 'checkedAt'>;

function withTimeout<T>(
  run: (signal: AbortSignal) => Promise<T>,
  timeoutMs: number,
  outer?: AbortSignal,
): Promise<T> {
  const controller = new AbortController();
  const timeout = new Error(`no response within ${timeoutMs} ms`);
  const onAbort = () => controller.abort(outer?.reason);
  outer?.addEventListener('abort', onAbort, { once: true });
  let timer: NodeJS.Timeout | undefined;
  // A reader that ignores the signal must not hold the check beyond its timeout either.
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort(timeout);
      reject(timeout);
    }, timeoutMs);
  });
  return Promise.race([run(controller.signal), timedOut]).finally(() => {
    clearTimeout(timer);
    outer?.removeEventListener('abort', onAbort);
  });
}

function parseHttpDate(
  value: string | string[] | undefined,
): number | undefined {
  const text = Array.isArray(value) ? value[0] : value;
  if (!text) {
    return undefined;
  }
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? undefined : ms;
}

/**
 * Checks whether runbooks can be reached. URLs an SCM integration serves are read through the
 * UrlReader (with the integration's credentials; a public HTTP request would see a private
 * repository as missing); other URLs get a HEAD request (GET when HEAD is not supported) through
 * the SSRF guard; local files must exist. Never throws for the runbook's sake: every failure is an
 * outcome with an error text.
 *
 * @internal
 */
export class RunbookChecker {
  static create(options: RunbookCheckerOptions): RunbookChecker {
    return new RunbookChecker(options, options.now ?? Date.now);
  }

  private constructor(
    private readonly options: RunbookCheckerOptions,
    private readonly now: () => number,
  ) {}

  async check(
    target: SloFileTarget,
    signal?: AbortSignal,
  ): Promise<RunbookCheckResult> {
    const checkedAt = this.now();
    let outcome: Outcome;
    try {
      if (target.type === 'file') {
        outcome = await this.checkFile(target.path);
      } else if (this.options.integrations.byUrl(target.url)) {
        outcome = await this.checkThroughReader(target.url, signal);
      } else {
        outcome = await this.checkOverHttp(target.url, signal);
      }
    } catch (error) {
      outcome = this.failure(error);
    }
    return { ...outcome, checkedAt };
  }

  private async checkFile(path: string): Promise<Outcome> {
    const stat = await fs.stat(path);
    if (!stat.isFile()) {
      return {
        outcome: 'unreachable',
        redirectCount: 0,
        error: `${path} is not a file`,
      };
    }
    return { outcome: 'reachable', redirectCount: 0 };
  }

  private async checkThroughReader(
    url: string,
    signal?: AbortSignal,
  ): Promise<Outcome> {
    const response = await withTimeout(
      s => this.options.urlReader.readUrl(url, { signal: s }),
      this.options.timeoutMs,
      signal,
    );
    return {
      outcome: 'reachable',
      redirectCount: 0,
      ...(response.lastModifiedAt
        ? { lastModifiedAt: response.lastModifiedAt.getTime() }
        : {}),
    };
  }

  private async checkOverHttp(
    url: string,
    signal?: AbortSignal,
  ): Promise<Outcome> {
    const request = (method: 'HEAD' | 'GET') =>
      guardedHttpRequest(this.options.guard, {
        url,
        method,
        timeoutMs: this.options.timeoutMs,
        signal,
      });
    let response = await request('HEAD');
    if (HEAD_UNSUPPORTED.has(response.status)) {
      response = await request('GET');
    }
    const lastModifiedAt = parseHttpDate(response.headers['last-modified']);
    const common = {
      statusCode: response.status,
      redirectCount: response.redirects.length,
      ...(lastModifiedAt !== undefined ? { lastModifiedAt } : {}),
    };
    if (response.status >= 200 && response.status < 300) {
      return { outcome: 'reachable', ...common };
    }
    let error = `status ${response.status}`;
    if (response.status === 401 || response.status === 403) {
      error +=
        ': the backend may not read it; it may still open for a signed-in person';
    } else if (response.status === 404 || response.status === 410) {
      error += ': the page does not exist';
    } else if (response.status >= 300 && response.status < 400) {
      error += ': a redirect without a usable Location';
    }
    return { outcome: 'unreachable', ...common, error };
  }

  private failure(error: unknown): Outcome {
    if (error instanceof RequestRefusedError) {
      return {
        outcome: 'refused',
        redirectCount: 0,
        // The guard names the probes' key only; runbook hosts may also be allowed on their own.
        error: error.message.replace(
          'is not in reliability.probes.allowedHosts',
          'is not in reliability.probes.allowedHosts or reliability.runbooks.allowedHosts',
        ),
      };
    }
    if (error instanceof Error && error.name === NotFoundError.name) {
      return {
        outcome: 'unreachable',
        redirectCount: 0,
        error: `not found: ${error.message}`,
      };
    }
    if ((error as NodeJS.ErrnoException)?.code === 'ENOENT') {
      return {
        outcome: 'unreachable',
        redirectCount: 0,
        error: 'the file does not exist',
      };
    }
    return {
      outcome: 'unreachable',
      redirectCount: 0,
      error: error instanceof Error ? error.message : stringifyError(error),
    };
  }
}
