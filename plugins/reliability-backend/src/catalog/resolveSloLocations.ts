import { Entity, getEntitySourceLocation } from '@backstage/catalog-model';
import { ScmIntegrationRegistry } from '@backstage/integration';
import { splitSloLocations } from '@reliability/backstage-plugin-common';
import path from 'node:path';

/**
 * Where one SLO file is read from: a URL through the UrlReader, or a local file for entities
 * that themselves come from a `file` location (the example catalog).
 *
 * @internal
 */
export type SloFileTarget =
  | { type: 'url'; url: string }
  | { type: 'file'; path: string };

/**
 * One location of the `reliability/slos` annotation, resolved.
 *
 * @internal
 */
export interface ResolvedSloLocation {
  /** The location as written in the annotation. */
  location: string;
  /** The resolved location, used to name the file in problems and storage: a URL or `file:<path>`. */
  file: string;
  target: SloFileTarget;
}

/**
 * Splits the annotation value into locations: comma-separated, trimmed, without empty entries
 * and duplicates.
 *
 * @internal
 */
export function parseSlosAnnotation(value: string | undefined): string[] {
  const locations = splitSloLocations(value ?? '').filter(l => l.length > 0);
  return [...new Set(locations)];
}

const SCHEME = /^([a-z][a-z0-9+.-]*):/i;

/**
 * Resolves one location of the annotation as `backstage.io/techdocs-ref: dir:.` is resolved:
 * http(s) URLs stay as they are (a `url:` prefix is allowed); relative paths are resolved against
 * the entity's source location (`backstage.io/source-location`, else the location it was read
 * from), with the SCM integrations for URLs and as paths for entities from a `file` location.
 *
 * Other URL schemes and absolute paths are refused, as the CLI's validation refuses them: a
 * relative path works wherever the repository is, and only entities the backend's own config
 * registers from files can make it read local files. Throws an `Error` saying what is wrong.
 *
 * @internal
 */
export function resolveSloLocation(
  entity: Entity,
  location: string,
  integrations: ScmIntegrationRegistry,
): ResolvedSloLocation {
  const target = location.startsWith('url:')
    ? location.slice('url:'.length)
    : location;
  const scheme = SCHEME.exec(target)?.[1].toLowerCase();
  // `C:\x` is a Windows path, not a URL with the scheme `c`.
  if (scheme && !/^[a-z]:[\\/]/i.test(target)) {
    if (scheme !== 'http' && scheme !== 'https') {
      throw new Error(
        `'${location}' is a ${scheme} URL; only http and https URLs and relative paths are allowed`,
      );
    }
    return { location, file: target, target: { type: 'url', url: target } };
  }
  if (/^([\\/]|[a-z]:[\\/])/i.test(target)) {
    throw new Error(
      `'${location}' is an absolute path; write it relative to the entity's catalog-info.yaml`,
    );
  }

  let base: { type: string; target: string };
  try {
    base = getEntitySourceLocation(entity);
  } catch {
    throw new Error(
      `Cannot resolve '${location}': the entity has no source location to resolve it against`,
    );
  }

  if (base.type === 'url') {
    const url = integrations.resolveUrl({ url: target, base: base.target });
    return { location, file: url, target: { type: 'url', url } };
  }

  if (base.type === 'file') {
    // The managed-by location names the entity's file; a source location may name its directory.
    const directory = base.target.endsWith('/')
      ? base.target
      : path.dirname(base.target);
    const filePath = path.resolve(directory, target);
    return {
      location,
      file: `file:${filePath}`,
      target: { type: 'file', path: filePath },
    };
  }

  throw new Error(
    `Cannot resolve '${location}' relative to the entity's location of type '${base.type}'; use an http(s) URL`,
  );
}
