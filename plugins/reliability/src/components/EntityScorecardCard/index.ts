export { EntityScorecardCard, levelText } from './EntityScorecardCard';
export { EntityScorecardLevel } from './EntityScorecardLevel';
