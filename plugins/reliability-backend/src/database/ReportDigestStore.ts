import { Knex } from 'knex';

const TABLE = 'reliability_report_digests';

/**
 * Which monthly digests were sent: a digest is claimed (one row per owner and month) before it
 * is sent, so that only one replica sends it.
 *
 * @internal
 */
export interface ReportDigestStore {
  /**
   * Claims the digest of `ownerRef` for `month`; `false` when another replica (or an earlier
   * run) has claimed it already.
   */
  claim(ownerRef: string, month: string, atMs: number): Promise<boolean>;
  markSent(ownerRef: string, month: string, atMs: number): Promise<void>;
  /** Gives a claim up after a failed send, so that the next run tries again. */
  release(ownerRef: string, month: string): Promise<void>;
  listSent(month: string): Promise<string[]>;
}

/**
 * The {@link ReportDigestStore} on the plugin's database.
 *
 * @internal
 */
export class DatabaseReportDigestStore implements ReportDigestStore {
  static create(options: { knex: Knex }): DatabaseReportDigestStore {
    return new DatabaseReportDigestStore(options.knex);
  }

  private constructor(private readonly knex: Knex) {}

  async claim(ownerRef: string, month: string, atMs: number): Promise<boolean> {
    // The primary key arbitrates between replicas: one insert wins, the other ignores.
    const inserted = await this.knex(TABLE)
      .insert({ owner_ref: ownerRef.toLowerCase(), month, claimed_at: atMs })
      .onConflict(['owner_ref', 'month'])
      .ignore()
      .returning('owner_ref');
    return Array.isArray(inserted) && inserted.length > 0;
  }

  async markSent(ownerRef: string, month: string, atMs: number): Promise<void> {
    await this.knex(TABLE)
      .where({ owner_ref: ownerRef.toLowerCase(), month })
      .update({ sent_at: atMs });
  }

  async release(ownerRef: string, month: string): Promise<void> {
    await this.knex(TABLE)
      .where({ owner_ref: ownerRef.toLowerCase(), month })
      .whereNull('sent_at')
      .delete();
  }

  async listSent(month: string): Promise<string[]> {
    const rows = await this.knex(TABLE)
      .where({ month })
      .whereNotNull('sent_at')
      .orderBy('owner_ref')
      .select('owner_ref');
    return rows.map(row => row.owner_ref);
  }
}
