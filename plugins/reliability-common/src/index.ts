/**
 * The Reliability domain: SLO specifications, error budgets, burn-rate alert rules and alert
 * quality. Pure TypeScript with no I/O, safe in the browser and in Node.
 *
 * @packageDocumentation
 */

export * from './permissions';
export * from './problems';
export * from './spec/model';
export * from './spec';
export * from './catalog';
export * from './windows';
export * from './alertQuality';
export * from './rules';
export * from './budget';
export * from './oncall';
export * from './alerts';
export * from './scorecards';
export * from './api';
export * from './runbooks';
export * from './report';
export * from './release';
