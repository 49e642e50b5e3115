import type { SpecProblem } from '../problems';
import type { ServiceLevelObjective } from '../spec/model';
import { defaultAlertWindows } from '../windows';
import { buildAlertRules } from './alertRules';
import { SLOTH_GROUP_PREFIXES } from './conventions';
import { buildMetadataRecordingRules } from './metadataRecordingRules';
import { prepareSlo } from './prepareSlo';
import { buildSliRecordingRules } from './sliRecordingRules';
import type {
  GeneratePrometheusRulesOptions,
  GeneratePrometheusRulesResult,
  RuleGroup,
} from './types';

const THIRTY_DAYS_MS = 30 * 24 * 60 * 60 * 1000;

/**
 * Generates the Prometheus recording and alerting rules of SLOs, identical to what Sloth generates
 * for them: SLI error ratios over every alert window, metadata recordings (objective, budget, burn
 * rates, `sloth_slo_info`) and multi-window, multi-burn-rate page and ticket alerts.
 *
 * SLOs that cannot produce rules (threshold SLIs, non-Prometheus sources, periods without alert
 * windows, invalid names or labels) are left out with an error problem each; a repeated SLO id is
 * reported and its later occurrences are left out. Nothing throws.
 *
 * @public
 */
export function generatePrometheusRules(
  slos: ServiceLevelObjective[],
  options: GeneratePrometheusRulesOptions = {},
): GeneratePrometheusRulesResult {
  const catalog = options.windowsCatalog;
  const context = {
    defaultSloPeriodMs: options.defaultSloPeriodMs ?? THIRTY_DAYS_MS,
    // A custom catalog replaces the built-in windows, as in Sloth.
    findWindows: (periodMs: number) =>
      (catalog ?? defaultAlertWindows).find(w => w.sloPeriodMs === periodMs),
    customCatalog: catalog !== undefined,
    extraLabels: options.extraLabels ?? {},
    callerAgent: options.callerAgent ?? 'cli',
    version: options.version ?? 'reliability',
  };

  const groups: RuleGroup[] = [];
  const problems: SpecProblem[] = [];
  const seen = new Map<string, ServiceLevelObjective>();

  for (const slo of slos) {
    const first = seen.get(slo.id);
    if (first) {
      const at = first.source.location;
      problems.push({
        ...slo.source.location,
        message: `SLO id "${slo.id}" is repeated (first declared at ${at.file}:${at.line}:${at.column}); rule groups would collide`,
        severity: 'error',
      });
      continue;
    }
    seen.set(slo.id, slo);

    const prepared = prepareSlo(slo, context);
    problems.push(...prepared.problems);
    if (!prepared.slo) {
      continue;
    }
    const ready = prepared.slo;

    const sloGroups: RuleGroup[] = [];
    if (!options.disableRecordings) {
      const sli = buildSliRecordingRules(ready);
      if ('error' in sli) {
        problems.push({
          ...slo.source.location,
          message: sli.error,
          severity: 'error',
        });
        continue;
      }
      sloGroups.push(
        { name: SLOTH_GROUP_PREFIXES.sli + slo.id, rules: sli.rules },
        {
          name: SLOTH_GROUP_PREFIXES.metadata + slo.id,
          rules: buildMetadataRecordingRules(ready),
        },
      );
    }
    if (!options.disableAlerts) {
      const alerts = buildAlertRules(ready);
      // Sloth writes no group for an SLO whose page and ticket alerts are both disabled.
      if (alerts.length > 0) {
        sloGroups.push({
          name: SLOTH_GROUP_PREFIXES.alerts + slo.id,
          rules: alerts,
        });
      }
    }
    groups.push(...sloGroups);
  }

  return { groups, problems };
}
