import { Entity } from '@backstage/catalog-model';
import { ScmIntegrationRegistry } from '@backstage/integration';
import {
  mergeReleasePolicies,
  parseReleasePolicyFile,
  parseReleasePolicySpec,
  parseReliabilityTier,
  ReleasePolicy,
  ReleasePolicyOverrides,
  RELIABILITY_RELEASE_POLICY_ANNOTATION,
  RELIABILITY_TIER_ANNOTATION,
  SpecProblem,
} from '@reliability/backstage-plugin-common';
import { resolveSloLocation } from '../catalog/resolveSloLocations';
import { SloFileReader } from '../catalog/SloFileReader';
import { ReleaseGateSettings } from './config';

/**
 * An entity's release policy and where its layers came from.
 *
 * @internal
 */
export interface ResolvedReleasePolicy {
  policy: ReleasePolicy;
  /** The layers applied, lowest first, e.g. `default`, `tier 1`, `file:…/release-policy.yaml`. */
  sources: string[];
  /** Problems of the entity's own policy; when it has errors, it is left out. */
  problems: SpecProblem[];
}

const FILE_VALUE = /\.ya?ml$/i;

/**
 * Resolves an entity's release policy: the built-in default, `reliability.release.policy`, the
 * entity's tier (`reliability.release.tiers`), then the entity's `reliability/release-policy`
 * annotation: a path to a `ReleasePolicy` file beside its catalog-info.yaml (or a URL), or the
 * fields inline.
 *
 * @internal
 */
export class ReleasePolicyResolver {
  static create(options: {
    settings: ReleaseGateSettings;
    integrations: ScmIntegrationRegistry;
    reader: SloFileReader;
  }): ReleasePolicyResolver {
    return new ReleasePolicyResolver(
      options.settings,
      options.integrations,
      options.reader,
    );
  }

  private constructor(
    private readonly settings: ReleaseGateSettings,
    private readonly integrations: ScmIntegrationRegistry,
    private readonly reader: SloFileReader,
  ) {}

  async resolve(entity: Entity): Promise<ResolvedReleasePolicy> {
    const layers: Array<ReleasePolicyOverrides | undefined> = [];
    const sources = ['default'];
    if (this.settings.policy) {
      layers.push(this.settings.policy);
      sources.push('reliability.release.policy');
    }
    const tierText = entity.metadata.annotations?.[RELIABILITY_TIER_ANNOTATION];
    const tier = tierText ? parseReliabilityTier(tierText) : undefined;
    const tierPolicy =
      tier === undefined ? undefined : this.settings.tiers.get(tier);
    if (tierPolicy) {
      layers.push(tierPolicy);
      sources.push(`reliability.release.tiers.${tier}`);
    }
    const own = await this.entityLayer(entity);
    if (own.policy) {
      layers.push(own.policy);
      sources.push(own.source);
    }
    return {
      policy: mergeReleasePolicies(...layers),
      sources,
      problems: own.problems,
    };
  }

  private async entityLayer(entity: Entity): Promise<{
    policy?: ReleasePolicyOverrides;
    source: string;
    problems: SpecProblem[];
  }> {
    const value =
      entity.metadata.annotations?.[
        RELIABILITY_RELEASE_POLICY_ANNOTATION
      ]?.trim();
    if (!value) return { source: '', problems: [] };
    const annotationPath = `metadata.annotations["${RELIABILITY_RELEASE_POLICY_ANNOTATION}"]`;
    if (!FILE_VALUE.test(value)) {
      const result = parseReleasePolicySpec(value, {
        file: `${annotationPath} of the entity`,
      });
      return {
        policy: result.policy,
        source: `annotation ${RELIABILITY_RELEASE_POLICY_ANNOTATION}`,
        problems: result.problems,
      };
    }
    let file = value;
    try {
      const location = resolveSloLocation(entity, value, this.integrations);
      file = location.file;
      const content = await this.reader.read(location.target);
      if (content === 'unchanged') {
        throw new Error('the reader answered "unchanged" without an etag');
      }
      const result = parseReleasePolicyFile(content.content, { file });
      return { policy: result.policy, source: file, problems: result.problems };
    } catch (error) {
      return {
        source: file,
        problems: [
          {
            file,
            line: 1,
            column: 1,
            path: '',
            message: `the release policy file named by ${annotationPath} could not be read: ${
              error instanceof Error ? error.message : String(error)
            }`,
            severity: 'error',
          },
        ],
      };
    }
  }
}
