export * from './model';
export { parseSloFiles } from './parseSloFiles';
export type { SloParseOptions } from './parseSloFiles';
// Sloth's AlertWindows catalogs are spec files too; parsed with the same YAML and problem rules.
export { parseAlertWindowsCatalog } from '../windows/catalog';
