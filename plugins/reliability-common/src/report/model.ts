/**
 * What a monthly reliability report covers: one owner group, system or domain, or the whole
 * organisation.
 *
 * @public
 */
export type ReliabilityReportScope =
  | 'group'
  | 'system'
  | 'domain'
  | 'organisation';

/**
 * One SLO's month: whether the objective held at the end of the month, the error budget then,
 * and its worst day.
 *
 * @public
 */
export interface MonthlyReportSlo {
  id: string;
  entityRef: string;
  name: string;
  targetPercent: number;
  /**
   * `met` when the budget of the SLO window ending with the month (or now, for the current
   * month) was not overspent; `unknown` without data.
   */
  attainment: 'met' | 'missed' | 'unknown';
  /** The SLI of the SLO window at the end of the month. */
  sli: number | null;
  /** Share of the error budget used at the end of the month. */
  budgetConsumed: number | null;
  /** Share of the error budget left at the end of the month; below 0 overspent. */
  budgetRemaining: number | null;
  /** The day of the month with the lowest SLI of its own (UTC days). */
  worstDay: { day: string; sli: number } | null;
  policyState: 'healthy' | 'warning' | 'exhausted' | 'unknown';
}

/**
 * A scorecard level an entity moved to in the month.
 *
 * @public
 */
export interface MonthlyReportLevelChange {
  entityRef: string;
  scorecardId: string;
  from: string | null;
  to: string | null;
  /** ISO 8601. */
  at: string;
}

/**
 * A scorecard campaign's progress at the time of the report.
 *
 * @public
 */
export interface MonthlyReportCampaign {
  id: string;
  title: string;
  targetLevel: string;
  deadline: string | null;
  entities: number;
  reached: number;
}

/**
 * The pages of the month, as the alert-quality API reports them.
 *
 * @public
 */
export interface MonthlyReportPages {
  /** The period the alert-quality API was asked about: the month, or the month so far. */
  from: string;
  to: string;
  pages: number;
  /** Mean pages per on-call shift; `null` when no shifts are known. */
  pagesPerShift: number | null;
  shifts: number;
  pagesPer12Hours: number;
  mttaMs: number | null;
  mttrMs: number | null;
  sleepHourPages: number;
  offHourPages: number;
  noisiest: Array<{
    alertName: string;
    service: string;
    pages: number;
    noiseRatio: number | null;
  }>;
}

/**
 * A release override granted in the month.
 *
 * @public
 */
export interface MonthlyReportOverride {
  id: string;
  entityRef: string;
  /** Who granted it. */
  approver: string;
  reason: string;
  /** When it was granted and when it expires (or expired), ISO 8601. */
  from: string;
  to: string;
  revokedAt: string | null;
  revokedBy: string | null;
}

/**
 * One entity's release gate in the month.
 *
 * @public
 */
export interface MonthlyReportReleaseEntity {
  entityRef: string;
  /** Decisions the gate answered and recorded in the month (`GET /gate/…/decisions`). */
  decisions: number;
  blockDecisions: number;
  warnDecisions: number;
  /**
   * How long the gate was blocked in the month (or the month so far), from its recorded state
   * transitions; `null` when no transition was recorded up to the month's end.
   */
  blockedMs: number | null;
  /** Whether the gate was blocked at the end of the month (or now). */
  blockedAtEnd: boolean;
  overrides: MonthlyReportOverride[];
}

/**
 * Release blocks and overrides of the month: the entities with gate data and their total.
 *
 * @public
 */
export interface MonthlyReportReleases {
  /** Entities with a recorded decision, state or override; empty when the scope has none. */
  entities: MonthlyReportReleaseEntity[];
  total: {
    decisions: number;
    blockDecisions: number;
    warnDecisions: number;
    blockedMs: number;
    /** Entities whose gate was blocked at some time in the month. */
    entitiesBlocked: number;
    overrides: number;
  };
  /**
   * Set when an entity had more decisions than the store keeps (the newest 200 per entity), so
   * that the month's counts miss its oldest decisions.
   */
  decisionsTruncated: boolean;
}

/**
 * The monthly reliability report.
 *
 * @public
 */
export interface MonthlyReliabilityReport {
  subject: string;
  scope: ReliabilityReportScope;
  /** `YYYY-MM`. */
  month: string;
  /** The month's start and end (exclusive), ISO 8601, UTC. */
  from: string;
  to: string;
  /** Set while the month is not over: figures are as of `generatedAt`. */
  partial: boolean;
  generatedAt: string;
  entities: string[];
  summary: { slos: number; met: number; missed: number; unknown: number };
  slos: MonthlyReportSlo[];
  /**
   * The alert quality of the subject's entities, as `GET /alert-quality` answers it for a group,
   * system or domain; `null` when the alert-quality service is not available.
   */
  pages: MonthlyReportPages | null;
  levelChanges: MonthlyReportLevelChange[];
  campaigns: MonthlyReportCampaign[];
  releases: MonthlyReportReleases;
}
