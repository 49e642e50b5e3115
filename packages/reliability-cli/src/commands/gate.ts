import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import type { ReleaseGateView } from '@reliability/backstage-plugin-common';
import { CliError } from '../lib/CliError';

/**
 * The options of `reliability gate`.
 *
 * @internal
 */
export interface GateOptions {
  backend: string;
  release?: string;
  tokenEnv: string;
  warnExitCode: '0' | '1';
  json: boolean;
  timeout: string;
}

/** The exit code when the gate could not be asked: distinct from allow (0), warn (1) and block (2). */
export const NO_ANSWER_EXIT_CODE = 3;

function gateUrl(backend: string, entityRef: string, release?: string): URL {
  let base: URL;
  try {
    base = new URL(backend);
  } catch {
    throw new CliError(
      `--backend must be the backend's URL, such as https://backstage.example.com, got "${backend}"`,
      2,
    );
  }
  if (base.protocol !== 'http:' && base.protocol !== 'https:') {
    throw new CliError(`--backend must be an http(s) URL, got "${backend}"`, 2);
  }
  let ref;
  try {
    ref = parseEntityRef(entityRef, {
      defaultKind: 'component',
      defaultNamespace: 'default',
    });
  } catch {
    throw new CliError(
      `"${entityRef}" is not an entity ref: write it as component:default/checkout (kind and namespace may be left out)`,
      2,
    );
  }
  const path = base.pathname.replace(/\/+$/, '');
  const prefix = /\/api\/reliability$/.test(path)
    ? path
    : `${path}/api/reliability`;
  const url = new URL(base.toString());
  url.pathname = `${prefix}/gate/${[ref.kind, ref.namespace, ref.name]
    .map(encodeURIComponent)
    .join('/')}`;
  url.search = '';
  if (release) url.searchParams.set('release', release);
  return url;
}

function timeoutMs(text: string): number {
  const match = /^(\d+)(ms|s|m)?$/.exec(text.trim());
  if (!match) {
    throw new CliError(
      `--timeout must be a duration such as 30s, got "${text}"`,
      2,
    );
  }
  const n = Number(match[1]);
  const perUnit: Record<string, number> = { ms: 1, s: 1000, m: 60_000 };
  return n * perUnit[match[2] ?? 's'];
}

/** The message of a Backstage error body, or the status text. */
async function errorMessage(response: Response): Promise<string> {
  const text = await response.text();
  try {
    const body = JSON.parse(text);
    return body?.error?.message ?? text;
  } catch {
    return text.slice(0, 300) || response.statusText;
  }
}

/**
 * `reliability gate <entityRef>`: asks the Reliability backend whether the entity may release
 * now and exits 0 (allow), 2 (block), or 0 or 1 (warn, `--warn-exit-code`); 3 when no answer
 * could be had (network, credentials, unknown entity). Prints one line, or the answer as JSON.
 * The token, a Backstage static external-access token, is read from the environment variable
 * `--token-env` names (`RELIABILITY_TOKEN` by default).
 *
 * @internal
 */
export async function gate(
  entityRef: string,
  options: GateOptions,
): Promise<number> {
  const url = gateUrl(options.backend, entityRef, options.release);
  const token = process.env[options.tokenEnv];
  const headers: Record<string, string> = { accept: 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  let response: Response;
  try {
    response = await fetch(url, {
      headers,
      signal: AbortSignal.timeout(timeoutMs(options.timeout)),
    });
  } catch (error) {
    if (error instanceof CliError) throw error;
    const cause = (error as { cause?: { code?: string } }).cause?.code;
    throw new CliError(
      `cannot reach ${url.origin}: ${cause ?? (error as Error).message}`,
      NO_ANSWER_EXIT_CODE,
    );
  }
  if (!response.ok) {
    const message = await errorMessage(response);
    const hint =
      response.status === 401
        ? ` (set ${options.tokenEnv} to a token of backend.auth.externalAccess)`
        : '';
    throw new CliError(
      `the gate answered ${response.status}: ${message}${hint}`,
      NO_ANSWER_EXIT_CODE,
    );
  }
  const answer = (await response.json()) as ReleaseGateView;
  if (options.json) {
    process.stdout.write(`${JSON.stringify(answer, null, 2)}\n`);
  } else {
    let lift = '';
    if (answer.decision === 'block') {
      lift = answer.expectedLiftAt
        ? `; expected to lift at ${answer.expectedLiftAt}`
        : '; not expected to lift at the current burn';
    }
    process.stdout.write(
      `${answer.decision} ${stringifyEntityRef(
        parseEntityRef(answer.entityRef),
      )}: ${answer.summary}${lift}\n`,
    );
  }
  if (answer.decision === 'block') return 2;
  if (answer.decision === 'warn') return Number(options.warnExitCode);
  return 0;
}
