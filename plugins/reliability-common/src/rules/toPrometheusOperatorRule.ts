import type { RulesYamlOptions } from './toPrometheusRulesYaml';
import type { PrometheusRule, RuleGroup } from './types';
import { dumpYaml, generatedHeader } from './yamlOutput';

/**
 * The metadata of the Kubernetes object the rules came from (a Sloth `PrometheusServiceLevel`);
 * the generated `PrometheusRule` takes its name, namespace, labels and annotations.
 *
 * @public
 */
export interface KubernetesObjectMeta {
  name: string;
  namespace?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}

/**
 * A prometheus-operator `PrometheusRule` object.
 *
 * @public
 */
export interface PrometheusOperatorRule {
  apiVersion: 'monitoring.coreos.com/v1';
  kind: 'PrometheusRule';
  metadata: {
    annotations?: Record<string, string>;
    labels: Record<string, string>;
    name: string;
    namespace?: string;
  };
  spec: {
    groups: Array<{ name: string; rules: Array<Record<string, unknown>> }>;
  };
}

function sortedKeys(map: Record<string, string>): Record<string, string> {
  const sorted: Record<string, string> = {};
  for (const key of Object.keys(map).sort()) {
    sorted[key] = map[key];
  }
  return sorted;
}

/** A rule as Kubernetes' serializer writes it: keys sorted, empty maps left out. */
function operatorRule(rule: PrometheusRule): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if ('alert' in rule) {
    out.alert = rule.alert;
    if (Object.keys(rule.annotations).length > 0) {
      out.annotations = sortedKeys(rule.annotations);
    }
  }
  out.expr = rule.expr;
  if (Object.keys(rule.labels).length > 0) {
    out.labels = sortedKeys(rule.labels);
  }
  if ('record' in rule) {
    out.record = rule.record;
  }
  return out;
}

/**
 * Wraps rule groups in the prometheus-operator `PrometheusRule` Sloth writes for its Kubernetes
 * CRD: same name and namespace as the source object, its labels plus
 * `app.kubernetes.io/component: SLO` and `app.kubernetes.io/managed-by: sloth`.
 *
 * @public
 */
export function toPrometheusOperatorRule(
  groups: RuleGroup[],
  meta: KubernetesObjectMeta,
): PrometheusOperatorRule {
  // Built in sorted key order, as Kubernetes' serializer writes objects.
  const metadata: PrometheusOperatorRule['metadata'] = {
    ...(meta.annotations && Object.keys(meta.annotations).length > 0
      ? { annotations: sortedKeys(meta.annotations) }
      : {}),
    labels: sortedKeys({
      ...meta.labels,
      'app.kubernetes.io/component': 'SLO',
      'app.kubernetes.io/managed-by': 'sloth',
    }),
    name: meta.name,
    ...(meta.namespace ? { namespace: meta.namespace } : {}),
  };
  return {
    apiVersion: 'monitoring.coreos.com/v1',
    kind: 'PrometheusRule',
    metadata,
    spec: {
      groups: groups
        .filter(group => group.rules.length > 0)
        .map(group => ({
          name: group.name,
          rules: group.rules.map(operatorRule),
        })),
    },
  };
}

/**
 * Serializes rule groups as the `PrometheusRule` YAML document Sloth writes for its Kubernetes
 * CRD, preceded by Sloth's generated-code header.
 *
 * @public
 */
export function toPrometheusOperatorRuleYaml(
  groups: RuleGroup[],
  meta: KubernetesObjectMeta,
  options: RulesYamlOptions = {},
): string {
  return (
    generatedHeader(options.version ?? 'reliability') +
    dumpYaml(toPrometheusOperatorRule(groups, meta))
  );
}
