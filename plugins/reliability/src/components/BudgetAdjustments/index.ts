export {
  activeAndUpcomingAdjustments,
  BudgetAdjustmentList,
  PROMETHEUS_ADJUSTMENT_NOTE,
} from './BudgetAdjustmentList';
