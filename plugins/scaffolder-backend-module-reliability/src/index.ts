/**
 * The scaffolder action `reliability:gate:check`: a template asks the Reliability release gate
 * whether an entity may release before it deploys.
 *
 * @packageDocumentation
 */
export { scaffolderModuleReliability as default } from './module';
export {
  createReliabilityGateCheckAction,
  type ReliabilityGateCheckActionOptions,
} from './actions/gateCheck';
