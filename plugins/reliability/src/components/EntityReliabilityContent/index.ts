export {
  EntityReliabilityContent,
  type EntityReliabilityContentProps,
} from './EntityReliabilityContent';
