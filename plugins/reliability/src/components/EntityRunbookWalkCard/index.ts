export { EntityRunbookWalkCard } from './EntityRunbookWalkCard';
export { alertRunbookWalkHref, hasRunbookTree } from './runbookLinks';
