import { z } from 'zod';
import { SUSTAINABLE_PAGES_PER_12_HOURS } from '../../alertQuality/onCallLoad';
import { strictObject } from '../../spec/validation/strictObject';
import type { ScorecardCheck } from '../ScorecardCheck';
import { fail, pass, unknown } from './outcomes';

const NOT_COLLECTED = 'alert data was not collected';

/** Rounds for messages: 2.25 stays 2.25, 1.3333 becomes 1.33. */
function round(value: number): number {
  return Math.round(value * 100) / 100;
}

/**
 * On-call load is sustainable.
 *
 * @public
 */
export const pagesPerShiftMaxCheck: ScorecardCheck<{ max: number }> = {
  id: 'pages-per-shift-max',
  title: 'Sustainable pages per shift',
  description: `The entity pages at most \`max\` times per 12-hour on-call shift on average (default ${SUSTAINABLE_PAGES_PER_12_HOURS}, the load the Google SRE book calls sustainable).`,
  paramsSchema: strictObject({
    max: z.number().min(0).max(1000).default(SUSTAINABLE_PAGES_PER_12_HOURS),
  }),
  remediation:
    'Look at the noisiest alerts on the alert quality page: remove or demote alerts that need no action, and fix the causes of the rest.',
  evaluate({ alertQuality }, { max }) {
    if (alertQuality?.pages === 0) {
      return pass('no pages in the window');
    }
    const perShift = alertQuality?.pagesPerShift;
    if (perShift === undefined) {
      return unknown(
        alertQuality ? 'pages per shift are unknown' : NOT_COLLECTED,
      );
    }
    const found = `${round(perShift)} pages per shift`;
    return perShift <= max ? pass(found) : fail(`${found}, more than ${max}`);
  },
};

/**
 * Pages are worth waking up for.
 *
 * @public
 */
export const actionableRatioMinCheck: ScorecardCheck<{ percent: number }> = {
  id: 'actionable-ratio-min',
  title: 'Actionable pages',
  description:
    'At least `percent` percent (default 80) of triaged pages needed a human action.',
  paramsSchema: strictObject({
    percent: z.number().min(0).max(100).default(80),
  }),
  remediation:
    'Triage pages as actionable or not, then remove, raise the threshold of, or turn into tickets the alerts that are mostly noise.',
  evaluate({ alertQuality }, { percent }) {
    if (alertQuality?.pages === 0) {
      return pass('no pages in the window');
    }
    const ratio = alertQuality?.actionableRatio;
    if (ratio === undefined) {
      return unknown(
        alertQuality ? 'no page has been triaged yet' : NOT_COLLECTED,
      );
    }
    const found = `${round(ratio * 100)}% of pages were actionable`;
    return ratio * 100 >= percent
      ? pass(found)
      : fail(`${found}, at least ${percent}% required`);
  },
};
