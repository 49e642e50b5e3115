export * from './model';
export * from './monthRange';
export * from './buildMonthlyReport';
export * from './renderReport';
export * from './releasesOfMonth';
