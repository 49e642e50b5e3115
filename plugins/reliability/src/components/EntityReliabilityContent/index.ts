export {
  EntityReliabilityContent,
  type EntityReliabilityContentProps,
} from './EntityReliabilityContent';
export { EntityReliabilityContentWithCards } from './DefaultReliabilityCards';
