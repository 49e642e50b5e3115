/**
 * Where a runbook was found: a `metadata.links` entry of type `runbook`, the
 * `reliability/runbook` annotation, or the `runbook_url`/`runbook` annotation of an SLO's alert.
 *
 * @public
 */
export type RunbookOrigin = 'link' | 'annotation' | 'alert';

/**
 * One burn-rate alert of an SLO: the page (fast burn) or the ticket (slow burn) alert.
 *
 * @public
 */
export interface RunbookAlert {
  sloId: string;
  /** `alerting.name` of the SLO; Sloth names both severities' alerts with it. */
  alertName: string;
  severity: 'page' | 'ticket';
}

/**
 * A runbook of a catalog entity.
 *
 * @public
 */
export interface Runbook {
  /** A hash of the resolved location: the same runbook keeps its id across reads and origins. */
  id: string;
  title: string;
  /** The resolved http(s) URL; absent for a file of an entity registered from a local file. */
  url?: string;
  /** The path as written, when the runbook was given relative to the entity's location. */
  path?: string;
  /** Where it was found first; a runbook named in several places is listed once. */
  origin: RunbookOrigin;
  /** The alert it was found in, when `origin` is `alert`. */
  alert?: RunbookAlert;
  /** Every SLO alert that names this runbook, whatever `origin` is. */
  alerts: RunbookAlert[];
  /**
   * Whether it is a Markdown file the backend can read (a repository file, `.md` or
   * `.markdown`), so that the frontend can show it inline rather than link to it.
   */
  markdown: boolean;
}

/**
 * A runbook location that could not be used, e.g. an `ftp:` URL or an absolute path.
 *
 * @public
 */
export interface RunbookProblem {
  origin: RunbookOrigin;
  /** The location as written. */
  location: string;
  alert?: RunbookAlert;
  message: string;
}

/**
 * A paging alert that has no runbook: nothing tells the person paged at night what to do.
 *
 * @public
 */
export interface PagingAlertWithoutRunbook {
  sloId: string;
  /** The SLO's display name, else its name. */
  sloName: string;
  alertName: string;
}

/**
 * The outcome of a reachability check: `refused` means the configuration (host allow-list,
 * private-address block) forbids the request, which says nothing about the runbook itself.
 *
 * @public
 */
export type RunbookCheckOutcome = 'reachable' | 'unreachable' | 'refused';

/**
 * The latest reachability check of a runbook, as the API serves it.
 *
 * @public
 */
export interface RunbookCheckView {
  outcome: RunbookCheckOutcome;
  /** HTTP status of the final response; absent for SCM and file reads and for failures. */
  statusCode?: number;
  redirectCount: number;
  /** Why it was unreachable or refused. */
  error?: string;
  /** When the runbook last changed, as its server or SCM said; ISO 8601. */
  lastModifiedAt?: string;
  /** ISO 8601. */
  checkedAt: string;
  /** The last check that found it reachable; ISO 8601. */
  lastReachableAt?: string;
}

/**
 * A runbook of an entity with its latest check; `check` is absent before the first check.
 *
 * @public
 */
export interface RunbookView extends Runbook {
  check?: RunbookCheckView;
}

/**
 * The runbooks of an entity with their latest checks:
 * `GET /entities/{kind}/{namespace}/{name}/runbooks`.
 *
 * @public
 */
export interface EntityRunbooksView {
  entityRef: string;
  runbooks: RunbookView[];
  pagingAlertsWithoutRunbook: PagingAlertWithoutRunbook[];
  /** Runbook locations that could not be resolved, so that the owner can fix them. */
  problems: RunbookProblem[];
  /** The latest check of any of its runbooks; absent before the first check. ISO 8601. */
  checkedAt?: string;
}

/**
 * The Markdown text of a runbook. The backend never renders it: the frontend sanitizes the HTML
 * it renders.
 *
 * @public
 */
export interface RunbookContent {
  markdown: string;
  /** Where it was read from, to resolve the relative links and images in it. */
  url?: string;
  /** ISO 8601, when the reader says. */
  lastModifiedAt?: string;
  /** The reader's entity tag, when it gives one. */
  etag?: string;
}
