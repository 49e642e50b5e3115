export { EntityOnCallCard } from './EntityOnCallCard';
export { EntityOnCallNow } from './EntityOnCallNow';
