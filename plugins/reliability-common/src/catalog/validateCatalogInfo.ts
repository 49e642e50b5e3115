import { makeValidator } from '@backstage/catalog-model';
import { z } from 'zod';
import type { SpecProblem } from '../problems';
import type { SloSourceFile, SpecLocation } from '../spec/model';
import { sortProblems } from '../spec/sortProblems';
import { checkSchema } from '../spec/validation/checkSchema';
import { readYamlFile } from '../spec/yaml/readYamlFile';
import type { YamlObject } from '../spec/yaml/YamlObject';
import {
  OPSGENIE_COMPONENT_SELECTOR_ANNOTATION,
  OPSGENIE_TEAM_ANNOTATION,
  PAGERDUTY_INTEGRATION_KEY_ANNOTATION,
  PAGERDUTY_SERVICE_ID_ANNOTATION,
  parseReliabilityTier,
  RELIABILITY_ROTATION_ANNOTATION,
  RELIABILITY_RUNBOOK_ANNOTATION,
  RELIABILITY_SLOS_ANNOTATION,
  RELIABILITY_TIER_ANNOTATION,
  splitSloLocations,
  RELIABILITY_RELEASE_POLICY_ANNOTATION,
} from './annotations';
import { checkLocation } from './checkLocation';

/**
 * An entity of a catalog-info file and the SLO files its `reliability/slos` annotation names.
 *
 * @public
 */
export interface CatalogEntitySlos {
  /** The entity reference, `kind:namespace/name` in lower case, as Backstage writes it. */
  ref: string;
  /** The valid locations of `reliability/slos`, as written (relative paths or URLs). */
  sloLocations: string[];
  /** Where the entity is written. */
  location: SpecLocation;
  /**
   * The valid location of `reliability/runbook`, as written, and where the annotation is, so that
   * a runbook file that is missing or invalid can be reported on it.
   */
  runbook?: { path: string; location: SpecLocation };
  /**
   * The value of `reliability/release-policy` and where the annotation is: a path or URL of a
   * `ReleasePolicy` file when it ends in `.yaml`/`.yml` (`file`), the policy written inline
   * otherwise (`inline`), as the backend reads it.
   */
  releasePolicy?: { file?: string; inline?: string; location: SpecLocation };
}

/**
 * One SLO file location named by an entity, with where the annotation is written, so that a
 * missing file can be reported on the annotation.
 *
 * @public
 */
export interface CatalogSloFileReference {
  entityRef: string;
  /** The location as written: a path relative to the catalog-info file, or an http(s) URL. */
  path: string;
  location: SpecLocation;
}

/**
 * What {@link validateCatalogInfo} finds.
 *
 * @public
 */
export interface CatalogInfoValidation {
  entities: CatalogEntitySlos[];
  /** Every valid SLO file location of every entity, in order. */
  sloFiles: CatalogSloFileReference[];
  problems: SpecProblem[];
}

const entitySchema = z.looseObject({
  apiVersion: z.string(),
  kind: z.string().min(1, { error: '"kind" must not be empty' }),
  metadata: z.looseObject({
    name: z.string().min(1, { error: '"name" must not be empty' }),
    namespace: z.string().optional(),
    // Backstage accepts only text values here.
    annotations: z.record(z.string(), z.string()).optional(),
  }),
});

/**
 * Catalog files may describe many entities, so they may be longer than spec files; still bounded,
 * because parsing time grows quickly on malformed input.
 */
const CATALOG_INFO_MAX_LENGTH = 256 * 1024;

/** Annotations of other plugins the suite reads; they only need a value. */
const HONOURED_ANNOTATIONS = [
  PAGERDUTY_SERVICE_ID_ANNOTATION,
  PAGERDUTY_INTEGRATION_KEY_ANNOTATION,
  OPSGENIE_TEAM_ANNOTATION,
  OPSGENIE_COMPONENT_SELECTOR_ANNOTATION,
];

/**
 * Validates the Reliability annotations of every entity in a (multi-document) catalog-info.yaml
 * and gives each entity's SLO file locations, so that they can be read and validated next.
 * Never throws: problems carry the file, line, column and path of what is wrong.
 *
 * @public
 */
export function validateCatalogInfo(
  file: SloSourceFile,
): CatalogInfoValidation {
  const result: CatalogInfoValidation = {
    entities: [],
    sloFiles: [],
    problems: [],
  };
  try {
    const contents = readYamlFile(file, CATALOG_INFO_MAX_LENGTH);
    result.problems.push(...contents.problems);
    if (contents.objects.length === 0 && contents.problems.length === 0) {
      result.problems.push({
        file: file.path,
        line: 1,
        column: 1,
        path: '',
        message: 'the file has no YAML documents, so no entities',
        severity: 'warning',
      });
    }
    for (const object of contents.objects) {
      readEntity(object, result);
    }
  } catch (error) {
    result.problems.push({
      file: file.path,
      line: 1,
      column: 1,
      path: '',
      message: `the file could not be parsed: ${
        error instanceof Error ? error.message : String(error)
      }`,
      severity: 'error',
    });
  }
  return { ...result, problems: sortProblems(result.problems) };
}

const catalogRules = makeValidator();

/** What Backstage's catalog would refuse in an entity's kind, namespace and name. */
function namingProblems(
  kind: string,
  metadata: { name: string; namespace?: string },
): Array<[string[], string]> {
  const problems: Array<[string[], string]> = [];
  if (!catalogRules.isValidKind(kind)) {
    problems.push([
      ['kind'],
      `${JSON.stringify(
        kind,
      )} is not a valid kind: a letter, then letters and digits`,
    ]);
  }
  if (
    metadata.namespace !== undefined &&
    !catalogRules.isValidNamespace(metadata.namespace)
  ) {
    problems.push([
      ['metadata', 'namespace'],
      `${JSON.stringify(metadata.namespace)} is not a valid namespace: ` +
        'at most 63 lower-case letters, digits and single dashes, starting and ending with a letter or digit',
    ]);
  }
  if (!catalogRules.isValidEntityName(metadata.name)) {
    problems.push([
      ['metadata', 'name'],
      `${JSON.stringify(metadata.name)} is not a valid entity name: ` +
        'at most 63 letters and digits, separated by single "-", "_" or "."',
    ]);
  }
  return problems;
}

function readEntity(object: YamlObject, result: CatalogInfoValidation): void {
  const check = checkSchema(entitySchema, object, { unknownFields: 'error' });
  result.problems.push(...check.problems);
  if (!check.data) {
    return;
  }
  const { kind, metadata } = check.data;
  // Backstage's catalog refuses such an entity, so its SLOs could never be attached to it.
  const naming = namingProblems(kind, metadata);
  if (naming.length > 0) {
    result.problems.push(
      ...naming.map(([path, message]) => object.problem(path, message)),
    );
    return;
  }
  const ref = `${kind}:${metadata.namespace ?? 'default'}/${
    metadata.name
  }`.toLowerCase();
  const annotations = metadata.annotations ?? {};
  const annotationPath = (key: string) => ['metadata', 'annotations', key];
  const problem = (key: string, message: string) =>
    result.problems.push(object.problem(annotationPath(key), message));

  const sloLocations: string[] = [];
  const slos = annotations[RELIABILITY_SLOS_ANNOTATION];
  if (slos !== undefined) {
    for (const location of splitSloLocations(slos)) {
      const wrong = checkLocation(location);
      if (wrong) {
        problem(RELIABILITY_SLOS_ANNOTATION, wrong);
        continue;
      }
      sloLocations.push(location);
      result.sloFiles.push({
        entityRef: ref,
        path: location,
        location: object.location(annotationPath(RELIABILITY_SLOS_ANNOTATION)),
      });
    }
  }

  const tier = annotations[RELIABILITY_TIER_ANNOTATION];
  if (tier !== undefined && parseReliabilityTier(tier) === undefined) {
    problem(
      RELIABILITY_TIER_ANNOTATION,
      `"${tier}" is not a tier: expected 1, 2, 3 or 4 (1 is the most critical), or tier-1 to tier-4`,
    );
  }

  const runbook = annotations[RELIABILITY_RUNBOOK_ANNOTATION];
  let runbookReference: CatalogEntitySlos['runbook'];
  if (runbook !== undefined) {
    const wrong =
      runbook.trim() === ''
        ? 'the runbook location is empty'
        : checkLocation(runbook.trim());
    if (wrong) {
      problem(RELIABILITY_RUNBOOK_ANNOTATION, wrong);
    } else {
      runbookReference = {
        path: runbook.trim(),
        location: object.location(
          annotationPath(RELIABILITY_RUNBOOK_ANNOTATION),
        ),
      };
    }
  }

  const rotation = annotations[RELIABILITY_ROTATION_ANNOTATION];
  if (rotation !== undefined) {
    const wrong = checkLocation(rotation.trim());
    if (wrong) {
      problem(RELIABILITY_ROTATION_ANNOTATION, wrong);
    }
  }

  for (const key of HONOURED_ANNOTATIONS) {
    if (annotations[key] !== undefined && annotations[key].trim() === '') {
      problem(key, `the ${key} annotation is empty`);
    }
  }

  const releasePolicy =
    annotations[RELIABILITY_RELEASE_POLICY_ANNOTATION]?.trim();
  result.entities.push({
    ref,
    sloLocations,
    location: object.location([]),
    ...(runbookReference && { runbook: runbookReference }),
    ...(releasePolicy && {
      releasePolicy: {
        ...(/\.ya?ml$/i.test(releasePolicy)
          ? { file: releasePolicy }
          : { inline: releasePolicy }),
        location: object.location(
          annotationPath(RELIABILITY_RELEASE_POLICY_ANNOTATION),
        ),
      },
    }),
  });
}
