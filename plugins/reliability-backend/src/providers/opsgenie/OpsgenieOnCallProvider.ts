/**
 * Who is on call from Opsgenie, for entities (or their owner groups) annotated with
 * `opsgenie.com/team`. As in the Opsgenie frontend plugin, a team's schedules are the enabled
 * schedules whose `ownerTeam` is the team. For each: who is on call now and next
 * (`flat=false`, so that members of teams and escalations in a rotation are listed), with shift
 * bounds from the schedule's timeline. The escalation chain is the team's escalation policy.
 */
import { LoggerService } from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { Config } from '@backstage/config';
import { NotFoundError } from '@backstage/errors';
import {
  ContactLink,
  EscalationStep,
  OPSGENIE_TEAM_ANNOTATION,
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
  OpsgenieApi,
  OpsgenieClient,
  OpsgenieClientOptions,
  OpsgenieCallOptions,
} from './OpsgenieClient';
import { readOpsgenieConfig } from './config';
import {
  OpsgenieEscalation,
  OpsgenieParticipant,
  OpsgenieRecipient,
  OpsgenieRef,
  OpsgenieSchedule,
  OpsgenieScheduleTimeline,
  OpsgenieTeam,
} from './types';
import {
  OpsgenieUserRefResolver,
  opsgenieScheduleUrl,
  opsgenieTeamUrl,
  opsgenieUserUrl,
} from './webLinks';

/**
 * What an {@link OpsgenieOnCallProvider} needs.
 *
 * @public
 */
export interface OpsgenieOnCallProviderOptions {
  client: OpsgenieApi;
  /** Which product speaks through `client`; default Opsgenie itself. */
  flavour?: OpsgenieFlavour;
  /** Origin of the account's web UI; without it, no links are given. */
  webUrl?: string;
  resolveUserRef?: OpsgenieUserRefResolver;
}

/**
 * A product with Opsgenie's on-call model (teams owning schedules and escalations): its
 * provider type, the annotation naming the team, and the words for messages.
 *
 * @public
 */
export interface OpsgenieFlavour {
  /** The provider's type, e.g. `opsgenie` or `jsm`. */
  type: string;
  /** The product as users know it, for messages and link titles. */
  product: string;
  /** The annotation whose value names the team. */
  teamAnnotation: string;
  /** How to write the annotation's value, told when no such team exists. */
  teamHint: string;
}

/**
 * Opsgenie itself.
 *
 * @public
 */
export const OPSGENIE_FLAVOUR: Readonly<OpsgenieFlavour> = Object.freeze({
  type: 'opsgenie',
  product: 'Opsgenie',
  teamAnnotation: OPSGENIE_TEAM_ANNOTATION,
  teamHint: "write the team's name exactly as Opsgenie shows it",
});

const DAY_MS = 86_400_000;
/** Shifts are read from timelines of at most this many days per request. */
const SHIFT_CHUNK_DAYS = 31;
/**
 * The timeline read for now and next starts this long before now, so that the current shift's
 * start is seen unless it began earlier still.
 */
const LOOKBACK_DAYS = 7;

/** A user's period in a schedule's final timeline. */
interface UserPeriod {
  userId?: string;
  username: string;
  startMs: number;
  endMs: number;
}

function ownedBy(owner: OpsgenieRef | undefined, team: OpsgenieTeam) {
  return (
    owner !== undefined && (owner.id === team.id || owner.name === team.name)
  );
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

function minutes(delay: { timeAmount?: number; timeUnit?: string } = {}) {
  const amount = delay.timeAmount ?? 0;
  switch (delay.timeUnit) {
    case 'hours':
      return amount * 60;
    case 'days':
      return amount * 24 * 60;
    default:
      return amount;
  }
}

/** The users of a final timeline, teams' and escalations' periods flattened when the API did. */
function userPeriods(timeline: OpsgenieScheduleTimeline): UserPeriod[] {
  const periods: UserPeriod[] = [];
  for (const rotation of timeline.finalTimeline?.rotations ?? []) {
    for (const period of rotation.periods ?? []) {
      const startMs = Date.parse(period.startDate);
      const endMs = Date.parse(period.endDate);
      if (Number.isNaN(startMs) || Number.isNaN(endMs) || endMs <= startMs) {
        continue;
      }
      const recipients =
        period.recipient?.type === 'user'
          ? [period.recipient]
          : (period.flattenedRecipients ?? []).filter(r => r.type === 'user');
      for (const recipient of recipients) {
        if (recipient.name) {
          periods.push({
            userId: recipient.id,
            username: recipient.name,
            startMs,
            endMs,
          });
        }
      }
    }
  }
  return periods.sort((a, b) => a.startMs - b.startMs);
}

function sameUser(
  period: UserPeriod,
  participant: { id?: string; name?: string },
) {
  return period.userId && participant.id
    ? period.userId === participant.id
    : period.username === participant.name;
}

/** The users among participants, members of teams and escalations included, each once. */
function users(
  participants: OpsgenieParticipant[] = [],
): OpsgenieParticipant[] {
  const seen = new Set<string>();
  const result: OpsgenieParticipant[] = [];
  const visit = (list: OpsgenieParticipant[]) => {
    for (const participant of list) {
      if (participant.type === 'user' && participant.name) {
        const key = participant.id ?? participant.name;
        if (!seen.has(key)) {
          seen.add(key);
          result.push(participant);
        }
      } else {
        visit(participant.onCallParticipants ?? []);
      }
    }
  };
  visit(participants);
  return result;
}

/**
 * The team's escalation policy: of the escalations the team owns, the one Opsgenie creates
 * with the team (`<team>_escalation`), else the first.
 */
function teamEscalation(
  escalations: OpsgenieEscalation[],
  team: OpsgenieTeam,
): OpsgenieEscalation | undefined {
  const owned = escalations.filter(e => ownedBy(e.ownerTeam, team));
  return owned.find(e => e.name === `${team.name}_escalation`) ?? owned[0];
}

/**
 * The escalation's rules grouped into levels. Opsgenie counts every rule's delay from the
 * alert's creation, so rules with the same delay notify together: one level.
 */
function escalationGroups(escalation: OpsgenieEscalation | undefined) {
  const groups: Array<{ delay: number; recipients: OpsgenieRecipient[] }> = [];
  const rules = (escalation?.rules ?? [])
    .filter(rule => rule.recipient)
    .map(rule => ({ delay: minutes(rule.delay), recipient: rule.recipient! }))
    .sort((a, b) => a.delay - b.delay);
  for (const { delay, recipient } of rules) {
    const last = groups[groups.length - 1];
    if (last && last.delay === delay) {
      last.recipients.push(recipient);
    } else {
      groups.push({ delay, recipients: [recipient] });
    }
  }
  return groups;
}

function escalationLevels(escalation: OpsgenieEscalation | undefined) {
  return escalationGroups(escalation).map(group => group.recipients);
}

/** Minutes from the alert's creation to each level. */
function escalationDelays(escalation: OpsgenieEscalation | undefined) {
  return escalationGroups(escalation).map(group => group.delay);
}

/**
 * An {@link OnCallProvider} backed by Opsgenie.
 *
 * @public
 */
export class OpsgenieOnCallProvider implements OnCallProvider {
  readonly type: string;
  readonly annotations: readonly string[];
  readonly #flavour: OpsgenieFlavour;
  readonly #client: OpsgenieApi;
  readonly #webUrl?: string;
  readonly #resolveUserRef?: OpsgenieUserRefResolver;

  /**
   * The provider for `reliability.opsgenie`; `undefined` when it is not configured. Throws
   * when the config is wrong.
   */
  static fromConfig(
    config: Config,
    options: {
      logger: LoggerService;
      resolveUserRef?: OpsgenieUserRefResolver;
      /** Client settings other than the key and URL, e.g. timeouts; `fetch` for tests. */
      client?: Omit<OpsgenieClientOptions, 'apiKey' | 'apiUrl'>;
    },
  ): OpsgenieOnCallProvider | undefined {
    const opsgenie = readOpsgenieConfig(config);
    if (!opsgenie) {
      return undefined;
    }
    options.logger.info(
      `Opsgenie on-call provider uses ${opsgenie.apiUrl}${
        opsgenie.webUrl ? `, links to ${opsgenie.webUrl}` : ''
      }`,
    );
    return new OpsgenieOnCallProvider({
      client: OpsgenieClient.fromConfig(opsgenie, options.client),
      webUrl: opsgenie.webUrl,
      resolveUserRef: options.resolveUserRef,
    });
  }

  constructor(options: OpsgenieOnCallProviderOptions) {
    this.#flavour = options.flavour ?? OPSGENIE_FLAVOUR;
    this.type = this.#flavour.type;
    this.annotations = [this.#flavour.teamAnnotation];
    this.#client = options.client;
    this.#webUrl = options.webUrl;
    this.#resolveUserRef = options.resolveUserRef;
  }

  mappingFor(entity: Entity): OnCallMapping | undefined {
    const annotation = this.#flavour.teamAnnotation;
    const value = entity.metadata.annotations?.[annotation]?.trim();
    return value ? { annotation, value } : undefined;
  }

  async getOnCall(
    entity: Entity,
    mapping: OnCallMapping,
    options: { now: Date; signal?: AbortSignal },
  ): Promise<OnCallProviderAnswer> {
    const { signal } = options;
    const nowMs = options.now.getTime();
    const team = await this.#team(entity, mapping, { signal });
    const [schedules, escalations] = await Promise.all([
      this.#schedules(team, { signal }),
      this.#client.listEscalations({ signal, team }),
    ]);
    const escalation = teamEscalation(escalations, team);

    const perSchedule = await Promise.all(
      schedules.map(async schedule => {
        const [onCall, nextOnCall, timeline] = await Promise.all([
          this.#client.getOnCalls(schedule.id, { date: options.now, signal }),
          this.#client.getNextOnCalls(schedule.id, {
            date: options.now,
            signal,
          }),
          this.#client.getScheduleTimeline(schedule.id, {
            date: new Date(nowMs - LOOKBACK_DAYS * DAY_MS),
            interval: LOOKBACK_DAYS * 3,
            intervalUnit: 'days',
            signal,
          }),
        ]);
        const periods = userPeriods(timeline);
        const windowStartMs = nowMs - LOOKBACK_DAYS * DAY_MS;
        const now = users(onCall.onCallParticipants).map(user => {
          const period = periods.find(
            p => sameUser(p, user) && p.startMs <= nowMs && nowMs < p.endMs,
          );
          return { user, period };
        });
        // The next shift starts when the current one ends.
        const boundaryMs = Math.max(
          nowMs,
          ...now.map(({ period }) => period?.endMs ?? nowMs),
        );
        const nextParticipants =
          nextOnCall.exactNextOnCallRecipients ??
          nextOnCall.nextOnCallRecipients;
        const next = users(nextParticipants).map(user => ({
          user,
          period: periods.find(
            p => sameUser(p, user) && p.startMs >= boundaryMs,
          ),
        }));
        return { schedule, now, next, windowStartMs };
      }),
    );

    const levels = this.#scheduleLevels(escalation);
    const assignment = (
      schedule: OpsgenieSchedule,
      user: OpsgenieParticipant,
      period: UserPeriod | undefined,
      windowStartMs: number,
    ): OnCallAssignment => ({
      person: this.#person(user.name ?? '', user.id),
      // A period clipped by the start of the timeline read began earlier: its start is unknown.
      start:
        period && period.startMs > windowStartMs
          ? iso(period.startMs)
          : undefined,
      end: period ? iso(period.endMs) : undefined,
      scheduleName: schedule.name,
      escalationLevel: levels.get(schedule.id) ?? levels.get(schedule.name),
    });

    const onCallBySchedule = new Map<string, OnCallPerson[]>();
    for (const { schedule, now } of perSchedule) {
      const persons = now.map(({ user }) =>
        this.#person(user.name ?? '', user.id),
      );
      onCallBySchedule.set(schedule.id, persons);
      onCallBySchedule.set(schedule.name, persons);
    }

    return {
      now: perSchedule.flatMap(({ schedule, now, windowStartMs }) =>
        now.map(({ user, period }) =>
          assignment(schedule, user, period, windowStartMs),
        ),
      ),
      next: perSchedule.flatMap(({ schedule, next, windowStartMs }) =>
        next.map(({ user, period }) =>
          assignment(schedule, user, period, windowStartMs),
        ),
      ),
      escalationChain: this.#escalationChain(
        escalation,
        onCallBySchedule,
        new Map(schedules.map(schedule => [schedule.id, schedule.name])),
      ),
      contactLinks: this.#contactLinks(team, schedules),
    };
  }

  async getShifts(
    entity: Entity,
    mapping: OnCallMapping,
    options: { from: Date; to: Date; signal?: AbortSignal },
  ): Promise<OnCallShift[]> {
    const { signal } = options;
    const fromMs = options.from.getTime();
    const toMs = options.to.getTime();
    if (!(toMs > fromMs)) {
      return [];
    }
    const team = await this.#team(entity, mapping, { signal });
    const schedules = await this.#schedules(team, { signal });
    const shifts: OnCallShift[] = [];
    for (const schedule of schedules) {
      const periods: UserPeriod[] = [];
      for (let chunkMs = fromMs; chunkMs < toMs; ) {
        const days = Math.min(
          SHIFT_CHUNK_DAYS,
          Math.ceil((toMs - chunkMs) / DAY_MS),
        );
        const timeline = await this.#client.getScheduleTimeline(schedule.id, {
          date: new Date(chunkMs),
          interval: days,
          intervalUnit: 'days',
          signal,
        });
        periods.push(...userPeriods(timeline));
        chunkMs += days * DAY_MS;
      }
      shifts.push(...this.#toShifts(periods, schedule, fromMs, toMs));
    }
    return shifts.sort(
      (a, b) =>
        Date.parse(a.start) - Date.parse(b.start) ||
        a.user.localeCompare(b.user),
    );
  }

  /** Clips periods to `[fromMs, toMs)` and joins a user's back-to-back periods into one shift. */
  #toShifts(
    periods: UserPeriod[],
    schedule: OpsgenieSchedule,
    fromMs: number,
    toMs: number,
  ): OnCallShift[] {
    const byUser = new Map<string, Array<{ startMs: number; endMs: number }>>();
    for (const period of periods) {
      const startMs = Math.max(fromMs, period.startMs);
      const endMs = Math.min(toMs, period.endMs);
      if (endMs <= startMs) {
        continue;
      }
      const user =
        this.#resolveUserRef?.({
          username: period.username,
          id: period.userId,
        }) ?? period.username;
      const list = byUser.get(user) ?? [];
      list.push({ startMs, endMs });
      byUser.set(user, list);
    }
    const shifts: OnCallShift[] = [];
    for (const [user, list] of byUser) {
      list.sort((a, b) => a.startMs - b.startMs);
      let current: { startMs: number; endMs: number } | undefined;
      const flush = () => {
        if (current) {
          shifts.push({
            user,
            start: iso(current.startMs),
            end: iso(current.endMs),
            timeZone: schedule.timezone,
          });
        }
      };
      for (const period of list) {
        if (current && period.startMs <= current.endMs) {
          current.endMs = Math.max(current.endMs, period.endMs);
        } else {
          flush();
          current = { ...period };
        }
      }
      flush();
    }
    return shifts;
  }

  async #team(
    entity: Entity,
    mapping: OnCallMapping,
    options: OpsgenieCallOptions,
  ): Promise<OpsgenieTeam> {
    try {
      return await this.#client.getTeam(mapping.value, options);
    } catch (error) {
      if (error instanceof NotFoundError) {
        throw new NotFoundError(
          `${this.#flavour.product} has no team named "${mapping.value}" (${
            mapping.annotation
          } of ${stringifyEntityRef(entity)}); ${this.#flavour.teamHint}`,
          error,
        );
      }
      throw error;
    }
  }

  async #schedules(
    team: OpsgenieTeam,
    options: OpsgenieCallOptions,
  ): Promise<OpsgenieSchedule[]> {
    const schedules = await this.#client.listSchedules(options);
    return schedules.filter(
      s => s.enabled !== false && ownedBy(s.ownerTeam, team),
    );
  }

  #person(username: string, id?: string): OnCallPerson {
    return {
      name: username,
      userRef: this.#resolveUserRef?.({ username, id }),
      email: username.includes('@') ? username : undefined,
      url: this.#webUrl && id ? opsgenieUserUrl(this.#webUrl, id) : undefined,
      externalId: id,
    };
  }

  /** The level at which the escalation notifies each schedule, by schedule id and name. */
  #scheduleLevels(escalation: OpsgenieEscalation | undefined) {
    const levels = new Map<string, number>();
    escalationLevels(escalation).forEach((recipients, index) => {
      for (const recipient of recipients) {
        if (recipient.type !== 'schedule') {
          continue;
        }
        for (const key of [recipient.id, recipient.name]) {
          if (key && !levels.has(key)) {
            levels.set(key, index + 1);
          }
        }
      }
    });
    return levels;
  }

  #escalationChain(
    escalation: OpsgenieEscalation | undefined,
    onCallBySchedule: Map<string, OnCallPerson[]>,
    scheduleNames: Map<string, string>,
  ): EscalationStep[] {
    const delays = escalationDelays(escalation);
    return escalationLevels(escalation).map((recipients, index) => ({
      level: index + 1,
      delayMinutes: delays[index] - (index > 0 ? delays[index - 1] : 0),
      targets: recipients.flatMap(recipient => {
        // Recipients may name a schedule by id only (JSM does): its name is the schedule's.
        const named =
          recipient.type === 'schedule' && !recipient.name && recipient.id
            ? { ...recipient, name: scheduleNames.get(recipient.id) }
            : recipient;
        const target = this.#target(named, onCallBySchedule);
        return target ? [target] : [];
      }),
    }));
  }

  #target(
    recipient: OpsgenieRecipient,
    onCallBySchedule: Map<string, OnCallPerson[]>,
  ): EscalationStep['targets'][number] | undefined {
    const web = this.#webUrl;
    const name = recipient.name ?? recipient.username ?? recipient.id;
    if (!name) {
      return undefined;
    }
    switch (recipient.type) {
      case 'user':
        return {
          type: 'user',
          name,
          url:
            web && recipient.id
              ? opsgenieUserUrl(web, recipient.id)
              : undefined,
        };
      case 'schedule':
        return {
          type: 'schedule',
          name,
          url:
            web && recipient.id
              ? opsgenieScheduleUrl(web, recipient.id)
              : undefined,
          onCall:
            (recipient.id && onCallBySchedule.get(recipient.id)) ||
            onCallBySchedule.get(name),
        };
      case 'team':
        return {
          type: 'team',
          name,
          url:
            web && recipient.id
              ? opsgenieTeamUrl(web, recipient.id)
              : undefined,
        };
      default:
        // `escalation`, `all`, `none`: nobody the chain can name.
        return undefined;
    }
  }

  #contactLinks(
    team: OpsgenieTeam,
    schedules: OpsgenieSchedule[],
  ): ContactLink[] {
    const web = this.#webUrl;
    if (!web) {
      return [];
    }
    return [
      {
        title: `${this.#flavour.product} team ${team.name}`,
        url: opsgenieTeamUrl(web, team.id),
        type: 'team',
      },
      ...schedules.map(schedule => ({
        title: `${this.#flavour.product} schedule ${schedule.name}`,
        url: opsgenieScheduleUrl(web, schedule.id),
        type: 'schedule',
      })),
    ];
  }
}
