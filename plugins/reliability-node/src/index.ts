/**
 * Extension points of the Reliability backend: add SLI sources (and, later, on-call providers,
 * alert sources and scorecard checks) from your own backend modules.
 *
 * @packageDocumentation
 */

export * from './sliSources';
