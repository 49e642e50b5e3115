import {
  HOUR_MS,
  SliBucket,
  SliBucketStore,
  SliRollUpResult,
} from '../../../database/SliBucketStore';

/** An in-memory {@link SliBucketStore} for tests of what sits on top of the store. */
export class MemorySliBucketStore implements SliBucketStore {
  readonly minutes = new Map<string, SliBucket>();
  readonly hours = new Map<string, SliBucket>();

  async upsertBuckets(buckets: SliBucket[]): Promise<void> {
    for (const b of buckets) {
      this.minutes.set(`${b.sloId}@${b.bucketStart}`, { ...b });
    }
  }

  async listBuckets(sloId: string, from: number, to: number) {
    return MemorySliBucketStore.select(this.minutes, sloId, from, to);
  }

  async listHourBuckets(sloId: string, from: number, to: number) {
    return MemorySliBucketStore.select(this.hours, sloId, from, to);
  }

  async rollUp(): Promise<SliRollUpResult> {
    throw new Error('not used in these tests');
  }

  /** Puts an hour bucket in place, as a roll-up would have. */
  addHour(bucket: SliBucket): void {
    if (bucket.bucketStart % HOUR_MS) {
      throw new Error('not a whole hour');
    }
    this.hours.set(`${bucket.sloId}@${bucket.bucketStart}`, { ...bucket });
  }

  private static select(
    map: Map<string, SliBucket>,
    sloId: string,
    from: number,
    to: number,
  ): SliBucket[] {
    return [...map.values()]
      .filter(
        b => b.sloId === sloId && b.bucketStart >= from && b.bucketStart < to,
      )
      .sort((a, b) => a.bucketStart - b.bucketStart);
  }
}
