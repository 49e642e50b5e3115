import { ConfigReader, readDurationFromConfig } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { durationToMilliseconds, JsonValue } from '@backstage/types';
import { ServiceLevelObjective } from '@reliability/backstage-plugin-common';
import { z } from 'zod';
import { MINUTE_MS } from '../../database/SliBucketStore';

/**
 * An SLO's synthetic HTTP probe, validated.
 *
 * @internal
 */
export interface HttpProbeSpec {
  url: string;
  method: 'GET' | 'HEAD';
  /** Statuses that count as good; `undefined` means any 2xx. */
  expectedStatus?: number[];
  /** Good only when the whole response arrived within this; `undefined` means any latency. */
  latencyThresholdMs?: number;
  /** How often the probe runs: whole minutes, 1 to 60. */
  intervalMs: number;
  /** Whether redirects are followed (each target checked like the URL). Default: true. */
  followRedirects: boolean;
}

const STATUS = 'must be an HTTP status from 100 to 599';
const status = z
  .number({ message: STATUS })
  .int({ message: STATUS })
  .min(100, { message: STATUS })
  .max(599, { message: STATUS });

const INTERVAL =
  'must be a duration of whole minutes from 1m to 1h, e.g. 1m, 5m or PT5M';

function readInterval(value: unknown): number | undefined {
  try {
    const ms = durationToMilliseconds(
      readDurationFromConfig(
        new ConfigReader({ interval: value as JsonValue }),
        {
          key: 'interval',
        },
      ),
    );
    return ms >= MINUTE_MS && ms <= 60 * MINUTE_MS && ms % MINUTE_MS === 0
      ? ms
      : undefined;
  } catch {
    return undefined;
  }
}

const specSchema = z
  .object({
    url: z.string({ message: 'must be an http or https URL' }).refine(
      value => {
        try {
          const url = new URL(value);
          return (
            (url.protocol === 'http:' || url.protocol === 'https:') &&
            !url.username &&
            !url.password
          );
        } catch {
          return false;
        }
      },
      { message: 'must be an http or https URL without credentials' },
    ),
    method: z
      .enum(['GET', 'HEAD', 'get', 'head'], { message: 'must be GET or HEAD' })
      .optional(),
    expectedStatus: z
      .union([status, z.array(status).min(1, { message: STATUS })], {
        message: 'must be an HTTP status or a list of them',
      })
      .optional(),
    latencyThresholdMs: z
      .number({ message: 'must be a number of milliseconds above 0' })
      .positive({ message: 'must be a number of milliseconds above 0' })
      .optional(),
    interval: z
      .unknown()
      .optional()
      .transform((value, ctx) => {
        if (value === undefined) {
          return MINUTE_MS;
        }
        const ms = readInterval(value);
        if (ms === undefined) {
          ctx.addIssue({ code: 'custom', message: INTERVAL });
          return z.NEVER;
        }
        return ms;
      }),
    followRedirects: z.boolean({ message: 'must be true or false' }).optional(),
  })
  .strict();

function describeIssues(
  issues: ReadonlyArray<{
    code: string;
    path: ReadonlyArray<PropertyKey>;
    message: string;
    keys?: string[];
  }>,
  spec: Record<string, unknown>,
): string {
  return issues
    .map(issue => {
      const where = `good.metricSource.spec${issue.path
        .map(segment =>
          typeof segment === 'number' ? `[${segment}]` : `.${String(segment)}`,
        )
        .join('')}`;
      if (issue.code === 'unrecognized_keys') {
        return `${where}: unknown field${
          issue.keys?.length === 1 ? '' : 's'
        } ${(issue.keys ?? []).map(k => `"${k}"`).join(', ')}`;
      }
      if (
        issue.path.length === 1 &&
        spec[String(issue.path[0])] === undefined
      ) {
        return `${where}: is required`;
      }
      return `${where}: ${issue.message}`;
    })
    .join('; ');
}

/**
 * The HTTP probe an SLO declares, from its OpenSLO `ratioMetric`: the probe is the `good` part's
 * `metricSource.spec` (type `HttpProbe`), `total` names type `HttpProbe` as well and may repeat the
 * `url`. Throws InputError saying what is wrong. See "HTTP probe SLIs" in the package README.
 *
 * @internal
 */
export function parseHttpProbeSpec(slo: ServiceLevelObjective): HttpProbeSpec {
  const fail = (message: string): never => {
    throw new InputError(
      `SLO '${slo.id}' has an invalid HTTP probe: ${message}`,
    );
  };
  const sli = slo.sli;
  if (sli.kind !== 'ratio' || !sli.good || !sli.total) {
    return fail(
      'declare it as ratioMetric with good (the probe) and total, both of metricSource type HttpProbe',
    );
  }
  if (sli.good.type !== 'HttpProbe' || sli.total.type !== 'HttpProbe') {
    return fail('good and total must both be of metricSource type HttpProbe');
  }
  const spec = sli.good.spec;
  const parsed = specSchema.safeParse(spec);
  if (!parsed.success) {
    return fail(describeIssues(parsed.error.issues, spec));
  }
  const totalUrl = sli.total.spec.url;
  if (totalUrl !== undefined && totalUrl !== parsed.data.url) {
    return fail(
      'total.metricSource.spec.url differs from the probe URL in good; give the same URL or leave it out',
    );
  }
  const { url, method, expectedStatus, latencyThresholdMs, interval } =
    parsed.data;
  return {
    url,
    method: method?.toUpperCase() === 'HEAD' ? 'HEAD' : 'GET',
    ...(expectedStatus !== undefined
      ? {
          expectedStatus: Array.isArray(expectedStatus)
            ? expectedStatus
            : [expectedStatus],
        }
      : {}),
    ...(latencyThresholdMs !== undefined ? { latencyThresholdMs } : {}),
    intervalMs: interval,
    followRedirects: parsed.data.followRedirects ?? true,
  };
}
