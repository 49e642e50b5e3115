/**
 * The views of entities' SLOs, kept until the stores they are read from change or for at most
 * `ttlMs`. A view is a pure function of stored rows (definitions, the entity's read state and
 * the latest evaluation snapshots), so it only goes out of date when those rows are written:
 * writes through this replica's stores call {@link EntityViewCache.invalidate}, which drops every
 * view at once (the evaluation rewrites most snapshots each cycle anyway); `ttlMs` bounds how
 * long a view may trail a write made by another replica on the same database.
 *
 * Concurrent requests for an entity share one read, and a read that was under way when a write
 * completed is never handed to a request that arrives after it.
 *
 * @internal
 */
export class EntityViewCache<V> {
  readonly #entries = new Map<
    string,
    { view: Promise<V>; generation: number; expiresAt: number }
  >();
  /** Counts completed writes; an entry read before the latest one is not served. */
  #generation = 0;

  constructor(
    private readonly options: {
      /** 0 shares only the reads in flight, and keeps nothing once they complete. */
      ttlMs: number;
      maxEntries: number;
      now?: () => number;
    },
  ) {}

  /** The view of `key` from cache, or from `read` (shared by concurrent callers). */
  get(key: string, read: () => Promise<V>): Promise<V> {
    const now = (this.options.now ?? Date.now)();
    const hit = this.#entries.get(key);
    if (hit && hit.generation === this.#generation && hit.expiresAt > now) {
      return hit.view;
    }
    if (hit) {
      this.#entries.delete(key);
    } else if (this.#entries.size >= this.options.maxEntries) {
      // Maps iterate in insertion order: drop the oldest entry.
      this.#entries.delete(this.#entries.keys().next().value!);
    }
    const entry = {
      view: read(),
      generation: this.#generation,
      // Until the read completes the entry is shared however long it takes; see below.
      expiresAt: Infinity,
    };
    this.#entries.set(key, entry);
    const forget = () => {
      if (this.#entries.get(key) === entry) {
        this.#entries.delete(key);
      }
    };
    entry.view.then(() => {
      if (this.options.ttlMs > 0) {
        entry.expiresAt = (this.options.now ?? Date.now)() + this.options.ttlMs;
      } else {
        forget();
      }
    }, forget);
    return entry.view;
  }

  /** Call after a write to the rows views are made of has completed (or failed). */
  invalidate(): void {
    this.#generation += 1;
  }
}
