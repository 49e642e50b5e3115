export { generatePrometheusRules } from './generatePrometheusRules';
export { toPrometheusRulesYaml } from './toPrometheusRulesYaml';
export type { RulesYamlOptions } from './toPrometheusRulesYaml';
export {
  toPrometheusOperatorRule,
  toPrometheusOperatorRuleYaml,
} from './toPrometheusOperatorRule';
export type {
  KubernetesObjectMeta,
  PrometheusOperatorRule,
} from './toPrometheusOperatorRule';
export { formatGoFloat, formatGoFloatDecimal, quoteGoString } from './goFormat';
export type {
  AlertingRule,
  GeneratePrometheusRulesOptions,
  GeneratePrometheusRulesResult,
  PrometheusRule,
  RecordingRule,
  RuleGroup,
} from './types';
