/*
 * The monthly reliability report in Chromium: the payments team's report of this month renders
 * at /reliability/report with its release gate section, and printed to PDF with the page's print stylesheet it fits on one or
 * two A4 pages. The PDF is kept beside the screenshots.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { HarnessError } from './harness.mjs';

/** Pages of a PDF: its page objects (`/Type /Page`, not the `/Pages` tree). */
function countPdfPages(pdf) {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g) ?? [])
    .length;
}

/**
 * Opens the payments team's report of the current month, checks its SLO table, prints it to an
 * A4 PDF and checks that the PDF has one or two pages.
 */
export async function checkMonthlyReport({ page, appUrl, outDir, log }) {
  const month = new Date().toISOString().slice(0, 7);
  log(`opening the monthly report of the payments team for ${month}`);
  await page.goto(
    `${appUrl}/reliability/report?owner=${encodeURIComponent(
      'group:default/payments',
    )}&month=${month}`,
  );
  await page
    .getByRole('heading', { name: `group:default/payments, ${month}` })
    .waitFor();
  await page.getByRole('cell', { name: 'Checkout availability' }).waitFor();
  // The release gate's section is part of the printed report: its totals, or the one line that
  // says there are none.
  await page.getByText('Release gate', { exact: true }).waitFor();
  await page
    .getByText(
      /release decisions; gates blocked|No release gate decisions, blocks or overrides/,
    )
    .waitFor();
  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  await page.emulateMedia({ media: 'screen' });
  const path = join(outDir, 'monthly-report.pdf');
  writeFileSync(path, pdf);
  const pages = countPdfPages(pdf);
  if (pages < 1 || pages > 2) {
    throw new HarnessError(
      `The monthly report printed on ${pages} A4 pages, not one or two: ${path}`,
    );
  }
  log(`the monthly report prints on ${pages} A4 page(s): ${path}`);
}
