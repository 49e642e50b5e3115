import { DateTime } from 'luxon';
import { z } from 'zod';
import { MINUTE_MS } from '../../database/SliBucketStore';
import { describeDuration } from './pushOptions';

/**
 * One bucket of a push, validated: its start in epoch milliseconds (a whole minute), and good
 * and total counts.
 *
 * @internal
 */
export interface ValidSliEvent {
  start: number;
  good: number;
  total: number;
}

/**
 * The limits a push is checked against.
 *
 * @internal
 */
export interface SliEventLimits {
  /** The server's clock, epoch milliseconds. */
  now: number;
  /** Buckets may not start earlier than `now` minus this (they would already be rolled up). */
  minuteRetentionMs: number;
  /** How far a bucket may start after `now`, for clients whose clocks run ahead. */
  clockSkewMs: number;
  maxBuckets: number;
}

const COUNT = 'must be a finite number ≥ 0';
const START =
  'must be an ISO 8601 timestamp with a time zone (2026-11-22T10:15:00Z) or epoch milliseconds';
const ISO_WITH_ZONE =
  /^\d{4}-\d{2}-\d{2}T[\d:.,]+(?:Z|[+-]\d{2}(?::?\d{2})?)$/i;
/** Epoch milliseconds before 1973 are almost surely epoch seconds. */
const SECONDS_LIMIT = 1e11;

const count = z.number({ message: COUNT }).min(0, { message: COUNT });

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

function parseStart(
  value: number | string,
  limits: SliEventLimits,
): { ms: number } | { problem: string } {
  let ms: number;
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value) || value < 0) {
      return { problem: START };
    }
    ms = value;
  } else {
    const parsed = ISO_WITH_ZONE.test(value)
      ? DateTime.fromISO(value, { setZone: true })
      : undefined;
    if (!parsed?.isValid) {
      return { problem: START };
    }
    ms = parsed.toMillis();
  }
  if (ms > limits.now + limits.clockSkewMs) {
    return {
      problem: `${iso(ms)} is in the future (more than ${describeDuration(
        limits.clockSkewMs,
      )} after the server's clock)`,
    };
  }
  if (ms < limits.now - limits.minuteRetentionMs) {
    const hint =
      typeof value === 'number' && value < SECONDS_LIMIT
        ? '; it looks like epoch seconds, send milliseconds'
        : '';
    return {
      problem: `${iso(
        ms,
      )} is older than the minute retention; only the last ${describeDuration(
        limits.minuteRetentionMs,
      )} can be pushed${hint}`,
    };
  }
  if (ms % MINUTE_MS !== 0) {
    return {
      problem: `must be a whole minute (no seconds or milliseconds), got ${iso(
        ms,
      )}`,
    };
  }
  return { ms };
}

/**
 * The zod schema of a push body, `{ buckets: [{ start, good, total } | { start, good, bad }] }`,
 * checked against `limits`. Parsing gives the buckets as {@link ValidSliEvent}s in the order
 * sent; use {@link formatSliEventIssues} for its errors.
 *
 * @internal
 */
export function sliEventsSchema(limits: SliEventLimits) {
  const bucket = z
    .object(
      {
        start: z
          .union([z.number(), z.string()], { message: START })
          .transform((value, ctx) => {
            const result = parseStart(value, limits);
            if ('problem' in result) {
              ctx.addIssue({ code: 'custom', message: result.problem });
              return z.NEVER;
            }
            return result.ms;
          }),
        good: count,
        total: count.optional(),
        bad: count.optional(),
      },
      { message: 'must be an object with start, good and total or bad' },
    )
    .strict()
    .superRefine((b, ctx) => {
      if (b.total !== undefined && b.bad !== undefined) {
        ctx.addIssue({
          code: 'custom',
          message: 'give either total or bad, not both',
        });
      } else if (b.total === undefined && b.bad === undefined) {
        ctx.addIssue({ code: 'custom', message: 'total or bad is required' });
      } else if (b.total !== undefined && b.good > b.total) {
        ctx.addIssue({
          code: 'custom',
          path: ['good'],
          message: `must not exceed total (${b.good} > ${b.total})`,
        });
      }
    })
    .transform(
      (b): ValidSliEvent => ({
        start: b.start,
        good: b.good,
        total: b.total ?? b.good + (b.bad ?? 0),
      }),
    );

  return z
    .object(
      {
        buckets: z
          .array(bucket, { message: 'must be an array' })
          .min(1, { message: 'must hold at least one bucket' })
          .max(limits.maxBuckets, {
            message: `must hold at most ${limits.maxBuckets} buckets; send more in several requests`,
          }),
      },
      { message: 'must be a JSON object with "buckets"' },
    )
    .strict()
    .superRefine((body, ctx) => {
      const seen = new Map<number, number>();
      body.buckets.forEach((b, index) => {
        const first = seen.get(b.start);
        if (first !== undefined) {
          ctx.addIssue({
            code: 'custom',
            path: ['buckets', index, 'start'],
            message: `${iso(b.start)} is sent twice (also buckets[${first}])`,
          });
        } else {
          seen.set(b.start, index);
        }
      });
    });
}

function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let text = '';
  for (const segment of path) {
    text +=
      typeof segment === 'number' ? `[${segment}]` : `.${String(segment)}`;
  }
  return text.startsWith('.') ? text.slice(1) : text || 'request body';
}

function valueAt(body: unknown, path: ReadonlyArray<PropertyKey>): unknown {
  let value = body;
  for (const segment of path) {
    if (value === null || typeof value !== 'object') {
      return undefined;
    }
    value = (value as Record<PropertyKey, unknown>)[segment];
  }
  return value;
}

/**
 * Turns schema issues into one message naming each bad place, e.g.
 * `buckets[2].good: must not exceed total (12 > 10)`; at most `max` issues, then a count.
 *
 * @internal
 */
export function formatSliEventIssues(
  body: unknown,
  issues: ReadonlyArray<{
    code: string;
    path: ReadonlyArray<PropertyKey>;
    message: string;
    keys?: string[];
  }>,
  max = 10,
): string {
  const messages = issues.map(issue => {
    const where = formatPath(issue.path);
    if (issue.code === 'unrecognized_keys') {
      const keys = issue.keys ?? [];
      return `${where}: unknown field${keys.length === 1 ? '' : 's'} ${keys
        .map(k => `"${k}"`)
        .join(', ')}`;
    }
    if (
      issue.path.length > 0 &&
      (issue.code === 'invalid_type' || issue.code === 'invalid_union') &&
      valueAt(body, issue.path) === undefined
    ) {
      return `${where}: is required`;
    }
    return `${where}: ${issue.message}`;
  });
  const shown = messages.slice(0, max);
  if (messages.length > max) {
    shown.push(`and ${messages.length - max} more`);
  }
  return shown.join('; ');
}
