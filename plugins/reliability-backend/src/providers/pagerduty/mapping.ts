import { Entity } from '@backstage/catalog-model';
import {
  PAGERDUTY_ACCOUNT_ANNOTATION,
  PAGERDUTY_INTEGRATION_KEY_ANNOTATION,
  PAGERDUTY_SERVICE_ID_ANNOTATION,
} from '@reliability/backstage-plugin-common';
import { OnCallMapping } from '@reliability/backstage-plugin-node';

export { PAGERDUTY_ACCOUNT_ANNOTATION };

/**
 * How an entity maps to a PagerDuty service: `pagerduty.com/service-id` when set, else
 * `pagerduty.com/integration-key` (the PagerDuty plugin's order). Pure: reads annotations only.
 *
 * @public
 */
export function pagerDutyMappingFor(entity: Entity): OnCallMapping | undefined {
  const annotations = entity.metadata.annotations ?? {};
  for (const annotation of [
    PAGERDUTY_SERVICE_ID_ANNOTATION,
    PAGERDUTY_INTEGRATION_KEY_ANNOTATION,
  ]) {
    const value = annotations[annotation]?.trim();
    if (value) {
      return { annotation, value };
    }
  }
  return undefined;
}
