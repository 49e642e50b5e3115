/**
 * quality. Pure TypeScript with no I/O, safe in the browser and in Node.
 *
 * @packageDocumentation
 */

export * from './permissions';
export * from './problems';
export * from './spec/model';
export * from './windows';
export * from './alertQuality';
export * from './budget';
