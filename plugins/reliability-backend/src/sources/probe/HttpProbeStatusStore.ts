import { Knex } from 'knex';

const TABLE = 'reliability_http_probe_status';

/**
 * The latest run of one SLO's HTTP probe. `error` means the probe could not run (refused by the
 * SSRF guard, or an invalid spec) and wrote no bucket; `bad` and `good` wrote one.
 *
 * @internal
 */
export interface HttpProbeStatus {
  sloId: string;
  /** When it ran, epoch milliseconds. */
  checkedAt: number;
  outcome: 'good' | 'bad' | 'error';
  statusCode?: number;
  latencyMs?: number;
  /** Why it was bad or could not run. */
  message?: string;
}

/**
 * Keeps the latest {@link HttpProbeStatus} per SLO, so that probes run at their interval across
 * restarts and replicas, and so that a probe that cannot run shows as an error.
 *
 * @internal
 */
export interface HttpProbeStatusStore {
  record(status: HttpProbeStatus): Promise<void>;
  get(sloId: string): Promise<HttpProbeStatus | undefined>;
  list(): Promise<HttpProbeStatus[]>;
  /** Forgets the probes of SLOs that are gone. */
  deleteExcept(sloIds: string[]): Promise<number>;
}

function toStatus(row: any): HttpProbeStatus {
  return {
    sloId: row.slo_id,
    checkedAt: Number(row.checked_at),
    outcome: row.outcome,
    ...(row.status_code !== null && row.status_code !== undefined
      ? { statusCode: Number(row.status_code) }
      : {}),
    ...(row.latency_ms !== null && row.latency_ms !== undefined
      ? { latencyMs: Number(row.latency_ms) }
      : {}),
    ...(row.message ? { message: row.message } : {}),
  };
}

/**
 * The knex-backed {@link HttpProbeStatusStore}.
 *
 * @internal
 */
export class DatabaseHttpProbeStatusStore implements HttpProbeStatusStore {
  static create(options: { knex: Knex }): DatabaseHttpProbeStatusStore {
    return new DatabaseHttpProbeStatusStore(options.knex);
  }

  private constructor(private readonly knex: Knex) {}

  async record(status: HttpProbeStatus): Promise<void> {
    await this.knex(TABLE)
      .insert({
        slo_id: status.sloId,
        checked_at: status.checkedAt,
        outcome: status.outcome,
        status_code: status.statusCode ?? null,
        latency_ms: status.latencyMs ?? null,
        message: status.message ?? null,
      })
      .onConflict('slo_id')
      .merge();
  }

  async get(sloId: string): Promise<HttpProbeStatus | undefined> {
    const row = await this.knex(TABLE).where('slo_id', sloId).first();
    return row ? toStatus(row) : undefined;
  }

  async list(): Promise<HttpProbeStatus[]> {
    const rows = await this.knex(TABLE).orderBy('slo_id');
    return rows.map(toStatus);
  }

  async deleteExcept(sloIds: string[]): Promise<number> {
    const keep = new Set(sloIds);
    const gone = (await this.knex(TABLE).select('slo_id'))
      .map(row => row.slo_id as string)
      .filter(id => !keep.has(id));
    let deleted = 0;
    // Chunked: a list of every SLO id may exceed SQLite's bound-parameter limit.
    for (let i = 0; i < gone.length; i += 500) {
      deleted += await this.knex(TABLE)
        .whereIn('slo_id', gone.slice(i, i + 500))
        .delete();
    }
    return deleted;
  }
}
