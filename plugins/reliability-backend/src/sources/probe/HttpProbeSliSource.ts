import { ServiceLevelObjective } from '@reliability/backstage-plugin-common';
import {
  SliFetchRequest,
  SliFetchResult,
  SliSource,
} from '@reliability/backstage-plugin-node';
import { SliBucketStore } from '../../database/SliBucketStore';
import { readStoredSli } from '../push/readStoredSli';
import { sliSourceTypeOf } from '../sliSourceType';
import { parseHttpProbeSpec } from './httpProbeSpec';
import { HttpProbeStatusStore } from './HttpProbeStatusStore';

/**
 * Serves SLOs whose SLI is a synthetic HTTP probe (`metricSource.type: HttpProbe`) from the
 * buckets {@link HttpProbeRunner} records. Fails, so that the evaluation marks the SLO stale with
 * the reason, when the probe spec is invalid or the latest run could not happen (refused by the
 * SSRF guard): such a probe has no data, not bad data.
 *
 * @internal
 */
export class HttpProbeSliSource implements SliSource {
  static create(options: {
    store: SliBucketStore;
    statuses: HttpProbeStatusStore;
  }): HttpProbeSliSource {
    return new HttpProbeSliSource(options.store, options.statuses);
  }

  readonly type = 'http-probe';

  private constructor(
    private readonly store: SliBucketStore,
    private readonly statuses: HttpProbeStatusStore,
  ) {}

  supports(slo: ServiceLevelObjective): boolean {
    return sliSourceTypeOf(slo) === this.type;
  }

  async fetch(request: SliFetchRequest): Promise<SliFetchResult> {
    parseHttpProbeSpec(request.slo);
    const status = await this.statuses.get(request.slo.id);
    if (status?.outcome === 'error') {
      throw new Error(
        `The HTTP probe of SLO '${request.slo.id}' could not run at ${new Date(
          status.checkedAt,
        ).toISOString()}: ${status.message}`,
      );
    }
    return readStoredSli(this.store, request);
  }
}
