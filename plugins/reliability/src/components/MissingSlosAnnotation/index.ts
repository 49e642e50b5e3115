export {
  MissingSlosAnnotation,
  DEFAULT_SLO_DOCS_URL,
} from './MissingSlosAnnotation';
