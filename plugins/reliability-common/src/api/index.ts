export * from './sloViews';
export * from './runbookViews';
export * from './alertViews';
export * from './scorecardViews';
export * from './runbookTreeViews';
export * from './releaseGateViews';
