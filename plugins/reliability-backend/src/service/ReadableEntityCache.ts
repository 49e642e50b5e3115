import { BackstageCredentials } from '@backstage/backend-plugin-api';

/**
 * Remembers for a few seconds which entities a caller may read, so that a page polling its SLOs
 * does not cost one catalog request per call. A revoked read permission therefore takes effect
 * after at most `ttlMs`.
 *
 * An entry past half its time to live is checked again in the background while it is still
 * served: callers polling an entity never wait for the catalog once their first request did.
 * Without this every caller's requests queued behind one catalog request each `ttlMs`; under
 * load those were the slowest hundredth of the SLO route's answers (`bench:api-load`).
 *
 * @internal
 */
export class ReadableEntityCache {
  readonly #entries = new Map<string, Entry>();

  constructor(
    private readonly options: {
      ttlMs: number;
      maxEntries: number;
      now?: () => number;
    },
  ) {}

  /**
   * The canonical ref of the entity when the caller may read it, from cache or `load`.
   * Concurrent misses for the same caller and entity share one `load`.
   */
  async get(
    credentials: BackstageCredentials,
    entityRef: string,
    load: () => Promise<string | undefined>,
  ): Promise<string | undefined> {
    const now = this.#now();
    const key = `${principalKey(credentials)}\n${entityRef}`;
    const hit = this.#entries.get(key);
    if (hit && hit.expiresAt > now) {
      if (!hit.refreshing && now >= hit.expiresAt - this.options.ttlMs / 2) {
        hit.refreshing = true;
        this.#load(key, load).catch(() => {
          // The entry stays until it expires; the next load after that reports the error.
        });
      }
      return hit.entityRef;
    }
    return this.#load(key, load);
  }

  #now() {
    return (this.options.now ?? Date.now)();
  }

  #load(
    key: string,
    load: () => Promise<string | undefined>,
  ): Promise<string | undefined> {
    const entry: Entry = {
      entityRef: load(),
      expiresAt: this.#now() + this.options.ttlMs,
      refreshing: false,
    };
    const current = this.#entries.get(key);
    if (!current || current.expiresAt <= this.#now()) {
      // A miss: concurrent callers share this load.
      this.#set(key, entry);
    }
    entry.entityRef.then(
      readable => {
        if (!readable) {
          // Only grants are kept: an entity that appears or becomes readable shows at once,
          // and one that stops being readable does so as soon as a check learns it.
          this.#entries.delete(key);
        } else if (this.#entries.get(key) !== entry) {
          this.#set(key, entry);
        }
      },
      () => {
        // A failed miss is not kept; a failed refresh leaves the grant until it expires, and
        // no other refresh is tried before then.
        if (this.#entries.get(key) === entry) {
          this.#entries.delete(key);
        }
      },
    );
    return entry.entityRef;
  }

  #set(key: string, entry: Entry) {
    if (
      !this.#entries.has(key) &&
      this.#entries.size >= this.options.maxEntries
    ) {
      // Maps iterate in insertion order: drop the oldest entry.
      this.#entries.delete(this.#entries.keys().next().value!);
    }
    this.#entries.set(key, entry);
  }
}

interface Entry {
  entityRef: Promise<string | undefined>;
  expiresAt: number;
  /** A background check of this grant is under way. */
  refreshing: boolean;
}

function principalKey(credentials: BackstageCredentials): string {
  const principal = credentials.principal as {
    type: string;
    userEntityRef?: string;
    subject?: string;
  };
  return `${principal.type}:${
    principal.userEntityRef ?? principal.subject ?? ''
  }`;
}
