export { EntityAlertQualityCard } from './EntityAlertQualityCard';
