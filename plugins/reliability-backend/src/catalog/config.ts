import { Config, readDurationFromConfig } from '@backstage/config';
import { HumanDuration } from '@backstage/types';

/**
 * The settings of the catalog refresh, with their defaults.
 *
 * @internal
 */
export interface CatalogRefreshSettings {
  frequency: HumanDuration;
  timeout: HumanDuration;
}

/**
 * Reads `reliability.catalog`.
 *
 * @internal
 */
export function readCatalogRefreshSettings(
  config: Config,
): CatalogRefreshSettings {
  const catalog = config.getOptionalConfig('reliability.catalog');
  return {
    frequency: catalog?.has('refreshFrequency')
      ? readDurationFromConfig(catalog, { key: 'refreshFrequency' })
      : { minutes: 5 },
    timeout: catalog?.has('refreshTimeout')
      ? readDurationFromConfig(catalog, { key: 'refreshTimeout' })
      : { minutes: 10 },
  };
}
