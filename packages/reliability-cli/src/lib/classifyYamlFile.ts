import path from 'node:path';

/**
 * What a YAML file found in a directory is, as far as validation is concerned.
 *
 * @internal
 */
export type YamlFileKind = 'catalog' | 'slo' | 'runbook' | 'other';

const CATALOG_FILE = /^catalog-info\.ya?ml$/i;
const RUNBOOK_CONTENT = [
  /^apiVersion:\s*['"]?reliability\.dev\/v1['"]?\s*$/m,
  /^kind:\s*['"]?Runbook['"]?\s*$/m,
];
const CATALOG_CONTENT = /^apiVersion:\s*['"]?backstage\.io\//m;
const SLO_CONTENT = [
  // Also an object of a top-level list (`- apiVersion: openslo/v1`), as OpenSLO's own tools
  // write files, and the OpenSLO versions we do not read (`openslo.com/v2alpha`), so that they
  // are reported rather than skipped.
  /^(?:-\s+)?apiVersion:\s*['"]?openslo(?:\.com)?\//m,
  /^version:\s*['"]?prometheus\/v1['"]?\s*$/m,
  /^kind:\s*['"]?PrometheusServiceLevel['"]?\s*$/m,
];

/**
 * Tells catalog files from SLO files by name and content. Directories hold other YAML too (CI
 * pipelines, Helm values, alert window catalogs), which validation skips.
 *
 * @internal
 */
export function classifyYamlFile(file: string, content: string): YamlFileKind {
  if (CATALOG_FILE.test(path.basename(file))) {
    return 'catalog';
  }
  if (SLO_CONTENT.some(pattern => pattern.test(content))) {
    return 'slo';
  }
  if (RUNBOOK_CONTENT.every(pattern => pattern.test(content))) {
    return 'runbook';
  }
  if (CATALOG_CONTENT.test(content)) {
    return 'catalog';
  }
  return 'other';
}
