import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { LabelAnnotationMatcher } from './AlertEntityResolver';
import { DEFAULT_URGENCY_RULES, UrgencyRule } from './alertmanagerWebhook';

/**
 * The settings of the Alertmanager webhook receiver.
 *
 * @internal
 */
export interface AlertmanagerOptions {
  /** Absent: the receiver answers 404, so no unauthenticated route exists by default. */
  webhookToken?: string;
  entityLabel: string;
  matchers: LabelAnnotationMatcher[];
  urgencyRules: UrgencyRule[];
}

/**
 * Reads `reliability.alertmanager`; a wrong value throws an error naming its key.
 *
 * @internal
 */
export function readAlertmanagerOptions(config: Config): AlertmanagerOptions {
  const section = config.getOptionalConfig('reliability.alertmanager');
  const webhookToken = section?.getOptionalString('webhookToken')?.trim();
  if (webhookToken !== undefined && webhookToken.length < 16) {
    throw new InputError(
      'reliability.alertmanager.webhookToken must be at least 16 characters: it is the only thing that authenticates Alertmanager',
    );
  }
  return {
    webhookToken: webhookToken || undefined,
    entityLabel:
      section?.getOptionalString('entityLabel') ?? 'backstage_entity',
    matchers: (section?.getOptionalConfigArray('entityMatchers') ?? []).map(
      matcher => ({
        label: matcher.getString('label'),
        annotation: matcher.getString('annotation'),
      }),
    ),
    urgencyRules:
      section?.getOptionalConfigArray('pageWhen')?.map(rule => ({
        label: rule.getString('label'),
        values: rule.getStringArray('values'),
      })) ?? DEFAULT_URGENCY_RULES,
  };
}
