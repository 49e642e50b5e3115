import { Entity } from '@backstage/catalog-model';
import { RELIABILITY_RUNBOOK_ANNOTATION } from '@reliability/backstage-plugin-common';

/** The query parameter that starts the walk at an alert's entry point. */
export const ALERT_PARAM = 'alert';

/** Whether the entity's runbook annotation names a decision-tree (`.yaml`) runbook. */
export function hasRunbookTree(entity: Entity): boolean {
  const location =
    entity.metadata.annotations?.[RELIABILITY_RUNBOOK_ANNOTATION]?.trim() ?? '';
  return /\.ya?ml(\?.*)?$/i.test(location);
}

/**
 * The link that walks the entity's runbook from an alert's entry point, relative to the
 * Reliability tab (`?alert=<name>`); undefined without a decision-tree runbook or alert name.
 */
export function alertRunbookWalkHref(
  entity: Entity,
  alertName: string | undefined,
): string | undefined {
  if (!alertName || !hasRunbookTree(entity)) {
    return undefined;
  }
  return `?${new URLSearchParams({ [ALERT_PARAM]: alertName })}#runbook-walk`;
}
