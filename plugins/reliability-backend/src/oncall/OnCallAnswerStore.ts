import { EntityOnCall } from '@reliability/backstage-plugin-common';
import { Knex } from 'knex';

const TABLE = 'reliability_oncall_answers';

/**
 * Keeps the last good on-call answer of each entity, so that the API can still say who was on
 * call (marked stale) while a provider is down, also after a restart.
 *
 * @internal
 */
export interface OnCallAnswerStore {
  get(entityRef: string): Promise<EntityOnCall | undefined>;
  put(answer: EntityOnCall, fetchedAtMs: number): Promise<void>;
}

/**
 * The {@link OnCallAnswerStore} on the plugin's database.
 *
 * @internal
 */
export class DatabaseOnCallAnswerStore implements OnCallAnswerStore {
  static create(options: { knex: Knex }): DatabaseOnCallAnswerStore {
    return new DatabaseOnCallAnswerStore(options.knex);
  }

  private constructor(private readonly knex: Knex) {}

  async get(entityRef: string): Promise<EntityOnCall | undefined> {
    const row = await this.knex(TABLE).where({ entity_ref: entityRef }).first();
    if (!row) {
      return undefined;
    }
    try {
      return JSON.parse(row.answer) as EntityOnCall;
    } catch {
      return undefined;
    }
  }

  async put(answer: EntityOnCall, fetchedAtMs: number): Promise<void> {
    await this.knex(TABLE)
      .insert({
        entity_ref: answer.entityRef,
        answer: JSON.stringify(answer),
        fetched_at: fetchedAtMs,
      })
      .onConflict('entity_ref')
      .merge(['answer', 'fetched_at']);
  }
}
