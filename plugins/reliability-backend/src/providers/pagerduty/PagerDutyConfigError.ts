import { CustomErrorBase } from '@backstage/errors';

/**
 * PagerDuty is configured wrongly: a key under `reliability.pagerduty` is missing or invalid, or
 * PagerDuty rejected the configured API token (401, 403). It is not an `AuthenticationError` on
 * purpose: the caller of our API is signed in fine, and a 401 passed on to the browser would look
 * like their session expired. Backstage's error handler answers it with 500.
 *
 * @public
 */
export class PagerDutyConfigError extends CustomErrorBase {
  name = 'PagerDutyConfigError' as const;
}
