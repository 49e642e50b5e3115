import {
  SliFetchRequest,
  SliFetchResult,
} from '@reliability/backstage-plugin-node';
import {
  HOUR_MS,
  MINUTE_MS,
  SliBucketStore,
} from '../../database/SliBucketStore';

/**
 * Answers an SLI fetch from the {@link SliBucketStore}, for the sources whose data lives there
 * (pushed events and HTTP probes).
 *
 * The result has the requested bucket size when it is a whole number of minutes, else one minute
 * (and `from` rounded down to the minute). Minute buckets are summed into the result's buckets.
 * Time older than the minute retention exists only as hour buckets; each is spread evenly over the
 * result buckets it covers, in proportion to the overlap. Sums over whole hours are therefore exact,
 * while detail inside an old hour is an even share of it. The recent part of every range (all
 * burn-rate windows, which are shorter than the minute retention) is always real minute data, so
 * one fetch of a whole SLO period serves both the budget and the short windows.
 *
 * Buckets nothing was stored for are `NaN` (no data), not 0 of 0.
 *
 * @internal
 */
export async function readStoredSli(
  store: SliBucketStore,
  request: SliFetchRequest,
): Promise<SliFetchResult> {
  request.signal?.throwIfAborted();
  const sloId = request.slo.id;
  const bucketMs =
    request.bucketMs >= MINUTE_MS && request.bucketMs % MINUTE_MS === 0
      ? request.bucketMs
      : MINUTE_MS;
  const from =
    bucketMs === request.bucketMs
      ? request.from
      : Math.floor(request.from / MINUTE_MS) * MINUTE_MS;
  const to = request.to;
  const [hours, minutes] = await Promise.all([
    store.listHourBuckets(sloId, Math.floor(from / HOUR_MS) * HOUR_MS, to),
    store.listBuckets(sloId, from, to),
  ]);
  request.signal?.throwIfAborted();

  const count = Math.max(0, Math.ceil((to - from) / bucketMs));
  const good = new Float64Array(count).fill(NaN);
  const total = new Float64Array(count).fill(NaN);
  const add = (index: number, g: number, t: number) => {
    if (index < 0 || index >= count) {
      return;
    }
    if (Number.isNaN(total[index])) {
      good[index] = 0;
      total[index] = 0;
    }
    good[index] += g;
    total[index] += t;
  };

  for (const hour of hours) {
    const end = hour.bucketStart + HOUR_MS;
    let start = hour.bucketStart;
    while (start < end) {
      const index = Math.floor((start - from) / bucketMs);
      const segmentEnd = Math.min(end, from + (index + 1) * bucketMs);
      const share = (segmentEnd - start) / HOUR_MS;
      add(index, hour.good * share, hour.total * share);
      start = segmentEnd;
    }
  }
  for (const minute of minutes) {
    add(
      Math.floor((minute.bucketStart - from) / bucketMs),
      minute.good,
      minute.total,
    );
  }
  return { from, bucketMs, good, total };
}
