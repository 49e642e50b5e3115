import { Knex } from 'knex';
import { retryingTransaction, sortedByKey } from './retryingTransaction';

const MINUTES = 'reliability_sli_buckets';
const HOURS = 'reliability_sli_hour_buckets';

/**
 * One minute, the resolution SLI buckets are written at.
 *
 * @internal
 */
export const MINUTE_MS = 60_000;

/**
 * One hour, the resolution minute buckets are rolled up to.
 *
 * @internal
 */
export const HOUR_MS = 3_600_000;

/** Rows per insert, so that large writes stay under SQLite's bound-parameter limit. */
const CHUNK = 200;

/**
 * Good and total event counts of one SLO in one time bucket.
 *
 * @internal
 */
export interface SliBucket {
  sloId: string;
  /** Start of the bucket, epoch milliseconds. */
  bucketStart: number;
  good: number;
  total: number;
}

/**
 * What one roll-up did.
 *
 * @internal
 */
export interface SliRollUpResult {
  /** Minute buckets summed into hour buckets and deleted. */
  minuteBuckets: number;
  /** Hour buckets written (created or added to). */
  hourBuckets: number;
  /** Hour buckets deleted because they are older than the hour retention. */
  expiredHourBuckets: number;
}

/**
 * Stores SLI buckets: minute buckets as they are pushed or probed, and hour buckets that old
 * minute buckets are rolled up into. A time range is held at one resolution only: minutes are
 * deleted when they are summed into their hour.
 *
 * @internal
 */
export interface SliBucketStore {
  /**
   * Writes minute buckets in one transaction, all or nothing; a bucket sent again replaces the
   * earlier one. Bucket starts must be whole minutes.
   */
  upsertBuckets(buckets: SliBucket[]): Promise<void>;
  /** Minute buckets of one SLO with `from <= bucketStart < to`, oldest first. */
  listBuckets(sloId: string, from: number, to: number): Promise<SliBucket[]>;
  /** Hour buckets of one SLO with `from <= bucketStart < to`, oldest first. */
  listHourBuckets(
    sloId: string,
    from: number,
    to: number,
  ): Promise<SliBucket[]>;
  /**
   * In one transaction: sums the minute buckets that start before `minutesBefore` (a whole hour)
   * into hour buckets, adding to hour buckets that exist, deletes those minutes, and deletes hour
   * buckets that start before `hoursBefore`.
   */
  rollUp(options: {
    minutesBefore: number;
    hoursBefore: number;
  }): Promise<SliRollUpResult>;
}

function toBucket(row: any): SliBucket {
  return {
    sloId: row.slo_id,
    bucketStart: Number(row.bucket_start),
    good: Number(row.good),
    total: Number(row.total),
  };
}

/**
 * The knex-backed {@link SliBucketStore}.
 *
 * @internal
 */
export class DatabaseSliBucketStore implements SliBucketStore {
  static create(options: { knex: Knex }): DatabaseSliBucketStore {
    return new DatabaseSliBucketStore(options.knex);
  }

  private constructor(private readonly knex: Knex) {}

  async upsertBuckets(buckets: SliBucket[]): Promise<void> {
    if (buckets.length === 0) {
      return;
    }
    const unaligned = buckets.find(
      b => !Number.isSafeInteger(b.bucketStart) || b.bucketStart % MINUTE_MS,
    );
    if (unaligned) {
      throw new Error(
        `SLI bucket of '${unaligned.sloId}' at ${unaligned.bucketStart} does not start on a whole minute`,
      );
    }
    // Sorted, so that concurrent writers lock rows in one order.
    const sorted = sortedByKey(buckets, b => [b.sloId, b.bucketStart]);
    await retryingTransaction(this.knex, async tx => {
      for (let i = 0; i < sorted.length; i += CHUNK) {
        await tx(MINUTES)
          .insert(
            sorted.slice(i, i + CHUNK).map(b => ({
              slo_id: b.sloId,
              bucket_start: b.bucketStart,
              good: b.good,
              total: b.total,
            })),
          )
          .onConflict(['slo_id', 'bucket_start'])
          .merge(['good', 'total']);
      }
    });
  }

  async listBuckets(
    sloId: string,
    from: number,
    to: number,
  ): Promise<SliBucket[]> {
    return this.list(MINUTES, sloId, from, to);
  }

  async listHourBuckets(
    sloId: string,
    from: number,
    to: number,
  ): Promise<SliBucket[]> {
    return this.list(HOURS, sloId, from, to);
  }

  async rollUp(options: {
    minutesBefore: number;
    hoursBefore: number;
  }): Promise<SliRollUpResult> {
    const { minutesBefore, hoursBefore } = options;
    if (!Number.isSafeInteger(minutesBefore) || minutesBefore % HOUR_MS) {
      throw new Error(
        `Minute buckets are rolled up by whole hours; ${minutesBefore} is not one`,
      );
    }
    return retryingTransaction(this.knex, async tx => {
      // The hour is computed with a constant, not a bound parameter, so that SQLite and
      // PostgreSQL both do integer arithmetic on the bigint column.
      const hourStart = `bucket_start - (bucket_start % ${HOUR_MS})`;
      const sums = (await tx(MINUTES)
        .where('bucket_start', '<', minutesBefore)
        .select('slo_id', { hour_start: tx.raw(hourStart) })
        .sum({ good: 'good', total: 'total' })
        .groupBy('slo_id')
        .groupByRaw(hourStart)
        .orderBy(['slo_id', 'hour_start'])) as Array<{
        slo_id: string;
        hour_start: number | string;
        good: number | string;
        total: number | string;
      }>;

      for (let i = 0; i < sums.length; i += CHUNK) {
        await tx(HOURS)
          .insert(
            sums.slice(i, i + CHUNK).map(row => ({
              slo_id: row.slo_id,
              bucket_start: Number(row.hour_start),
              good: Number(row.good),
              total: Number(row.total),
            })),
          )
          .onConflict(['slo_id', 'bucket_start'])
          // Adds, so that an hour rolled up in two parts (after a change of retention) keeps
          // both; minutes are deleted below, so no minute is ever added twice.
          .merge({
            good: tx.raw('?? + ??', [`${HOURS}.good`, 'excluded.good']),
            total: tx.raw('?? + ??', [`${HOURS}.total`, 'excluded.total']),
          });
      }
      const minuteBuckets = await tx(MINUTES)
        .where('bucket_start', '<', minutesBefore)
        .delete();
      const expiredHourBuckets = await tx(HOURS)
        .where('bucket_start', '<', hoursBefore)
        .delete();
      return { minuteBuckets, hourBuckets: sums.length, expiredHourBuckets };
    });
  }

  private async list(
    table: string,
    sloId: string,
    from: number,
    to: number,
  ): Promise<SliBucket[]> {
    const rows = await this.knex(table)
      .where('slo_id', sloId)
      .andWhere('bucket_start', '>=', from)
      .andWhere('bucket_start', '<', to)
      .orderBy('bucket_start', 'asc');
    return rows.map(toBucket);
  }
}
