import {
  AuthService,
  BackstageCredentials,
  LoggerService,
} from '@backstage/backend-plugin-api';
import {
  Entity,
  RELATION_MEMBER_OF,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { InputError, NotFoundError, stringifyError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  EntityOnCall,
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
import { mapWithConcurrency } from '../evaluation/mapWithConcurrency';
import { OnCallAnswerStore } from './OnCallAnswerStore';
import { ownerRefsOf } from './ownership';

/** Provider answers are reused this long: on-call changes at handoffs, not by the second. */
const FRESH_MS = 60_000;
/**
 * Whole answers (resolution, provider, catalog people) are reused this long per entity, so that a
 * busy entity page costs one catalog read per request instead of seven; failures only briefly,
 * so that recovery shows soon without hammering a provider that is down.
 */
const ANSWER_FRESH_MS = 30_000;
const ERROR_FRESH_MS = 10_000;
const MAX_CACHED_ANSWERS = 10_000;
const MAX_ROLLUP_ENTITIES = 500;

/**
 * The entity (itself or an owner group) whose annotation mapped it to a provider.
 *
 * @internal
 */
export interface ResolvedOnCallMapping {
  provider: OnCallProvider;
  mapping: OnCallMapping;
  /** The entity that carries the mapping. */
  mappedBy: Entity;
}

/**
 * Who is on call, for one entity or everything a group or user owns.
 *
 * @internal
 */
export interface OnCallService {
  getEntityOnCall(
    entityRef: string,
    credentials: BackstageCredentials,
  ): Promise<EntityOnCall>;
  /** The on-call answer of every entity the owner (a group, or a user and their groups) owns. */
  getOwnerOnCall(
    ownerRef: string,
    credentials: BackstageCredentials,
  ): Promise<{ owner: string; owners: string[]; entities: EntityOnCall[] }>;
  /** Shifts of the entity's on-call in [from, to), for alert quality; empty when unknown. */
  getShifts(entityRef: string, from: Date, to: Date): Promise<OnCallShift[]>;
}

/**
 * The {@link OnCallService} of the plugin. Resolution goes entity → its owner groups, asking the
 * providers in registration order at each step, so an entity's own PagerDuty or Opsgenie
 * annotation wins over its team's rotation. Provider answers are cached for a minute per mapping
 * (a team's twenty services cost one provider call), and the last good answer of each entity is
 * stored so that a provider outage shows stale data rather than nothing.
 *
 * @internal
 */
export class DefaultOnCallService implements OnCallService {
  static create(options: {
    catalog: CatalogService;
    auth: AuthService;
    logger: LoggerService;
    providers: OnCallProvider[];
    store: OnCallAnswerStore;
    now?: () => number;
  }): DefaultOnCallService {
    return new DefaultOnCallService(options);
  }

  private readonly answers = new Map<
    string,
    { at: number; answer: Promise<OnCallProviderAnswer> }
  >();

  private constructor(
    private readonly options: {
      catalog: CatalogService;
      auth: AuthService;
      logger: LoggerService;
      providers: OnCallProvider[];
      store: OnCallAnswerStore;
      now?: () => number;
    },
  ) {}

  private now(): number {
    return (this.options.now ?? Date.now)();
  }

  async getEntityOnCall(
    entityRef: string,
    credentials: BackstageCredentials,
  ): Promise<EntityOnCall> {
    const entity = await this.options.catalog.getEntityByRef(entityRef, {
      credentials,
    });
    if (!entity) {
      throw new NotFoundError(`No entity ${entityRef} in the catalog`);
    }
    return this.onCallOf(entity);
  }

  async getOwnerOnCall(
    ownerRef: string,
    credentials: BackstageCredentials,
  ): Promise<{ owner: string; owners: string[]; entities: EntityOnCall[] }> {
    const owner = await this.options.catalog.getEntityByRef(ownerRef, {
      credentials,
    });
    if (!owner) {
      throw new NotFoundError(`No entity ${ownerRef} in the catalog`);
    }
    const kind = owner.kind.toLocaleLowerCase('en-US');
    if (kind !== 'group' && kind !== 'user') {
      throw new InputError(
        `'owner' must be a group or a user, got ${stringifyEntityRef(owner)}`,
      );
    }
    const owners = [stringifyEntityRef(owner)];
    if (kind === 'user') {
      // "My services" are those of my teams as well as my own.
      owners.push(
        ...(owner.relations ?? [])
          .filter(relation => relation.type === RELATION_MEMBER_OF)
          .map(relation => relation.targetRef),
      );
    }
    const { items } = await this.options.catalog.queryEntities(
      {
        filter: { 'relations.ownedBy': owners },
        orderFields: { field: 'metadata.name', order: 'asc' },
        limit: MAX_ROLLUP_ENTITIES,
      },
      { credentials },
    );
    const owned = items.filter(
      item => !['group', 'user', 'location'].includes(item.kind.toLowerCase()),
    );
    const entities = await mapWithConcurrency(owned, 8, entity =>
      this.onCallOf(entity),
    );
    return { owner: owners[0], owners, entities };
  }

  async getShifts(
    entityRef: string,
    from: Date,
    to: Date,
  ): Promise<OnCallShift[]> {
    const credentials = await this.options.auth.getOwnServiceCredentials();
    const entity = await this.options.catalog.getEntityByRef(entityRef, {
      credentials,
    });
    if (!entity) {
      return [];
    }
    const { resolved } = await this.resolve(entity);
    if (!resolved?.provider.getShifts) {
      return [];
    }
    try {
      return await resolved.provider.getShifts(
        resolved.mappedBy,
        resolved.mapping,
        { from, to },
      );
    } catch (error) {
      this.options.logger.warn(
        `On-call shifts of ${entityRef} from ${
          resolved.provider.type
        } failed: ${stringifyError(error)}`,
      );
      return [];
    }
  }

  /**
   * The first provider mapping of the entity, then of each owner group. `reasons` says what was
   * looked at when nothing maps.
   */
  async resolve(
    entity: Entity,
  ): Promise<{ resolved?: ResolvedOnCallMapping; reasons: string[] }> {
    const reasons: string[] = [];
    const { providers } = this.options;
    if (providers.length === 0) {
      return {
        reasons: [
          'No on-call provider is installed: add the reliability backend modules or configure PagerDuty or Opsgenie',
        ],
      };
    }
    const annotations = [
      ...new Set(providers.flatMap(p => p.annotations ?? [p.type])),
    ].join(', ');
    const ownRef = stringifyEntityRef(entity);
    const own = this.firstMapping(entity);
    if (own) {
      return { resolved: own, reasons };
    }
    reasons.push(`${ownRef} has none of the annotations ${annotations}`);

    const ownerRefs = ownerRefsOf(entity);
    if (ownerRefs.length === 0) {
      reasons.push(`${ownRef} has no owner (spec.owner)`);
      return { reasons };
    }
    const credentials = await this.options.auth.getOwnServiceCredentials();
    for (const ownerRef of ownerRefs) {
      const owner = await this.options.catalog.getEntityByRef(ownerRef, {
        credentials,
      });
      if (!owner) {
        reasons.push(`its owner ${ownerRef} is not in the catalog`);
        continue;
      }
      const mapped = this.firstMapping(owner);
      if (mapped) {
        return { resolved: mapped, reasons: [] };
      }
      reasons.push(`its owner ${ownerRef} has none of them either`);
    }
    return { reasons };
  }

  private firstMapping(entity: Entity): ResolvedOnCallMapping | undefined {
    for (const provider of this.options.providers) {
      const mapping = provider.mappingFor(entity);
      if (mapping) {
        return { provider, mapping, mappedBy: entity };
      }
    }
    return undefined;
  }

  private readonly results = new Map<
    string,
    { at: number; result: Promise<EntityOnCall> }
  >();

  private onCallOf(entity: Entity): Promise<EntityOnCall> {
    const entityRef = stringifyEntityRef(entity);
    const now = this.now();
    const hit = this.results.get(entityRef);
    if (hit && now - hit.at < ANSWER_FRESH_MS) {
      return hit.result;
    }
    if (this.results.size >= MAX_CACHED_ANSWERS) {
      this.results.clear();
    }
    const result = this.computeOnCall(entity);
    this.results.set(entityRef, { at: now, result });
    result.then(
      answer => {
        if (answer.status === 'error') {
          // Keep a failure for ERROR_FRESH_MS only: pretend it was cached earlier.
          this.results.set(entityRef, {
            at: now - ANSWER_FRESH_MS + ERROR_FRESH_MS,
            result,
          });
        }
      },
      () => this.results.delete(entityRef),
    );
    return result;
  }

  private async computeOnCall(entity: Entity): Promise<EntityOnCall> {
    const entityRef = stringifyEntityRef(entity);
    const { resolved, reasons } = await this.resolve(entity);
    const empty = {
      entityRef,
      now: [],
      next: [],
      escalationChain: [],
      contactLinks: [],
      stale: false,
    };
    if (!resolved) {
      return { ...empty, status: 'unresolved', reasons };
    }
    const resolution = {
      source: resolved.provider.type,
      mappedBy: stringifyEntityRef(resolved.mappedBy),
      mapping: resolved.mapping.annotation,
      mappingValue: resolved.mapping.value,
    };
    const fetchedAt = this.now();
    try {
      const answer = await this.providerAnswer(resolved);
      const onCall: EntityOnCall = {
        ...empty,
        ...answer,
        now: await this.withCatalogUsers(answer.now),
        next: await this.withCatalogUsers(answer.next),
        escalationChain: await this.withCatalogUsersInChain(
          answer.escalationChain,
        ),
        status: 'ok',
        resolution,
        fetchedAt: new Date(fetchedAt).toISOString(),
        reasons: [],
      };
      await this.options.store
        .put(onCall, fetchedAt)
        .catch(error =>
          this.options.logger.warn(
            `Could not keep the on-call answer of ${entityRef}: ${stringifyError(
              error,
            )}`,
          ),
        );
      return onCall;
    } catch (error) {
      const message = `${resolved.provider.type} failed: ${stringifyError(
        error,
      )}`;
      this.options.logger.warn(`On-call of ${entityRef}: ${message}`);
      const lastGood = await this.options.store
        .get(entityRef)
        .catch(() => undefined);
      return {
        ...(lastGood ?? empty),
        status: 'error',
        resolution,
        stale: lastGood !== undefined,
        error: message,
        reasons: [],
      };
    }
  }

  private providerAnswer(
    resolved: ResolvedOnCallMapping,
  ): Promise<OnCallProviderAnswer> {
    const key = [
      resolved.provider.type,
      stringifyEntityRef(resolved.mappedBy),
      resolved.mapping.annotation,
      resolved.mapping.value,
    ].join('\u0000');
    const now = this.now();
    const hit = this.answers.get(key);
    if (hit && now - hit.at < FRESH_MS) {
      return hit.answer;
    }
    const answer = resolved.provider.getOnCall(
      resolved.mappedBy,
      resolved.mapping,
      { now: new Date(now), signal: AbortSignal.timeout(30_000) },
    );
    this.answers.set(key, { at: now, answer });
    answer.catch(() => this.answers.delete(key));
    if (this.answers.size > 5_000) {
      this.answers.delete(this.answers.keys().next().value!);
    }
    return answer;
  }

  private async withCatalogUsersInChain(
    chain: EscalationStep[],
  ): Promise<EscalationStep[]> {
    const steps: EscalationStep[] = [];
    for (const step of chain) {
      const targets: EscalationStep['targets'] = [];
      for (const target of step.targets) {
        if (target.type === 'user' && target.name.startsWith('user:')) {
          const [completed] = await this.withCatalogUsers([
            { person: { name: target.name, userRef: target.name } },
          ]);
          targets.push({ ...target, name: completed.person.name });
        } else if (target.onCall?.length) {
          const people = await this.withCatalogUsers(
            target.onCall.map(person => ({ person })),
          );
          targets.push({ ...target, onCall: people.map(p => p.person) });
        } else {
          targets.push(target);
        }
      }
      steps.push({ ...step, targets });
    }
    return steps;
  }

  /**
   * Completes people from the catalog: rotations name user refs (give them names and emails),
   * providers name emails (give them user refs), so the UI can link to profiles.
   */
  private async withCatalogUsers(
    assignments: OnCallAssignment[],
  ): Promise<OnCallAssignment[]> {
    if (assignments.length === 0) {
      return assignments;
    }
    const credentials = await this.options.auth.getOwnServiceCredentials();
    const refs = [
      ...new Set(
        assignments.flatMap(a => (a.person.userRef ? [a.person.userRef] : [])),
      ),
    ];
    const emails = [
      ...new Set(
        assignments.flatMap(a =>
          !a.person.userRef && a.person.email ? [a.person.email] : [],
        ),
      ),
    ];
    const users: Entity[] = [];
    try {
      if (refs.length) {
        const { items } = await this.options.catalog.getEntitiesByRefs(
          { entityRefs: refs },
          { credentials },
        );
        users.push(...items.filter((u): u is Entity => Boolean(u)));
      }
      if (emails.length) {
        const { items } = await this.options.catalog.getEntities(
          { filter: { kind: 'user', 'spec.profile.email': emails } },
          { credentials },
        );
        users.push(...items);
      }
    } catch (error) {
      this.options.logger.warn(
        `Could not look up on-call people in the catalog: ${stringifyError(
          error,
        )}`,
      );
      return assignments;
    }
    const byRef = new Map(users.map(u => [stringifyEntityRef(u), u]));
    const byEmail = new Map(
      users.flatMap(u => {
        const email = (u.spec as any)?.profile?.email;
        return typeof email === 'string' ? [[email.toLowerCase(), u]] : [];
      }),
    );
    return assignments.map(assignment => {
      const person: OnCallPerson = { ...assignment.person };
      let user: Entity | undefined;
      if (person.userRef) {
        user = byRef.get(person.userRef);
      } else if (person.email) {
        user = byEmail.get(person.email.toLowerCase());
      }
      if (user) {
        const profile = (user.spec as any)?.profile ?? {};
        person.userRef = stringifyEntityRef(user);
        if (!person.email && typeof profile.email === 'string') {
          person.email = profile.email;
        }
        // Rotations name people by ref or entity name; the catalog knows their real names.
        if (
          typeof profile.displayName === 'string' &&
          (!person.name ||
            person.name === person.userRef ||
            person.name === user.metadata.name)
        ) {
          person.name = profile.displayName;
        }
      }
      return { ...assignment, person };
    });
  }
}
