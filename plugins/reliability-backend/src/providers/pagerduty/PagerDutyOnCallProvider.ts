import { Entity } from '@backstage/catalog-model';
import { Config } from '@backstage/config';
import {
  ContactLink,
  EscalationStep,
  OnCallAssignment,
  OnCallPerson,
  OnCallShift,
} from '@reliability/backstage-plugin-common';
import {
  OnCallMapping,
  OnCallProvider,
  OnCallProviderAnswer,
} from '@reliability/backstage-plugin-node';
import {
  PagerDutyAccounts,
  PagerDutyAccountsOptions,
} from './PagerDutyAccounts';
import { PagerDutyClient } from './PagerDutyClient';
import { pagerDutyMappingFor } from './mapping';
import { mergeOnCallAnswers, mergeShifts } from '../mergeOnCallAnswers';
import {
  PagerDutyEscalationPolicy,
  PagerDutyOnCall,
  PagerDutyReference,
  PagerDutyService,
  PagerDutyUser,
} from './schemas';

/**
 * Finds the catalog user of a PagerDuty user by email, e.g. by searching user entities'
 * `spec.profile.email`. `undefined` when there is none.
 *
 * @public
 */
export type ResolveUserRef = (
  email: string,
) => Promise<string | undefined> | string | undefined;

/**
 * Options of {@link PagerDutyOnCallProvider.create}.
 *
 * @public
 */
export interface PagerDutyOnCallProviderOptions {
  accounts: PagerDutyAccounts;
  /** Gives people a `userRef`; without it they have none. */
  resolveUserRef?: ResolveUserRef;
  /**
   * How far ahead the next on-call is looked for. Default 14 days; PagerDuty answers at most
   * 90 days.
   */
  nextLookaheadMs?: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** The first escalation level, whose on-calls are paged first. */
const FIRST_LEVEL = 1;

function iso(value: string | null | undefined): string | undefined {
  return value ? new Date(value).toISOString() : undefined;
}

function targetType(
  reference: PagerDutyReference,
): EscalationStep['targets'][number]['type'] | undefined {
  switch (reference.type) {
    case 'user':
    case 'user_reference':
      return 'user';
    case 'schedule':
    case 'schedule_reference':
      return 'schedule';
    default:
      return undefined;
  }
}

/**
 * Who is on call for entities annotated with `pagerduty.com/service-id` or
 * `pagerduty.com/integration-key` (optionally `pagerduty.com/account`): service → escalation
 * policy → `GET /oncalls`. `pagerduty.com/service-id` may list several services separated by
 * commas: their answers are merged (everybody on call for any of them, the chains level by
 * level, all links).
 *
 * - `now`: the current on-calls at level 1 of the service's escalation policy.
 * - `next`: per level-1 schedule, the earliest upcoming on-call of someone not on call now
 *   (`GET /oncalls?earliest=true` over the look-ahead).
 * - `escalationChain`: every rule of the policy; a step's `delayMinutes` is the previous rule's
 *   `escalation_delay_in_minutes` (PagerDuty states the delay on the rule it escalates away from).
 * - `contactLinks`: the service, the escalation policy and its schedules in PagerDuty.
 *
 * @public
 */
export class PagerDutyOnCallProvider implements OnCallProvider {
  readonly type = 'pagerduty';
  readonly annotations = [
    'pagerduty.com/service-id',
    'pagerduty.com/integration-key',
  ];
  readonly #accounts: PagerDutyAccounts;
  readonly #resolveUserRef?: ResolveUserRef;
  readonly #nextLookaheadMs: number;

  /** `undefined` when `reliability.pagerduty` is not configured. */
  static fromConfig(
    config: Config,
    options: PagerDutyAccountsOptions &
      Omit<PagerDutyOnCallProviderOptions, 'accounts'> = {},
  ): PagerDutyOnCallProvider | undefined {
    const accounts = PagerDutyAccounts.fromConfig(config, options);
    return accounts
      ? PagerDutyOnCallProvider.create({ ...options, accounts })
      : undefined;
  }

  static create(options: PagerDutyOnCallProviderOptions) {
    return new PagerDutyOnCallProvider(options);
  }

  private constructor(options: PagerDutyOnCallProviderOptions) {
    this.#accounts = options.accounts;
    this.#resolveUserRef = options.resolveUserRef;
    this.#nextLookaheadMs = Math.min(
      options.nextLookaheadMs ?? 14 * DAY_MS,
      90 * DAY_MS,
    );
  }

  mappingFor(entity: Entity): OnCallMapping | undefined {
    return pagerDutyMappingFor(entity);
  }

  async getOnCall(
    entity: Entity,
    mapping: OnCallMapping,
    options: { now: Date; signal?: AbortSignal },
  ): Promise<OnCallProviderAnswer> {
    const { client, services } = await this.#accounts.resolveServices(
      entity,
      mapping,
      options.signal,
    );
    return mergeOnCallAnswers(
      await Promise.all(
        services.map(service => this.#serviceOnCall(client, service, options)),
      ),
    );
  }

  async #serviceOnCall(
    client: PagerDutyClient,
    service: PagerDutyService,
    options: { now: Date; signal?: AbortSignal },
  ): Promise<OnCallProviderAnswer> {
    const { signal, now } = options;
    const policy = await this.#policyOf(client, service, signal);
    const current = await client.listOnCalls(
      { escalationPolicyIds: [policy.id], since: now, until: now },
      { signal },
    );
    const upcoming = await client.listOnCalls(
      {
        escalationPolicyIds: [policy.id],
        since: now,
        until: new Date(now.getTime() + this.#nextLookaheadMs),
        earliest: true,
      },
      { signal },
    );
    const people = new Map<string, Promise<OnCallPerson>>();
    const personOf = (user: PagerDutyUser) => {
      let person = people.get(user.id);
      if (!person) {
        person = this.#person(user);
        people.set(user.id, person);
      }
      return person;
    };

    const nowAtFirstLevel = uniqueOnCalls(
      current.filter(onCall => onCall.escalation_level === FIRST_LEVEL),
    );
    const onCallNow = await Promise.all(
      nowAtFirstLevel.map(async onCall =>
        assignment(onCall, await personOf(onCall.user)),
      ),
    );

    const onCallUserIds = new Set(
      nowAtFirstLevel.map(onCall => onCall.user.id),
    );
    const nextBySchedule = new Map<string, PagerDutyOnCall>();
    for (const onCall of upcoming) {
      const start = onCall.start ? Date.parse(onCall.start) : undefined;
      if (
        onCall.escalation_level !== FIRST_LEVEL ||
        start === undefined ||
        start <= now.getTime() ||
        onCallUserIds.has(onCall.user.id)
      ) {
        continue;
      }
      const key = onCall.schedule?.id ?? '';
      const earlier = nextBySchedule.get(key);
      if (!earlier || start < Date.parse(earlier.start!)) {
        nextBySchedule.set(key, onCall);
      }
    }
    const onCallNext = await Promise.all(
      [...nextBySchedule.values()]
        .sort((a, b) => Date.parse(a.start!) - Date.parse(b.start!))
        .map(async onCall => assignment(onCall, await personOf(onCall.user))),
    );

    const rules = policy.escalation_rules ?? [];
    const escalationChain = await Promise.all(
      rules.map(async (rule, index): Promise<EscalationStep> => {
        const level = index + 1;
        const targets = await Promise.all(
          rule.targets.flatMap(target => {
            const type = targetType(target);
            if (!type) {
              return [];
            }
            return [
              (async () => {
                const onCallHere = uniqueOnCalls(
                  current.filter(
                    onCall =>
                      onCall.escalation_level === level &&
                      (type === 'schedule'
                        ? onCall.schedule?.id === target.id
                        : onCall.user.id === target.id && !onCall.schedule),
                  ),
                );
                return {
                  type,
                  name: target.summary ?? target.id,
                  url: target.html_url ?? undefined,
                  ...(type === 'schedule'
                    ? {
                        onCall: await Promise.all(
                          onCallHere.map(onCall => personOf(onCall.user)),
                        ),
                      }
                    : {}),
                };
              })(),
            ];
          }),
        );
        return {
          level,
          delayMinutes:
            index === 0
              ? undefined
              : rules[index - 1].escalation_delay_in_minutes,
          targets,
        };
      }),
    );

    return {
      now: onCallNow,
      next: onCallNext,
      escalationChain,
      contactLinks: contactLinks(service, policy),
    };
  }

  async getShifts(
    entity: Entity,
    mapping: OnCallMapping,
    options: { from: Date; to: Date; signal?: AbortSignal },
  ): Promise<OnCallShift[]> {
    const { client, services } = await this.#accounts.resolveServices(
      entity,
      mapping,
      options.signal,
    );
    // Services sharing an escalation policy share its shifts: read each policy once.
    const policyIds = [
      ...new Set(services.map(service => service.escalation_policy.id)),
    ];
    return mergeShifts(
      await Promise.all(
        policyIds.map(policyId =>
          this.#policyShifts(client, policyId, options),
        ),
      ),
    );
  }

  async #policyShifts(
    client: PagerDutyClient,
    policyId: string,
    options: { from: Date; to: Date; signal?: AbortSignal },
  ): Promise<OnCallShift[]> {
    const { from, to, signal } = options;
    const onCalls: PagerDutyOnCall[] = [];
    // PagerDuty answers on-calls for at most 90 days per request.
    for (
      let start = from.getTime();
      start < to.getTime();
      start += 90 * DAY_MS
    ) {
      const end = Math.min(start + 90 * DAY_MS, to.getTime());
      onCalls.push(
        ...(await client.listOnCalls(
          {
            escalationPolicyIds: [policyId],
            since: new Date(start),
            until: new Date(end),
          },
          { signal },
        )),
      );
    }
    const shifts = new Map<string, OnCallShift>();
    for (const onCall of onCalls) {
      if (onCall.escalation_level !== FIRST_LEVEL) {
        continue;
      }
      // Permanent on-calls (a user as a direct target) have no bounds; the range bounds them.
      const startMs = Math.max(
        onCall.start ? Date.parse(onCall.start) : from.getTime(),
        from.getTime(),
      );
      const endMs = Math.min(
        onCall.end ? Date.parse(onCall.end) : to.getTime(),
        to.getTime(),
      );
      if (endMs <= startMs) {
        continue;
      }
      const person = await this.#person(onCall.user);
      const shift: OnCallShift = {
        user: person.userRef ?? person.name,
        start: new Date(startMs).toISOString(),
        end: new Date(endMs).toISOString(),
        ...(onCall.user.time_zone ? { timeZone: onCall.user.time_zone } : {}),
      };
      // Windows split at 90 days return an on-call crossing the split twice.
      shifts.set(`${shift.user}|${shift.start}|${shift.end}`, shift);
    }
    return [...shifts.values()].sort(
      (a, b) => Date.parse(a.start) - Date.parse(b.start),
    );
  }

  async #policyOf(
    client: PagerDutyClient,
    service: PagerDutyService,
    signal: AbortSignal | undefined,
  ): Promise<PagerDutyEscalationPolicy> {
    // `include[]=escalation_policies` normally inlines the rules; a bare reference needs a call.
    if (service.escalation_policy.escalation_rules) {
      return service.escalation_policy;
    }
    return client.getEscalationPolicy(service.escalation_policy.id, { signal });
  }

  async #person(user: PagerDutyUser): Promise<OnCallPerson> {
    const userRef =
      user.email && this.#resolveUserRef
        ? await this.#resolveUserRef(user.email)
        : undefined;
    return {
      name: user.name ?? user.summary ?? user.id,
      ...(userRef ? { userRef } : {}),
      ...(user.email ? { email: user.email } : {}),
      ...(user.html_url ? { url: user.html_url } : {}),
      externalId: user.id,
    };
  }
}

/** One entry per user and schedule: PagerDuty repeats users on several levels and loops. */
function uniqueOnCalls(onCalls: PagerDutyOnCall[]): PagerDutyOnCall[] {
  const unique = new Map<string, PagerDutyOnCall>();
  for (const onCall of onCalls) {
    const key = `${onCall.user.id}|${onCall.schedule?.id ?? ''}`;
    if (!unique.has(key)) {
      unique.set(key, onCall);
    }
  }
  return [...unique.values()];
}

function assignment(
  onCall: PagerDutyOnCall,
  person: OnCallPerson,
): OnCallAssignment {
  const start = iso(onCall.start);
  const end = iso(onCall.end);
  return {
    person,
    ...(start ? { start } : {}),
    ...(end ? { end } : {}),
    ...(onCall.schedule?.summary
      ? { scheduleName: onCall.schedule.summary }
      : {}),
    escalationLevel: onCall.escalation_level,
  };
}

function contactLinks(
  service: PagerDutyService,
  policy: PagerDutyEscalationPolicy,
): ContactLink[] {
  const links: ContactLink[] = [];
  const add = (link: ContactLink) => {
    if (!links.some(existing => existing.url === link.url)) {
      links.push(link);
    }
  };
  if (service.html_url) {
    add({
      title: `${service.name} in PagerDuty`,
      url: service.html_url,
      type: 'service',
    });
  }
  if (policy.html_url) {
    add({
      title: `Escalation policy: ${policy.name ?? policy.summary ?? policy.id}`,
      url: policy.html_url,
      type: 'escalation-policy',
    });
  }
  for (const rule of policy.escalation_rules ?? []) {
    for (const target of rule.targets) {
      if (targetType(target) === 'schedule' && target.html_url) {
        add({
          title: `Schedule: ${target.summary ?? target.id}`,
          url: target.html_url,
          type: 'schedule',
        });
      }
    }
  }
  return links;
}
