import { z } from 'zod';
import { strictObject } from '../../spec/validation/strictObject';
import type { ScorecardCheck } from '../ScorecardCheck';
import { count, fail, pass, unknown } from './outcomes';

const NOT_COLLECTED = 'on-call data was not collected';

/**
 * Somebody can be paged: the entity maps to a rotation or provider, and it answered.
 *
 * @public
 */
export const onCallResolvesCheck: ScorecardCheck<Record<string, never>> = {
  id: 'oncall-resolves',
  title: 'On-call resolves',
  description:
    'The entity (or its owner group) maps to an on-call rotation or provider (PagerDuty, Opsgenie, a catalog rotation) that answers with who is on call.',
  paramsSchema: strictObject({}),
  remediation:
    'Annotate the entity or its owner group with pagerduty.com/service-id, opsgenie.com/team or reliability/rotation, and check that the service or rotation exists.',
  evaluate({ onCall }) {
    if (!onCall) {
      return unknown(NOT_COLLECTED);
    }
    if (!onCall.resolved) {
      return fail('no on-call mapping on the entity or its owner');
    }
    const source = onCall.source ?? 'the provider';
    if (onCall.live === undefined) {
      return unknown(`mapped to ${source}, which was not asked yet`);
    }
    // A provider outage says nothing about the entity, so it is unknown rather than a failure.
    return onCall.live
      ? pass(`on call through ${source}`)
      : unknown(`mapped to ${source}, which did not answer`);
  },
};

/**
 * The rotation is large enough to be sustainable.
 *
 * @public
 */
export const onCallMinPeopleCheck: ScorecardCheck<{ min: number }> = {
  id: 'oncall-min-people',
  title: 'Enough people on call',
  description:
    'The on-call rotation has at least `min` distinct people (default 2), so that nobody is on call all the time and there is cover for holidays.',
  paramsSchema: strictObject({
    min: z.number().int().min(1).max(100).default(2),
  }),
  remediation:
    'Add more people to the on-call schedule, or share a rotation with a neighbouring team.',
  evaluate({ onCall }, { min }) {
    if (!onCall) {
      return unknown(NOT_COLLECTED);
    }
    if (!onCall.resolved) {
      return fail('no on-call rotation, so nobody is in it');
    }
    if (onCall.people === undefined) {
      return unknown('the number of people in the rotation is unknown');
    }
    const found = count(onCall.people, 'person', 'people');
    return onCall.people >= min
      ? pass(`${found} in the rotation`)
      : fail(`${found} in the rotation, at least ${min} required`);
  },
};
