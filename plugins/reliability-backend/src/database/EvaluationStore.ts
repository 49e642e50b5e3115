import { Knex } from 'knex';
import { retryingTransaction, sortedByKey } from './retryingTransaction';

const EVALUATIONS = 'reliability_slo_evaluations';
const HISTORY = 'reliability_slo_history';

/**
 * One alert severity of an SLO: `firing` when one of its window pairs fires, `ok` when both are
 * known not to, `unknown` otherwise (no traffic or data in a window).
 *
 * @internal
 */
export type SloAlertState = 'firing' | 'ok' | 'unknown';

/**
 * The values of one successful evaluation, as stored and served. Times are epoch milliseconds;
 * `null` means unknown (no traffic or no data), never 0.
 *
 * @internal
 */
export interface SloEvaluationResult {
  /** The evaluation time: the end of the SLI data the values describe. */
  time: number;
  sli: number | null;
  sliStatus: 'measured' | 'no-traffic' | 'no-data';
  /** Share of the period covered by SLI data, in [0, 1]. */
  coverage: number;
  budget: {
    target: number;
    errorBudget: number;
    remaining: number | null;
    consumed: number | null;
    periodStart: number;
    periodEnd: number;
  };
  /** Burn rate per alert window, shortest first; named as Prometheus durations (`5m`, `30d`). */
  burnRates: Array<{
    window: string;
    windowMs: number;
    burnRate: number | null;
  }>;
  /** `null` when no alert windows fit the SLO period (e.g. calendar months). */
  alerts: {
    page: SloAlertState;
    ticket: SloAlertState;
    severity: 'page' | 'ticket' | 'none';
  } | null;
  policy: {
    state: 'healthy' | 'warning' | 'exhausted' | 'unknown';
    reason: string;
  };
  forecast: {
    status: 'exhausted' | 'burning' | 'not-burning' | 'unknown';
    timeToExhaustionMs: number | null;
    exhaustionAt: number | null;
  };
}

/**
 * The latest state of one SLO's evaluation. When the last attempt failed, `result` keeps the
 * last good values and `staleSince` says since when they are not current.
 *
 * @internal
 */
export interface SloSnapshot {
  sloId: string;
  entityRef: string;
  /** The last attempt, successful or not. */
  evaluatedAt: number;
  lastSuccessAt?: number;
  /** The first failed attempt after the last success; `undefined` when current. */
  staleSince?: number;
  /** Why the last attempt failed. */
  error?: string;
  consecutiveFailures: number;
  /** Backoff: the SLO is not attempted before this time. */
  retryAfter?: number;
  /** When the latest history row was written. */
  lastHistoryAt?: number;
  /** The last good values; `undefined` when no attempt has succeeded yet. */
  result?: SloEvaluationResult;
}

/**
 * One point of an SLO's history.
 *
 * @internal
 */
export interface SloHistoryPoint {
  sloId: string;
  time: number;
  sli: number | null;
  budgetRemaining: number | null;
  /** Burn rate per window name, e.g. `{ "5m": 0.4, "1h": null }`. */
  burnRates: Record<string, number | null>;
}

/**
 * Stores the latest evaluation of every SLO and the history of their results.
 *
 * @internal
 */
export interface EvaluationStore {
  /** Writes snapshots and history points in one transaction; a snapshot replaces the SLO's last. */
  save(snapshots: SloSnapshot[], history: SloHistoryPoint[]): Promise<void>;
  getSnapshot(sloId: string): Promise<SloSnapshot | undefined>;
  /** The snapshots of the given SLOs; SLOs never evaluated are missing from the map. */
  getSnapshots(sloIds: string[]): Promise<Map<string, SloSnapshot>>;
  listSnapshots(): Promise<SloSnapshot[]>;
  /** When the latest evaluation of any SLO was stored, epoch ms; `undefined` before the first. */
  lastEvaluatedAt(): Promise<number | undefined>;
  /**
   * History of one SLO in `[from, to)`, oldest first, downsampled to at most one point per
   * `stepMs`: the latest point of each step, because budget remaining is a state and the burn
   * rates already average over their windows, so the latest value is what a chart should show.
   */
  history(
    sloId: string,
    from: number,
    to: number,
    stepMs: number,
  ): Promise<SloHistoryPoint[]>;
  /** Deletes history older than `before`; returns the number of rows deleted. */
  deleteHistoryBefore(before: number): Promise<number>;
  /** Deletes the snapshots of SLOs not in `sloIds` (SLOs that no longer exist). */
  deleteSnapshotsExcept(sloIds: string[]): Promise<number>;
}

type DbRow = Record<string, any>;

function toNumber(value: unknown): number | undefined {
  return value === null || value === undefined ? undefined : Number(value);
}

function toNullableNumber(value: unknown): number | null {
  return value === null || value === undefined ? null : Number(value);
}

function toSnapshot(row: DbRow): SloSnapshot {
  return {
    sloId: row.slo_id,
    entityRef: row.entity_ref,
    evaluatedAt: Number(row.evaluated_at),
    lastSuccessAt: toNumber(row.last_success_at),
    staleSince: toNumber(row.stale_since),
    error: row.error ?? undefined,
    consecutiveFailures: Number(row.consecutive_failures),
    retryAfter: toNumber(row.retry_after),
    lastHistoryAt: toNumber(row.last_history_at),
    result: row.result ? JSON.parse(row.result) : undefined,
  };
}

/**
 * The knex-backed {@link EvaluationStore}, on SQLite and PostgreSQL.
 *
 * @internal
 */
export class DatabaseEvaluationStore implements EvaluationStore {
  static create(options: { knex: Knex }): DatabaseEvaluationStore {
    return new DatabaseEvaluationStore(options.knex);
  }

  private constructor(private readonly knex: Knex) {}

  async save(
    snapshots: SloSnapshot[],
    history: SloHistoryPoint[],
  ): Promise<void> {
    if (snapshots.length === 0 && history.length === 0) {
      return;
    }
    // Sorted, so that concurrent writers lock rows in one order.
    const snapshotRows = sortedByKey(snapshots, s => [s.sloId]).map(s => ({
      slo_id: s.sloId,
      entity_ref: s.entityRef,
      evaluated_at: s.evaluatedAt,
      last_success_at: s.lastSuccessAt ?? null,
      stale_since: s.staleSince ?? null,
      error: s.error ?? null,
      consecutive_failures: s.consecutiveFailures,
      retry_after: s.retryAfter ?? null,
      last_history_at: s.lastHistoryAt ?? null,
      policy_state: s.result?.policy.state ?? 'unknown',
      result: s.result ? JSON.stringify(s.result) : null,
    }));
    const historyRows = sortedByKey(history, h => [h.sloId, h.time]).map(h => ({
      slo_id: h.sloId,
      time: h.time,
      sli: h.sli,
      budget_remaining: h.budgetRemaining,
      burn_rates: JSON.stringify(h.burnRates),
    }));
    await retryingTransaction(this.knex, async tx => {
      // Chunked so that a cycle over many SLOs stays under SQLite's bound-parameter limit.
      for (let i = 0; i < snapshotRows.length; i += 50) {
        await tx(EVALUATIONS)
          .insert(snapshotRows.slice(i, i + 50))
          .onConflict('slo_id')
          .merge();
      }
      for (let i = 0; i < historyRows.length; i += 100) {
        await tx(HISTORY)
          .insert(historyRows.slice(i, i + 100))
          .onConflict(['slo_id', 'time'])
          .merge();
      }
    });
  }

  async getSnapshot(sloId: string): Promise<SloSnapshot | undefined> {
    const row = await this.knex(EVALUATIONS).where('slo_id', sloId).first();
    return row ? toSnapshot(row) : undefined;
  }

  async getSnapshots(sloIds: string[]): Promise<Map<string, SloSnapshot>> {
    const snapshots = new Map<string, SloSnapshot>();
    for (let i = 0; i < sloIds.length; i += 500) {
      const rows = await this.knex(EVALUATIONS).whereIn(
        'slo_id',
        sloIds.slice(i, i + 500),
      );
      for (const row of rows) {
        snapshots.set(row.slo_id, toSnapshot(row));
      }
    }
    return snapshots;
  }

  async listSnapshots(): Promise<SloSnapshot[]> {
    const rows = await this.knex(EVALUATIONS).orderBy('slo_id');
    return rows.map(toSnapshot);
  }

  async lastEvaluatedAt(): Promise<number | undefined> {
    const [row] = await this.knex(EVALUATIONS).max({ at: 'evaluated_at' });
    return toNumber(row?.at);
  }

  async history(
    sloId: string,
    from: number,
    to: number,
    stepMs: number,
  ): Promise<SloHistoryPoint[]> {
    // The latest time of every step, grouped by integer division, which both SQLite and
    // PostgreSQL do on integers; the outer query then reads the rows at those times.
    const latestPerStep = this.knex(HISTORY)
      .max({ time: 'time' })
      .where('slo_id', sloId)
      .andWhere('time', '>=', from)
      .andWhere('time', '<', to)
      .groupByRaw('(?? - ?) / ?', [
        'time',
        this.knex.raw('CAST(? AS BIGINT)', [Math.floor(from)]),
        this.knex.raw('CAST(? AS BIGINT)', [Math.max(1, Math.floor(stepMs))]),
      ]);
    const rows = await this.knex(HISTORY)
      .where('slo_id', sloId)
      .whereIn('time', latestPerStep)
      .orderBy('time', 'asc');
    return rows.map(row => ({
      sloId: row.slo_id,
      time: Number(row.time),
      sli: toNullableNumber(row.sli),
      budgetRemaining: toNullableNumber(row.budget_remaining),
      burnRates: JSON.parse(row.burn_rates),
    }));
  }

  async deleteHistoryBefore(before: number): Promise<number> {
    return this.knex(HISTORY).where('time', '<', before).delete();
  }

  async deleteSnapshotsExcept(sloIds: string[]): Promise<number> {
    const keep = new Set(sloIds);
    const rows = await this.knex(EVALUATIONS).select('slo_id');
    const orphans = rows
      .map(r => r.slo_id as string)
      .filter(id => !keep.has(id));
    let deleted = 0;
    for (let i = 0; i < orphans.length; i += 500) {
      deleted += await this.knex(EVALUATIONS)
        .whereIn('slo_id', orphans.slice(i, i + 500))
        .delete();
    }
    return deleted;
  }
}
