export * from './annotations';
export { validateCatalogInfo } from './validateCatalogInfo';
export type {
  CatalogEntitySlos,
  CatalogInfoValidation,
  CatalogSloFileReference,
} from './validateCatalogInfo';
