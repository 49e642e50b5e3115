import {
  builtInScorecardChecks,
  ScorecardCheck,
  ScorecardCheckRegistry,
} from '@reliability/backstage-plugin-common';
import { ReliabilityScorecardChecksExtensionPoint } from '@reliability/backstage-plugin-node';

/**
 * Implements the scorecard-checks extension point: modules add checks while the backend
 * registers, and the plugin builds the registry (built-in checks first) in `init`. Taken ids
 * throw at once, naming the id, as the registry does.
 *
 * @internal
 */
export class ScorecardCheckCollector
  implements ReliabilityScorecardChecksExtensionPoint
{
  readonly #registry = ScorecardCheckRegistry.create(builtInScorecardChecks);

  addScorecardCheck(...checks: ScorecardCheck[]): void {
    this.#registry.add(...checks);
  }

  /** Built-in checks followed by the added ones. */
  registry(): ScorecardCheckRegistry {
    return this.#registry;
  }
}
