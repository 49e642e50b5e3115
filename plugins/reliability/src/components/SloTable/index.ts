export { SloTable, exhaustionText, FreshnessCell } from './SloTable';
