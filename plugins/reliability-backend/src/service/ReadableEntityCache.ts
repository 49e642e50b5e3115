import { BackstageCredentials } from '@backstage/backend-plugin-api';

/**
 * Remembers for a few seconds which entities a caller may read, so that a page polling its SLOs
 * does not cost one catalog request per call. A revoked read permission therefore takes effect
 * after at most `ttlMs`.
 *
 * @internal
 */
export class ReadableEntityCache {
  readonly #entries = new Map<
    string,
    { entityRef: Promise<string | undefined>; expiresAt: number }
  >();

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
    const now = (this.options.now ?? Date.now)();
    const key = `${principalKey(credentials)}\n${entityRef}`;
    const hit = this.#entries.get(key);
    if (hit && hit.expiresAt > now) {
      return hit.entityRef;
    }
    if (this.#entries.size >= this.options.maxEntries) {
      // Maps iterate in insertion order: drop the oldest entry.
      this.#entries.delete(this.#entries.keys().next().value!);
    }
    const entry = { entityRef: load(), expiresAt: now + this.options.ttlMs };
    this.#entries.set(key, entry);
    // Only grants are kept: an entity that appears or becomes readable shows at once.
    const forget = () => {
      if (this.#entries.get(key) === entry) {
        this.#entries.delete(key);
      }
    };
    entry.entityRef.then(readable => readable || forget(), forget);
    return entry.entityRef;
  }
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
