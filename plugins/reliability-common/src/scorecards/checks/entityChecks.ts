import { z } from 'zod';
import { RELIABILITY_TIER_ANNOTATION } from '../../catalog/annotations';
import { strictObject } from '../../spec/validation/strictObject';
import type { ScorecardCheck } from '../ScorecardCheck';
import { fail, pass, unknown } from './outcomes';

const noParams = strictObject({});

/**
 * The owner is a Group, so that ownership survives people moving on.
 *
 * @public
 */
export const ownerIsGroupCheck: ScorecardCheck<Record<string, never>> = {
  id: 'owner-is-group',
  title: 'Owned by a team',
  description:
    'The owner (spec.owner) is a Group in the catalog, not a person, so that ownership survives people changing teams.',
  paramsSchema: noParams,
  remediation:
    'Set spec.owner to the Group entity of the team that runs the service, e.g. group:default/payments.',
  evaluate({ entity }) {
    if (!entity.ownerRef) {
      return fail('no owner: spec.owner is not set');
    }
    if (entity.ownerIsGroup === undefined) {
      return unknown(
        `the owner ${entity.ownerRef} was not looked up in the catalog`,
      );
    }
    return entity.ownerIsGroup
      ? pass(`owned by the group ${entity.ownerRef}`)
      : fail(`the owner ${entity.ownerRef} is not a Group in the catalog`);
  },
};

/**
 * The entity says what it is.
 *
 * @public
 */
export const descriptionPresentCheck: ScorecardCheck<{ minLength: number }> = {
  id: 'description-present',
  title: 'Has a description',
  description:
    'metadata.description says what the entity does, so that responders paged for it know what they are looking at.',
  paramsSchema: strictObject({
    minLength: z.number().int().min(1).max(1000).default(1),
  }),
  remediation:
    'Add metadata.description to catalog-info.yaml: one or two sentences on what the service does and for whom.',
  evaluate({ entity }, { minLength }) {
    const length = entity.description?.trim().length ?? 0;
    if (length === 0) {
      return fail('metadata.description is not set');
    }
    return length >= minLength
      ? pass(`has a description of ${length} characters`)
      : fail(
          `the description has ${length} characters, at least ${minLength} are required`,
        );
  },
};

/**
 * The entity declares how critical it is.
 *
 * @public
 */
export const tierDeclaredCheck: ScorecardCheck<Record<string, never>> = {
  id: 'tier-declared',
  title: 'Tier declared',
  description: `The ${RELIABILITY_TIER_ANNOTATION} annotation says how critical the entity is (1 to 4), which sets targets and paging.`,
  paramsSchema: noParams,
  remediation: `Add the annotation ${RELIABILITY_TIER_ANNOTATION}: "1" (most critical) to "4" to catalog-info.yaml.`,
  evaluate({ entity }) {
    if (entity.tier !== undefined) {
      return pass(`tier ${entity.tier}`);
    }
    const written = entity.annotations[RELIABILITY_TIER_ANNOTATION];
    return written === undefined
      ? fail(`the ${RELIABILITY_TIER_ANNOTATION} annotation is not set`)
      : fail(
          `${RELIABILITY_TIER_ANNOTATION} is "${written}", which is not a tier: write 1, 2, 3 or 4`,
        );
  },
};

/**
 * Annotations of popular dashboard plugins that count as a dashboard link.
 *
 * @public
 */
export const DASHBOARD_ANNOTATIONS: readonly string[] = [
  'grafana/dashboard-selector',
  'grafana/overview-dashboard',
  'datadoghq.com/dashboard-url',
  'newrelic.com/dashboard-guid',
  'dynatrace.com/dynatrace-entity-id',
];

/**
 * Responders can find the entity's dashboard.
 *
 * @public
 */
export const dashboardLinkPresentCheck: ScorecardCheck<{
  annotations: readonly string[];
}> = {
  id: 'dashboard-link-present',
  title: 'Dashboard linked',
  description: `The entity links a dashboard: a link of type "dashboard" in metadata.links, or an annotation of a dashboard plugin (${DASHBOARD_ANNOTATIONS.join(
    ', ',
  )}).`,
  paramsSchema: strictObject({
    /** More annotations that count, e.g. a company's own dashboard plugin. */
    annotations: z
      .array(z.string().min(1).max(253))
      .max(50)
      .default([])
      .transform(extra => [...DASHBOARD_ANNOTATIONS, ...extra]),
  }),
  remediation:
    'Add a link with type: dashboard to metadata.links in catalog-info.yaml, or the annotation your dashboard plugin reads (e.g. grafana/dashboard-selector).',
  evaluate({ entity }, { annotations }) {
    for (const link of entity.links) {
      if (link.type?.toLowerCase() === 'dashboard') {
        return pass(`links the dashboard ${link.title ?? link.url}`);
      }
    }
    for (const key of annotations) {
      if (entity.annotations[key]) {
        return pass(`has the dashboard annotation ${key}`);
      }
    }
    return fail('no link of type "dashboard" and no dashboard annotation');
  },
};
