/**
 * OpenSLO v2alpha `BudgetAdjustment` documents, read from the same files as the SLOs.
 *
 * v2alpha is a draft (OpenSLO/OpenSLO `enhancements/v2alpha.md`, proposal #301, modelled on
 * Nobl9's budget adjustments); this reader takes its `BudgetAdjustment` kind only:
 *
 * ```yaml
 * apiVersion: openslo.com/v2alpha
 * kind: BudgetAdjustment
 * metadata:
 *   name: weekly-db-maintenance
 * spec:
 *   description: Database maintenance, Sunday night
 *   firstEvent: 2026-11-01T02:00:00Z   # RFC 3339 with a time zone offset
 *   duration: 2h                       # v2alpha duration shorthand: m, h, d, w
 *   rrule: FREQ=WEEKLY;INTERVAL=1      # optional; FREQ=DAILY|WEEKLY|MONTHLY, INTERVAL, COUNT, UNTIL
 *   sloSelector:
 *     names: [availability]            # OpenSLO SLO names or SLO ids (<service>-<name>)
 *     matchLabels: { team: checkout }  # and/or the SLOs whose labels all match
 * ```
 *
 * References resolve against the SLOs of the files parsed together, whatever their format, so a
 * `BudgetAdjustment` document can sit beside Sloth documents too.
 */
import { z } from 'zod';
import { parseBudgetAdjustmentRrule } from '../../../budget/BudgetAdjustment';
import type { SpecProblem } from '../../../problems';
import type {
  ServiceLevelObjective,
  SloFileBudgetAdjustment,
} from '../../model';
import { DNS_LABEL, DNS_LABEL_RULE } from '../../names';
import { checkSchema } from '../../validation/checkSchema';
import { strictObject } from '../../validation/strictObject';
import type { YamlObject } from '../../yaml/YamlObject';
import {
  durationShorthandMs,
  parseDurationShorthand,
} from '../durationShorthand';

/** The `apiVersion` of budget adjustment documents. @internal */
export const OPENSLO_V2ALPHA_API_VERSION = 'openslo.com/v2alpha';

const DAY_MS = 24 * 60 * 60 * 1000;
/** The longest occurrence, as for adjustments declared through the API. */
const MAX_DURATION_MS = 31 * DAY_MS;
const MAX_SELECTED_NAMES = 100;
/** Known SLO names listed in a problem; more would drown the line. */
const MAX_LISTED_NAMES = 20;
/** RFC 3339: a date, a time and a zone (`Z` or an offset); fractions of seconds allowed. */
const RFC3339 =
  /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;
/** v2alpha's duration shorthand drops OpenSLO v1's M, Q and Y. */
const V2ALPHA_DURATION = /^\d+[mhdw]$/;
const DURATION_RULE =
  'expected a duration such as 30m, 2h, 1d or 1w (a whole number and one of m, h, d, w), up to 31d';

const schema = strictObject({
  apiVersion: z.literal(OPENSLO_V2ALPHA_API_VERSION),
  kind: z.literal('BudgetAdjustment'),
  metadata: strictObject({
    name: z.string().regex(DNS_LABEL, { error: DNS_LABEL_RULE }),
    displayName: z
      .string()
      .max(63, { error: 'a display name has at most 63 characters' })
      .optional(),
    labels: z.record(z.string(), z.string()).optional(),
    annotations: z.record(z.string(), z.string()).optional(),
  }),
  spec: strictObject({
    description: z
      .string()
      .max(1050, { error: 'a description has at most 1050 characters' })
      .optional(),
    firstEvent: z.string(),
    duration: z.string(),
    rrule: z.string().optional(),
    sloSelector: strictObject({
      names: z
        .array(z.string().min(1))
        .min(1, { error: 'name at least one SLO, or leave "names" out' })
        .max(MAX_SELECTED_NAMES)
        .optional(),
      matchLabels: z.record(z.string(), z.string()).optional(),
    }),
  }),
});

type BudgetAdjustmentDocument = z.infer<typeof schema>;

interface Entry {
  object: YamlObject;
  data: BudgetAdjustmentDocument;
  adjustment: SloFileBudgetAdjustment;
}

/**
 * The budget adjustments of every file parsed together; each is given to the SLOs it selects
 * once all SLOs are known.
 *
 * @internal
 */
export class BudgetAdjustmentCollection {
  private readonly entries: Entry[] = [];
  private readonly byName = new Map<string, Entry>();

  /** Checks a `BudgetAdjustment` object and keeps it when valid; returns the problems found. */
  add(object: YamlObject): SpecProblem[] {
    const check = checkSchema(schema, object, { unknownFields: 'error' });
    const problems = [...check.problems];
    if (!check.data) {
      return problems;
    }
    const data = check.data;
    const error = (path: (string | number)[], message: string) =>
      problems.push(object.problem(path, message));

    const firstEventStartMs = RFC3339.test(data.spec.firstEvent)
      ? Date.parse(data.spec.firstEvent)
      : NaN;
    if (!Number.isFinite(firstEventStartMs)) {
      error(
        ['spec', 'firstEvent'],
        `expected an RFC 3339 date-time with a time zone, such as 2026-11-28T22:00:00Z, got "${data.spec.firstEvent}"`,
      );
    }
    const shorthand = V2ALPHA_DURATION.test(data.spec.duration)
      ? parseDurationShorthand(data.spec.duration)
      : undefined;
    const durationMs = shorthand ? durationShorthandMs(shorthand) : NaN;
    if (!(durationMs > 0 && durationMs <= MAX_DURATION_MS)) {
      error(
        ['spec', 'duration'],
        `${DURATION_RULE}, got "${data.spec.duration}"`,
      );
    }
    if (data.spec.rrule !== undefined) {
      const rule = parseBudgetAdjustmentRrule(data.spec.rrule);
      if ('problem' in rule) {
        error(['spec', 'rrule'], `the rrule is not supported: ${rule.problem}`);
      }
    }
    const selector = data.spec.sloSelector;
    if (!selector.names && !selector.matchLabels) {
      error(
        ['spec', 'sloSelector'],
        'select the SLOs to adjust with "names" (OpenSLO SLO names or SLO ids) or "matchLabels"',
      );
    }
    const first = this.byName.get(data.metadata.name);
    if (first) {
      const { file, line } = first.adjustment.location;
      error(
        ['metadata', 'name'],
        `another BudgetAdjustment named "${data.metadata.name}" is defined at ${file}:${line}; names must be unique among the files read together`,
      );
    }
    if (problems.some(p => p.severity === 'error')) {
      return problems;
    }
    const entry: Entry = {
      object,
      data,
      adjustment: {
        name: data.metadata.name,
        ...(data.metadata.displayName !== undefined
          ? { displayName: data.metadata.displayName }
          : {}),
        ...(data.spec.description !== undefined
          ? { description: data.spec.description }
          : {}),
        firstEventStart: new Date(firstEventStartMs).toISOString(),
        firstEventStartMs,
        duration: data.spec.duration,
        durationMs,
        ...(data.spec.rrule !== undefined ? { rrule: data.spec.rrule } : {}),
        location: object.location([]),
      },
    };
    this.entries.push(entry);
    this.byName.set(data.metadata.name, entry);
    return problems;
  }

  /**
   * The SLOs given, each with the adjustments that select it, and the problems of selectors:
   * a name that is no SLO's is an error naming the SLOs there are; labels that select no SLO are
   * a warning.
   */
  attach(slos: readonly ServiceLevelObjective[]): {
    slos: ServiceLevelObjective[];
    problems: SpecProblem[];
  } {
    const problems: SpecProblem[] = [];
    const selected = new Map<
      ServiceLevelObjective,
      SloFileBudgetAdjustment[]
    >();
    const known = [...new Set(slos.flatMap(referenceNamesOf))].sort();
    for (const entry of this.entries) {
      const { names, matchLabels } = entry.data.spec.sloSelector;
      const chosen = new Set<ServiceLevelObjective>();
      (names ?? []).forEach((name, index) => {
        const matching = slos.filter(slo =>
          referenceNamesOf(slo).includes(name),
        );
        if (matching.length === 0) {
          problems.push(
            entry.object.problem(
              ['spec', 'sloSelector', 'names', index],
              `no SLO named "${name}" is defined in the files read together; ${
                known.length > 0
                  ? `the SLOs are ${known
                      .slice(0, MAX_LISTED_NAMES)
                      .map(k => `"${k}"`)
                      .join(', ')}${
                      known.length > MAX_LISTED_NAMES ? ', …' : ''
                    } (an OpenSLO SLO's metadata.name or an SLO id)`
                  : 'they define no valid SLO'
              }`,
            ),
          );
        }
        matching.forEach(slo => chosen.add(slo));
      });
      if (matchLabels) {
        const matching = slos.filter(slo =>
          Object.entries(matchLabels).every(
            ([key, value]) => slo.labels[key] === value,
          ),
        );
        if (matching.length === 0) {
          problems.push(
            entry.object.problem(
              ['spec', 'sloSelector', 'matchLabels'],
              'these labels select no SLO of the files read together, so the adjustment changes nothing',
              'warning',
            ),
          );
        }
        matching.forEach(slo => chosen.add(slo));
      }
      for (const slo of chosen) {
        selected.set(slo, [...(selected.get(slo) ?? []), entry.adjustment]);
      }
    }
    return {
      slos: slos.map(slo => {
        const adjustments = selected.get(slo);
        return adjustments ? { ...slo, budgetAdjustments: adjustments } : slo;
      }),
      problems,
    };
  }
}

/**
 * The names a selector may use for an SLO: its id, and the name it was written with (an OpenSLO
 * SLO's `metadata.name`, shared by all its objectives; a Sloth SLO's `name`).
 */
function referenceNamesOf(slo: ServiceLevelObjective): string[] {
  const written = slo.source.format.startsWith('openslo/')
    ? slo.name.replace(/-\d+$/, '')
    : slo.name;
  return written === slo.id ? [slo.id] : [written, slo.id];
}
