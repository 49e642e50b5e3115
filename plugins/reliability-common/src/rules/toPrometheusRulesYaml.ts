import type { PrometheusRule, RuleGroup } from './types';
import { dumpYaml, generatedHeader } from './yamlOutput';

/**
 * Options of the rule file serializers.
 *
 * @public
 */
export interface RulesYamlOptions {
  /** Shown in the generated-code header; `reliability` when unset. */
  version?: string;
}

/**
 * A rule with its keys in Prometheus' order (`record`/`alert`, `expr`, `labels`, `annotations`).
 *
 * @internal
 */
export function orderedRule(rule: PrometheusRule): Record<string, unknown> {
  if ('record' in rule) {
    return { record: rule.record, expr: rule.expr, labels: rule.labels };
  }
  return {
    alert: rule.alert,
    expr: rule.expr,
    labels: rule.labels,
    annotations: rule.annotations,
  };
}

/**
 * Serializes rule groups as the Prometheus rule file Sloth writes (`groups:` with one entry per
 * group), preceded by Sloth's generated-code header. Empty groups are left out, as Sloth does.
 *
 * @public
 */
export function toPrometheusRulesYaml(
  groups: RuleGroup[],
  options: RulesYamlOptions = {},
): string {
  const document = {
    groups: groups
      .filter(group => group.rules.length > 0)
      .map(group => ({
        name: group.name,
        rules: group.rules.map(orderedRule),
      })),
  };
  return generatedHeader(options.version ?? 'reliability') + dumpYaml(document);
}
