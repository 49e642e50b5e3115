/**
 * What the API answers about who is on call for an entity. Providers (PagerDuty, Opsgenie,
 * catalog-native rotations) all map into this one shape so that cards and rollups need not know
 * where the answer came from.
 */

/**
 * A person who can be paged.
 *
 * @public
 */
export interface OnCallPerson {
  /** Display name. */
  name: string;
  /** The person's user entity ref when the catalog knows them (`user:default/jane`). */
  userRef?: string;
  email?: string;
  /** The person's profile in the provider, e.g. their PagerDuty user page. */
  url?: string;
  /** The person's id in the provider. */
  externalId?: string;
}

/**
 * Someone on call from `start` to `end`; either bound is absent when the provider does not tell.
 *
 * @public
 */
export interface OnCallAssignment {
  person: OnCallPerson;
  /** ISO 8601 with offset. */
  start?: string;
  /** ISO 8601 with offset, exclusive. */
  end?: string;
  /** The schedule, rotation layer or team this shift comes from. */
  scheduleName?: string;
  /** 1 for the first responder, 2 for who is paged when they do not acknowledge, and so on. */
  escalationLevel?: number;
}

/**
 * One step of an escalation policy: who is notified, and after how long without acknowledgement.
 *
 * @public
 */
export interface EscalationStep {
  /** 1-based position in the chain. */
  level: number;
  /** Minutes after the previous step before this one is notified, when the provider tells. */
  delayMinutes?: number;
  targets: Array<{
    type: 'user' | 'schedule' | 'team' | 'rotation';
    name: string;
    url?: string;
    /** For schedules and rotations: who is on call there now. */
    onCall?: OnCallPerson[];
  }>;
}

/**
 * A link a responder can use to reach the team or the service in the provider.
 *
 * @public
 */
export interface ContactLink {
  title: string;
  url: string;
  /** `service`, `schedule`, `chat`, `email`, `phone`, `trigger` … free text for icons. */
  type?: string;
}

/**
 * Where an on-call answer came from and how the entity was mapped to it.
 *
 * @public
 */
export interface OnCallResolution {
  /** The provider type: `pagerduty`, `opsgenie`, `rotation`, or a module's own. */
  source: string;
  /** The entity whose annotation mapped to the provider: the entity itself or its owner group. */
  mappedBy: string;
  /** The annotation (or rotation location) that did the mapping, e.g. `pagerduty.com/service-id`. */
  mapping: string;
  /** The value of that annotation. */
  mappingValue: string;
}

/**
 * Who is on call for one entity now and next.
 *
 * @public
 */
export interface EntityOnCall {
  entityRef: string;
  /**
   * `ok`: resolved and answered; `unresolved`: no provider mapping found (see `reasons`);
   * `error`: a mapping was found but the provider failed (`error`), and any last-good answer is
   * given with `stale: true`.
   */
  status: 'ok' | 'unresolved' | 'error';
  resolution?: OnCallResolution;
  now: OnCallAssignment[];
  next: OnCallAssignment[];
  escalationChain: EscalationStep[];
  contactLinks: ContactLink[];
  /** When the provider was asked, ISO 8601. */
  fetchedAt?: string;
  /** True when the answer is older than the cache policy because the provider failed since. */
  stale: boolean;
  /** Why nothing resolved: each place looked at and what was missing there. */
  reasons: string[];
  error?: string;
}
