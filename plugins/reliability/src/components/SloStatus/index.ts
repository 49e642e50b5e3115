export { PolicyStateLabel } from './PolicyStateLabel';
export { AlertStateLabel } from './AlertStateLabel';
export { BudgetBar, budgetText } from './BudgetBar';
export { BurnRates } from './BurnRates';
export { AlertPairChips } from './AlertPairChips';
