import type { SpecProblem } from '../../../problems';
import type { ServiceLevelObjective, SliDefinition } from '../../model';
import { checkSchema } from '../../validation/checkSchema';
import type { YamlObject } from '../../yaml/YamlObject';
import { checkAlertPolicySpec } from './checkAlertPolicies';
import { definedAt, OpenSloV1Entry } from './OpenSloV1Entry';
import { OpenSloV1Kind, openSloV1Schemas } from './schema';
import { toSliDefinition } from './toSliDefinition';
import {
  OpenSloV1Resolver,
  toServiceLevelObjectives,
} from './toServiceLevelObjectives';

/**
 * Kinds whose objects feed the SLOs built (through references): two of the same name make the
 * result ambiguous, which is an error. Duplicates of the other kinds change nothing built here and
 * are warnings (the OpenSLO SDK's own examples define one Service twice).
 */
const KINDS_WITH_UNIQUE_NAMES: readonly OpenSloV1Kind[] = [
  'SLO',
  'SLI',
  'DataSource',
];

/**
 * The OpenSLO v1 objects of every file parsed together. Objects are added as files are read;
 * SLOs are built once all are known, because references may point to any file.
 *
 * @internal
 */
export class OpenSloV1Collection implements OpenSloV1Resolver {
  private readonly entries: OpenSloV1Entry[] = [];
  private readonly byName = new Map<string, OpenSloV1Entry>();
  private readonly sliDefinitions = new Map<
    OpenSloV1Entry<'SLI'>,
    SliDefinition | undefined
  >();
  private readonly buildProblems: SpecProblem[] = [];
  readonly unresolvedAlertReferences: 'error' | 'warning';

  constructor(
    options: { unresolvedAlertReferences?: 'error' | 'warning' } = {},
  ) {
    this.unresolvedAlertReferences =
      options.unresolvedAlertReferences ?? 'error';
  }

  /** Checks an object's structure and keeps it; returns the problems found. */
  add(object: YamlObject, kind: OpenSloV1Kind): SpecProblem[] {
    const check = checkSchema<unknown>(openSloV1Schemas[kind], object, {
      unknownFields: 'error',
    });
    const entry = {
      kind,
      name: nameOf(object.value),
      object,
      data: check.data,
    } as OpenSloV1Entry;
    this.entries.push(entry);
    const key = entry.name !== undefined ? `${kind}/${entry.name}` : undefined;
    const first = key !== undefined ? this.byName.get(key) : undefined;
    if (key !== undefined && first === undefined) {
      this.byName.set(key, entry);
    } else if (first) {
      const unique = KINDS_WITH_UNIQUE_NAMES.includes(kind);
      check.problems.push(
        object.problem(
          ['metadata', 'name'],
          `another ${kind} named "${entry.name}" is defined at ${definedAt(
            first,
          )}; ${
            unique
              ? `${kind} names must be unique among the files read together`
              : 'references use the first one'
          }`,
          unique ? 'error' : 'warning',
        ),
      );
    }
    return check.problems;
  }

  find<Kind extends OpenSloV1Kind>(
    kind: Kind,
    name: string,
  ): OpenSloV1Entry<Kind> | undefined {
    return this.byName.get(`${kind}/${name}`) as
      | OpenSloV1Entry<Kind>
      | undefined;
  }

  sliDefinition(entry: OpenSloV1Entry<'SLI'>): SliDefinition | undefined {
    return this.sliDefinitions.get(entry);
  }

  /** Checks references and builds the SLOs; call once, after every file was added. */
  build(): { slos: ServiceLevelObjective[]; problems: SpecProblem[] } {
    const problems = this.buildProblems;
    // Standalone SLIs and alert policies are checked once, whether or not an SLO uses them.
    for (const entry of this.entries) {
      if (entry.kind === 'SLI' && entry.data) {
        const sli = entry as OpenSloV1Entry<'SLI'>;
        this.sliDefinitions.set(
          sli,
          toSliDefinition(
            sli.data!.spec,
            { object: sli.object, path: ['spec'] },
            this,
            problems,
          ),
        );
      } else if (entry.kind === 'AlertPolicy' && entry.data) {
        const policy = entry as OpenSloV1Entry<'AlertPolicy'>;
        checkAlertPolicySpec(
          policy.data!.spec,
          { object: policy.object, path: ['spec'] },
          this,
          problems,
        );
      }
    }
    const slos: ServiceLevelObjective[] = [];
    for (const entry of this.entries) {
      if (entry.kind === 'SLO' && entry.data) {
        const slo = entry as OpenSloV1Entry<'SLO'>;
        slos.push(
          ...toServiceLevelObjectives(slo.data!, slo.object, this, problems),
        );
      }
    }
    return { slos, problems };
  }
}

/** The object's name even when the object is invalid, so that references can find it. */
function nameOf(value: unknown): string | undefined {
  const metadata = (value as { metadata?: { name?: unknown } } | undefined)
    ?.metadata;
  return typeof metadata?.name === 'string' ? metadata.name : undefined;
}
