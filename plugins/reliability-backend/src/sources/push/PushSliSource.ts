import { ServiceLevelObjective } from '@reliability/backstage-plugin-common';
import {
  SliFetchRequest,
  SliFetchResult,
  SliSource,
} from '@reliability/backstage-plugin-node';
import { SliBucketStore } from '../../database/SliBucketStore';
import { sliSourceTypeOf } from '../sliSourceType';
import { readStoredSli } from './readStoredSli';

/**
 * The embedded SLI source: events services push to `POST /slos/{sloId}/events` (see
 * {@link SliEventIngestor}), read back from the {@link SliBucketStore}. Serves SLOs whose SLI
 * names `metricSource.type: Push`; minutes older than the minute retention are served from their
 * rolled-up hours (see {@link readStoredSli}).
 *
 * @internal
 */
export class PushSliSource implements SliSource {
  static create(options: { store: SliBucketStore }): PushSliSource {
    return new PushSliSource(options.store);
  }

  readonly type = 'push';

  private constructor(private readonly store: SliBucketStore) {}

  supports(slo: ServiceLevelObjective): boolean {
    return sliSourceTypeOf(slo) === this.type;
  }

  fetch(request: SliFetchRequest): Promise<SliFetchResult> {
    return readStoredSli(this.store, request);
  }
}
