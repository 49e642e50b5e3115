import { ConflictError } from '@backstage/errors';
import {
  ReliabilitySliSourcesExtensionPoint,
  SliSource,
} from '@reliability/backstage-plugin-node';

/**
 * Collects the SLI sources that modules add, one per type.
 *
 * @internal
 */
export class SliSourceRegistry implements ReliabilitySliSourcesExtensionPoint {
  readonly #sources = new Map<string, SliSource>();

  addSliSource(...sources: SliSource[]): void {
    for (const source of sources) {
      if (this.#sources.has(source.type)) {
        // Two modules serving one type would make the choice of source depend on load order.
        throw new ConflictError(
          `An SLI source of type '${source.type}' is already registered`,
        );
      }
      this.#sources.set(source.type, source);
    }
  }

  list(): SliSource[] {
    return [...this.#sources.values()];
  }
}
