import { useApi } from '@backstage/frontend-plugin-api';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { reliabilityApiRef } from '../api';

/** An SLO's history over the last `rangeMs` milliseconds, up to `now`. */
export function useSloHistory(sloId: string, rangeMs: number, now: number) {
  const api = useApi(reliabilityApiRef);
  return useAsyncRetry(
    () =>
      api.getSloHistory(sloId, {
        from: new Date(now - rangeMs),
        to: new Date(now),
      }),
    [api, sloId, rangeMs, now],
  );
}
