import type { SpecProblem } from '../../problems';
import type {
  ServiceLevelObjective,
  SliDefinition,
  SloAlerting,
  SloSpecFormat,
} from '../model';
import { SLOTH_NAME, SLOTH_NAME_RULE } from '../names';
import { hasErrorsSince } from '../problemCounts';
import type { PathSegment } from '../yaml/path';
import type { YamlObject } from '../yaml/YamlObject';
import type {
  SlothAlertInput,
  SlothFieldNames,
  SlothGroupInput,
  SlothSloInput,
} from './SlothGroup';
import type { SlothSloPlugins } from './schema';

/** Sloth's `TplSLIQueryWindowVarRegex`: where each window's range goes in a query. */
const WINDOW_PLACEHOLDER = /{{ *\.window *}}/;

interface At {
  object: YamlObject;
  /** Path of the group inside the object: `[]`, or `['spec']` in a CRD. */
  path: readonly PathSegment[];
  fields: SlothFieldNames;
}

/**
 * Checks a Sloth SLO group the way Sloth validates it and builds one model SLO per entry of
 * `slos`, with Sloth's id (`<service>-<name>`) and label merge (the SLO's labels over the group's).
 * The time window is left to the caller, as Sloth leaves it to `--default-slo-period`. Gives no
 * SLOs when an error was reported.
 *
 * @internal
 */
export function toSlothSlos(
  group: SlothGroupInput,
  at: At,
  source: Pick<ServiceLevelObjective['source'], 'kubernetes'> & {
    format: SloSpecFormat;
  },
): { slos: ServiceLevelObjective[]; problems: SpecProblem[] } {
  const problems: SpecProblem[] = [];
  const problem = (path: readonly PathSegment[], message: string) =>
    problems.push(at.object.problem([...at.path, ...path], message));

  if (!SLOTH_NAME.test(group.service)) {
    problem(['service'], `the service name ${SLOTH_NAME_RULE}`);
  }
  checkPlugins(group.sloPlugins, [at.fields.sloPlugins], problem);
  checkStringMap(group.labels, ['labels'], 'label', problem);

  const slos = group.slos.map((slo, index) =>
    toSlo(group, slo, index, at, source, problems),
  );
  const valid = slos.filter(
    (slo): slo is ServiceLevelObjective => slo !== undefined,
  );
  return {
    slos: hasErrorsSince(problems, 0) ? [] : valid,
    problems,
  };
}

function toSlo(
  group: SlothGroupInput,
  slo: SlothSloInput,
  index: number,
  at: At,
  source: Pick<ServiceLevelObjective['source'], 'kubernetes'> & {
    format: SloSpecFormat;
  },
  problems: SpecProblem[],
): ServiceLevelObjective | undefined {
  const start = problems.length;
  const path = ['slos', index];
  const problem = (relative: readonly PathSegment[], message: string) =>
    problems.push(
      at.object.problem([...at.path, ...path, ...relative], message),
    );

  if (!SLOTH_NAME.test(slo.name)) {
    problem(['name'], `the SLO name ${SLOTH_NAME_RULE}`);
  }
  if (!(slo.objective > 0 && slo.objective < 100)) {
    // Sloth accepts 100, but a 100% objective leaves no error budget to burn: every burn rate
    // divides by zero.
    problem(
      ['objective'],
      `objective must be a percentage greater than 0 and less than 100, e.g. 99.9, got ${slo.objective}`,
    );
  }
  checkStringMap(slo.labels, ['labels'], 'label', problem);
  checkPlugins(slo.plugins, ['plugins'], problem);
  const sli = toSli(slo.sli, at.fields, problem);
  const alerting = toAlerting(slo.alerting, at.fields, problem);

  if (hasErrorsSince(problems, start) || !sli) {
    return undefined;
  }
  return {
    id: `${group.service}-${slo.name}`,
    name: slo.name,
    service: group.service,
    ...(slo.description !== undefined ? { description: slo.description } : {}),
    // Sloth's MergeLabels: the SLO's labels win over the group's.
    labels: { ...group.labels, ...slo.labels },
    budgetingMethod: 'Occurrences',
    objective: {
      // Rounded to 15 digits so that 99.9 gives 0.999, not 0.9990000000000001.
      target: Number((slo.objective / 100).toPrecision(15)),
      targetPercent: slo.objective,
    },
    sli,
    ...(alerting ? { alerting } : {}),
    source: {
      format: source.format,
      location: at.object.location([...at.path, ...path]),
      ...(source.kubernetes ? { kubernetes: source.kubernetes } : {}),
    },
  };
}

type Report = (path: readonly PathSegment[], message: string) => void;

function toSli(
  sli: SlothSloInput['sli'],
  fields: SlothFieldNames,
  problem: Report,
): SliDefinition | undefined {
  const path = ['sli'];
  if (sli.plugin) {
    problem(
      [...path, 'plugin'],
      `SLI plugins (here "${sli.plugin.id}") are not supported: Sloth runs them as Go code when generating; write the SLI as "events" or "raw" instead`,
    );
    return undefined;
  }
  if (sli.events && sli.raw) {
    problem([...path, 'raw'], 'an SLI is either "events" or "raw", not both');
    return undefined;
  }
  if (sli.events) {
    const { errorQuery, totalQuery } = sli.events;
    const at = [...path, 'events'];
    const errorOk = checkQuery(errorQuery, [...at, fields.errorQuery], problem);
    const totalOk = checkQuery(totalQuery, [...at, fields.totalQuery], problem);
    if (errorOk && totalOk && errorQuery === totalQuery) {
      problem(
        [...at, fields.totalQuery],
        `${fields.errorQuery} and ${fields.totalQuery} are the same query; the error query counts only the failed events`,
      );
      return undefined;
    }
    return errorOk && totalOk
      ? { kind: 'events', errorQuery, totalQuery }
      : undefined;
  }
  if (sli.raw) {
    const query = sli.raw.errorRatioQuery;
    return checkQuery(query, [...path, 'raw', fields.errorRatioQuery], problem)
      ? { kind: 'raw', errorRatioQuery: query }
      : undefined;
  }
  problem(
    path,
    `an SLI needs "events" (${fields.errorQuery} and ${fields.totalQuery}) or "raw" (${fields.errorRatioQuery})`,
  );
  return undefined;
}

/** Returns whether the query is usable: not empty, and ranged with the window placeholder. */
function checkQuery(
  query: string,
  path: readonly PathSegment[],
  problem: Report,
): boolean {
  if (query.trim() === '') {
    problem(path, 'the query is empty');
    return false;
  }
  if (!WINDOW_PLACEHOLDER.test(query)) {
    problem(
      path,
      'the query must use the {{.window}} placeholder where its range goes, e.g. rate(http_requests_total[{{.window}}])',
    );
    return false;
  }
  return true;
}

function toAlerting(
  alerting: SlothSloInput['alerting'],
  fields: SlothFieldNames,
  problem: Report,
): SloAlerting | undefined {
  const page = toSeverity(alerting?.page);
  const ticket = toSeverity(alerting?.ticket);
  if (!alerting?.name && !(page.disabled && ticket.disabled)) {
    // Sloth's validation: enabled alerts need a name to be generated under.
    problem(
      alerting ? ['alerting'] : [],
      `"alerting.name" is required unless both ${fields.page} and ${fields.ticket} are disabled (disable: true)`,
    );
  }
  checkStringMap(alerting?.labels, ['alerting', 'labels'], 'label', problem);
  checkStringMap(
    alerting?.annotations,
    ['alerting', 'annotations'],
    'annotation',
    problem,
  );
  for (const [field, severity] of [
    [fields.page, alerting?.page],
    [fields.ticket, alerting?.ticket],
  ] as const) {
    const at = ['alerting', field];
    checkStringMap(severity?.labels, [...at, 'labels'], 'label', problem);
    checkStringMap(
      severity?.annotations,
      [...at, 'annotations'],
      'annotation',
      problem,
    );
  }
  if (!alerting) {
    return undefined;
  }
  return {
    ...(alerting.name ? { name: alerting.name } : {}),
    labels: alerting.labels ?? {},
    annotations: alerting.annotations ?? {},
    page,
    ticket,
  };
}

function toSeverity(alert: SlothAlertInput | undefined): SloAlerting['page'] {
  return {
    disabled: alert?.disable ?? false,
    labels: alert?.labels ?? {},
    annotations: alert?.annotations ?? {},
  };
}

/** Sloth's Prometheus checks: names are not empty (nor `__name__` for labels), values not empty. */
function checkStringMap(
  map: Record<string, string> | undefined,
  path: readonly PathSegment[],
  what: 'label' | 'annotation',
  problem: Report,
): void {
  for (const [key, value] of Object.entries(map ?? {})) {
    if (key.trim() === '') {
      problem(
        path,
        `${what === 'label' ? 'a label' : 'an annotation'} name is empty`,
      );
    } else if (what === 'label' && key === '__name__') {
      problem(
        [...path, key],
        'the label "__name__" is reserved for metric names',
      );
    }
    if (value === '') {
      problem([...path, key], `the ${what} "${key}" has an empty value`);
    }
  }
}

function checkPlugins(
  plugins: SlothSloPlugins | undefined,
  path: readonly PathSegment[],
  problem: Report,
): void {
  if (
    plugins &&
    ((plugins.chain?.length ?? 0) > 0 || plugins.overridePrevious)
  ) {
    problem(
      path,
      "Sloth's SLO plugins are not supported: they change the generated rules with Go code this suite does not run; remove them",
    );
  }
}
