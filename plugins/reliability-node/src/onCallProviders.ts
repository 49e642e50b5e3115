import { createExtensionPoint } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import {
  ContactLink,
  EscalationStep,
  OnCallAssignment,
  OnCallShift,
} from '@reliability/backstage-plugin-common';

/**
 * How a provider maps an entity: which annotation (or rotation file) it read and its value.
 *
 * @public
 */
export interface OnCallMapping {
  /** The annotation key, e.g. `pagerduty.com/service-id`, or `reliability/rotation`. */
  annotation: string;
  value: string;
}

/**
 * What a provider answers for one mapped entity.
 *
 * @public
 */
export interface OnCallProviderAnswer {
  now: OnCallAssignment[];
  next: OnCallAssignment[];
  escalationChain: EscalationStep[];
  contactLinks: ContactLink[];
}

/**
 * A system that knows who is on call: PagerDuty, Opsgenie, catalog-native rotations, or a
 * module's own. The plugin asks providers in registration order, first for the entity itself and
 * then for its owner group; the first provider that maps an entity answers for it.
 *
 * @public
 */
export interface OnCallProvider {
  /** Unique type name, e.g. `pagerduty`. */
  readonly type: string;
  /**
   * Optional: the annotations this provider maps entities by, named when nothing resolves so that
   * users learn what to add.
   */
  readonly annotations?: readonly string[];
  /**
   * The mapping this provider would use for the entity (a service or a group), or `undefined`
   * with nothing to say. Pure: reads annotations only, no I/O.
   */
  mappingFor(entity: Entity): OnCallMapping | undefined;
  /** Who is on call now and next for a mapped entity. Throws when the provider fails. */
  getOnCall(
    entity: Entity,
    mapping: OnCallMapping,
    options: { now: Date; signal?: AbortSignal },
  ): Promise<OnCallProviderAnswer>;
  /**
   * Optional: the shifts between `from` and `to`, which alert quality uses to count pages per
   * shift and to know who was paged.
   */
  getShifts?(
    entity: Entity,
    mapping: OnCallMapping,
    options: { from: Date; to: Date; signal?: AbortSignal },
  ): Promise<OnCallShift[]>;
}

/**
 * Lets backend modules add on-call providers. The built-in ones register through it as well.
 *
 * @public
 */
export interface ReliabilityOnCallProvidersExtensionPoint {
  addOnCallProvider(...providers: OnCallProvider[]): void;
}

/**
 * The extension point for {@link OnCallProvider}s.
 *
 * @public
 */
export const reliabilityOnCallProvidersExtensionPoint =
  createExtensionPoint<ReliabilityOnCallProvidersExtensionPoint>({
    id: 'reliability.oncall-providers',
  });
