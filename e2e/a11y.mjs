// The accessibility part of the end-to-end run: axe-core (WCAG 2.1 A and AA rules) on every page
// and tab of the suite, in Chromium at 1280 × 800, next to Backstage's own catalog page as the
// anchor. A violation in the app shell around a page (outside <main>: the sidebar) that the
// catalog page has too, as the same rule on the same markup, is Backstage's: reported, not
// failing. Any other one, anywhere in a page's content, is the suite's and fails the run.
//
// It runs in a browser context of its own (signed in as guest), after the functional checks of
// e2e/run.mjs, and prints one table row per page: the rules violated and their node counts, with
// how many of them are Backstage's in brackets.
//
// On its own, against an app that already runs with the demo data posted (`./dev start`, then
// `./dev yarn demo`, with auth.providers.guest.userEntityRef set to user:default/guest):
//
//   ./dev node e2e/a11y.mjs [http://localhost:3000]
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AxeBuilder } from '@axe-core/playwright';
import {
  HarnessError,
  createHarness,
  findChromium,
  launchBrowser,
  signInAsGuest,
} from './harness.mjs';

/** axe-core's tags for the WCAG 2.0 and 2.1 success criteria of levels A and AA. */
export const WCAG_21_AA_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

const VIEWPORT = { width: 1280, height: 800 };

/**
 * The pages to check, in order; the first is the anchor. `ready` waits until what the page
 * shows has loaded (axe checks what is in the DOM when it runs); `open`, when present, gets
 * there by clicking, as a user would. On pages that are Backstage's with a card of the suite
 * on them (the entity overview, the home page), `scope` finds the card and only it is checked.
 */
// The innermost card holding the summary card's "Readiness" section.
const summaryCard = page =>
  page
    .locator('.MuiCard-root', {
      has: page.getByRole('region', { name: 'Readiness' }),
    })
    .last();

function pagesOf(appUrl) {
  const entity = name => `${appUrl}/catalog/default/component/${name}`;
  const reviewTab = (tab, ready) => ({
    name: `/reliability: ${tab}`,
    url: `${appUrl}/reliability`,
    open: async page => {
      await page.getByRole('tab', { name: tab, exact: true }).click();
    },
    ready: async page => {
      await page.getByRole('tabpanel', { name: tab }).waitFor();
      await ready(page.getByRole('tabpanel', { name: tab }));
    },
  });
  return [
    {
      name: 'catalog (Backstage, anchor)',
      url: `${appUrl}/`,
      ready: async page => {
        await page.getByRole('link', { name: 'checkout' }).first().waitFor();
      },
    },
    {
      name: 'checkout overview (summary card)',
      url: entity('checkout'),
      scope: summaryCard,
      ready: async page => {
        await page.getByText('Worst SLO now').waitFor();
        await page.getByRole('region', { name: 'Readiness' }).waitFor();
      },
    },
    {
      name: 'example-website overview (summary card)',
      url: entity('example-website'),
      scope: summaryCard,
      ready: async page => {
        await page.getByText(/No SLOs yet: add the/).waitFor();
      },
    },
    {
      name: 'checkout Reliability tab',
      url: `${entity('checkout')}/reliability`,
      ready: async page => {
        await page.getByText('objective 99.9%').first().waitFor();
        await page.getByRole('list', { name: 'Recent pages' }).waitFor();
        await page
          .getByRole('heading', { name: 'Which windows burn?' })
          .waitFor();
        await page.getByText('Gold (highest level)').first().waitFor();
      },
    },
    {
      name: 'checkout SLO history',
      url: `${entity('checkout')}/reliability`,
      open: async page => {
        await page
          .getByRole('button', {
            name: 'Show history of Checkout availability',
          })
          .click();
      },
      ready: async page => {
        await page.getByText('History of Checkout availability').waitFor();
        await page
          .getByText('Error budget remaining (burn-down)')
          .or(page.getByText('No history in this range yet', { exact: false }))
          .first()
          .waitFor();
      },
    },
    {
      name: 'payments Reliability tab',
      url: `${entity('payments')}/reliability`,
      ready: async page => {
        await page.getByText('Service level objectives').waitFor();
        await page.getByRole('region', { name: 'On call now' }).waitFor();
        await page
          .getByRole('region', { name: 'Production readiness' })
          .waitFor();
      },
    },
    {
      name: 'reliability-backend Reliability tab',
      url: `${entity('reliability-backend')}/reliability`,
      ready: async page => {
        await page.getByText('Service level objectives').waitFor();
        await page.getByText('Readiness scorecards').waitFor();
      },
    },
    {
      name: 'example-website Reliability tab (empty state)',
      url: `${entity('example-website')}/reliability`,
      ready: async page => {
        await page.getByText('No SLOs defined for this entity yet').waitFor();
        // The snippets load their highlighter lazily.
        await page.getByText('apiVersion: openslo/v1').first().waitFor();
      },
    },
    reviewTab('Scorecards', async panel => {
      await panel.getByRole('table').waitFor();
    }),
    reviewTab('Teams', async panel => {
      await panel.getByRole('link', { name: 'payments' }).first().waitFor();
    }),
    reviewTab('Level trend', async panel => {
      await panel.getByText('Levels over time').waitFor();
    }),
    reviewTab('Campaigns', async panel => {
      await panel.getByText('Campaigns', { exact: true }).first().waitFor();
    }),
    reviewTab('Burning SLOs', async panel => {
      await panel.getByText('Burning fastest').first().waitFor();
    }),
    reviewTab('Alert quality', async panel => {
      await panel
        .getByText(/^Alert quality by team/)
        .first()
        .waitFor();
    }),
    {
      name: 'home (on-call card)',
      url: `${appUrl}/home`,
      // The widget's cell of the home page grid, with the title the home plugin gives it.
      scope: page =>
        page
          .locator('.react-grid-item', {
            has: page.getByRole('list', { name: 'On call for my services' }),
          })
          .last(),
      ready: async page => {
        await page
          .getByRole('list', { name: 'On call for my services' })
          .getByRole('link', { name: 'checkout' })
          .waitFor();
      },
    },
  ];
}

/** Waits until no loading indicator of Backstage (`Progress`) or of the suite is left. */
async function settled(page) {
  await page
    .locator('[data-testid="progress"]')
    .or(page.getByText('Loading…', { exact: true }))
    .first()
    .waitFor({ state: 'detached' });
}

/**
 * The page's violations, each node known by its selector, its markup (with the counters that
 * JSS appends to class names removed, so that the same element compares equal across pages)
 * and whether it sits in the page's content (`<main>`) or in the app shell around it.
 */
async function violationsOf(page, results) {
  const violations = results.violations.map(violation => ({
    rule: violation.id,
    impact: violation.impact,
    help: violation.help,
    nodes: violation.nodes.map(node => ({
      target: node.target.join(' '),
      selector: node.target.length === 1 ? node.target[0] : undefined,
      html: node.html,
      summary: node.failureSummary,
    })),
  }));
  const selectors = violations.flatMap(v => v.nodes.map(n => n.selector));
  const inMain = await page.evaluate(
    list =>
      list.map(selector => {
        const element = selector && document.querySelector(selector);
        // Unknown where it is (in a frame, or gone): count it as the page's own.
        return element ? Boolean(element.closest('main')) : true;
      }),
    selectors,
  );
  let index = 0;
  for (const violation of violations) {
    for (const node of violation.nodes) {
      node.inMain = inMain[index++];
    }
  }
  return violations;
}

/** Markup without JSS's class-name counters (`BackstageSidebarItem-root-385`). */
export function normalizeMarkup(html) {
  return html.replace(/\b([A-Za-z][\w]*-[A-Za-z][\w]*)-\d+\b/g, '$1');
}

/**
 * Splits a page's violations into Backstage's and the suite's own. Backstage's are those in
 * the app shell (outside `<main>`: the sidebar) that the anchor page has too, as the same rule on
 * the same markup. Everything in a page's content counts as the page's own, Backstage
 * components included: the suite chose and configured them (the catalog page's sortable,
 * draggable table headers are Backstage's problem there and ours where we render such a table).
 */
export function compareWithAnchor(violations, anchorViolations) {
  const shellKeys = new Set(
    anchorViolations.flatMap(v =>
      v.nodes
        .filter(n => !n.inMain)
        .map(n => `${v.rule}|${normalizeMarkup(n.html)}`),
    ),
  );
  const isBackstages = (rule, node) =>
    !node.inMain && shellKeys.has(`${rule}|${normalizeMarkup(node.html)}`);
  const own = [];
  const shared = [];
  for (const violation of violations) {
    const ownNodes = violation.nodes.filter(
      n => !isBackstages(violation.rule, n),
    );
    const sharedNodes = violation.nodes.filter(n =>
      isBackstages(violation.rule, n),
    );
    if (ownNodes.length > 0) {
      own.push({ ...violation, nodes: ownNodes });
    }
    if (sharedNodes.length > 0) {
      shared.push({ ...violation, nodes: sharedNodes });
    }
  }
  return { own, shared };
}

const nodeCount = violations =>
  violations.reduce((sum, v) => sum + v.nodes.length, 0);

function formatTable(rows) {
  const header = [
    'page',
    'rules',
    'nodes',
    'suite',
    'violations (rule: nodes)',
  ];
  const lines = rows.map(row => [
    row.name,
    String(row.violations.length),
    String(nodeCount(row.violations)),
    row.anchor ? 'anchor' : String(nodeCount(row.own)),
    row.violations
      .map(v => {
        const shared = row.shared.find(s => s.rule === v.rule);
        return shared && !row.anchor
          ? `${v.rule}: ${v.nodes.length} (${shared.nodes.length} Backstage's)`
          : `${v.rule}: ${v.nodes.length}`;
      })
      .join(', ') || 'none',
  ]);
  const widths = header.map((h, i) =>
    Math.max(h.length, ...lines.map(line => line[i].length)),
  );
  const format = cells =>
    cells
      .map((cell, i) =>
        i === cells.length - 1 ? cell : cell.padEnd(widths[i]),
      )
      .join('  ');
  return [format(header), ...lines.map(format)].join('\n');
}

/**
 * Opens every page of the suite in a browser context of its own, runs axe-core on each and
 * prints the table. Throws when a page has a violation the anchor page does not have, listing
 * each with its selector, markup and axe's explanation.
 *
 * @returns the pages checked, with their violations
 */
export async function runAccessibilityCheck(options) {
  const { harness, executablePath, appUrl, timeoutMs, outDir, only } = options;
  const { log } = harness;
  const context = await launchBrowser(harness, executablePath);
  const page = await context.newPage();
  await page.setViewportSize(VIEWPORT);
  page.setDefaultTimeout(timeoutMs);
  await page.goto(appUrl, { waitUntil: 'domcontentloaded' });
  await signInAsGuest(page, timeoutMs);

  // The anchor is checked first and again last: the shell changes during a run (the sidebar's
  // Notifications item gains an unread count when a notification arrives), and whatever it
  // showed on a page in between it shows on one of the two.
  const pages = pagesOf(appUrl);
  const anchorPage = pages[0];
  const targets = [
    anchorPage,
    ...pages.slice(1).filter(target => !only || only.test(target.name)),
    { ...anchorPage, name: `${anchorPage.name}, again` },
  ];
  const checked = [];
  for (const target of targets) {
    log(`axe: ${target.name}`);
    await page.goto(target.url, { waitUntil: 'domcontentloaded' });
    if (target.open) {
      await settled(page);
      await target.open(page);
    }
    await target.ready(page);
    await settled(page);
    const axe = new AxeBuilder({ page }).withTags(WCAG_21_AA_TAGS);
    if (target.scope) {
      await target
        .scope(page)
        .evaluate(element => element.setAttribute('data-a11y-scope', ''));
      axe.include('[data-a11y-scope]');
    }
    const results = await axe.analyze();
    const violations = await violationsOf(page, results);
    if (outDir) {
      mkdirSync(outDir, { recursive: true });
      const file = `${target.name
        .replace(/[^a-z0-9]+/gi, '-')
        .toLowerCase()}.json`;
      writeFileSync(
        join(outDir, file),
        JSON.stringify(results.violations, null, 2),
      );
    }
    log(
      `axe: ${target.name}: ${violations.length} rules, ${nodeCount(
        violations,
      )} nodes (${violations
        .map(v => `${v.rule} ${v.nodes.length}`)
        .join(', ')})`,
    );
    checked.push({ ...target, violations });
  }
  const anchors = [checked[0], checked[checked.length - 1]];
  const anchorViolations = anchors.flatMap(a => a.violations);
  const rows = checked.map(row =>
    anchors.includes(row)
      ? { ...row, anchor: true, own: [], shared: [] }
      : { ...row, ...compareWithAnchor(row.violations, anchorViolations) },
  );

  const table = formatTable(rows);
  process.stderr.write(
    `\naxe-core ${WCAG_21_AA_TAGS.join(', ')} at ${VIEWPORT.width}×${
      VIEWPORT.height
    }; "suite" counts the nodes that are not Backstage's app shell as on the anchor:\n${table}\n\n`,
  );
  const failing = rows.filter(row => row.own.length > 0);
  if (failing.length > 0) {
    const details = failing.flatMap(row =>
      row.own.flatMap(v =>
        v.nodes.map(
          n =>
            `  ${row.name}: ${v.rule} (${v.impact}: ${v.help}) at ${n.target}\n` +
            `    ${n.html.slice(0, 300)}\n    ${String(n.summary).replace(
              /\n/g,
              '\n    ',
            )}`,
        ),
      ),
    );
    throw new HarnessError(
      `accessibility: ${nodeCount(
        failing.flatMap(r => r.own),
      )} axe-core violations on ${
        failing.length
      } pages that Backstage's catalog page does not have:\n${details.join(
        '\n',
      )}`,
    );
  }
  return rows;
}

if (
  process.argv[1] &&
  resolve(process.argv[1]) === fileURLToPath(import.meta.url)
) {
  const harness = createHarness('a11y');
  const appUrl = process.argv[2] ?? 'http://localhost:3000';
  try {
    await runAccessibilityCheck({
      harness,
      executablePath: findChromium(harness.log),
      appUrl,
      timeoutMs: Number(process.env.E2E_STEP_TIMEOUT_MS ?? 180_000),
      // A11Y_OUT_DIR: where to write axe's results per page; A11Y_PAGES: a regular expression
      // of the page names to check (the anchor is always checked).
      outDir: process.env.A11Y_OUT_DIR,
      only: process.env.A11Y_PAGES
        ? new RegExp(process.env.A11Y_PAGES, 'i')
        : undefined,
    });
    console.log(`a11y: passed for ${appUrl}`);
  } catch (error) {
    process.stderr.write(`${error.stack ?? error}\n`);
    console.log(`a11y: FAILED: ${String(error.message).split('\n')[0]}`);
    process.exitCode = 1;
  } finally {
    await harness.cleanup();
  }
}
