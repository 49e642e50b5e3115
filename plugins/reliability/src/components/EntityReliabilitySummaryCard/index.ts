export {
  EntityReliabilitySummaryCard,
  type EntityReliabilitySummaryCardProps,
} from './EntityReliabilitySummaryCard';
