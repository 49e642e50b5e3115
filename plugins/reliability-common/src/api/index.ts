export * from './sloViews';
export * from './runbookViews';
export * from './alertViews';
export * from './scorecardViews';
export * from './releaseGateViews';
