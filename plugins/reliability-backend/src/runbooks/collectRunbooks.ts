import { Entity } from '@backstage/catalog-model';
import { ScmIntegrationRegistry } from '@backstage/integration';
import {
  RELIABILITY_RUNBOOK_ANNOTATION,
  ServiceLevelObjective,
} from '@reliability/backstage-plugin-common';
import { createHash } from 'node:crypto';
import {
  ResolvedSloLocation,
  SloFileTarget,
  resolveSloLocation,
} from '../catalog/resolveSloLocations';
import { alertRunbookLocation } from './alertRunbook';
import { Runbook, RunbookAlert, RunbookOrigin, RunbookProblem } from './types';

/**
 * A runbook with where the backend reads and checks it.
 *
 * @internal
 */
export interface CollectedRunbook {
  runbook: Runbook;
  /** The resolved location: a URL, or `file:` and an absolute path. What dedup and the id use. */
  location: string;
  target: SloFileTarget;
}

/**
 * The runbooks of an entity and the locations that could not be resolved.
 *
 * @internal
 */
export interface RunbookCollection {
  runbooks: CollectedRunbook[];
  problems: RunbookProblem[];
}

const MARKDOWN_FILE = /\.(md|markdown)$/i;
const ABSOLUTE_URL = /^(url:)?[a-z][a-z0-9+.-]*:/i;

/**
 * The id of a runbook: a short hash of its resolved location, stable across reads.
 *
 * @internal
 */
export function runbookId(location: string): string {
  return createHash('sha256').update(location).digest('hex').slice(0, 16);
}

/**
 * Whether the backend can read a runbook as Markdown: a `.md`/`.markdown` file that is local (an
 * entity registered from a file) or that an SCM integration serves.
 *
 * @internal
 */
export function isMarkdownTarget(
  target: SloFileTarget,
  integrations: ScmIntegrationRegistry,
): boolean {
  if (target.type === 'file') {
    return MARKDOWN_FILE.test(target.path);
  }
  try {
    return (
      MARKDOWN_FILE.test(new URL(target.url).pathname) &&
      integrations.byUrl(target.url) !== undefined
    );
  } catch {
    return false;
  }
}

/** One spelling per URL, so that dedup and ids do not depend on how it was written. */
function normalizeUrl(url: string): string {
  try {
    return new URL(url).href;
  } catch {
    throw new Error(`'${url}' is not a valid URL`);
  }
}

function alertTitle(alert: RunbookAlert): string {
  return `Runbook of ${alert.alertName} (${alert.severity})`;
}

/**
 * Collects the runbooks of an entity, in this order: `metadata.links` of type `runbook`, the
 * `reliability/runbook` annotation, then the `runbook_url`/`runbook` annotations of each SLO's page
 * and ticket alerts (a severity's annotation wins over the alerting-level one; disabled
 * severities and unnamed alerting, which Sloth does not generate, are skipped).
 *
 * Each location is an http(s) URL or a path relative to the entity's source location, resolved as
 * SLO files are. A runbook named in several places is listed once, where it was found first; its
 * `alerts` lists every alert that names it. Locations that cannot be resolved become problems.
 *
 * @internal
 */
export function collectRunbooks(
  entity: Entity,
  sloDefinitions: readonly ServiceLevelObjective[],
  integrations: ScmIntegrationRegistry,
): RunbookCollection {
  const byLocation = new Map<string, CollectedRunbook>();
  const problems: RunbookProblem[] = [];

  const add = (
    written: string,
    origin: RunbookOrigin,
    title: string | undefined,
    alert?: RunbookAlert,
  ) => {
    let resolved: ResolvedSloLocation;
    let location: string;
    try {
      resolved = resolveSloLocation(entity, written, integrations);
      location =
        resolved.target.type === 'url'
          ? normalizeUrl(resolved.target.url)
          : resolved.file;
    } catch (error) {
      problems.push({
        origin,
        location: written,
        ...(alert ? { alert } : {}),
        message: (error as Error).message,
      });
      return;
    }
    const existing = byLocation.get(location);
    if (existing) {
      if (alert) {
        existing.runbook.alerts.push(alert);
      }
      return;
    }
    const relative = !ABSOLUTE_URL.test(written);
    const runbook: Runbook = {
      id: runbookId(location),
      title: title || (alert ? alertTitle(alert) : 'Runbook'),
      ...(resolved.target.type === 'url' ? { url: location } : {}),
      ...(relative ? { path: written } : {}),
      origin,
      ...(alert ? { alert } : {}),
      alerts: alert ? [alert] : [],
      markdown: isMarkdownTarget(resolved.target, integrations),
    };
    byLocation.set(location, {
      runbook,
      location,
      target:
        resolved.target.type === 'url'
          ? { type: 'url', url: location }
          : resolved.target,
    });
  };

  for (const link of entity.metadata.links ?? []) {
    const url = link.url?.trim();
    if (link.type?.trim().toLowerCase() === 'runbook' && url) {
      add(url, 'link', link.title?.trim() || url);
    }
  }

  const annotation =
    entity.metadata.annotations?.[RELIABILITY_RUNBOOK_ANNOTATION]?.trim();
  if (annotation) {
    add(annotation, 'annotation', undefined);
  }

  for (const slo of sloDefinitions) {
    const alerting = slo.alerting;
    const alertName = alerting?.name?.trim();
    if (!alerting || !alertName) {
      continue;
    }
    for (const severity of ['page', 'ticket'] as const) {
      if (alerting[severity]?.disabled) {
        continue;
      }
      const location = alertRunbookLocation(alerting, severity);
      if (location) {
        add(location, 'alert', undefined, {
          sloId: slo.id,
          alertName,
          severity,
        });
      }
    }
  }

  return { runbooks: [...byLocation.values()], problems };
}
