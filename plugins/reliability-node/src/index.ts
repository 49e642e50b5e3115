/**
 * Extension points of the Reliability backend: add SLI sources, on-call providers, alert sources
 * and scorecard checks from your own backend modules, exactly as the built-in ones are added.
 *
 * @packageDocumentation
 */

export * from './sliSources';
export * from './onCallProviders';
export * from './alertSources';
export * from './scorecardChecks';
