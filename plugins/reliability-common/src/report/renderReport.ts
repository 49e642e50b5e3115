import type { MonthlyReliabilityReport } from './model';

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

/** One CSV cell (RFC 4180); a cell a spreadsheet would run as a formula gets an apostrophe. */
function csv(value: string | number | null): string {
  if (value === null) return '';
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text) && typeof value === 'string') text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The report's SLO table as CSV, one row per SLO, for a spreadsheet.
 *
 * @public
 */
export function monthlyReportToCsv(report: MonthlyReliabilityReport): string {
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
  return `${[header, ...rows]
    .map(row => row.map(csv).join(','))
    .join('\r\n')}\r\n`;
}
