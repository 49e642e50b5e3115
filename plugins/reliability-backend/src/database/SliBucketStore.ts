import { Knex } from 'knex';

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
 * Stores pushed SLI buckets.
 *
 * @internal
 */
export interface SliBucketStore {
  /** Writes buckets in one transaction; a bucket sent again replaces the earlier one. */
  upsertBuckets(buckets: SliBucket[]): Promise<void>;
  /** Buckets of one SLO with `from <= bucketStart < to`, oldest first. */
  listBuckets(sloId: string, from: number, to: number): Promise<SliBucket[]>;
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
    await this.knex.transaction(async tx => {
      // Chunked so that large pushes stay under SQLite's bound-parameter limit.
      for (let i = 0; i < buckets.length; i += 200) {
        await tx('reliability_sli_buckets')
          .insert(
            buckets.slice(i, i + 200).map(b => ({
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
    const rows = await this.knex('reliability_sli_buckets')
      .where('slo_id', sloId)
      .andWhere('bucket_start', '>=', from)
      .andWhere('bucket_start', '<', to)
      .orderBy('bucket_start', 'asc');
    return rows.map(row => ({
      sloId: row.slo_id,
      bucketStart: Number(row.bucket_start),
      good: Number(row.good),
      total: Number(row.total),
    }));
  }
}
