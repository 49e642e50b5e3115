export { EntityReleaseGateCard } from './EntityReleaseGateCard';
export { EntityReleaseGateBadge, ReleaseGateBadge } from './ReleaseGateBadge';
