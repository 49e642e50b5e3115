/**
 * Checks an SLO the way Sloth's `validate/v1` plugin does and reduces it to a {@link PreparedSlo}.
 * All problems of an SLO are reported at once (Sloth stops at the first), so that one run of the
 * CLI shows everything to fix.
 */
import type { SpecProblem } from '../problems';
import type {
  ServiceLevelObjective,
  SloAlertSeverity,
  SloSpecFormat,
} from '../spec/model';
import { AlertWindows, formatPrometheusDuration } from '../windows';
import { buildBurnRateAlerts } from './burnRateAlerts';
import { mergeLabels } from './conventions';
import type { GeneratorInfo, PreparedAlert, PreparedSlo } from './preparedSlo';
import { toSlothSli } from './slothSli';
import { hasWindowVariable, renderWindowTemplate } from './windowTemplate';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Sloth's `NameRegexp`: ids, names and services end up in rule group names and label values. */
const NAME = /^[A-Za-z0-9][-A-Za-z0-9_.]*[A-Za-z0-9]$/;

const LONE_SURROGATE =
  /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * What {@link prepareSlo} needs besides the SLO.
 *
 * @internal
 */
export interface PrepareSloContext {
  defaultSloPeriodMs: number;
  /** Custom windows, replacing the defaults; `undefined` for the built-in ones. */
  findWindows: (periodMs: number) => AlertWindows | undefined;
  /** Whether the caller asked for a custom catalog, to word the missing-windows problem. */
  customCatalog: boolean;
  extraLabels: Record<string, string>;
  callerAgent: 'cli' | 'api';
  version: string;
}

const SPEC_MODES: Record<SloSpecFormat, string> = {
  'prometheus/v1': 'gen-prom',
  'sloth.slok.dev/v1': 'gen-k8s',
  'openslo/v1alpha': 'gen-openslo',
  'openslo/v1': 'gen-openslo',
};

function generatorInfo(
  slo: ServiceLevelObjective,
  context: PrepareSloContext,
): GeneratorInfo {
  const format = slo.source.format;
  return {
    version: context.version,
    mode: `${context.callerAgent}-${SPEC_MODES[format] ?? 'gen-prom'}`,
    spec: format,
  };
}

/** The SLO period, or why it cannot be turned into a Prometheus range. */
function sloPeriod(
  slo: ServiceLevelObjective,
  defaultMs: number,
): { periodMs: number } | { error: string } {
  const window = slo.timeWindow;
  if (!window) {
    return { periodMs: defaultMs };
  }
  if (window.type === 'rolling') {
    return { periodMs: window.durationMs };
  }
  // Sloth reads OpenSLO day windows as rolling days whatever their alignment; other calendar
  // units have no fixed length, which range selectors need.
  if (window.unit === 'Day') {
    return { periodMs: window.count * DAY_MS };
  }
  return {
    error: `a calendar-aligned ${window.unit} window cannot be expressed as Prometheus rules, which look back over a fixed range; use a rolling window such as 30d`,
  };
}

function labelErrors(
  what: string,
  labels: Record<string, string>,
  kind: 'label' | 'annotation',
): string[] {
  const errors: string[] = [];
  for (const [key, value] of Object.entries(labels)) {
    if (kind === 'label' && key === '__name__') {
      errors.push(`${what} label "__name__" is not allowed`);
    } else if (key === '' || LONE_SURROGATE.test(key)) {
      errors.push(`${what} ${kind} name "${key}" is not valid`);
    }
    if (value === '') {
      errors.push(`${what} ${kind} "${key}" has an empty value`);
    } else if (LONE_SURROGATE.test(value)) {
      errors.push(
        `${what} ${kind} "${key}" has a value that is not valid UTF-8`,
      );
    }
  }
  return errors;
}

function queryErrors(what: string, template: string): string[] {
  if (template.trim() === '') {
    return [`${what} is empty`];
  }
  if (!hasWindowVariable(template)) {
    return [`${what} must use the {{ .window }} placeholder for the range`];
  }
  const rendered = renderWindowTemplate(template, '1m');
  return 'error' in rendered ? [`${what}: ${rendered.error}`] : [];
}

function prepareAlert(
  slo: ServiceLevelObjective,
  severity: 'page' | 'ticket',
  errors: string[],
): PreparedAlert | undefined {
  const alerting = slo.alerting;
  const settings: SloAlertSeverity | undefined = alerting?.[severity];
  if (!alerting || !settings || settings.disabled) {
    return undefined;
  }
  const what = `${severity} alert`;
  if (!alerting.name) {
    errors.push(
      `${what}: the alert name is required (set alerting.name, or disable the ${severity} alert)`,
    );
    return undefined;
  }
  const labels = mergeLabels(alerting.labels, settings.labels);
  const annotations = mergeLabels(alerting.annotations, settings.annotations);
  errors.push(...labelErrors(what, labels, 'label'));
  errors.push(...labelErrors(what, annotations, 'annotation'));
  return { name: alerting.name, labels, annotations };
}

/**
 * Prepares one SLO for rule generation, or gives the problems that prevent it. Warnings (such as
 * timeslice budgeting, which the rules cannot reproduce) come with a prepared SLO.
 *
 * @internal
 */
export function prepareSlo(
  slo: ServiceLevelObjective,
  context: PrepareSloContext,
): { slo?: PreparedSlo; problems: SpecProblem[] } {
  const location = slo.source.location;
  const problem = (
    message: string,
    severity: SpecProblem['severity'] = 'error',
  ): SpecProblem => ({ ...location, message, severity });
  const errors: string[] = [];

  for (const [what, value] of [
    ['SLO id', slo.id],
    ['SLO name', slo.name],
    ['service', slo.service],
  ] as const) {
    if (!NAME.test(value)) {
      errors.push(
        `${what} "${value}" must start and end with a letter or digit and contain only letters, digits, ".", "_" and "-"`,
      );
    }
  }

  const objectivePercent = slo.objective.targetPercent;
  if (!(objectivePercent > 0 && objectivePercent <= 100)) {
    errors.push(
      `the objective must be above 0% and at most 100%, got ${objectivePercent}%`,
    );
  }

  const labels = mergeLabels(slo.labels, context.extraLabels);
  errors.push(...labelErrors('SLO', labels, 'label'));

  const sliResult = toSlothSli(slo.sli);
  if ('error' in sliResult) {
    errors.push(sliResult.error);
  } else if (sliResult.sli.kind === 'events') {
    if (sliResult.sli.errorQuery === sliResult.sli.totalQuery) {
      errors.push('the SLI error and total queries must differ');
    }
    errors.push(
      ...queryErrors('the SLI error query', sliResult.sli.errorQuery),
    );
    errors.push(
      ...queryErrors('the SLI total query', sliResult.sli.totalQuery),
    );
  } else {
    errors.push(...queryErrors('the SLI query', sliResult.sli.errorRatioQuery));
  }

  const page = prepareAlert(slo, 'page', errors);
  const ticket = prepareAlert(slo, 'ticket', errors);

  const period = sloPeriod(slo, context.defaultSloPeriodMs);
  let windows: AlertWindows | undefined;
  if ('error' in period) {
    errors.push(period.error);
  } else if (!(period.periodMs > 0)) {
    errors.push('the SLO period must be longer than zero');
  } else {
    windows = context.findWindows(period.periodMs);
    if (!windows) {
      const name = formatPrometheusDuration(period.periodMs);
      const known = context.customCatalog
        ? 'the alert windows catalog given has none for it'
        : 'only 28d and 30d have built-in alert windows';
      errors.push(
        `no alert windows for the SLO period ${name}: ${known}; pass --slo-period-windows-path with a directory holding an AlertWindows file for ${name}`,
      );
    }
  }

  const problems = errors.map(message => problem(message));
  if (slo.budgetingMethod !== 'Occurrences') {
    problems.push(
      problem(
        `${slo.budgetingMethod} budgeting is not reproduced by Prometheus rules: the generated rules count good and bad events over the period (Occurrences)`,
        'warning',
      ),
    );
  }
  if (errors.length > 0 || !windows || 'error' in sliResult) {
    return { problems };
  }

  return {
    problems,
    slo: {
      identity: { id: slo.id, name: slo.name, service: slo.service },
      periodMs: windows.sloPeriodMs,
      objectivePercent,
      labels,
      sli: sliResult.sli,
      alerts: buildBurnRateAlerts(windows, objectivePercent),
      page,
      ticket,
      info: generatorInfo(slo, context),
    },
  };
}
