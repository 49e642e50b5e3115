/**
 * Jira Service Management operations as on-call provider and alert source. JSM kept Opsgenie's
 * model (teams owning schedules and escalations, alerts with the same fields and search
 * syntax), so both are the Opsgenie ones reading JSM through {@link JsmClient}, with JSM's
 * annotations:
 *
 * - on call: `jsm.atlassian.com/team-id`, the team's id;
 * - alerts: `jsm.atlassian.com/alert-query`, else the entity's Opsgenie annotations
 *   (`opsgenie.com/component-selector`, `opsgenie.com/team`), which keep selecting the same
 *   alerts after a migration. The source `continues` Opsgenie: JSM serves a migrated account's
 *   alerts under their Opsgenie ids, and alert quality counts an alert both report once.
 */
import { LoggerService } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { Config } from '@backstage/config';
import {
  JSM_ALERT_QUERY_ANNOTATION,
  JSM_TEAM_ID_ANNOTATION,
} from '@reliability/backstage-plugin-common';
import {
  OpsgenieAlertFlavour,
  OpsgenieAlertSource,
  opsgenieAlertQuery,
} from '../opsgenie/OpsgenieAlertSource';
import {
  OpsgenieFlavour,
  OpsgenieOnCallProvider,
} from '../opsgenie/OpsgenieOnCallProvider';
import { JsmClient, JsmClientOptions } from './JsmClient';
import { readJsmConfig } from './config';

type ClientSettings = Omit<JsmClientOptions, 'baseUrl' | 'email' | 'apiToken'>;

/**
 * How JSM speaks through the Opsgenie provider.
 *
 * @public
 */
export const JSM_FLAVOUR: Readonly<OpsgenieFlavour> = Object.freeze({
  type: 'jsm',
  product: 'Jira Service Management',
  teamAnnotation: JSM_TEAM_ID_ANNOTATION,
  teamHint:
    "write the team's id, the UUID in the address of the team's page in Jira Service Management",
});

/**
 * The JSM alert search query of the entity's alerts created in `[since, until)`:
 * `jsm.atlassian.com/alert-query`, else the query of its Opsgenie annotations.
 *
 * @public
 */
export function jsmAlertQuery(
  entity: Entity,
  since: Date,
  until: Date,
): string | undefined {
  const own = entity.metadata.annotations?.[JSM_ALERT_QUERY_ANNOTATION]?.trim();
  if (own) {
    return `(${own}) AND createdAt >= ${since.getTime()} AND createdAt < ${until.getTime()}`;
  }
  return opsgenieAlertQuery(entity, since, until);
}

/**
 * How JSM speaks through the Opsgenie alert source.
 *
 * @public
 */
export const JSM_ALERT_FLAVOUR: Readonly<OpsgenieAlertFlavour> = Object.freeze({
  type: 'jsm',
  product: 'Jira Service Management',
  query: jsmAlertQuery,
  selectorAnnotation: JSM_ALERT_QUERY_ANNOTATION,
  continues: 'opsgenie',
});

/**
 * The JSM on-call provider for `reliability.jsm`; `undefined` when it is not configured.
 *
 * @public
 */
export function jsmOnCallProviderFromConfig(
  config: Config,
  options: { logger: LoggerService; client?: ClientSettings },
): OpsgenieOnCallProvider | undefined {
  const jsm = readJsmConfig(config);
  if (!jsm) {
    return undefined;
  }
  options.logger.info(
    `Jira Service Management on-call provider uses ${jsm.baseUrl}`,
  );
  return new OpsgenieOnCallProvider({
    client: JsmClient.fromConfig(jsm, options.client),
    flavour: JSM_FLAVOUR,
  });
}

/**
 * The JSM alert source for `reliability.jsm`; `undefined` when it is not configured.
 *
 * @public
 */
export function jsmAlertSourceFromConfig(
  config: Config,
  options: { logger: LoggerService; client?: ClientSettings },
): OpsgenieAlertSource | undefined {
  const jsm = readJsmConfig(config);
  if (!jsm) {
    return undefined;
  }
  return new OpsgenieAlertSource({
    client: JsmClient.fromConfig(jsm, options.client),
    logger: options.logger,
    flavour: JSM_ALERT_FLAVOUR,
  });
}
