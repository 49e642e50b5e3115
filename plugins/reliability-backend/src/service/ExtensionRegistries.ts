import { ConflictError } from '@backstage/errors';
import {
  AlertSource,
  OnCallProvider,
  ReliabilityAlertSourcesExtensionPoint,
  ReliabilityOnCallProvidersExtensionPoint,
} from '@reliability/backstage-plugin-node';

/**
 * Collects the on-call providers modules add, one per type, in registration order (the order in
 * which an entity's annotations are tried).
 *
 * @internal
 */
export class OnCallProviderRegistry
  implements ReliabilityOnCallProvidersExtensionPoint
{
  readonly #providers = new Map<string, OnCallProvider>();

  addOnCallProvider(...providers: OnCallProvider[]): void {
    for (const provider of providers) {
      if (this.#providers.has(provider.type)) {
        throw new ConflictError(
          `An on-call provider of type '${provider.type}' is already registered`,
        );
      }
      this.#providers.set(provider.type, provider);
    }
  }

  list(): OnCallProvider[] {
    return [...this.#providers.values()];
  }
}

/**
 * Collects the alert sources modules add, one per type.
 *
 * @internal
 */
export class AlertSourceRegistry
  implements ReliabilityAlertSourcesExtensionPoint
{
  readonly #sources = new Map<string, AlertSource>();

  addAlertSource(...sources: AlertSource[]): void {
    for (const source of sources) {
      if (this.#sources.has(source.type) || source.type === 'alertmanager') {
        // `alertmanager` is the webhook's; a pulled source of that name would merge into its rows.
        throw new ConflictError(
          `An alert source of type '${source.type}' is already registered`,
        );
      }
      this.#sources.set(source.type, source);
    }
  }

  list(): AlertSource[] {
    return [...this.#sources.values()];
  }
}
