import { z } from 'zod';
import { strictObject } from '../../spec/validation/strictObject';
import type { ScorecardCheck } from '../ScorecardCheck';
import { count, fail, listSome, pass, unknown } from './outcomes';

const NOT_COLLECTED = 'runbook data was not collected';
const NO_RUNBOOK = 'no runbook declared';

/**
 * The entity has a runbook.
 *
 * @public
 */
export const runbookPresentCheck: ScorecardCheck<Record<string, never>> = {
  id: 'runbook-present',
  title: 'Runbook present',
  description:
    'The entity declares at least one runbook (reliability/runbook annotation, a link of type "runbook", or runbook URLs of its alerts).',
  paramsSchema: strictObject({}),
  remediation:
    'Write a runbook and add its URL as the reliability/runbook annotation in catalog-info.yaml.',
  evaluate({ runbooks }) {
    if (!runbooks) {
      return unknown(NOT_COLLECTED);
    }
    return runbooks.count > 0
      ? pass(`${count(runbooks.count, 'runbook')} declared`)
      : fail(NO_RUNBOOK);
  },
};

/**
 * Every runbook answers.
 *
 * @public
 */
export const runbooksReachableCheck: ScorecardCheck<Record<string, never>> = {
  id: 'runbooks-reachable',
  title: 'Runbooks reachable',
  description:
    'Every declared runbook URL answers, so that it opens during an incident. An entity without runbooks fails.',
  paramsSchema: strictObject({}),
  remediation:
    'Fix or remove the runbook URLs that do not answer; moved pages need their new URL in the annotation or link.',
  evaluate({ runbooks }) {
    if (!runbooks) {
      return unknown(NOT_COLLECTED);
    }
    if (runbooks.count === 0) {
      return fail(NO_RUNBOOK);
    }
    if (runbooks.unreachable.length > 0) {
      return fail(
        `${runbooks.unreachable.length} of ${
          runbooks.count
        } did not answer: ${listSome(runbooks.unreachable)}`,
      );
    }
    if (runbooks.reachableCount === undefined) {
      return unknown('the runbooks were not probed');
    }
    return runbooks.reachableCount >= runbooks.count
      ? pass(`all ${count(runbooks.count, 'runbook')} answered`)
      : unknown(
          `${runbooks.reachableCount} of ${runbooks.count} runbooks answered; the others were not probed`,
        );
  },
};

/**
 * Runbooks are kept up to date.
 *
 * @public
 */
export const runbookFreshCheck: ScorecardCheck<{ days: number }> = {
  id: 'runbook-fresh',
  title: 'Runbook fresh',
  description:
    'The most recently updated runbook changed within `days` days (default 180), a sign that it still describes the system.',
  paramsSchema: strictObject({
    days: z.number().int().min(1).max(3650).default(180),
  }),
  remediation:
    'Review the runbook against the current system and update it; a review that changes nothing still counts when it is committed.',
  evaluate({ runbooks }, { days }) {
    if (!runbooks) {
      return unknown(NOT_COLLECTED);
    }
    if (runbooks.count === 0) {
      return fail(NO_RUNBOOK);
    }
    const age = runbooks.newestUpdateAgeDays;
    if (age === undefined) {
      return unknown('when the runbooks were last updated is unknown');
    }
    const found = `last updated ${Math.floor(age)} days ago`;
    return age <= days ? pass(found) : fail(`${found}, more than ${days} days`);
  },
};

/**
 * Every paging alert tells the responder what to do.
 *
 * @public
 */
export const pagingAlertsHaveRunbooksCheck: ScorecardCheck<
  Record<string, never>
> = {
  id: 'paging-alerts-have-runbooks',
  title: 'Paging alerts have runbooks',
  description:
    'Every alert that pages names a runbook (runbook_url), so that the responder woken up knows where to start.',
  paramsSchema: strictObject({}),
  remediation:
    'Add a runbook_url annotation to every paging alert rule, pointing at the section of the runbook for that alert.',
  evaluate({ runbooks }) {
    const missing = runbooks?.pagingAlertsWithoutRunbook;
    if (missing === undefined) {
      return unknown('which paging alerts name a runbook is unknown');
    }
    return missing === 0
      ? pass('every paging alert names a runbook')
      : fail(`${count(missing, 'paging alert')} without a runbook`);
  },
};

const TREE_NOT_COLLECTED = 'the decision-tree runbook was not looked at';

/**
 * Every page-level alert starts somewhere in the decision-tree runbook.
 *
 * @public
 */
export const pageAlertsHaveRunbookEntryPointsCheck: ScorecardCheck<
  Record<string, never>
> = {
  id: 'page-alerts-have-runbook-entry-points',
  title: 'Page alerts have runbook entry points',
  description:
    'Every page-level alert (page alerts of the SLO files, alerts that paged with high urgency) has an entry point in the decision-tree runbook, so that the responder paged lands on the first question for that alert. An entity without page-level alerts passes.',
  paramsSchema: strictObject({}),
  remediation:
    'Add { alert: <AlertName>, node: <first node> } to spec.entryPoints of the runbook file the reliability/runbook annotation names (a .yaml file beside catalog-info.yaml); `reliability validate` checks it.',
  evaluate({ runbooks }) {
    const tree = runbooks?.tree;
    if (!tree) {
      return unknown(TREE_NOT_COLLECTED);
    }
    if (tree.pageAlerts.length === 0) {
      return pass('no page-level alerts');
    }
    if (!tree.declared) {
      return fail(
        `no decision-tree runbook for ${count(
          tree.pageAlerts.length,
          'page-level alert',
        )}: ${listSome(tree.pageAlerts)}`,
      );
    }
    if (!tree.valid) {
      return fail(
        'the runbook file has errors, so no alert has an entry point',
      );
    }
    const missing = tree.pageAlertsWithoutEntryPoint;
    return missing.length === 0
      ? pass(
          `every page-level alert has an entry point: ${listSome(
            tree.pageAlerts,
          )}`,
        )
      : fail(
          `${missing.length} of ${
            tree.pageAlerts.length
          } page-level alerts have no entry point: ${listSome(missing)}`,
        );
  },
};

/**
 * The decision-tree runbook was walked or changed recently.
 *
 * @public
 */
export const runbookWalkedCheck: ScorecardCheck<{ days: number }> = {
  id: 'runbook-walked',
  title: 'Runbook walked or reviewed',
  description:
    'The decision-tree runbook was walked in the portal or changed within `days` days (default 90), so that it has been tried against the current system. Last changed is when the backend first read its current content.',
  paramsSchema: strictObject({
    days: z.number().int().min(1).max(3650).default(90),
  }),
  remediation:
    'Walk the runbook on the Reliability tab (a game day or a page counts), or review and update the file; fix the steps that are flagged.',
  evaluate({ runbooks }, { days }) {
    const tree = runbooks?.tree;
    if (!tree) {
      return unknown(TREE_NOT_COLLECTED);
    }
    if (!tree.declared) {
      return fail('no decision-tree runbook declared');
    }
    const ages = [tree.lastWalkedAgeDays, tree.lastChangedAgeDays].filter(
      (age): age is number => age !== undefined,
    );
    if (ages.length === 0) {
      return unknown('when the runbook was last walked or changed is unknown');
    }
    const walked =
      tree.lastWalkedAgeDays === undefined
        ? 'never walked'
        : `walked ${Math.floor(tree.lastWalkedAgeDays)} days ago`;
    const changed =
      tree.lastChangedAgeDays === undefined
        ? ''
        : `, changed ${Math.floor(tree.lastChangedAgeDays)} days ago`;
    const found = `${walked}${changed}`;
    return Math.min(...ages) <= days
      ? pass(found)
      : fail(`${found}: neither within ${days} days`);
  },
};
