import { Entity } from '@backstage/catalog-model';
import {
  PAGERDUTY_ACCOUNT_ANNOTATION,
  PAGERDUTY_INTEGRATION_KEY_ANNOTATION,
  PAGERDUTY_SERVICE_ID_ANNOTATION,
} from '@reliability/backstage-plugin-common';
import { OnCallMapping } from '@reliability/backstage-plugin-node';
import { annotationIds } from '../mergeOnCallAnswers';

export { PAGERDUTY_ACCOUNT_ANNOTATION };

/**
 * How an entity maps to PagerDuty services: `pagerduty.com/service-id` when set (one id, or
 * several separated by commas), else `pagerduty.com/integration-key` (the PagerDuty plugin's
 * order). Pure: reads annotations only.
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
    // `pagerduty.com/service-id` may list several ids; a value of commas only lists none.
    if (value && annotationIds(value).length > 0) {
      return { annotation, value };
    }
  }
  return undefined;
}
