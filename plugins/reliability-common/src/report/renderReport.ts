import type { MonthlyReliabilityReport, MonthlyReportReleases } from './model';

function pct(value: number | null, digits = 2): string {
  return value === null ? '–' : `${(value * 100).toFixed(digits)} %`;
}

/**
 * A duration for the report: "1 h 5 min", "12 min", "40 s"; "–" for `null`.
 *
 * @public
 */
export function formatReportDuration(ms: number | null): string {
  if (ms === null) return '–';
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  return minutes % 60 ? `${hours} h ${minutes % 60} min` : `${hours} h`;
}

/** Markdown table cells: pipes escaped, line breaks flattened. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

/**
 * The report as Markdown, for a wiki page or an e-mail.
 *
 * @public
 */
export function monthlyReportToMarkdown(
  report: MonthlyReliabilityReport,
): string {
  const lines = [
    `# Reliability report: ${report.subject}, ${report.month}`,
    '',
    report.partial
      ? `_The month is not over: figures as of ${report.generatedAt}._`
      : `_Generated ${report.generatedAt}._`,
    '',
    `**${report.summary.met} of ${report.summary.slos} SLOs met** their objective (${report.summary.missed} missed, ${report.summary.unknown} unknown).`,
    '',
    '## SLOs',
    '',
    '| Entity | SLO | Target | Attainment | SLI | Budget consumed | Budget left | Worst day |',
    '| --- | --- | ---: | --- | ---: | ---: | ---: | --- |',
    ...report.slos.map(
      slo =>
        `| ${cell(slo.entityRef)} | ${cell(slo.name)} | ${
          slo.targetPercent
        } % | ${slo.attainment} | ${pct(slo.sli, 3)} | ${pct(
          slo.budgetConsumed,
          1,
        )} | ${pct(slo.budgetRemaining, 1)} | ${
          slo.worstDay
            ? `${slo.worstDay.day} (${pct(slo.worstDay.sli, 2)})`
            : '–'
        } |`,
    ),
  ];
  if (report.pages) {
    const p = report.pages;
    lines.push(
      '',
      '## Pages',
      '',
      `- Pages: ${p.pages}; per shift: ${
        p.pagesPerShift === null ? '–' : p.pagesPerShift.toFixed(2)
      } over ${p.shifts} shifts; ${p.pagesPer12Hours.toFixed(2)} per 12 hours`,
      `- MTTA: ${formatReportDuration(p.mttaMs)}; MTTR: ${formatReportDuration(
        p.mttrMs,
      )}`,
      `- Sleep-hour pages: ${p.sleepHourPages}; off-hour pages: ${p.offHourPages}`,
    );
    if (p.noisiest.length > 0) {
      lines.push(
        '',
        '| Noisiest alert | Service | Pages | Noise |',
        '| --- | --- | ---: | ---: |',
        ...p.noisiest.map(
          a =>
            `| ${cell(a.alertName)} | ${cell(a.service)} | ${a.pages} | ${pct(
              a.noiseRatio,
              0,
            )} |`,
        ),
      );
    }
  }
  lines.push('', '## Scorecard levels', '');
  if (report.levelChanges.length === 0) {
    lines.push('No level changed this month.');
  } else {
    lines.push(
      '| Entity | Scorecard | From | To | When |',
      '| --- | --- | --- | --- | --- |',
      ...report.levelChanges.map(
        c =>
          `| ${cell(c.entityRef)} | ${cell(c.scorecardId)} | ${
            c.from ?? 'none'
          } | ${c.to ?? 'none'} | ${c.at.slice(0, 10)} |`,
      ),
    );
  }
  lines.push('', '## Release gate', '', ...releasesToMarkdown(report.releases));
  if (report.campaigns.length > 0) {
    lines.push(
      '',
      '## Campaigns',
      '',
      ...report.campaigns.map(
        c =>
          `- ${c.title}: ${c.reached} of ${c.entities} at ${c.targetLevel}${
            c.deadline ? ` (due ${c.deadline.slice(0, 10)})` : ''
          }`,
      ),
    );
  }
  return `${lines.join('\n')}\n`;
}

/**
 * The one line a report says about the release gate: the totals, or that nothing was recorded.
 *
 * @public
 */
export function describeReleases(releases: MonthlyReportReleases): string {
  if (releases.entities.length === 0) {
    return 'No release gate decisions, blocks or overrides were recorded this month.';
  }
  const t = releases.total;
  return `${t.blockDecisions} blocked and ${t.warnDecisions} warned of ${
    t.decisions
  } release decisions; gates blocked ${formatReportDuration(
    t.blockedMs,
  )} in all (${t.entitiesBlocked} of ${releases.entities.length} entities); ${
    t.overrides
  } override${t.overrides === 1 ? '' : 's'} granted.${
    releases.decisionsTruncated
      ? ' Some entities had more decisions than are kept (200 each): their oldest are not counted.'
      : ''
  }`;
}

function releasesToMarkdown(releases: MonthlyReportReleases): string[] {
  const lines = [describeReleases(releases)];
  if (releases.entities.length === 0) return lines;
  lines.push(
    '',
    '| Entity | Decisions | Blocked | Warned | Time blocked | Blocked at end | Overrides |',
    '| --- | ---: | ---: | ---: | ---: | --- | ---: |',
    ...releases.entities.map(
      e =>
        `| ${cell(e.entityRef)} | ${e.decisions} | ${e.blockDecisions} | ${
          e.warnDecisions
        } | ${formatReportDuration(e.blockedMs)} | ${
          e.blockedAtEnd ? 'yes' : 'no'
        } | ${e.overrides.length} |`,
    ),
    `| **Total** | ${releases.total.decisions} | ${
      releases.total.blockDecisions
    } | ${releases.total.warnDecisions} | ${formatReportDuration(
      releases.total.blockedMs,
    )} | | ${releases.total.overrides} |`,
  );
  const overrides = releases.entities.flatMap(e => e.overrides);
  if (overrides.length > 0) {
    lines.push(
      '',
      '| Override of | Granted by | Reason | From | To | Revoked |',
      '| --- | --- | --- | --- | --- | --- |',
      ...overrides.map(
        o =>
          `| ${cell(o.entityRef)} | ${cell(o.approver)} | ${cell(o.reason)} | ${
            o.from
          } | ${o.to} | ${
            o.revokedAt ? `${o.revokedAt} by ${cell(o.revokedBy ?? '?')}` : '–'
          } |`,
      ),
    );
  }
  return lines;
}

/** One CSV cell (RFC 4180); a cell a spreadsheet would run as a formula gets an apostrophe. */
function csv(value: string | number | null): string {
  if (value === null) return '';
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text) && typeof value === 'string') text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function csvOf(rows: Array<Array<string | number | null>>): string {
  return `${rows.map(row => row.map(csv).join(',')).join('\r\n')}\r\n`;
}

/**
 * The tables of the report a spreadsheet can read: `slos` (one row per SLO), `releases` (one
 * row per entity with release gate data, then a total row), `overrides` (one row per override
 * granted in the month).
 *
 * @public
 */
export type MonthlyReportCsvTable = 'slos' | 'releases' | 'overrides';

/**
 * One table of the report as CSV, for a spreadsheet: by default the SLO table, one row per SLO.
 *
 * @public
 */
export function monthlyReportToCsv(
  report: MonthlyReliabilityReport,
  table: MonthlyReportCsvTable = 'slos',
): string {
  if (table === 'releases') {
    const { entities, total } = report.releases;
    return csvOf([
      [
        'month',
        'subject',
        'entity',
        'decisions',
        'block_decisions',
        'warn_decisions',
        'blocked_ms',
        'blocked_at_end',
        'overrides',
      ],
      ...entities.map(e => [
        report.month,
        report.subject,
        e.entityRef,
        e.decisions,
        e.blockDecisions,
        e.warnDecisions,
        e.blockedMs,
        e.blockedAtEnd ? 'true' : 'false',
        e.overrides.length,
      ]),
      [
        report.month,
        report.subject,
        'total',
        total.decisions,
        total.blockDecisions,
        total.warnDecisions,
        total.blockedMs,
        null,
        total.overrides,
      ],
    ]);
  }
  if (table === 'overrides') {
    return csvOf([
      [
        'month',
        'subject',
        'entity',
        'override_id',
        'granted_by',
        'reason',
        'from',
        'to',
        'revoked_at',
        'revoked_by',
      ],
      ...report.releases.entities.flatMap(e =>
        e.overrides.map(o => [
          report.month,
          report.subject,
          o.entityRef,
          o.id,
          o.approver,
          o.reason,
          o.from,
          o.to,
          o.revokedAt,
          o.revokedBy,
        ]),
      ),
    ]);
  }
  const header = [
    'month',
    'subject',
    'entity',
    'slo_id',
    'slo',
    'target_percent',
    'attainment',
    'sli',
    'budget_consumed',
    'budget_remaining',
    'worst_day',
    'worst_day_sli',
  ];
  const rows = report.slos.map(slo => [
    report.month,
    report.subject,
    slo.entityRef,
    slo.id,
    slo.name,
    slo.targetPercent,
    slo.attainment,
    slo.sli,
    slo.budgetConsumed,
    slo.budgetRemaining,
    slo.worstDay?.day ?? null,
    slo.worstDay?.sli ?? null,
  ]);
  return csvOf([header, ...rows]);
}
