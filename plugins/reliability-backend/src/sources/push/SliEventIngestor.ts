import { InputError, NotFoundError } from '@backstage/errors';
import { ServiceLevelObjective } from '@reliability/backstage-plugin-common';
import { SliBucketStore } from '../../database/SliBucketStore';
import { sliSourceTypeOf } from '../sliSourceType';
import { DEFAULT_PUSH_OPTIONS } from './pushOptions';
import { formatSliEventIssues, sliEventsSchema } from './sliEventsSchema';

/**
 * Finds an SLO by id; the SLO definition store fits it.
 *
 * @internal
 */
export interface SloLookup {
  getSlo(sloId: string): Promise<{ slo: ServiceLevelObjective } | undefined>;
}

/**
 * What a push stored.
 *
 * @internal
 */
export interface SliIngestResult {
  sloId: string;
  /** Buckets written. */
  accepted: number;
  /** Start of the earliest bucket, ISO 8601. */
  from: string;
  /** End of the latest bucket (its start plus a minute), ISO 8601. */
  to: string;
}

/**
 * @internal
 */
export interface SliEventIngestorOptions {
  store: SliBucketStore;
  slos: SloLookup;
  /** `reliability.push.minuteRetention`; older buckets are refused. Default: 7 days. */
  minuteRetentionMs?: number;
  /** Buckets per request. Default: 10000, about a week of minutes. */
  maxBucketsPerRequest?: number;
  /** How far a bucket may start after the server's clock. Default: 2 minutes. */
  clockSkewMs?: number;
  /** The clock, epoch milliseconds. Default: `Date.now`. */
  now?: () => number;
}

/**
 * Takes SLI events pushed for an SLO, the service behind `POST /slos/{sloId}/events`. Free of
 * HTTP: the router authenticates and authorizes, then hands over the id and the parsed JSON body.
 *
 * The body is `{ buckets: [...] }`, each bucket `{ start, good, total }` or `{ start, good, bad }`:
 *
 * - `start` is an ISO 8601 timestamp with a time zone or epoch milliseconds, on a whole minute
 *   (buckets are one minute long; unaligned starts are refused rather than truncated, since two
 *   buckets truncated to one minute would silently replace each other);
 * - no later than 2 minutes after the server's clock, and not older than the minute retention
 *   (older minutes are rolled up into hours, where a re-sent bucket could no longer be told apart);
 * - counts are finite numbers ≥ 0 (fractions allowed, for rates multiplied out), `good ≤ total`;
 *   with `bad`, total is `good + bad`;
 * - at most `maxBucketsPerRequest` buckets, each minute at most once.
 *
 * Writes are all or nothing, in one transaction, and idempotent: a bucket sent again replaces the
 * stored one (last write wins) instead of adding to it, so retries never double-count and a client
 * may send the current minute while it fills and again once it is complete.
 *
 * @internal
 */
export class SliEventIngestor {
  static create(options: SliEventIngestorOptions): SliEventIngestor {
    return new SliEventIngestor(options);
  }

  private readonly store: SliBucketStore;
  private readonly slos: SloLookup;
  private readonly minuteRetentionMs: number;
  private readonly maxBuckets: number;
  private readonly clockSkewMs: number;
  private readonly now: () => number;

  private constructor(options: SliEventIngestorOptions) {
    this.store = options.store;
    this.slos = options.slos;
    this.minuteRetentionMs =
      options.minuteRetentionMs ?? DEFAULT_PUSH_OPTIONS.minuteRetentionMs;
    this.maxBuckets = options.maxBucketsPerRequest ?? 10_000;
    this.clockSkewMs = options.clockSkewMs ?? 2 * 60_000;
    this.now = options.now ?? Date.now;
  }

  /**
   * Looks the SLO up (NotFoundError when there is none; InputError when its SLI is not pushed),
   * validates the body (InputError naming each bad index and field) and stores its buckets.
   */
  async ingest(sloId: string, body: unknown): Promise<SliIngestResult> {
    await this.getPushSlo(sloId);
    const schema = sliEventsSchema({
      now: this.now(),
      minuteRetentionMs: this.minuteRetentionMs,
      clockSkewMs: this.clockSkewMs,
      maxBuckets: this.maxBuckets,
    });
    const parsed = schema.safeParse(body);
    if (!parsed.success) {
      throw new InputError(
        `Invalid SLI events for SLO '${sloId}': ${formatSliEventIssues(
          body,
          parsed.error.issues,
        )}`,
      );
    }
    const buckets = parsed.data.buckets;
    await this.store.upsertBuckets(
      buckets.map(b => ({
        sloId,
        bucketStart: b.start,
        good: b.good,
        total: b.total,
      })),
    );
    const starts = buckets.map(b => b.start);
    return {
      sloId,
      accepted: buckets.length,
      from: new Date(Math.min(...starts)).toISOString(),
      to: new Date(Math.max(...starts) + 60_000).toISOString(),
    };
  }

  /**
   * The SLO that events for `sloId` go to: NotFoundError when there is none, InputError when its
   * SLI reads from another source than push.
   */
  async getPushSlo(sloId: string): Promise<ServiceLevelObjective> {
    const found = await this.slos.getSlo(sloId);
    if (!found) {
      throw new NotFoundError(`No SLO with id '${sloId}'`);
    }
    const type = sliSourceTypeOf(found.slo);
    if (type !== 'push') {
      throw new InputError(
        `SLO '${sloId}' does not take pushed events: its SLI reads from ${
          type ? `'${type}'` : 'no source'
        }, not from metricSource type Push`,
      );
    }
    return found.slo;
  }
}
