/**
 * Who is on call from GoAlert, for entities (or their owner groups) annotated with
 * `goalert.me/service-id`: one service id, or several separated by commas, merged. Per service:
 * its escalation policy and `onCallUsers`, and the shifts of the schedules its steps notify.
 *
 * - `now`: who is on call at the first step (GoAlert numbers steps from 0): the shifts of its
 *   schedules that cover now, with their bounds, and users notified directly or through a
 *   rotation (from `onCallUsers`, without bounds).
 * - `next`: per first-step schedule, the earliest upcoming shift of someone not on call now.
 * - `escalationChain`: every step; a level's delay is the previous step's `delayMinutes`
 *   (GoAlert states on a step how long it waits before escalating past it).
 * - `contactLinks`: the service, its escalation policy and its schedules in GoAlert's UI.
 */
import { Entity } from '@backstage/catalog-model';
import { Config } from '@backstage/config';
import { LoggerService } from '@backstage/backend-plugin-api';
import {
  ContactLink,
  EscalationStep,
  GOALERT_SERVICE_ID_ANNOTATION,
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
  annotationIds,
  mergeOnCallAnswers,
  mergeShifts,
} from '../mergeOnCallAnswers';
import { GoAlertClient, GoAlertClientOptions } from './GoAlertClient';
import { readGoAlertConfig } from './config';
import { GoAlertSchedule, GoAlertService, GoAlertShift } from './queries';

/**
 * Finds the catalog user of a GoAlert user by email; `undefined` when there is none.
 *
 * @public
 */
export type GoAlertUserRefResolver = (
  email: string,
) => Promise<string | undefined> | string | undefined;

/**
 * What a {@link GoAlertOnCallProvider} needs.
 *
 * @public
 */
export interface GoAlertOnCallProviderOptions {
  client: GoAlertClient;
  /** Origin of GoAlert's web UI for links. */
  webUrl: string;
  resolveUserRef?: GoAlertUserRefResolver;
}

const DAY_MS = 86_400_000;
/** Shifts read for now and next: from a week back (to see when the current one began)… */
const LOOKBACK_MS = 7 * DAY_MS;
/** …to two weeks ahead. */
const LOOKAHEAD_MS = 14 * DAY_MS;
/** GoAlert's first escalation step. */
const FIRST_STEP = 0;

function targetType(
  type: string,
): EscalationStep['targets'][number]['type'] | undefined {
  switch (type) {
    case 'user':
      return 'user';
    case 'schedule':
      return 'schedule';
    case 'rotation':
      return 'rotation';
    default:
      return undefined;
  }
}

function iso(value: string | number): string {
  return new Date(value).toISOString();
}

/**
 * An {@link OnCallProvider} backed by GoAlert.
 *
 * @public
 */
export class GoAlertOnCallProvider implements OnCallProvider {
  readonly type = 'goalert';
  readonly annotations = [GOALERT_SERVICE_ID_ANNOTATION];
  readonly #client: GoAlertClient;
  readonly #webUrl: string;
  readonly #resolveUserRef?: GoAlertUserRefResolver;

  /** `undefined` when `reliability.goalert` is not configured; throws when it is wrong. */
  static fromConfig(
    config: Config,
    options: {
      logger: LoggerService;
      resolveUserRef?: GoAlertUserRefResolver;
      client?: Omit<GoAlertClientOptions, 'baseUrl' | 'apiKey'>;
    },
  ): GoAlertOnCallProvider | undefined {
    const goalert = readGoAlertConfig(config);
    if (!goalert) {
      return undefined;
    }
    options.logger.info(`GoAlert on-call provider uses ${goalert.baseUrl}`);
    return new GoAlertOnCallProvider({
      client: GoAlertClient.fromConfig(goalert, options.client),
      webUrl: goalert.webUrl,
      resolveUserRef: options.resolveUserRef,
    });
  }

  constructor(options: GoAlertOnCallProviderOptions) {
    this.#client = options.client;
    this.#webUrl = options.webUrl;
    this.#resolveUserRef = options.resolveUserRef;
  }

  mappingFor(entity: Entity): OnCallMapping | undefined {
    const value =
      entity.metadata.annotations?.[GOALERT_SERVICE_ID_ANNOTATION]?.trim();
    return value && annotationIds(value).length > 0
      ? { annotation: GOALERT_SERVICE_ID_ANNOTATION, value }
      : undefined;
  }

  async getOnCall(
    _entity: Entity,
    mapping: OnCallMapping,
    options: { now: Date; signal?: AbortSignal },
  ): Promise<OnCallProviderAnswer> {
    const answers = await Promise.all(
      annotationIds(mapping.value).map(id => this.#serviceOnCall(id, options)),
    );
    return mergeOnCallAnswers(answers);
  }

  async getShifts(
    _entity: Entity,
    mapping: OnCallMapping,
    options: { from: Date; to: Date; signal?: AbortSignal },
  ): Promise<OnCallShift[]> {
    const { from, to, signal } = options;
    if (!(to.getTime() > from.getTime())) {
      return [];
    }
    const perService = await Promise.all(
      annotationIds(mapping.value).map(async id => {
        const service = await this.#client.getService(id, { signal });
        const first = this.#stepTargets(service, FIRST_STEP);
        const shifts: OnCallShift[] = [];
        for (const target of first) {
          if (target.type === 'schedule') {
            const schedule = await this.#client.getScheduleShifts(target.id, {
              start: from,
              end: to,
              signal,
            });
            for (const shift of schedule.shifts) {
              const startMs = Math.max(Date.parse(shift.start), from.getTime());
              const endMs = Math.min(Date.parse(shift.end), to.getTime());
              if (endMs > startMs) {
                const person = await this.#person(
                  shift.userID,
                  shift.user?.name,
                  shift.user?.email,
                );
                shifts.push({
                  user: person.userRef ?? person.email ?? person.name,
                  start: iso(startMs),
                  end: iso(endMs),
                  ...(schedule.timeZone ? { timeZone: schedule.timeZone } : {}),
                });
              }
            }
          } else if (target.type === 'user') {
            // A user notified directly is on call all the time.
            const person = await this.#person(target.id, target.name);
            shifts.push({
              user: person.userRef ?? person.email ?? person.name,
              start: from.toISOString(),
              end: to.toISOString(),
            });
          }
        }
        return shifts;
      }),
    );
    return mergeShifts(perService);
  }

  async #serviceOnCall(
    serviceId: string,
    options: { now: Date; signal?: AbortSignal },
  ): Promise<OnCallProviderAnswer> {
    const { signal } = options;
    const nowMs = options.now.getTime();
    const service = await this.#client.getService(serviceId, { signal });
    const steps = service.escalationPolicy?.steps ?? [];
    const windowStart = new Date(nowMs - LOOKBACK_MS);
    const windowEnd = new Date(nowMs + LOOKAHEAD_MS);
    const scheduleIds = [
      ...new Set(
        steps.flatMap(step =>
          step.targets.filter(t => t.type === 'schedule').map(t => t.id),
        ),
      ),
    ];
    const schedules = new Map<string, GoAlertSchedule>(
      await Promise.all(
        scheduleIds.map(
          async id =>
            [
              id,
              await this.#client.getScheduleShifts(id, {
                start: windowStart,
                end: windowEnd,
                signal,
              }),
            ] as const,
        ),
      ),
    );
    const covering = (schedule: GoAlertSchedule) =>
      schedule.shifts.filter(
        s => Date.parse(s.start) <= nowMs && nowMs < Date.parse(s.end),
      );

    const assignment = async (
      shift: GoAlertShift,
      schedule: GoAlertSchedule,
    ): Promise<OnCallAssignment> => {
      const startMs = Date.parse(shift.start);
      return {
        person: await this.#person(
          shift.userID,
          shift.user?.name,
          shift.user?.email,
        ),
        // A shift clipped by the start of the window began earlier: its start is unknown.
        ...(startMs > windowStart.getTime() ? { start: iso(startMs) } : {}),
        end: iso(shift.end),
        scheduleName: schedule.name,
        escalationLevel: FIRST_STEP + 1,
      };
    };

    const firstSchedules = this.#stepTargets(service, FIRST_STEP)
      .filter(t => t.type === 'schedule')
      .map(t => schedules.get(t.id))
      .filter((s): s is GoAlertSchedule => s !== undefined);
    const now: OnCallAssignment[] = [];
    const next: OnCallAssignment[] = [];
    for (const schedule of firstSchedules) {
      const current = covering(schedule);
      for (const shift of current) {
        now.push(await assignment(shift, schedule));
      }
      const onNow = new Set(current.map(s => s.userID));
      const upcoming = schedule.shifts
        .filter(s => Date.parse(s.start) > nowMs && !onNow.has(s.userID))
        .sort((a, b) => Date.parse(a.start) - Date.parse(b.start))[0];
      if (upcoming) {
        next.push(await assignment(upcoming, schedule));
      }
    }
    // Users on call at the first step through a rotation or directly: no shift bounds known.
    const named = new Set(now.map(a => a.person.externalId));
    for (const user of service.onCallUsers) {
      if (user.stepNumber === FIRST_STEP && !named.has(user.userID)) {
        named.add(user.userID);
        now.push({
          person: await this.#person(user.userID, user.userName),
          escalationLevel: FIRST_STEP + 1,
        });
      }
    }

    const escalationChain = await Promise.all(
      steps.map(async (step, index): Promise<EscalationStep> => {
        const targets: EscalationStep['targets'] = [];
        for (const target of step.targets) {
          const type = targetType(target.type);
          if (!type) {
            continue;
          }
          const schedule =
            type === 'schedule' ? schedules.get(target.id) : undefined;
          targets.push({
            type,
            name: target.name,
            url: this.#link(type, target.id),
            ...(schedule
              ? {
                  onCall: await Promise.all(
                    covering(schedule).map(s =>
                      this.#person(s.userID, s.user?.name, s.user?.email),
                    ),
                  ),
                }
              : {}),
          });
        }
        return {
          level: step.stepNumber + 1,
          delayMinutes: index === 0 ? undefined : steps[index - 1].delayMinutes,
          targets,
        };
      }),
    );

    return {
      now,
      next,
      escalationChain,
      contactLinks: this.#contactLinks(service, firstSchedules),
    };
  }

  #stepTargets(service: GoAlertService, stepNumber: number) {
    return (
      service.escalationPolicy?.steps.find(s => s.stepNumber === stepNumber)
        ?.targets ?? []
    );
  }

  #link(
    type: EscalationStep['targets'][number]['type'],
    id: string,
  ): string | undefined {
    const path = {
      user: 'users',
      schedule: 'schedules',
      rotation: 'rotations',
    }[type as 'user' | 'schedule' | 'rotation'];
    return path
      ? `${this.#webUrl}/${path}/${encodeURIComponent(id)}`
      : undefined;
  }

  async #person(
    id: string,
    name: string | undefined,
    email?: string,
  ): Promise<OnCallPerson> {
    const userRef =
      email && this.#resolveUserRef
        ? await this.#resolveUserRef(email)
        : undefined;
    return {
      name: name || email || id,
      ...(userRef ? { userRef } : {}),
      ...(email ? { email } : {}),
      url: `${this.#webUrl}/users/${encodeURIComponent(id)}`,
      externalId: id,
    };
  }

  #contactLinks(
    service: GoAlertService,
    schedules: GoAlertSchedule[],
  ): ContactLink[] {
    const links: ContactLink[] = [
      {
        title: `${service.name} in GoAlert`,
        url: `${this.#webUrl}/services/${encodeURIComponent(service.id)}`,
        type: 'service',
      },
    ];
    const policy = service.escalationPolicy;
    if (policy) {
      links.push({
        title: `Escalation policy: ${policy.name}`,
        url: `${this.#webUrl}/escalation-policies/${encodeURIComponent(
          policy.id,
        )}`,
        type: 'escalation-policy',
      });
    }
    for (const schedule of schedules) {
      links.push({
        title: `Schedule: ${schedule.name}`,
        url: `${this.#webUrl}/schedules/${encodeURIComponent(schedule.id)}`,
        type: 'schedule',
      });
    }
    return links;
  }
}
